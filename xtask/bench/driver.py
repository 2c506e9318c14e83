"""Benchmark driver for `cargo xtask bench`: pyaot against Numba and C on the loop kernels of
kernels.py, and against NumPy, Numba and Pythran on the NumPy-style kernels of np_kernels.py.

Run by xtask with the bench venv's Python and pyaot's stdlib/ on PYTHONPATH; it can also be run by
hand:

    PYTHONPATH=stdlib target/bench/venv/bin/python xtask/bench/driver.py \
        --pyaot target/release/pyaot --out target/bench [--kernel dot ...] [--group numpy]

Loop kernels: build the kernel module with pyaot (median of 3 wall times), per kernel as its own
module when the whole module fails; compile kernels.c with gcc; wrap each kernel with numba.njit;
check every implementation against CPython on tiny inputs and against each other on the benchmark
inputs; time them interleaved. NumPy-style kernels (np_group.py): plain NumPy is the baseline;
pyaot, numba.njit and Pythran compile the same source, are checked against NumPy and timed
interleaved with it. Both groups go into results.json and results.md. Exit status 0 only when every
loop kernel built, agreed and ran for all three implementations, and pyaot built, ran and agreed
with NumPy on every NumPy-style kernel (Numba and Pythran failures there are reported, not fatal).
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
import time
from ctypes import c_double, c_int64, c_void_p
from pathlib import Path

# Single-threaded comparison: NumPy's OpenBLAS (`a @ b`) and Pythran's use one thread.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
KERNELS_PY = HERE / "kernels.py"
KERNELS_C = HERE / "kernels.c"
IMPLS = ("pyaot", "numba", "c")
C_FLAGS = ["-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC"]


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
]


def _c_out(out, fill):
    """Lets C kernels that return a new array in Python fill one that NumPy allocated."""
    fill(out)
    return out


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


def load_python_kernels():
    """kernels.py as a plain Python module (under another name than the compiled one)."""
    spec = importlib.util.spec_from_file_location("kernels_py", KERNELS_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def first_lines(text, n):
    lines = text.strip().splitlines()
    return "\n".join(lines[:n] + ([f"... ({len(lines) - n} more lines)"] if len(lines) > n else []))


# ---------------------------------------------------------------------------------------------
# Builds


def pyaot_build(pyaot, src, out_dir, extra):
    cmd = [pyaot, "build", str(src), "-o", str(out_dir), "--python", sys.executable, *extra]
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


def build_pyaot(args, kernels, src=KERNELS_PY, module_name="kernels"):
    """Builds the kernel module; returns (info, {kernel name: callable or None}, {name: why})."""
    info = {"available": False, "build_s": None, "build_runs_s": [], "whole_module": False}
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
    out_dir = args.out / "pyaot"
    out_dir.mkdir(parents=True, exist_ok=True)
    stale_single = (args.out / "pyaot_single").glob(f"{module_name}_*.*")
    for stale in list(out_dir.glob(f"{module_name}.*")) + list(stale_single):
        stale.unlink()
    log(f"pyaot: building {src.name} (whole module, 3 times)")
    proc, secs = pyaot_build(pyaot, src, out_dir, args.pyaot_arg)
    if proc.returncode == 0:
        times = [secs] + [pyaot_build(pyaot, src, out_dir, args.pyaot_arg)[1] for _ in range(2)]
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
    src_dir = args.out / "pyaot_single" / "src"
    src_dir.mkdir(parents=True, exist_ok=True)
    for k in kernels:
        mod = f"{module_name}_{k.name}"
        single = src_dir / f"{mod}.py"
        single.write_text(single_kernel_source(k.name, src))
        proc, _ = pyaot_build(pyaot, single, single.parent.parent, args.pyaot_arg)
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


def build_c(args, kernels):
    info = {"compiler": args.cc, "flags": C_FLAGS}
    fns, why = {}, {}
    lib_path = args.out / "c" / "libkernels.so"
    lib_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        info["version"] = subprocess.run([args.cc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        proc = subprocess.run([args.cc, *C_FLAGS, str(KERNELS_C), "-o", str(lib_path), "-lm"],
                              capture_output=True, text=True)
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
        + (f", {m['cc']} (`{m['c_flags']}`)" if m["cc"] else "")
        + (f", Pythran {m['pythran']} (`{m['pythran_flags']}`)" if m["pythran"] else ""),
        f"- pyaot: {m['pyaot'] or 'unavailable'} {('(`' + m['pyaot_flags'] + '`)') if m['pyaot_flags'] else ''}".rstrip(),
        "",
    ]
    if results["kernels"]:
        lines += loops_markdown(results)
    if results.get("numpy_style"):
        lines.append(np_group.markdown(results["numpy_style"]))
    return "\n".join(lines).rstrip("\n") + "\n"


def loops_markdown(results):
    b = results["builds"]
    lines = [
        "## Loop kernels",
        "",
        f"Median time per call in ms over {results['rounds']} interleaved rounds; ratios above 1 mean pyaot is slower.",
        "",
        "| kernel | size | pyaot ms | Numba ms | C ms | pyaot/Numba | pyaot/C | status |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results["kernels"]:
        t = r["ms"]
        note = r["pyaot_note"] or ""
        pyaot_cell = fmt_ms(t.get("pyaot")) if t.get("pyaot") is not None else (
            "build failed" if "build failed" in note else "no CLI" if "CLI" in note else "-")
        lines.append(
            f"| {r['name']} | {r['size']} | {pyaot_cell} | {fmt_ms(t.get('numba'))} | {fmt_ms(t.get('c'))} "
            f"| {fmt_ratio(t.get('pyaot'), t.get('numba'))} | {fmt_ratio(t.get('pyaot'), t.get('c'))} "
            f"| {r['status']} |")
    ok = [r for r in results["kernels"] if r["ok"] and all(r["ms"].get(i) for i in IMPLS)]
    if ok:
        gm_n = math.exp(statistics.mean(math.log(r["ms"]["pyaot"] / r["ms"]["numba"]) for r in ok))
        gm_c = math.exp(statistics.mean(math.log(r["ms"]["pyaot"] / r["ms"]["c"]) for r in ok))
        lines.append(f"| geometric mean ({len(ok)} kernels) | | | | | {gm_n:.2f}x | {gm_c:.2f}x | |")
    lines.append("")
    pb = b["pyaot"]
    if pb.get("build_s") is not None:
        lines.append(f"- pyaot build of the whole module (wall time, median of 3): {pb['build_s']:.3f} s")
    else:
        lines.append(f"- pyaot build of the whole module: failed ({pb.get('error', 'unavailable')})")
    nc = b["numba"].get("compile_s")
    if nc is not None:
        lines.append(f"- Numba compile time (sum over {b['numba']['compiled']} kernels of first call minus "
                     f"steady-state call): {nc:.3f} s")
    lines.append(f"- C compile (gcc, whole file): {b['c'].get('compile_s', float('nan')):.3f} s")
    lines.append("")
    return lines


# ---------------------------------------------------------------------------------------------


def run_loops(args, kernels):
    """Builds, checks and times the loop kernels; (rows, {impl: build info})."""
    py_module = load_python_kernels()
    missing = [k.name for k in kernels if not hasattr(py_module, k.name)]
    if missing:
        sys.exit(f"driver: kernels.py lacks {missing}")

    pyaot_info, pyaot_fns, pyaot_why = build_pyaot(args, kernels)
    t0 = time.perf_counter()
    c_info, c_fns, c_why = build_c(args, kernels)
    c_info["compile_s"] = time.perf_counter() - t0
    numba_info, numba_fns, numba_why = build_numba(py_module, kernels)
    all_fns = {"pyaot": pyaot_fns, "numba": numba_fns, "c": c_fns}
    all_why = {"pyaot": pyaot_why, "numba": numba_why, "c": c_why}

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

        # On the benchmark inputs everyone must agree with the reference (Numba, else C).
        for impl in [i for i in ("c", "pyaot") if i in fns]:
            try:
                bench_out[impl] = call_result(fns[impl], k, bench_args)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{impl}: {short_error(e)}")
                del fns[impl]
        ref = "numba" if "numba" in bench_out else "c" if "c" in bench_out else None
        for impl in bench_out:
            if impl != ref and (diff := compare(bench_out[ref], bench_out[impl])):
                problems.append(f"{impl} differs from {ref}: {diff}")
                mismatch.add(impl)
        for p in problems:
            if not p.startswith("pyaot: ") or k.name in pyaot_fns:  # else printed by build_pyaot
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
        note = pyaot_why.get(k.name)
        if note is None and k.name in pyaot_fns and not pyaot_info.get("whole_module"):
            note = "own module"
        status = "ok" if not note else f"ok ({note})"
        if mismatch:
            status = "MISMATCH: " + ", ".join(sorted(mismatch))
        elif problems:
            failed = sorted({p.split(" ", 1)[0].rstrip(":") for p in problems})
            if note and "build failed" in note:
                failed = ["pyaot build" if f == "pyaot" else f for f in failed]
            status = "FAILED: " + ", ".join(failed)
        rows.append({
            "name": k.name,
            "size": k.size,
            "status": status,
            "ok": not problems,
            "problems": problems,
            "pyaot_note": note,
            "ms": {i: ms.get(i) for i in IMPLS},
            "ratio": {
                "pyaot/numba": ms["pyaot"] / ms["numba"] if "pyaot" in ms and "numba" in ms else None,
                "pyaot/c": ms["pyaot"] / ms["c"] if "pyaot" in ms and "c" in ms else None,
                "numba/c": ms["numba"] / ms["c"] if "numba" in ms and "c" in ms else None,
            },
            "reps_per_batch": reps,
            "samples_ms": samples,
            "numba_first_call_ms": first_call_ms,
            "numba_compile_s": compile_s,
        })

    numba_info["compile_s"] = sum(numba_compile) if numba_compile else None
    numba_info["compiled"] = len(numba_compile)
    return rows, {"pyaot": pyaot_info, "numba": numba_info, "c": c_info}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyaot", help="path of the pyaot binary (pyaot columns stay empty without it)")
    ap.add_argument("--out", type=Path, default=Path("target/bench"), help="output directory")
    ap.add_argument("--pyaot-missing", metavar="REASON", help="why there is no pyaot binary (for the report)")
    ap.add_argument("--kernel", action="append", default=[],
                    help="run only this kernel (repeatable; loop and NumPy-style kernel names)")
    ap.add_argument("--group", choices=("all", "loops", "numpy"), default="all",
                    help="loops (pyaot vs Numba vs C), numpy (NumPy-style kernels: NumPy vs pyaot, "
                         "Numba, Pythran), or all (default)")
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
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)

    loop_kernels = KERNELS if args.group in ("all", "loops") else []
    np_kernels = np_group.NP_KERNELS if args.group in ("all", "numpy") else []
    if args.kernel:
        known = {k.name for k in loop_kernels + np_kernels}
        unknown = set(args.kernel) - known
        if unknown:
            ap.error(f"unknown kernel(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
        loop_kernels = [k for k in loop_kernels if k.name in args.kernel]
        np_kernels = [k for k in np_kernels if k.name in args.kernel]

    rows, builds = [], {"pyaot": {}, "numba": {}, "c": {}}
    if loop_kernels:
        rows, builds = run_loops(args, loop_kernels)
    numpy_style = np_group.run(args, np_kernels) if np_kernels else None
    import numba

    results = {
        "machine": machine_info(args, builds["c"], builds["pyaot"] or (numpy_style or {}).get("builds", {}).get("pyaot", {}),
                                numba.__version__, numpy_style["builds"]["pythran"] if numpy_style else {}),
        "rounds": args.rounds,
        "batch_ms": args.batch_ms,
        "builds": builds,
        "kernels": rows,
        "numpy_style": numpy_style,
    }
    loops_ok = not loop_kernels or (all(r["ok"] for r in rows) and builds["pyaot"].get("whole_module", False))
    numpy_ok = not numpy_style or numpy_style["ok"]
    results["ok"] = loops_ok and numpy_ok
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    md = markdown(results)
    (args.out / "results.md").write_text(md)
    print(md, flush=True)
    log(f"wrote {args.out / 'results.json'} and {args.out / 'results.md'}")
    if not loops_ok:
        failed = [r["name"] for r in rows if not r["ok"]]
        log(f"bench: FAILED: {', '.join(failed) if failed else 'pyaot build of the whole module'}"
            + ("" if builds["pyaot"].get("whole_module") else " (and pyaot could not build the whole module)"))
    if not numpy_ok:
        failed = [r["name"] for r in numpy_style["kernels"] if not r["pyaot_ok"]]
        log(f"bench: NumPy-style kernels: pyaot FAILED on {', '.join(failed) if failed else 'no kernel'}"
            + ("" if numpy_style["builds"]["pyaot"].get("whole_module") else
               " (and pyaot could not build np_kernels.py as a whole)"))
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.modules.setdefault("driver", sys.modules[__name__])  # np_group imports this module as `driver`
    import np_group  # noqa: E402

    sys.exit(main())
