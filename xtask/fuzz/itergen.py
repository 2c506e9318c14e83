"""Iteration rules: `for` over enumerate/zip/reversed of ranges, arrays and tuples, and sum, any,
all, min and max of generator expressions (and of plain iterables).

Every sequence stays short: ranges end at a small size, arrays are the small ones in scope and
tuple displays hold one to four items. Loop and comprehension variables are never reassigned.
"""

import ast

from arraygen import arrays, gen_size
from astx import call, float_lit, int_lit, kw, name, store, typed
from context import Var
from rules import expr, gen_block, gen_expr, stmt
from typesys import FIXED_COMPLEX

# Item types of tuple displays.
TUPLE_ITEMS = ("int", "float", "bool")


def _range(fx):
    r = fx.rng.random()
    size = gen_size(fx, fx.ed(), hi=8)
    if r < 0.5:
        return call("range", [size], None)
    if r < 0.75:
        return call("range", [int_lit(fx.rng.choice([-2, 0, 1, 3])), size], None)
    step = fx.rng.choice([1, 2, 3, -1, -2])
    if step > 0:
        return call("range", [int_lit(fx.rng.choice([-2, 0, 1])), size, int_lit(step)], None)
    return call("range", [size, int_lit(fx.rng.choice([-3, -1, 0])), int_lit(step)], None)


def _simple(fx):
    """(iterable, item type) of a range, a 1-D real array or a tuple display."""
    have = arrays(fx, lambda v: v.ty[2] == 1 and v.ty[1] not in FIXED_COMPLEX)
    r = fx.rng.random()
    if have and r < 0.4:
        a = fx.rng.choice(have)
        return name(a.name, a.ty), a.ty[1]
    if r < 0.75:
        return _range(fx), "int"
    ty = fx.rng.choice(TUPLE_ITEMS)
    items = [gen_expr(fx, ty, 1) for _ in range(fx.rng.randint(1, 4))]
    return typed(ast.Tuple(elts=items, ctx=ast.Load()), ("tuple", (ty,) * len(items))), ty


def iterable(fx, level=2):
    """(iterable, item type): a simple sequence, or enumerate, zip or reversed of sequences.

    The items of enumerate and zip have a list of item types (unpacked by `bind`)."""
    r = fx.rng.random()
    if level <= 0 or r < 0.4:
        return _simple(fx)
    if r < 0.6:
        inner, ty = iterable(fx, level - 1)
        args = [inner]
        keywords = []
        if fx.chance(0.5):
            start = int_lit(fx.rng.choice([-3, 0, 1, 5]))
            if fx.chance(0.5):
                keywords = [kw("start", start)]
            else:
                args.append(start)
        return call("enumerate", args, None, keywords), ["int", ty]
    if r < 0.85:
        parts = [iterable(fx, level - 1) for _ in range(fx.rng.randint(1, 3))]
        keywords = [kw("strict", typed(ast.Constant(True), "bool"))] if fx.chance(0.2) else []
        return call("zip", [p[0] for p in parts], None, keywords), [p[1] for p in parts]
    inner, ty = _simple(fx)
    return call("reversed", [inner], None), ty


def bind(fx, ty):
    """A loop target for items of type `ty`, adding its variables to the current scope."""
    if isinstance(ty, list):
        return ast.Tuple(elts=[bind(fx, t) for t in ty], ctx=ast.Store())
    x = fx.fresh("x")
    fx.add(Var(x, ty, mutable=False))
    return store(x)


@stmt("iterables", weight=2, compound=True)
def for_iterable(fx, depth):
    """for TARGET in enumerate/zip/reversed/tuple: ..., optional else."""
    if fx.loop_depth >= 3:
        return None
    it, ty = iterable(fx)
    fx.enter_loop()
    fx.push()
    target = bind(fx, ty)
    body = gen_block(fx, fx.rng.randint(1, 3), depth) or [ast.Pass()]
    fx.pop_block()
    fx.leave_loop()
    orelse = []
    if fx.on("loop-else") and fx.chance(0.15):
        fx.push()
        orelse = gen_block(fx, 1, depth) or [ast.Pass()]
        fx.pop_block()
    return [ast.For(target=target, iter=it, body=body, orelse=orelse)]


def _genexp(fx, elt_ty, depth):
    """`(elt for ... in ... if ...)` with one or two clauses, or None (a plain iterable instead)."""
    clauses = []
    pushed = 0
    for _ in range(fx.rng.choice([1, 1, 2])):
        it, ty = iterable(fx, 1)
        fx.push()
        pushed += 1
        target = bind(fx, ty)
        ifs = [gen_expr(fx, "bool", 1)] if fx.chance(0.3) else []
        clauses.append(ast.comprehension(target=target, iter=it, ifs=ifs, is_async=0))
    elt = gen_expr(fx, elt_ty, depth)
    for _ in range(pushed):
        fx.pop()
    return ast.GeneratorExp(elt=elt, generators=clauses)


@expr("generators", weight=1, types=("int", "float", "bool"))
def reduction(fx, ty, depth):
    """sum/any/all/min/max of a generator expression."""
    if depth <= 0 or fx.loop_depth >= 3:
        return None
    fx.enter_loop()
    try:
        if ty == "bool" and fx.chance(0.6):
            fn = fx.rng.choice(["any", "all"])
            gen = _genexp(fx, fx.rng.choice(["bool", "int", "float"]), depth)
            return call(fn, [gen], ty)
        if ty == "int" and fx.chance(0.5):
            gen = _genexp(fx, fx.rng.choice(["int", "bool"]), depth)
            return call("sum", [gen], ty)
        if ty == "float" and fx.chance(0.5):
            # Over no items CPython's sum of floats is the int 0 (documented): start at a float.
            gen = _genexp(fx, "float", depth)
            start = float_lit(fx.rng.choice([0.0, -0.0, 1.5]))
            if fx.chance(0.5):
                return call("sum", [gen], ty, [kw("start", start)])
            return call("sum", [gen, start], ty)
        fn = fx.rng.choice(["min", "max"])
        gen = _genexp(fx, ty, depth)
        keywords = []
        if fx.chance(0.3):
            # key=lambda x: ...: computed once per item; the strictly better key wins.
            p = fx.fresh("k")
            fx.push()
            fx.add(Var(p, ty, mutable=False))
            body = gen_expr(fx, fx.rng.choice(["int", "float", "bool"]), max(depth - 1, 0))
            fx.pop()
            params = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p)], vararg=None, kwonlyargs=[],
                                   kw_defaults=[], kwarg=None, defaults=[])
            keywords.append(kw("key", ast.Lambda(args=params, body=body)))
        if fx.chance(0.5):
            keywords.append(kw("default", gen_expr(fx, ty, 0)))
        return call(fn, [gen], ty, keywords)
    finally:
        fx.leave_loop()


@stmt("lambdas", weight=1)
def lambda_call(fx, depth):
    """`g = lambda p: ...` then `r = g(x)` (twice, sometimes): the body may read the function's
    variables, which a call reads when it runs."""
    p_ty = fx.rng.choice(["int", "float", "bool"])
    r_ty = fx.rng.choice(["int", "float", "bool"])
    g, p = fx.fresh("g"), fx.fresh("p")
    fx.push()
    fx.add(Var(p, p_ty, mutable=False))
    body = gen_expr(fx, r_ty, fx.ed())
    fx.pop()
    params = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p)], vararg=None, kwonlyargs=[],
                           kw_defaults=[], kwarg=None, defaults=[])
    out = [ast.Assign(targets=[store(g)], value=ast.Lambda(args=params, body=body))]
    for _ in range(fx.rng.choice([1, 1, 2])):
        r = fx.fresh("r")
        value = call(name(g), [gen_expr(fx, p_ty, fx.ed())], r_ty)
        out.append(ast.Assign(targets=[store(r)], value=value))
        fx.add(Var(r, r_ty))
    return out


@stmt("closures", weight=1)
def nested_call(fx, depth):
    """`def gN(p): return ...` nested in the function, reading its variables when called, then
    `r = gN(x)` once or twice (a variable without a value yet raises NameError in both)."""
    p_ty = fx.rng.choice(["int", "float", "bool"])
    r_ty = fx.rng.choice(["int", "float", "bool"])
    g, p = fx.fresh("g"), fx.fresh("p")
    fx.push()
    fx.add(Var(p, p_ty, mutable=False))
    body = gen_expr(fx, r_ty, fx.ed())
    fx.pop()
    params = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p)], vararg=None, kwonlyargs=[],
                           kw_defaults=[], kwarg=None, defaults=[])
    out = [ast.FunctionDef(name=g, args=params, body=[ast.Return(value=body)], decorator_list=[],
                           returns=None, type_params=[])]
    for _ in range(fx.rng.choice([1, 1, 2])):
        r = fx.fresh("r")
        value = call(name(g), [gen_expr(fx, p_ty, fx.ed())], r_ty)
        out.append(ast.Assign(targets=[store(r)], value=value))
        fx.add(Var(r, r_ty))
    return out


@expr("closures", weight=1, types=("int", "float", "bool"))
def closure_passed(fx, ty, depth):
    """`pN_apply1(lambda q: ..., x)`: a lambda reading the function's variables passed to a module
    helper that calls it, so the compiled helper receives the values it reads."""
    if not fx.on("function-values"):
        return None
    p_ty = fx.rng.choice(["int", "float", "bool"])
    p = fx.fresh("q")
    fx.push()
    fx.add(Var(p, p_ty, mutable=False))
    body = gen_expr(fx, ty, max(depth - 1, 0))
    fx.pop()
    params = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p)], vararg=None, kwonlyargs=[],
                           kw_defaults=[], kwarg=None, defaults=[])
    lam = ast.Lambda(args=params, body=body)
    return call(f"{fx.prog.prefix}apply1", [lam, gen_expr(fx, p_ty, max(depth - 1, 0))], ty)
