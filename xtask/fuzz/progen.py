"""Whole programs: a few helpers and one exported entry function, plus the calls that test it.

A program's functions share the prefix `p<N>_` so that many programs fit in one module.
Program N of seed S is generated from `random.Random(f"{S}:{N}")` alone: it can be regenerated
without the others (`fuzz.py --seed S --only N`).
"""

import ast
import math
import random

# Importing the rule modules registers their rules.
import arraygen  # noqa: F401
import cplxgen  # noqa: F401
import exprgen
import inputs
import itergen  # noqa: F401
import dictgen  # noqa: F401
import listgen  # noqa: F401
import strgen  # noqa: F401
import mathgen  # noqa: F401
import npgen  # noqa: F401
import stmtgen
from astx import annotation_node, literal, unparse
from context import FnCtx, ProgramCtx, Sig, Var, maybe_complex
from polygen import generic_helper, recursive_helper
from rules import gen_block
from typesys import NUMERIC, arr, is_array

HEADER = ("import cmath\n"
          "import math\n"
          "import numpy as np\n"
          "from pyaot import b1, c64, c128, f32, f64, i8, i16, i32, i64, prange, u8, u16, u32, u64\n")


class Program:
    """Top-level statements (module constants, then functions, the entry last), the entry's
    parameters and the argument texts of its calls."""

    def __init__(self, seed, index, funcs, params, defaults, calls):
        self.seed = seed
        self.index = index
        self.funcs = funcs
        self.params = params  # (name, type, writable)
        self.defaults = defaults  # number of trailing parameters with defaults
        self.calls = calls  # argument texts, without the function name

    @property
    def prefix(self):
        return f"p{self.index}_"

    @property
    def entry(self):
        return self.funcs[-1].name

    def source(self):
        return "\n\n\n".join(unparse(f) for f in self.funcs) + "\n"

    def call_text(self, k):
        return f"{self.entry}({self.calls[k]})"


def param_type(prog):
    rng = prog.rng
    r = rng.random()
    if r < 0.22:
        return "int"
    if r < 0.42:
        return maybe_complex(prog, "float")
    if r < 0.47:
        return "bool"
    if r < 0.67:
        return rng.choice(prog.fixed())
    return arr(rng.choice(prog.dtypes()), rng.choice([1, 1, 1, 2, 2, 3]))


def return_type(prog, params):
    rng = prog.rng
    r = rng.random()
    if r < 0.1 and any(is_array(p[1]) and p[2] for p in params):
        return None
    if r < 0.2:
        return ("tuple", tuple(maybe_complex(prog, rng.choice(["int", "float", "bool", "f32", "i16"]))
                               for _ in range(rng.randint(2, 3))))
    if r < 0.3:
        return arr(rng.choice(prog.dtypes()), rng.choice([1, 1, 2]))
    return maybe_complex(prog, rng.choice(["int", "int", "float", "float", "bool"] + list(prog.fixed())))


def make_function(prog, kind, name, n_params):
    """One function with its Sig; kind is `typed` (annotated) or `untyped`."""
    rng = prog.rng
    params = []
    for j in range(n_params):
        ty = param_type(prog)
        params.append((f"a{j}", ty, is_array(ty) and rng.random() < 0.6))
    ret = return_type(prog, params)
    sig = Sig(name, params, ret, kind)
    fx = FnCtx(prog, sig)
    body = helper_calls(fx) + gen_block(fx, rng.randint(2, 6), rng.choice([1, 2, 2, 3]))
    if ret is not None:
        body.append(ast.Return(value=stmtgen.return_value(fx)))
    body = body or [ast.Pass()]
    sig.depth = fx.max_depth
    sig.returns_alias = fx.returns_alias
    defaults = []
    if kind == "typed" and prog.sw.on("defaults") and rng.random() < 0.25:
        for _, ty, _ in reversed(params):
            value = inputs.scalar_value(rng, ty, 0.3) if ty in ("int", "float", "bool") else None
            if value is None or rng.random() < 0.4 or (ty == "float" and not math.isfinite(value)):
                break  # defaults are plain constants: no float("nan")
            defaults.insert(0, literal(ty, value))
    annotate = kind == "typed"
    args = ast.arguments(
        posonlyargs=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=defaults,
        args=[ast.arg(arg=p, annotation=annotation_node(t) if annotate else None) for p, t, _ in params])
    returns = None
    if annotate:
        returns = ast.Constant(None) if ret is None else annotation_node(ret)
    fn = ast.FunctionDef(name=name, args=args, body=body, decorator_list=[], returns=returns)
    return fn, sig, len(defaults)


def helper_calls(fx):
    """Calls of most earlier functions, first thing in the body, so that helpers get tested."""
    out = []
    for sig in fx.prog.sigs:
        if fx.rng.random() < 0.3 or not fx.can_call(sig):
            continue
        if sig.kind == "poly":
            ty = fx.rng.choice(NUMERIC)
            node = exprgen.generic_call_of(fx, sig, ty, fx.ed())
        else:
            ty, node = sig.ret, exprgen.call_of(fx, sig, fx.ed())
        if node is None:
            continue
        if ty is None:
            out.append(ast.Expr(value=node))
        else:
            v = fx.fresh()
            out.append(ast.Assign(targets=[ast.Name(id=v, ctx=ast.Store())], value=node))
            alias = is_array(ty) and sig.returns_alias
            fx.add(Var(v, ty, writable=not alias, view=alias))
    return out


def constants(prog):
    """Module-level constants `pN_kJ = ...` (literals or expressions of earlier ones), visible to all."""
    rng, out = prog.rng, []
    for j in range(rng.choice([0, 0, 1, 2, 3]) if prog.sw.on("constants") else 0):
        ty = rng.choice(["int", "int", "float", "bool"])
        value = literal(ty, rng.choice({"int": [0, 1, 3, 7, 64, -5, 1000], "float": [0.5, 2.0, -1.25, 1e-3],
                                        "bool": [True, False]}[ty]))
        earlier = [v for v in prog.consts if v.ty == ty]
        if earlier and ty != "bool" and rng.random() < 0.5:
            other = rng.choice(earlier)
            op = rng.choice([ast.Add, ast.Sub, ast.Mult])
            value = ast.BinOp(left=ast.Name(id=other.name, ctx=ast.Load()), op=op(), right=value)
        target = ast.Name(id=f"{prog.prefix}k{j}", ctx=ast.Store())
        if rng.random() < 0.3:
            out.append(ast.AnnAssign(target=target, annotation=annotation_node(ty), value=value, simple=1))
        else:
            out.append(ast.Assign(targets=[target], value=value))
        prog.consts.append(Var(target.id, ty, mutable=False))
    return out


def generate(seed, index, switches, n_calls=6):
    rng = random.Random(f"{seed}:{index}")
    prog = ProgramCtx(rng, switches, f"p{index}_")
    funcs = constants(prog)
    if switches.on("function-values"):
        # Helpers that call the function they are given (see exprgen.call_through_value).
        funcs += ast.parse(f"def p{index}_apply1(f, x):\n    return f(x)\n\n"
                           f"def p{index}_apply2(f, x, y):\n    return f(x, y)\n").body
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
        r = rng.random()
        if r < 0.3 and switches.on("generic-helpers"):
            fn, sig = generic_helper(prog)
        elif r < 0.4 and switches.on("recursion"):
            fn, sig = recursive_helper(prog)
        else:
            kind = "typed" if r < 0.65 else "untyped"
            fn, sig, _ = make_function(prog, kind, prog.func_name(), rng.randint(0, 3))
        funcs.append(fn)
        prog.sigs.append(sig)
    fn, sig, n_defaults = make_function(prog, "typed", f"p{index}_main", rng.randint(1, 4))
    funcs.append(fn)
    calls = [inputs.call_args(rng, sig.params, n_defaults, edge=0.0 if k < 2 else 0.4) for k in range(n_calls)]
    calls = list(dict.fromkeys(calls))  # the same call twice tests nothing new
    return Program(seed, index, funcs, sig.params, n_defaults, calls)
