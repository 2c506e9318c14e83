"""Imports the compiled kernels from a build directory, compares them with CPython and times one of them."""
import importlib.util
import pathlib
import sys
import time

build_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build")
here = pathlib.Path(__file__).parent
sys.path.insert(0, str(here.parent / "stdlib"))
sys.path.insert(0, str(build_dir))

import kernels as compiled  # noqa: E402  (the .so in build_dir)

spec = importlib.util.spec_from_file_location("kernels_py", here / "kernels.py")
interpreted = importlib.util.module_from_spec(spec)
spec.loader.exec_module(interpreted)

assert compiled.__file__.endswith(".so"), compiled.__file__
calls = [
    ("collatz_steps", (27,)),
    ("integrate_sin", (0.0, 3.141592653589793)),
    ("newton_sqrt", (2.0,)),
    ("gcd_lcm", (84, -18)),
    ("count_primes", (20000,)),
]
for name, args in calls:
    want = getattr(interpreted, name)(*args)
    got = getattr(compiled, name)(*args)
    status = "ok" if repr(got) == repr(want) else "MISMATCH"
    print(f"{name}{args} = {got!r}  [{status}]")
    if status != "ok":
        sys.exit(1)


def best_of(fn, *args, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


t_py = best_of(interpreted.count_primes, 20000)
t_so = best_of(compiled.count_primes, 20000)
print(f"count_primes(20000): CPython {t_py * 1e3:.2f} ms, pyaot {t_so * 1e3:.2f} ms ({t_py / t_so:.0f}x faster)")
