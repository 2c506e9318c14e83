# np.array from (nested) list displays and arrays, asarray, ascontiguousarray; concatenate,
# stack, vstack, hstack (tuples or lists of arrays); sort (NaN last, every axis), argsort (distinct
# values: NumPy's default sort is not stable, pyaot's is), median, unique, searchsorted, roll, tile.
# pyaot: run literals(2.5)
# pyaot: run literals(nan)
# pyaot: run conversions(np.arange(6.0))
# pyaot: run conversions(np.arange(12.0)[::-2])
# pyaot: run joins(np.array([3.0, -1.0, 2.0]), np.arange(4.0))
# pyaot: run joins(np.zeros(0), np.arange(2.0))
# pyaot: run joins2(np.arange(6.0).reshape(2, 3), 0)
# pyaot: run joins2(np.arange(6.0).reshape(2, 3), 1)
# pyaot: run joins2(np.arange(6.0).reshape(2, 3), -1)
# pyaot: run sorting(np.random.default_rng(1).standard_normal(100))
# pyaot: run sorting(np.array([3.0, nan, -1.0, inf, 2.0, -inf, 0.5]))
# pyaot: run sorting(np.array([1.0]))
# pyaot: run sorting2(np.random.default_rng(2).standard_normal((5, 7)))
# pyaot: run uniques(np.array([3.0, 1.0, 3.0, nan, 1.0, nan, -2.0]))
# pyaot: run uniques(np.random.default_rng(3).integers(0, 5, 40).astype(np.float64))
# pyaot: run medians(np.arange(7.0))
# pyaot: run medians(np.arange(8.0)[::-1])
# pyaot: run medians(np.array([1.0, nan, 2.0]))
# pyaot: run medians(np.zeros(0))
# pyaot: run searching(np.array([1.0, 2.0, 2.0, 5.0, nan]), np.array([0.0, 2.0, 3.0, 9.0, nan]))
# pyaot: run rolling(np.arange(10.0), 3)
# pyaot: run rolling(np.arange(10.0), -13)
# pyaot: run rolling(np.zeros(0), 2)
# pyaot: run tiling(np.array([1.0, 2.0]), 3)
# pyaot: run tiling(np.array([1.0, 2.0]), 0)
import numpy as np
from pyaot import f32, f64, i64


def literals(x: float) -> tuple[f64[:], f64[:, :], i64[:], f32[:], f64[:]]:
    return np.array([1.0, x, -3.0]), np.array([[1, 2], [x, 4]]), np.array([1, 2, True]), np.array([2, x], dtype=np.float32), np.array([])


def conversions(a: f64[:]) -> tuple[f64[:], f64[:], f64[:], i64[:]]:
    return np.array(a), np.asarray(a), np.ascontiguousarray(a[::2]), np.array(a, dtype=np.int64)


def joins(a: f64[:], b: f64[:]) -> tuple[f64[:], f64[:, :], f64[:, :], f64[:], f64[:, :]]:
    return np.concatenate((a, b)), np.stack((a, a)), np.vstack([a, a * 2.0]), np.hstack((a, b[::2])), np.stack([a, a], axis=1)


def joins2(m: f64[:, :], axis: int) -> f64[:, :]:
    return np.concatenate((m, m * 10.0), axis=axis)


def sorting(a: f64[:]) -> tuple[f64[:], i64[:], f64[:]]:
    return np.sort(a), np.argsort(a), a[np.argsort(a)]


def sorting2(m: f64[:, :]) -> tuple[f64[:, :], f64[:, :], f64[:]]:
    return np.sort(m), np.sort(m, axis=0), np.sort(m, axis=None)


def uniques(a: f64[:]) -> f64[:]:
    return np.unique(a)


def medians(a: f64[:]) -> f64:
    return np.median(a)


def searching(a: f64[:], v: f64[:]) -> tuple[i64[:], i64]:
    return np.searchsorted(a, v), np.searchsorted(a, 2.0)


def rolling(a: f64[:], k: int) -> f64[:]:
    return np.roll(a, k)


def tiling(a: f64[:], r: int) -> f64[:]:
    return np.tile(a, r)
