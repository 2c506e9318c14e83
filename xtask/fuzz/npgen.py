"""NumPy array rules: element-wise expressions with broadcasting, NumPy functions, views, reshaping,
`astype`, reductions, boolean masks and integer-array indices, and the statements that write
through them (in-place operators, stores into views and through masks).

Every array expression made here carries, besides its type `_ty`, its shape `_shape`: a tuple of
dimensions, each the literal 1 (from `None`) or a symbol standing for one run-time length: `(name,
k)` for axis k of a variable, `("drop", d, k)` for `a[p:-q]` with p + q = k, `("sl", d, bounds)` for
other slices, a fresh symbol where nothing is known (symbols are only compared for equality, never
ordered, so that program N comes out the same in every run). Equal symbols are equal lengths on every run,
so operands are combined only where their shapes broadcast (shapes that may not broadcast are the
`broadcast-errors` feature). Also `_fresh` (a new array, not sharing memory), `_cc` (C-contiguous
under NumPy and pyaot alike), `_base` (the variable a view shares memory with) and `_reshaped`
(`reshape`/`ravel`: a view or a copy depending on the layout, never stored into or kept).
"""

import ast
import copy
import itertools

import values
from arraygen import gen_size, store_value
from astx import attr, call, int_lit, kw, name, np_type, store, typed
from context import Var, var_shape
from exprgen import BINOPS, CMPOPS, weak_operand
from rules import expr, gen_expr, stmt
from typesys import (ARR_ARITH, ARR_COMPARE, ARR_INPLACE, CLIP_TYPES, DTYPES, FIXED, FIXED_COMPLEX, FIXED_FLOATS,
                     FIXED_INTS, PART_TYPE, REDUCE_AXIS, REDUCE_CUM, REDUCE_WHOLE, UFUNC1_TYPES, UFUNC2_LOOP,
                     UFUNC2_TYPES, WHERE_TYPES, akind, arr, is_akind, is_array, is_complex, kind_type)

_fresh_dims = itertools.count()
MAX_NDIM = 3


def fresh_dim():
    """A length nothing else is known to equal."""
    return ("new", next(_fresh_dims))


def broadcasts_into(p, s):
    """Whether shape p broadcasts to exactly shape s (aligned on the right, 1 stretches)."""
    if len(p) > len(s):
        return False
    return all(a == b or a == 1 for a, b in zip(reversed(p), reversed(s)))


def tag(node, dtype, shape, fresh, cc=False, base=None, reshaped=False):
    """Sets the type and the array facts of node."""
    typed(node, arr(dtype, len(shape)))
    node._shape = tuple(shape)
    node._fresh = fresh
    node._cc = cc or (fresh and len(shape) <= 1)
    node._base = base
    node._reshaped = reshaped
    return node


def shape_of(node):
    return getattr(node, "_shape", None)


def reduction_ok(fx, fn, d):
    """Whether reduction fn of dtype d may be generated: complex operands need `complex-arrays`;
    the mean of complex64 differs in the last bit (the `c64-mean` switch)."""
    return kinds_ok(fx, d) and (fn != "mean" or d != "c64" or fx.on("c64-mean"))


def kinds_ok(fx, *kinds):
    """Whether the switches allow these operand kinds: complex ones need their feature, and NumPy
    operators and functions of any complex operand need `complex-arrays`."""
    if not fx.allows(*kinds):
        return False
    return fx.on("complex-arrays") or not any(is_complex(k) for k in kinds)


def store_dtypes(fx, dtype):
    """Dtypes of arrays that may be stored into an array of this dtype (C casts): no complex
    values into real arrays."""
    if dtype in FIXED_COMPLEX:
        return [d for d in fx.dtypes() if cast_ok(fx, d, dtype)]
    return [d for d in DTYPES if cast_ok(fx, d, dtype)]


def _slice(lower=None, upper=None, step=None):
    lit = (lambda v: None if v is None else (v if isinstance(v, ast.AST) else int_lit(v)))
    return ast.Slice(lower=lit(lower), upper=lit(upper), step=lit(step))


def _subscript(base, items):
    sl = items[0] if len(items) == 1 else ast.Tuple(elts=items, ctx=ast.Load())
    return ast.Subscript(value=base, slice=sl, ctx=ast.Load())


def _full():
    return _slice()


def _none(fx):
    return attr("np", "newaxis") if fx.chance(0.2) else ast.Constant(None)


# ---- Leaves: array variables and views of them ----

class Leaf:
    """An array at hand: a variable, or a view or reshape of one (made by `make` when drawn)."""

    __slots__ = ("dtype", "shape", "make", "kind", "var")

    def __init__(self, dtype, shape, make, kind, var):
        self.dtype = dtype
        self.shape = tuple(shape)
        self.make = make
        self.kind = kind  # var, view (writable through when var is), reshape (read only)
        self.var = var


# Constant slices: (lower, upper, step) and the dimension they give from dimension d (None: a
# symbol of its own, equal for the same slice of the same dimension).
SLICES = [((1, None, None), lambda d: ("drop", d, 1)), ((None, -1, None), lambda d: ("drop", d, 1)),
          ((1, -1, None), lambda d: ("drop", d, 2)), ((2, None, None), lambda d: ("drop", d, 2)),
          ((None, -2, None), lambda d: ("drop", d, 2)), ((None, None, -1), lambda d: d),
          ((-1, None, -1), lambda d: d), ((None, None, None), lambda d: d),
          ((-(10**18), 10**18, None), lambda d: d), ((None, None, 2), None), ((1, None, 2), None),
          ((None, None, -2), None), ((None, 3, None), None), ((-3, None, None), None), ((3, 0, -1), None),
          ((None, None, 10**18), None), ((-2, None, -3), None), ((None, 0, None), None), ((5, 1, -1), None)]


def _slice_axis(fx, v, k, dim):
    """(slice node, dimension) for axis k (of length dim) of variable v."""
    known = [iv[0] for iv in fx.index_vars if iv[1] == v.name and iv[2] == k]
    if known and fx.chance(0.2):
        i = name(fx.rng.choice(known), "int")
        return (_slice(i) if fx.chance(0.5) else _slice(None, i)), fresh_dim()
    if fx.chance(0.03):
        # A run-time step: zero raises ValueError.
        step = typed(ast.BinOp(left=gen_expr(fx, "int", 0), op=ast.Mod(), right=int_lit(3)), "int")
        return _slice(None, None, step), fresh_dim()
    bounds, dim_of = fx.rng.choice(SLICES)
    new = dim_of(dim) if dim_of is not None else ("sl", dim, bounds)
    return _slice(*bounds), new


def _index(fx, v, k):
    """An int index for axis k of variable v: a loop variable known in range, or a small literal."""
    known = [iv[0] for iv in fx.index_vars if iv[1] == v.name and iv[2] == k]
    if known and fx.chance(0.7):
        return name(fx.rng.choice(known), "int")
    return int_lit(fx.rng.choice([0, 0, -1, -1, 1]))


def _view(fx, v, form):
    """A view of v as (node maker, shape), or None when the form does not apply."""
    s, nd, dtype = var_shape(v), v.ty[2], v.ty[1]

    def mk(build, shape, reshaped=False):
        return lambda: tag(build(), dtype, shape, fresh=False, base=v, reshaped=reshaped), shape

    base = lambda: name(v.name, v.ty)  # noqa: E731
    if form == "part":
        # a.real, a.imag of a complex array: views of its memory, strided (never C-contiguous).
        if dtype not in FIXED_COMPLEX or not fx.on("complex-arrays"):
            return None
        field = fx.rng.choice(["real", "imag"])
        return (lambda: tag(attr(base(), field), PART_TYPE[dtype], s, fresh=False, base=v)), s
    if form == "slice":
        k = fx.rng.randrange(nd) if fx.chance(0.4) else 0
        sl, dim = _slice_axis(fx, v, k, s[k])
        items = [_full() for _ in range(k)] + [sl]
        return mk(lambda: _subscript(base(), items), s[:k] + (dim,) + s[k + 1:])
    if form == "slice2" and nd >= 2:
        (sa, da), (sb, db) = _slice_axis(fx, v, 0, s[0]), _slice_axis(fx, v, 1, s[1])
        return mk(lambda: _subscript(base(), [sa, sb]), (da, db) + s[2:])
    if form == "index" and nd >= 2:
        k = fx.rng.randrange(nd)
        i = _index(fx, v, k)
        if k == nd - 1 and k > 0 and fx.chance(0.4):
            items = [ast.Constant(Ellipsis), i]
        else:
            items = [_full() for _ in range(k)] + [i]
        return mk(lambda: _subscript(base(), items), s[:k] + s[k + 1:])
    if form == "index-slice" and nd >= 2:
        i = _index(fx, v, 0)
        sl, dim = _slice_axis(fx, v, 1, s[1])
        return mk(lambda: _subscript(base(), [i, sl]), (dim,) + s[2:])
    if form == "newaxis" and nd < MAX_NDIM:
        p = fx.rng.randrange(nd + 1)
        if p == nd and p > 0 and fx.chance(0.5):
            items = [ast.Constant(Ellipsis), _none(fx)]
        else:
            items = [_full() for _ in range(p)] + [_none(fx)]
        return mk(lambda: _subscript(base(), items), s[:p] + (1,) + s[p:])
    if form == "transpose" and nd >= 2 and fx.on("reshape"):
        perm = list(range(nd))[::-1] if nd == 2 or fx.chance(0.5) else fx.rng.sample(range(nd), nd)
        shape = tuple(s[p] for p in perm)
        r = fx.rng.random()
        if perm == list(range(nd))[::-1] and r < 0.5:
            return mk(lambda: attr(base(), "T"), shape)
        perm_lits = [int_lit(p) for p in perm]
        if r < 0.75:
            return mk(lambda: call(attr(base(), "transpose"), perm_lits, None), shape)
        return mk(lambda: call(attr("np", "transpose"), [base(), typed(ast.Tuple(elts=perm_lits, ctx=ast.Load()),
                                                                         None)], None), shape)
    if form == "reshape" and fx.on("reshape"):
        return _reshape(fx, v, s, nd, base, mk)
    return None


def _reshape(fx, v, s, nd, base, mk):
    """reshape, ravel and flatten of variable v."""
    dim_of = (lambda k: call("len", [base()], "int") if k == 0 else typed(ast.Subscript(
        value=attr(base(), "shape"), slice=int_lit(k), ctx=ast.Load()), "int"))
    size = s[0] if nd == 1 else ("size", s)
    r = fx.rng.random()
    if r < 0.15:
        # flatten always copies: a fresh, C-contiguous array.
        return (lambda: tag(call(attr(base(), "flatten"), [], None), v.ty[1], (size,), fresh=True)), (size,)
    if r < 0.35:
        if fx.chance(0.5):
            return mk(lambda: call(attr(base(), "ravel"), [], None), (size,), True)
        return mk(lambda: call(attr("np", "ravel"), [base()], None), (size,), True)
    if r < 0.5:
        return mk(lambda: call(attr(base(), "reshape"), [int_lit(-1)], None), (size,), True)
    if nd == 1:
        if fx.chance(0.5):
            args = [int_lit(1), int_lit(-1)] if fx.chance(0.5) else [int_lit(1), dim_of(0)]
            return mk(lambda: call(attr(base(), "reshape"), args, None), (1, s[0]), True)
        args = [int_lit(-1), int_lit(1)] if fx.chance(0.5) else [dim_of(0), int_lit(1)]
        if fx.chance(0.3):
            return mk(lambda: call(attr("np", "reshape"), [base(), typed(ast.Tuple(elts=args, ctx=ast.Load()), None)],
                                   None), (s[0], 1), True)
        return mk(lambda: call(attr(base(), "reshape"), args, None), (s[0], 1), True)
    if nd == 2:
        if fx.chance(0.5):
            # The same size with the lengths swapped: always valid.
            tup = typed(ast.Tuple(elts=[dim_of(1), dim_of(0)], ctx=ast.Load()), None)
            return mk(lambda: call(attr(base(), "reshape"), [tup], None), (s[1], s[0]), True)
        return mk(lambda: call(attr(base(), "reshape"), [dim_of(0), int_lit(1), int_lit(-1)], None),
                  (s[0], 1, ("size", s[1:])), True) if fx.chance(0.3) else mk(
            lambda: call(attr(base(), "reshape"), [dim_of(0), dim_of(1)], None), s, True)
    # 3-D: the first axis kept (-1 is ambiguous, ValueError, when it is empty).
    return mk(lambda: call(attr(base(), "reshape"), [dim_of(0), int_lit(-1)], None), (s[0], ("size", s[1:])), True)


VIEW_FORMS = ["slice", "slice", "slice2", "index", "index", "index-slice", "newaxis", "transpose", "reshape"]


def leaves(fx):
    """Every array variable in scope, and a few random views and reshapes of each."""
    out = []
    for v in fx.visible(lambda v: is_array(v.ty)):
        s = var_shape(v)
        out.append(Leaf(v.ty[1], s, (lambda v=v, s=s: tag(name(v.name, v.ty), v.ty[1], s, fresh=False, cc=v.contig,
                                                           base=v)), "var", v))
        if not fx.on("views"):
            forms = ["transpose", "reshape"] if fx.on("reshape") else []
        else:
            forms = fx.rng.sample(VIEW_FORMS + (["part", "part"] if v.ty[1] in FIXED_COMPLEX else []), 4)
        for form in forms:
            got = _view(fx, v, form)
            if got is not None:
                make, shape = got
                kind = "reshape" if form == "reshape" else "view"
                dtype = PART_TYPE[v.ty[1]] if form == "part" else v.ty[1]
                if len(shape) <= MAX_NDIM:
                    out.append(Leaf(dtype, shape, make, kind, v))
    return out


def pick_shape(fx, lv, ndim=None):
    """The shape of a random leaf (of ndim dimensions), sometimes the broadcast of two leaves'
    shapes that no leaf has (`a[:, None] * a` is 2-D), or None."""
    if fx.chance(0.15):
        outer = [s for s in _outer_shapes(lv) if ndim is None or len(s) == ndim]
        if outer:
            return fx.rng.choice(outer)
    shapes = [l.shape for l in lv if ndim is None or len(l.shape) == ndim]
    return fx.rng.choice(shapes) if shapes else None


def broadcast(p, q):
    """The shape two shapes broadcast to when that is sure (equal dims, or 1), else None."""
    n = max(len(p), len(q))
    p, q = (1,) * (n - len(p)) + tuple(p), (1,) * (n - len(q)) + tuple(q)
    out = []
    for a, b in zip(p, q):
        if a == b or b == 1:
            out.append(a)
        elif a == 1:
            out.append(b)
        else:
            return None
    return tuple(out)


def _outer_shapes(lv):
    """Broadcasts of two leaf shapes that are neither of them (at most MAX_NDIM dimensions)."""
    shapes = _distinct(l.shape for l in lv)
    out = []
    for p in shapes:
        for q in shapes:
            b = broadcast(p, q)
            if b is not None and b != p and b != q and len(b) <= MAX_NDIM:
                out.append(b)
    return _distinct(out)


def _distinct(items):
    """Items without repeats, in their order (never a set: string hashes vary between runs, and
    program N must come out the same in every run)."""
    return list(dict.fromkeys(items))


# ---- Array expressions of a given dtype and shape ----

def arr_expr(fx, dtype, shape, depth, lv=None):
    """An array expression of this dtype and exactly this shape, or None."""
    lv = leaves(fx) if lv is None else lv
    exact = [l for l in lv if l.dtype == dtype and l.shape == shape]
    if depth <= 0 or (exact and fx.chance(0.3)):
        if exact:
            return fx.rng.choice(exact).make()
        if depth <= 0:
            return _astype(fx, dtype, shape, depth, lv)
    makers = [(6, "array-exprs", _binop), (1.5, "array-exprs", _unary), (2.5, "ufuncs", _ufunc1),
              (1, "ufuncs", _ufunc2), (0.7, "ufuncs", _where), (0.5, "ufuncs", _clip),
              (1.2, "reductions", _reduce_axis), (0.5, "reductions", _cumulative), (1, "astype", _astype),
              (3, "complex-arrays", _complex_ufunc1)]
    makers = [m for m in makers if fx.on(m[1])]
    while makers:
        total = sum(m[0] for m in makers)
        x = fx.rng.random() * total
        for m in makers:
            x -= m[0]
            if x < 0:
                break
        node = m[2](fx, dtype, shape, depth - 1, lv)
        if node is not None:
            return node
        makers.remove(m)
    return fx.rng.choice(exact).make() if exact else None


def _operand_shape(fx, full, dtype, lv):
    """The shape of a second array operand beside one of shape `full`: the same, or a shape of a
    leaf that broadcasts into it, or (broadcast-errors) one that may not."""
    if fx.on("broadcast-errors") and fx.chance(0.02):
        # No more dimensions than `full`, so the result keeps its number of dimensions.
        others = [l.shape for l in lv if len(l.shape) <= len(full)]
        if others:
            return fx.rng.choice(others)
    subs = _distinct([l.shape for l in lv if l.shape != full and broadcasts_into(l.shape, full) and (
        l.dtype == dtype or fx.chance(0.3))])
    if subs and fx.chance(0.4):
        return fx.rng.choice(subs)
    return full


def _scalar_operand(fx, k, other, depth, compare=False):
    """A scalar operand of kind k beside an array of dtype `other` (comparisons of fixed-width
    ints with Python ints outside their range are a documented gap: always in range)."""
    if k == "int" and other in FIXED_INTS and compare:
        return int_lit(values.in_range_int(fx.rng, other))
    return weak_operand(fx, k, other, depth)


def _pick_kinds(fx, cands, dtype, shape, lv):
    """A candidate (op, left, right), favouring array operands that are at hand in this shape."""
    have = {l.dtype for l in lv if l.shape == shape}
    near = {l.dtype for l in lv if broadcasts_into(l.shape, shape)}

    def weight(c):
        w = 1.0
        for k in c[1:]:
            if is_akind(k):
                w += 4 * (k[1] in have) + 1 * (k[1] in near) + 2 * (k[1] == dtype)
        return w

    return fx.rng.choices(cands, [weight(c) for c in cands])[0]


def _two_operands(fx, lt, rt, dtype, shape, depth, lv, compare=False, power=False):
    """Operands of kinds lt, rt whose broadcast has exactly `shape`."""
    if is_akind(lt) and is_akind(rt):
        # Two partial shapes broadcasting to `shape` (an outer product), when leaves have them.
        shapes = _distinct(l.shape for l in lv)
        pairs = [(p, q) for p in shapes for q in shapes if p != shape and q != shape and broadcast(p, q) == shape]
        if pairs and (fx.chance(0.3) or not any(l.shape == shape for l in lv)):
            p, q = fx.rng.choice(pairs)
            left = arr_expr(fx, lt[1], p, depth, lv)
            right = arr_expr(fx, rt[1], q, depth, lv) if left is not None else None
            return None if right is None else (left, right)
        full_left = fx.chance(0.6)
        fk, ok = (lt, rt) if full_left else (rt, lt)
        f = arr_expr(fx, fk[1], shape, depth, lv)
        o_shape = _operand_shape(fx, shape, ok[1], lv)
        o = arr_expr(fx, ok[1], o_shape, depth, lv) if f is not None else None
        if o is None:
            return None
        return (f, o) if full_left else (o, f)
    if is_akind(lt):
        a = arr_expr(fx, lt[1], shape, depth, lv)
        b = _power_exponent(fx, rt, depth) if power else _scalar_operand(fx, rt, lt[1], depth, compare)
        return None if a is None else (a, b)
    b = arr_expr(fx, rt[1], shape, depth, lv)
    return None if b is None else (_scalar_operand(fx, lt, rt[1], depth, compare), b)


def _power_exponent(fx, k, depth):
    """Integer powers: small non-negative exponents mostly (a negative one raises ValueError)."""
    if k == "int" and fx.chance(0.85):
        return int_lit(fx.rng.choice([0, 1, 2, 2, 3, 5]))
    return gen_expr(fx, k, depth)


def _binop(fx, dtype, shape, depth, lv):
    """a op b: arithmetic, bitwise or (for bool results) comparisons, arrays and scalars mixed."""
    cands = [(op, lt, rt) for (op, lt, rt), r in ARR_ARITH.items() if r == dtype and kinds_ok(fx, lt, rt)]
    cmp = []
    if dtype == "b1" and fx.on("compare"):
        cmp = [(op, lt, rt) for (op, lt, rt), r in ARR_COMPARE.items() if r == "b1" and kinds_ok(fx, lt, rt)]
        cands = cands + cmp if fx.chance(0.3) else cmp
    if not cands:
        return None
    op, lt, rt = _pick_kinds(fx, cands, dtype, shape, lv)
    is_cmp = op in CMPOPS
    int_power = op == "**" and kind_type(lt) in FIXED_INTS + ("int", "b1", "bool") and kind_type(rt) in (
        FIXED_INTS + ("int", "b1", "bool"))
    ops = _two_operands(fx, lt, rt, dtype, shape, depth, lv, compare=is_cmp, power=int_power)
    if ops is None:
        return None
    left, right = ops
    node = ast.Compare(left=left, ops=[CMPOPS[op]()], comparators=[right]) if is_cmp else ast.BinOp(
        left=left, op=BINOPS[op](), right=right)
    return _combined(node, dtype, shape, [left, right])


def _combined(node, dtype, shape, operands):
    """Tags an element-wise result of this shape: fresh, C-contiguous when its array operands are."""
    arrays = [o for o in operands if shape_of(o) is not None]
    return tag(node, dtype, shape, fresh=True, cc=all(o._cc for o in arrays))


def _unary(fx, dtype, shape, depth, lv):
    """-a, +a, ~a."""
    if dtype == "b1":
        ops = [ast.Invert]
    elif dtype in FIXED_INTS:
        ops = [ast.USub, ast.USub, ast.UAdd, ast.Invert]
    else:
        ops = [ast.USub, ast.USub, ast.UAdd]
    a = arr_expr(fx, dtype, shape, depth, lv)
    if a is None:
        return None
    return _combined(ast.UnaryOp(op=fx.rng.choice(ops)(), operand=a), dtype, shape, [a])


def _ufunc1(fx, dtype, shape, depth, lv, complex_only=False, boost=False):
    """np.sqrt(a), np.floor(a), np.isnan(a), ... (and abs(a))."""
    cands = [(fn, k) for (fn, k), r in UFUNC1_TYPES.items() if r == akind(dtype) and is_akind(k) and ufunc_ok(
        fx, fn, k) and (is_complex(k) or not complex_only)]
    if not cands:
        return None
    fn, k = _pick_kinds(fx, [(fn, k) for fn, k in cands], dtype, shape, lv)
    # Complex operands are rarely at hand: the rule of its own gives one level more to make one.
    a = arr_expr(fx, k[1], shape, max(depth, 1) if boost else depth, lv)
    if a is None or not square_ok(fx, fn, a, dtype):
        return None
    if fn in ("real", "imag"):
        # np.real(a), np.imag(a) of a complex array are views of it (strided).
        node = call(attr("np", fn), [a], None)
        return tag(node, dtype, shape, fresh=a._fresh, base=a._base, reshaped=getattr(a, "_reshaped", False))
    if fn == "conj" and fx.chance(0.4):
        return _combined(call(attr(a, "conj"), [], None), dtype, shape, [a])
    f = "abs" if fn == "abs" and fx.chance(0.3) else attr("np", fn)
    return _combined(call(f, [a], None), dtype, shape, [a])


def _complex_ufunc1(fx, dtype, shape, depth, lv, boost=False):
    """np.abs, np.conj, a.conj(), np.real, np.imag, np.angle, np.exp, ... of complex arrays."""
    return _ufunc1(fx, dtype, shape, depth, lv, complex_only=True, boost=boost)


def ufunc_ok(fx, fn, *kinds):
    """Whether fn of these operand kinds may be generated (np.rint of complex: `complex-rint`,
    np.abs of complex arrays: `complex-array-abs`)."""
    if not kinds_ok(fx, *kinds):
        return False
    if not any(is_complex(k) for k in kinds):
        return True
    if fn in ("abs", "absolute") and any(is_complex(k) and is_akind(k) for k in kinds):
        return fx.on("complex-array-abs")
    return fn != "rint" or fx.on("complex-rint")


def _ufunc2(fx, dtype, shape, depth, lv):
    """np.maximum(a, b), np.hypot(a, b), ..."""
    cands = [c for c, r in UFUNC2_TYPES.items() if r == akind(dtype) and (fx.on("ufunc-loop-dtype") or
                                                                         c not in UFUNC2_LOOP) and kinds_ok(fx, *c[1:])]
    if not cands:
        return None
    fn, lt, rt = _pick_kinds(fx, cands, dtype, shape, lv)
    ops = _two_operands(fx, lt, rt, dtype, shape, depth, lv)
    if ops is None:
        return None
    return _combined(call(attr("np", fn), list(ops), None), dtype, shape, list(ops))


def _where(fx, dtype, shape, depth, lv):
    """np.where(c, x, y) with a bool array c of this shape."""
    cands = [(x, y) for (x, y), r in WHERE_TYPES.items() if r == dtype and kinds_ok(fx, x, y)]
    if not cands:
        return None
    x, y = fx.rng.choice(cands)
    c = arr_expr(fx, "b1", shape, depth, lv)
    if c is None:
        return None
    args = [c]
    for k, other in ((x, y), (y, x)):
        if is_akind(k):
            node = arr_expr(fx, k[1], _operand_shape(fx, shape, k[1], lv), depth, lv)
        else:
            node = _scalar_operand(fx, k, kind_type(other), depth)
        if node is None or (not fx.on("where-int-power") and _int_power_inside(node)):
            return None
        args.append(node)
    return _combined(call(attr("np", "where"), args, None), dtype, shape, args)


def _int_power_inside(node):
    """Whether node holds an integer array `**` (ValueError for a negative exponent): pyaot
    computes np.where's operands only where they are selected (the `where-int-power` switch)."""
    for n in ast.walk(node):
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow):
            t = getattr(n, "_ty", None)
            if isinstance(t, tuple) and t[0] == "arr" and t[1] in FIXED_INTS:
                return True
    return False


def _clip(fx, dtype, shape, depth, lv):
    """np.clip(a, lo, hi) with Python or same-dtype bounds."""
    cands = [(d, b) for (d, b), r in CLIP_TYPES.items() if r == dtype]
    if not cands:
        return None
    d, bound = fx.rng.choice(cands)
    a = arr_expr(fx, d, shape, depth, lv)
    if a is None:
        return None
    lo, hi = (_scalar_operand(fx, bound, d, depth, compare=True) for _ in range(2))
    return _combined(call(attr("np", "clip"), [a, lo, hi], None), dtype, shape, [a])


def cast_ok(fx, src, dst):
    """Whether to cast arrays of dtype src to dst: NumPy's SIMD cast of float arrays to uint32
    (contiguous, four elements or more) gives other values for NaN, infinities and values out of
    range than its C cast, which pyaot follows (the `float-u32-cast` switch); pyaot casts complex
    arrays to bool by their real part alone (the `complex-bool-cast` switch)."""
    if src in FIXED_COMPLEX and dst == "b1" and not fx.on("complex-bool-cast"):
        return False
    return fx.on("float-u32-cast") or not (src in FIXED_FLOATS + FIXED_COMPLEX and dst == "u32")


def _astype(fx, dtype, shape, depth, lv):
    """a.astype(np.float32) from an array of another dtype (C casts, no errors)."""
    if not fx.on("astype"):
        return None
    others = [l for l in lv if l.shape == shape and l.dtype != dtype and cast_ok(fx, l.dtype, dtype)]
    if others and (depth <= 0 or fx.chance(0.6)):
        a = fx.rng.choice(others).make()
    elif depth > 0:
        a = arr_expr(fx, fx.rng.choice([d for d in fx.dtypes() if d != dtype and cast_ok(fx, d, dtype)]), shape,
                     depth - 1, lv)
    else:
        return None
    if a is None:
        return None
    spelled = {"f64": "float", "i64": "int", "b1": "bool", "c128": "complex"}
    target = ast.Name(id=spelled[dtype], ctx=ast.Load()) if dtype in spelled and fx.chance(0.25) else np_type(dtype)
    # astype keeps the layout (order K): C-contiguous only from a C-contiguous array.
    return tag(call(attr(a, "astype"), [target], None), dtype, shape, fresh=True, cc=a._cc)


# ---- Reductions ----

def sensitive(fn, dtype):
    """Reductions that add floats, whose last bits depend on NumPy's order of additions."""
    return fn in ("mean", "var", "std") or (fn in ("sum", "prod") and dtype in FIXED_FLOATS + FIXED_COMPLEX)


def _contiguous(fx, node):
    """The operand of a float sum: C-contiguous (copied if need be), except under reduce-layout."""
    if node._cc or (fx.on("reduce-layout") and fx.chance(0.5)):
        return node
    return tag(call(attr(node, "copy"), [], None), ty_dtype(node), shape_of(node), fresh=True, cc=True)


def ty_dtype(node):
    return node._ty[1]


def _reduction_call(fx, fn, src, ty, axis=None):
    kws = []
    if axis is not None:
        kws.append(kw("axis", int_lit(axis)))
    if fn in ("var", "std") and fx.chance(0.3):
        kws.append(kw("ddof", int_lit(fx.rng.choice([0, 1, 2]))))
    if fx.chance(0.45):
        return call(attr(src, fn), [], ty, kws)
    f = {"min": "amin", "max": "amax"}.get(fn, fn) if fx.chance(0.15) else fn
    return call(attr("np", f), [src], ty, kws)


def _reduce_axis(fx, dtype, shape, depth, lv):
    """np.sum(a, axis=k), a.max(axis=-1), ...: one dimension less than a."""
    if len(shape) >= MAX_NDIM:
        return None
    cands = [(fn, d) for (fn, d), r in REDUCE_AXIS.items() if r == dtype and reduction_ok(fx, fn, d)]
    if not cands:
        return None
    sources = [(l, k) for l in lv for k in range(len(l.shape)) if len(l.shape) == len(shape) + 1 and (
        l.shape[:k] + l.shape[k + 1:] == shape)]
    if not sources:
        return None
    leaf, k = fx.rng.choice(sources)
    src_shape = leaf.shape
    if len(src_shape) == 3 and not fx.on("arg-axis-3d"):
        cands = [c for c in cands if c[0] not in ("argmin", "argmax")]
    if not fx.on("empty-axis-minmax"):
        # An empty axis raises ValueError in NumPy even when the result is empty; pyaot does not.
        cands = [c for c in cands if c[0] not in ("min", "max", "argmin", "argmax")]
    by_dtype = [c for c in cands if c[1] == leaf.dtype]
    if not cands:
        return None
    fn, d = fx.rng.choice(by_dtype) if by_dtype and fx.chance(0.7) else fx.rng.choice(cands)
    src = arr_expr(fx, d, src_shape, depth, lv)
    if src is None:
        return None
    if sensitive(fn, d):
        src = _contiguous(fx, src)
    axis = k - len(src_shape) if fx.chance(0.3) else k
    node = _reduction_call(fx, fn, src, None, axis)
    return tag(node, dtype, shape, fresh=True, cc=src._cc)


def _cumulative(fx, dtype, shape, depth, lv):
    """np.cumsum(a), a.cumprod(axis=k): the shape of a (flattened without an axis)."""
    cands = [(fn, d) for (fn, d), r in REDUCE_CUM.items() if r == dtype and kinds_ok(fx, d)]
    if not cands:
        return None
    fn, d = fx.rng.choice(cands)
    src = arr_expr(fx, d, shape, depth, lv)
    if src is None:
        return None
    axis = None
    if len(shape) > 1 or fx.chance(0.3):
        k = fx.rng.randrange(len(shape))
        axis = k - len(shape) if fx.chance(0.3) else k
    kws = [kw("axis", int_lit(axis))] if axis is not None else []
    if len(shape) > 1 and axis is None:
        return None
    node = call(attr(src, fn), [], None, kws) if fx.chance(0.5) else call(attr("np", fn), [src], None, kws)
    return tag(node, dtype, shape, fresh=True, cc=src._cc)


@expr("reductions", weight=3, types=FIXED + FIXED_COMPLEX)
def reduce_whole(fx, ty, depth):
    """np.sum(a), a.mean(), np.argmax(a), a.any(), np.std(a, ddof=1), ... of any array expression."""
    cands = [(fn, d) for (fn, d), r in REDUCE_WHOLE.items() if r == ty and reduction_ok(fx, fn, d)]
    lv = leaves(fx)
    if not cands or not lv:
        return None
    have = {l.dtype for l in lv}
    fn, d = fx.rng.choices(cands, [1 + 5 * (d in have) for _, d in cands])[0]
    shape = pick_shape(fx, [l for l in lv if l.dtype == d] if d in have and fx.chance(0.8) else lv)
    src = gather(fx, d, 1, lv, depth) if fx.chance(0.15) else None
    if src is not None:
        shape = shape_of(src)
    else:
        src = arr_expr(fx, d, shape, depth, lv)
    if src is None:
        return None
    if sensitive(fn, d):
        src = _contiguous(fx, src)
    axis = None
    if len(shape) == 1 and fn not in ("any", "all") and fx.chance(0.2) and (fn != "std" or fx.on("std-axis-1d")):
        axis = fx.rng.choice([0, -1])
    return _reduction_call(fx, fn, src, ty, axis)


# ---- Scalar NumPy functions ----

@expr("ufuncs", weight=1.5, types=FIXED + FIXED_COMPLEX)
def ufunc_scalar(fx, ty, depth):
    """np.sqrt(x), np.maximum(x, y), np.isnan(x), ... of scalars: NumPy scalars."""
    c1 = [(fn, k) for (fn, k), r in UFUNC1_TYPES.items() if r == ty and not is_akind(k) and ufunc_ok(fx, fn, k)]
    c2 = [(fn, lt, rt) for (fn, lt, rt), r in UFUNC2_TYPES.items() if r == ty and not is_akind(lt) and not is_akind(
        rt) and (fx.on("ufunc-loop-dtype") or (fn, lt, rt) not in UFUNC2_LOOP) and kinds_ok(fx, lt, rt)]
    if c1 and (not c2 or fx.chance(0.6)):
        fn, k = fx.rng.choice(c1)
        x = gen_expr(fx, k, depth)
        return call(attr("np", fn), [x], ty) if square_ok(fx, fn, x, ty) else None
    if not c2:
        return None
    fn, lt, rt = fx.rng.choice(c2)
    return call(attr("np", fn), [weak_operand(fx, lt, rt, depth), weak_operand(fx, rt, lt, depth)], ty)


def square_ok(fx, fn, x, result):
    """pyaot refuses np.square of a float32 expression (not a variable, view or astype) as `**` on
    f32: the `square-f32-expr` switch."""
    if fn != "square" or result != "f32" or fx.on("square-f32-expr"):
        return True
    if isinstance(x, (ast.Name, ast.Subscript, ast.Attribute)):
        return True
    return isinstance(x, ast.Call) and isinstance(x.func, ast.Attribute) and x.func.attr == "astype"


# ---- Array expressions as rules of their own (arrays of any requested type) ----

def _top(fx, ty, depth, maker, feature_shape=None):
    lv = leaves(fx)
    shape = feature_shape or pick_shape(fx, lv, ty[2])
    if shape is None:
        return None
    return maker(fx, ty[1], shape, depth, lv)


@expr("array-exprs", weight=6, types=is_array)
def array_binop(fx, ty, depth):
    """Element-wise operators between arrays and scalars, with broadcasting."""
    return _top(fx, ty, depth, lambda *a: _binop(*a) or _unary(*a))


@expr("ufuncs", weight=2, types=is_array)
def array_ufunc(fx, ty, depth):
    """NumPy functions of arrays: sqrt, maximum, where, clip, ..."""
    maker = fx.rng.choice([_ufunc1, _ufunc1, _ufunc2, _where, _clip])
    return _top(fx, ty, depth, maker)


@expr("reductions", weight=1, types=is_array)
def array_reduce(fx, ty, depth):
    """Reductions along an axis and cumulative sums and products."""
    return _top(fx, ty, depth, _reduce_axis if fx.chance(0.7) else _cumulative)


@expr("astype", weight=1, types=is_array)
def array_astype(fx, ty, depth):
    """a.astype(dtype)."""
    return _top(fx, ty, depth, _astype)


@expr("complex-arrays", weight=3, types=lambda t: is_array(t) and t[1] in ("f32", "f64", "b1", "c64", "c128"))
def complex_array_ufunc(fx, ty, depth):
    """np.abs, np.conj, np.real, np.imag, np.angle and the element functions of complex arrays."""
    return _top(fx, ty, depth, lambda *a: _complex_ufunc1(*a, boost=True))


@expr("views", weight=2, types=is_array)
def array_view(fx, ty, depth):
    """A view (or a reshape) of an array variable."""
    lv = [l for l in leaves(fx) if l.kind != "var" and l.dtype == ty[1] and len(l.shape) == ty[2]]
    return fx.rng.choice(lv).make() if lv else None


def _int_index(fx, length_of, lv, depth, target=None):
    """A 1-D integer array used as an index of an axis of length `length_of()`: an int array
    taken modulo the length, np.arange, or an int array as it is (IndexError outside). For a store
    into variable `target`, an index array as it is may share target's memory only under the
    `fancy-index-alias` switch."""
    ints = [l for l in lv if len(l.shape) == 1 and l.dtype in FIXED_INTS]
    r = fx.rng.random()
    if ints and r < 0.55:
        leaf = fx.rng.choice(ints)
        node = leaf.make()
        if r >= 0.45 and target is not None and not fx.on("fancy-index-alias") and (
                leaf.var is target or leaf.var.view or target.view):
            r = 0.0
        if r < 0.45:
            mod = ast.BinOp(left=node, op=ast.Mod(), right=length_of())
            return tag(mod, leaf.dtype, leaf.shape, fresh=True)
        return node
    n = gen_size(fx, depth, hi=4)
    return tag(call(attr("np", "arange"), [n], None), "i64", (fresh_dim(),), fresh=True)


def mask_get(fx, dtype, ndim, lv, depth):
    """a[mask]: the selected elements (1-D), or the selected rows of a 2-D array; or None."""
    cands = [l for l in lv if l.dtype == dtype and (ndim == 1 or len(l.shape) == 2)]
    if not cands or ndim > 2:
        return None
    leaf = fx.rng.choice(cands)
    # 1-D: a mask of the whole shape; 2-D: a mask of the rows.
    mask = arr_expr(fx, "b1", leaf.shape if ndim == 1 else leaf.shape[:1], max(depth, 1), lv)
    if mask is None:
        return None
    node = ast.Subscript(value=leaf.make(), slice=mask, ctx=ast.Load())
    return tag(node, dtype, (fresh_dim(),) + (leaf.shape[1:] if ndim == 2 else ()), fresh=True)


def take(fx, dtype, ndim, lv, depth):
    """a[idx] with a 1-D integer array: gathers elements (or rows); or None."""
    cands = [l for l in lv if l.dtype == dtype and len(l.shape) == ndim]
    if not cands:
        return None
    leaf = fx.rng.choice(cands)
    base = leaf.make()
    idx = _int_index(fx, lambda: call("len", [_copy_node(base)], "int"), lv, depth)
    node = ast.Subscript(value=base, slice=idx, ctx=ast.Load())
    return tag(node, dtype, shape_of(idx)[:1] + leaf.shape[1:], fresh=True)


def gather(fx, dtype, ndim, lv, depth):
    """A mask or integer-array selection (as the features allow), or None."""
    makers = [m for f, m in (("masks", mask_get), ("masks", mask_get), ("fancy-index", take)) if fx.on(f)]
    return fx.rng.choice(makers)(fx, dtype, ndim, lv, depth) if makers else None


@expr("masks", weight=1.5, types=lambda t: is_array(t) and t[2] <= 2)
def array_mask_get(fx, ty, depth):
    """a[mask]: the selected elements (1-D), or the selected rows of a 2-D array."""
    return mask_get(fx, ty[1], ty[2], leaves(fx), depth)


@expr("fancy-index", weight=1, types=lambda t: is_array(t) and t[2] <= 2)
def array_take(fx, ty, depth):
    """a[idx] with a 1-D integer array: gathers elements (or rows)."""
    return take(fx, ty[1], ty[2], leaves(fx), depth)


def _copy_node(node):
    return copy.deepcopy(node)


# ---- Statements ----

def _writable(v):
    return v.writable and is_array(v.ty)


@stmt("array-exprs", weight=3)
def array_local(fx, depth):
    """v = <array expression> for a new local, in the shape of an array at hand."""
    lv = leaves(fx)
    shape = pick_shape(fx, lv)
    if shape is None:
        return None
    dtypes = [l.dtype for l in lv if l.shape == shape] * 3 + list(fx.dtypes())
    for _ in range(3):
        dtype = fx.rng.choice(dtypes)
        if fx.chance(0.15):
            node = gather(fx, dtype, fx.rng.choice([1, 1, 2]), lv, fx.ed())
            shape = shape_of(node) if node is not None else shape
        else:
            node = arr_expr(fx, dtype, shape, fx.ed(), lv)
        if node is not None and node._fresh:
            v = fx.fresh()
            fx.add(Var(v, node._ty, mutable=True, shape=shape, contig=node._cc))
            return [ast.Assign(targets=[store(v)], value=node)]
    return None


@stmt("array-exprs", weight=1)
def array_reassign(fx, depth):
    """x = <new array of x's dtype and shape> (`x = x * 2.0`), also for arguments and views."""
    vs = fx.visible(lambda v: is_array(v.ty) and v.mutable)
    if not vs:
        return None
    v = fx.rng.choice(vs)
    lv = leaves(fx)
    node = arr_expr(fx, v.ty[1], var_shape(v), fx.ed(), lv)
    if node is None or not node._fresh or (v.contig and not node._cc):
        return None
    return [ast.Assign(targets=[store(v.name)], value=node)]


@stmt("views", weight=1.5)
def view_local(fx, depth):
    """w = a[1:], m[i], m[:, None], a.T, ... : a view sharing a's memory (stores reach a)."""
    lv = [l for l in leaves(fx) if l.kind == "view"]
    if not lv:
        return None
    leaf = fx.rng.choice(lv)
    node = leaf.make()
    v = fx.fresh()
    fx.add(Var(v, node._ty, mutable=True, writable=leaf.var.writable, shape=leaf.shape, view=True))
    return [ast.Assign(targets=[store(v)], value=node)]


def _inplace_value(fx, dtype, shape, depth, lv):
    """(op, value) for `target op= value` on an array of dtype/shape: NumPy's same_kind rule holds.
    Shape () is a scalar target (`a[mask] op= v`): scalar values only."""
    cands = [(op, rk) for (op, d, rk) in ARR_INPLACE if d == dtype and (shape or not is_akind(rk)) and kinds_ok(
        fx, rk)]
    if not cands:
        return None
    have = {l.dtype for l in lv if broadcasts_into(l.shape, shape)}
    weights = [1 + 3 * (is_akind(rk) and rk[1] in have) + 2 * (not is_akind(rk)) for _, rk in cands]
    op, rk = fx.rng.choices(cands, weights)[0]
    int_power = op == "**" and dtype in FIXED_INTS
    if int_power and not fx.on("int-power-store"):
        # Only exponents known not to be negative: NumPy itself, casting the result back through
        # a buffer, writes garbage into the target when a negative exponent raises.
        if rk != "int":
            return None
        return op, int_lit(fx.rng.choice([0, 1, 2, 3, 5]))
    if is_akind(rk):
        value = arr_expr(fx, rk[1], _operand_shape(fx, shape, rk[1], lv), depth, lv)
    elif int_power:
        value = _power_exponent(fx, rk, depth)
    else:
        value = _scalar_operand(fx, rk, dtype, depth)
    return None if value is None or not store_value_ok(fx, value) else (op, value)


def store_value_ok(fx, value):
    """pyaot computes a stored array expression straight into its target: an integer `**` that
    raises ValueError for a negative exponent leaves the elements before it written, where NumPy
    changes nothing (the `int-power-store` switch)."""
    return fx.on("int-power-store") or not _int_power_inside(value)


@stmt("array-inplace", weight=2.5)
def array_inplace(fx, depth):
    """a += b, a *= 2, a //= m[0], ... (every operator), writing into a (and what shares it)."""
    vs = fx.visible(_writable)
    if not vs:
        return None
    v = fx.rng.choice(vs)
    lv = leaves(fx)
    got = _inplace_value(fx, v.ty[1], var_shape(v), fx.ed(), lv)
    if got is None:
        return None
    op, value = got
    return [ast.AugAssign(target=store(v.name), op=BINOPS[op](), value=value)]


def _store_view(fx):
    """A view of a writable variable that can be assigned to: slices and int indices only."""
    vs = fx.visible(_writable)
    if not vs:
        return None
    v = fx.rng.choice(vs)
    forms = ["slice", "slice", "slice2", "index", "index-slice", "all"]
    if v.ty[1] in FIXED_COMPLEX and fx.on("complex-arrays"):
        forms += ["part", "part", "part"]
    form = fx.rng.choice(forms)
    if form == "part":
        # a.imag[:] = 0.0, a.real[1:] += x: stores through a view of one part.
        s = var_shape(v)
        part = tag(attr(name(v.name, v.ty), fx.rng.choice(["real", "imag"])), PART_TYPE[v.ty[1]], s, fresh=False,
                   base=v)
        if fx.chance(0.5):
            return tag(_subscript(part, [_full()]), PART_TYPE[v.ty[1]], s, fresh=False, base=v)
        sl, dim = _slice_axis(fx, v, 0, s[0])
        return tag(_subscript(part, [sl]), PART_TYPE[v.ty[1]], (dim,) + s[1:], fresh=False, base=v)
    if form == "all":
        node = tag(_subscript(name(v.name, v.ty), [_full()]), v.ty[1], var_shape(v), fresh=False, base=v)
        return node
    got = _view(fx, v, form)
    if got is None:
        return None
    node = got[0]()
    return node


@stmt("view-stores", weight=2)
def view_store(fx, depth):
    """a[1:] = b, a[:] = 0.0, m[i] = row, a[1:] += a[:-1], m[:, j] *= 2, ..."""
    target = _store_view(fx)
    if target is None:
        return None
    dtype, shape = ty_dtype(target), shape_of(target)
    lv = leaves(fx)
    ed = fx.ed()
    target.ctx = ast.Store()
    if fx.chance(0.35):
        got = _inplace_value(fx, dtype, shape, ed, lv)
        if got is None:
            return None
        return [ast.AugAssign(target=target, op=BINOPS[got[0]](), value=got[1])]
    if fx.chance(0.4):
        value = _safe_store_value(fx, dtype, ed, "view-store-order")
    else:
        # Any dtype: array assignment casts as NumPy's C casts do.
        src = fx.rng.choice([dtype, dtype, fx.rng.choice(store_dtypes(fx, dtype))])
        value = arr_expr(fx, src, _operand_shape(fx, shape, src, lv), ed, lv)
        if value is None or not store_value_ok(fx, value):
            return None
    return [ast.Assign(targets=[target], value=value)]


def _safe_store_value(fx, dtype, depth, switch):
    """A scalar stored into a view or through a mask, one that converts to dtype without an error
    unless `switch` is on (`mask-store-range`: pyaot converts it per selected element, so an empty
    selection does not raise; `view-store-order`: pyaot converts it before it reads the array and
    the view's indices, so OverflowError comes before UnboundLocalError or IndexError)."""
    if fx.on(switch):
        return store_value(fx, dtype, depth)
    if dtype in FIXED_INTS:
        return gen_expr(fx, dtype, depth) if fx.chance(0.5) else int_lit(values.in_range_int(fx.rng, dtype))
    if dtype == "b1":
        return gen_expr(fx, fx.rng.choice(["bool", "b1"]), depth)
    if dtype in FIXED_COMPLEX:
        pool = [dtype, "float", "int"] + (["complex", "complex"] if fx.allows("complex") else []) + list(FIXED_FLOATS)
        return gen_expr(fx, fx.rng.choice(pool + list(FIXED_INTS)), depth)
    return gen_expr(fx, fx.rng.choice([dtype, "float", "int"] + list(FIXED_INTS)), depth)


@stmt("masks", weight=1)
def mask_store(fx, depth):
    """a[mask] = v, a[mask] op= v, a[mask] = f(a[mask]) (mask: a bool array of a's shape, or of its
    first axis: rows). Scalar values are literals or variables, which cannot raise: pyaot evaluates
    the mask before the value, CPython after, which shows when both raise."""
    vs = fx.visible(_writable)
    if not vs:
        return None
    v = fx.rng.choice(vs)
    lv = leaves(fx)
    ed = fx.ed()
    shape = var_shape(v)
    # pyaot's `a[mask] op= v` and `a[mask] = array` take a mask of a's shape, 1-D or 2-D only.
    array_store = fx.on("mask-array-store") or len(shape) <= 2
    if len(shape) > 1 and fx.chance(0.3):
        shape = shape[:1]
        array_store = fx.on("mask-array-store")
    mask = arr_expr(fx, "b1", shape, fx.rng.choice([1, 1, 2]), lv)
    if mask is None:
        return None
    target = ast.Subscript(value=name(v.name, v.ty), slice=mask, ctx=ast.Store())
    r = fx.rng.random()
    if r < 0.35 and array_store:
        got = _inplace_value(fx, v.ty[1], (), 0, lv)
        if got is None:
            return None
        return [ast.AugAssign(target=target, op=BINOPS[got[0]](), value=got[1])]
    if r < 0.55 and array_store:
        # One value per selected element, computed from the selection itself.
        sym = fresh_dim()
        sel_shape = (sym,) + var_shape(v)[len(shape):]
        selection = Leaf(v.ty[1], sel_shape, lambda: tag(ast.Subscript(
            value=name(v.name, v.ty), slice=copy.deepcopy(mask), ctx=ast.Load()), v.ty[1], sel_shape, fresh=True),
                         "expr", v)
        src = fx.rng.choice([v.ty[1], v.ty[1], fx.rng.choice(store_dtypes(fx, v.ty[1]))])
        value = arr_expr(fx, src, sel_shape, max(ed, 1), [selection])
        if value is None or not store_value_ok(fx, value):
            return None
        return [ast.Assign(targets=[target], value=value)]
    return [ast.Assign(targets=[target], value=_safe_store_value(fx, v.ty[1], 0, "mask-store-range"))]


@stmt("fancy-index", weight=0.5)
def take_store(fx, depth):
    """a[idx] = v and a[idx] op= v with a 1-D integer array idx (a repeated index: the last store
    wins). The index cannot raise (pyaot evaluates it before the value, CPython after)."""
    vs = fx.visible(lambda v: _writable(v) and v.ty[2] == 1)
    if not vs:
        return None
    v = fx.rng.choice(vs)
    lv = [l for l in leaves(fx) if l.kind == "var"]
    length = (lambda: call("len", [name(v.name, v.ty)], "int"))
    if fx.on("fancy-index-range"):
        idx = _int_index(fx, length, lv, -1, target=v)
    else:
        # In range, or an empty array (pyaot stores the elements before an index out of range).
        ints = [l for l in lv if len(l.shape) == 1 and l.dtype in FIXED_INTS]
        if ints and fx.chance(0.7):
            leaf = fx.rng.choice(ints)
            idx = tag(ast.BinOp(left=leaf.make(), op=ast.Mod(), right=length()), leaf.dtype, leaf.shape, fresh=True)
        else:
            idx = tag(call(attr("np", "arange"), [length()], None), "i64", var_shape(v), fresh=True)
    target = ast.Subscript(value=name(v.name, v.ty), slice=idx, ctx=ast.Store())
    if fx.chance(0.3):
        got = _inplace_value(fx, v.ty[1], (), fx.ed(), lv)
        if got is None:
            return None
        return [ast.AugAssign(target=target, op=BINOPS[got[0]](), value=got[1])]
    return [ast.Assign(targets=[target], value=store_value(fx, v.ty[1], fx.ed()))]
