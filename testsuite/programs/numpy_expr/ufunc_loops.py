# The float loop NumPy picks for a float function of integer operands: the first one every operand
# casts to safely (float32 for int8 with uint16, float64 once an operand is 32 bits or wider),
# never narrower than a Python float operand asks. fmax and fmin of integers are integer loops.
# pyaot: run mixed(np.array([1, -2, 3, 0], np.int8), np.array([5, 0, 7, 65535], np.uint16))
# pyaot: run wide(np.array([1, -2, 3], np.int8), np.array([1, 2, -3], np.int32))
# pyaot: run weak(np.array([1, 2, 255], np.uint8), np.array([-4, 0, 9], np.int16))
import numpy as np
from pyaot import f32, f64, i8, i16, i32, u8, u16


def mixed(a: i8[:], b: u16[:]) -> tuple[f32[:], f32[:], f32[:]]:
    return np.copysign(a, b), np.arctan2(a, b), np.hypot(b, a)


def wide(a: i8[:], b: i32[:]) -> tuple[f64[:], i32[:]]:
    return np.copysign(a, b), np.fmax(a, b)


def weak(a: u8[:], b: i16[:]) -> tuple[f64[:], f32[:], i16[:]]:
    return np.arctan2(a, 1.5), np.copysign(a, b), np.fmin(b, a)
