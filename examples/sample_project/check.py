"""Checks an installed `sampleproj` wheel against its sources, run by CPython (the oracle).

Usage: python check.py  (from any directory; the sources are found beside this file).
"""
import importlib.util
import pathlib
import sys

import sampleproj
from sampleproj import kernels, stats

here = pathlib.Path(__file__).parent / "src" / "sampleproj"


# The sources as a package of their own (`source_sampleproj`), so their relative imports work.
_spec = importlib.util.spec_from_file_location(
    "source_sampleproj", here / "__init__.py", submodule_search_locations=[str(here)]
)
_package = importlib.util.module_from_spec(_spec)
sys.modules["source_sampleproj"] = _package
_spec.loader.exec_module(_package)


def load(name):
    return importlib.import_module(f"source_sampleproj.{name}")


def outcome(f, *args):
    try:
        return ("ok", repr(f(*args)))
    except Exception as e:  # noqa: BLE001 - the exception type is part of the outcome
        return ("raised", type(e).__name__, str(e))


problems = []
for mod, name in [(kernels, "kernels"), (stats, "stats")]:
    if not mod.__file__.endswith(".so"):
        problems.append(f"{mod.__name__} is not compiled: {mod.__file__}")
source = {"kernels": load("kernels"), "stats": load("stats")}
cases = [
    ("kernels", "collatz_steps", (27,)),
    ("kernels", "collatz_steps", (1,)),
    ("kernels", "collatz_steps", (0,)),
    ("kernels", "primes_below", (50,)),
    ("kernels", "primes_below", (2,)),
    ("stats", "mean_std", ([1.0, 2.0, 4.0],)),
    ("stats", "mean_std", ([],)),
    ("stats", "running_max", ([3.0, 1.0, 5.0, 2.0],)),
    ("stats", "describe", ([1.0, 2.0, 4.0],)),
    ("stats", "mean_collatz", (100,)),
    ("stats", "mean_collatz", (0,)),
]
built = {"kernels": kernels, "stats": stats}
for mod, name, args in cases:
    got = outcome(getattr(built[mod], name), *args)
    want = outcome(getattr(source[mod], name), *args)
    if got != want:
        problems.append(f"{mod}.{name}{args}: compiled {got}, CPython {want}")
if kernels.Table(30).longest() != source["kernels"].Table(30).longest():
    problems.append("Table.longest differs")
if sampleproj.collatz_steps is not kernels.collatz_steps:
    problems.append("the package does not re-export the compiled function")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"sampleproj: {len(cases)} calls agree with CPython")
