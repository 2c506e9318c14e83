"""Expression rules: scalars, operators, builtins, conversions, calls and tuples.

Each rule returns an expression whose CPython type is exactly the requested one on every path,
so that compiled code and CPython can be compared value for value.
Array expressions are in arraygen.py, math functions in mathgen.py.
"""

import ast

import values
from astx import call, int_lit, literal, name, np_type, tuple_expr, typed
from rules import expr, gen_expr
from typesys import (ARITH, FIXED, FIXED_INTS, NUMERIC, SCALARS, arith_producers, compare_producers, is_array,
                     is_int_like, is_scalar, is_tuple)

BINOPS = {"+": ast.Add, "-": ast.Sub, "*": ast.Mult, "/": ast.Div, "//": ast.FloorDiv, "%": ast.Mod,
          "**": ast.Pow, "&": ast.BitAnd, "|": ast.BitOr, "^": ast.BitXor, "<<": ast.LShift,
          ">>": ast.RShift}
CMPOPS = {"<": ast.Lt, "<=": ast.LtE, ">": ast.Gt, ">=": ast.GtE, "==": ast.Eq, "!=": ast.NotEq}


def binop_node(left, op, right, ty):
    return typed(ast.BinOp(left=left, op=BINOPS[op](), right=right), ty)


def weak_operand(fx, ty, other, depth):
    """An operand of type ty beside one of type `other`. NumPy 2 range-checks a Python int meeting a
    fixed-width int; under --avoid weak-int-range such an int is a literal in range."""
    if ty == "int" and other in FIXED_INTS and not fx.on("weak-int-range"):
        return int_lit(values.in_range_int(fx.rng, other))
    return gen_expr(fx, ty, depth)


def shift_count(fx, depth):
    """A shift count for Python ints: small enough that CPython never builds a huge int."""
    if fx.chance(0.6):
        return int_lit(fx.rng.choice([0, 1, 2, 3, 7, 8, 31, 32, 62, 63, 64, 65]))
    return binop_node(gen_expr(fx, "int", depth), "%", int_lit(fx.rng.choice([8, 64, 70])), "int")


@expr("literals", weight=2, types=SCALARS, leaf=True)
def lit(fx, ty, depth):
    """Literals of every scalar type, edge values included."""
    return literal(ty, values.pick(fx.rng, ty, 0.15))


@expr("literals", weight=8, types=lambda t: not is_array(t), leaf=True)
def var(fx, ty, depth):
    """Reading a variable."""
    vs = fx.vars_of(ty)
    return name(fx.rng.choice(vs).name, ty) if vs else None


@expr("arith", weight=7, types=lambda t: t in NUMERIC or t in ("bool", "b1"))
def binop(fx, ty, depth):
    """Binary operators + - * / // % ** & | ^ << >> with NumPy 2 promotion."""
    if ty == "float" and fx.chance(0.03):
        # int ** negative constant gives a float.
        return binop_node(gen_expr(fx, "int", depth), "**", int_lit(-fx.rng.choice([1, 2, 3])), ty)
    cands = arith_producers(ty)
    if not cands:
        return None
    op, lt, rt = pick_operands(fx, cands, ty)
    if op == "**":
        return _power(fx, lt, rt, ty, depth)
    left = weak_operand(fx, lt, rt, depth)
    if op in ("<<", ">>") and lt == rt == "int":
        right = shift_count(fx, depth)
    else:
        right = weak_operand(fx, rt, lt, depth)
    return binop_node(left, op, right, ty)


def pick_operands(fx, cands, ty):
    """An (op, left, right) entry, favouring operand types that have variables in scope."""
    weights = [1 + 4 * fx.has_var(lt) + 4 * fx.has_var(rt) + 3 * (lt == rt == ty) for _, lt, rt in cands]
    return fx.rng.choices(cands, weights)[0]


def _power(fx, lt, rt, ty, depth):
    if lt == rt == "int":
        exp = int_lit(fx.rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 63, 64]))
        return binop_node(gen_expr(fx, "int", depth), "**", exp, ty)
    base = weak_operand(fx, lt, rt, depth)
    exp = weak_operand(fx, rt, lt, depth)
    return binop_node(base, "**", exp, ty)


@expr("arith", weight=2, types=NUMERIC + ("b1",))
def unary(fx, ty, depth):
    """Unary - + ~."""
    if ty == "b1":
        ops = [ast.Invert]
    elif is_int_like(ty):
        ops = [ast.USub, ast.UAdd, ast.Invert]
    else:
        ops = [ast.USub, ast.UAdd]
    op = fx.rng.choice(ops)
    return typed(ast.UnaryOp(op=op(), operand=gen_expr(fx, ty, depth)), ty)


@expr("logic", weight=2, types=("bool",))
def not_(fx, ty, depth):
    """`not x` of any scalar (truthiness)."""
    operand = gen_expr(fx, fx.rng.choice(SCALARS), depth)
    return typed(ast.UnaryOp(op=ast.Not(), operand=operand), "bool")


@expr("logic", weight=2, types=SCALARS)
def boolop(fx, ty, depth):
    """`a and b`, `a or b` (the deciding operand, so all of one type)."""
    op = ast.And() if fx.chance(0.5) else ast.Or()
    n = 3 if fx.chance(0.2) else 2
    return typed(ast.BoolOp(op=op, values=[gen_expr(fx, ty, depth) for _ in range(n)]), ty)


@expr("compare", weight=5, types=("bool", "b1"))
def compare(fx, ty, depth):
    """Comparisons, chained too; a fixed-width int meets only Python ints in its range."""
    cands = compare_producers(ty)
    if not cands:
        return None
    op, lt, rt = pick_operands(fx, cands, None)
    operands = [_cmp_operand(fx, lt, rt, depth), _cmp_operand(fx, rt, lt, depth)]
    ops = [CMPOPS[op]()]
    if fx.chance(0.2):
        # The compiler refuses chains whose links promote to different dtypes.
        more = [k for k in cands if k[1] == rt and _same_promotion(lt, rt, k[2])]
        if more:
            op2, _, ct = fx.rng.choice(more)
            ops.append(CMPOPS[op2]())
            operands.append(_cmp_operand(fx, ct, rt, depth))
    return typed(ast.Compare(left=operands[0], ops=ops, comparators=operands[1:]), ty)


@expr("compare", weight=2, types=("bool",))
def membership(fx, ty, depth):
    """`x in (a, b, c)` and `not in` of Python numbers: variables and literals (the compiler takes
    tuple displays of names, literals and arithmetic)."""
    kinds = ("int", "float", "bool")
    xt = fx.rng.choice(kinds)

    def leaf(t, item):
        vs = fx.vars_of(t)
        # Float items are literals: CPython finds a NaN item that is the very object `x` is
        # (identity), which compiled floats do not have (documented).
        if vs and fx.chance(0.6) and not (item and t == "float"):
            return name(fx.rng.choice(vs).name, t)
        return literal(t, values.pick(fx.rng, t, 0.15))

    op = ast.In() if fx.chance(0.6) else ast.NotIn()
    if fx.chance(0.3):
        # `i in range(a, b, s)` of ints, decided without iterating.
        args = [leaf("int", False) for _ in range(fx.rng.choice((1, 2, 3)))]
        rng = call("range", args, None)
        return typed(ast.Compare(left=leaf("int", False), ops=[op], comparators=[rng]), "bool")
    items = [leaf(fx.rng.choice(kinds), True) for _ in range(fx.rng.choice((1, 2, 3, 4)))]
    tup = ast.Tuple(elts=items, ctx=ast.Load())
    return typed(ast.Compare(left=leaf(xt, False), ops=[op], comparators=[tup]), "bool")


@expr("builtins", weight=1, types=("bool",))
def isinstance_(fx, ty, depth):
    """isinstance(x, T) of any scalar against int, float, bool, complex or a tuple of them."""
    x = gen_expr(fx, fx.rng.choice(SCALARS), depth)
    names = ["int", "float", "bool", "complex"]
    picked = fx.rng.sample(names, fx.rng.choice((1, 1, 2)))
    tys = [ast.Name(id=n, ctx=ast.Load()) for n in picked]
    target = tys[0] if len(tys) == 1 else ast.Tuple(elts=tys, ctx=ast.Load())
    return call("isinstance", [x, target], "bool")


def _same_promotion(a, b, c):
    """Whether `a < b` and `b < c` compare in one type (`+` shows the promotion)."""
    if a == b == c:
        return True
    pab, pbc = ARITH.get(("+", a, b)), ARITH.get(("+", b, c))
    return pab is not None and pab == pbc == ARITH.get(("+", a, c))


def _cmp_operand(fx, ty, other, depth):
    # Comparing a fixed-width int with a Python int outside its range is a documented gap.
    if ty == "int" and other in FIXED_INTS:
        return int_lit(values.in_range_int(fx.rng, other))
    return gen_expr(fx, ty, depth)


@expr("builtins", weight=2, types=NUMERIC)
def abs_(fx, ty, depth):
    """abs(x)."""
    return call("abs", [gen_expr(fx, ty, depth)], ty)


@expr("builtins", weight=2, types=NUMERIC)
def min_max(fx, ty, depth):
    """min/max of two or three values of one type."""
    n = 3 if fx.chance(0.2) else 2
    return call(fx.rng.choice(["min", "max"]), [gen_expr(fx, ty, depth) for _ in range(n)], ty)


@expr("builtins", weight=1, types=("int", "float"))
def pow_builtin(fx, ty, depth):
    """pow(a, b)."""
    node = binop(fx, ty, depth)
    if node is None or not isinstance(node.op, ast.Pow):
        return None
    return call("pow", [node.left, node.right], ty)


@expr("convert", weight=3, types=("int", "float", "bool"))
def py_convert(fx, ty, depth):
    """int(x), float(x), bool(x) of other scalar types."""
    if ty == "int":
        src = fx.rng.choice(["float", "bool", "f32", "f64", "b1"] + list(FIXED_INTS))
    elif ty == "float":
        src = fx.rng.choice(["int", "bool", "f32", "f64", "b1"] + list(FIXED_INTS))
    else:
        src = fx.rng.choice(SCALARS)
    return call(ty, [gen_expr(fx, src, depth)], ty)


@expr("convert", weight=1, types=("int", "float"))
def round_(fx, ty, depth):
    """round(x) gives an int, round(x, n) a float."""
    x = gen_expr(fx, "float", depth)
    if ty == "int":
        return call("round", [x], "int")
    return call("round", [x, int_lit(fx.rng.choice([0, 1, 2, 3, -1, -2, 20, 400, -400]))], "float")


@expr("convert", weight=3, types=FIXED)
def np_convert(fx, ty, depth):
    """np.int8(x) and friends, from Python numbers and other fixed-width types."""
    src = fx.rng.choice(["int", "float", "bool"] + list(FIXED))
    return call(np_type(ty), [gen_expr(fx, src, depth)], ty)


@expr("ifexp", weight=2, types=lambda t: is_scalar(t) or is_tuple(t))
def ifexp(fx, ty, depth):
    """`a if c else b`."""
    cond = gen_expr(fx, fx.rng.choice(["bool", "bool", "b1", "int", "float"]), depth)
    return typed(ast.IfExp(test=cond, body=gen_expr(fx, ty, depth), orelse=gen_expr(fx, ty, depth)), ty)


DIVMOD_TYPES = (("tuple", ("int", "int")), ("tuple", ("float", "float")))


@expr("builtins", weight=1, types=lambda t: t in DIVMOD_TYPES)
def divmod_(fx, ty, depth):
    """divmod(a, b) of variables and literals (the compiler evaluates its operands twice, so it
    takes names, literals and arithmetic)."""

    def leaf(t):
        vs = fx.vars_of(t)
        if vs and fx.chance(0.6):
            return name(fx.rng.choice(vs).name, t)
        return literal(t, values.pick(fx.rng, t, 0.15))

    if ty[1][0] == "int":
        kinds = ["int", "int"]
    else:
        kinds = fx.rng.choice([["float", "float"], ["int", "float"], ["float", "int"]])
    return call("divmod", [leaf(k) for k in kinds], ty)


@expr("tuples", weight=1, types=is_tuple, leaf=True)
def tuple_display(fx, ty, depth):
    """A tuple display `(a, b)`."""
    if depth < 0:
        elems = [literal(t, values.pick(fx.rng, t, 0.1)) for t in ty[1]]
    else:
        elems = [gen_expr(fx, t, depth) for t in ty[1]]
    return tuple_expr(elems, ty)


@expr("tuples", weight=2, types=is_scalar)
def tuple_item(fx, ty, depth):
    """t[k] of a tuple variable, call result or display."""
    holders = [v for v in fx.visible(lambda v: is_tuple(v.ty) and ty in v.ty[1])]
    if holders and fx.chance(0.8):
        v = fx.rng.choice(holders)
        base, tty = name(v.name, v.ty), v.ty
    elif fx.chance(0.3):
        tty = ("tuple", tuple(fx.rng.sample([ty, "int", "float", ty], fx.rng.choice([2, 3]))))
        if ty not in tty[1]:
            return None
        base = gen_expr(fx, tty, depth)
    else:
        return None
    ks = [k for k, t in enumerate(tty[1]) if t == ty]
    k = fx.rng.choice(ks)
    if fx.chance(0.3):
        k -= len(tty[1])
    return typed(ast.Subscript(value=base, slice=int_lit(k), ctx=ast.Load()), ty)


@expr("tuples", weight=1, types=("int",))
def tuple_len(fx, ty, depth):
    """len(t) of a tuple variable or display."""
    holders = fx.visible(lambda v: is_tuple(v.ty))
    if holders and fx.chance(0.5):
        v = fx.rng.choice(holders)
        return call("len", [name(v.name, v.ty)], "int")
    elems = tuple(fx.rng.choice(["int", "float", "bool"]) for _ in range(fx.rng.choice([1, 2, 3])))
    return call("len", [gen_expr(fx, ("tuple", elems), depth)], "int")


@expr("calls", weight=3, types=lambda t: True)
def call_function(fx, ty, depth):
    """A call of an earlier function of the program (annotated or not), keywords in order."""
    sigs = [s for s in fx.prog.sigs if s.ret == ty and s.kind != "poly" and fx.can_call(s)]
    return call_of(fx, fx.rng.choice(sigs), depth) if sigs else None


def call_of(fx, sig, depth):
    """A call of sig (not generic) with fresh arguments, or None when its arrays are not at hand."""
    args = call_args(fx, sig, depth)
    if args is None:
        return None
    keywords = []
    if sig.kind == "typed" and fx.on("kwargs") and args and fx.chance(0.25):
        k = fx.rng.randrange(len(args))
        keywords = [ast.keyword(arg=p[0], value=a) for p, a in zip(sig.params[k:], args[k:])]
        args = args[:k]
    return call(sig.name, args, sig.ret, keywords)


def call_args(fx, sig, depth):
    """Arguments for sig's parameters; arrays must be variables (writable where the callee stores)."""
    args = []
    for k, (_, pty, writable) in enumerate(sig.params):
        if k == 0 and sig.small_first:
            args.append(binop_node(gen_expr(fx, "int", depth), "%", int_lit(16), "int"))
        elif is_array(pty):
            vs = fx.visible(lambda v, pty=pty, w=writable: v.ty == pty and (v.writable or not w))
            if not vs:
                return None
            args.append(name(fx.rng.choice(vs).name, pty))
        else:
            args.append(gen_expr(fx, pty, depth))
    return args


@expr("generic-helpers", weight=3, types=NUMERIC)
def call_generic(fx, ty, depth):
    """A call of an unannotated generic helper, specialised for this type."""
    sigs = [s for s in fx.prog.sigs if s.kind == "poly" and fx.can_call(s)]
    return generic_call_of(fx, fx.rng.choice(sigs), ty, depth) if sigs else None


def generic_call_of(fx, sig, ty, depth):
    """A call of generic helper sig computing in type ty, or None."""
    if sig.family == "scalar":
        args = [gen_expr(fx, ty, depth) for _ in sig.params]
    else:
        if ty not in FIXED or ty == "b1":
            return None
        arrays = fx.visible(lambda v: is_array(v.ty) and v.ty[1] == ty and v.ty[2] == 1)
        if not arrays:
            return None
        args = [name(fx.rng.choice(arrays).name, arrays[0].ty)]
        args += [gen_expr(fx, "int", depth) for _ in sig.params[1:]]
    return call(sig.name, args, ty)


# Item types of tuples compared by the `tuple-ops` rules: no floats, whose NaN items CPython
# compares by identity first (a documented difference).
_CMP_ITEMS = ("int", "bool")


@expr("tuple-ops", weight=1, types=("bool",))
def tuple_compare(fx, ty, depth):
    """t1 OP t2 (lexicographic) and x in t, over tuples of ints and bools."""
    if fx.chance(0.3):
        items = tuple(fx.rng.choice(_CMP_ITEMS) for _ in range(fx.rng.choice([1, 2, 3])))
        x = gen_expr(fx, fx.rng.choice(_CMP_ITEMS), depth)
        op = fx.rng.choice([ast.In, ast.NotIn])
        t = gen_expr(fx, ("tuple", items), depth)
        return typed(ast.Compare(left=x, ops=[op()], comparators=[t]), "bool")
    n = fx.rng.choice([1, 2, 3])
    left = tuple(fx.rng.choice(_CMP_ITEMS) for _ in range(n))
    right = left if fx.chance(0.7) else tuple(fx.rng.choice(_CMP_ITEMS) for _ in range(fx.rng.choice([1, 2, 3])))
    op = fx.rng.choice([ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE])
    a = gen_expr(fx, ("tuple", left), depth)
    b = gen_expr(fx, ("tuple", right), depth)
    return typed(ast.Compare(left=a, ops=[op()], comparators=[b]), "bool")


@expr("tuple-ops", weight=1, types=is_tuple)
def tuple_build(fx, ty, depth):
    """A tuple made by `+`, `*` by a literal, or a slice with literal bounds."""
    items = ty[1]
    r = fx.rng.random()
    if r < 0.35 and len(items) >= 2:
        k = fx.rng.randint(1, len(items) - 1)
        a = gen_expr(fx, ("tuple", items[:k]), depth)
        b = gen_expr(fx, ("tuple", items[k:]), depth)
        return typed(ast.BinOp(left=a, op=ast.Add(), right=b), ty)
    if r < 0.55:
        for reps in (3, 2):
            unit = len(items) // reps
            if len(items) % reps == 0 and unit > 0 and items[:unit] * reps == items:
                base = gen_expr(fx, ("tuple", items[:unit]), depth)
                return typed(ast.BinOp(left=base, op=ast.Mult(), right=int_lit(reps)), ty)
    # A slice of a longer tuple: the items at start, start + step, ...
    step = fx.rng.choice([1, 1, 2, -1])
    extra = fx.rng.choice([0, 1, 2])
    n = len(items)
    if step > 0:
        start = fx.rng.randint(0, extra)
        total = start + step * (n - 1) + 1 + fx.rng.randint(0, 1)
        full = ["int"] * total
        for j, t in enumerate(items):
            full[start + step * j] = t
        lower, upper = start, start + step * (n - 1) + 1
    else:
        total = n + extra
        full = ["int"] * total
        hi = total - 1 - fx.rng.randint(0, extra)
        for j, t in enumerate(items):
            full[hi - j] = t
        lower, upper = hi, hi - n
    base = gen_expr(fx, ("tuple", tuple(full)), depth)
    def bound(v):
        return None if v is None else int_lit(v)
    if step < 0 and upper < 0:
        upper_node = None
    else:
        upper_node = bound(upper)
    sl = ast.Slice(lower=bound(lower), upper=upper_node, step=None if step == 1 else int_lit(step))
    return typed(ast.Subscript(value=base, slice=sl, ctx=ast.Load()), ty)


@expr("function-values", weight=3, types=lambda t: True)
def call_through_value(fx, ty, depth):
    """pN_apply1(f, x) / pN_apply2(f, x, y): an earlier function passed as a value to a helper
    that calls it (progen.py writes the two helpers into every program)."""
    sigs = [s for s in fx.prog.sigs if s.kind in ("typed", "untyped") and s.ret == ty
            and 1 <= len(s.params) <= 2 and not s.small_first and fx.can_call(s)]
    if not sigs:
        return None
    sig = fx.rng.choice(sigs)
    args = call_args(fx, sig, depth)
    if args is None:
        return None
    helper = f"{fx.prog.prefix}apply{len(args)}"
    return call(helper, [name(sig.name)] + args, ty)
