# Creating arrays in compiled code and returning them as NumPy arrays: empty, zeros, ones, full,
# the *_like functions, arange and copy, with shapes as ints or tuples and explicit dtypes.
# pyaot: run zeros1(5)
# pyaot: run zeros1(0)
# pyaot: run zeros2(2, 3)
# pyaot: run zeros2(0, 4)
# pyaot: run ones_i32(4)
# pyaot: run ones3(2, 1, 3)
# pyaot: run full_f32(3, 0.1)
# pyaot: run full_f64(2, 2, -0.0)
# pyaot: run full_i8(4, 7)
# pyaot: run squares(6)
# pyaot: run squares(0)
# pyaot: run squares_u16(5)
# pyaot: run empty_filled(4, 2)
# pyaot: run like_zeros(np.arange(6.0).reshape(2, 3))
# pyaot: run like_zeros(np.arange(6.0).reshape(2, 3).T)
# pyaot: run like_ones_int(np.arange(4, dtype=np.int16))
# pyaot: run like_empty(np.arange(5, dtype=np.uint8))
# pyaot: run like_empty(np.arange(10, dtype=np.uint8)[::-3])
# pyaot: run same_dtype(np.arange(3, dtype=np.int32))
# pyaot: run arange_n(7)
# pyaot: run arange_n(0)
# pyaot: run arange_range(-3, 4, 2)
# pyaot: run arange_range(10, 0, -3)
# pyaot: run arange_range(5, 5, 1)
# pyaot: run arange_float(4)
# pyaot: run copy_scaled(np.arange(5.0), 3.0)
# pyaot: run copy_scaled(np.arange(10.0)[::-2], -1.0)
# pyaot: run copy_scaled(np.zeros(0), 2.0)
# pyaot: run copy2(np.arange(6.0).reshape(3, 2).T)
# pyaot: run identity(3)
# pyaot: run identity(1)
# pyaot: run outer(np.array([1.0, 2.0, 3.0]), np.array([-1.0, 0.5]))
# pyaot: run outer(np.zeros(0), np.ones(3))
# pyaot: run linspace_like(0.0, 1.0, 5)
# pyaot: run linspace_like(-2.0, 2.0, 2)
# pyaot: run bools(5, 2)
# pyaot: run counts_u64(np.array([0, 3, 3, 1, 3, 0], dtype=np.int64), 4)
# pyaot: run prefix(np.array([1, 2, 3, 4], dtype=np.int32))
# pyaot: run prefix(np.array([2**31 - 1, 1, 1], dtype=np.int32))
# pyaot: run grid3(2, 3, 2)
import numpy as np
from pyaot import b1, f32, f64, i8, i16, i32, i64, u8, u16, u64


def zeros1(n: int) -> f64[:]:
    return np.zeros(n)


def zeros2(n: int, m: int) -> f64[:, :]:
    return np.zeros((n, m))


def ones_i32(n: int) -> i32[:]:
    return np.ones(n, dtype=np.int32)


def ones3(p: int, q: int, r: int) -> f64[:, :, :]:
    return np.ones((p, q, r), dtype=np.float64)


def full_f32(n: int, v: float) -> f32[:]:
    return np.full(n, v, dtype=np.float32)


def full_f64(n: int, m: int, v: float) -> f64[:, :]:
    return np.full((n, m), v)


def full_i8(n: int, v: int) -> i8[:]:
    return np.full(n, v, dtype=np.int8)


def squares(n: int) -> i64[:]:
    out = np.zeros(n, dtype=np.int64)
    for i in range(n):
        out[i] = i * i
    return out


def squares_u16(n: int) -> u16[:]:
    out = np.empty(n, dtype=np.uint16)
    for i in range(n):
        out[i] = i * i
    return out


def empty_filled(n: int, m: int) -> f64[:, :]:
    out = np.empty((n, m))
    for i in range(n):
        for j in range(m):
            out[i, j] = 0.5 * i - j
    return out


def like_zeros(a: f64[:, :]) -> f64[:, :]:
    return np.zeros_like(a)


def like_ones_int(a: i16[:]) -> i16[:]:
    return np.ones_like(a)


def like_empty(a: u8[:]) -> u8[:]:
    out = np.empty_like(a)
    for i in range(len(a)):
        out[i] = a[i] + a[i]
    return out


def same_dtype(a: i32[:]) -> i32[:]:
    out = np.empty(len(a), dtype=a.dtype)
    for i in range(len(a)):
        out[i] = a[i] * a[i]
    return out


def arange_n(n: int) -> i64[:]:
    return np.arange(n)


def arange_range(start: int, stop: int, step: int) -> i64[:]:
    return np.arange(start, stop, step)


def arange_float(n: int) -> f64[:]:
    return np.arange(n, dtype=np.float64)


def copy_scaled(a: f64[:], k: float) -> f64[:]:
    b = a.copy()
    for i in range(len(b)):
        b[i] *= k
    return b


def copy2(a: f64[:, :]) -> f64[:, :]:
    return a.copy()


def identity(n: int) -> f64[:, :]:
    out = np.zeros((n, n))
    for i in range(n):
        out[i, i] = 1.0
    return out


def outer(x: f64[:], y: f64[:]) -> f64[:, :]:
    out = np.empty((len(x), len(y)))
    for i in range(len(x)):
        for j in range(len(y)):
            out[i, j] = x[i] * y[j]
    return out


def linspace_like(a: float, b: float, n: int) -> f64[:]:
    out = np.empty(n)
    step = (b - a) / (n - 1)
    for i in range(n):
        out[i] = a + i * step
    return out


def bools(n: int, k: int) -> b1[:]:
    out = np.zeros(n, dtype=np.bool_)
    for i in range(0, n, k):
        out[i] = True
    return out


def counts_u64(x: i64[:], nbins: int) -> u64[:]:
    out = np.zeros(nbins, dtype=np.uint64)
    for b in range(nbins):
        for i in range(len(x)):
            if x[i] == b:
                out[b] += 1
    return out


def prefix(a: i32[:]) -> i32[:]:
    out = np.zeros_like(a)
    if len(a) == 0:
        return out
    out[0] = a[0]
    for i in range(1, len(a)):
        out[i] = out[i - 1] + a[i]
    return out


def grid3(p: int, q: int, r: int) -> i64[:, :, :]:
    out = np.zeros((p, q, r), dtype=np.int64)
    for i in range(p):
        for j in range(q):
            for k in range(r):
                out[i, j, k] = 100 * i + 10 * j + k
    return out
