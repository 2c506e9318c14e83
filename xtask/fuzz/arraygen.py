"""Array rules: creation, element reads, shape queries, element stores and loops over elements.

Sizes come from small literals, lengths of other arrays or `e % k`, so every array stays small and
every loop over one stays short. `np.empty` only appears followed by a loop that fills it.
"""

import ast

from astx import attr, call, int_lit, kw, literal, name, np_type, store, tuple_expr, typed
from context import Var, var_shape
from exprgen import BINOPS, binop_node, weak_operand
from rules import expr, gen_block, gen_expr, stmt
from typesys import ALL_DTYPES, ARITH, DTYPES, FIXED_COMPLEX, FIXED_FLOATS, FIXED_INTS, arr, is_array, is_complex, is_tuple


def arrays(fx, pred=lambda v: True):
    return fx.visible(lambda v: is_array(v.ty) and pred(v))


def gen_size(fx, depth, hi=6):
    """A small non-negative int: a literal, a length or `e % k`."""
    r = fx.rng.random()
    if r < 0.45 or depth < 0:
        return int_lit(fx.rng.choice(list(range(hi + 1)) + [1, 2, 3, 4]))
    have = arrays(fx)
    if r < 0.75 and have:
        a = fx.rng.choice(have)
        if fx.chance(0.6):
            return call("len", [name(a.name, a.ty)], "int")
        axis = fx.rng.randrange(a.ty[2])
        return shape_item(a, axis)
    return binop_node(gen_expr(fx, "int", depth), "%", int_lit(hi + 1), "int")


def shape_item(a, axis):
    shape = attr(name(a.name, a.ty), "shape", ("tuple", ("int",) * a.ty[2]))
    return typed(ast.Subscript(value=shape, slice=int_lit(axis), ctx=ast.Load()), "int")


def gen_index(fx, a, axis, depth):
    """An index for axis `axis` of array variable a: mostly in range, sometimes not."""
    known = [iv[0] for iv in fx.index_vars if iv[1] == a.name and iv[2] == axis]
    r = fx.rng.random()
    if known and r < 0.6:
        return name(fx.rng.choice(known), "int")
    if r < 0.75 or depth < 0:
        return int_lit(fx.rng.choice([0, 0, 0, -1, -1, 1, 2, -2]))
    if r < 0.92:
        length = call("len", [name(a.name, a.ty)], "int") if axis == 0 else shape_item(a, axis)
        return binop_node(gen_expr(fx, "int", depth), "%", length, "int")
    return gen_expr(fx, "int", depth)


def element(fx, a, depth, safe=False):
    """`a[i]` or `a[i, j]` (as a load; callers switch ctx for stores). With `safe`, only loop
    variables known to be in range index it, and None is returned where there are none."""
    if safe:
        known = [[iv[0] for iv in fx.index_vars if iv[1] == a.name and iv[2] == k] for k in range(a.ty[2])]
        if not all(known):
            return None
        idx = [name(fx.rng.choice(k), "int") for k in known]
    else:
        idx = [gen_index(fx, a, k, depth) for k in range(a.ty[2])]
    sl = idx[0] if len(idx) == 1 else tuple_expr(idx, ("tuple", ("int",) * len(idx)))
    return typed(ast.Subscript(value=name(a.name, a.ty), slice=sl, ctx=ast.Load()), a.ty[1])


def dtype_kw(fx, dtype):
    """`dtype=np.int8`, or the same dtype spelled another way."""
    same = arrays(fx, lambda v: v.ty[1] == dtype)
    r = fx.rng.random()
    if same and r < 0.2:
        return kw("dtype", attr(name(fx.rng.choice(same).name), "dtype"))
    if r < 0.35 and dtype in ("f64", "i64", "b1", "c128"):
        return kw("dtype", ast.Name(id={"f64": "float", "i64": "int", "b1": "bool", "c128": "complex"}[dtype],
                                    ctx=ast.Load()))
    return kw("dtype", np_type(dtype))


def shape_arg(fx, ndim, depth):
    if ndim == 1 and fx.chance(0.7):
        return gen_size(fx, depth)
    sizes = [gen_size(fx, depth, hi=4) for _ in range(ndim)]
    return tuple_expr(sizes, ("tuple", ("int",) * ndim))


def fill_value(fx, dtype, depth):
    """A Python number of the dtype's kind, as `np.full` takes it."""
    if dtype == "b1":
        return gen_expr(fx, "bool", depth)
    if dtype in FIXED_COMPLEX:
        return gen_expr(fx, "complex" if fx.allows("complex") and fx.chance(0.6) else "float", depth)
    if dtype in FIXED_FLOATS:
        return gen_expr(fx, "float", depth)
    return weak_operand(fx, "int", dtype, depth)


@expr("arrays", weight=3, types=is_array, leaf=True)
def array_new(fx, ty, depth):
    """np.zeros/ones/full/arange with int or tuple shapes and dtypes."""
    _, dtype, ndim = ty
    r = fx.rng.random()
    if ndim == 1 and dtype in ("i64", "f64") and r < 0.25:
        if dtype == "f64":
            return call(attr("np", "arange"), [gen_size(fx, depth)], ty, [kw("dtype", np_type("f64"))])
        if fx.chance(0.5):
            return call(attr("np", "arange"), [gen_size(fx, depth)], ty)
        start = int_lit(fx.rng.choice([-3, 0, 1, 2, 5]))
        stop = gen_size(fx, depth, hi=8)
        step = int_lit(fx.rng.choice([1, 2, 3, -1, -2]))
        return call(attr("np", "arange"), [start, stop, step], ty)
    shape = shape_arg(fx, ndim, depth)
    if r < 0.7:
        fn = fx.rng.choice(["zeros", "ones"])
        if dtype == "f64" and fx.chance(0.3):
            return call(attr("np", fn), [shape], ty)
        return call(attr("np", fn), [shape], ty, [dtype_kw(fx, dtype)])
    value = fill_value(fx, dtype, depth) if depth >= 0 else literal("int" if dtype in FIXED_INTS else (
        "bool" if dtype == "b1" else "float"), 1)
    return call(attr("np", "full"), [shape, value], ty, [dtype_kw(fx, dtype)])


@expr("arrays", weight=2, types=is_array)
def array_from(fx, ty, depth):
    """a.copy(), np.zeros_like(a), np.ones_like(a), np.full_like(a, v)."""
    same = arrays(fx, lambda v: v.ty == ty)
    if not same:
        return None
    src = fx.rng.choice(same)
    a = name(src.name, ty)
    r = fx.rng.random()
    if r < 0.4:
        node = call(attr(a, "copy"), [], ty)
    elif r < 0.8:
        node = call(attr("np", fx.rng.choice(["zeros_like", "ones_like"])), [a], ty)
    else:
        node = call(attr("np", "full_like"), [a, fill_value(fx, ty[1], depth)], ty)
    node._shape = var_shape(src)  # the same shape (npgen.py); *_like keeps the layout too
    node._cc = r < 0.4 or src.contig
    return node


@expr("arrays", weight=6, types=ALL_DTYPES)
def array_element(fx, ty, depth):
    """a[i], a[i, j]: an element of an array of this dtype."""
    have = arrays(fx, lambda v: v.ty[1] == ty)
    if not have:
        return None
    return element(fx, fx.rng.choice(have), depth)


@expr("arrays", weight=3, types=("int",))
def array_size(fx, ty, depth):
    """len(a), a.shape[k], a.ndim, a.size."""
    have = arrays(fx)
    if not have:
        return None
    a = fx.rng.choice(have)
    r = fx.rng.random()
    if r < 0.4:
        return call("len", [name(a.name, a.ty)], "int")
    if r < 0.8:
        k = fx.rng.randrange(a.ty[2])
        return shape_item(a, k - a.ty[2] if fx.chance(0.2) else k)
    return attr(name(a.name, a.ty), fx.rng.choice(["ndim", "size"]), "int")


@expr("arrays", weight=3, types=lambda t: is_tuple(t) and set(t[1]) == {"int"})
def array_shape(fx, ty, depth):
    """a.shape as a tuple."""
    have = arrays(fx, lambda v: v.ty[2] == len(ty[1]))
    if not have:
        return None
    a = fx.rng.choice(have)
    return attr(name(a.name, a.ty), "shape", ty)


def store_value(fx, dtype, depth):
    """A value to store into an array of this dtype: its own type, a Python number, or another width."""
    r = fx.rng.random()
    if r < 0.45:
        return gen_expr(fx, dtype, depth)
    if dtype == "b1":
        return gen_expr(fx, "bool", depth)
    if dtype in FIXED_COMPLEX:
        # Complex arrays take every number (a Python complex only under complex-scalars).
        if r < 0.75:
            return gen_expr(fx, fx.rng.choice([t for t in ("complex", "float", "int") if fx.allows(t)]), depth)
        return gen_expr(fx, fx.rng.choice([t for t in fx.fixed() if t != "b1"]), depth)
    if r < 0.75:
        if dtype in FIXED_INTS:
            return gen_expr(fx, "float", depth) if fx.chance(0.3) else weak_operand(fx, "int", dtype, depth)
        return gen_expr(fx, fx.rng.choice(["float", "int"]), depth)
    return gen_expr(fx, fx.rng.choice([t for t in DTYPES if t != "b1"]), depth)


def store_target(fx, a):
    """The element a store writes; under --avoid store-order only an element surely in range."""
    target = element(fx, a, fx.ed(), safe=not fx.on("store-order"))
    if target is not None:
        target.ctx = ast.Store()
    return target


@stmt("array-stores", weight=5)
def array_store(fx, depth):
    """a[i] = v, converting v as NumPy's item assignment does."""
    have = arrays(fx, lambda v: v.writable)
    if not have:
        return None
    a = fx.rng.choice(have)
    target = store_target(fx, a)
    value = store_value(fx, a.ty[1], fx.ed()) if target is not None else None
    if value is None:
        return None
    return [ast.Assign(targets=[target], value=value)]


@stmt("array-stores", weight=3)
def array_aug_store(fx, depth):
    """a[i] += v and the other operators; the result is converted back to the dtype."""
    have = arrays(fx, lambda v: v.writable and v.ty[1] != "b1")
    if not have:
        return None
    a = fx.rng.choice(have)
    dtype = a.ty[1]
    cands = [k for k in ARITH if k[1] == dtype and k[0] != "**" and fx.allows(k[2]) and (
        is_complex(dtype) or not is_complex(k[2]))]
    if not cands:
        return None
    op, _, rt = fx.rng.choice(cands)
    target = store_target(fx, a)
    if target is None:
        return None
    value = weak_operand(fx, rt, dtype, fx.ed())
    return [ast.AugAssign(target=target, op=BINOPS[op](), value=value)]


@stmt("arrays", weight=2)
def new_array(fx, depth):
    """A new array local, from a creation function, a copy or a call."""
    dtype = fx.rng.choice(fx.dtypes())
    ndim = fx.rng.choice([1, 1, 1, 2, 2, 3])
    ty = arr(dtype, ndim)
    value = gen_expr(fx, ty, fx.ed())
    if getattr(value, "_reshaped", False):
        return None  # a view or a copy depending on the layout (npgen.py): never kept
    v = fx.fresh()
    # A function that may return its array argument gives an alias: never stored into (it may be
    # a read-only argument, and pyaot checks those at the call). A view is writable when what it
    # views is.
    fresh = getattr(value, "_fresh", True)
    base = getattr(value, "_base", None)
    writable = not _aliasing_call(fx, value) and (fresh or (base is not None and base.writable))
    fx.add(Var(v, ty, mutable=False, writable=writable, shape=getattr(value, "_shape", None),
               contig=getattr(value, "_cc", False), view=not fresh or _aliasing_call(fx, value)))
    return [ast.Assign(targets=[store(v)], value=value)]


def _aliasing_call(fx, node):
    f = getattr(node, "func", None)
    return isinstance(f, ast.Name) and any(s.returns_alias for s in fx.prog.sigs if s.name == f.id)


@stmt("arrays", weight=2, compound=True)
def empty_and_fill(fx, depth):
    """b = np.empty(...) (or empty_like) followed by loops that fill every element."""
    dtype = fx.rng.choice(fx.dtypes())
    ndim = fx.rng.choice([1, 1, 2])
    if fx.loop_depth + ndim > 3:
        return None
    ty = arr(dtype, ndim)
    like = arrays(fx, lambda v: v.ty == ty)
    shape, contig = None, True
    if like and fx.chance(0.3):
        src = fx.rng.choice(like)
        value = call(attr("np", "empty_like"), [name(src.name, ty)], ty)
        shape, contig = var_shape(src), src.contig  # empty_like keeps the layout
    else:
        value = call(attr("np", "empty"), [shape_arg(fx, ndim, fx.ed())], ty, [dtype_kw(fx, dtype)])
    v = fx.fresh()
    loop_vars = [fx.fresh("i") for _ in range(ndim)]
    var = Var(v, ty, mutable=False, shape=shape, contig=contig)
    # The fill value is made before `v` is visible: it must not read the unfilled elements.
    fx.push()
    for i in loop_vars:
        fx.add(Var(i, "int", mutable=False))
        fx.enter_loop()
    fill = store_value(fx, dtype, fx.ed())
    for _ in loop_vars:
        fx.leave_loop()
    fx.pop()
    index = name(loop_vars[0], "int") if ndim == 1 else tuple_expr([name(i, "int") for i in loop_vars], None)
    body = [ast.Assign(targets=[typed(ast.Subscript(value=name(v, ty), slice=index, ctx=ast.Store()), dtype)],
                       value=fill)]
    for k in reversed(range(ndim)):
        bound = call("len", [name(v, ty)], "int") if k == 0 else shape_item(var, k)
        body = [ast.For(target=store(loop_vars[k]), iter=call("range", [bound], None), body=body, orelse=[])]
    fx.add(var)
    out = [ast.Assign(targets=[store(v)], value=value)]
    return out + body


@stmt("for-each", weight=2, compound=True)
def for_each(fx, depth):
    """for x in a: over a 1-D array."""
    have = arrays(fx, lambda v: v.ty[2] == 1)
    if not have or fx.loop_depth >= 3:
        return None
    a = fx.rng.choice(have)
    x = fx.fresh("x")
    fx.enter_loop()
    fx.push()
    fx.add(Var(x, a.ty[1], mutable=False))
    body = gen_block(fx, fx.rng.randint(1, 3), depth) or [ast.Pass()]
    fx.pop_block()
    fx.leave_loop()
    return [ast.For(target=store(x), iter=name(a.name, a.ty), body=body, orelse=[])]
