# NumPy's operator functions (np.add, np.less, np.bitwise_and, np.logical_and, ...) are the
# operators, with the same promotion and broadcasting, on arrays and scalars; np.repeat.
# pyaot: run arith(np.array([1.5, -2.0, 0.0]), np.array([2.0, 4.0, -1.0]))
# pyaot: run compares(np.array([1.0, nan, 3.0]), 2.0)
# pyaot: run bits(np.array([12, -5, 0], np.int32), np.array([10, 3, -1], np.int32))
# pyaot: run logic(np.array([0.0, 1.0, nan, -2.0]), np.array([True, False, True, False]))
# pyaot: run scalars(7, 2)
# pyaot: run scalars(-7, 0)
# pyaot: run repeats(np.array([[1.0, 2.0], [3.0, 4.0]]), 3)
# pyaot: run repeats(np.array([[1.0, 2.0]]), 0)
import numpy as np
from pyaot import b1, f64, i32, i64


def arith(a: f64[:], b: f64[:]) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return np.add(a, b), np.subtract(a, 1.0), np.multiply(a, b), np.divide(a, b), np.floor_divide(a, b), np.remainder(a, b)


def compares(a: f64[:], t: float) -> tuple[b1[:], b1[:], b1[:], b1[:], b1[:], b1[:]]:
    return np.less(a, t), np.less_equal(a, t), np.greater(a, t), np.greater_equal(a, t), np.equal(a, t), np.not_equal(a, t)


def bits(a: i32[:], b: i32[:]) -> tuple[i32[:], i32[:], i32[:], i32[:]]:
    return np.bitwise_and(a, b), np.bitwise_or(a, b), np.bitwise_xor(a, 7), np.invert(a)


def logic(a: f64[:], m: b1[:]) -> tuple[b1[:], b1[:], b1[:], b1[:]]:
    return np.logical_and(a, m), np.logical_or(a, m), np.logical_xor(a, m), np.logical_not(a)


def scalars(x: int, y: int) -> tuple[i64, b1, i64]:
    return np.add(x, y), np.less(x, y), np.floor_divide(x, y)


def repeats(a: f64[:, :], k: int) -> f64[:]:
    return np.repeat(a, k)
