"""Complex numbers: Python's `complex` (`complex-scalars`), the `cmath` module (`cmath`) and NumPy's
complex scalars (`complex-arrays`).

Operator result types come from the measured tables of typesys.py, as for the real types (`1j +
np.float64(1.0)` is a Python complex, `np.float64(1.0) + 1j` an np.complex128). Complex arrays are
made by the array rules (arraygen.py, npgen.py), which draw c64/c128 under `complex-arrays`.

Left out as docs/language.md says: `//`, `%` and ordering comparisons of complex numbers, `and`/`or`
of complex operands (refused: the result's type would depend on the values), `cmath.log(z, base)`.
An int compared with a complex number stays within 2**53 (beyond it pyaot converts the int to
float first, a documented difference). `cmath` functions of arguments with infinite or NaN parts
return the C library's special values, which the documented-differences model computes
(verdict.py).
"""

import ast

import values
from astx import attr, call, int_lit, literal, np_type, typed
from exprgen import CMPOPS, binop_node, pick_operands, weak_operand
from rules import expr, gen_expr
from typesys import ARITH, COMPLEX_COMPARE, FIXED_COMPLEX, FIXED_FLOATS, FIXED_INTS, complex_f64, is_complex

CMATH_COMPLEX = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
                 "tanh", "asinh", "acosh", "atanh"]
CMATH_PREDICATES = ["isnan", "isinf", "isfinite"]
CMATH_REAL_CONSTANTS = ["pi", "e", "tau", "inf", "nan"]
CMATH_COMPLEX_CONSTANTS = ["infj", "nanj"]


def _complex_sources(fx):
    """The complex types at hand: Python complex and, under complex-arrays, c128 and c64."""
    return [t for t in ("complex", "complex", "complex", "c128", "c64") if fx.allows(t)]


def _int_beside_complex(fx, depth):
    """A Python int compared with a complex number: within 2**53 (documented difference beyond)."""
    if fx.chance(0.5):
        return int_lit(fx.rng.choice([0, 1, -1, 2, 3, 100, -7, 2**53, -(2**53)]))
    return binop_node(gen_expr(fx, "int", depth), "%", int_lit(fx.rng.choice([7, 1000, 2**53])), "int")


# ---- Literals and constructors ----

@expr("complex-scalars", weight=3, types=("complex",), leaf=True)
def complex_literal(fx, ty, depth):
    """`2j`, `1.5 - 0.5j`, `complex(-0.0, inf)`: small and edge values."""
    return literal("complex", values.pick(fx.rng, "complex", 0.2))


@expr("complex-arrays", weight=2, types=FIXED_COMPLEX, leaf=True)
def np_complex_literal(fx, ty, depth):
    """np.complex128(1.5 - 0.5j), np.complex64(complex(nan, 0.0))."""
    return literal(ty, values.pick(fx.rng, ty, 0.2))


@expr("complex-scalars", weight=2, types=("complex",))
def complex_ctor(fx, ty, depth):
    """complex(x), complex(re, im) of real numbers (Python and fixed-width), complex(z)."""
    reals = ["float"] * 4 + ["int", "int", "bool", "f64", "f32", "i32", "u64", "i8"]
    r = fx.rng.random()
    if r < 0.05:
        return call("complex", [], ty)
    if r < 0.4:
        src = fx.rng.choice(reals + ["complex"])
        return call("complex", [gen_expr(fx, src, depth)], ty)
    return call("complex", [gen_expr(fx, fx.rng.choice(reals), depth),
                            gen_expr(fx, fx.rng.choice(reals), depth)], ty)


@expr("complex-arrays", weight=2, types=FIXED_COMPLEX)
def np_complex_ctor(fx, ty, depth):
    """np.complex128(x), np.complex64(z) from Python numbers and fixed widths (real or complex)."""
    pool = ["float", "int"] + (["complex"] * 3 if fx.allows("complex") else []) + list(FIXED_FLOATS) + [
        "i32", "u8", "i64", "c64", "c128"]
    return call(np_type(ty), [gen_expr(fx, fx.rng.choice(pool), depth)], ty)


# ---- Operators ----

def _complex_binop(fx, ty, depth):
    cands = [k for k, r in ARITH.items() if r == ty and fx.allows(k[1], k[2]) and (
        fx.on("complex-f64") or not complex_f64(k[1], k[2]))]
    if not cands:
        return None
    op, lt, rt = pick_operands(fx, cands, ty)
    left = weak_operand(fx, lt, rt, depth)
    if op == "**" and rt == "int" and fx.chance(0.6):
        # Integral exponents up to 100 take CPython's repeated squaring, others the polar form.
        right = int_lit(fx.rng.choice([0, 1, 2, 3, 5, -1, -2, 100, 101, -101, 7]))
    else:
        right = weak_operand(fx, rt, lt, depth)
    return binop_node(left, op, right, ty)


@expr("complex-scalars", weight=7, types=("complex",))
def complex_arith(fx, ty, depth):
    """+ - * / ** of complex numbers with ints, floats, bools and complex numbers."""
    return _complex_binop(fx, ty, depth)


@expr("complex-arrays", weight=5, types=FIXED_COMPLEX)
def np_complex_arith(fx, ty, depth):
    """+ - * / ** of NumPy complex scalars with every number (NumPy 2 promotion)."""
    return _complex_binop(fx, ty, depth)


def _unary(fx, ty, depth):
    op = fx.rng.choice([ast.USub, ast.USub, ast.UAdd])
    return typed(ast.UnaryOp(op=op(), operand=gen_expr(fx, ty, depth)), ty)


@expr("complex-scalars", weight=2, types=("complex",))
def complex_unary(fx, ty, depth):
    """-z, +z."""
    return _unary(fx, ty, depth)


@expr("complex-arrays", weight=1, types=FIXED_COMPLEX)
def np_complex_unary(fx, ty, depth):
    """-w, +w of NumPy complex scalars."""
    return _unary(fx, ty, depth)


@expr("complex-scalars", weight=1.5, types=("complex",))
def complex_conjugate(fx, ty, depth):
    """z.conjugate()."""
    return call(attr(gen_expr(fx, "complex", depth), "conjugate"), [], ty)


@expr("complex-arrays", weight=1, types=FIXED_COMPLEX)
def np_complex_conjugate(fx, ty, depth):
    """w.conjugate() of a NumPy complex scalar."""
    return call(attr(gen_expr(fx, ty, depth), "conjugate"), [], ty)


# ---- Parts, magnitude, real numbers' .real/.imag/.conjugate() ----

def _conjugate(fx, x, ty):
    """x.conjugate(); None for a module constant under --avoid const-conjugate (refused as
    `not-callable`)."""
    if not fx.on("const-conjugate") and isinstance(x, ast.Name) and x.id in {v.name for v in fx.prog.consts}:
        return None
    return call(attr(x, "conjugate"), [], ty)


@expr("complex-scalars", weight=3, types=("float",))
def complex_part(fx, ty, depth):
    """abs(z), z.real, z.imag of a Python complex; x.real, x.imag, x.conjugate() of a float."""
    r = fx.rng.random()
    if r < 0.75:
        z = gen_expr(fx, "complex", depth)
        k = fx.rng.random()
        if k < 0.4:
            return call("abs", [z], ty)
        return attr(z, "real" if k < 0.7 else "imag", ty)
    x = gen_expr(fx, "float", depth)
    if r < 0.9:
        return attr(x, fx.rng.choice(["real", "imag"]), ty)
    return _conjugate(fx, x, ty)


@expr("complex-scalars", weight=0.7, types=("int",))
def int_part(fx, ty, depth):
    """n.real, n.imag, n.conjugate() of an int."""
    n = gen_expr(fx, "int", depth)
    if fx.chance(0.3):
        return _conjugate(fx, n, ty)
    return attr(n, fx.rng.choice(["real", "imag"]), ty)


@expr("complex-arrays", weight=2, types=("f64", "f32"))
def np_complex_part(fx, ty, depth):
    """abs(w), w.real, w.imag of a NumPy complex scalar (the part's dtype)."""
    src = {"f64": "c128", "f32": "c64"}[ty]
    w = gen_expr(fx, src, depth)
    k = fx.rng.random()
    if k < 0.4:
        return call("abs", [w], ty)
    return attr(w, "real" if k < 0.7 else "imag", ty)


# ---- Truthiness and equality ----

@expr("complex-scalars", weight=1.5, types=("bool",))
def complex_truth(fx, ty, depth):
    """not z, bool(z) (either part non-zero; NaN is true)."""
    z = gen_expr(fx, fx.rng.choice(_complex_sources(fx)), depth)
    if fx.chance(0.5):
        return typed(ast.UnaryOp(op=ast.Not(), operand=z), ty)
    return call("bool", [z], ty)


def _complex_compare(fx, ty, depth, numpy_only):
    cands = [k for k, r in COMPLEX_COMPARE.items() if r == ty and fx.allows(k[1], k[2]) and (
        not numpy_only or "complex" not in k) and (fx.on("complex-f64") or not complex_f64(k[1], k[2]))]
    if not cands:
        return None
    op, lt, rt = pick_operands(fx, cands, None)

    def operand(t, other):
        if t == "int" and is_complex(other):
            return _int_beside_complex(fx, depth)
        if t == "int" and other in FIXED_INTS:
            return int_lit(values.in_range_int(fx.rng, other))
        return gen_expr(fx, t, depth)

    left, right = operand(lt, rt), operand(rt, lt)
    return typed(ast.Compare(left=left, ops=[CMPOPS[op]()], comparators=[right]), ty)


@expr("complex-scalars", weight=2, types=("bool", "b1"))
def complex_compare(fx, ty, depth):
    """z == x, z != w with Python complex numbers and any number."""
    return _complex_compare(fx, ty, depth, False)


@expr("complex-arrays", weight=1.5, types=("b1",))
def np_complex_compare(fx, ty, depth):
    """w == x, w != y with NumPy complex scalars."""
    return _complex_compare(fx, ty, depth, True)


# ---- cmath ----

def cm(fn):
    return attr("cmath", fn)


def _cmath_arg(fx, depth):
    """A complex number mostly (Python or NumPy), sometimes a float or an int."""
    pool = _complex_sources(fx) * 2 + ["float", "int"] + (["f64"] if fx.on("complex-arrays") else [])
    return gen_expr(fx, fx.rng.choice(pool), depth)


@expr("cmath", weight=4, types=("complex",))
def cmath_complex(fx, ty, depth):
    """cmath.sqrt(z), cmath.exp(z), ... (complex results)."""
    return call(cm(fx.rng.choice(CMATH_COMPLEX)), [_cmath_arg(fx, depth)], ty)


@expr("cmath", weight=1.5, types=("float",))
def cmath_real(fx, ty, depth):
    """cmath.phase(z), cmath.polar(z)[k]."""
    arg = _cmath_arg(fx, depth)
    if fx.chance(0.6):
        return call(cm("phase"), [arg], ty)
    polar = call(cm("polar"), [arg], ("tuple", ("float", "float")))
    return typed(ast.Subscript(value=polar, slice=int_lit(fx.rng.choice([0, 1, -1])), ctx=ast.Load()), ty)


@expr("cmath", weight=1, types=lambda t: t == ("tuple", ("float", "float")))
def cmath_polar(fx, ty, depth):
    """cmath.polar(z)."""
    return call(cm("polar"), [_cmath_arg(fx, depth)], ty)


@expr("cmath", weight=1, types=("bool",))
def cmath_predicate(fx, ty, depth):
    """cmath.isnan/isinf/isfinite."""
    return call(cm(fx.rng.choice(CMATH_PREDICATES)), [_cmath_arg(fx, depth)], ty)


@expr("cmath", weight=0.5, types=("float",), leaf=True)
def cmath_real_constant(fx, ty, depth):
    """cmath.pi, e, tau, inf, nan."""
    return attr("cmath", fx.rng.choice(CMATH_REAL_CONSTANTS), ty)


@expr("cmath", weight=0.7, types=("complex",), leaf=True)
def cmath_complex_constant(fx, ty, depth):
    """cmath.infj, cmath.nanj."""
    return attr("cmath", fx.rng.choice(CMATH_COMPLEX_CONSTANTS), ty)

