# The cmath functions on a grid of complex numbers and their errors, as CPython computes them.
# pyaot: run grid(-2.0, 2.0, 9)
# pyaot: run grid(-1e-310, 1e-310, 3)
# pyaot: run grid(-1e300, 1e300, 3)
# pyaot: run one(0j)
# pyaot: run one(1 + 0j)
# pyaot: run one(-1 + 0j)
# pyaot: run one(1j)
# pyaot: run one(complex(800, 1))
# pyaot: run one(complex(1, 800))
# pyaot: run one(complex(inf, 0))
# pyaot: run one(complex(nan, 1))
# pyaot: run checks(complex(inf, nan))
# pyaot: run checks(complex(1, -inf))
# pyaot: run checks(3 + 4j)
# pyaot: run coords(3 - 4j)
# pyaot: run coords(-2.0)
# pyaot: run coords(complex(1e308, 1e308))
# pyaot: run reals(0.25, -3)
# pyaot: run tiny_phase(complex(1e308, -1e-308))
# pyaot: run tiny_phase(complex(-1e308, 1e-308))
# pyaot: run tiny_phase(3 - 4j)
import cmath

import numpy as np
from cmath import infj, sqrt


def grid(lo: float, hi: float, n: int) -> complex:
    # A checksum of every function over an n-by-n grid (singular points skipped).
    acc = 0j
    step = (hi - lo) / (n - 1)
    for i in range(n):
        for j in range(n):
            z = complex(lo + i * step, lo + j * step)
            acc += sqrt(z) + cmath.exp(z / (abs(z) + 1)) + cmath.sin(z / 100) + cmath.cos(z / 100)
            acc += cmath.tan(z / 1000) + cmath.sinh(z / 1000) + cmath.cosh(z / 1000) + cmath.tanh(z)
            acc += cmath.asin(z) + cmath.acos(z) + cmath.asinh(z) + cmath.acosh(z)
            if z != 0 and z != 1j and z != -1j:
                acc += cmath.log(z) + cmath.log10(z) + cmath.atan(z)
            if z != 1 and z != -1:
                acc += cmath.atanh(z)
    return acc


def one(z: complex) -> tuple[complex, complex, complex, complex, complex]:
    return cmath.sqrt(z), cmath.log(z), cmath.exp(z), cmath.atanh(z), cmath.cosh(z)


def checks(z: complex) -> tuple[bool, bool, bool, complex]:
    return cmath.isnan(z), cmath.isinf(z), cmath.isfinite(z), infj * 0.5


def coords(z: complex) -> tuple[tuple[float, float], float, float]:
    return cmath.polar(z), cmath.phase(z), cmath.pi + cmath.e


def reals(x: float, n: int) -> tuple[complex, complex, float]:
    return cmath.sqrt(x), cmath.log(n), cmath.phase(n)


def tiny_phase(z: complex) -> tuple[float, float]:
    # CPython's cmath.phase raises OverflowError when atan2 underflows; np.angle never raises.
    a = float(np.angle(z))
    return a, cmath.phase(z)
