# Array functions of stdlib/lib/numpy.py against NumPy: dot, matmul and `@` (1-D and 2-D, exact
# on integer-valued data; NumPy's BLAS sums floats in its own order), vdot, outer, trace, triu,
# tril, diff (order n, every axis), average, copyto, astype and np.result_type.
# pyaot: run products(np.arange(12.0).reshape(3, 4), np.arange(8.0).reshape(4, 2), np.arange(4.0))
# pyaot: run products(np.zeros((0, 4)), np.ones((4, 0)), np.ones(4))
# pyaot: run products(np.arange(12.0).reshape(3, 4), np.arange(8.0).reshape(2, 4), np.arange(4.0))
# pyaot: run int_products(np.arange(6).reshape(2, 3), np.arange(3))
# pyaot: run int_products(np.array([[2**62, 2]]), np.array([4, 1]))
# pyaot: run vectors(np.arange(5.0), np.arange(5.0)[::-1])
# pyaot: run vectors(np.arange(5.0), np.arange(4.0))
# pyaot: run shapes(np.arange(20.0).reshape(4, 5), 0)
# pyaot: run shapes(np.arange(20.0).reshape(4, 5), 2)
# pyaot: run shapes(np.arange(20.0).reshape(4, 5), -2)
# pyaot: run shapes(np.arange(20.0).reshape(5, 4).T, 1)
# pyaot: run differences(np.array([1.0, 4.0, 9.0, 16.0, 25.0]), np.arange(24.0).reshape(2, 3, 4) ** 2)
# pyaot: run differences(np.array([1.0]), np.zeros((2, 2, 2)))
# pyaot: run averages(np.arange(6.0), np.array([1.0, 0.0, 2.0, 0.0, 1.0, 1.0]))
# pyaot: run averages(np.arange(3.0), np.array([1.0, -1.0, 0.0]))
# pyaot: run copies(np.zeros((2, 3)), np.arange(3.0))
# pyaot: run casts(np.array([1.7, -2.5, 300.0, nan, -1.0]))
import numpy as np
from pyaot import f32, f64, i64, u8


def products(a: f64[:, :], b: f64[:, :], v: f64[:]) -> tuple[f64[:, :], f64[:], f64[:], f64, f64[:, :]]:
    return a @ b, np.dot(a, v), v @ b, np.dot(v, v), np.matmul(a, b)


def int_products(a: i64[:, :], v: i64[:]) -> tuple[i64[:], i64]:
    return a @ v, np.dot(v, v)


def vectors(a: f64[:], b: f64[:]) -> tuple[f64, f64, f64[:, :]]:
    return np.dot(a, b), np.vdot(a, b), np.outer(a, b)


def shapes(m: f64[:, :], k: int) -> tuple[f64, f64[:, :], f64[:, :]]:
    return np.trace(m), np.triu(m, k), np.tril(m, k)


def differences(v: f64[:], t: f64[:, :, :]) -> tuple[f64[:], f64[:], f64[:, :, :], f64[:, :, :], f64[:, :, :]]:
    return np.diff(v), np.diff(v, 2), np.diff(t), np.diff(t, 1, 0), np.diff(t, 2, 1)


def averages(v: f64[:], w: f64[:]) -> tuple[f64, f64]:
    return np.average(v), np.average(v, weights=w)


def copies(m: f64[:, :], r: f64[:]) -> f64[:, :]:
    np.copyto(m, r)
    return m


def casts(a: f64[:]) -> tuple[i64[:], f32[:], u8[:], bool]:
    return a.astype(np.int64), a.astype(np.float32), a.astype(np.uint8), np.result_type(a, 1) == np.float64
