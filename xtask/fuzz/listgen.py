"""List rules: list displays, `[x] * n`, comprehensions, slices, the methods and comparisons,
each reduced to a number where it stands (the fuzzer's type system has no list type).

Lists stay short. Items compared by `==` (in, index, count, remove, comparisons of lists) are
ints and bools, since CPython finds a NaN item by identity first (a documented difference).
"""

import ast

from arraygen import arrays
from astx import call, int_lit, typed
from itergen import bind, iterable
from rules import expr, gen_expr

ITEMS = ("int", "float", "bool")
CMP_ITEMS = ("int", "bool")


def _display(fx, ty, depth, n=None):
    """A list display of n items of type ty (an empty one would need an annotation)."""
    n = fx.rng.randint(1, 4) if n is None else n
    elts = [gen_expr(fx, ty, depth) for _ in range(n)]
    return typed(ast.List(elts=elts, ctx=ast.Load()), ("list", ty))


def comprehension(fx, make):
    """`(element, clause)` of a comprehension over one iterable, the element built by `make(fx)`
    with the clause's variables in scope; None deep in loops."""
    if fx.loop_depth >= 3:
        return None
    fx.enter_loop()
    try:
        it, item = iterable(fx, 1)
        fx.push()
        target = bind(fx, item)
        ifs = [gen_expr(fx, "bool", 1)] if fx.chance(0.3) else []
        node = make(fx)
        fx.pop()
    finally:
        fx.leave_loop()
    return node, ast.comprehension(target=target, iter=it, ifs=ifs, is_async=0)


def _comprehension(fx, ty, depth):
    """[elt for target in iterable if cond] with elt of type ty, or None deep in loops."""
    made = comprehension(fx, lambda fx: gen_expr(fx, ty, depth))
    if made is None:
        return None
    elt, clause = made
    return typed(ast.ListComp(elt=elt, generators=[clause]), ("list", ty))


def gen_list(fx, ty, depth):
    """A list value of item type ty: a display, a repetition, a concatenation, a slice or a
    comprehension."""
    r = fx.rng.random()
    if r < 0.35 or depth <= 0:
        return _display(fx, ty, depth - 1, fx.rng.randint(1, 4) if depth <= 0 else None)
    if r < 0.5:
        n = gen_expr(fx, "int", depth - 1)
        n = typed(ast.BinOp(left=n, op=ast.Mod(), right=int_lit(4)), "int")
        return typed(ast.BinOp(left=_display(fx, ty, depth - 1, 1), op=ast.Mult(), right=n), ("list", ty))
    if r < 0.65:
        a, b = gen_list(fx, ty, depth - 1), gen_list(fx, ty, depth - 1)
        return typed(ast.BinOp(left=a, op=ast.Add(), right=b), ("list", ty))
    if r < 0.8:
        bound = lambda: int_lit(fx.rng.choice([-3, -1, 0, 1, 2, 5])) if fx.chance(0.7) else None
        step = int_lit(fx.rng.choice([1, 2, -1, -2])) if fx.chance(0.4) else None
        sl = ast.Slice(lower=bound(), upper=bound(), step=step)
        base = gen_list(fx, ty, depth - 1)
        return typed(ast.Subscript(value=base, slice=sl, ctx=ast.Load()), ("list", ty))
    comp = _comprehension(fx, ty, depth - 1)
    return comp if comp is not None else _display(fx, ty, depth - 1)


def _method(node, attr, args):
    return ast.Call(func=ast.Attribute(value=node, attr=attr, ctx=ast.Load()), args=args, keywords=[])


@expr("lists", weight=2, types=ITEMS)
def list_item(fx, ty, depth):
    """xs[i] (IndexError out of range), min/max/sum of a list, sorted(xs)[i], xs.pop(i)."""
    xs = gen_list(fx, ty, depth - 1)
    r = fx.rng.random()
    i = typed(ast.BinOp(left=gen_expr(fx, "int", depth - 1), op=ast.Mod(), right=int_lit(7)), "int")
    i = typed(ast.BinOp(left=i, op=ast.Sub(), right=int_lit(3)), "int")
    if r < 0.4:
        return typed(ast.Subscript(value=xs, slice=i, ctx=ast.Load()), ty)
    if r < 0.6 and ty != "bool":
        return call(fx.rng.choice(["min", "max"]), [xs], ty)
    if r < 0.75:
        s = call("sorted", [xs], ("list", ty))
        return typed(ast.Subscript(value=s, slice=i, ctx=ast.Load()), ty)
    return typed(_method(xs, "pop", [i] if fx.chance(0.6) else []), ty)


@expr("lists", weight=2, types=("int",))
def list_count(fx, ty, depth):
    """len(xs), xs.count(x), xs.index(x) (ValueError when missing), sum of an int list."""
    r = fx.rng.random()
    if r < 0.4:
        item = fx.rng.choice(ITEMS)
        return call("len", [gen_list(fx, item, depth - 1)], "int")
    if r < 0.55:
        # Small items: a running total past 64 bits raises OverflowError in compiled code even
        # when CPython's final sum fits (documented), which the model does not follow.
        elts = [typed(ast.BinOp(left=gen_expr(fx, "int", depth - 1), op=ast.Mod(), right=int_lit(1000)), "int")
                for _ in range(fx.rng.randint(1, 4))]
        return call("sum", [typed(ast.List(elts=elts, ctx=ast.Load()), ("list", "int"))], "int")
    item = fx.rng.choice(CMP_ITEMS)
    xs = gen_list(fx, item, depth - 1)
    x = gen_expr(fx, item, depth - 1)
    return typed(_method(xs, fx.rng.choice(["count", "index"]), [x]), "int")


@expr("lists", weight=1, types=("bool",))
def list_compare(fx, ty, depth):
    """x in xs, xs OP ys (lexicographic), and the truth of a list."""
    item = fx.rng.choice(CMP_ITEMS)
    r = fx.rng.random()
    if r < 0.35:
        x = gen_expr(fx, item, depth - 1)
        op = fx.rng.choice([ast.In, ast.NotIn])
        return typed(ast.Compare(left=x, ops=[op()], comparators=[gen_list(fx, item, depth - 1)]), "bool")
    if r < 0.5:
        xs = gen_list(fx, fx.rng.choice(ITEMS), depth - 1)
        return typed(ast.UnaryOp(op=ast.Not(), operand=xs), "bool")
    op = fx.rng.choice([ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE])
    a, b = gen_list(fx, item, depth - 1), gen_list(fx, item, depth - 1)
    return typed(ast.Compare(left=a, ops=[op()], comparators=[b]), "bool")


@expr("lists", weight=1, types=("int", "float"))
def list_of_arrays(fx, ty, depth):
    """A list of arrays, as a display or a comprehension of array expressions, reduced to a number:
    `sum(len(p) for p in xs)`, `len(xs[k])` or `float(xs[k].sum())` (an item of each array kind)."""
    have = arrays(fx, lambda v: v.ty[2] == 1 and v.ty[1] in ("f64", "i64"))
    if not have:
        return None
    a = fx.rng.choice(have)
    k = fx.rng.randint(1, 3)
    elts = [gen_expr(fx, a.ty, max(depth - 1, 0)) for _ in range(k)]
    xs = typed(ast.List(elts=elts, ctx=ast.Load()), ("list", a.ty))
    pick = typed(ast.Subscript(value=xs, slice=int_lit(fx.rng.randrange(-k, k)), ctx=ast.Load()), a.ty)
    if ty == "int":
        if fx.chance(0.5):
            p = fx.fresh("p")
            gen = ast.GeneratorExp(elt=call("len", [ast.Name(id=p, ctx=ast.Load())], "int"),
                                   generators=[ast.comprehension(target=ast.Name(id=p, ctx=ast.Store()),
                                                                 iter=xs, ifs=[], is_async=0)])
            return call("sum", [gen], "int")
        return call("len", [pick], "int")
    total = typed(ast.Call(func=ast.Attribute(value=pick, attr="sum", ctx=ast.Load()), args=[], keywords=[]),
                  a.ty[1])
    return call("float", [total], "float")
