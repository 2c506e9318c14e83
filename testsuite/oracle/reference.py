"""A reference model of a compiled module: the source, called through pyaot's argument rules.

`runner.py --reference PROGRAM.py` checks PROGRAM against this model instead of a .so.
It validates the tests themselves before the compiler can run them:
- array parameters take any buffer exporter of the annotated item type and number of
  dimensions and see it as a NumPy array sharing its memory (so elements are NumPy
  scalars even for a memoryview or array.array argument, as in compiled code);
  a mismatch or a non-buffer raises TypeError, a non-contiguous buffer for `::1` TypeError,
  and a read-only buffer for a parameter the function writes ValueError before any change;
- `int`, `float` and `bool` parameters convert as the compiled wrapper does,
  fixed-width scalar parameters become the NumPy scalar type of their annotation.
Check lines must hold against this model, so error-path checks are validated too.
"""

import ast
import functools
import inspect
import operator
import types

import numpy as np

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def _written_params(tree):
    """For each top-level function, the parameters it (or a function it passes them to) writes into."""
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    params = {name: [a.arg for a in f.args.posonlyargs + f.args.args] for name, f in funcs.items()}
    direct = {}
    passes = {}  # (func, param) -> [(callee, position)]
    for name, f in funcs.items():
        w = set()
        for node in ast.walk(f):
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name):
                    w.add(node.value.id)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in funcs:
                for pos, arg in enumerate(node.args):
                    if isinstance(arg, ast.Name):
                        passes.setdefault((name, arg.id), []).append((node.func.id, pos))
                for kw in node.keywords:
                    if isinstance(kw.value, ast.Name) and kw.arg in params[node.func.id]:
                        pos = params[node.func.id].index(kw.arg)
                        passes.setdefault((name, kw.value.id), []).append((node.func.id, pos))
        direct[name] = w
    written = {name: set(direct[name]) for name in funcs}
    changed = True
    while changed:  # a fixpoint over calls: writing through a callee counts as writing
        changed = False
        for (name, var), targets in passes.items():
            for callee, pos in targets:
                if pos < len(params[callee]) and params[callee][pos] in written[callee] and var not in written[name]:
                    written[name].add(var)
                    changed = True
    return written


def _array_arg(fname, pname, ann, value, writes):
    try:
        mv = memoryview(value)
    except TypeError:
        raise TypeError(f"{fname}() argument '{pname}' must be {ann!r}, not {type(value).__name__}") from None
    try:
        dtype = np.dtype(mv.format)
    except TypeError:
        dtype = None
    want = np.dtype(ann.dtype.numpy_name)
    if dtype is None or dtype != want or dtype.itemsize != mv.itemsize or mv.ndim != ann.ndim:
        raise TypeError(f"{fname}() argument '{pname}' must be {ann!r}, not a buffer of format {mv.format!r}"
                        f" with {mv.ndim} dimension(s)")
    if ann.contiguous and not mv.c_contiguous:
        raise TypeError(f"{fname}() argument '{pname}' must be C-contiguous ({ann!r})")
    if writes and mv.readonly:
        raise ValueError(f"{fname}() argument '{pname}' is read-only")
    return np.asarray(mv)


def _scalar_arg(fname, pname, ann, value):
    if ann is int:
        if isinstance(value, float) or not hasattr(type(value), "__index__"):
            raise TypeError(f"{fname}() argument '{pname}' must be int, not {type(value).__name__}")
        v = operator.index(value)
        if not INT64_MIN <= v <= INT64_MAX:
            raise OverflowError(f"{fname}() argument '{pname}' does not fit in 64 bits")
        return v
    if ann is float:
        if isinstance(value, (str, bytes, complex)) or not hasattr(type(value), "__float__"):
            raise TypeError(f"{fname}() argument '{pname}' must be float, not {type(value).__name__}")
        return float(value)
    if ann is bool:
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{fname}() argument '{pname}' must be bool, not {type(value).__name__}")
        return bool(value)
    return getattr(np, ann.numpy_name)(value)


class _ShapeTyped:
    """`np.ndarray[tuple[int, int], np.dtype[np.float64]]` read as pyaot reads it: a strided array."""

    def __init__(self, ann):
        shape, dtype = ann.__args__
        self.ndim = len(shape.__args__)
        self.dtype = type("D", (), {"numpy_name": np.dtype(dtype.__args__[0]).name})
        self.contiguous = False
        self.text = repr(ann)

    def __repr__(self):
        return self.text


def _array_annotation(ann):
    """The array annotation of a parameter, or None: pyaot's `f64[:]` forms and shape-typed `np.ndarray`."""
    import pyaot

    if isinstance(ann, pyaot.ArrayType):
        return ann
    if getattr(ann, "__origin__", None) is np.ndarray:
        return _ShapeTyped(ann)
    return None


def _wrap(fn, written, convert):
    import pyaot

    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        for pname, value in bound.arguments.items():
            ann = sig.parameters[pname].annotation
            array = _array_annotation(ann)
            if array is not None:
                bound.arguments[pname] = _array_arg(fn.__name__, pname, array, value, pname in written)
            elif ann in (int, float, bool) or isinstance(ann, pyaot.ScalarType):
                bound.arguments[pname] = _scalar_arg(fn.__name__, pname, ann, value)
        result = fn(*bound.args, **bound.kwargs)
        ret = sig.return_annotation
        if isinstance(ret, pyaot.ArrayType) and not isinstance(result, np.ndarray):
            raise AssertionError(f"reference: {fn.__name__} must return an ndarray for {ret!r}")
        return convert(result, ret)

    return wrapper


def load_reference(path, name, exported, load_source, convert):
    """The module at `path` with every exported function wrapped in pyaot's argument rules,
    its results converted by `convert(value, return_annotation)` as compiled functions convert them."""
    source = load_source(path, name + "_unwrapped")
    with open(path, encoding="utf-8") as f:
        written = _written_params(ast.parse(f.read(), path))
    # Calls between functions inside the module stay unwrapped, as they are plain calls in compiled code.
    module = types.ModuleType(name)
    for fname in exported:
        setattr(module, fname, _wrap(getattr(source, fname), written.get(fname, set()), convert))
    return module
