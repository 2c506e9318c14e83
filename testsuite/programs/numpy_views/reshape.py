# reshape, ravel, flatten and transpose: views of C-contiguous arrays (writes show through),
# copies otherwise, -1 inferred, invalid shapes and axes raising ValueError (AxisError is one).
# pyaot: run rs(np.arange(6.0), 2, 3)
# pyaot: run rs(np.arange(6.0), -1, 2)
# pyaot: run rs(np.arange(6.0), 3, -1)
# pyaot: run rs(np.arange(6.0), 4, 2)
# pyaot: run rs(np.arange(6.0), -1, -1)
# pyaot: run rs(np.arange(0.0), 0, 5)
# pyaot: run rs(np.arange(0.0), 0, -1)
# pyaot: run rs(np.arange(12.0)[::2], 2, 3)
# pyaot: run flat(np.arange(6.0).reshape(2, 3))
# pyaot: run flat(np.arange(6.0).reshape(2, 3).T)
# pyaot: run flat(np.arange(12.0).reshape(3, 4)[:, 1:3])
# pyaot: run write_through(np.arange(6.0).reshape(3, 2))
# pyaot: run flatten_copy(np.arange(4.0).reshape(2, 2))
# pyaot: run tr(np.arange(6.0).reshape(2, 3))
# pyaot: run tr3(np.arange(24.0).reshape(2, 3, 4), 2, 0, 1)
# pyaot: run tr3(np.arange(24.0).reshape(2, 3, 4), -1, -2, -3)
# pyaot: run tr3(np.arange(24.0).reshape(2, 3, 4)[:, ::-1, 1:], 1, 2, 0)
# pyaot: run expr_of_views(np.arange(6.0).reshape(2, 3))
# pyaot: check raises(ValueError, m.tr3, np.zeros((2, 3, 4)), 0, 0, 1)
# pyaot: check raises(ValueError, m.tr3, np.zeros((2, 3, 4)), 0, 1, 3)
import numpy as np
from pyaot import f64


def rs(a: f64[:], n: int, m: int) -> f64[:, :]:
    return a.reshape(n, m)


def flat(m: f64[:, :]) -> tuple[f64[:], f64[:]]:
    return m.ravel(), np.ravel(m)


def write_through(m: f64[:, :]) -> f64[:, :]:
    b = m.reshape((-1,))
    b[0] = 100.0
    c = np.reshape(m, (2, 3))
    c[1, 2] = -1.0
    return m


def flatten_copy(m: f64[:, :]) -> f64[:, :]:
    f = m.flatten()
    f[0] = 7.0
    return m


def tr(m: f64[:, :]) -> tuple[f64[:, :], f64[:, :], f64[:, :]]:
    return m.T, m.transpose(), np.transpose(m)


def tr3(t: f64[:, :, :], i: int, j: int, k: int) -> f64[:, :, :]:
    return t.transpose(i, j, k)


def expr_of_views(m: f64[:, :]) -> f64[:, :]:
    return m.T * 2.0 + m.T.reshape(3, 2)
