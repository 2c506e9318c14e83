"""Statement rules: assignments, control flow, loops, exits and exceptions.

Loops are always bounded: `for` ranges come from small sizes, `while` loops count their iterations in
a variable that nothing else assigns. Exits (return, raise, break, continue) only end `if` blocks.
"""

import ast

from arraygen import gen_size, shape_item
from astx import annotation_node, call, int_lit, literal, name, store, tuple_expr, typed
from context import Var, maybe_complex
from exprgen import BINOPS, call_args, shift_count, weak_operand
from rules import gen_block, gen_expr, stmt
from typesys import ARITH, COMPLEX_TYPES, DTYPES, FIXED_INTS, NUMERIC, complex_f64, is_array, is_scalar

EXCEPTIONS = ["ArithmeticError", "AssertionError", "Exception", "IndexError", "KeyError", "LookupError",
              "NotImplementedError", "OverflowError", "RuntimeError", "ValueError", "ZeroDivisionError"]
# (TypeError is left out: CPython raising it means the generator wrote an ill-typed program.)


def local_type(fx):
    """The type of a new scalar or tuple local."""
    r = fx.rng.random()
    if r < 0.3:
        return "int"
    if r < 0.55:
        return maybe_complex(fx.prog, "float")
    if r < 0.62:
        return "bool"
    if r < 0.9:
        return fx.rng.choice(fx.fixed())
    elems = tuple(maybe_complex(fx.prog, fx.rng.choice(["int", "float", "bool", "f32", "i32"]))
                  for _ in range(fx.rng.choice([2, 3])))
    return ("tuple", elems)


def condition(fx):
    """A test: mostly a bool, sometimes the truthiness of a variable's type."""
    if fx.chance(0.25):
        vs = fx.visible(lambda v: is_scalar(v.ty))
        if vs:
            return gen_expr(fx, fx.rng.choice(vs).ty, fx.ed())
    return gen_expr(fx, fx.rng.choice(["bool"] * 6 + ["b1"]), fx.ed())


@stmt("assign", weight=6)
def assign_new(fx, depth):
    """v = e for a new local (sometimes annotated, sometimes `a = b = e`)."""
    ty = local_type(fx)
    value = gen_expr(fx, ty, fx.ed())
    v = fx.fresh()
    if fx.on("annotations") and fx.chance(0.12):
        out = ast.AnnAssign(target=store(v), annotation=annotation_node(ty), value=value, simple=1)
    elif fx.chance(0.05):
        w = fx.fresh()
        fx.add(Var(w, ty))
        out = ast.Assign(targets=[store(v), store(w)], value=value)
    else:
        out = ast.Assign(targets=[store(v)], value=value)
    fx.add(Var(v, ty))
    return [out]


@stmt("assign", weight=4)
def reassign(fx, depth):
    """x = e for a visible variable, same type."""
    vs = fx.visible(lambda v: v.mutable and not is_array(v.ty))
    if not vs:
        return None
    v = fx.rng.choice(vs)
    return [ast.Assign(targets=[store(v.name)], value=gen_expr(fx, v.ty, fx.ed()))]


@stmt("augassign", weight=4)
def aug_assign(fx, depth):
    """x += e and the other operators, where the result keeps x's type."""
    vs = fx.visible(lambda v: v.mutable and v.ty in NUMERIC + ("bool", "b1") + COMPLEX_TYPES)
    if not vs:
        return None
    v = fx.rng.choice(vs)
    cands = [k for k, r in ARITH.items() if k[1] == v.ty and r == v.ty and fx.allows(k[2]) and (
        fx.on("complex-f64") or not complex_f64(k[1], k[2]))]
    if not cands:
        return None
    op, _, rt = fx.rng.choice(cands)
    if op == "**" and v.ty == rt == "int":
        value = int_lit(fx.rng.choice([0, 1, 2, 3]))
    elif op in ("<<", ">>") and v.ty == rt == "int":
        value = shift_count(fx, fx.ed())
    else:
        value = weak_operand(fx, rt, v.ty, fx.ed())
    return [ast.AugAssign(target=store(v.name), op=BINOPS[op](), value=value)]


@stmt("tuples", weight=2)
def tuple_assign(fx, depth):
    """a, b = e1, e2 (new names), swaps, and unpacking tuples (shapes included)."""
    r = fx.rng.random()
    if r < 0.35:
        mutable = fx.visible(lambda v: v.mutable and is_scalar(v.ty))
        pairs = [(a, b) for a in mutable for b in mutable if a.ty == b.ty and a.name != b.name]
        if pairs:
            a, b = fx.rng.choice(pairs)
            values = [gen_expr(fx, a.ty, fx.ed()) if fx.chance(0.3) else name(b.name, b.ty),
                      gen_expr(fx, a.ty, fx.ed()) if fx.chance(0.3) else name(a.name, a.ty)]
            return [ast.Assign(targets=[tuple_expr([store(a.name), store(b.name)], None)],
                               value=tuple_expr(values, ("tuple", (a.ty, b.ty))))]
    tys = tuple(local_type(fx) for _ in range(fx.rng.choice([2, 2, 3])))
    if any(not is_scalar(t) for t in tys):
        return None
    value = gen_expr(fx, ("tuple", tys), fx.ed())
    names = [fx.fresh() for _ in tys]
    for n, t in zip(names, tys):
        fx.add(Var(n, t))
    return [ast.Assign(targets=[tuple_expr([store(n) for n in names], None)], value=value)]


@stmt("if", weight=4, compound=True)
def if_(fx, depth):
    """if / elif / else."""
    n_elif = fx.rng.choice([0, 0, 0, 1, 2])
    tests = [condition(fx) for _ in range(n_elif + 1)]
    # Variables a branch leaves visible (maybe-unbound) are visible after the `if` only, not in
    # the other branches; none are when a test is known at compile time (pyaot compiles only the
    # branch taken, so the others' variables would never get a type).
    keep = not any(_static(fx, t) for t in tests)
    kept = []
    blocks = [_branch(fx, depth, keep, kept) for _ in tests]
    orelse = _branch(fx, depth, keep, kept) if fx.chance(0.5) else []
    fx.scopes[-1].extend(kept)
    for test, body in reversed(list(zip(tests, blocks))):
        orelse = [ast.If(test=test, body=body, orelse=orelse)]
    return orelse


def _branch(fx, depth, keep, kept):
    before = len(fx.scopes[-1])
    body = _scoped_block(fx, depth, keep=keep)
    kept.extend(fx.scopes[-1][before:])
    del fx.scopes[-1][before:]
    return body


def _static(fx, test):
    """Whether pyaot may know a test at compile time (it then compiles only the branch taken):
    besides `True`, `a.ndim == 2` and dtype tests it folds some expressions of literals and module
    constants (`False & K`), so any test that reads no local variable (except through `.ndim` and
    `.dtype`) counts."""
    if isinstance(test, ast.BoolOp) and any(_static(fx, v) for v in test.values):
        return True  # `False and x` is folded too
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _static(fx, test.operand)
    local = {v.name for v in fx.visible()} - {v.name for v in fx.prog.consts}
    known = set()
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr in ("ndim", "dtype") and isinstance(node.value, ast.Name):
            known.add(id(node.value))
    return not any(isinstance(n, ast.Name) and n.id in local and id(n) not in known for n in ast.walk(test))


def _scoped_block(fx, depth, n=None, keep=True):
    fx.push()
    body = gen_block(fx, n if n is not None else fx.rng.randint(1, 3), depth)
    fx.pop_block(allow_keep=keep)
    return body or [ast.Pass()]


def _range_args(fx):
    """range(...) arguments, and (array, axis) when they keep the loop variable a valid index."""
    have = fx.visible(lambda v: is_array(v.ty))
    if have and fx.chance(0.45):
        a = fx.rng.choice(have)
        axis = fx.rng.randrange(a.ty[2])
        length = call("len", [name(a.name, a.ty)], "int") if axis == 0 else shape_item(a, axis)
        r = fx.rng.random()
        if r < 0.5:
            args = [length]
        elif r < 0.65:
            args = [int_lit(1), length]
        elif r < 0.8:
            args = [int_lit(0), length, int_lit(fx.rng.choice([2, 3]))]
        else:
            minus_one = typed(ast.BinOp(left=length, op=ast.Sub(), right=int_lit(1)), "int")
            args = [minus_one, int_lit(-1), int_lit(-1)]
        return args, (a.name, axis)
    r = fx.rng.random()
    if r < 0.5:
        return [gen_size(fx, fx.ed(), hi=10)], None
    if r < 0.75:
        return [int_lit(fx.rng.choice([-3, -1, 0, 1, 2, 5])), gen_size(fx, fx.ed(), hi=10)], None
    step = fx.rng.choice([1, 2, 3, -1, -2, -3])
    if step > 0:
        start, stop = int_lit(fx.rng.choice([-2, 0, 1, 3])), gen_size(fx, fx.ed(), hi=10)
    else:
        start, stop = gen_size(fx, fx.ed(), hi=10), int_lit(fx.rng.choice([-3, -1, 0, 2]))
    if fx.on("range-step-expr") and fx.chance(0.1):
        step_node = typed(ast.BinOp(left=gen_expr(fx, "int", 1), op=ast.Mod(), right=int_lit(3)), "int")
    else:
        step_node = int_lit(step)
    return [start, stop, step_node], None


@stmt("for-range", weight=4, compound=True)
def for_range(fx, depth):
    """for i in range(...) with one to three arguments, optional else."""
    if fx.loop_depth >= 3:
        return None
    args, axis = _range_args(fx)
    i = fx.fresh("i")
    fx.enter_loop()
    fx.push()
    fx.add(Var(i, "int", mutable=False))
    if axis is not None:
        fx.index_vars.append((i, axis[0], axis[1]))
    body = gen_block(fx, fx.rng.randint(1, 4), depth) or [ast.Pass()]
    fx.pop_block()
    fx.leave_loop()
    orelse = _scoped_block(fx, depth, 1) if fx.on("loop-else") and fx.chance(0.15) else []
    loop = "prange" if fx.on("prange") and fx.chance(0.1) else "range"
    it = call(loop, args, None)
    if loop == "range" and all(_pure(a) for a in args) and fx.chance(0.15):
        # The compiler takes reversed(range(...)) of arguments it may evaluate again.
        it = call("reversed", [it], None)
    return [ast.For(target=store(i), iter=it, body=body, orelse=orelse)]


def _pure(e):
    """Whether the compiler may evaluate `e` again (names, literals, arithmetic, len, subscripts)."""
    if isinstance(e, (ast.Name, ast.Constant)):
        return True
    if isinstance(e, ast.UnaryOp):
        return _pure(e.operand)
    if isinstance(e, ast.BinOp):
        return _pure(e.left) and _pure(e.right)
    if isinstance(e, ast.Attribute):
        return isinstance(e.value, ast.Name)
    if isinstance(e, ast.Subscript):
        return _pure(e.value) and _pure(e.slice)
    if isinstance(e, ast.Tuple):
        return all(_pure(x) for x in e.elts)
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and not e.keywords and len(e.args) == 1:
        return e.func.id == "len" and _pure(e.args[0])
    return False


@stmt("while", weight=2, compound=True)
def while_(fx, depth):
    """A while loop whose counter bounds it: `w = 0; while w < K and c: w += 1; ...`."""
    if fx.loop_depth >= 3:
        return None
    w = fx.fresh("w")
    limit = int_lit(fx.rng.randint(1, 8))
    bound = typed(ast.Compare(left=name(w, "int"), ops=[ast.Lt()], comparators=[limit]), "bool")
    more = gen_expr(fx, "bool", fx.ed())
    test = bound if fx.chance(0.4) else typed(ast.BoolOp(op=ast.And(), values=[bound, more]), "bool")
    fx.add(Var(w, "int", mutable=False))
    fx.enter_loop()
    fx.push()
    body = [ast.AugAssign(target=store(w), op=ast.Add(), value=int_lit(1))]
    body += gen_block(fx, fx.rng.randint(1, 3), depth)
    fx.pop_block()
    fx.leave_loop()
    orelse = _scoped_block(fx, depth, 1) if fx.on("loop-else") and fx.chance(0.2) else []
    return [ast.Assign(targets=[store(w)], value=int_lit(0)), ast.While(test=test, body=body, orelse=orelse)]


def return_value(fx):
    """The value of a `return`; notes when an array argument may come back (an alias)."""
    value = gen_expr(fx, fx.sig.ret, fx.ed())
    if is_array(fx.sig.ret):
        if isinstance(value, ast.Name):
            v = next(v for v in fx.visible() if v.name == value.id)
            if not v.writable or v.view or v.name in {p[0] for p in fx.sig.params}:
                fx.returns_alias = True
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            fx.returns_alias |= any(s.returns_alias for s in fx.prog.sigs if s.name == value.func.id)
        elif getattr(value, "_fresh", True) is False:
            fx.returns_alias = True  # a view (npgen.py)
    return value


def exit_stmt(fx):
    """return / raise / break / continue."""
    kinds = ["return", "return", "raise"]
    if fx.loop_depth > 0:
        kinds += ["break", "break", "continue", "continue"]
    kind = fx.rng.choice(kinds)
    if kind == "break":
        return ast.Break()
    if kind == "continue":
        return ast.Continue()
    if kind == "return":
        return ast.Return(value=None if fx.sig.ret is None else return_value(fx))
    exc = fx.rng.choice(EXCEPTIONS)
    form = fx.rng.random()
    if form < 0.2:
        return ast.Raise(exc=ast.Name(id=exc, ctx=ast.Load()), cause=None)
    args = [] if form < 0.4 else [ast.Constant(f"generated {exc.lower()}")]
    return ast.Raise(exc=ast.Call(func=ast.Name(id=exc, ctx=ast.Load()), args=args, keywords=[]), cause=None)


@stmt("exits", weight=3)
def guarded_exit(fx, depth):
    """if c: [...] then return, raise, break or continue."""
    test = condition(fx)
    for _ in range(6):
        if not _static(fx, test):
            break
        test = condition(fx)
    else:
        return None  # pyaot would drop what follows (or the exit) as never run
    fx.push()
    body = gen_block(fx, fx.rng.choice([0, 0, 1]), 0) + [exit_stmt(fx)]
    fx.pop()
    return [ast.If(test=test, body=body, orelse=[])]


@stmt("exceptions", weight=0.5)
def assert_(fx, depth):
    """assert c and assert c, "message"."""
    msg = ast.Constant("generated assert") if fx.chance(0.5) else None
    return [ast.Assert(test=condition(fx), msg=msg)]


@stmt("calls", weight=1)
def call_stmt(fx, depth):
    """A call whose result is dropped (functions returning None mutate their arrays)."""
    sigs = [s for s in fx.prog.sigs if s.kind != "poly" and fx.can_call(s)]
    if not sigs:
        return None
    sig = fx.rng.choice(sigs)
    args = call_args(fx, sig, fx.ed())
    if args is None:
        return None
    return [ast.Expr(value=call(sig.name, args, sig.ret))]


@stmt("accumulate", weight=1, compound=True)
def accumulate(fx, depth):
    """s = 0.0; for x in a: s += x; the total becomes fixed-width (path-dependent under CPython)."""
    have = fx.visible(lambda v: is_array(v.ty) and v.ty[2] == 1 and v.ty[1] in DTYPES and v.ty[1] != "b1")
    if not have or fx.loop_depth >= 3:
        return None
    a = fx.rng.choice(have)
    dtype = a.ty[1]
    start_ty = "int" if dtype in FIXED_INTS else "float"
    result = ARITH.get(("+", start_ty, dtype))
    if result != dtype:
        return None
    s, x = fx.fresh(), fx.fresh("x")
    loop = ast.For(target=store(x), iter=name(a.name, a.ty),
                   body=[ast.AugAssign(target=store(s), op=ast.Add(), value=name(x, dtype))], orelse=[])
    fx.add(Var(s, dtype))
    return [ast.Assign(targets=[store(s)], value=literal(start_ty, 0)), loop]


@stmt("pass", weight=0.2)
def pass_(fx, depth):
    """pass."""
    return [ast.Pass()]
