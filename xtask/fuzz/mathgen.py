"""Expression rules for the math module: functions, constants and the integer functions."""

import ast

from astx import attr, call, int_lit, typed
from exprgen import binop_node
from rules import expr, gen_expr

FLOAT_1 = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin",
           "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma",
           "lgamma", "fabs", "degrees", "radians", "floor", "ceil", "trunc"]
FLOAT_2 = ["atan2", "pow", "fmod", "hypot", "copysign", "log"]
TO_INT = ["floor", "ceil", "trunc"]
PREDICATES = ["isnan", "isinf", "isfinite"]
CONSTANTS = ["pi", "e", "tau", "inf", "nan"]


def m(fn):
    return attr("math", fn)


def _float_arg(fx, depth):
    """Mostly floats; ints and fixed-width floats convert as CPython does."""
    return gen_expr(fx, fx.rng.choice(["float"] * 6 + ["int", "f64", "f32"]), depth)


@expr("math", weight=4, types=("float",))
def math_float(fx, ty, depth):
    """math functions of one or two floats."""
    if fx.chance(0.7):
        fn = fx.rng.choice([f for f in FLOAT_1 if f not in TO_INT])
        return call(m(fn), [_float_arg(fx, depth)], "float")
    fn = fx.rng.choice(FLOAT_2)
    return call(m(fn), [_float_arg(fx, depth), _float_arg(fx, depth)], "float")


@expr("math", weight=1, types=("float",))
def math_ldexp(fx, ty, depth):
    """math.ldexp(x, i)."""
    return call(m("ldexp"), [gen_expr(fx, "float", depth), gen_expr(fx, "int", depth)], "float")


@expr("math", weight=1, types=("float",), leaf=True)
def math_constant(fx, ty, depth):
    """math.pi, math.e, math.tau, math.inf, math.nan."""
    return attr("math", fx.rng.choice(CONSTANTS), "float")


@expr("math", weight=2, types=("int",))
def math_int(fx, ty, depth):
    """math.floor/ceil/trunc of floats; gcd, isqrt and factorial of ints."""
    r = fx.rng.random()
    if r < 0.5:
        return call(m(fx.rng.choice(TO_INT)), [gen_expr(fx, "float", depth)], "int")
    if r < 0.7:
        return call(m("gcd"), [gen_expr(fx, "int", depth), gen_expr(fx, "int", depth)], "int")
    if r < 0.85:
        return call(m("isqrt"), [gen_expr(fx, "int", depth)], "int")
    # factorial of a small argument: CPython's result leaves int64 from 21 on.
    arg = binop_node(gen_expr(fx, "int", depth), "%", int_lit(fx.rng.choice([5, 13, 25])), "int")
    return call(m("factorial"), [arg], "int")


@expr("math", weight=2, types=("bool",))
def math_predicate(fx, ty, depth):
    """math.isnan/isinf/isfinite."""
    return call(m(fx.rng.choice(PREDICATES)), [_float_arg(fx, depth)], "bool")


@expr("int-math", weight=1, types=("int",))
def math_int_lib(fx, ty, depth):
    """comb, perm and lcm, gcd of 0 to 3 ints, and int.bit_length()/bit_count()."""
    r = fx.rng.random()
    arg = lambda: gen_expr(fx, "int", depth)  # noqa: E731
    if r < 0.2:
        # Small arguments keep the results in int64; negative ones raise ValueError.
        n = binop_node(arg(), "%", int_lit(fx.rng.choice([30, 62])), "int")
        k = binop_node(arg(), "%", int_lit(fx.rng.choice([7, 12, 40])), "int")
        if fx.chance(0.2):
            k = binop_node(k, "-", int_lit(3), "int")
        return call(m("comb"), [n, k], "int")
    if r < 0.35:
        n = binop_node(arg(), "%", int_lit(21), "int")
        if fx.chance(0.3):
            return call(m("perm"), [n], "int")
        k = binop_node(arg(), "%", int_lit(fx.rng.choice([4, 21])), "int")
        return call(m("perm"), [n, k], "int")
    if r < 0.55:
        return call(m("lcm"), [arg() for _ in range(fx.rng.choice([0, 1, 2, 2, 3]))], "int")
    if r < 0.7:
        return call(m("gcd"), [arg() for _ in range(fx.rng.choice([0, 1, 3]))], "int")
    method = fx.rng.choice(["bit_length", "bit_count"])
    return call(typed(ast.Attribute(value=arg(), attr=method, ctx=ast.Load()), None), [], "int")


@expr("int-math", weight=1, types=("bool",))
def float_is_integer(fx, ty, depth):
    """float.is_integer()."""
    value = gen_expr(fx, "float", depth)
    return call(typed(ast.Attribute(value=value, attr="is_integer", ctx=ast.Load()), None), [], "bool")


@expr("int-pow-float", weight=1, types=("float",))
def int_pow_float(fx, ty, depth):
    """float(a ** b) of ints, the exponent in -4..4: a negative one gives CPython's float power."""
    exp = binop_node(binop_node(gen_expr(fx, "int", depth), "%", int_lit(9), "int"), "-", int_lit(4), "int")
    return call("float", [binop_node(gen_expr(fx, "int", depth), "**", exp, "int")], "float")
