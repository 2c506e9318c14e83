# Python's complex numbers: arithmetic with ints and floats, division and powers with their
# errors, abs, parts, comparisons, truth and complex().
# pyaot: run arith(1 + 2j, 3 - 1j)
# pyaot: run arith(-0.0 + 0j, 1e300 + 1e300j)
# pyaot: run arith(complex(inf, 1), complex(nan, 0))
# pyaot: run divide(1 + 2j, 3 - 4j)
# pyaot: run divide(1 + 2j, 0j)
# pyaot: run divide(5j, complex(1e-310, 1e308))
# pyaot: run divide(1 + 1j, complex(nan, 1))
# pyaot: run powers(1 + 1j, 3)
# pyaot: run powers(0.5 - 2j, -2)
# pyaot: run powers(0j, 0)
# pyaot: run powers(0j, -1)
# pyaot: run powers(1e200 + 1e200j, 3)
# pyaot: run cpow(2 + 1j, 0.5 - 1.5j)
# pyaot: run cpow(0j, 1j)
# pyaot: run cpow(-8 + 0j, 1 / 3)
# pyaot: run mixed(1.5 - 2j, 2.0, 3, True)
# pyaot: run parts(3 - 4j, 2.5, 7)
# pyaot: run magnitude(3 - 4j)
# pyaot: run magnitude(complex(inf, nan))
# pyaot: run magnitude(complex(1e308, 1e308))
# pyaot: run equal(1 + 0j, 1.0, 1)
# pyaot: run equal(1 + 1e-16j, 1.0, 1)
# pyaot: run equal(complex(nan, 0), nan, 0)
# pyaot: run truth(0j)
# pyaot: run truth(complex(-0.0, 0.0))
# pyaot: run truth(1e-320j)
# pyaot: run truth(complex(nan, 0))
# pyaot: run build(2.5, -1, 3)
# pyaot: run accumulate(8)
# pyaot: run literals()
# pyaot: run numpy_float(3 + 0j, 9007199254740992.0)
# pyaot: run numpy_float(1 + 1j, 0.5)
# pyaot: run from_fixed(np.uint64(2**64 - 1), np.int8(-5))
import numpy as np
from pyaot import i8, u64


def arith(a: complex, b: complex) -> tuple[complex, complex, complex, complex, complex]:
    return a + b, a - b, a * b, -a, +b


def divide(a: complex, b: complex) -> complex:
    return a / b


def powers(z: complex, n: int) -> complex:
    return z**n


def cpow(z: complex, w: complex) -> complex:
    return z**w


def mixed(z: complex, x: float, n: int, b: bool) -> tuple[complex, complex, complex, complex, complex, complex]:
    return z * x, n + z, z - b, x / z, n**z, z**x


def parts(z: complex, x: float, n: int) -> tuple[float, float, complex, float, float, int, int]:
    return z.real, z.imag, z.conjugate(), x.real, x.imag, n.real, n.imag


def magnitude(z: complex) -> float:
    return abs(z)


def equal(z: complex, x: float, n: int) -> tuple[bool, bool, bool, bool, bool]:
    return z == x, z != n, n == z, z == z, z != z.conjugate()


def truth(z: complex) -> tuple[bool, bool, int]:
    k = 0
    if z:
        k = 1
    return bool(z), not z, k


def build(x: float, n: int, m: int) -> tuple[complex, complex, complex, complex]:
    return complex(x, n), complex(n), complex(), complex(x + 1j * m)


def accumulate(n: int) -> complex:
    z = 0j
    w = 1 + 0.5j
    for k in range(n):
        z = z * w + k
        if abs(z) > 100.0:
            z = z / abs(z)
    return z


def literals() -> tuple[complex, complex, complex, complex]:
    return 2j, -1.5j, 1 + 2j, (3 - 0j) * 2


def numpy_float(z: complex, x: float) -> tuple[complex, complex, bool, bool]:
    # np.float64 is a float: Python's complex does these, with its errors, not NumPy.
    return z * np.float64(x), z ** np.float64(x), z == np.float64(x), z != np.float64(x)


def from_fixed(u: u64, i: i8) -> tuple[complex, complex]:
    # complex() of fixed-width numbers goes through their __float__ (no int overflow).
    return complex(u), complex(i, u)
