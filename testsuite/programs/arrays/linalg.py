# Dense linear algebra by loops: matrix product, matrix-vector product, transpose, LU-free solve
# of a triangular system, and a Gram matrix, on float64 and int64 matrices.
# pyaot: run matmul(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))
# pyaot: run matmul(np.eye(3), np.arange(9.0).reshape(3, 3).T)
# pyaot: run matmul(np.ones((2, 0)), np.ones((0, 3)))
# pyaot: run matmul(np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([[1e16, 1.0], [-1e16, 1.0]]))
# pyaot: run-msg matmul(np.ones((2, 3)), np.ones((2, 3)))
# pyaot: run matmul_int(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2))
# pyaot: run matmul_int(np.full((2, 2), 2**40), np.full((2, 2), 2**40))
# pyaot: run matvec(np.arange(12.0).reshape(4, 3), np.array([1.0, 0.5, -2.0]))
# pyaot: run matvec(np.arange(12.0).reshape(3, 4).T, np.array([1.0, 0.5, -2.0]))
# pyaot: run transpose(np.arange(6.0).reshape(2, 3))
# pyaot: run transpose(np.arange(6.0).reshape(2, 3)[::-1, ::2])
# pyaot: run solve_lower(np.array([[2.0, 0.0, 0.0], [1.0, 4.0, 0.0], [-1.0, 2.0, 5.0]]), np.array([2.0, 9.0, 13.0]))
# pyaot: run gram(np.arange(6.0).reshape(3, 2))
# pyaot: run gram(np.array([[1.0, -1.0, 0.5]]))
# pyaot: run mat_pow_into(np.array([[1, 1], [1, 0]]), 10, np.zeros((2, 2), dtype=np.int64))
# pyaot: run mat_pow_into(np.array([[2, 0], [0, 3]]), 0, np.zeros((2, 2), dtype=np.int64))
# pyaot: run mat_pow_into(np.array([[1, 1], [1, 0]]), 100, np.zeros((2, 2), dtype=np.int64))
import numpy as np
from pyaot import f64, i64


def matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    n, k = a.shape
    k2, m = b.shape
    if k != k2:
        raise ValueError("inner dimensions differ")
    out = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            for p in range(k):
                out[i, j] += a[i, p] * b[p, j]
    return out


def matmul_int(a: i64[:, :], b: i64[:, :]) -> i64[:, :]:
    n, k = a.shape
    m = b.shape[1]
    out = np.zeros((n, m), dtype=np.int64)
    for i in range(n):
        for j in range(m):
            for p in range(k):
                out[i, j] += a[i, p] * b[p, j]
    return out


def matvec(a: f64[:, :], x: f64[:]) -> f64[:]:
    n, m = a.shape
    out = np.zeros(n)
    for i in range(n):
        for j in range(m):
            out[i] += a[i, j] * x[j]
    return out


def transpose(a: f64[:, :]) -> f64[:, :]:
    n, m = a.shape
    out = np.empty((m, n))
    for i in range(n):
        for j in range(m):
            out[j, i] = a[i, j]
    return out


def solve_lower(l: f64[:, :], b: f64[:]) -> f64[:]:
    n = len(b)
    x = np.zeros(n)
    for i in range(n):
        x[i] = b[i]
        for j in range(i):
            x[i] -= l[i, j] * x[j]
        x[i] /= l[i, i]
    return x


def gram(a: f64[:, :]) -> f64[:, :]:
    n, m = a.shape
    g = np.zeros((m, m))
    for i in range(m):
        for j in range(m):
            for k in range(n):
                g[i, j] += a[k, i] * a[k, j]
    return g


def mat_pow_into(a: i64[:, :], e: int, out: i64[:, :]) -> None:
    n = a.shape[0]
    tmp = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        for j in range(n):
            out[i, j] = 1 if i == j else 0
    for s in range(e):
        for i in range(n):
            for j in range(n):
                tmp[i, j] = 0
                for k in range(n):
                    tmp[i, j] += out[i, k] * a[k, j]
        for i in range(n):
            for j in range(n):
                out[i, j] = tmp[i, j]
