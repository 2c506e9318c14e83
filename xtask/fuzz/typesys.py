"""The generator's types and what operators give on them, measured on CPython and NumPy.

A type is a string for scalars (`int`, `float`, `bool`, and the fixed widths `i8` ... `u64`, `f32`,
`f64`, `b1`), `("tuple", (T, ...))` for tuples and `("arr", DTYPE, NDIM)` for arrays.
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

NP_NAME = {
    "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
    "u8": "uint8", "u16": "uint16", "u32": "uint32", "u64": "uint64",
    "f32": "float32", "f64": "float64", "b1": "bool_",
}
_BY_NP_TYPE = {getattr(np, n): t for t, n in NP_NAME.items()}
_BY_PY_TYPE = {int: "int", float: "float", bool: "bool"}

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
    kind = getattr(np, NP_NAME[t])
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
    if op in ("&", "|", "^"):
        # On bools: bool with bool, b1 with b1; otherwise integers only.
        if lt in logic or rt in logic:
            return lt == rt
        return is_int_like(lt) and is_int_like(rt)
    if lt in logic or rt in logic:
        return False
    if op in ("<<", ">>"):
        return lt == rt == "int"  # shifts of fixed-width integers are not supported yet
    if op == "**" and "f32" in (lt, rt):
        return False  # `**` on f32 is not supported yet
    return True


def _build_tables():
    arith, compare = {}, {}
    for op in ARITH_OPS:
        for lt in SCALARS:
            for rt in SCALARS:
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


# (op, left, right) -> result type, for every combination that CPython and NumPy accept.
ARITH, COMPARE = _build_tables()


def arith_producers(result):
    """Every (op, left, right) whose result type is `result`."""
    return [k for k, v in ARITH.items() if v == result]


def compare_producers(result):
    return [k for k, v in COMPARE.items() if v == result]


def finite(x):
    return not (math.isnan(x) or math.isinf(x))
