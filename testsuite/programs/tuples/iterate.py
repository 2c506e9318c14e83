# Tuples of one item type indexed at run time (negative too, IndexError outside) and iterated
# (`for d in (-1, 0, 1)`, over arrays too), and `for row in m` over a 2-D array giving row views.
# pyaot: run offsets(np.arange(6.0), 2)
# pyaot: run offsets(np.arange(6.0), 0)
# pyaot: run pick(0)
# pyaot: run pick(-3)
# pyaot: run pick(3)
# pyaot: run pick(-4)
# pyaot: run with_break(5)
# pyaot: run with_break(0)
# pyaot: run arrays(np.arange(4.0), np.ones(2))
# pyaot: run rows(np.arange(6.0).reshape(3, 2))
# pyaot: run rows(np.zeros((0, 2)))
# pyaot: run row_writes(np.zeros((2, 3)))
import numpy as np
from pyaot import f64


def offsets(a: f64[:], i: int) -> float:
    s = 0.0
    for d in (-1, 0, 1):
        s += a[i + d]
    return s


def pick(k: int) -> float:
    t = (1.5, 2.5, 3.5)
    return t[k]


def with_break(n: int) -> int:
    total = 0
    for v in (3, 1, 4, 1, 5):
        if v == n:
            break
        total += v
    else:
        total = -1
    return total


def arrays(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for x in (a, b, a[::2]):
        s += float(x.sum())
    return s


def rows(m: f64[:, :]) -> float:
    s = 0.0
    for r in m:
        s += r[0] * 10.0 + r[1]
    return s


def row_writes(m: f64[:, :]) -> f64[:, :]:
    k = 0.0
    for r in m:
        r[:] = k
        k += 1.0
    return m
