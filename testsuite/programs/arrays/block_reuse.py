# Large arrays freed by compiled code are reused for new ones: a reused block must still start
# zeroed for np.zeros and hold exactly what is written for np.empty, at every size around it.
# pyaot: run reuse(100_000, 5)
# pyaot: run reuse(300_000, 3)
# pyaot: run kept(70_000)
import numpy as np
from pyaot import f64


def fill_and_drop(n: int, value: float) -> float:
    a = np.full(n, value)
    return float(a[n - 1])


def reuse(n: int, rounds: int) -> tuple[f64, f64, f64, int]:
    total = 0.0
    zero_sum = 0.0
    for k in range(rounds):
        total += fill_and_drop(n + k * 1000, 7.5)
        z = np.zeros(n - k * 5000)
        zero_sum += z.sum()
        e = np.empty(n)
        e[:] = 2.0
        total += e.sum()
    m = np.zeros((n // 100, 100))
    return total, zero_sum, m.sum(), m.size


def kept(n: int) -> tuple[f64[:], f64[:]]:
    a = np.arange(n) * 0.5
    b = a + 1.0
    c = np.zeros(n)
    c[::7] = b[::7]
    return a[-3:], c[-15:]
