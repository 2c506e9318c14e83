"""Compare a compiled pyaot module against CPython running the same source.

Usage:
    runner.py PROGRAM.py COMPILED     # COMPILED is the built .so (or a .py stand-in)
    runner.py --self PROGRAM.py       # validates the test itself: the source against an int64 model of it
    runner.py --reference PROGRAM.py  # validates array tests: the source against a model of pyaot's
                                      # argument rules (oracle/reference.py); check lines must hold

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
    """Checks one intermediate value of the int64 model."""
    if type(value) is int and not (INT64_MIN <= value <= INT64_MAX):
        raise OverflowError(f"int64 model: intermediate value {value} is outside the int64 range")
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
    """Names of top-level functions whose parameters and return are all annotated."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.returns is not None:
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
    if isinstance(a, tuple):
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
    if isinstance(v, tuple):
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
        rep.fail(lineno, label, f"invalid test: `{name}` is not an exported (fully annotated, top-level) function")
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


def main(argv):
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
