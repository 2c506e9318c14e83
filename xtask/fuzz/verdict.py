"""Judging one call: CPython against the compiled module, with the oracle's comparison rules.

The comparison functions come from testsuite/oracle/runner.py, so the fuzzer and the test suite
agree on what "the same" means (exact types, float bits, arrays by dtype, shape and bits, arguments
after the call). Where the compiled result differs from CPython, the call is run a third time on
the *documented-differences model*: the source with every int range-checked to int64 (the oracle's
`--self` model), `**` raising ValueError where CPython would return a complex number from real
operands or where an int exponent is negative at run time, and the `cmath` functions returning the
C library's special values (C99 Annex G) for arguments with an infinite or NaN part. Agreeing with
the model is agreeing with docs/language.md.
"""

import ast
import cmath
import ctypes
import ctypes.util
import math
import os
import signal
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "testsuite", "oracle"))

import runner  # noqa: E402  (testsuite/oracle/runner.py)

# CPython raising one of these means the generator wrote a wrong program, not that pyaot is wrong
# (except UnboundLocalError, a NameError that programs reading a maybe-unbound variable may raise).
INVALID = runner.BROKEN_TEST_EXCEPTIONS + (TypeError,)


class Slow(BaseException):
    """CPython took too long (huge ints): the call is skipped. BaseException, so runner.call lets it through."""


def _alarm(signum, frame):
    raise Slow()


def timed(fn, args, kwargs, seconds):
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return runner.call(fn, args, kwargs)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _pow(a, b, constant_negative):
    if type(a) is int and type(b) is int and b < 0 and not constant_negative:
        raise ValueError("documented: int ** negative run-time exponent")
    r = a**b
    if type(r) is complex and not isinstance(a, complex) and not isinstance(b, complex):
        raise ValueError("documented: float power with a complex result")
    return r


def _is_negative_constant(node):
    return (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and node.value < 0)


def _ipow(a, b, constant_negative):
    """`a **= b`: in place for arrays (as CPython does), the documented rules for numbers."""
    if runner.np is not None and isinstance(a, runner.np.ndarray):
        a **= b
        return a
    return _pow(a, b, constant_negative)


class _CDouble(ctypes.Structure):
    """A C `double _Complex`: two doubles, passed and returned in two SSE registers on x86-64."""

    _fields_ = [("re", ctypes.c_double), ("im", ctypes.c_double)]


_CMATH_C = {"sqrt": "csqrt", "exp": "cexp", "log": "clog", "log10": "clog10", "sin": "csin", "cos": "ccos",
            "tan": "ctan", "asin": "casin", "acos": "cacos", "atan": "catan", "sinh": "csinh", "cosh": "ccosh",
            "tanh": "ctanh", "asinh": "casinh", "acosh": "cacosh", "atanh": "catanh"}


class _SpecialCmath:
    """cmath as docs/language.md documents it compiled: CPython's function (its result and its
    errors) for finite arguments; for an argument with an infinite or NaN part, CPython's error if
    it raises one, else the C library's special value."""

    def __init__(self):
        libm = ctypes.CDLL(ctypes.util.find_library("m"))
        for name, cname in _CMATH_C.items():
            cfn = getattr(libm, cname)
            cfn.restype = _CDouble
            cfn.argtypes = [_CDouble]
            setattr(self, name, self._wrap(getattr(cmath, name), cfn))

    @staticmethod
    def _wrap(fn, cfn):
        def special(z):
            r = fn(z)
            c = complex(z)
            if math.isfinite(c.real) and math.isfinite(c.imag):
                return r
            out = cfn(_CDouble(c.real, c.imag))
            return complex(out.re, out.im)

        return special

    def __getattr__(self, name):
        return getattr(cmath, name)


class _Model(runner._Int64Model):
    """The int64 model of the oracle, plus the documented rules of `**` and pow()."""

    def _pow_call(self, left, right, node, negative_constant, fn="__pyaot_pow__"):
        flag = ast.Constant(negative_constant)
        call = ast.Call(func=ast.Name(id=fn, ctx=ast.Load()), args=[left, right, flag], keywords=[])
        return self._wrap(ast.copy_location(call, node))

    def visit_BinOp(self, node):
        if isinstance(node.op, ast.Pow):
            # `float(a ** b)`: a float context gives CPython's float power (language.md).
            constant = _is_negative_constant(node.right) or getattr(node, "float_context", False)
            self.generic_visit(node)
            return self._pow_call(node.left, node.right, node, constant)
        return super().visit_BinOp(node)

    def visit_Call(self, node):
        if (isinstance(node.func, ast.Name) and node.func.id == "float" and len(node.args) == 1
                and isinstance(node.args[0], ast.BinOp) and isinstance(node.args[0].op, ast.Pow)):
            node.args[0].float_context = True
        if isinstance(node.func, ast.Name) and node.func.id == "pow" and len(node.args) == 2 and not node.keywords:
            constant = _is_negative_constant(node.args[1])
            self.generic_visit(node)
            return self._pow_call(node.args[0], node.args[1], node, constant)
        return super().visit_Call(node)

    def visit_AugAssign(self, node):
        if isinstance(node.op, ast.Pow) and isinstance(node.target, ast.Name):
            constant = _is_negative_constant(node.value)
            self.generic_visit(node)
            load = ast.Name(id=node.target.id, ctx=ast.Load())
            value = self._pow_call(load, node.value, node, constant, "__pyaot_ipow__")
            return ast.copy_location(ast.Assign(targets=[node.target], value=value), node)
        return super().visit_AugAssign(node)


def load_model(path, name):
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    tree = ast.fix_missing_locations(_Model().visit(tree))
    module = type(sys)(name)
    module.__file__ = path
    module.__dict__.update(runner.model_namespace())
    module.__dict__["__pyaot_pow__"] = _pow
    module.__dict__["__pyaot_ipow__"] = _ipow
    sys.modules[name] = module
    exec(compile(tree, path, "exec"), module.__dict__)
    if "cmath" in module.__dict__:
        module.__dict__["cmath"] = _SpecialCmath()
    return module


def kind(outcome):
    """What an outcome is, without its value: an exception type or a result type."""
    if outcome.exc is not None:
        return type(outcome.exc).__name__
    v = outcome.value
    if runner.np is not None and isinstance(v, runner.np.ndarray):
        return f"ndarray[{v.dtype}]"
    if isinstance(v, tuple):
        return "tuple[" + ", ".join(kind(runner.Outcome(value=x)) for x in v) + "]"
    return runner.type_name(v)


def problems(want, want_args, got, got_args):
    lines = runner.outcome_problems("run", want, got)
    args = runner.differing_args(want_args, got_args)
    for what, x, y in args:
        lines += [f"{what} after the call differs",
                  f"    CPython:  {runner.show(x)} ({runner.type_name(x)})",
                  f"    compiled: {runner.show(y)} ({runner.type_name(y)})"]
    return lines, args


def _complex_close(a, b):
    """Equal, or complex values that differ only within rounding (tuples item by item)."""
    if runner.same(a, b):
        return True
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        return all(_complex_close(x, y) for x, y in zip(a, b))
    np = runner.np
    complex_kind = isinstance(a, complex) or (np is not None and (
        isinstance(a, np.complexfloating) or (isinstance(a, np.ndarray) and a.dtype.kind == "c")))
    return complex_kind and runner.close(a, b)


def _fused_complex_rounding(want, want_args, got, got_args):
    """NumPy's SIMD complex loops fuse multiply-adds on CPUs with FMA (language.md), so complex
    results and arguments may differ from compiled code's in the last bits: documented."""
    if want.exc is not None or got.exc is not None:
        return False
    (pa, ka), (pb, kb) = want_args, got_args
    return (_complex_close(want.value, got.value)
            and all(_complex_close(x, y) for x, y in zip(pa, pb))
            and all(_complex_close(ka[k], kb.get(k)) for k in ka))


def _invalid(exc):
    """Whether CPython raising `exc` shows a broken program: a NameError, but for the unassigned
    variables `maybe-unbound` reads (UnboundLocalError, or inside a generator expression the
    NameError of a free variable)."""
    if isinstance(exc, UnboundLocalError):
        return False
    if type(exc) is NameError and str(exc).startswith("cannot access free variable"):
        return False
    return isinstance(exc, INVALID)


def judge(text, src, cmp, model, seconds, on_compiled=lambda: None):
    """The verdict on one run line as a dict: status ok, documented, mismatch, invalid or slow."""
    try:
        fname, evaluate = runner.parse_call(text)
        want_args = evaluate()
    except Exception as e:  # noqa: BLE001
        return {"status": "invalid", "details": [f"cannot evaluate the arguments: {e!r}"]}
    try:
        want = timed(getattr(src, fname), *want_args, seconds)
    except Slow:
        return {"status": "slow"}
    annotation = getattr(src, fname).__annotations__.get("return")
    if _invalid(want.exc):
        # A complex number from `**` can make CPython fail later; the model decides then.
        modelled = _run_model(model, fname, evaluate, seconds)
        if modelled is None or _invalid(modelled[0].exc):
            return {"status": "invalid", "details": [f"CPython {want.describe()}"]}
        want, want_args = modelled
    _as_annotated(want, annotation)
    got_args = evaluate()
    on_compiled()
    got = runner.call(getattr(cmp, fname), *got_args)
    lines, args = problems(want, want_args, got, got_args)
    if not lines:
        return {"status": "ok", "raised": _raised(want)}
    if type(got.exc) is OverflowError and want.exc is None and runner.ints_outside_int64(want.value):
        return {"status": "documented", "raised": _raised(want)}
    modelled = _run_model(model, fname, evaluate, seconds)
    if modelled is not None:
        _as_annotated(modelled[0], annotation)
    if modelled is not None and not problems(modelled[0], modelled[1], got, got_args)[0]:
        return {"status": "documented", "raised": _raised(want)}
    if _refused_read_only(got, got_args, evaluate()):
        return {"status": "documented", "raised": _raised(want)}
    if _fused_complex_rounding(want, want_args, got, got_args):
        return {"status": "documented", "raised": _raised(want)}
    if not runner.outcome_problems("run", want, got):
        sig = f"argument after the call: {runner.type_name(args[0][1])}"
    else:
        sig = f"CPython {kind(want)} / compiled {kind(got)}"
    return {"status": "mismatch", "sig": sig, "details": lines, "cpython": want.describe(),
            "compiled": got.describe(),
            "model": modelled[0].describe() if modelled is not None else "slow"}


def _refused_read_only(got, got_args, fresh_args):
    """design.md: a read-only buffer passed to a function that may store into it raises ValueError
    at the call, before anything changes, even where CPython would raise something else first."""
    if type(got.exc) is not ValueError or "read-only" not in str(got.exc):
        return False
    pos, kw = got_args
    values = list(pos) + list(kw.values())
    read_only = any(
        (isinstance(a, memoryview) and a.readonly) or (hasattr(a, "flags") and not a.flags.writeable)
        for a in values)
    return read_only and not runner.differing_args(got_args, fresh_args)


def _raised(outcome):
    return type(outcome.exc).__name__ if outcome.exc is not None else None


def _as_annotated(outcome, annotation):
    """The oracle's rule: a result converts as the return annotation says, as compiled code does."""
    if outcome.exc is None:
        outcome.value = runner.as_annotated(outcome.value, annotation)


def _run_model(model, fname, evaluate, seconds):
    """(outcome, arguments after the call) of the documented-differences model; None when slow."""
    args = evaluate()
    try:
        return timed(getattr(model, fname), *args, seconds), args
    except Slow:
        return None
