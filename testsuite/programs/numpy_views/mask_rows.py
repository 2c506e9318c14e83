# Boolean masks of the rows and integer arrays storing arrays into 2-D and 3-D arrays, and full
# masks of 3-D arrays, with NumPy's broadcasting of the value (and its errors).
# pyaot: run rowmask(np.arange(12.0).reshape(4, 3), np.array([True, False, True, True]), np.array([1.0, 2.0, 3.0]))
# pyaot: run rowmask(np.arange(12.0).reshape(4, 3), np.array([True, False, True, True]), np.array([1.0, 2.0]))
# pyaot: run rowmask_update(np.arange(12.0).reshape(4, 3), np.array([False, True, False, True]))
# pyaot: run cube(np.linspace(0.0, 1.0, 24).reshape(2, 3, 4), np.arange(11.0))
# pyaot: run cube(np.linspace(0.0, 1.0, 24).reshape(2, 3, 4), np.arange(3.0))
# pyaot: run rows_idx(np.zeros((4, 3), np.int64), np.array([0, 2, -1]), np.arange(9).reshape(3, 3))
# pyaot: run rows_idx(np.zeros((4, 3), np.int64), np.array([0, 2, -1]), np.arange(3).reshape(1, 3))
# pyaot: run rows_idx(np.zeros((4, 3), np.int64), np.array([0, 2]), np.arange(9).reshape(3, 3))
# pyaot: run rows_idx(np.zeros((4, 3), np.int64), np.array([0, 5]), np.arange(6).reshape(2, 3))
import numpy as np
from pyaot import b1, f64, i64


def rowmask(a: f64[:, :], m: b1[:], v: f64[:]) -> f64[:, :]:
    a[m] = v
    return a


def rowmask_update(a: f64[:, :], m: b1[:]) -> f64[:, :]:
    a[m] += 1.5
    a[m] *= a[m]
    a[m] = a[::-1][m]
    return a


def cube(a: f64[:, :, :], v: f64[:]) -> f64[:, :, :]:
    a[a > 0.55] = v
    a[a < 0.2] += 10.0
    return a


def rows_idx(a: i64[:, :], idx: i64[:], v: i64[:, :]) -> i64[:, :]:
    a[idx] = v
    return a
