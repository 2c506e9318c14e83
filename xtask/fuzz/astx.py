"""Building Python AST nodes that carry their generator type, and literals of every scalar type.

Every generated expression node has a `_ty` attribute (see typesys.py). `ast.unparse` ignores it and
`copy.deepcopy` keeps it, so the minimiser can replace an expression by another of the same type.
"""

import ast
import math

from typesys import FIXED_COMPLEX, FIXED_FLOATS, NP_NAME, annotation, is_fixed

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def typed(node, ty):
    node._ty = ty
    return node


def ty_of(node):
    return getattr(node, "_ty", None)


def name(ident, ty=None):
    return typed(ast.Name(id=ident, ctx=ast.Load()), ty)


def store(ident):
    return ast.Name(id=ident, ctx=ast.Store())


def attr(base, field, ty=None):
    value = ast.Name(id=base, ctx=ast.Load()) if isinstance(base, str) else base
    return typed(ast.Attribute(value=value, attr=field, ctx=ast.Load()), ty)


def call(func, args, ty, keywords=()):
    f = ast.Name(id=func, ctx=ast.Load()) if isinstance(func, str) else func
    return typed(ast.Call(func=f, args=list(args), keywords=list(keywords)), ty)


def kw(key, value):
    return ast.keyword(arg=key, value=value)


def np_type(dtype):
    """`np.int8` and friends, as a callable or a `dtype=` value."""
    return attr("np", NP_NAME[dtype])


def int_lit(v):
    """An int literal; negative values are `-(n)` so that unparsing keeps precedence right."""
    if v == INT64_MIN:
        return typed(ast.BinOp(left=int_lit(-INT64_MAX), op=ast.Sub(), right=int_lit(1)), "int")
    if v < 0:
        return typed(ast.UnaryOp(op=ast.USub(), operand=typed(ast.Constant(-v), "int")), "int")
    return typed(ast.Constant(v), "int")


def float_lit(v):
    if math.isnan(v):
        return call("float", [ast.Constant("nan")], "float")
    if math.isinf(v):
        return call("float", [ast.Constant("inf" if v > 0 else "-inf")], "float")
    if math.copysign(1.0, v) < 0:
        return typed(ast.UnaryOp(op=ast.USub(), operand=typed(ast.Constant(-v), "float")), "float")
    return typed(ast.Constant(v), "float")


def _positive_zero(x):
    return x == 0.0 and math.copysign(1.0, x) > 0


def complex_lit(v):
    """A complex literal: `2j`, `1.5 - 0.5j`, or `complex(x, y)` where a part is -0.0, inf or nan
    (`-2j` would be `complex(-0.0, -2.0)`)."""
    v = complex(v)
    re, im = v.real, v.imag
    if not (math.isfinite(re) and math.isfinite(im)) or (re == 0.0 and not _positive_zero(re)) or (
            im == 0.0 and not _positive_zero(im)):
        return call("complex", [float_lit(re), float_lit(im)], "complex")
    if _positive_zero(re) and im >= 0.0:
        return typed(ast.Constant(complex(0.0, im)), "complex")
    left = float_lit(re)
    op = ast.Add() if im >= 0.0 else ast.Sub()
    return typed(ast.BinOp(left=left, op=op, right=typed(ast.Constant(complex(0.0, abs(im))), "complex")), "complex")


def literal(ty, v):
    """A literal expression of type ty with value v (fixed widths as `np.int8(v)`)."""
    if ty == "complex":
        return complex_lit(v)
    if ty in FIXED_COMPLEX:
        return call(np_type(ty), [complex_lit(v)], ty)
    if ty == "bool":
        return typed(ast.Constant(bool(v)), "bool")
    if ty == "int":
        return int_lit(int(v))
    if ty == "float":
        return float_lit(float(v))
    if is_fixed(ty):
        if ty == "b1":
            inner = typed(ast.Constant(bool(v)), "bool")
        elif ty in FIXED_FLOATS:
            inner = float_lit(float(v))
        elif int(v) > INT64_MAX:
            # Compiled code takes int literals up to 64 bits signed: write 2**64 - 1 - k as ~k.
            inner = call(np_type(ty), [int_lit(2**64 - 1 - int(v))], ty)
            return typed(ast.UnaryOp(op=ast.Invert(), operand=inner), ty)
        else:
            inner = int_lit(int(v))
        return call(np_type(ty), [inner], ty)
    raise ValueError(f"no literal for {ty}")


def tuple_expr(elems, ty):
    return typed(ast.Tuple(elts=list(elems), ctx=ast.Load()), ty)


def annotation_node(t):
    """The annotation of type t as an expression (`int`, `f64[:, :]`, `tuple[int, float]`)."""
    return ast.parse(annotation(t), mode="eval").body


def unparse(node):
    return ast.unparse(ast.fix_missing_locations(node))
