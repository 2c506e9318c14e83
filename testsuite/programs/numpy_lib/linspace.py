# np.linspace from the bundled library (stdlib/lib/numpy.py) against NumPy: endpoints, a single
# sample, no samples, a zero or non-finite span, int bounds and a negative count.
# pyaot: run lin(0.0, 1.0, 5)
# pyaot: run lin(0.0, 1.0, 50)
# pyaot: run lin(-3.5, 7.25, 7)
# pyaot: run lin(1.0, 1.0, 4)
# pyaot: run lin(2.0, -2.0, 9)
# pyaot: run lin(0.1, 0.7, 1)
# pyaot: run lin(0.1, 0.7, 0)
# pyaot: run lin(0.0, 1e-320, 3)
# pyaot: run lin(0.0, float("inf"), 3)
# pyaot: run lin(float("nan"), 1.0, 3)
# pyaot: run lin(0.0, 1.0, -1)
# pyaot: run lin_default(-1.0, 1.0)
# pyaot: run lin_open(0, 10, 4, False)
# pyaot: run lin_open(0, 10, 4, True)
# pyaot: run lin_open(3, 3, 1, False)
# pyaot: run lin_open(-7, 2**40, 6, False)
# pyaot: run lin_open(5, 1, 0, False)
# pyaot: run lin_sum(0.0, 3.0, 1000)
import numpy as np
from pyaot import f64


def lin(a: float, b: float, n: int) -> f64[:]:
    return np.linspace(a, b, n)


def lin_default(a: float, b: float) -> f64[:]:
    return np.linspace(a, b)


def lin_open(a: int, b: int, n: int, e: bool) -> f64[:]:
    return np.linspace(a, b, num=n, endpoint=e)


def lin_sum(a: float, b: float, n: int) -> float:
    xs = np.linspace(a, b, n)
    s = 0.0
    for i in range(n):
        s += float(xs[i])
    return s
