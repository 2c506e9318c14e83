"""Compare a compiled pyaot module against CPython running the same source.

Usage:
    runner.py PROGRAM.py COMPILED     # COMPILED is the built .so (or a .py stand-in)
    runner.py --self PROGRAM.py       # validates the test itself: the source against an int64 model of it
    runner.py --reference PROGRAM.py  # validates array tests: the source against a model of pyaot's
                                      # argument rules (oracle/reference.py); check lines must hold
    runner.py --dump PROGRAM.py ...   # for the MIR interpreter test (tests/interp.rs): one JSON line per
                                      # run line, with the arguments as the compiled function's ABI
                                      # receives them and CPython's outcome (see dump_line)

Directives are comment lines in PROGRAM.py:

    # pyaot: run f(1, 2)          same value and type (or same exception type) as CPython
    # pyaot: run-msg f(1, 0)      as run, and exception messages (and args) must match too
    # pyaot: run-close f(x)       as run, but floats agree to a relative 1e-12 (float64) or 4 ulps
                                  (float32): for NumPy's SIMD functions and BLAS, whose last bits
                                  depend on the machine
    # pyaot: overflow f(2**62)    CPython returns normally (big ints), compiled raises OverflowError
    # pyaot: check EXPR           EXPR is true with the compiled module bound to `m`
    # pyaot: xfail REASON         (read by tests/programs.rs) the program fails for now; a pass is an error
    # pyaot: fastmath             (read by tests/programs.rs) also build with --fastmath, which must agree

Arguments are evaluated in a small namespace (math, inf, nan, array, numpy as np and readonly when
NumPy is installed),
once for each side, so each side gets its own fresh objects (a view stays a view, a read-only
array stays read-only); the two evaluations must agree, or the line is an invalid test.
A returned number is first converted as the function's return annotation converts it (an
np.float64 returned from a `-> float` function is a float, a float returned from `-> f64` is an
np.float64): compiled functions return the annotated type. Then results compare exactly: same type, floats bit for bit except that any NaN equals any NaN,
tuples elementwise, NumPy scalars by type and value, NumPy arrays by type, dtype, shape and
values (floats bitwise), memoryviews and array.array by format, shape and values.
After every run line the arguments of the two sides are compared the same way, so in-place
kernels are checked too (also when the call raised).
A CPython int result outside the int64 range makes the line an invalid test:
pyaot's int is 64-bit, so such a line must be written as `overflow`.
With --self the checked side is an int64 model of the source (every intermediate int
range-checked), which also catches run lines that overflow only in an intermediate value;
NumPy values are opaque to the model.
In --self mode a false check line is only a note: CPython is not the oracle for them.
Check lines may use raises, raises_match, raises_unchanged, readonly and same (see below).
The last line printed is always `N passed, M failed`.
"""

import array
import ast
import contextlib
import io
import importlib.machinery
import importlib.util
import inspect
import math
import operator
import os
import re
import struct
import sys
import traceback
import warnings

# Compiled modules abort on any use of a released array block (see runtime/pyaot_array.c).
os.environ.setdefault("PYAOT_CHECK_BLOCKS", "1")

# How the checked side is named in reports; --self makes it the int64 model.
SIDE = ["compiled:"]
# Whether the checked side is the int64 model of the source (--self): its results get the return
# annotation's conversion that compiled functions (and the --reference wrappers) apply themselves.
CONVERT_CHECKED = [False]

# Importing the program must not leave __pycache__ folders in the test tree.
sys.dont_write_bytecode = True

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

DIRECTIVE = re.compile(r"^#\s*pyaot:\s*([a-z-]+)\s*(.*?)\s*$")
KINDS = ("run", "run-msg", "run-close", "overflow", "check")
# Read by the Rust harness, not by the runner: the whole program is expected to fail for now.
HARNESS_KINDS = ("xfail", "fastmath")

# Exceptions that mean the test line itself is broken, not the code under test.
BROKEN_TEST_EXCEPTIONS = (NameError, AttributeError, SyntaxError, RecursionError)

STDLIB = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "stdlib"))

try:
    import numpy as np
except ImportError:  # numpy is optional for scalar programs
    np = None

# NumPy's overflow and divide warnings are not part of what is compared; keep reports readable.
warnings.simplefilter("ignore", RuntimeWarning)


def raises(exc, fn, *args, **kwargs):
    """True when fn(*args, **kwargs) raises exc (or a subclass)."""
    try:
        fn(*args, **kwargs)
    except exc:
        return True
    except BaseException:
        return False
    return False


def raises_match(exc, pattern, fn, *args, **kwargs):
    """True when fn raises exc and re.search(pattern, str(error)) matches."""
    try:
        fn(*args, **kwargs)
    except exc as e:
        return re.search(pattern, str(e)) is not None
    except BaseException:
        return False
    return False


def snapshot(v):
    """A deep copy that keeps buffers comparable: arrays and buffers become plain NumPy copies."""
    if np is not None and isinstance(v, (np.ndarray, memoryview, array.array)):
        return np.array(v, copy=True)
    if isinstance(v, tuple):
        return tuple(snapshot(x) for x in v)
    return v


def raises_unchanged(exc, fn, *args, **kwargs):
    """True when fn raises exc (or a subclass) and leaves every argument as it was."""
    before = [snapshot(a) for a in args]
    after_kw = {k: snapshot(v) for k, v in kwargs.items()}
    if not raises(exc, fn, *args, **kwargs):
        return False
    return all(same(b, snapshot(a)) for b, a in zip(before, args)) and all(
        same(after_kw[k], snapshot(v)) for k, v in kwargs.items())


def readonly(a):
    """A read-only copy of a NumPy array."""
    a = np.array(a, copy=True)
    a.flags.writeable = False
    return a


def arg_namespace():
    ns = {"math": math, "inf": math.inf, "nan": math.nan, "array": array, "__builtins__": __builtins__}
    if np is not None:
        ns["np"] = np
        ns["readonly"] = readonly
    return ns


def load_source(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_compiled(path, name):
    if path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        loader = importlib.machinery.ExtensionFileLoader(name, path)
    else:
        loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _i64(value):
    """Checks one intermediate value of the int64 model (the ints of a tuple too: `divmod`)."""
    if type(value) is int and not (INT64_MIN <= value <= INT64_MAX):
        raise OverflowError(f"int64 model: intermediate value {value} is outside the int64 range")
    if type(value) is tuple:
        for item in value:
            _i64(item)
    return value


_INPLACE = {ast.Add: "iadd", ast.Sub: "isub", ast.Mult: "imul", ast.Div: "itruediv",
            ast.FloorDiv: "ifloordiv", ast.Mod: "imod", ast.Pow: "ipow", ast.LShift: "ilshift",
            ast.RShift: "irshift", ast.BitAnd: "iand", ast.BitOr: "ior", ast.BitXor: "ixor",
            ast.MatMult: "imatmul"}


class _Int64Model(ast.NodeTransformer):
    """Wraps every arithmetic result and call result in a range check."""

    def __init__(self):
        self.big_literals = []

    def _wrap(self, node):
        return ast.copy_location(ast.Call(func=ast.Name(id="__pyaot_i64__", ctx=ast.Load()), args=[node], keywords=[]), node)

    def visit_BinOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_Call(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_Constant(self, node):
        if type(node.value) is int and not (INT64_MIN <= node.value <= INT64_MAX):
            self.big_literals.append(node.lineno)
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if not isinstance(node.target, ast.Name):
            return node
        load = ast.Name(id=node.target.id, ctx=ast.Load())
        # The in-place operator (operator.iadd, ...), so an array is still updated in place.
        inplace = ast.Attribute(value=ast.Name(id="__pyaot_operator__", ctx=ast.Load()),
                                attr=_INPLACE[type(node.op)], ctx=ast.Load())
        value = self._wrap(ast.Call(func=inplace, args=[load, node.value], keywords=[]))
        return ast.copy_location(ast.Assign(targets=[node.target], value=value), node)


def model_namespace():
    """The names the int64 model's rewritten source calls."""
    return {"__pyaot_i64__": _i64, "__pyaot_operator__": operator}


def load_int64_model(path, name):
    """The source module with every intermediate int checked against int64: what pyaot must compute.

    In --self mode this stands in for the compiled module, so a run line whose CPython
    computation leaves int64 anywhere, not just in its result, is caught as an invalid test.
    """
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    model = _Int64Model()
    tree = ast.fix_missing_locations(model.visit(tree))
    module = type(sys)(name)
    module.__file__ = path
    module.__dict__.update(model_namespace())
    sys.modules[name] = module
    exec(compile(tree, path, "exec"), module.__dict__)
    return module, model.big_literals


def parse_directives(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = DIRECTIVE.match(line)
            if m:
                out.append((lineno, m.group(1), m.group(2)))
    return out


def exported_functions(path):
    """Names of top-level functions whose parameters are all annotated (pyaot infers a missing
    return annotation)."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            a = node.args
            params = a.posonlyargs + a.args + a.kwonlyargs
            if all(p.annotation is not None for p in params) and not a.vararg and not a.kwarg:
                names.add(node.name)
    return names


def parse_call(text):
    """Split `f(args)` into the function name and a function that evaluates (args, kwargs) afresh."""
    tree = ast.parse(text, mode="eval")
    call = tree.body
    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
        raise ValueError("expected a call of a module function, like f(1, 2)")
    name = call.func.id
    call.func = ast.Name(id="__capture__", ctx=ast.Load())
    ast.fix_missing_locations(tree)
    code = compile(tree, "<run>", "eval")

    def evaluate():
        ns = arg_namespace()
        ns["__capture__"] = lambda *a, **k: (a, k)
        return eval(code, ns)

    return name, evaluate


class Outcome:
    """What one call did: returned a value or raised."""

    def __init__(self, value=None, exc=None):
        self.value = value
        self.exc = exc

    def describe(self):
        if self.exc is not None:
            return f"raised {type(self.exc).__name__}: {self.exc}"
        return f"{show(self.value)} ({type_name(self.value)})"


def call(fn, args, kwargs):
    """Calls fn with arguments that belong to this call alone (see parse_call)."""
    try:
        return Outcome(value=fn(*args, **kwargs))
    except Exception as e:  # noqa: BLE001, the exception is the outcome
        return Outcome(exc=e)


def type_name(v):
    if isinstance(v, tuple):
        return "tuple[" + ", ".join(type_name(x) for x in v) + "]"
    if isinstance(v, list):
        return "list[" + ", ".join(type_name(x) for x in v[:8]) + (", ..." if len(v) > 8 else "") + "]"
    t = type(v)
    name = t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"
    if np is not None and isinstance(v, np.ndarray):
        return f"{name}[{v.dtype}, shape={v.shape}]"
    if isinstance(v, memoryview):
        return f"memoryview[format={v.format!r}, shape={v.shape}, readonly={v.readonly}]"
    if isinstance(v, array.array):
        return f"array.array[{v.typecode!r}]"
    return name


def show(v):
    if type(v) is int and v.bit_length() > 4000:
        return f"<int of {v.bit_length()} bits>"  # repr() refuses ints of more than 4300 digits
    if isinstance(v, float):
        return repr(v) if not math.isnan(v) else "nan"
    if isinstance(v, tuple):
        return "(" + ", ".join(show(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    if np is not None and isinstance(v, np.ndarray):
        return np.array2string(v, floatmode="unique", separator=", ", threshold=60).replace("\n", " ")
    if isinstance(v, memoryview):
        return show(snapshot(v)) if np is not None else repr(v.tolist())
    return repr(v)


def same_values(a, b):
    """Two NumPy arrays of one dtype and shape hold the same elements (floats bitwise, NaN == NaN)."""
    if a.dtype.kind == "c":
        return same_values(a.real, b.real) and same_values(a.imag, b.imag)
    if a.dtype.kind != "f":
        return bool(np.array_equal(a, b))
    nan_a, nan_b = np.isnan(a), np.isnan(b)
    if not np.array_equal(nan_a, nan_b):
        return False
    bits = np.dtype(f"u{a.dtype.itemsize}")
    a = np.ascontiguousarray(a[~nan_a])
    b = np.ascontiguousarray(b[~nan_b])
    return bool(np.array_equal(a.view(bits), b.view(bits)))


def same(a, b):
    """Exact equality: same type, floats bit for bit (NaN == NaN), tuples elementwise,
    NumPy scalars and arrays by type, dtype, shape and values, buffers by format and values."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a) and math.isnan(b):
            return True
        return struct.pack("<d", a) == struct.pack("<d", b)
    if isinstance(a, complex):
        return same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if np is not None and isinstance(a, (np.ndarray, np.generic)):
        a, b = np.asarray(a), np.asarray(b)
        return a.dtype == b.dtype and a.shape == b.shape and same_values(a, b)
    if isinstance(a, memoryview):
        return (a.format, a.shape, a.readonly) == (b.format, b.shape, b.readonly) and (
            same(snapshot(a), snapshot(b)) if np is not None else a.tolist() == b.tolist())
    if isinstance(a, array.array):
        return a.typecode == b.typecode and (same(snapshot(a), snapshot(b)) if np is not None else a == b)
    return a == b


def ints_outside_int64(v):
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return not (INT64_MIN <= v <= INT64_MAX)
    if isinstance(v, (tuple, list)):
        return any(ints_outside_int64(x) for x in v)
    return False


class Report:
    def __init__(self, program):
        self.program = program
        self.passed = 0
        self.failed = 0
        self.notes = 0

    def ok(self):
        self.passed += 1

    def fail(self, lineno, text, *details):
        self.failed += 1
        print(f"FAIL {self.program}:{lineno}: {text}")
        for d in details:
            print(f"    {d}")

    def note(self, lineno, text, *details):
        self.notes += 1
        print(f"note {self.program}:{lineno}: {text}")
        for d in details:
            print(f"    {d}")


def differing_args(a, b):
    """Describes the arguments that differ between two (args, kwargs) pairs, or returns []."""
    (pa, ka), (pb, kb) = a, b
    out = []
    for i, (x, y) in enumerate(zip(pa, pb)):
        if not same(x, y):
            out.append((f"argument {i + 1}", x, y))
    for k in ka:
        if not same(ka[k], kb.get(k)):
            out.append((f"argument {k}=", ka[k], kb.get(k)))
    return out


def close(a, b):
    """Like `same`, except that floats may differ by a relative 1e-12 (float64) or 4 ulps (float32)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, complex) or (np is not None and isinstance(a, np.ndarray) and a.dtype.kind == "c"):
        return close(a.real, b.real) and close(a.imag, b.imag)
    if np is not None and isinstance(a, np.complexfloating):
        return close(a.real, b.real) and close(a.imag, b.imag)
    if isinstance(a, float) or (np is not None and isinstance(a, (np.ndarray, np.floating))):
        if np is None:
            return math.isclose(a, b, rel_tol=1e-12) or (math.isnan(a) and math.isnan(b))
        x, y = np.asarray(a), np.asarray(b)
        if x.dtype != y.dtype or x.shape != y.shape:
            return False
        if x.dtype.kind != "f":
            return same(a, b)
        with np.errstate(all="ignore"):
            if x.dtype == np.float32:
                tol = 4 * np.maximum(np.spacing(np.abs(x)), np.spacing(np.abs(y)))
            else:
                tol = 1e-12 * np.maximum(np.abs(x), np.abs(y))
            ok = (x == y) | (np.isnan(x) & np.isnan(y)) | (np.abs(x - y) <= tol)
        return bool(np.all(ok))
    return same(a, b)


def outcome_problems(kind, want, got):
    """What is wrong with `got` given CPython's `want`: detail lines, [] when they agree."""
    if want.exc is not None:
        if got.exc is None or type(got.exc) is not type(want.exc):
            return [f"CPython:  {want.describe()}", f"{SIDE[0]} {got.describe()}"]
        if kind == "run-msg" and (str(got.exc), got.exc.args) != (str(want.exc), want.exc.args):
            return ["exception messages differ", f"CPython:  {want.describe()}", f"{SIDE[0]} {got.describe()}"]
        return []
    if got.exc is not None:
        lines = [f"CPython:  {want.describe()}", f"{SIDE[0]} {got.describe()}"]
        if isinstance(got.exc, Exception):
            tb = "".join(traceback.format_exception(got.exc)).rstrip().splitlines()
            lines += [f"    {line}" for line in tb[-4:]]
        return lines
    agree = close if kind == "run-close" else same
    if agree(want.value, got.value):
        return []
    return [f"CPython:  {want.describe()}", f"{SIDE[0]} {got.describe()}"]


def as_annotated(value, annotation):
    """CPython's result as the return annotation converts it, as compiled functions do.

    A float annotation makes a NumPy float a Python float, `f64` makes a Python float an np.float64,
    and likewise for ints and bools, elementwise in tuples; any other value is left as it is.
    """
    if isinstance(value, list) and getattr(annotation, "__origin__", None) is list:
        # A list[float] holds floats: an int put into one is converted, as for a float parameter.
        (item,) = getattr(annotation, "__args__", (None,))
        if item is float:
            return [float(v) if type(v) is int else v for v in value]
        return [as_annotated(v, item) for v in value]
    if isinstance(value, tuple) and getattr(annotation, "__origin__", None) is tuple:
        items = getattr(annotation, "__args__", ())
        if len(items) == len(value) and Ellipsis not in items:
            return tuple(as_annotated(v, a) for v, a in zip(value, items))
        return value
    if np is None:
        return value
    python_kinds = {float: np.floating, int: np.integer, bool: np.bool_}
    if annotation in python_kinds and isinstance(value, python_kinds[annotation]):
        return annotation(value)
    numpy_name = getattr(annotation, "numpy_name", None)
    if numpy_name and type(value) in (int, float, bool) and not isinstance(value, np.generic):
        kind = getattr(np, numpy_name)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                converted = kind(value)
        except (OverflowError, ValueError, RuntimeWarning, DeprecationWarning):
            return value
        return converted if converted == value or value != value else value
    return value


def run_line(rep, lineno, kind, text, src, cmp, exported, self_mode):
    label = f"{kind} {text}"
    try:
        name, evaluate = parse_call(text)
        src_args, cmp_args = evaluate(), evaluate()
    except Exception as e:  # noqa: BLE001
        rep.fail(lineno, label, f"invalid test: cannot evaluate the call: {type(e).__name__}: {e}")
        return
    if name not in exported:
        rep.fail(lineno, label, f"invalid test: `{name}` is not an exported (top-level, parameters annotated) function")
        return
    args, kwargs = src_args
    for a in list(args) + list(kwargs.values()):
        if ints_outside_int64(a):
            rep.fail(lineno, label, "invalid test: an int argument is outside the int64 range (use a check line)")
            return
    if differing_args(src_args, cmp_args):
        rep.fail(lineno, label, "invalid test: the arguments differ from one evaluation to the next")
        return
    want = call(getattr(src, name), *src_args)
    if isinstance(want.exc, BROKEN_TEST_EXCEPTIONS):
        rep.fail(lineno, label, f"invalid test: CPython {want.describe()}")
        return
    if kind == "overflow":
        if want.exc is not None:
            rep.fail(lineno, label, f"invalid test: CPython should return normally for an overflow line, but {want.describe()}")
            return
        got = call(getattr(cmp, name), *cmp_args)
        if type(got.exc) is OverflowError:
            rep.ok()
        else:
            rep.fail(lineno, label, "expected: raised OverflowError (int64 overflow)", f"{SIDE[0]} {got.describe()}",
                     f"CPython:  {want.describe()}")
        return
    if want.exc is None and ints_outside_int64(want.value):
        rep.fail(lineno, label, f"invalid test: CPython result is outside int64: {want.describe()}",
                 "pyaot ints are 64-bit; write this line as `overflow` instead")
        return
    if want.exc is None:
        want.value = as_annotated(want.value, getattr(src, name).__annotations__.get("return"))
    got = call(getattr(cmp, name), *cmp_args)
    if got.exc is None and CONVERT_CHECKED[0]:
        got.value = as_annotated(got.value, getattr(src, name).__annotations__.get("return"))
    problems = outcome_problems(kind, want, got)
    for what, x, y in differing_args(src_args, cmp_args):
        problems += [f"{what} after the call differs (in-place result)",
                     f"    CPython:  {show(x)} ({type_name(x)})", f"    {SIDE[0]} {show(y)} ({type_name(y)})"]
    if problems:
        rep.fail(lineno, label, *problems)
    else:
        rep.ok()


def check_line(rep, lineno, text, src, cmp, self_mode):
    label = f"check {text}"
    ns = arg_namespace()
    ns.update({"m": cmp, "src": src, "inspect": inspect, "raises": raises, "raises_match": raises_match,
               "raises_unchanged": raises_unchanged, "readonly": readonly, "same": same})
    try:
        code = compile(text, "<check>", "eval")
    except SyntaxError as e:
        rep.fail(lineno, label, f"invalid test: {e}")
        return
    try:
        result = eval(code, ns)
    except Exception as e:  # noqa: BLE001
        if self_mode and not isinstance(e, NameError):
            rep.note(lineno, label, f"(self mode) raised {type(e).__name__}: {e}")
            rep.ok()
            return
        rep.fail(lineno, label, f"raised {type(e).__name__}: {e}")
        return
    if result:
        rep.ok()
    elif self_mode:
        # CPython is not the oracle for check lines (types of arguments, docstrings of .so, ...).
        rep.note(lineno, label, "(self mode) false under CPython; only the compiled module must satisfy it")
        rep.ok()
    else:
        rep.fail(lineno, label, f"evaluated to {result!r}")


class DumpSkip(Exception):
    """A run line the dump cannot encode; its message is the reason."""


def _holds_array(desc):
    """Whether a dumped type description has an array inside."""
    if desc.get("k") == "array":
        return True
    return any(_holds_array(d) for d in desc.get("items", [])) or (
        "item" in desc and _holds_array(desc["item"]))


def _dump_type(ann):
    """The ABI description of an annotation: how its value flattens into the compiled function's leaves."""
    import pyaot

    if ann is None or ann is type(None):
        return {"k": "none"}
    if ann is int:
        return {"k": "int"}
    if ann is float:
        return {"k": "float"}
    if ann is bool:
        return {"k": "bool"}
    if ann is complex:
        return {"k": "complex"}
    if isinstance(ann, pyaot.ScalarType):
        return {"k": "scalar", "dtype": ann.name}
    if getattr(ann, "__origin__", None) is tuple:
        items = getattr(ann, "__args__", ())
        if Ellipsis in items:
            raise DumpSkip("a variable-length tuple annotation")
        return {"k": "tuple", "items": [_dump_type(a) for a in items]}
    if getattr(ann, "__origin__", None) is list:
        (item,) = getattr(ann, "__args__", (None,))
        desc = _dump_type(item)
        if _holds_array(desc):
            raise DumpSkip("a list holding arrays")
        return {"k": "list", "item": desc}
    if np is not None:
        from reference import _array_annotation  # dump_main put oracle/ on sys.path

        array = _array_annotation(ann)
        if array is not None:
            return {"k": "array", "dtype": pyaot_dtype_name(array.dtype.numpy_name), "ndim": array.ndim,
                    "contig": bool(array.contiguous), "ann": array}
    raise DumpSkip(f"annotation {ann!r}")


_NUMPY_NAMES = {"b1": "bool_", "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64", "u8": "uint8",
                "u16": "uint16", "u32": "uint32", "u64": "uint64", "f32": "float32", "f64": "float64",
                "c64": "complex64", "c128": "complex128"}


def pyaot_dtype_name(numpy_name):
    """pyaot's name of a NumPy dtype (`float64` -> `f64`)."""
    return {"bool": "b1", "bool_": "b1", "int8": "i8", "int16": "i16", "int32": "i32", "int64": "i64",
            "uint8": "u8", "uint16": "u16", "uint32": "u32", "uint64": "u64", "float32": "f32",
            "float64": "f64", "complex64": "c64", "complex128": "c128"}[np.dtype(numpy_name).name]


_INT_RANGES = {"i8": (-2**7, 2**7 - 1), "i16": (-2**15, 2**15 - 1), "i32": (-2**31, 2**31 - 1),
               "i64": (INT64_MIN, INT64_MAX), "u8": (0, 2**8 - 1), "u16": (0, 2**16 - 1),
               "u32": (0, 2**32 - 1), "u64": (0, 2**64 - 1)}


def _f64_bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def _f32_bits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def _as_float(v):
    """A float parameter's conversion (pyaot_arg_float)."""
    if type(v) is float:
        return v
    if isinstance(v, (complex, str, bytes)) or hasattr(type(v), "__complex__"):
        raise DumpSkip("the wrapper refuses the argument (float)")
    if not (hasattr(type(v), "__float__") or hasattr(type(v), "__index__")):
        raise DumpSkip("the wrapper refuses the argument (float)")
    try:
        return float(v)
    except (OverflowError, TypeError, ValueError):
        raise DumpSkip("the wrapper refuses the argument (float)") from None


def _as_index(v):
    if isinstance(v, float) or not hasattr(type(v), "__index__"):
        raise DumpSkip("the wrapper refuses the argument (int)")
    return operator.index(v)


def _as_complex(v):
    numeric = isinstance(v, (complex, float, int)) or hasattr(type(v), "__complex__") or hasattr(
        type(v), "__float__") or hasattr(type(v), "__index__")
    if not numeric or isinstance(v, (str, bytes)):
        raise DumpSkip("the wrapper refuses the argument (complex)")
    return complex(v)


class _Buffers:
    """The memory array arguments span: overlapping spans share one buffer, as they share memory.
    Also the lists the arguments hold, each once (the wrapper's conversion memo)."""

    def __init__(self):
        self.spans = []  # [lo, hi, [arrays]]
        self.lists = []  # {"item": desc, "items": [[leaves], ...]}
        self.list_ids = {}  # (id(list), item desc) -> index in self.lists

    def add(self, arr, strides):
        ptr = arr.__array_interface__["data"][0]
        if arr.size == 0:
            lo = hi = ptr
        else:
            lo = ptr + sum(min(0, (n - 1) * s) for n, s in zip(arr.shape, strides))
            hi = ptr + sum(max(0, (n - 1) * s) for n, s in zip(arr.shape, strides)) + arr.itemsize
        self.spans.append([lo, hi, ptr])
        return len(self.spans) - 1

    def layout(self):
        """(buffers as [lo, hi], for each added array (buffer index, data offset))."""
        order = sorted(range(len(self.spans)), key=lambda i: self.spans[i][0])
        merged, where = [], {}
        for i in order:
            lo, hi, _ = self.spans[i]
            if merged and lo < merged[-1][1] and hi > lo:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
            where[i] = len(merged) - 1
        return merged, [(where[i], self.spans[i][2] - merged[where[i]][0]) for i in range(len(self.spans))]


def _dump_leaves(desc, v, fname, pname, written, leaves, buffers, keep):
    """Appends the ABI leaves of argument `v` of type `desc`, as the generated wrapper converts it."""
    k = desc["k"]
    if k == "int":
        i = _as_index(v)
        if not INT64_MIN <= i <= INT64_MAX:
            raise DumpSkip("the wrapper refuses the argument (int out of range)")
        leaves.append({"t": "i", "v": i})
    elif k == "float":
        leaves.append({"t": "f", "v": _f64_bits(_as_float(v))})
    elif k == "bool":
        if not isinstance(v, bool) and not (np is not None and isinstance(v, np.bool_)):
            raise DumpSkip("the wrapper refuses the argument (bool)")
        leaves.append({"t": "b", "v": bool(v)})
    elif k == "complex":
        c = _as_complex(v)
        leaves += [{"t": "f", "v": _f64_bits(c.real)}, {"t": "f", "v": _f64_bits(c.imag)}]
    elif k == "scalar":
        d = desc["dtype"]
        if d == "b1":
            _dump_leaves({"k": "bool"}, v, fname, pname, written, leaves, buffers, keep)
        elif d == "f64":
            _dump_leaves({"k": "float"}, v, fname, pname, written, leaves, buffers, keep)
        elif d == "f32":
            leaves.append({"t": "f32", "v": _f32_bits(np.float32(_as_float(v)))})
        elif d == "c128":
            _dump_leaves({"k": "complex"}, v, fname, pname, written, leaves, buffers, keep)
        elif d == "c64":
            c = _as_complex(v)
            leaves += [{"t": "f32", "v": _f32_bits(np.float32(c.real))},
                       {"t": "f32", "v": _f32_bits(np.float32(c.imag))}]
        else:
            i = _as_index(v)
            lo, hi = _INT_RANGES[d]
            if not lo <= i <= hi:
                raise DumpSkip("the wrapper refuses the argument (out of the dtype's range)")
            leaves.append({"t": "i", "v": i - 2**64 if i > INT64_MAX else i})
    elif k == "list":
        if not isinstance(v, list):
            raise DumpSkip("the wrapper refuses the argument (list)")
        key = (id(v), repr(_without_ann(desc["item"])))
        if key not in buffers.list_ids:
            buffers.list_ids[key] = len(buffers.lists)
            entry = {"item": _without_ann(desc["item"]), "items": []}
            buffers.lists.append(entry)
            keep.append(v)
            for x in v:
                if desc["item"]["k"] == "tuple" and not isinstance(x, tuple):
                    raise DumpSkip("the wrapper refuses the argument (a list item that is not a tuple)")
                item_leaves = []
                _dump_leaves(desc["item"], x, fname, pname, written, item_leaves, buffers, keep)
                entry["items"].append(item_leaves)
        leaves.append({"t": "list", "id": buffers.list_ids[key]})
    elif k == "tuple":
        if not isinstance(v, (tuple, list)) or len(v) != len(desc["items"]):
            raise DumpSkip("the wrapper refuses the argument (tuple)")
        for d, x in zip(desc["items"], v):
            _dump_leaves(d, x, fname, pname, written, leaves, buffers, keep)
    elif k == "array":
        from reference import _array_arg

        try:
            arr = _array_arg(fname, pname, desc["ann"], v, pname in written)
        except (TypeError, ValueError):
            raise DumpSkip("the wrapper refuses the argument (array)") from None
        if not arr.flags.writeable:
            raise DumpSkip("a read-only array argument (the wrapper's writability check)")
        shape = list(arr.shape)
        if desc["contig"]:
            strides, step = [0] * len(shape), arr.itemsize
            for i in reversed(range(len(shape))):
                strides[i] = step
                step *= shape[i]
        else:
            strides = list(arr.strides)
        keep.append(arr)
        leaves.append({"t": "array", "dtype": desc["dtype"], "span": buffers.add(arr, strides), "shape": shape,
                       "strides": strides})
    else:
        raise DumpSkip(f"a parameter of kind {k}")


def _dump_result(desc, v, in_list=False):
    """CPython's result `v` encoded for the return type `desc` (in a list, an int item of a
    list[float] is a float, as the wrapper converts it)."""
    k = desc["k"]

    def want(ok):
        if not ok:
            raise DumpSkip(f"CPython's result {type_name(v)} is not of the annotated type")

    if k == "none":
        want(v is None)
        return None
    if k == "int":
        want(type(v) is int)
        if not INT64_MIN <= v <= INT64_MAX:
            raise DumpSkip("CPython's result is outside int64")
        return v
    if k == "float":
        want(type(v) is float or (in_list and type(v) is int and INT64_MIN <= v <= INT64_MAX))
        return _f64_bits(float(v))
    if k == "bool":
        want(type(v) is bool)
        return v
    if k == "complex":
        want(type(v) is complex)
        return [_f64_bits(v.real), _f64_bits(v.imag)]
    if k == "tuple":
        want(type(v) is tuple and len(v) == len(desc["items"]))
        return [_dump_result(d, x, in_list) for d, x in zip(desc["items"], v)]
    if k == "scalar":
        d = desc["dtype"]
        want(np is not None and type(v) is getattr(np, _NUMPY_NAMES[d]))
        if d == "b1":
            return bool(v)
        if d == "f64":
            return _f64_bits(float(v))
        if d == "f32":
            return _f32_bits(v)
        if d == "c128":
            return [_f64_bits(v.real), _f64_bits(v.imag)]
        if d == "c64":
            return [_f32_bits(v.real), _f32_bits(v.imag)]
        return int(v)
    if k == "list":
        want(type(v) is list)
        return [_dump_result(desc["item"], x, True) for x in v]
    if k == "array":
        want(np is not None and isinstance(v, np.ndarray) and pyaot_dtype_name(v.dtype.name) == desc["dtype"]
             and v.ndim == desc["ndim"])
        return {"shape": list(v.shape), "hex": np.ascontiguousarray(v).tobytes().hex()}
    raise DumpSkip(f"a result of kind {k}")


def _without_ann(desc):
    """The type description without the annotation objects, for JSON."""
    out = {k: v for k, v in desc.items() if k != "ann"}
    if "items" in out:
        out["items"] = [_without_ann(d) for d in out["items"]]
    return out


def dump_line(program, lineno, kind, text, src, written):
    """One run line as a JSON object: the call as ABI leaves and CPython's outcome.

    `args` are the leaves in ABI order: `{"t": "i"|"f"|"f32"|"b", "v": value or float bits}` and
    `{"t": "array", "dtype", "buffer", "offset", "shape", "strides"}` (owner, data, shape and strides words); `buffers` the
    memory the arrays span (`hex` bytes, `align` the first address modulo 64, `after` the bytes once
    CPython's call returned), an array's data at `offset` into its buffer. `ret` describes the return
    type and `outcome` is `{"value": ...}` or `{"exc": name, "msg": str, "noargs": bool}`.
    """
    import ctypes

    rec = {"program": program, "line": lineno, "kind": kind}
    try:
        name, evaluate = parse_call(text)
        rec["func"] = name
        args, kwargs = evaluate()
        fn = getattr(src, name)
        sig = inspect.signature(fn, eval_str=True)
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        leaves, buffers, keep = [], _Buffers(), []
        for pname, value in bound.arguments.items():
            desc = _dump_type(sig.parameters[pname].annotation)
            _dump_leaves(desc, value, name, pname, written.get(name, set()), leaves, buffers, keep)
        ret = _dump_type(sig.return_annotation)
        spans, where = buffers.layout()
        for leaf in leaves:
            if leaf["t"] == "array":
                leaf["buffer"], leaf["offset"] = where[leaf.pop("span")]
        rec["args"] = leaves
        rec["buffers"] = [{"align": lo % 64, "hex": ctypes.string_at(lo, hi - lo).hex()} for lo, hi in spans]
        rec["lists"] = buffers.lists
        rec["ret"] = _without_ann(ret)
        top_lists = [(_without_ann(_dump_type(sig.parameters[p].annotation)), v) for p, v in bound.arguments.items()
                     if getattr(sig.parameters[p].annotation, "__origin__", None) is list]
        # What the call prints must not mix with the dump's own lines on stdout.
        with contextlib.redirect_stdout(io.StringIO()):
            outcome = call(fn, args, kwargs)
        # Each list argument as the call left it (the wrapper writes the compiled list back).
        rec["lists_after"] = [_dump_result(d, v) for d, v in top_lists]
        for b, (lo, hi) in zip(rec["buffers"], spans):
            b["after"] = ctypes.string_at(lo, hi - lo).hex()
        if kind == "overflow":
            rec["outcome"] = {"exc": "OverflowError", "msg": "", "noargs": False}
        elif outcome.exc is not None:
            if isinstance(outcome.exc, BROKEN_TEST_EXCEPTIONS):
                raise DumpSkip(f"an invalid test (CPython {outcome.describe()})")
            e = outcome.exc
            # The message the wrapper raises with: KeyError's str() is the repr of its argument.
            msg = e.args[0] if len(e.args) == 1 and isinstance(e.args[0], str) else str(e)
            rec["outcome"] = {"exc": type(e).__name__, "msg": msg, "noargs": e.args == ()}
        else:
            value = as_annotated(outcome.value, sig.return_annotation)
            rec["outcome"] = {"value": _dump_result(ret, value)}
    except DumpSkip as e:
        rec = {"program": program, "line": lineno, "kind": kind, "skip": str(e)}
    except Exception as e:  # noqa: BLE001, an argument the dump cannot evaluate is a skip too
        rec = {"program": program, "line": lineno, "kind": kind, "skip": f"cannot evaluate: {type(e).__name__}: {e}"}
    return rec


def dump_main(programs):
    """--dump: one JSON line per run line of each program (for the MIR interpreter's test)."""
    import json

    if STDLIB not in sys.path:
        sys.path.insert(0, STDLIB)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from reference import _written_params

    for program in programs:
        stem = os.path.basename(program).split(".")[0]
        try:
            src = load_source(program, f"_pyaot_dump_{stem}")
            with open(program, encoding="utf-8") as f:
                written = _written_params(ast.parse(f.read(), program))
        except Exception as e:  # noqa: BLE001
            print(json.dumps({"program": program, "line": 0, "kind": "load", "skip": f"cannot import: {e}"}))
            continue
        for lineno, kind, text in parse_directives(program):
            if kind in ("run", "run-msg", "run-close", "overflow"):
                print(json.dumps(dump_line(program, lineno, kind, text, src, written)), flush=True)
    return 0


def main(argv):
    if argv and argv[0] == "--dump":
        return dump_main(argv[1:])
    self_mode = reference_mode = False
    if argv and argv[0] == "--self":
        self_mode = True
        SIDE[0] = "model:   "
        CONVERT_CHECKED[0] = True
        argv = argv[1:]
    elif argv and argv[0] == "--reference":
        reference_mode = True
        SIDE[0] = "reference:"
        argv = argv[1:]
    if ((self_mode or reference_mode) and len(argv) != 1) or (not (self_mode or reference_mode) and len(argv) != 2):
        print(__doc__, file=sys.stderr)
        return 2
    program = argv[0]
    stem = os.path.basename(program).split(".")[0]
    if STDLIB not in sys.path:
        sys.path.insert(0, STDLIB)
    rel = os.path.relpath(program)
    rep = Report(rel if not rel.startswith("..") else program)
    directives = parse_directives(program)
    unknown = [(n, k) for n, k, _ in directives if k not in KINDS + HARNESS_KINDS]
    for lineno, kind in unknown:
        rep.fail(lineno, f"unknown directive `{kind}` (expected one of {', '.join(KINDS)})")
    if not any(k in KINDS for _, k, _ in directives):
        rep.fail(1, "no `# pyaot:` directives: a program must test something")
    try:
        src = load_source(program, f"_pyaot_source_{stem}")
        if self_mode:
            cmp, big = load_int64_model(program, stem)
            for lineno in big:
                rep.fail(lineno, "int literal outside the int64 range: pyaot rejects it")
        elif reference_mode:
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            from reference import load_reference

            cmp = load_reference(program, stem, exported_functions(program), load_source, as_annotated)
        else:
            cmp = load_compiled(argv[1], stem)
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        rep.fail(1, "could not import the modules")
        print(f"{rep.passed} passed, {rep.failed} failed")
        return 1
    exported = exported_functions(program)
    for lineno, kind, text in directives:
        if kind in ("run", "run-msg", "run-close", "overflow"):
            run_line(rep, lineno, kind, text, src, cmp, exported, self_mode)
        elif kind == "check":
            check_line(rep, lineno, text, src, cmp, self_mode)
    print(f"{rep.passed} passed, {rep.failed} failed")
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
