"""The GPU group of `cargo xtask bench` (`--gpu`): the memory bandwidth a compiled kernel reaches.

`gpu_kernels.triad` (a = b + s * c over 2**26 float64 elements, device arrays from
`pyaot.cuda.to_device`) is launched with one thread per element; each launch moves 24 bytes per
element. The median launch time (the launcher's overhead and the wait for the kernel included)
gives the bandwidth, reported against the device's peak (memory clock x bus width x 2, from the
driver's device attributes) and next to CuPy's ElementwiseKernel on the same triad where CuPy is
installed. Without a GPU the group is skipped, saying why. Run from driver.py.
"""
import ctypes
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
N = 1 << 26
THREADS = 256
LAUNCHES = 30


def log(msg):
    print(f"gpu: {msg}", file=sys.stderr, flush=True)


def device_info(cuda):
    """The device's name and peak memory bandwidth in bytes/s (from its attributes)."""
    lib = cuda._lib()
    name = ctypes.create_string_buffer(256)
    lib.cuDeviceGetName(name, 256, 0)
    clock_khz, bus_bits = ctypes.c_int(0), ctypes.c_int(0)
    lib.cuDeviceGetAttribute(ctypes.byref(clock_khz), 36, 0)  # MEMORY_CLOCK_RATE
    lib.cuDeviceGetAttribute(ctypes.byref(bus_bits), 37, 0)  # GLOBAL_MEMORY_BUS_WIDTH
    peak = 2.0 * clock_khz.value * 1e3 * bus_bits.value / 8
    return name.value.decode(), peak


def median_seconds(launch, sync=lambda: None):
    launch()
    sync()
    times = []
    for _ in range(LAUNCHES):
        t0 = time.perf_counter()
        launch()
        sync()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(args):
    """The `gpu` part of results.json."""
    sys.path.insert(0, str(HERE.parent.parent / "stdlib"))
    from pyaot import cuda

    try:
        cuda._lib()
    except RuntimeError as e:
        log(f"skipped: {e}")
        return {"skipped": str(e), "ok": True}
    if not args.pyaot:
        return {"skipped": args.pyaot_missing or "no pyaot binary", "ok": False}
    out = args.out / "gpu"
    out.mkdir(parents=True, exist_ok=True)
    cmd = [args.pyaot, "build", str(HERE / "gpu_kernels.py"), "-o", str(out), "--python", sys.executable,
           "--force", *args.pyaot_arg]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"skipped": f"pyaot build failed: {proc.stderr.strip()}", "ok": False}
    sys.path.insert(0, str(out))
    import gpu_kernels as k

    name, peak = device_info(cuda)
    rng = np.random.default_rng(5)
    b, c = rng.random(N), rng.random(N)
    da, db, dc = cuda.device_array(N), cuda.to_device(b), cuda.to_device(c)
    blocks = (N + THREADS - 1) // THREADS
    launch = k.triad[blocks, THREADS]
    launch(da, db, dc, 3.0)
    ok = bool(np.array_equal(da.copy_to_host(), b + 3.0 * c))
    moved = 3 * 8 * N
    secs = median_seconds(lambda: launch(da, db, dc, 3.0))
    result = {"device": name, "n": N, "bytes_per_launch": moved, "peak_gbs": peak / 1e9,
              "pyaot_ms": secs * 1e3, "pyaot_gbs": moved / secs / 1e9,
              "pyaot_fraction_of_peak": moved / secs / peak if peak else None, "ok": ok}
    try:
        import cupy
    except ImportError:
        result["cupy"] = "not installed"
    else:
        kern = cupy.ElementwiseKernel("float64 b, float64 c, float64 s", "float64 a", "a = b + s * c", "triad")
        ca, cb, cc = cupy.empty(N), cupy.asarray(b), cupy.asarray(c)
        sync = cupy.cuda.Device().synchronize
        csecs = median_seconds(lambda: kern(cb, cc, 3.0, ca), sync)
        result.update({"cupy_ms": csecs * 1e3, "cupy_gbs": moved / csecs / 1e9,
                       "cupy_fraction_of_peak": moved / csecs / peak if peak else None})
    return result


def markdown(g):
    lines = ["## GPU: STREAM triad (`--gpu`)", ""]
    if "skipped" in g:
        return "\n".join(lines + [f"Skipped: {g['skipped']}", ""])
    lines += [f"- device: {g['device']}; peak memory bandwidth {g['peak_gbs']:.0f} GB/s (from its attributes)",
              f"- a = b + s * c over {g['n']} float64 elements ({g['bytes_per_launch'] / 1e9:.2f} GB per launch); "
              f"median of {LAUNCHES} launches", "",
              "| implementation | ms | GB/s | of peak |", "|---|---:|---:|---:|",
              f"| pyaot (`kernel[blocks, threads]`) | {g['pyaot_ms']:.3f} | {g['pyaot_gbs']:.0f} | "
              f"{100 * (g['pyaot_fraction_of_peak'] or 0):.0f}% |"]
    if "cupy_ms" in g:
        lines.append(f"| CuPy ElementwiseKernel | {g['cupy_ms']:.3f} | {g['cupy_gbs']:.0f} | "
                     f"{100 * (g['cupy_fraction_of_peak'] or 0):.0f}% |")
    else:
        lines.append(f"| CuPy | {g['cupy']} | | |")
    if not g["ok"]:
        lines.append("\npyaot's triad DISAGREED with NumPy.")
    return "\n".join(lines) + "\n"
