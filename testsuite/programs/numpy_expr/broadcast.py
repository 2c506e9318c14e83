# Element-wise operators with NumPy's broadcasting: size-1 axes, missing leading axes, empty
# arrays, non-contiguous and reversed inputs, and shapes that do not broadcast (ValueError).
# pyaot: run add21(np.arange(6.0).reshape(2, 3), np.arange(3.0))
# pyaot: run add2(np.arange(6.0).reshape(2, 3), np.arange(2.0).reshape(2, 1))
# pyaot: run add2(np.arange(3.0).reshape(1, 3), np.arange(2.0).reshape(2, 1))
# pyaot: run add21(np.arange(6.0).reshape(2, 3), np.arange(3.0)[::-1])
# pyaot: run add21(np.arange(24.0).reshape(4, 6)[::2, 1::2], np.arange(3.0))
# pyaot: run add21(np.arange(24.0).reshape(4, 6).T[::-2], np.arange(4.0))
# pyaot: run add21(np.zeros((0, 3)), np.arange(3.0))
# pyaot: run add21(np.zeros((0, 3)), np.arange(1.0))
# pyaot: run add2(np.zeros((2, 0)), np.zeros((1, 0)))
# pyaot: run add21(np.arange(6.0).reshape(2, 3), np.arange(2.0))
# pyaot: run add21(np.arange(6.0).reshape(2, 3), np.arange(0.0))
# pyaot: run add2(np.zeros((0, 3)), np.zeros((2, 1)))
# pyaot: run three(np.arange(24.0).reshape(2, 3, 4), np.arange(12.0).reshape(3, 4), np.arange(4.0))
# pyaot: run three(np.arange(24.0).reshape(2, 3, 4), np.arange(3.0).reshape(3, 1), np.ones(1))
# pyaot: run three(np.arange(24.0).reshape(2, 3, 4), np.arange(3.0).reshape(1, 3), np.ones(1))
# pyaot: run rowdiff(np.arange(12).reshape(3, 4), np.arange(4))
# pyaot: run mixed_ranks(np.arange(5.0), np.arange(10.0).reshape(2, 5), 0.5)
# pyaot: run same_array(np.arange(5.0))
# pyaot: run same_array(np.arange(10.0)[::3])
# pyaot: run compare(np.arange(6.0).reshape(2, 3), np.arange(3.0)[::-1])
# pyaot: run compare(np.array([[nan, 1.0, -0.0]]), np.array([0.0, nan, 0.0]))
# pyaot: run negate(np.arange(6, dtype=np.int8).reshape(3, 2)[::-1])
# pyaot: run negate(np.array([[-128, 127]], np.int8))
# pyaot: run invert(np.array([0, 1, 255], np.uint8), np.array([True, False, True]))
import numpy as np
from pyaot import b1, f64, i8, i64, u8


def add2(x: f64[:, :], y: f64[:, :]) -> f64[:, :]:
    return x + y


def add21(x: f64[:, :], y: f64[:]) -> f64[:, :]:
    return x + y


def three(x: f64[:, :, :], y: f64[:, :], z: f64[:]) -> f64[:, :, :]:
    return x * y - z / 2.0


def rowdiff(m: i64[:, :], r: i64[:]) -> i64[:, :]:
    return m - r


def mixed_ranks(v: f64[:], m: f64[:, :], s: float) -> f64[:, :]:
    return (v + m) * s - v


def same_array(x: f64[:]) -> f64[:]:
    return x * x + x


def compare(x: f64[:, :], y: f64[:]) -> b1[:, :]:
    return x < y


def negate(x: i8[:, :]) -> i8[:, :]:
    return -x


def invert(x: u8[:], b: b1[:]) -> tuple[u8[:], b1[:]]:
    return ~x, ~b
