# NumPy's element-wise functions on arrays and scalars: float64 results of the C library's
# functions (what NumPy computes on this machine kind), NaN and infinities instead of errors,
# integer inputs converted as NumPy resolves them (int16 to float32, wider to float64), and the
# dtype-preserving ones (abs, sign, square, maximum, minimum, clip, where, floor of ints).
# pyaot: run floats(np.array([-1.5, 0.0, -0.0, 0.5, 2.0, nan, inf, -inf, 1e300, 5e-324]))
# pyaot: run floats(np.linspace(-3.0, 3.0, 13))
# pyaot: run floats(np.zeros(0))
# pyaot: run inverse(np.array([-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, nan]))
# pyaot: run rounding(np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, -0.0, nan, 1e300]))
# pyaot: run rounding32(np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.3, nan], np.float32))
# pyaot: run ints(np.array([-4, 0, 9, -2147483648, 2147483647], np.int32))
# pyaot: run ints16(np.array([-4, 0, 9, 16], np.int16))
# pyaot: run pairs(np.array([-1.5, 0.0, -0.0, 2.0, nan, inf]), np.array([1.0, -0.0, 0.0, 2.0, 3.0, nan]))
# pyaot: run pairs(np.arange(6.0).reshape(2, 3)[0], np.array([2.0]))
# pyaot: run choose(np.array([1.0, -2.0, 3.0, nan]), np.array([0.0, 0.0, 5.0, 1.0]))
# pyaot: run int_extremes(np.array([5, -3, 9], np.int64), np.array([-7, -3, 10], np.int64))
# pyaot: run int_extremes(np.array([-9223372036854775808], np.int64), np.array([9223372036854775807], np.int64))
# pyaot: run u64_extremes(np.array([0, 18446744073709551615], np.uint64), np.array([1, 1], np.uint64))
# pyaot: run scalars(2.0, 3)
# pyaot: run scalars(-1.0, -7)
# pyaot: run scalars(nan, 0)
# pyaot: run in_place(np.array([1.0, 4.0, 9.0]))
# pyaot: run fused(np.linspace(0.0, 1.0, 11))
# pyaot: run squares32(np.arange(5, dtype=np.float32) * np.float32(0.7))
import numpy as np
from pyaot import b1, f32, f64, i16, i32, i64, u64


def floats(a: f64[:]) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return np.sqrt(a), np.exp(a), np.log(a), np.log10(a), np.sin(a), np.cos(a), np.arctan(a), np.expm1(a)


def inverse(a: f64[:]) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return np.arcsin(a), np.arccos(a), np.arctanh(a), np.arcsinh(a), np.log1p(a), np.log2(a)


def rounding(a: f64[:]) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return np.floor(a), np.ceil(a), np.trunc(a), np.rint(a), np.fabs(a), np.abs(a), np.sign(a)


def rounding32(a: f32[:]) -> tuple[f32[:], f32[:], f32[:], f32[:], f32[:], f32[:]]:
    return np.floor(a), np.ceil(a), np.rint(a), np.sqrt(a), abs(a), np.sign(a)


def ints(a: i32[:]) -> tuple[f64[:], i32[:], i32[:], i32[:], i32[:], b1[:]]:
    return np.sqrt(a), np.abs(a), np.sign(a), np.square(a), np.floor(a), np.isnan(a)


def ints16(a: i16[:]) -> tuple[f32[:], f32[:]]:
    return np.sqrt(a), np.exp(a)


def pairs(a: f64[:], b: f64[:]) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return np.maximum(a, b), np.minimum(a, b), np.fmax(a, b), np.fmin(a, b), np.arctan2(a, b), np.hypot(a, b), np.copysign(a, b)


def choose(a: f64[:], b: f64[:]) -> tuple[f64[:], f64[:], b1[:], b1[:], b1[:], f64[:]]:
    return np.where(a > b, a, b), np.clip(a, -1.0, 2.0), np.isnan(a), np.isinf(b), np.isfinite(a), np.power(a, 2.0)


def int_extremes(a: i64[:], b: i64[:]) -> tuple[i64[:], i64[:], i64[:], i64[:]]:
    return np.maximum(a, b), np.minimum(a, b), np.clip(a, -5, 5), np.where(a > b, a, 0)


def u64_extremes(a: u64[:], b: u64[:]) -> tuple[u64[:], u64[:]]:
    return np.maximum(a, b), np.minimum(a, b)


def scalars(x: float, n: int) -> tuple[f64, f64, i64, f64, f64, b1]:
    return np.sqrt(x), np.exp(n), np.abs(n), np.maximum(x, 2.0), np.floor(x), np.isnan(x)


def in_place(a: f64[:]) -> f64[:]:
    a[:] = np.sqrt(a)
    a += np.log(a)
    return a


def fused(t: f64[:]) -> f64[:]:
    return np.sqrt(np.sin(t) ** 2 + np.cos(t) ** 2) * np.exp(-t) + np.maximum(t, 0.5)


def squares32(x: f32[:]) -> f32[:]:
    return np.square(x - np.float32(1.0)) + np.square(np.sqrt(x))
