# `for i, x in enumerate(a)` over arrays (elements or rows) and tuples, `for idx in np.ndindex(...)`
# (index tuples in C order; `for i, j in ...` too; break and else), and indexing an array with a
# tuple variable (`a[idx]`, also fewer items than dimensions: a view).
# pyaot: run weighted(np.arange(5.0))
# pyaot: run weighted(np.zeros(0))
# pyaot: run first_column(np.arange(6.0).reshape(3, 2))
# pyaot: run over_tuple(2.0)
# pyaot: run doubled(np.arange(6.0).reshape(2, 3))
# pyaot: run doubled(np.zeros((0, 3)))
# pyaot: run until_row(4, 3, 2)
# pyaot: run until_row(4, 3, 9)
# pyaot: run until_row(0, 3, 1)
# pyaot: run cube_sum(np.arange(24.0).reshape(2, 3, 4))
# pyaot: run rows_by_tuple(np.arange(6.0).reshape(2, 3), 1)
import numpy as np
from pyaot import f64


def weighted(a: f64[:]) -> float:
    s = 0.0
    for i, x in enumerate(a):
        s += i * x
    return s


def first_column(m: f64[:, :]) -> float:
    s = 0.0
    for i, row in enumerate(m):
        s += (i + 1) * row[0]
    return s


def over_tuple(x: float) -> float:
    s = 0.0
    for k, v in enumerate((x, 2 * x, 3 * x)):
        s += k * v
    return s


def doubled(m: f64[:, :]) -> f64[:, :]:
    out = np.zeros((m.shape[0], m.shape[1]))
    for idx in np.ndindex(m.shape):
        out[idx] = m[idx] * 2.0
    return out


def until_row(n: int, k: int, stop: int) -> int:
    s = 0
    for i, j in np.ndindex(n, k):
        if i == stop:
            break
        s += i * 10 + j
    else:
        s = -s
    return s


def cube_sum(t: f64[:, :, :]) -> float:
    s = 0.0
    for i, j, k in np.ndindex(t.shape):
        s += t[i, j, k] * (i + 2 * j + 3 * k)
    return s


def rows_by_tuple(m: f64[:, :], i: int) -> f64[:]:
    idx = (i,)
    return m[idx]
