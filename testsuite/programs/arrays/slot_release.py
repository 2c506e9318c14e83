# A new array made in a loop releases the previous one; when making the next one raises, the
# function's exit must not release the previous one again (found by the fuzzer as a double free).
# pyaot: run retake(np.array([0, 1, 2]), 3)
# pyaot: run retake(np.array([0, 1, 2]), 1)
# pyaot: run remask(np.array([1.5, -2.0, 3.0]), 4)
import numpy as np
from pyaot import f64, i64


def retake(a: i64[:], n: int) -> int:
    total = 0
    for k in range(n):
        b = a[a + k]
        total += int(b.sum())
    return total


def remask(a: f64[:], n: int) -> float:
    total = 0.0
    for k in range(n):
        b = np.sqrt(a[a > k - 2]) * np.ones(3 - k)
        total += float(b.sum())
    return total
