# Loops whose bounds checks the optimiser removes or versions, at the edges where they must still fire.
# pyaot: run copy_upto(np.arange(5.0), np.zeros(5), 5)
# pyaot: run copy_upto(np.arange(5.0), np.zeros(5), 6)
# pyaot: run copy_upto(np.arange(5.0), np.zeros(3), 5)
# pyaot: run copy_upto(np.arange(3.0), np.zeros(5), 5)
# pyaot: run copy_upto(np.arange(5.0), np.zeros(5), 0)
# pyaot: run copy_upto(np.arange(5.0), np.zeros(5), -3)
# pyaot: run copy_upto(np.arange(6.0)[::2], np.zeros(6)[::2], 3)
# pyaot: run-msg sum_past_end(np.arange(4.0))
# pyaot: run sum_past_end(np.zeros(0))
# pyaot: run backwards(np.arange(5.0), 4, -1)
# pyaot: run backwards(np.arange(5.0), 4, -2)
# pyaot: run-msg backwards(np.arange(5.0), 5, -1)
# pyaot: run backwards(np.arange(5.0), 4, -6)
# pyaot: run-msg backwards(np.arange(5.0), 4, -7)
# pyaot: run backwards(np.arange(5.0), -1, -1)
# pyaot: run strided(np.arange(10.0), 0, 10, 3)
# pyaot: run strided(np.arange(10.0), 1, 11, 3)
# pyaot: run-msg strided(np.arange(10.0), 1, 12, 5)
# pyaot: run strided(np.arange(10.0), 9, -1, -4)
# pyaot: run strided(np.arange(10.0), 9, -12, -4)
# pyaot: run-msg strided(np.arange(10.0), 9, -1, 0)
# pyaot: run strided(np.arange(10.0), 3, 3, 1)
# pyaot: run previous(np.arange(5.0))
# pyaot: run previous(np.array([7.0]))
# pyaot: run next_one(np.arange(5.0), 4)
# pyaot: run-msg next_one(np.arange(5.0), 5)
# pyaot: run shrinking(np.arange(6.0))
# pyaot: run shrinking_while(np.arange(6.0))
# pyaot: run rebound(np.arange(8.0))
# pyaot: run-msg rebound(np.arange(9.0))
# pyaot: run guarded(np.arange(6.0), 4)
# pyaot: run guarded(np.arange(6.0), 9)
# pyaot: run guarded(np.arange(6.0), -2)
# pyaot: run axpy(2.0, np.arange(4.0), np.ones(4))
# pyaot: run-msg axpy(2.0, np.arange(4.0), np.ones(3))
# pyaot: run axpy(2.0, np.arange(4.0), np.ones(5))
# pyaot: run self_axpy(np.arange(5.0))
# pyaot: run shift_left(np.arange(6.0))
# pyaot: run matmul(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))
# pyaot: run-msg matmul(np.arange(6.0).reshape(2, 3), np.arange(8.0).reshape(2, 4))
# pyaot: run matmul(np.arange(6.0).reshape(2, 3), np.arange(16.0).reshape(4, 4))
# pyaot: run matmul(np.zeros((0, 3)), np.ones((3, 2)))
# pyaot: run matmul(np.arange(12.0).reshape(4, 3)[::2], np.arange(12.0).reshape(3, 4).T.copy().T)
# pyaot: run-msg fill_rows(np.zeros((3, 4)), 5)
# pyaot: run fill_rows(np.zeros((3, 4)), 4)
# pyaot: run-msg fill_rows(np.zeros((3, 4)), 3)
# pyaot: run window_sums(np.arange(10.0), 3)
# pyaot: run window_sums(np.arange(3.0), 3)
# pyaot: run-msg window_sums(np.arange(3.0), 4)
# pyaot: run triangle(np.arange(16.0).reshape(4, 4))
# pyaot: run gather(np.arange(5.0), np.array([0, 4, -1, -5]))
# pyaot: run-msg gather(np.arange(5.0), np.array([0, 5]))
# pyaot: run-msg gather(np.arange(5.0), np.array([1, -6]))
import numpy as np
from pyaot import f64, i64


def copy_upto(src: f64[:], dst: f64[:], n: int) -> float:
    total = 0.0
    for i in range(n):
        dst[i] = src[i] * 2.0
        total += dst[i]
    return total


def sum_past_end(x: f64[:]) -> float:
    total = 0.0
    for i in range(len(x) + 1):
        total += x[i]
    return total


def backwards(x: f64[:], start: int, stop: int) -> f64[:]:
    out = np.zeros(len(x))
    k = 0
    for i in range(start, stop, -1):
        out[k] = x[i]
        k += 1
    return out


def strided(x: f64[:], start: int, stop: int, step: int) -> float:
    total = 0.0
    for i in range(start, stop, step):
        total = total * 2.0 + x[i]
    return total


def previous(x: f64[:]) -> f64[:]:
    out = np.empty(len(x))
    for i in range(len(x)):
        out[i] = x[i - 1]
    return out


def next_one(x: f64[:], n: int) -> float:
    total = 0.0
    for i in range(n):
        total += x[i + 1]
    return total


def shrinking(x: f64[:]) -> float:
    n = len(x)
    total = 0.0
    for i in range(n):
        n -= 1
        total += x[i] * n
    return total


def shrinking_while(x: f64[:]) -> float:
    n = len(x)
    i = 0
    total = 0.0
    while i < n:
        total += x[i] + x[n - 1]
        n -= 1
        i += 1
    return total


def rebound(x: f64[:]) -> float:
    total = 0.0
    for i in range(len(x)):
        i = 2 * i
        if i < 16:
            total += x[i]
    return total


def guarded(x: f64[:], m: int) -> float:
    total = 0.0
    for i in range(len(x)):
        if i < m:
            total += x[i]
        if i >= m and i < len(x):
            total -= x[i]
    return total


def axpy(a: float, x: f64[:], y: f64[:]) -> f64[:]:
    for i in range(len(x)):
        y[i] += a * x[i]
    return y


def self_axpy(x: f64[:]) -> f64[:]:
    return axpy(0.5, x, x)


def shift_left(x: f64[:]) -> f64[:]:
    for i in range(len(x) - 1):
        x[i] = x[i + 1]
    return x


def matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    n = a.shape[0]
    k = a.shape[1]
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for p in range(k):
            aip = a[i, p]
            for j in range(m):
                c[i, j] += aip * b[p, j]
    return c


def fill_rows(u: f64[:, :], m: int) -> None:
    for i in range(u.shape[0]):
        for j in range(m):
            u[i, j] = i * 10.0 + j


def window_sums(x: f64[:], w: int) -> f64[:]:
    n = len(x)
    out = np.zeros(n - w + 1)
    for i in range(n - w + 1):
        acc = 0.0
        for j in range(w):
            acc += x[i + j]
        out[i] = acc
    return out


def triangle(u: f64[:, :]) -> float:
    total = 0.0
    n = u.shape[0]
    for i in range(n):
        for j in range(i + 1, n):
            total += u[i, j] - u[j, i]
    return total


def gather(x: f64[:], idx: i64[:]) -> f64[:]:
    out = np.zeros(len(idx))
    for i in range(len(idx)):
        out[i] = x[idx[i]]
    return out
