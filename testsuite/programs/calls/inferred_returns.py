# Functions whose parameters are all annotated are exported even without a return annotation:
# the return type is the one the body gives (None when it returns nothing), and a function
# without parameters is exported too. Compiled callers still call them as CPython does, with the
# argument types they pass (`scaled(n)` with an int gives an int).
# pyaot: run area(2.0, 3.5)
# pyaot: run area(-1.0, 0.0)
# pyaot: run nothing(4)
# pyaot: run divmod_pair(17, 5)
# pyaot: run divmod_pair(-17, 5)
# pyaot: run-msg divmod_pair(1, 0)
# pyaot: run test_sum()
# pyaot: run check_positive(3)
# pyaot: run-msg check_positive(-3)
# pyaot: run maybe(2)
# pyaot: run maybe(-2)
# pyaot: run via(3)
# pyaot: run via_float(2.5)
# pyaot: run doubled(np.arange(4.0))
# pyaot: run flag(0)
# pyaot: run flag(7)
import numpy as np
from pyaot import f64


def area(w: float, h: float):
    return w * h


def nothing(x: int):
    x + 1


def divmod_pair(a: int, b: int):
    return a // b, a % b


def test_sum():
    total = 0
    for i in range(10):
        total += i
    assert total == 45


def check_positive(n: int):
    if n <= 0:
        raise ValueError("n must be positive")
    return n * 2


def maybe(x: int):
    if x > 0:
        return 1.5
    return -0.5


def scaled(k: float):
    return k * 2


def via(n: int) -> int:
    return scaled(n)


def via_float(x: float) -> float:
    return scaled(x)


def doubled(a: f64[:]):
    return a * 2.0


def flag(x: int):
    return x != 0
