"""The generator's types and what operators give on them, measured on CPython and NumPy.

A type is a string for scalars (`int`, `float`, `bool`, `complex`, and the fixed widths `i8` ... `u64`,
`f32`, `f64`, `b1`, `c64`, `c128`), `("tuple", (T, ...))` for tuples and `("arr", DTYPE, NDIM)` for
arrays. The complex types are kept apart from the real ones (SCALARS, FIXED, DTYPES are real only):
they belong to the `complex-scalars` (Python `complex`) and `complex-arrays` (`c64`, `c128`) features,
and `needed_features` says which a type or operand kind needs.
Result types of operators are not hand-written: they are measured once by running each operator on
sample values, so the generator follows NumPy 2's promotion rules exactly.
"""

import math
import warnings

import numpy as np

PY_SCALARS = ("int", "float", "bool")
FIXED_INTS = ("i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64")
FIXED_FLOATS = ("f32", "f64")
FIXED = FIXED_INTS + FIXED_FLOATS + ("b1",)
SCALARS = PY_SCALARS + FIXED
DTYPES = FIXED
# Types with arithmetic (bools and b1 only take logic, comparisons and conversions).
NUMERIC = ("int", "float") + FIXED_INTS + FIXED_FLOATS
# Complex numbers: Python's `complex` and NumPy's complex64/complex128 (scalars and array dtypes).
PY_COMPLEX = ("complex",)
FIXED_COMPLEX = ("c64", "c128")
COMPLEX_TYPES = PY_COMPLEX + FIXED_COMPLEX
ALL_SCALARS = SCALARS + COMPLEX_TYPES
ALL_DTYPES = DTYPES + FIXED_COMPLEX
# The real type of the parts of each complex type (`z.real`, `abs(z)`).
PART_TYPE = {"complex": "float", "c128": "f64", "c64": "f32"}

NP_NAME = {
    "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
    "u8": "uint8", "u16": "uint16", "u32": "uint32", "u64": "uint64",
    "f32": "float32", "f64": "float64", "b1": "bool_", "c64": "complex64", "c128": "complex128",
}
_BY_NP_TYPE = {getattr(np, n): t for t, n in NP_NAME.items()}
_BY_PY_TYPE = {int: "int", float: "float", bool: "bool", complex: "complex"}

ARITH_OPS = ("+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>")
COMPARE_OPS = ("<", "<=", ">", ">=", "==", "!=")


def is_array(t):
    return isinstance(t, tuple) and t[0] == "arr"


def is_tuple(t):
    return isinstance(t, tuple) and t[0] == "tuple"


def is_scalar(t):
    return isinstance(t, str)


def is_fixed(t):
    return t in FIXED


def is_complex(t):
    """A complex scalar type, a complex array type or a complex operand kind."""
    if isinstance(t, tuple) and t[0] in ("arr", "a"):
        return t[1] in FIXED_COMPLEX
    return t in COMPLEX_TYPES


def needed_features(t):
    """The complex features a type, an operand kind (`("a", dtype)`) or a tuple type needs."""
    if isinstance(t, tuple):
        if t[0] in ("arr", "a"):
            return needed_features(t[1])
        if t[0] == "tuple":
            return frozenset().union(*(needed_features(e) for e in t[1]))
    if t == "complex":
        return frozenset(("complex-scalars",))
    if t in FIXED_COMPLEX:
        return frozenset(("complex-arrays",))
    return frozenset()


def complex_f64(lt, rt):
    """A Python complex on the left of an np.float64 (a float subclass): CPython computes it as
    Python complex arithmetic (a complex result, `/` by zero raising), pyaot as NumPy's complex128
    (the `complex-f64` switch)."""
    return lt == "complex" and rt == "f64"


def is_int_like(t):
    """Python int or a fixed-width integer."""
    return t == "int" or t in FIXED_INTS


def is_float_like(t):
    return t == "float" or t in FIXED_FLOATS


def int_range(t):
    """(min, max) of a fixed-width integer type."""
    info = np.iinfo(getattr(np, NP_NAME[t]))
    return int(info.min), int(info.max)


def arr(dtype, ndim):
    return ("arr", dtype, ndim)


def tup(*elems):
    return ("tuple", tuple(elems))


def annotation(t):
    """The source text of an annotation for type t."""
    if is_array(t):
        return f"{t[1]}[{', '.join([':'] * t[2])}]"
    if is_tuple(t):
        return f"tuple[{', '.join(annotation(e) for e in t[1])}]"
    if t is None:
        return "None"
    return t


def type_of_value(v):
    """The generator type of a CPython value, or None when it has none."""
    if type(v) in _BY_PY_TYPE:
        return _BY_PY_TYPE[type(v)]
    return _BY_NP_TYPE.get(type(v))


def _sample(t):
    if t == "int":
        return 3
    if t == "float":
        return 1.5
    if t == "bool":
        return True
    if t == "b1":
        return np.True_
    if t == "complex":
        return 1.5 + 0.5j
    kind = getattr(np, NP_NAME[t])
    if t in FIXED_COMPLEX:
        return kind(1.5 + 0.5j)
    return kind(1.5) if t in FIXED_FLOATS else kind(3)


def _measure(op, lt, rt):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            r = eval(f"a {op} b", {"a": _sample(lt), "b": _sample(rt)})  # noqa: S307, fixed text
        except Exception:  # noqa: BLE001, the operator does not apply
            return None
    return type_of_value(r)


def _allowed_arith(op, lt, rt):
    """Operators the language has for these operand types (docs/language.md)."""
    logic = ("bool", "b1")
    if lt in COMPLEX_TYPES or rt in COMPLEX_TYPES:
        # + - * / ** widen ints, floats and (beside a Python complex) bools; no `**` with f32.
        if op not in ("+", "-", "*", "/", "**") or "b1" in (lt, rt):
            return False
        if "bool" in (lt, rt) and "complex" not in (lt, rt):
            return False
        return not (op == "**" and "f32" in (lt, rt))
    if op in ("&", "|", "^"):
        # On bools: bool with bool, b1 with b1; otherwise integers only.
        if lt in logic or rt in logic:
            return lt == rt
        return is_int_like(lt) and is_int_like(rt)
    if lt in logic or rt in logic:
        return False
    if op in ("<<", ">>"):
        return lt == rt == "int"  # shifts of fixed-width integers are not supported yet
    return True


def _build_tables():
    arith, compare = {}, {}
    for op in ARITH_OPS:
        for lt in ALL_SCALARS:
            for rt in ALL_SCALARS:
                if _allowed_arith(op, lt, rt):
                    r = _measure(op, lt, rt)
                    if r is not None:
                        arith[(op, lt, rt)] = r
    for op in COMPARE_OPS:
        for lt in SCALARS:
            for rt in SCALARS:
                logic = ("bool", "b1")
                if (lt in logic or rt in logic) and (op not in ("==", "!=") or lt != rt):
                    continue
                r = _measure(op, lt, rt)
                if r is not None:
                    compare[(op, lt, rt)] = r
    return arith, compare


def _build_complex_compare():
    """`==` and `!=` with a complex operand (ordering is a compile error): with any number, bools
    only beside a Python complex."""
    out = {}
    for op in ("==", "!="):
        for lt in ALL_SCALARS:
            for rt in ALL_SCALARS:
                if not (is_complex(lt) or is_complex(rt)) or "b1" in (lt, rt):
                    continue
                if "bool" in (lt, rt) and "complex" not in (lt, rt):
                    continue
                r = _measure(op, lt, rt)
                if r is not None:
                    out[(op, lt, rt)] = r
    return out


# (op, left, right) -> result type, for every combination that CPython and NumPy accept. ARITH
# holds the complex operators too (their results are complex); COMPARE is real only, complex
# equality is in COMPLEX_COMPARE.
ARITH, COMPARE = _build_tables()
COMPLEX_COMPARE = _build_complex_compare()


def arith_producers(result):
    """Every (op, left, right) whose result type is `result`."""
    return [k for k, v in ARITH.items() if v == result]


def compare_producers(result):
    return [k for k, v in COMPARE.items() if v == result]


def finite(x):
    return not (math.isnan(x) or math.isinf(x))


# ---- Arrays: operators, NumPy functions and reductions, measured on NumPy arrays. ----
#
# An operand kind is a scalar type or ("a", DTYPE) for an array of that dtype (any shape). NumPy 2
# promotes arrays as it promotes scalars, but the tables are measured on arrays all the same, so
# that Python scalars beside arrays (weak) and the functions' own rules come out exactly.

UFUNC1 = ("sqrt", "exp", "log", "sin", "cos", "arctan", "floor", "ceil", "trunc", "rint", "fabs", "abs",
          "sign", "square", "isnan", "isinf", "isfinite")
UFUNC2 = ("maximum", "minimum", "fmax", "fmin", "hypot", "copysign", "arctan2")
# NumPy computes these with its own SIMD code for float32 (and tanh, left out, for float64 too):
# only their float64 loops agree with the C library bit for bit.
TRANSCENDENTAL = ("exp", "log", "sin", "cos", "arctan", "hypot", "arctan2")
# The element functions NumPy (and pyaot, docs/language.md) has for complex arrays and scalars.
# np.real and np.imag of a Python complex give Python floats: only of NumPy operands.
COMPLEX_UFUNC1 = ("sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
                  "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
                  "rint", "square", "abs", "sign", "isnan", "isinf", "isfinite", "conj", "real", "imag",
                  "angle")
COMPLEX_UFUNC2 = ("power",)
REDUCTIONS = ("sum", "prod", "min", "max", "mean", "var", "std", "argmin", "argmax", "any", "all")
# Reductions of complex arrays (no ordering, no var/std/any/all).
COMPLEX_REDUCTIONS = ("sum", "prod", "mean")
CUMULATIVE = ("cumsum", "cumprod")
_INPLACE_NAMES = {"+": "iadd", "-": "isub", "*": "imul", "/": "itruediv", "//": "ifloordiv", "%": "imod",
                  "**": "ipow", "&": "iand", "|": "ior", "^": "ixor"}


def akind(dtype):
    return ("a", dtype)


def is_akind(k):
    return isinstance(k, tuple) and k[0] == "a"


def kind_type(k):
    """The dtype of an array kind, the type of a scalar kind."""
    return k[1] if is_akind(k) else k


def _operand(k):
    if is_akind(k):
        return np.array([_sample(k[1])] * 2, dtype=getattr(np, NP_NAME[k[1]]))
    return _sample(k)


def _kind_of(r):
    """The operand kind of a NumPy result (array or scalar), None for other types (float16, ...)."""
    if isinstance(r, np.ndarray):
        t = _BY_NP_TYPE.get(r.dtype.type)
        return None if t is None or r.ndim == 0 else akind(t)
    return type_of_value(r)


def _try(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn()
        except Exception:  # noqa: BLE001, NumPy refuses these operands
            return None


def _compiled_array_op(op, lt, rt):
    """Operators pyaot compiles on arrays (docs/language.md): no shifts, no `**` of complex
    with f32, no arithmetic between two booleans."""
    lk, rk = kind_type(lt), kind_type(rt)
    if op in ("<<", ">>"):
        return False
    if is_complex(lk) or is_complex(rk):
        if op not in ("+", "-", "*", "/", "**"):
            return False
        if op == "**" and ({lk, rk} & {"bool", "b1", "f32"}):
            return False
        return True
    if op in ("&", "|", "^"):
        return True
    if lk in ("bool", "b1") and rk in ("bool", "b1"):
        return False
    return True


ARRAY_KINDS = tuple(akind(d) for d in DTYPES)
REAL_KINDS = ARRAY_KINDS + SCALARS
COMPLEX_KINDS = tuple(akind(d) for d in FIXED_COMPLEX) + COMPLEX_TYPES
ALL_KINDS = REAL_KINDS + COMPLEX_KINDS


def _build_array_tables():
    arith, compare, inplace = {}, {}, {}
    pairs = [(lt, rt) for lt in ALL_KINDS for rt in ALL_KINDS if is_akind(lt) or is_akind(rt)]
    for op in ARITH_OPS:
        for lt, rt in pairs:
            if _compiled_array_op(op, lt, rt):
                r = _try(lambda: _kind_of(eval(f"a {op} b", {"a": _operand(lt), "b": _operand(rt)})))  # noqa: S307
                if r is not None:
                    arith[(op, lt, rt)] = r[1]
    for op in COMPARE_OPS:
        for lt, rt in pairs:
            if op not in ("==", "!=") and (is_complex(lt) or is_complex(rt)):
                continue  # complex ordering is a compile error
            r = _try(lambda: _kind_of(eval(f"a {op} b", {"a": _operand(lt), "b": _operand(rt)})))  # noqa: S307
            if r is not None:
                compare[(op, lt, rt)] = r[1]
    import operator
    for (op, lt, rt) in arith:
        if is_akind(lt):
            fn = getattr(operator, _INPLACE_NAMES[op])
            if _try(lambda: fn(_operand(lt), _operand(rt))) is not None:
                inplace[(op, lt[1], rt)] = True
    return arith, compare, inplace


def _build_function_tables():
    ufunc1, ufunc2, clip, where = {}, {}, {}, {}
    for fn in UFUNC1:
        for k in REAL_KINDS:
            r = _try(lambda: _kind_of(getattr(np, fn)(_operand(k))))
            if r is not None and (fn not in TRANSCENDENTAL or kind_type(r) == "f64"):
                ufunc1[(fn, k)] = r
    # Complex operands: NumPy's complex loops call the C library (npy_csqrt, ...).
    for fn in COMPLEX_UFUNC1:
        for k in COMPLEX_KINDS:
            if k == "complex" and fn in ("real", "imag"):
                continue
            r = _try(lambda: _kind_of(getattr(np, fn)(_operand(k))))
            if r is not None:
                ufunc1[(fn, k)] = r
    for fn in COMPLEX_UFUNC2:
        for lt in ALL_KINDS:
            for rt in ALL_KINDS:
                if not (is_complex(lt) or is_complex(rt)) or ({kind_type(lt), kind_type(rt)} & {"bool", "b1", "f32"}):
                    continue
                r = _try(lambda: _kind_of(getattr(np, fn)(_operand(lt), _operand(rt))))
                if r is not None and is_akind(r) == (is_akind(lt) or is_akind(rt)):
                    ufunc2[(fn, lt, rt)] = r
    for fn in UFUNC2:
        for lt in REAL_KINDS:
            for rt in REAL_KINDS:
                r = _try(lambda: _kind_of(getattr(np, fn)(_operand(lt), _operand(rt))))
                if r is None or (fn in TRANSCENDENTAL and kind_type(r) != "f64"):
                    continue
                # pyaot's fmax/fmin are those of floats (NaN-ignoring): no integer or bool results.
                if fn in ("fmax", "fmin") and kind_type(r) not in FIXED_FLOATS:
                    continue
                if is_akind(r) == (is_akind(lt) or is_akind(rt)):
                    ufunc2[(fn, lt, rt)] = r
    for d in DTYPES:
        for bound in ("int", "float", d):
            r = _try(lambda: _kind_of(np.clip(_operand(akind(d)), _sample(bound), _sample(bound))))
            if r is not None:
                clip[(d, bound)] = r[1]
    cond = np.array([True, False])
    for x in ALL_KINDS:
        for y in ALL_KINDS:
            r = _try(lambda: _kind_of(np.where(cond, _operand(x), _operand(y))))
            if r is not None:
                where[(x, y)] = r[1]
    return ufunc1, ufunc2, clip, where


def _build_reduction_tables():
    """(function, dtype) -> type of the whole-array result; of the result with an axis (an array
    dtype); of cumsum/cumprod."""
    whole, axis, cum = {}, {}, {}
    for d in ALL_DTYPES:
        m = np.array([[_sample(d)] * 2] * 2, dtype=getattr(np, NP_NAME[d]))
        for fn in (COMPLEX_REDUCTIONS if d in FIXED_COMPLEX else REDUCTIONS):
            r = _try(lambda: type_of_value(getattr(np, fn)(m)))
            if r is not None:
                whole[(fn, d)] = r
            if fn not in ("any", "all"):  # pyaot's any/all take no axis
                r = _try(lambda: _kind_of(getattr(np, fn)(m, axis=0)))
                if r is not None:
                    axis[(fn, d)] = r[1]
        for fn in CUMULATIVE:
            r = _try(lambda: _kind_of(getattr(np, fn)(m)))
            if r is not None:
                cum[(fn, d)] = r[1]
    return whole, axis, cum


# (op, left kind, right kind) -> result dtype, for operators with at least one array operand.
ARR_ARITH, ARR_COMPARE, ARR_INPLACE = _build_array_tables()
# (fn, kind) and (fn, kind, kind) -> result kind; (dtype, bound type) -> dtype; (x kind, y kind) -> dtype.
UFUNC1_TYPES, UFUNC2_TYPES, CLIP_TYPES, WHERE_TYPES = _build_function_tables()
REDUCE_WHOLE, REDUCE_AXIS, REDUCE_CUM = _build_reduction_tables()


def _loop_differs(fn, lt, rt):
    """Whether NumPy computes fn(lt, rt) in another dtype than fn of both operands promoted first
    (np.copysign(int8, uint16) takes the float32 loop, though the promotion is int32)."""
    a, b = _operand(lt), _operand(rt)
    promoted = np.result_type(a, b)
    r = _try(lambda: _kind_of(getattr(np, fn)(np.asarray(a).astype(promoted), np.asarray(b).astype(promoted))))
    return r is None or kind_type(r) != kind_type(UFUNC2_TYPES[(fn, lt, rt)])


# Entries of UFUNC2_TYPES where that is so (the `ufunc-loop-dtype` switch).
UFUNC2_LOOP = {k for k in UFUNC2_TYPES if _loop_differs(*k)}


def same_kind_cast(src, dst):
    """Whether NumPy's `same_kind` casting takes dtype src to dtype dst."""
    return bool(np.can_cast(getattr(np, NP_NAME[src]), getattr(np, NP_NAME[dst]), "same_kind"))
