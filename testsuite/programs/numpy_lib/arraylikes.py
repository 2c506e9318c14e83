# Python sequences where NumPy takes arrays: list displays of numbers given to NumPy's functions,
# tuples of numbers next to arrays and stored into rows, sequences of arrays of several dtypes,
# np.where with only a condition, and numpy imported inside a function.
# pyaot: run lists(np.array([3, 0, 7, 7, 1], dtype=np.uint32))
# pyaot: run lists(np.array([], dtype=np.uint32))
# pyaot: run groups(np.array([1, 1, 2, 5, 5, 5, 9], dtype=np.uint32))
# pyaot: run tuples(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), 2)
# pyaot: run rows(4)
# pyaot: run where1(np.array([0.0, 1.5, 0.0, -2.0]), np.array([[True, False], [True, True]]))
# pyaot: run mixed(np.array([1, 2], dtype=np.int8), np.array([0.5]), np.array([7], dtype=np.uint16))
import numpy as np
from pyaot import b1, f64, i32, i64, i8, u16, u32


def lists(v: u32[:]) -> tuple[i64[:], f64, i64[:]]:
    d = np.concatenate(([1], np.diff(v)))
    return d, np.sum([1.5, 2.5, v.size]), np.concatenate((v.astype(np.int64), [len(v)]))


def groups(values: u32[:]) -> tuple[u32[:], i64[:]]:
    import numpy as np

    diff = np.concatenate(([1], np.diff(values)))
    idx = np.concatenate((np.where(diff)[0], [len(values)]))
    return values[idx[:-1]], np.diff(idx)


def tuples(m: f64[:, :], k: int) -> tuple[f64[:, :], b1[:, :], f64[:], f64[:, :]]:
    t = (1, 0, k)
    return m * (1.0, 2.0, 3.0), m == t, np.maximum(m[0], t), np.add(t, m)


def rows(n: int) -> f64[:, :]:
    force = np.ones((n, 2))
    force[0] = force[-1] = 0, 0
    force[1] = (3.5, -1)
    return force


def where1(a: f64[:], m: b1[:, :]) -> tuple[tuple[i64[:]], tuple[i64[:], i64[:]], int]:
    return np.where(a), np.nonzero(m), np.count_nonzero(m)


def mixed(a: i8[:], b: f64[:], c: u16[:]) -> tuple[f64[:], i64[:], i32[:, :]]:
    return np.concatenate((a, b, c)), np.concatenate([a, c.astype(np.int64)]), np.stack((a, c))
