# `for i in reversed(range(...))`: the same values backwards, for every sign of step, empty
# ranges, a zero step (ValueError, as range() raises it), and bounds read from arrays.
# pyaot: run down(5)
# pyaot: run down(0)
# pyaot: run down(-3)
# pyaot: run down3(0, 10, 3)
# pyaot: run down3(10, 0, -3)
# pyaot: run down3(-5, 5, 2)
# pyaot: run down3(3, 3, 1)
# pyaot: run down3(5, 3, 1)
# pyaot: run down3(-9223372036854775807, -9223372036854775800, 3)
# pyaot: run-msg down3(1, 5, 0)
# pyaot: run backwards(np.arange(6.0))
# pyaot: run backwards(np.zeros(0))
# pyaot: run with_else(4)
# pyaot: run rows_back(np.arange(12.0).reshape(3, 4))
import numpy as np
from pyaot import f64


def down(n: int) -> int:
    t = 0
    for i in reversed(range(n)):
        t = t * 10 + i
    return t


def down3(a: int, b: int, s: int) -> int:
    t = 0
    count = 0
    for i in reversed(range(a, b, s)):
        t = (t * 7 + i) % 1000003
        count += 1
    return t * 100 + count


def backwards(a: f64[:]) -> f64[:]:
    out = np.zeros(len(a))
    k = 0
    for i in reversed(range(len(a))):
        out[k] = a[i]
        k += 1
    return out


def with_else(n: int) -> int:
    t = 0
    for i in reversed(range(1, n)):
        t += i
    else:
        t += 100
    return t


def rows_back(m: f64[:, :]) -> float:
    s = 0.0
    for i in reversed(range(m.shape[0])):
        for j in reversed(range(1, m.shape[1], 2)):
            s = s * 0.5 + m[i, j]
    return s
