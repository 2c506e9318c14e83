"""The NumPy-style group of `cargo xtask bench`: the whole-array kernels of np_kernels.py.

Each kernel is timed as plain NumPy under CPython (the baseline: np_kernels.py imported as it
is), pyaot (the module compiled whole), Numba (numba.njit of each function) and Pythran (the same
source with the pyaot annotations turned into `#pythran export` lines, one module for all the
kernels, cached between runs). Every implementation is checked against NumPy on a tiny and on the
benchmark input before it is timed; one that fails to build, raises or disagrees gets no time and
a footnote with the reason. Run from driver.py (see there and docs/benchmarks.md).
"""
import ast
import hashlib
import importlib.util
import json
import math
import re
import statistics
import subprocess
import sys
import sysconfig
import time

import numpy as np

import driver as base  # driver.py registers itself under this name when run as a script

NP_KERNELS_PY = base.HERE / "np_kernels.py"
IMPLS = ("numpy", "pyaot", "numba", "pythran")
COMPILED = IMPLS[1:]
LABELS = {"numpy": "NumPy", "pyaot": "pyaot", "numba": "Numba", "pythran": "Pythran"}
PYTHRAN_MODULE = "np_kernels_pythran"
PYTHRAN_FLAGS = ["-O3", "-march=native"]
# `a @ b` needs a CBLAS in Pythran; scipy-openblas64 (from PyPI, the OpenBLAS NumPy's own wheels
# bundle) provides one without a system package. Without it Pythran is configured with no BLAS,
# and only the kernels using `@` fail to build.
PYTHRAN_BLAS_PACKAGE = "scipy_openblas64"


class NpKernel:
    def __init__(self, name, size, make_args):
        self.name = name
        self.size = size  # human-readable benchmark size
        self.make_args = make_args  # (rng, tiny) -> tuple of arguments
        self.out_arg = None  # the kernels return their result (driver.call_result reads this)


NP_KERNELS = [
    NpKernel("laplace_step", "600x600",
             lambda r, t: (r.random((7, 9) if t else (600, 600)), 0.2)),
    NpKernel("pairwise_dist", "300x3 to 400x3",
             lambda r, t: (r.random((5 if t else 300, 3)), r.random((4 if t else 400, 3)))),
    NpKernel("standardize", "1000x300",
             lambda r, t: (r.normal(2.0, 3.0, (6, 4) if t else (1000, 300)),)),
    NpKernel("band_sum", "n=500,000",
             lambda r, t: (r.normal(0.0, 1.0, 100 if t else 500_000), -0.5, 1.5)),
    NpKernel("softmax_rows", "1000x200",
             lambda r, t: (r.normal(0.0, 2.0, (5, 7) if t else (1000, 200)),)),
    NpKernel("unit_rows", "2000x200",
             lambda r, t: (r.normal(0.0, 1.0, (6, 3) if t else (2000, 200)),)),
    NpKernel("polar_wave", "n=100,000",
             lambda r, t: (r.normal(0.0, 2.0, 50 if t else 100_000), r.normal(0.0, 2.0, 50 if t else 100_000))),
    NpKernel("heat_1d", "n=10,000, 200 steps",
             lambda r, t: (r.random(20 if t else 10_000), 0.25, 5 if t else 200)),
    NpKernel("moving_average", "n=500,000, w=50",
             lambda r, t: (r.random(100 if t else 500_000), 7 if t else 50)),
    NpKernel("dense_relu", "64x64 @ 64x64",
             lambda r, t: (r.normal(0.0, 1.0, (3, 4) if t else (64, 64)),
                           r.normal(0.0, 1.0, (4, 5) if t else (64, 64)),
                           r.normal(0.0, 1.0, 5 if t else 64))),
    NpKernel("total_variation", "600x600",
             lambda r, t: (r.random((7, 6) if t else (600, 600)),)),
    NpKernel("col_range_ratio", "1000x300",
             lambda r, t: (r.normal(0.0, 1.0, (6, 5) if t else (1000, 300)),)),
    NpKernel("phase_rotate", "n=200,000 complex",
             lambda r, t: (r.normal(0.0, 1.0, 30 if t else 200_000)
                           + 1j * r.normal(0.0, 1.0, 30 if t else 200_000), 0.01)),
    NpKernel("row_power", "1000x300 complex",
             lambda r, t: (r.normal(0.0, 1.0, (5, 4) if t else (1000, 300))
                           + 1j * r.normal(0.0, 1.0, (5, 4) if t else (1000, 300)),)),
]

log = base.log


def load_python_kernels():
    """np_kernels.py as a plain Python module: the NumPy baseline, and what Numba wraps."""
    spec = importlib.util.spec_from_file_location("np_kernels_py", NP_KERNELS_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def max_rel_diff(ref, got):
    """max |got - ref| / max |ref| over the elements (0.0 when equal), for results.json."""
    try:
        r = np.asarray(ref)
        g = np.asarray(got)
        scale = float(np.max(np.abs(r))) if r.size else 0.0
        diff = float(np.max(np.abs(g - r))) if r.size else 0.0
    except (TypeError, ValueError):
        return None
    if diff == 0.0:
        return 0.0
    return diff / scale if scale > 0.0 else math.inf


def numba_reason(e):
    """The useful part of a Numba typing error: the signature that found no implementation."""
    text = str(e)
    sig = re.search(r">>> (.+)", text)
    inner = re.findall(r"TypingError: (.+)", text)
    if sig:
        why = f": {inner[-1].strip()}" if inner else ""
        return f"{type(e).__name__}: no implementation for {sig.group(1).strip()}{why}"[:300]
    return base.short_error(e)


# ---------------------------------------------------------------------------------------------
# Pythran: the source with export lines, one module, a cache.

PYAOT_DTYPES = {"b1": "bool", "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
                "u8": "uint8", "u16": "uint16", "u32": "uint32", "u64": "uint64",
                "f32": "float32", "f64": "float64", "c64": "complex64", "c128": "complex128"}
SCALARS = {"float": "float", "int": "int", "bool": "bool", "complex": "complex"}


def pythran_type(node):
    """The Pythran export type of a pyaot annotation (`f64[:, :]` -> `float64[:,:]`)."""
    if isinstance(node, ast.Name) and node.id in SCALARS:
        return SCALARS[node.id]
    if isinstance(node, ast.Name) and node.id in PYAOT_DTYPES:
        return PYAOT_DTYPES[node.id]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        dims = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if node.value.id in PYAOT_DTYPES and all(isinstance(d, ast.Slice) for d in dims):
            return f"{PYAOT_DTYPES[node.value.id]}[{','.join(':' for _ in dims)}]"
        if node.value.id == "tuple":
            return "(" + ", ".join(pythran_type(d) for d in dims) + ")"
    raise ValueError(f"no Pythran type for the annotation `{ast.unparse(node)}`")


def pythran_source(names):
    """np_kernels.py for Pythran, exporting the kernels in names: annotations and the pyaot
    import removed, one `#pythran export` line per kernel. Returns (text, {kernel: why not})."""
    tree = ast.parse(NP_KERNELS_PY.read_text())
    exports, body, why = [], [], {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "pyaot":
            continue
        if isinstance(node, ast.Import) and any(a.name == "pyaot" for a in node.names):
            continue
        if isinstance(node, ast.FunctionDef) and node.returns is not None:
            if node.name not in names:
                continue
            try:
                types = [pythran_type(a.annotation) for a in node.args.args]
            except ValueError as e:
                why[node.name] = str(e)
                continue
            exports.append(f"#pythran export {node.name}({', '.join(types)})")
            for a in node.args.args:
                a.annotation = None
            node.returns = None
        body.append(node)
    tree.body = body
    header = f"# Generated from {NP_KERNELS_PY.name} by xtask/bench/np_group.py for Pythran.\n"
    return header + "\n".join(exports) + "\n" + ast.unparse(tree) + "\n", why


def pythran_config():
    """(version, config args, BLAS description)."""
    import pythran

    try:
        __import__(PYTHRAN_BLAS_PACKAGE)
        blas, what = "scipy-openblas", "scipy-openblas64"
    except ImportError:
        blas, what = "none", f"none ({PYTHRAN_BLAS_PACKAGE} not installed: `@` cannot build)"
    return pythran.__version__, ["--config", f"compiler.blas={blas}"], what


def first_error(text, module):
    """The first error line of Pythran's or g++'s output, without long paths."""
    for line in text.splitlines():
        if re.search(r"\berror\b", line, re.I) and "Compilation error, trying hard" not in line:
            line = re.sub(r"\S*/(\w[\w.-]*\.(?:py|hpp|cpp|h)):", r"\1:", line.strip())
            return line[:300]
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:300] if lines else "no output"


def culprit(text, module, source, names):
    """Which exported kernel a failed Pythran build points at, or None."""
    spans = {n.name: (n.lineno, n.end_lineno) for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)}
    for m in re.finditer(rf"{re.escape(module)}\.py:(\d+)", text):
        line = int(m.group(1))
        for name, (lo, hi) in spans.items():
            if lo <= line <= hi and name in names:
                return name
    # g++ errors: the innermost Pythran-generated function named before the first error.
    err = re.search(r"\berror\b", text)
    head = text[:err.start()] if err else text
    found = re.findall(rf"__pythran_{re.escape(module)}::(\w+)", head)
    for name in reversed(found):
        if name in names:
            return name
    return None


def build_pythran_module(out_dir, module, source, flags, config, force):
    """Builds (or reuses from the cache) one Pythran module; (so path or None, secs, cached, output)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    so_path = out_dir / f"{module}{suffix}"
    src_path = out_dir / f"{module}.py"
    stamp_path = out_dir / f"{module}.stamp.json"
    key = hashlib.sha256(json.dumps([source, flags, config, sys.version, np.__version__,
                                     __import__("pythran").__version__]).encode()).hexdigest()
    if not force and so_path.exists() and stamp_path.exists():
        try:
            stamp = json.loads(stamp_path.read_text())
            if stamp.get("key") == key:
                return so_path, stamp.get("build_s"), True, ""
        except (OSError, ValueError):
            pass
    for stale in (so_path, stamp_path):
        stale.unlink(missing_ok=True)
    src_path.write_text(source)
    cmd = [sys.executable, "-m", "pythran.run", *flags, *config, str(src_path), "-o", str(so_path)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=out_dir)
    secs = time.perf_counter() - t0
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 or not so_path.exists():
        return None, secs, False, output
    stamp_path.write_text(json.dumps({"key": key, "build_s": secs}) + "\n")
    return so_path, secs, False, output


def build_pythran(args, kernels):
    """Builds the kernels with Pythran; (info, {name: callable}, {name: why not})."""
    info = {"available": False, "flags": PYTHRAN_FLAGS + args.pythran_arg}
    fns, why = {}, {}
    if args.no_pythran:
        info["error"] = "skipped (--no-pythran)"
        return info, fns, {k.name: "skipped (--no-pythran)" for k in kernels}
    try:
        version, config, blas = pythran_config()
    except ImportError as e:
        info["error"] = f"pythran is not installed: {e}"
        log(f"pythran: {info['error']}")
        return info, fns, {k.name: "pythran is not installed" for k in kernels}
    info.update(available=True, version=version, blas=blas, config=" ".join(config))
    out_dir = args.out / "pythran"
    flags = PYTHRAN_FLAGS + args.pythran_arg
    names = [k.name for k in kernels]
    # The whole module; a failure that names a kernel drops that kernel and builds the rest again.
    info["build_runs"] = []
    while names:
        source, bad = pythran_source(set(names))
        for name, reason in bad.items():
            why[name] = reason
            names.remove(name)
        if not names:
            break
        log(f"pythran: building {PYTHRAN_MODULE} ({len(names)} kernels, {' '.join(flags)})")
        so, secs, cached, output = build_pythran_module(out_dir, PYTHRAN_MODULE, source, flags, config,
                                                        args.pythran_rebuild)
        info["build_runs"].append({"kernels": list(names), "build_s": secs, "cached": cached, "ok": so is not None})
        if so is not None:
            info.update(build_s=secs, cached=cached, whole_module=not why, per_kernel=False, left_out=sorted(why))
            log(f"pythran: {'reused the cached build' if cached else 'built'} ({secs:.1f} s"
                + (" when built)" if cached else ")"))
            try:
                module = base.load_extension(PYTHRAN_MODULE, out_dir)
            except Exception as e:  # noqa: BLE001
                for name in names:
                    why[name] = f"import failed: {base.short_error(e)}"
                return info, fns, why
            for name in names:
                fns[name] = getattr(module, name)
            return info, fns, why
        err = first_error(output, PYTHRAN_MODULE)
        log(f"pythran: build failed ({secs:.1f} s): {err}")
        (out_dir / f"{PYTHRAN_MODULE}.log").write_text(output)
        name = culprit(output, PYTHRAN_MODULE, source, set(names)) if len(names) > 1 else None
        if name is None:
            break
        why[name] = f"build failed: {err}"
        names.remove(name)
        log(f"pythran: {name}: {why[name]}; building the other kernels again")
    # A failure not traced to one kernel: each kernel as its own module (cached as well).
    if names:
        log(f"pythran: building each of {len(names)} kernels as its own module")
    total, all_cached = 0.0, True
    for name in names:
        module = f"{PYTHRAN_MODULE}_{name}"
        source, _ = pythran_source({name})
        so, secs, cached, output = build_pythran_module(out_dir, module, source, flags, config,
                                                        args.pythran_rebuild)
        total += secs or 0.0
        all_cached = all_cached and cached
        info["build_runs"].append({"kernels": [name], "build_s": secs, "cached": cached, "ok": so is not None})
        if so is None:
            why[name] = f"build failed: {first_error(output, module)}"
            (out_dir / f"{module}.log").write_text(output)
            log(f"pythran: {name}: {why[name]}")
            continue
        try:
            fns[name] = getattr(base.load_extension(module, out_dir), name)
            log(f"pythran: {name}: built as its own module")
        except Exception as e:  # noqa: BLE001
            why[name] = f"import failed: {base.short_error(e)}"
    info.update(whole_module=False, per_kernel=True, build_s=total if names else None, cached=all_cached)
    return info, fns, why


# ---------------------------------------------------------------------------------------------


def run(args, kernels):
    """Builds, checks and times the NumPy-style kernels; the `numpy_style` part of results.json."""
    py_module = load_python_kernels()
    missing = [k.name for k in kernels if not hasattr(py_module, k.name)]
    if missing:
        sys.exit(f"driver: np_kernels.py lacks {missing}")
    pyaot_info, pyaot_fns, pyaot_why = base.build_pyaot(args, kernels, NP_KERNELS_PY, "np_kernels")
    pythran_info, pythran_fns, pythran_why = build_pythran(args, kernels)
    import numba

    numba_fns = {k.name: numba.njit(getattr(py_module, k.name)) for k in kernels}
    all_fns = {"numpy": {k.name: getattr(py_module, k.name) for k in kernels},
               "pyaot": pyaot_fns, "numba": numba_fns, "pythran": pythran_fns}
    all_why = {"numpy": {}, "pyaot": pyaot_why, "numba": {}, "pythran": pythran_why}

    rows, numba_compile = [], []
    for k in kernels:
        log(f"kernel {k.name}: checking")
        bench_args = k.make_args(np.random.default_rng(20240611), False)
        tiny_args = k.make_args(np.random.default_rng(7), True)
        failed, mismatch, diffs = {}, set(), {}
        fns = {}
        for impl in IMPLS:
            if k.name in all_fns[impl]:
                fns[impl] = all_fns[impl][k.name]
            else:
                failed[impl] = all_why[impl].get(k.name, "unavailable")

        refs = {}
        try:
            refs = {"tiny": base.call_result(fns["numpy"], k, tiny_args),
                    "bench": base.call_result(fns["numpy"], k, bench_args)}
        except Exception as e:  # noqa: BLE001
            failed["numpy"] = base.short_error(e)
            fns = {}
        first_call_ms = None
        for impl in [i for i in COMPILED if i in fns]:
            for which, inputs in (("bench", bench_args), ("tiny", tiny_args)):
                t = time.perf_counter()
                try:
                    got = base.call_result(fns[impl], k, inputs)
                except Exception as e:  # noqa: BLE001
                    failed[impl] = numba_reason(e) if impl == "numba" else base.short_error(e)
                    if which == "tiny":
                        failed[impl] = f"(tiny input) {failed[impl]}"
                    del fns[impl]
                    break
                if impl == "numba" and which == "bench":  # the first call compiles
                    first_call_ms = (time.perf_counter() - t) * 1e3
                if diff := base.compare(refs[which], got):
                    failed[impl] = f"differs from NumPy{' on the tiny input' if which == 'tiny' else ''}: {diff}"
                    mismatch.add(impl)
                    del fns[impl]
                    break
                if which == "bench":
                    diffs[impl] = max_rel_diff(refs["bench"], got)
        for impl, reason in failed.items():
            if (impl != "pyaot" or k.name in pyaot_fns) and not reason.startswith("skipped"):
                # (a pyaot build failure was printed by the build already)
                log(f"  ** {k.name}: {impl}: {reason}")

        ms, samples, reps = {}, {}, {}
        if fns:
            log(f"kernel {k.name}: timing {', '.join(fns)}")
            ms, samples, reps = base.timing(k, fns, {i: base.copy_args(bench_args) for i in fns},
                                            args.rounds, args.batch_ms, order=IMPLS)
        compile_s = None
        if first_call_ms is not None and "numba" in ms:
            compile_s = max(0.0, first_call_ms - ms["numba"]) / 1e3
            numba_compile.append(compile_s)
        if mismatch:
            status = "MISMATCH: " + ", ".join(i for i in IMPLS if i in mismatch)
            others = [i for i in IMPLS if i in failed and i not in mismatch]
            status += "; FAILED: " + ", ".join(others) if others else ""
        elif failed:
            status = "FAILED: " + ", ".join(i for i in IMPLS if i in failed)
        else:
            status = "ok"
        base_ms = ms.get("numpy")
        rows.append({
            "name": k.name,
            "size": k.size,
            "status": status,
            "ok": not failed,
            "pyaot_ok": "pyaot" in ms and "numpy" in ms,
            "failed": failed,
            "ms": {i: ms.get(i) for i in IMPLS},
            "speedup": {i: base_ms / ms[i] if base_ms and ms.get(i) else None for i in COMPILED},
            "max_rel_diff": diffs,
            "reps_per_batch": reps,
            "samples_ms": samples,
            "numba_first_call_ms": first_call_ms,
            "numba_compile_s": compile_s,
        })

    geomean = {}
    for impl in COMPILED:
        s = [r["speedup"][impl] for r in rows if r["speedup"][impl]]
        geomean[impl] = {"speedup": math.exp(statistics.mean(math.log(v) for v in s)) if s else None,
                         "kernels": len(s)}
    common = [r for r in rows if all(r["speedup"][i] for i in COMPILED)]
    geomean_common = {i: math.exp(statistics.mean(math.log(r["speedup"][i]) for r in common)) if common else None
                      for i in COMPILED}
    return {
        "rounds": args.rounds,
        "batch_ms": args.batch_ms,
        "builds": {
            "pyaot": pyaot_info,
            "numba": {"compile_s": sum(numba_compile) if numba_compile else None, "compiled": len(numba_compile)},
            "pythran": pythran_info,
        },
        "kernels": rows,
        "geomean_speedup": geomean,
        "geomean_speedup_common": {"kernels": len(common), "speedup": geomean_common},
        "ok": bool(rows) and pyaot_info.get("whole_module", False) and all(r["pyaot_ok"] for r in rows),
    }


# ---------------------------------------------------------------------------------------------


def markdown(g):
    rows = g["kernels"]
    notes = {}  # (impl, reason) -> [footnote number, kernels]

    def note(impl, reason, kernel):
        entry = notes.setdefault((impl, reason), [len(notes) + 1, []])
        entry[1].append(kernel)
        return f"[{entry[0]}]"

    lines = [
        "## NumPy-style kernels",
        "",
        f"Median ms per call over {g['rounds']} interleaved rounds, and speed-up over plain NumPy "
        "(NumPy time / implementation time: **above 1 is faster than NumPy**).",
        "An empty cell with a [footnote] is an implementation that did not build, raised or disagreed with NumPy.",
        "",
        "| kernel | size | NumPy ms | pyaot ms | Numba ms | Pythran ms | pyaot | Numba | Pythran |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        cells = []
        for impl in IMPLS:
            if r["ms"].get(impl) is not None:
                cells.append(base.fmt_ms(r["ms"][impl]))
            else:
                cells.append(note(impl, r["failed"].get(impl, "not run"), r["name"]))
        ups = [f"{r['speedup'][i]:.2f}x" if r["speedup"][i] else "" for i in COMPILED]
        lines.append(f"| {r['name']} | {r['size']} | {' | '.join(cells)} | {' | '.join(ups)} |")
    gm = g["geomean_speedup"]
    cells = [f"{gm[i]['speedup']:.2f}x ({gm[i]['kernels']})" if gm[i]["speedup"] else "-" for i in COMPILED]
    lines.append(f"| geometric mean (kernels) | | | | | | {' | '.join(cells)} |")
    gc_ = g["geomean_speedup_common"]
    if gc_["kernels"] and gc_["kernels"] < len(rows):
        cells = [f"{gc_['speedup'][i]:.2f}x" for i in COMPILED]
        lines.append(f"| geometric mean, the {gc_['kernels']} kernels all ran | | | | | | {' | '.join(cells)} |")
    lines.append("")
    for (impl, reason), (num, kernels) in sorted(notes.items(), key=lambda kv: kv[1][0]):
        lines.append(f"[{num}] {LABELS[impl]}, {', '.join(kernels)}: {reason.replace('|', '/')}  ")
    if notes:
        lines.append("")
    b = g["builds"]
    pb = b["pyaot"]
    if pb.get("build_s") is not None:
        lines.append(f"- pyaot build of np_kernels.py (wall time, median of 3): {pb['build_s']:.3f} s")
    else:
        lines.append(f"- pyaot build of np_kernels.py: failed ({pb.get('error', 'unavailable')})")
    tb = b["pythran"]
    if tb.get("build_s") is not None:
        what = "each kernel as its own module (the whole module failed)" if tb.get("per_kernel") else (
            "one module for all kernels" + (f" but {', '.join(tb['left_out'])}" if tb.get("left_out") else ""))
        lines.append(f"- Pythran build of {what} (`{' '.join(tb['flags'])}`, BLAS {tb.get('blas')}): "
                     f"{tb['build_s']:.1f} s" + (" (cached from an earlier run)" if tb.get("cached") else ""))
    elif tb.get("error"):
        lines.append(f"- Pythran: {tb['error']}")
    nc = b["numba"].get("compile_s")
    if nc is not None:
        lines.append(f"- Numba compile time (sum over {b['numba']['compiled']} kernels of first call minus "
                     "steady-state call): {:.3f} s".format(nc))
    return "\n".join(lines) + "\n"
