# Running totals that start as Python numbers and become fixed-width, as under NumPy 2.
# pyaot: run total(np.arange(10.0))
# pyaot: run total(np.array([0.1, 0.2, 0.3]))
# pyaot: run total_f32(np.arange(5, dtype=np.float32) / np.float32(3))
# pyaot: run count_big(np.array([1, 50, 300, -7], dtype=np.int32), np.int32(10))
# pyaot: run scaled(np.arange(4.0), 0.5)
# The return annotation converts the result: `-> f64` returns np.float64 even when the loop never
# ran (CPython returns the float 0.0 there), `-> float` returns a float (CPython: np.float64).
# pyaot: run total(np.zeros(0))
# pyaot: run total_f32(np.zeros(0, dtype=np.float32))
# pyaot: run total_py(np.zeros(0))
# pyaot: run total_py(np.array([1.5, -2.0]))
# pyaot: run count_py(np.array([3, 4], dtype=np.int32))
# pyaot: run count_py(np.zeros(0, dtype=np.int32))
# pyaot: check type(m.total(np.zeros(0))) is np.float64 and type(m.total_py(np.ones(2))) is float
import numpy as np
from pyaot import f32, f64, i32


def total(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def total_f32(x: f32[:]) -> f32:
    s = 0.0
    for v in x:
        s = s + v
    return s


def count_big(x: i32[:], limit: i32) -> i32:
    n = 0
    for v in x:
        if v > limit:
            n += v
    return n


def scaled(x: f64[:], k: float) -> f64:
    s = 0.0
    for v in x:
        s += v * k
    return s


def total_py(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s += x
    return s


def count_py(a: i32[:]) -> int:
    n = 0
    for x in a:
        n += x
    return n
