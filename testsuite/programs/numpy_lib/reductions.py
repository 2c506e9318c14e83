# Reductions from stdlib/lib/numpy.py against NumPy: sum (pairwise, so contiguous float inputs
# give NumPy's bits), prod, min, max, argmin, argmax, mean, var, std, any, all, cumsum, cumprod,
# as functions and as methods, with axis= (negative too) and dtype=, on every kind of dtype,
# empty arrays, NaN, and non-contiguous inputs.
# pyaot: run-close mean_dtype(np.random.default_rng(9).standard_normal((6, 5)))
# pyaot: run sums(np.random.default_rng(1).standard_normal(1))
# pyaot: run sums(np.random.default_rng(2).standard_normal(7))
# pyaot: run sums(np.random.default_rng(3).standard_normal(9))
# pyaot: run sums(np.random.default_rng(4).standard_normal(129))
# pyaot: run sums(np.random.default_rng(5).standard_normal(4097))
# pyaot: run sums(np.random.default_rng(6).standard_normal(100)[::3])
# pyaot: run sums(np.zeros(0))
# pyaot: run sums(np.array([-0.0]))
# pyaot: run sums(np.array([1.0, nan, inf]))
# pyaot: run sums32(np.random.default_rng(7).standard_normal(1000).astype(np.float32))
# pyaot: run sums_int(np.array([100, 100, 100, -128], np.int8))
# pyaot: run sums_int(np.zeros(0, np.int8))
# pyaot: run sums_uint(np.array([250, 250], np.uint8))
# pyaot: run sums_bool(np.array([True, False, True]))
# pyaot: run grid(np.random.default_rng(8).standard_normal((37, 53)), 0)
# pyaot: run grid(np.random.default_rng(9).standard_normal((37, 53)), 1)
# pyaot: run grid(np.random.default_rng(10).standard_normal((4, 5)), -1)
# pyaot: run grid(np.random.default_rng(11).standard_normal((4, 5)), -2)
# pyaot: run grid(np.zeros((0, 3)), 0)
# pyaot: run grid(np.zeros((0, 3)), 1)
# pyaot: run cube(np.random.default_rng(12).standard_normal((3, 4, 5)), 0)
# pyaot: run cube(np.random.default_rng(13).standard_normal((3, 4, 5)), 1)
# pyaot: run cube(np.random.default_rng(14).standard_normal((3, 4, 5)), 2)
# pyaot: run extremes(np.array([3.0, -1.0, 7.5, 2.0, -1.0, 7.5]))
# pyaot: run extremes(np.array([1.0, nan, 3.0, nan]))
# pyaot: run extremes(np.array([nan]))
# pyaot: run extremes(np.array([-0.0, 0.0]))
# pyaot: run extremes(np.zeros(0))
# pyaot: run extremes_int(np.array([5, -3, 9, 9, -3], np.int32))
# pyaot: run extremes_axis(np.array([[3.0, 1.0, 2.0], [0.5, 4.0, 2.0]]))
# pyaot: run stats(np.random.default_rng(15).standard_normal(64))
# pyaot: run stats(np.arange(5.0))
# pyaot: run stats_int(np.arange(10, dtype=np.int16))
# pyaot: run stats_axis(np.arange(12.0).reshape(3, 4))
# pyaot: run truth(np.array([0.0, 0.0]))
# pyaot: run truth(np.array([0.0, nan]))
# pyaot: run truth(np.zeros(0))
# pyaot: run truth(np.ones(2))
# pyaot: run truth_axis(np.array([[0.0, 1.0, nan], [0.0, 0.0, 2.0]]), 0)
# pyaot: run truth_axis(np.array([[0.0, 1.0, nan], [0.0, 0.0, 2.0]]), -1)
# pyaot: run truth_axis(np.zeros((0, 3)), 0)
# pyaot: run arg_cube(np.random.default_rng(16).standard_normal((2, 3, 4)), 1)
# pyaot: run arg_cube(np.random.default_rng(17).standard_normal((2, 3, 4)), -1)
# pyaot: run running(np.arange(1.0, 7.0).reshape(2, 3))
# pyaot: run running(np.zeros((0, 3)))
# pyaot: run running(np.array([[-0.0, -0.0], [nan, 1.0]]))
# pyaot: run running(np.array([[-0.0]]))
# pyaot: run running_int(np.array([[100, 100], [100, 100]], np.int8))
# pyaot: run products(np.arange(1.0, 7.0).reshape(2, 3))
# pyaot: run with_dtype(np.array([100, 100, 100], np.int8))
# pyaot: check raises(ValueError, m.grid, np.zeros((2, 2)), 2)
# pyaot: check raises(ValueError, m.grid, np.zeros((2, 2)), -3)
import numpy as np
from pyaot import b1, f32, f64, i8, i16, i32, i64, u8, u64


def sums(a: f64[:]) -> tuple[f64, f64, f64]:
    return np.sum(a), a.sum(), np.sum(a, axis=0)


def sums32(a: f32[:]) -> tuple[f32, f32]:
    return np.sum(a), a.mean()


def sums_int(a: i8[:]) -> tuple[i64, i64]:
    return np.sum(a), a.prod()


def sums_uint(a: u8[:]) -> u64:
    return a.sum()


def sums_bool(a: b1[:]) -> i64:
    return a.sum()


def grid(m: f64[:, :], axis: int) -> tuple[f64, f64[:], f64[:], f64[:]]:
    return m.sum(), np.sum(m, axis=axis), m.sum(axis), m.T.sum(axis=axis)


def cube(t: f64[:, :, :], axis: int) -> tuple[f64, f64[:, :], f64[:, :]]:
    return t.sum(), t.sum(axis=axis), t.prod(axis=axis)


def extremes(a: f64[:]) -> tuple[f64, f64, i64, i64]:
    return a.min(), np.max(a), np.argmin(a), a.argmax()


def extremes_int(a: i32[:]) -> tuple[i32, i32, i64, i64]:
    return np.min(a), a.max(), a.argmin(), np.argmax(a)


def extremes_axis(m: f64[:, :]) -> tuple[f64[:], f64[:], i64[:], i64[:]]:
    return m.min(axis=0), np.max(m, axis=1), m.argmin(axis=1), np.argmax(m, axis=0)


def stats(a: f64[:]) -> tuple[f64, f64, f64, f64]:
    return a.mean(), np.var(a), a.std(), np.std(a, ddof=1)


def stats_int(a: i16[:]) -> tuple[f64, f64, f64]:
    return np.mean(a), a.var(), np.std(a)


def stats_axis(m: f64[:, :]) -> tuple[f64[:], f64[:], f64[:], f64[:]]:
    return m.mean(axis=0), np.mean(m, axis=1), m.var(axis=0), np.std(m, axis=1)


def truth(a: f64[:]) -> tuple[b1, b1]:
    return np.any(a), a.all()


def truth_axis(m: f64[:, :], axis: int) -> tuple[b1[:], b1[:]]:
    return np.any(m, axis=axis), m.all(axis=axis)


def arg_cube(t: f64[:, :, :], axis: int) -> tuple[i64[:, :], i64[:, :]]:
    return t.argmax(axis=axis), np.argmin(t, axis=axis)


def running(m: f64[:, :]) -> tuple[f64[:], f64[:, :], f64[:, :], f64[:]]:
    return np.cumsum(m), m.cumsum(axis=0), np.cumprod(m, axis=1), m.cumprod()


def running_int(m: i8[:, :]) -> tuple[i64[:], i64[:, :]]:
    return m.cumsum(), np.cumsum(m, axis=1)


def products(m: f64[:, :]) -> tuple[f64, f64[:], f64[:]]:
    return m.prod(), np.prod(m, axis=0), m.prod(axis=-1)


def with_dtype(a: i8[:]) -> tuple[i8, f32, f64[:]]:
    return np.sum(a, dtype=np.int8), a.sum(dtype=np.float32), np.cumsum(a, dtype=np.float64)


def mean_dtype(a: f64[:, :]) -> tuple[f32, f32[:], f32, f32[:]]:
    return np.mean(a, dtype=np.float32), a.mean(axis=0, dtype=np.float32), np.std(a, dtype=np.float32), np.var(a, axis=1, dtype=np.float32)
