# Boolean-mask and integer-array indexing: a[a > t] (C order), a row mask on a 2-D array,
# a[mask] = scalar or array, a[mask] += v, a[idx] with negative and repeated indices, a[idx] = v,
# and the errors NumPy raises (IndexError for a bad mask shape or an index out of bounds).
# pyaot: run huge_index(np.array([18446744073709551615, 1], dtype=np.uint64))
# pyaot: run huge_index(np.array([1, 0], dtype=np.uint64))
# pyaot: run huge_index(np.array([18446744073709551615, 5], dtype=np.uint64))
# pyaot: run select(np.arange(6.0), 2.5)
# pyaot: run select(np.array([nan, 1.0, -inf]), 0.0)
# pyaot: run select(np.zeros(0), 0.0)
# pyaot: run select2(np.arange(12.0).reshape(3, 4).T, 4.0)
# pyaot: run clamp(np.array([-2.0, 3.0, -0.5, 7.0]))
# pyaot: run flip_big(np.arange(12.0).reshape(3, 4))
# pyaot: run rows(np.arange(12.0).reshape(3, 4), np.array([True, False, True]))
# pyaot: run rows(np.arange(12.0).reshape(3, 4), np.array([True, False]))
# pyaot: run gather(np.arange(10.0), np.array([0, -1, 3, 3]))
# pyaot: run gather(np.arange(10.0), np.array([10]))
# pyaot: run gather(np.arange(10.0), np.zeros(0, np.int64))
# pyaot: run scatter(np.zeros(5), np.array([1, -1, 1]), 2.5)
# pyaot: run scatter_values(np.zeros(5), np.array([4, 0]), np.array([1.0, 2.0]))
# pyaot: run masked_values(np.arange(6.0), np.array([10.0, 20.0, 30.0]))
# pyaot: run huge_into_ints(np.array([[0]], np.int64))
# pyaot: run huge_into_ints(np.array([[0, 2]], np.int64))
# pyaot: run masked_values(np.arange(6.0), np.array([10.0, 20.0]))
import numpy as np
from pyaot import b1, f64, i64, u64


def select(a: f64[:], t: float) -> f64[:]:
    return a[a > t]


def select2(m: f64[:, :], t: float) -> f64[:]:
    return m[m > t]


def clamp(a: f64[:]) -> f64[:]:
    a[a < 0.0] = 0.0
    return a


def flip_big(m: f64[:, :]) -> f64[:, :]:
    m[m > 5.0] = -m[m > 5.0]
    m[m < 2.0] += 100.0
    return m


def rows(m: f64[:, :], keep: b1[:]) -> f64[:, :]:
    return m[keep]


def gather(a: f64[:], idx: i64[:]) -> f64[:]:
    return a[idx]


def scatter(a: f64[:], idx: i64[:], v: float) -> f64[:]:
    a[idx] = v
    return a


def scatter_values(a: f64[:], idx: i64[:], v: f64[:]) -> f64[:]:
    a[idx] = v
    return a


def masked_values(a: f64[:], v: f64[:]) -> f64[:]:
    a[a > 2.0] = v
    return a


def huge_into_ints(a: i64[:, :]) -> i64[:, :]:
    a[a > 5] = np.float64(1e300)
    return a


def huge_index(idx: u64[:]) -> tuple[f64[:], f64[:]]:
    # uint64 indices at or beyond 2**63 wrap to negative indices, as NumPy casts them to intp.
    a = np.arange(2.0)
    b = a.copy()
    b[idx] = 7.0
    return a[idx], b
