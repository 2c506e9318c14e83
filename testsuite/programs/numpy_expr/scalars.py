# Arrays with Python and NumPy scalars (NumPy 2: Python scalars are weak, NumPy scalars are not),
# every operator, and the conversions of the scalar, which happen once and before any element
# (so an out-of-range Python int raises OverflowError even for an empty array).
# pyaot: run ops_f(np.array([-2.5, -1.0, 0.0, 0.5, 3.0, nan, inf]), 2.0)
# pyaot: run ops_f(np.array([-2.5, -1.0, 0.0, 0.5, 3.0, nan, inf]), -0.0)
# pyaot: run ops_f(np.array([-2.5, -1.0, 0.0, 0.5, 3.0, nan, inf]), inf)
# pyaot: run ops_f32(np.array([-2.5, 1.0, 0.1], np.float32), 0.1)
# pyaot: run ops_f32(np.array([-2.5, 1.0, 0.1], np.float32), 1e300)
# pyaot: run ops_i(np.array([-7, -1, 0, 5, 2**62], np.int64), 3)
# pyaot: run ops_i(np.array([-7, -1, 0, 5, 2**62], np.int64), -3)
# pyaot: run ops_i(np.array([-7, -1, 0, 5, 2**62], np.int64), 0)
# pyaot: run ops_i(np.array([-2**63, 2**63 - 1], np.int64), -1)
# pyaot: run ops_u8(np.array([0, 1, 200, 255], np.uint8), 7)
# pyaot: run ops_u8(np.array([0, 1, 200, 255], np.uint8), 255)
# pyaot: run ops_u8(np.array([0, 1, 200, 255], np.uint8), 256)
# pyaot: run ops_u8(np.array([0, 1, 200, 255], np.uint8), -1)
# pyaot: run ops_u8(np.zeros(0, np.uint8), 300)
# pyaot: run int_with_float(np.array([1, 2, 3], np.int16), 0.5)
# pyaot: run with_np_scalar(np.array([1, 2, 3], np.int8), np.int64(1000))
# pyaot: run with_np_scalar(np.array([100, 2, 3], np.int8), np.int64(-5))
# pyaot: run f32_with_np(np.array([1.5, 2.25], np.float32), np.float64(0.1))
# pyaot: run scalar_left(np.array([0.5, 2.0, -4.0]), 3.0)
# pyaot: run pow_f(np.array([0.5, 2.0, -4.0, 0.0]), np.array([2.0, -1.0, 0.5, -1.0]))
# pyaot: run pow_i(np.array([2, 3, -4, 0], np.int32), np.array([3, 0, 2, 5], np.int32))
# pyaot: run pow_i(np.array([2, 3], np.int32), np.array([1, -1], np.int32))
# pyaot: run bits(np.array([12, -5, 0], np.int32), np.array([10, 3, -1], np.int32))
# pyaot: run bool_ops(np.array([True, False, True]), np.array([True, True, False]))
# pyaot: run divmod_arrays(np.array([7, -7, 7, -7, 5], np.int64), np.array([2, 2, -2, -2, 0], np.int64))
# pyaot: run divmod_floats(np.array([7.5, -7.5, 7.5, -0.0, 1.0]), np.array([2.0, 2.0, -2.0, 3.0, 0.0]))
import numpy as np
from pyaot import b1, f32, f64, i8, i16, i32, i64, u8


def ops_f(x: f64[:], s: float) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return x + s, x - s, x * s, x / s, x // s, x % s


def ops_f32(x: f32[:], s: float) -> tuple[f32[:], f32[:], f32[:]]:
    return x + s, x * s, x / s


def ops_i(x: i64[:], s: int) -> tuple[i64[:], i64[:], i64[:], f64[:], i64[:], i64[:]]:
    return x + s, x - s, x * s, x / s, x // s, x % s


def ops_u8(x: u8[:], s: int) -> tuple[u8[:], u8[:], u8[:]]:
    return x + s, x - s, x * s


def int_with_float(x: i16[:], s: float) -> f64[:]:
    return x * s


def with_np_scalar(x: i8[:], s: i64) -> i64[:]:
    return x * s


def f32_with_np(x: f32[:], s: f64) -> f64[:]:
    return x + s


def scalar_left(x: f64[:], s: float) -> tuple[f64[:], f64[:], b1[:]]:
    return s - x, s / x, s > x


def pow_f(x: f64[:], y: f64[:]) -> f64[:]:
    return x**y


def pow_i(x: i32[:], y: i32[:]) -> i32[:]:
    return x**y


def bits(x: i32[:], y: i32[:]) -> tuple[i32[:], i32[:], i32[:], i32[:]]:
    return x & y, x | y, x ^ y, ~x


def bool_ops(a: b1[:], b: b1[:]) -> tuple[b1[:], b1[:], b1[:], b1[:]]:
    return a & b, a | b, a ^ b, a == b


def divmod_arrays(x: i64[:], y: i64[:]) -> tuple[i64[:], i64[:]]:
    return x // y, x % y


def divmod_floats(x: f64[:], y: f64[:]) -> tuple[f64[:], f64[:]]:
    return x // y, x % y
