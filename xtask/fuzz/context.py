"""What the generator knows while it writes one function: visible variables, loops, callable functions."""

from features import Switches
from typesys import DTYPES, FIXED, FIXED_COMPLEX, needed_features


class Var:
    """A variable in scope. `mutable`: may be reassigned; `writable`: an array that may be stored into.

    Arrays also have `shape` (a tuple of dimensions, see npgen.py; None: the variable's own symbols),
    `contig` (C-contiguous under CPython and compiled alike) and `view` (may share memory with an
    argument or another array, as views do).
    """

    __slots__ = ("name", "ty", "mutable", "writable", "shape", "contig", "view")

    def __init__(self, name, ty, mutable=True, writable=True, shape=None, contig=False, view=False):
        self.name = name
        self.ty = ty
        self.mutable = mutable
        self.writable = writable
        self.shape = shape
        self.contig = contig
        self.view = view


def var_shape(v):
    """The shape of array variable v: what it was given, else a symbol per axis of its own."""
    return v.shape if v.shape is not None else tuple((v.name, k) for k in range(v.ty[2]))


class Sig:
    """A generated function as its callers see it.

    kind: `typed` (annotated, exported), `untyped` (a helper specialised for the one signature it is
    called with) or `poly` (a generic helper: `family` says what it accepts, see polygen.py).
    params: (name, type, writable) triples; depth: loops nested in it, callees included.
    """

    def __init__(self, name, params, ret, kind, depth=0, family=None, returns_alias=False, small_first=False):
        self.name = name
        self.small_first = small_first  # the first argument must stay small (a recursion depth)
        self.params = params
        self.ret = ret
        self.kind = kind
        self.depth = depth
        self.family = family
        self.returns_alias = returns_alias


class ProgramCtx:
    """One program: its random stream, the run's switches and the functions written so far."""

    def __init__(self, rng, switches: Switches, prefix):
        self.rng = rng
        self.sw = switches
        self.prefix = prefix
        self.sigs = []
        self.consts = []  # module constants, as Vars
        self.n_funcs = 0

    def allows(self, *types):
        """Whether the run's switches allow every type or operand kind given (complex ones)."""
        return all(self.sw.on(f) for t in types for f in needed_features(t))

    def dtypes(self):
        """Array dtypes to draw from: the real ones, and c64/c128 (twice as likely as each real
        dtype) under `complex-arrays`."""
        return DTYPES + FIXED_COMPLEX * 2 if self.sw.on("complex-arrays") else DTYPES

    def fixed(self):
        """Fixed-width scalar types to draw from (c64/c128 under `complex-arrays`)."""
        return FIXED + FIXED_COMPLEX if self.sw.on("complex-arrays") else FIXED

    def func_name(self):
        self.n_funcs += 1
        return f"{self.prefix}f{self.n_funcs - 1}"


def maybe_complex(prog, ty, p=0.35):
    """Under `complex-scalars`, a float drawn becomes a complex now and then (an extra draw only
    then, so that runs without complex numbers generate what they always did)."""
    if ty == "float" and prog.allows("complex") and prog.rng.random() < p:
        return "complex"
    return ty


# Loops nest at most this deep in one call, counting the loops of called functions.
MAX_LOOP_DEPTH = 3


class FnCtx:
    """One function being generated."""

    def __init__(self, prog: ProgramCtx, sig: Sig):
        self.prog = prog
        self.rng = prog.rng
        self.sw = prog.sw
        self.sig = sig
        self.scopes = [[]]
        self.counter = 0
        self.loop_depth = 0
        self.max_depth = 0
        self.index_vars = []  # (var name, array name, axis): loop variables known to be in range
        self.returns_alias = False
        self.scopes[0].extend(prog.consts)
        for pname, ty, writable in sig.params:
            self.add(Var(pname, ty, mutable=True, writable=writable))

    def on(self, feature):
        return self.sw.on(feature)

    def allows(self, *types):
        return self.prog.allows(*types)

    def dtypes(self):
        return self.prog.dtypes()

    def fixed(self):
        return self.prog.fixed()

    def fresh(self, prefix="v"):
        self.counter += 1
        return f"{prefix}{self.counter - 1}"

    def add(self, var):
        self.scopes[-1].append(var)
        return var

    def push(self):
        self.scopes.append([])

    def pop(self, keep=False):
        """Ends a block; with `keep` its variables stay visible (unbound if the block did not run)."""
        gone = self.scopes.pop()
        names = {v.name for v in gone}
        self.index_vars = [iv for iv in self.index_vars if iv[0] not in names]
        if keep:
            self.scopes[-1].extend(gone)

    def pop_block(self, allow_keep=True):
        """Ends an if or loop block, sometimes keeping its variables (`maybe-unbound`)."""
        self.pop(keep=allow_keep and self.on("maybe-unbound") and self.chance(0.15))

    def visible(self, pred=lambda v: True):
        return [v for scope in self.scopes for v in scope if pred(v)]

    def vars_of(self, ty):
        return self.visible(lambda v: v.ty == ty)

    def has_var(self, ty):
        return any(v.ty == ty for scope in self.scopes for v in scope)

    def enter_loop(self):
        self.loop_depth += 1
        self.max_depth = max(self.max_depth, self.loop_depth)

    def leave_loop(self):
        self.loop_depth -= 1

    def can_call(self, sig):
        """A call here must not nest loops deeper than MAX_LOOP_DEPTH."""
        ok = self.loop_depth + sig.depth <= MAX_LOOP_DEPTH
        if ok:
            self.max_depth = max(self.max_depth, self.loop_depth + sig.depth)
        return ok

    def ed(self):
        """How deep the expressions of one statement may nest."""
        return self.rng.choice([1, 2, 2, 3])

    def chance(self, p):
        return self.rng.random() < p
