"""String rules: f-strings, str(), repr() and format() of numbers with format specs, reduced to a
number where they stand (the fuzzer's type system has no string type): the length of the text,
counts of characters in it, comparisons of texts, and numbers parsed back from them.

Any difference in CPython's text (a digit, a sign, padding, an exponent) changes these numbers.
"""

import ast

from astx import call, int_lit, typed
from rules import expr, gen_expr

# Format specs CPython accepts for the type (ints take the float ones too).
FLOAT_SPECS = ["", ".3f", ".0f", "10.2e", "g", ".12g", "+.1%", ">12.4f", "<9", "^11.3g", "e", ",.2f", "_"]
INT_SPECS = ["", "d", ">5", "<5", "^7", "05d", "x", "#b", ",", "+", "o", "#X", "_"]


def _str_node(v):
    return typed(ast.Constant(v), "str")


def _text(fx, depth):
    """A text made from a number: an f-string with a spec, str(), repr() or format()."""
    ty = fx.rng.choice(["int", "float", "bool"])
    e = gen_expr(fx, ty, depth - 1)
    specs = INT_SPECS if ty in ("int", "bool") else FLOAT_SPECS
    r = fx.rng.random()
    if r < 0.45:
        spec = fx.rng.choice(specs) if ty != "bool" or fx.chance(0.3) else ""
        conv = -1
        if fx.chance(0.2):
            conv = ord(fx.rng.choice("rs"))
            spec = "" if fx.chance(0.5) else spec if ty != "float" else ""
        fmt = ast.JoinedStr(values=[ast.Constant("<"), ast.FormattedValue(
            value=e, conversion=conv,
            format_spec=ast.JoinedStr(values=[ast.Constant(spec)]) if spec else None), ast.Constant(">")])
        return typed(fmt, "str")
    if r < 0.65:
        return call("str", [e], "str")
    if r < 0.8:
        return call("repr", [e], "str")
    return call("format", [e, _str_node(fx.rng.choice(specs) if ty != "bool" else "")], "str")


def _method(node, attr, args):
    return ast.Call(func=ast.Attribute(value=node, attr=attr, ctx=ast.Load()), args=args, keywords=[])


@expr("strings", weight=2, types=("int",))
def text_number(fx, ty, depth):
    """len(text), text.count(c), text.find(c), ord(text[i]) of a formatted number."""
    t = _text(fx, depth)
    r = fx.rng.random()
    if r < 0.4:
        return call("len", [t], "int")
    if r < 0.7:
        c = fx.rng.choice(["0", "1", "5", "9", ".", "-", "e", " ", ",", "n"])
        return typed(_method(t, fx.rng.choice(["count", "find"]), [_str_node(c)]), "int")
    i = typed(ast.BinOp(left=gen_expr(fx, "int", depth - 1), op=ast.Mod(), right=int_lit(5)), "int")
    item = typed(ast.Subscript(value=t, slice=i, ctx=ast.Load()), "str")
    return call("ord", [item], "int")


@expr("strings", weight=1, types=("bool",))
def text_compare(fx, ty, depth):
    """texts compared (==, <), `in`, and string tests of formatted numbers."""
    a, b = _text(fx, depth), _text(fx, depth)
    r = fx.rng.random()
    if r < 0.5:
        op = fx.rng.choice([ast.Eq, ast.NotEq, ast.Lt, ast.GtE])
        return typed(ast.Compare(left=a, ops=[op()], comparators=[b]), "bool")
    if r < 0.75:
        return typed(ast.Compare(left=_str_node(fx.rng.choice(["1", "0.", "-", "e+"])), ops=[ast.In()],
                                 comparators=[a]), "bool")
    return typed(_method(a, fx.rng.choice(["isdigit", "isalpha", "isspace"]), []), "bool")


@expr("strings", weight=1, types=("float",))
def text_parse(fx, ty, depth):
    """float(repr(x)) and float(str(n)): the text read back."""
    src = fx.rng.choice(["float", "int"])
    e = gen_expr(fx, src, depth - 1)
    return call("float", [call(fx.rng.choice(["repr", "str"]), [e], "str")], "float")
