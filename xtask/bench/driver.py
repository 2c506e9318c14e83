"""Benchmark driver for `cargo xtask bench`: pyaot against Numba and C on the loop kernels of
kernels.py, and against NumPy, Numba and Pythran on the NumPy-style kernels of np_kernels.py.

Run by xtask with the bench venv's Python and pyaot's stdlib/ on PYTHONPATH; it can also be run by
hand:

    PYTHONPATH=stdlib target/bench/venv/bin/python xtask/bench/driver.py \
        --pyaot target/release/pyaot --out target/bench [--kernel dot ...] [--group numpy]

Loop kernels: build the kernel module with pyaot (median of 3 wall times), per kernel as its own
module when the whole module fails, and again as kernels_nobc with `--boundscheck off`; compile
kernels.c with gcc twice (-O3 -march=native, and -O2 without vectorisation); wrap each kernel with
numba.njit; check every implementation against CPython on tiny inputs and against each other on the
benchmark inputs; time them interleaved. With them: the call overhead of calls.py's two tiny
functions (pyaot, Numba, a hand-written C extension) and the build time of a one-function module.
NumPy-style kernels (np_group.py): plain NumPy is the baseline; pyaot, numba.njit and Pythran
compile the same source, are checked against NumPy and timed interleaved with it. Both groups go
into results.json and results.md. Exit status 0 only when every loop kernel built, agreed and ran
for all five implementations, pyaot built calls.py and agreed with CPython on it, and pyaot built,
ran and agreed with NumPy on every NumPy-style kernel (Numba and Pythran failures there, and in the
call-overhead rows, are reported, not fatal).
"""
import argparse
import ast
import ctypes
import gc
import importlib.machinery
import importlib.util
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import time
from ctypes import c_double, c_int64, c_void_p
from pathlib import Path

# Single-threaded comparison: NumPy's OpenBLAS (`a @ b`) and Pythran's use one thread.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
KERNELS_PY = HERE / "kernels.py"
KERNELS_C = HERE / "kernels.c"
CALLS_PY = HERE / "calls.py"
CALLS_C = HERE / "calls_ext.c"
# pyaot as built by default (bounds checks on), with --boundscheck off and with --fastmath; C
# vectorised and not.
IMPLS = ("pyaot", "pyaot_nobc", "pyaot_fast", "numba", "c", "c_novec")
PYAOT_IMPLS = ("pyaot", "pyaot_nobc", "pyaot_fast")
C_FLAGS = ["-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC"]
C_NOVEC_FLAGS = ["-O2", "-fno-tree-vectorize", "-ffp-contract=off", "-shared", "-fPIC"]
CALLS_C_FLAGS = ["-O2", "-shared", "-fPIC"]
CALL_IMPLS = ("pyaot", "numba", "c")
CALLS_PER_BATCH = 100_000
# Time ratios kept per loop kernel in results.json.
RATIOS = [("pyaot", "numba"), ("pyaot_nobc", "numba"), ("pyaot_fast", "numba"), ("pyaot", "c"), ("pyaot_nobc", "c"),
          ("numba", "c"),
          ("pyaot", "c_novec"), ("c", "c_novec")]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Kernel table: inputs (benchmark size and tiny size for CPython), the C call, in-place output.


class Kernel:
    def __init__(self, name, size, make_args, c_sig, c_call, out_arg=None):
        self.name = name
        self.size = size  # human-readable benchmark size
        self.make_args = make_args  # (rng, tiny) -> tuple of arguments
        self.c_sig = c_sig  # (restype, argtypes)
        self.c_call = c_call  # (cfunc, *args) -> result, same convention as the Python kernel
        self.out_arg = out_arg  # index of the argument written in place, for kernels returning None


def ptr(a):
    return a.ctypes.data


VEC = [c_void_p, c_void_p, c_int64]

KERNELS = [
    Kernel(
        "dot", "n=3,000,000",
        lambda r, t: (r.random(100 if t else 3_000_000), r.random(100 if t else 3_000_000)),
        (c_double, VEC),
        lambda f, x, y: f(ptr(x), ptr(y), x.shape[0]),
    ),
    Kernel(
        "axpy", "n=2,000,000 (in place)",
        lambda r, t: (0.5, r.random(100 if t else 2_000_000), r.random(100 if t else 2_000_000)),
        (None, [c_double, c_void_p, c_void_p, c_int64]),
        lambda f, a, x, y: f(a, ptr(x), ptr(y), x.shape[0]),
        out_arg=2,
    ),
    Kernel(
        "variance", "n=2,000,000",
        lambda r, t: (r.normal(3.0, 2.0, 100 if t else 2_000_000),),
        (c_double, [c_void_p, c_int64]),
        lambda f, x: f(ptr(x), x.shape[0]),
    ),
    Kernel(
        "prefix_sum", "n=2,000,000 (in place)",
        lambda r, t: (r.random(100 if t else 2_000_000), np.zeros(100 if t else 2_000_000)),
        (None, VEC),
        lambda f, x, out: f(ptr(x), ptr(out), x.shape[0]),
        out_arg=1,
    ),
    Kernel(
        "conv1d", "n=500,000, taps=31",
        lambda r, t: (r.random(50 if t else 500_000), r.random(5 if t else 31)),
        (None, [c_void_p, c_int64, c_void_p, c_int64, c_void_p]),
        lambda f, x, k: _c_out(np.zeros(x.shape[0] - k.shape[0] + 1),
                               lambda o: f(ptr(x), x.shape[0], ptr(k), k.shape[0], ptr(o))),
    ),
    Kernel(
        "histogram", "n=2,000,000, 64 bins",
        lambda r, t: (r.normal(0.0, 0.5, 200 if t else 2_000_000), -1.0, 1.0, 8 if t else 64),
        (None, [c_void_p, c_int64, c_double, c_double, c_int64, c_void_p]),
        lambda f, x, lo, hi, nb: _c_out(np.zeros(nb, dtype=np.int64),
                                        lambda o: f(ptr(x), x.shape[0], lo, hi, nb, ptr(o))),
    ),
    Kernel(
        "sieve", "n=2,000,000",
        lambda r, t: (200 if t else 2_000_000,),
        (c_int64, [c_int64]),
        lambda f, n: f(n),
    ),
    Kernel(
        "stencil5", "2000x2000",
        lambda r, t: (r.random((8, 9) if t else (2000, 2000)),),
        (None, [c_void_p, c_int64, c_int64, c_void_p]),
        lambda f, u: _c_out(np.zeros(u.shape), lambda o: f(ptr(u), u.shape[0], u.shape[1], ptr(o))),
    ),
    Kernel(
        "matmul", "256x256 @ 256x256",
        lambda r, t: (r.random((5, 6) if t else (256, 256)), r.random((6, 7) if t else (256, 256))),
        (None, [c_void_p, c_void_p, c_int64, c_int64, c_int64, c_void_p]),
        lambda f, a, b: _c_out(np.empty((a.shape[0], b.shape[1])),
                               lambda o: f(ptr(a), ptr(b), a.shape[0], a.shape[1], b.shape[1], ptr(o))),
    ),
    Kernel(
        "mandelbrot", "200x300, max_iter=200",
        lambda r, t: (6, 8, 30) if t else (200, 300, 200),
        (None, [c_int64, c_int64, c_int64, c_void_p]),
        lambda f, h, w, it: _c_out(np.zeros((h, w), dtype=np.int64), lambda o: f(h, w, it, ptr(o))),
    ),
    Kernel(
        "nbody_accel", "n=1,200 bodies",
        lambda r, t: (r.normal(0.0, 1.0, (10 if t else 1200, 3)), r.random(10 if t else 1200) + 0.1),
        (None, [c_void_p, c_void_p, c_int64, c_void_p]),
        lambda f, pos, m: _c_out(np.zeros((pos.shape[0], 3)), lambda o: f(ptr(pos), ptr(m), pos.shape[0], ptr(o))),
    ),
    Kernel(
        "matmul_ikj", "256x256 @ 256x256",
        lambda r, t: (r.random((5, 6) if t else (256, 256)), r.random((6, 7) if t else (256, 256))),
        (None, [c_void_p, c_void_p, c_int64, c_int64, c_int64, c_void_p]),
        lambda f, a, b: _c_out(np.zeros((a.shape[0], b.shape[1])),
                               lambda o: f(ptr(a), ptr(b), a.shape[0], a.shape[1], b.shape[1], ptr(o))),
    ),
    Kernel(
        "jacobi", "1000x1000, 5 sweeps",
        lambda r, t: (r.random((6, 7) if t else (1000, 1000)), 2 if t else 5),
        (c_int64, [c_void_p, c_void_p, c_int64, c_int64, c_int64]),
        lambda f, u, sweeps: _c_jacobi(f, u, sweeps),
    ),
    Kernel(
        "lcg", "n=5,000,000",
        lambda r, t: (12345, 1000 if t else 5_000_000),
        (c_int64, [c_int64, c_int64]),
        lambda f, seed, n: f(seed, n),
    ),
    Kernel(
        "collatz", "n=300,000",
        lambda r, t: (1000 if t else 300_000,),
        (c_int64, [c_int64]),
        lambda f, n: f(n),
    ),
]


def _c_out(out, fill):
    """Lets C kernels that return a new array in Python fill one that NumPy allocated."""
    fill(out)
    return out


def _c_jacobi(f, u, sweeps):
    """The two copies of u that the Python version makes; C says which one holds the result."""
    a = u.copy()
    b = a.copy()
    return b if f(ptr(a), ptr(b), u.shape[0], u.shape[1], sweeps) else a


# ---------------------------------------------------------------------------------------------
# Helpers


def copy_args(args):
    return tuple(a.copy() if isinstance(a, np.ndarray) else a for a in args)


def call_result(fn, kernel, args):
    """Calls fn on fresh copies of args; the result, or the in-place output for None kernels."""
    args = copy_args(args)
    ret = fn(*args)
    return args[kernel.out_arg] if kernel.out_arg is not None else ret


def compare(ref, got):
    """None when got matches ref (exactly for ints, to 1e-9 relative for floats), else why not."""
    if isinstance(ref, np.ndarray) or isinstance(got, np.ndarray):
        if not (isinstance(ref, np.ndarray) and isinstance(got, np.ndarray)):
            return f"type {type(got).__name__}, expected {type(ref).__name__}"
        if ref.shape != got.shape:
            return f"shape {got.shape}, expected {ref.shape}"
        if ref.dtype.kind != got.dtype.kind:
            return f"dtype {got.dtype}, expected {ref.dtype}"
        if ref.dtype.kind in "iub":
            bad = int(np.count_nonzero(ref != got))
            return f"{bad} of {ref.size} elements differ" if bad else None
        if np.allclose(got, ref, rtol=1e-9, atol=1e-12, equal_nan=True):
            return None
        err = np.max(np.abs(got - ref) / np.maximum(np.abs(ref), 1e-300))
        return f"max relative difference {err:.3g}"
    if isinstance(ref, float) or isinstance(got, float):
        try:
            ok = math.isclose(float(got), float(ref), rel_tol=1e-9, abs_tol=1e-12)
        except (TypeError, ValueError):
            ok = False
        plain = [float(v) if isinstance(v, (float, np.floating)) else v for v in (got, ref)]
        return None if ok else f"{plain[0]!r}, expected {plain[1]!r}"
    if isinstance(ref, (int, np.integer)) and isinstance(got, (int, np.integer)):
        return None if int(ref) == int(got) else f"{got!r}, expected {ref!r}"
    return None if ref is None and got is None else f"{got!r}, expected {ref!r}"


def short_error(e):
    text = f"{type(e).__name__}: {e}".strip()
    first = text.splitlines()[0] if text else type(e).__name__
    return first[:200]


def load_extension(name, directory):
    """Imports the extension module `name` built into directory (not via sys.path)."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = Path(directory) / f"{name}{suffix}"
        if path.exists():
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise FileNotFoundError(f"no {name}.*.so in {directory}")


def load_python_source(path, name):
    """The file at path as a plain Python module named name (not the compiled module's name)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_python_kernels():
    """kernels.py as a plain Python module (under another name than the compiled one)."""
    return load_python_source(KERNELS_PY, "kernels_py")


def first_lines(text, n):
    lines = text.strip().splitlines()
    return "\n".join(lines[:n] + ([f"... ({len(lines) - n} more lines)"] if len(lines) > n else []))


# ---------------------------------------------------------------------------------------------
# Builds


def pyaot_build(pyaot, src, out_dir, extra):
    # --force: each timed build compiles, even when an identical build is already there.
    cmd = [pyaot, "build", str(src), "-o", str(out_dir), "--python", sys.executable, "--force", *extra]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return proc, time.perf_counter() - t0


def single_kernel_source(name, src=KERNELS_PY):
    """kernels.py (or src) cut down to one exported function, keeping imports, constants and helpers."""
    source = src.read_text()
    lines = source.splitlines(keepends=True)
    keep = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotated = node.returns is not None and all(
                a.annotation is not None for a in node.args.posonlyargs + node.args.args)
            if annotated and node.name != name:
                continue
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        keep.append("".join(lines[start - 1:node.end_lineno]))
    return "\n\n".join(keep) + "\n"


def without_boundscheck(extra):
    """The --pyaot-arg flags less any --boundscheck (pyaot takes it once; the no-checks build sets it)."""
    out, skip = [], False
    for a in extra:
        if skip:
            skip = False
        elif a == "--boundscheck":
            skip = True
        elif not a.startswith("--boundscheck="):
            out.append(a)
    return out


def build_pyaot(args, kernels, src=KERNELS_PY, module_name="kernels", extra=None, subdir="pyaot"):
    """Builds the kernel module; returns (info, {kernel name: callable or None}, {name: why}).

    extra: the `pyaot build` flags (default --pyaot-arg); the module goes to args.out / subdir, the
    one-kernel fallback modules to args.out / f"{subdir}_single".
    """
    extra = list(args.pyaot_arg if extra is None else extra)
    info = {"available": False, "build_s": None, "build_runs_s": [], "whole_module": False, "flags": extra}
    fns, why = {}, {}
    if not args.pyaot:
        reason = args.pyaot_missing or "no pyaot binary (--pyaot)"
        for k in kernels:
            why[k.name] = reason
        info["error"] = reason
        log(f"pyaot: skipped: {reason}")
        return info, fns, why
    pyaot = str(Path(args.pyaot).resolve())
    try:
        info["version"] = subprocess.run([pyaot, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError as e:
        info["error"] = str(e)
        for k in kernels:
            why[k.name] = f"cannot run pyaot: {e}"
        return info, fns, why
    info["available"] = True
    out_dir = args.out / subdir
    out_dir.mkdir(parents=True, exist_ok=True)
    stale_single = (args.out / f"{subdir}_single").glob(f"{module_name}_*.*")
    for stale in list(out_dir.glob(f"{module_name}.*")) + list(stale_single):
        stale.unlink()
    log(f"pyaot: building {src.name} (whole module, 3 times){' with ' + ' '.join(extra) if extra else ''}")
    proc, secs = pyaot_build(pyaot, src, out_dir, extra)
    if proc.returncode == 0:
        times = [secs] + [pyaot_build(pyaot, src, out_dir, extra)[1] for _ in range(2)]
        info["build_runs_s"] = times
        info["build_s"] = statistics.median(times)
        info["whole_module"] = True
        if proc.stderr.strip():
            log(first_lines(proc.stderr, 40))
        try:
            module = load_extension(module_name, out_dir)
        except Exception as e:  # noqa: BLE001 - any import failure is reported, not raised
            info["whole_module"] = False
            info["error"] = f"import failed: {short_error(e)}"
            log(f"pyaot: the built module does not import: {short_error(e)}")
        else:
            for k in kernels:
                if hasattr(module, k.name):
                    fns[k.name] = getattr(module, k.name)
                else:
                    why[k.name] = "not exported by pyaot"
            return info, fns, why
    else:
        info["error"] = f"pyaot build exited with {proc.returncode}"
        log(f"\n=== pyaot build of {src.name} FAILED (exit {proc.returncode}) ===")
        log(proc.stderr.rstrip() or proc.stdout.rstrip())
        log("=== end of pyaot diagnostics; building each kernel as its own module ===\n")
    # Fallback: each kernel as its own module, so one unsupported kernel does not sink the rest.
    src_dir = args.out / f"{subdir}_single" / "src"
    src_dir.mkdir(parents=True, exist_ok=True)
    for k in kernels:
        mod = f"{module_name}_{k.name}"
        single = src_dir / f"{mod}.py"
        single.write_text(single_kernel_source(k.name, src))
        proc, _ = pyaot_build(pyaot, single, single.parent.parent, extra)
        if proc.returncode != 0:
            errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error")]
            why[k.name] = f"build failed: {errors[0] if errors else f'exit {proc.returncode}'}"
            log(f"pyaot: {k.name}: {why[k.name]}")
            continue
        try:
            fns[k.name] = getattr(load_extension(mod, single.parent.parent), k.name)
            log(f"pyaot: {k.name}: built as its own module")
        except Exception as e:  # noqa: BLE001
            why[k.name] = f"import failed: {short_error(e)}"
            log(f"pyaot: {k.name}: {why[k.name]}")
    return info, fns, why


def build_pyaot_nobc(args, kernels):
    """kernels.py copied to kernels_nobc.py (the module is named after the file) and built with
    --boundscheck off into args.out / "pyaot_nobc"."""
    src = args.out / "pyaot_nobc" / "src" / "kernels_nobc.py"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(KERNELS_PY.read_text())
    extra = without_boundscheck(args.pyaot_arg) + ["--boundscheck", "off"]
    return build_pyaot(args, kernels, src, "kernels_nobc", extra, subdir="pyaot_nobc")


def build_pyaot_fast(args, kernels):
    """kernels.py copied to kernels_fast.py and built with --fastmath into args.out / "pyaot_fast"."""
    src = args.out / "pyaot_fast" / "src" / "kernels_fast.py"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(KERNELS_PY.read_text())
    extra = [a for a in args.pyaot_arg if a != "--fastmath"] + ["--fastmath"]
    return build_pyaot(args, kernels, src, "kernels_fast", extra, subdir="pyaot_fast")


def build_c(args, kernels, flags=C_FLAGS, lib_name="libkernels.so"):
    """Compiles kernels.c with flags into args.out / "c" / lib_name; returns (info, fns, why)."""
    info = {"compiler": args.cc, "flags": flags}
    fns, why = {}, {}
    lib_path = args.out / "c" / lib_name
    lib_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        info["version"] = subprocess.run([args.cc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        t0 = time.perf_counter()
        proc = subprocess.run([args.cc, *flags, str(KERNELS_C), "-o", str(lib_path), "-lm"],
                              capture_output=True, text=True)
        info["compile_s"] = time.perf_counter() - t0
    except (OSError, IndexError) as e:
        info["error"] = str(e)
        return info, fns, {k.name: f"no C compiler: {e}" for k in kernels}
    if proc.returncode != 0:
        log(proc.stderr)
        info["error"] = "compile failed"
        return info, fns, {k.name: "C compile failed" for k in kernels}
    lib = ctypes.CDLL(str(lib_path))
    for k in kernels:
        cfunc = getattr(lib, k.name)
        cfunc.restype, cfunc.argtypes = k.c_sig
        fns[k.name] = (lambda f, call: lambda *a: call(f, *a))(cfunc, k.c_call)
    return info, fns, why


def build_numba(py_module, kernels):
    import numba

    info = {"version": numba.__version__}
    return info, {k.name: numba.njit(getattr(py_module, k.name)) for k in kernels}, {}


# ---------------------------------------------------------------------------------------------
# Call overhead (calls.py) and the build of a one-function module


class CallFn:
    def __init__(self, name, label, make_arg):
        self.name = name
        self.label = label  # the signature, for the report
        self.make_arg = make_arg  # () -> the one argument


CALL_FNS = [
    CallFn("inc", "inc(x: int) -> int", lambda: 41),
    CallFn("first", "first(a: f64[:]) -> float, 1,000 elements", lambda: np.random.default_rng(3).random(1000)),
]


def build_calls_c(args, out_dir):
    """calls_ext.c as the extension module calls_c, against this interpreter's headers."""
    info = {"compiler": args.cc, "flags": CALLS_C_FLAGS}
    target = out_dir / f"calls_c{sysconfig.get_config_var('EXT_SUFFIX')}"
    cmd = [args.cc, *CALLS_C_FLAGS, "-I", sysconfig.get_paths()["include"], str(CALLS_C), "-o", str(target)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        info["error"] = str(e)
        return info, None
    if proc.returncode != 0:
        log(proc.stderr)
        info["error"] = "compile failed"
        return info, None
    try:
        return info, load_extension("calls_c", out_dir)
    except Exception as e:  # noqa: BLE001
        info["error"] = f"import failed: {short_error(e)}"
        return info, None


def build_one_function(args, out_dir):
    """Builds calls.py's inc alone (calls_inc.py) 3 times; the wall times and their median."""
    info = {"source": "calls.py's inc alone", "build_s": None, "build_runs_s": []}
    if not args.pyaot:
        info["error"] = args.pyaot_missing or "no pyaot binary (--pyaot)"
        return info
    src = out_dir / "src" / "calls_inc.py"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(single_kernel_source("inc", CALLS_PY))
    log("pyaot: building calls_inc.py (one function, 3 times)")
    for _ in range(3):
        proc, secs = pyaot_build(str(Path(args.pyaot).resolve()), src, out_dir, args.pyaot_arg)
        if proc.returncode != 0:
            info["error"] = f"pyaot build exited with {proc.returncode}"
            log(proc.stderr.rstrip())
            return info
        info["build_runs_s"].append(secs)
    info["build_s"] = statistics.median(info["build_runs_s"])
    return info


def time_calls(fn, arg, calls):
    """ns per call of fn(arg) over a Python loop of `calls` calls (the loop's own cost included)."""
    t0 = time.perf_counter_ns()
    for _ in range(calls):
        fn(arg)
    return (time.perf_counter_ns() - t0) / calls


def run_calls(args):
    """Checks and times calls.py's functions under pyaot, Numba and the C extension."""
    py_module = load_python_source(CALLS_PY, "calls_py")
    out_dir = args.out / "calls"
    out_dir.mkdir(parents=True, exist_ok=True)
    pyaot_info, pyaot_fns, pyaot_why = build_pyaot(args, CALL_FNS, CALLS_PY, "calls", subdir="calls")
    one_info = build_one_function(args, out_dir)
    c_info, c_module = build_calls_c(args, out_dir)
    import numba

    candidates = {
        "pyaot": pyaot_fns,
        "numba": {f.name: numba.njit(getattr(py_module, f.name)) for f in CALL_FNS},
        "c": {f.name: getattr(c_module, f.name) for f in CALL_FNS} if c_module else {},
    }
    why = {"pyaot": pyaot_why, "numba": {}, "c": {f.name: f"C extension: {c_info.get('error')}" for f in CALL_FNS}}
    rows = []
    for f in CALL_FNS:
        arg = f.make_arg()
        problems, mismatch, fns = [], set(), {}
        ref = getattr(py_module, f.name)(arg)
        # Each implementation must return what CPython does; the first call also compiles Numba's.
        for impl in CALL_IMPLS:
            if f.name not in candidates[impl]:
                problems.append(f"{impl}: {why[impl].get(f.name, 'unavailable')}")
                continue
            try:
                got = candidates[impl][f.name](arg)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{impl}: {short_error(e)}")
                continue
            if diff := compare(ref, got):
                problems.append(f"{impl} differs from CPython: {diff}")
                mismatch.add(impl)
            fns[impl] = candidates[impl][f.name]
        for p in problems:
            log(f"  ** call {f.name}: {p}")
        log(f"call {f.name}: timing {', '.join(fns)}")
        samples = {impl: [] for impl in fns}
        gc.disable()
        try:
            for _ in range(args.rounds):
                for impl in fns:
                    samples[impl].append(time_calls(fns[impl], arg, CALLS_PER_BATCH))
        finally:
            gc.enable()
        ns = {impl: statistics.median(samples[impl]) if impl in samples else None for impl in CALL_IMPLS}
        status = "ok"
        if mismatch:
            status = "MISMATCH: " + ", ".join(sorted(mismatch))
        elif problems:
            failed = {p.split(" ", 1)[0].rstrip(":") for p in problems}
            status = "FAILED: " + ", ".join(i for i in CALL_IMPLS if i in failed)
        rows.append({
            "name": f.name,
            "label": f.label,
            "status": status,
            "ok": not problems,
            "pyaot_ok": "pyaot" in fns and "pyaot" not in mismatch,
            "problems": problems,
            "ns": ns,
            "ratio": {
                "pyaot/c": ns["pyaot"] / ns["c"] if ns["pyaot"] and ns["c"] else None,
                "numba/c": ns["numba"] / ns["c"] if ns["numba"] and ns["c"] else None,
            },
            "samples_ns": samples,
        })
    return {
        "rounds": args.rounds,
        "calls_per_batch": CALLS_PER_BATCH,
        "builds": {"pyaot": pyaot_info, "pyaot_one_function": one_info, "c": c_info},
        "functions": rows,
        # pyaot must build and agree (and its one-function build succeed); Numba or C failing is reported.
        "ok": all(r["pyaot_ok"] for r in rows) and one_info.get("build_s") is not None,
    }


# ---------------------------------------------------------------------------------------------
# Timing


def time_batch(fn, args, reps):
    t0 = time.perf_counter_ns()
    for _ in range(reps):
        fn(*args)
    return (time.perf_counter_ns() - t0) / reps / 1e6


def timing(kernel, fns, args, rounds, batch_ms, order=IMPLS):
    """Median ms per call of each implementation, timed interleaved round by round (in order)."""
    impls = [i for i in order if i in fns]
    reps = {}
    for impl in impls:  # calibrate: enough calls per batch to last about batch_ms
        t = min(time_batch(fns[impl], args[impl], 1) for _ in range(2))
        reps[impl] = max(1, min(10_000, int(batch_ms / max(t, 1e-6))))
    samples = {impl: [] for impl in impls}
    gc.disable()
    try:
        for _ in range(rounds):
            for impl in impls:
                samples[impl].append(time_batch(fns[impl], args[impl], reps[impl]))
    finally:
        gc.enable()
    return {impl: statistics.median(s) for impl, s in samples.items()}, samples, reps


# ---------------------------------------------------------------------------------------------
# Report


def machine_info(args, c_info, pyaot_info, numba_version, pythran_info):
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "numba": numba_version,
        "cc": c_info.get("version"),
        "c_flags": " ".join(C_FLAGS),
        "c_novec_flags": " ".join(C_NOVEC_FLAGS),
        "pyaot": pyaot_info.get("version"),
        "pyaot_flags": " ".join(args.pyaot_arg),
        "pythran": pythran_info.get("version"),
        "pythran_flags": " ".join(pythran_info.get("flags", [])),
        "pythran_blas": pythran_info.get("blas"),
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
    }


def fmt_ms(v):
    if v is None:
        return "-"
    return f"{v:.3f}" if v < 10 else f"{v:.2f}" if v < 100 else f"{v:.1f}"


def fmt_ratio(a, b):
    return "-" if a is None or b is None else f"{a / b:.2f}x"


def markdown(results):
    m = results["machine"]
    lines = [
        "# pyaot benchmark results",
        "",
        f"- machine: {m['cpu']}, {m['cpu_count']} cores; {m['platform']}",
        f"- Python {m['python']}, NumPy {m['numpy']}, Numba {m['numba']}"
        + (f", {m['cc']} (`{m['c_flags']}`; `{m['c_novec_flags']}`)" if m["cc"] else "")
        + (f", Pythran {m['pythran']} (`{m['pythran_flags']}`)" if m["pythran"] else ""),
        f"- pyaot: {m['pyaot'] or 'unavailable'} {('(`' + m['pyaot_flags'] + '`)') if m['pyaot_flags'] else ''}".rstrip(),
        "",
    ]
    if results["kernels"] or results.get("calls"):
        lines += loops_markdown(results)
    if results.get("numpy_style"):
        lines.append(np_group.markdown(results["numpy_style"]))
    if results.get("gpu"):
        lines.append(gpu_group.markdown(results["gpu"]))
    return "\n".join(lines).rstrip("\n") + "\n"


LOOP_COLUMNS = [("pyaot", "pyaot ms"), ("pyaot_nobc", "pyaot no-checks ms"), ("pyaot_fast", "pyaot fastmath ms"),
                ("numba", "Numba ms"),
                ("c", "C -O3 native ms"), ("c_novec", "C -O2 no-vec ms")]
# Geometric means reported under the loop table (a over b), over kernels all implementations ran.
GEOMEANS = [("pyaot", "numba"), ("pyaot_nobc", "numba"), ("pyaot_fast", "numba"), ("pyaot", "c")]


def loop_geomeans(rows):
    """{"kernels": count, "a/b": geometric mean} over the kernels every implementation ran and agreed on."""
    ok = [r for r in rows if r["ok"] and all(r["ms"].get(i) for i in IMPLS)]
    means = {f"{a}/{b}": math.exp(statistics.mean(math.log(r["ms"][a] / r["ms"][b]) for r in ok)) if ok else None
             for a, b in GEOMEANS}
    return {"kernels": len(ok), **means}


def pyaot_cell(ms, note):
    """A pyaot time, or why there is none."""
    note = note or ""
    if ms is not None:
        return fmt_ms(ms)
    return "build failed" if "build failed" in note else "no CLI" if "CLI" in note else "-"


def loops_markdown(results):
    lines = ["## Loop kernels", ""]
    if results["kernels"]:
        lines += loop_table(results)
    if results.get("calls"):
        lines += calls_markdown(results["calls"])
    return lines + build_lines(results)


def loop_table(results):
    b = results["builds"]
    flags = " ".join(b["pyaot"].get("flags", []))
    default = f"with `{flags}`" if flags else "as by default (bounds checks on)"
    lines = [
        f"Median time per call in ms over {results['rounds']} interleaved rounds; ratios above 1 mean pyaot is slower. "
        f"pyaot is built {default}, for the no-checks column with `--boundscheck off`, and for the fastmath "
        "column with `--fastmath` (float reductions run in vector lanes); "
        "C is compiled with `-O3 -march=native` (vectorising) and `-O2 -fno-tree-vectorize` (not vectorising).",
        "",
        "| kernel | size | " + " | ".join(label for _, label in LOOP_COLUMNS) + " | pyaot/Numba | pyaot/C -O3 | status |",
        "| --- | --- |" + " ---: |" * (len(LOOP_COLUMNS) + 2) + " --- |",
    ]
    for r in results["kernels"]:
        t = r["ms"]
        cells = [pyaot_cell(t.get(i), r[f"{i}_note"]) for i in PYAOT_IMPLS]
        cells += [fmt_ms(t.get(i)) for i in ("numba", "c", "c_novec")]
        cells += [fmt_ratio(t.get("pyaot"), t.get("numba")), fmt_ratio(t.get("pyaot"), t.get("c")), r["status"]]
        lines.append(f"| {r['name']} | {r['size']} | " + " | ".join(cells) + " |")
    gm = results["loops_geomean"]
    if gm["kernels"]:
        cells = [f"geometric mean ({gm['kernels']} kernels)"] + [""] * (len(LOOP_COLUMNS) + 1)
        cells += [f"{gm['pyaot/numba']:.2f}x", f"{gm['pyaot/c']:.2f}x",
                  f"pyaot no-checks/Numba: {gm['pyaot_nobc/numba']:.2f}x; "
                  f"pyaot fastmath/Numba: {gm['pyaot_fast/numba']:.2f}x"]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def build_lines(results):
    """Build and compile times of the loop group and calls.py, as bullets."""
    b = results["builds"]
    lines = ["### Builds", ""]
    if results["kernels"]:
        for impl, what in (("pyaot", "the whole module"), ("pyaot_nobc", "the whole module with `--boundscheck off`"),
                           ("pyaot_fast", "the whole module with `--fastmath`")):
            pb = b[impl]
            if pb.get("build_s") is not None:
                lines.append(f"- pyaot build of {what} (wall time, median of 3): {pb['build_s']:.3f} s")
            else:
                lines.append(f"- pyaot build of {what}: failed ({pb.get('error', 'unavailable')})")
    one = (results.get("calls") or {}).get("builds", {}).get("pyaot_one_function")
    if one and one.get("build_s") is not None:
        lines.append(f"- pyaot build of a one-function module (calls.py's `inc` alone, wall time, median of 3): "
                     f"{one['build_s']:.3f} s")
    elif one:
        lines.append(f"- pyaot build of a one-function module: failed ({one.get('error', 'unavailable')})")
    lines.append("- The pyaot builds are warm-cache builds: pyaot compiles its runtime once and caches it in "
                 "`~/.cache/pyaot`, so the first build on a machine takes longer.")
    if b["numba"].get("compile_s") is not None:
        lines.append(f"- Numba compile time (sum over {b['numba']['compiled']} kernels of first call minus "
                     f"steady-state call): {b['numba']['compile_s']:.3f} s")
    if results["kernels"]:
        for impl, what in (("c", "`-O3 -march=native`"), ("c_novec", "`-O2 -fno-tree-vectorize`")):
            lines.append(f"- C compile (gcc {what}, whole file): {b[impl].get('compile_s', float('nan')):.3f} s")
    lines.append("")
    return lines


def fmt_ns(v):
    return "-" if v is None else f"{v:.0f}" if v >= 100 else f"{v:.1f}"


def calls_markdown(calls):
    lines = [
        "### Call overhead",
        "",
        f"Nanoseconds per call: median of {calls['rounds']} interleaved rounds, each a Python loop of "
        f"{calls['calls_per_batch']:,} calls (the loop's own cost is in every column). C is a hand-written "
        "extension module (METH_O, `gcc -O2`); ratios above 1 mean slower than C.",
        "",
        "| function | pyaot ns | Numba ns | C ext ns | pyaot/C | Numba/C | status |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in calls["functions"]:
        n = r["ns"]
        lines.append(f"| `{r['label'].split(',')[0]}`{',' + r['label'].split(',', 1)[1] if ',' in r['label'] else ''} "
                     f"| {fmt_ns(n['pyaot'])} | {fmt_ns(n['numba'])} | {fmt_ns(n['c'])} "
                     f"| {fmt_ratio(n['pyaot'], n['c'])} | {fmt_ratio(n['numba'], n['c'])} | {r['status']} |")
    lines.append("")
    return lines


# ---------------------------------------------------------------------------------------------


def run_loops(args, kernels):
    """Builds, checks and times the loop kernels; (rows, {impl: build info})."""
    py_module = load_python_kernels()
    missing = [k.name for k in kernels if not hasattr(py_module, k.name)]
    if missing:
        sys.exit(f"driver: kernels.py lacks {missing}")

    builds, all_fns, all_why = {}, {}, {}
    builds["pyaot"], all_fns["pyaot"], all_why["pyaot"] = build_pyaot(args, kernels)
    builds["pyaot_nobc"], all_fns["pyaot_nobc"], all_why["pyaot_nobc"] = build_pyaot_nobc(args, kernels)
    builds["pyaot_fast"], all_fns["pyaot_fast"], all_why["pyaot_fast"] = build_pyaot_fast(args, kernels)
    builds["c"], all_fns["c"], all_why["c"] = build_c(args, kernels)
    builds["c_novec"], all_fns["c_novec"], all_why["c_novec"] = build_c(
        args, kernels, C_NOVEC_FLAGS, "libkernels_novec.so")
    builds["numba"], all_fns["numba"], all_why["numba"] = build_numba(py_module, kernels)

    rows = []
    numba_compile = []
    for k in kernels:
        log(f"kernel {k.name}: checking")
        problems = []
        rng = np.random.default_rng(20240611)
        bench_args = k.make_args(rng, False)
        tiny_args = k.make_args(np.random.default_rng(7), True)
        fns = {impl: all_fns[impl][k.name] for impl in IMPLS if k.name in all_fns[impl]}
        for impl in IMPLS:
            if impl not in fns:
                problems.append(f"{impl}: {all_why[impl].get(k.name, 'unavailable')}")

        # Numba's first call (on the benchmark inputs) compiles; it is timed for the compile estimate.
        first_call_ms = None
        bench_out = {}
        if "numba" in fns:
            t = time.perf_counter()
            try:
                bench_out["numba"] = call_result(fns["numba"], k, bench_args)
                first_call_ms = (time.perf_counter() - t) * 1e3
            except Exception as e:  # noqa: BLE001
                problems.append(f"numba: {short_error(e)}")
                del fns["numba"]

        # CPython is the oracle on tiny inputs, for every implementation.
        mismatch = set()
        try:
            cpy = call_result(getattr(py_module, k.name), k, tiny_args)
        except Exception as e:  # noqa: BLE001
            cpy = None
            problems.append(f"CPython: {short_error(e)}")
        for impl in list(fns):
            try:
                got = call_result(fns[impl], k, tiny_args)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{impl} (tiny input): {short_error(e)}")
                del fns[impl]
                continue
            if cpy is not None and (diff := compare(cpy, got)):
                problems.append(f"{impl} differs from CPython on tiny input: {diff}")
                mismatch.add(impl)

        # On the benchmark inputs everyone must agree with the reference (Numba, else C, else C no-vec).
        for impl in [i for i in IMPLS if i != "numba" and i in fns]:
            try:
                bench_out[impl] = call_result(fns[impl], k, bench_args)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{impl}: {short_error(e)}")
                del fns[impl]
        ref = next((i for i in ("numba", "c", "c_novec") if i in bench_out), None)
        for impl in bench_out:
            if ref and impl != ref and (diff := compare(bench_out[ref], bench_out[impl])):
                problems.append(f"{impl} differs from {ref}: {diff}")
                mismatch.add(impl)
        for p in problems:
            # pyaot's build failures were printed by build_pyaot.
            if not any(p.startswith(f"{i}: ") and k.name not in all_fns[i] for i in PYAOT_IMPLS):
                log(f"  ** {k.name}: {p}")

        # Timing: implementations that ran (mismatching ones are still timed, and flagged).
        ms, samples, reps = {}, {}, {}
        if fns:
            log(f"kernel {k.name}: timing {', '.join(fns)}")
            ms, samples, reps = timing(k, fns, {i: copy_args(bench_args) for i in fns}, args.rounds, args.batch_ms)
        compile_s = None
        if first_call_ms is not None and "numba" in ms:
            compile_s = max(0.0, first_call_ms - ms["numba"]) / 1e3
            numba_compile.append(compile_s)
        notes = {}
        for impl in PYAOT_IMPLS:
            notes[impl] = all_why[impl].get(k.name)
            if notes[impl] is None and k.name in all_fns[impl] and not builds[impl].get("whole_module"):
                notes[impl] = "own module"
        prefix = {"pyaot": "", "pyaot_nobc": "no-checks: ", "pyaot_fast": "fastmath: "}
        note = "; ".join(f"{prefix[i]}{notes[i]}" for i in PYAOT_IMPLS if notes[i])
        status = "ok" if not note else f"ok ({note})"
        if mismatch:
            status = "MISMATCH: " + ", ".join(i for i in IMPLS if i in mismatch)
        elif problems:
            failed = {p.split(" ", 1)[0].rstrip(":") for p in problems}
            failed = [f"{i} build" if "build failed" in (notes[i] or "") else i
                      for i in IMPLS if i in failed] + sorted(failed - set(IMPLS))
            status = "FAILED: " + ", ".join(failed)
        rows.append({
            "name": k.name,
            "size": k.size,
            "status": status,
            "ok": not problems,
            "problems": problems,
            "pyaot_note": notes["pyaot"],
            "pyaot_nobc_note": notes["pyaot_nobc"],
            "pyaot_fast_note": notes["pyaot_fast"],
            "ms": {i: ms.get(i) for i in IMPLS},
            "ratio": {f"{a}/{b}": ms[a] / ms[b] if a in ms and b in ms else None for a, b in RATIOS},
            "reps_per_batch": reps,
            "samples_ms": samples,
            "numba_first_call_ms": first_call_ms,
            "numba_compile_s": compile_s,
        })

    builds["numba"]["compile_s"] = sum(numba_compile) if numba_compile else None
    builds["numba"]["compiled"] = len(numba_compile)
    return rows, builds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyaot", help="path of the pyaot binary (pyaot columns stay empty without it)")
    ap.add_argument("--out", type=Path, default=Path("target/bench"), help="output directory")
    ap.add_argument("--pyaot-missing", metavar="REASON", help="why there is no pyaot binary (for the report)")
    ap.add_argument("--kernel", action="append", default=[],
                    help="run only this kernel (repeatable; loop and NumPy-style kernel names, and `calls` "
                         "for the call-overhead rows, which otherwise run with the loop group only when "
                         "no --kernel is given)")
    ap.add_argument("--group", choices=("all", "loops", "numpy", "gpu"), default="all",
                    help="loops (pyaot vs Numba vs C), numpy (NumPy-style kernels: NumPy vs pyaot, "
                         "Numba, Pythran), gpu (the triad bandwidth of a compiled GPU kernel, beside "
                         "CuPy's; skipped without a GPU), or all (default: loops and numpy)")
    ap.add_argument("--gpu", action="store_true", help="the same as --group gpu")
    ap.add_argument("--rounds", type=int, default=11, help="interleaved timing rounds (default 11)")
    ap.add_argument("--batch-ms", type=float, default=20.0, help="target length of one timed batch")
    ap.add_argument("--cc", default=os.environ.get("CC", "gcc"), help="C compiler (default gcc)")
    ap.add_argument("--pyaot-arg", action="append", default=[],
                    help="extra argument for `pyaot build`, e.g. --pyaot-arg=--boundscheck=off")
    ap.add_argument("--no-pythran", action="store_true", help="leave Pythran out of the NumPy-style group")
    ap.add_argument("--pythran-rebuild", action="store_true",
                    help="rebuild the Pythran module even when the cached one is up to date")
    ap.add_argument("--pythran-arg", action="append", default=[],
                    help="extra argument for `pythran`, e.g. --pythran-arg=-DUSE_XSIMD")
    args = ap.parse_args()
    if args.gpu:
        args.group = "gpu"
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)

    loop_kernels = KERNELS if args.group in ("all", "loops") else []
    np_kernels = np_group.NP_KERNELS if args.group in ("all", "numpy") else []
    with_calls = args.group in ("all", "loops")
    if args.kernel:
        known = {k.name for k in loop_kernels + np_kernels} | ({"calls"} if with_calls else set())
        unknown = set(args.kernel) - known
        if unknown:
            ap.error(f"unknown kernel(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
        loop_kernels = [k for k in loop_kernels if k.name in args.kernel]
        np_kernels = [k for k in np_kernels if k.name in args.kernel]
        with_calls = "calls" in args.kernel

    rows, builds = [], {impl: {} for impl in IMPLS}
    if loop_kernels:
        rows, builds = run_loops(args, loop_kernels)
    calls = run_calls(args) if with_calls else None
    numpy_style = np_group.run(args, np_kernels) if np_kernels else None
    gpu = gpu_group.run(args) if args.group == "gpu" else None
    import numba

    pyaot_info = builds["pyaot"] or (calls or {}).get("builds", {}).get("pyaot") or \
        (numpy_style or {}).get("builds", {}).get("pyaot", {})
    results = {
        "machine": machine_info(args, builds["c"], pyaot_info, numba.__version__,
                                numpy_style["builds"]["pythran"] if numpy_style else {}),
        "rounds": args.rounds,
        "batch_ms": args.batch_ms,
        "builds": builds,
        "kernels": rows,
        "loops_geomean": loop_geomeans(rows),
        "calls": calls,
        "numpy_style": numpy_style,
        "gpu": gpu,
    }
    whole = all(builds[i].get("whole_module", False) for i in PYAOT_IMPLS)
    loops_ok = not loop_kernels or (all(r["ok"] for r in rows) and whole)
    calls_ok = not calls or calls["ok"]
    numpy_ok = not numpy_style or numpy_style["ok"]
    results["ok"] = loops_ok and calls_ok and numpy_ok and (not gpu or gpu["ok"])
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    md = markdown(results)
    (args.out / "results.md").write_text(md)
    print(md, flush=True)
    log(f"wrote {args.out / 'results.json'} and {args.out / 'results.md'}")
    if not loops_ok:
        failed = [r["name"] for r in rows if not r["ok"]]
        log(f"bench: FAILED: {', '.join(failed) if failed else 'pyaot build of the whole module'}"
            + ("" if whole else " (and pyaot could not build the whole module, with or without bounds checks)"))
    if not calls_ok:
        failed = [r["name"] for r in calls["functions"] if not r["pyaot_ok"]]
        log(f"bench: call overhead: pyaot FAILED on {', '.join(failed) if failed else 'the one-function build'}")
    if not numpy_ok:
        failed = [r["name"] for r in numpy_style["kernels"] if not r["pyaot_ok"]]
        log(f"bench: NumPy-style kernels: pyaot FAILED on {', '.join(failed) if failed else 'no kernel'}"
            + ("" if numpy_style["builds"]["pyaot"].get("whole_module") else
               " (and pyaot could not build np_kernels.py as a whole)"))
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.modules.setdefault("driver", sys.modules[__name__])  # np_group imports this module as `driver`
    import gpu_group  # noqa: E402
    import np_group  # noqa: E402

    sys.exit(main())
