# isinstance() against int, float, bool, complex and tuple is decided when compiling, from the
# static type: guards on parameters compile to nothing, and the branch not taken is not compiled
# (so it may hold code the compiler rejects). bool is an int, np.float64 a float and
# np.complex128 a complex, as in CPython; other NumPy scalars are none of them.
# pyaot: run fact(5)
# pyaot: run-msg fact(-1)
# pyaot: run kind(2.5)
# pyaot: run kind_int(4)
# pyaot: run flags(True)
# pyaot: run fixed(np.float64(1.5), np.float32(1.5), np.int64(2), np.bool_(True))
# pyaot: run pair((1, 2.0))
# pyaot: run cplx(1.5)
# pyaot: run effects(3)
# The argument of a float parameter is a float inside the function (the wrapper converts it):
# pyaot: check m.kind(3) == 2
import numpy as np
from pyaot import b1, f32, f64, i64


def fact(n: int) -> int:
    if not isinstance(n, int):
        raise TypeError(f"n must be an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError("n must not be negative")
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def kind(x: float) -> int:
    if isinstance(x, (int, bool)):
        return 1
    elif isinstance(x, float):
        return 2
    return 3


def kind_int(x: int) -> tuple[bool, bool, bool, bool]:
    return isinstance(x, int), isinstance(x, bool), isinstance(x, float), isinstance(x, (float, int))


def flags(b: bool) -> tuple[bool, bool, bool]:
    return isinstance(b, bool), isinstance(b, int), isinstance(b, float)


def fixed(a: f64, b: f32, c: i64, d: b1) -> tuple[bool, bool, bool, bool, bool]:
    return isinstance(a, float), isinstance(b, float), isinstance(c, int), isinstance(d, bool), isinstance(d, int)


def pair(t: tuple[int, float]) -> tuple[bool, bool, bool]:
    return isinstance(t, tuple), isinstance(t[0], int), isinstance(t[1], int)


def cplx(x: float) -> tuple[bool, bool]:
    z = complex(x, 1.0)
    return isinstance(z, complex), isinstance(z, float)


def effects(n: int) -> int:
    count = 0
    for i in range(n):
        if isinstance(i * 2, int):
            count += 1
    return count
