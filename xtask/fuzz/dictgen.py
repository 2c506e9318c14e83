"""Dict and set rules: displays and comprehensions over the iterable rules, reduced to a number
where they stand (the fuzzer's type system has no dict or set type): lookups (KeyError when
missing), get with a default, membership, sizes, sums of values, sorted keys, and set algebra.

Keys are small ints (often colliding, so later items replace earlier ones as in CPython); keys
only looked up may be bools (found under 0 and 1); values are ints, floats and bools.
"""

import ast

from astx import call, int_lit, typed
from listgen import comprehension
from rules import expr, gen_expr

VALUES = ("int", "float", "bool")


def _key(fx, depth):
    """A small int key (or a bool), so keys collide."""
    if fx.chance(0.15):
        return gen_expr(fx, "bool", depth)
    k = gen_expr(fx, "int", depth)
    return typed(ast.BinOp(left=k, op=ast.Mod(), right=int_lit(fx.rng.choice([3, 5, 8]))), "int")


def _int_key(fx, depth):
    k = gen_expr(fx, "int", depth)
    return typed(ast.BinOp(left=k, op=ast.Mod(), right=int_lit(fx.rng.choice([3, 5, 8]))), "int")


def gen_dict(fx, vty, depth):
    """A dict of int keys and vty values: a display or a comprehension."""
    if fx.chance(0.5) or depth <= 0:
        n = fx.rng.randint(1, 4)
        keys = [_int_key(fx, depth - 1) for _ in range(n)]
        vals = [gen_expr(fx, vty, depth - 1) for _ in range(n)]
        return typed(ast.Dict(keys=keys, values=vals), ("dict", vty))
    made = comprehension(fx, lambda fx: (_int_key(fx, depth - 1), gen_expr(fx, vty, depth - 1)))
    if made is None:
        return gen_dict(fx, vty, 0)
    (k, v), clause = made
    return typed(ast.DictComp(key=k, value=v, generators=[clause]), ("dict", vty))


def gen_set(fx, depth):
    """A set of small ints: a display or a comprehension."""
    if fx.chance(0.5) or depth <= 0:
        elts = [_int_key(fx, depth - 1) for _ in range(fx.rng.randint(1, 4))]
        return typed(ast.Set(elts=elts), ("set", "int"))
    made = comprehension(fx, lambda fx: _int_key(fx, depth - 1))
    if made is None:
        return gen_set(fx, 0)
    elt, clause = made
    return typed(ast.SetComp(elt=elt, generators=[clause]), ("set", "int"))


def _method(node, attr, args):
    return ast.Call(func=ast.Attribute(value=node, attr=attr, ctx=ast.Load()), args=args, keywords=[])


@expr("dicts", weight=2, types=VALUES)
def dict_value(fx, ty, depth):
    """d[k] (KeyError when missing), d.get(k, default), d.pop(k, default)."""
    d = gen_dict(fx, ty, depth - 1)
    k = _key(fx, depth - 1)
    r = fx.rng.random()
    if r < 0.5:
        return typed(ast.Subscript(value=d, slice=k, ctx=ast.Load()), ty)
    default = gen_expr(fx, ty, depth - 1)
    name = fx.rng.choice(["get", "pop", "setdefault"])
    if name == "setdefault":
        # A stored key has the dict's key type (a bool key is only looked up).
        k = _int_key(fx, depth - 1)
    return typed(_method(d, name, [k, default]), ty)


@expr("dicts", weight=2, types=("int",))
def dict_count(fx, ty, depth):
    """len of dicts, sets and set algebra, sum of int values, sorted keys."""
    r = fx.rng.random()
    if r < 0.3:
        return call("len", [gen_dict(fx, fx.rng.choice(VALUES), depth - 1)], "int")
    if r < 0.45:
        # Values of a few small ints, so the running total stays in 64 bits (see listgen).
        n = fx.rng.randint(1, 4)
        d = typed(ast.Dict(keys=[_int_key(fx, depth - 1) for _ in range(n)],
                           values=[_int_key(fx, depth - 1) for _ in range(n)]), ("dict", "int"))
        return call("sum", [_method(d, "values", [])], "int")
    if r < 0.6:
        keys = call("sorted", [gen_dict(fx, fx.rng.choice(VALUES), depth - 1)], ("list", "int"))
        i = typed(ast.BinOp(left=gen_expr(fx, "int", depth - 1), op=ast.Mod(), right=int_lit(4)), "int")
        return typed(ast.Subscript(value=keys, slice=i, ctx=ast.Load()), "int")
    op = fx.rng.choice([ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor])
    s = typed(ast.BinOp(left=gen_set(fx, depth - 1), op=op(), right=gen_set(fx, depth - 1)), ("set", "int"))
    return call("len", [s], "int")


@expr("dicts", weight=1, types=("bool",))
def dict_test(fx, ty, depth):
    """k in d, x in s, set comparisons and dict equality."""
    r = fx.rng.random()
    if r < 0.35:
        op = fx.rng.choice([ast.In, ast.NotIn])
        return typed(ast.Compare(left=_key(fx, depth - 1), ops=[op()],
                                 comparators=[gen_dict(fx, fx.rng.choice(VALUES), depth - 1)]), "bool")
    if r < 0.6:
        return typed(ast.Compare(left=_key(fx, depth - 1), ops=[ast.In()], comparators=[gen_set(fx, depth - 1)]),
                     "bool")
    if r < 0.8:
        op = fx.rng.choice([ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE])
        return typed(ast.Compare(left=gen_set(fx, depth - 1), ops=[op()], comparators=[gen_set(fx, depth - 1)]),
                     "bool")
    op = fx.rng.choice([ast.Eq, ast.NotEq])
    vty = fx.rng.choice(["int", "bool"])
    return typed(ast.Compare(left=gen_dict(fx, vty, depth - 1), ops=[op()],
                             comparators=[gen_dict(fx, vty, depth - 1)]), "bool")
