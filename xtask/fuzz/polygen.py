"""Generic helpers: unannotated functions whose body works for every numeric type T.

The compiler specialises such a helper once per argument-type combination, so callers pass ints,
floats or any fixed width. The body only uses what keeps T: T op T and T op small int literal for
+ - *, abs, min, max, unary minus and `a if c else b`. The `array` family takes a 1-D array of any
numeric dtype and an int, and computes in its element type.
"""

import ast

from astx import annotation_node, call, int_lit, name, store, typed
from context import Sig

T = "T"  # the type of every value a generic helper computes with


class _Body:
    """Writes the body of one generic helper: values of type T only."""

    def __init__(self, rng, family, params):
        self.rng = rng
        self.family = family
        self.values = [] if family == "array" else list(params)
        self.n = 0
        self.has_loop = False
        self.loop_vars = []

    def leaf(self):
        if self.family == "array" and (not self.values or self.rng.random() < 0.6):
            return self.element()
        return name(self.rng.choice(self.values), T)

    def element(self):
        r = self.rng.random()
        if self.loop_vars and r < 0.5:
            idx = name(self.rng.choice(self.loop_vars), "int")
        elif r < 0.8:
            length = call("len", [name("a")], "int")
            idx = typed(ast.BinOp(left=name("k", "int"), op=ast.Mod(), right=length), "int")
        else:
            idx = int_lit(self.rng.choice([0, -1]))
        return typed(ast.Subscript(value=name("a"), slice=idx, ctx=ast.Load()), T)

    def expr(self, depth):
        if depth <= 0 or self.rng.random() < 0.25:
            return self.leaf()
        r = self.rng.random()
        op = self.rng.choice([ast.Add, ast.Sub, ast.Mult])
        if r < 0.35:
            return typed(ast.BinOp(left=self.expr(depth - 1), op=op(), right=self.expr(depth - 1)), T)
        if r < 0.55:
            lit = int_lit(self.rng.choice([1, 2, 3, 5]))
            return typed(ast.BinOp(left=self.expr(depth - 1), op=op(), right=lit), T)
        if r < 0.65:
            return call("abs", [self.expr(depth - 1)], T)
        if r < 0.75:
            return call(self.rng.choice(["min", "max"]), [self.expr(depth - 1), self.expr(depth - 1)], T)
        if r < 0.85:
            return typed(ast.UnaryOp(op=ast.USub(), operand=self.expr(depth - 1)), T)
        return typed(ast.IfExp(test=self.cond(depth - 1), body=self.expr(depth - 1),
                               orelse=self.expr(depth - 1)), T)

    def cond(self, depth):
        op = self.rng.choice([ast.Lt, ast.Gt, ast.LtE, ast.Eq, ast.NotEq])
        right = self.expr(depth) if self.rng.random() < 0.6 else int_lit(self.rng.choice([0, 1, 3]))
        return ast.Compare(left=self.expr(depth), ops=[op()], comparators=[right])

    def local(self):
        self.n += 1
        return f"t{self.n - 1}"

    def stmts(self, n, depth):
        out = []
        for _ in range(n):
            r = self.rng.random()
            if r < 0.4 or not self.values:
                v = self.local()
                out.append(ast.Assign(targets=[store(v)], value=self.expr(2)))
                self.values.append(v)
            elif r < 0.65:
                v = self.rng.choice(self.values)
                op = self.rng.choice([ast.Add, ast.Sub, ast.Mult])
                out.append(ast.AugAssign(target=store(v), op=op(), value=self.expr(1)))
            elif r < 0.85 and depth > 0:
                before = list(self.values)
                body = self.stmts(self.rng.randint(1, 2), depth - 1) or [ast.Pass()]
                self.values = list(before)
                orelse = (self.stmts(1, depth - 1) or [ast.Pass()]) if self.rng.random() < 0.5 else []
                self.values = before
                out.append(ast.If(test=self.cond(1), body=body, orelse=orelse))
            elif depth > 0:
                i = self.local()
                bound = call("len", [name("a")], "int") if self.family == "array" else int_lit(
                    self.rng.randint(0, 5))
                self.loop_vars.append(i)
                before = list(self.values)
                body = self.stmts(self.rng.randint(1, 2), 0) or [ast.Pass()]
                self.values = before
                self.loop_vars.pop()
                self.has_loop = True
                out.append(ast.For(target=store(i), iter=call("range", [bound], None), body=body, orelse=[]))
        return out


def generic_helper(prog):
    """A generic helper's definition and signature (family `scalar` or `array`)."""
    rng = prog.rng
    fname = prog.func_name()
    family = "array" if rng.random() < 0.3 else "scalar"
    params = ["a", "k"] if family == "array" else [f"g{j}" for j in range(rng.randint(1, 3))]
    body_gen = _Body(rng, family, params)
    body = body_gen.stmts(rng.randint(1, 4), 1)
    body.append(ast.Return(value=body_gen.expr(2)))
    args = ast.arguments(posonlyargs=[], args=[ast.arg(arg=p) for p in params], vararg=None, kwonlyargs=[],
                         kw_defaults=[], kwarg=None, defaults=[])
    fn = ast.FunctionDef(name=fname, args=args, body=body, decorator_list=[], returns=None)
    sig = Sig(fname, [(p, None, False) for p in params], T, "poly", depth=1 if body_gen.has_loop else 0,
              family=family)
    return fn, sig


def recursive_helper(prog):
    """`f(n, x)`: x if n <= 0, else f(n - 1, x op c) op d, for one numeric type; callers keep n small.

    Annotated (exported) or not; the base case comes first, so the return type is inferable.
    """
    rng = prog.rng
    fname = prog.func_name()
    ty = rng.choice(["int", "float", "i32", "u8", "f32", "f64", "i64"])
    annotate = rng.random() < 0.5
    n, x = name("n", "int"), name("x", ty)
    step = typed(ast.BinOp(left=x, op=rng.choice([ast.Add, ast.Sub, ast.Mult])(), right=int_lit(rng.randint(1, 3))), ty)
    down = typed(ast.BinOp(left=name("n", "int"), op=ast.Sub(), right=int_lit(rng.choice([1, 1, 2]))), "int")
    again = call(fname, [down, step], ty)
    result = typed(ast.BinOp(left=again, op=rng.choice([ast.Add, ast.Sub])(), right=name("x", ty)), ty)
    base = ast.If(test=ast.Compare(left=n, ops=[ast.LtE()], comparators=[int_lit(0)]),
                  body=[ast.Return(value=name("x", ty))], orelse=[])
    params = [("n", "int", False), ("x", ty, False)]
    args = ast.arguments(posonlyargs=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[],
                         args=[ast.arg(arg=p, annotation=annotation_node(t) if annotate else None)
                               for p, t, _ in params])
    fn = ast.FunctionDef(name=fname, args=args, body=[base, ast.Return(value=result)], decorator_list=[],
                         returns=annotation_node(ty) if annotate else None)
    sig = Sig(fname, params, ty, "typed" if annotate else "untyped", depth=1, small_first=True)
    return fn, sig
