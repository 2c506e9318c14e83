# Tuple parameters of exported functions: tuples of numbers, of arrays (borrowed without a copy;
# written through) and nested tuples; a list of the right length is accepted too. A wrong length
# or item type raises TypeError naming the function and the parameter (check lines: CPython
# itself would fail later or not at all).
# pyaot: run add((2, 3))
# pyaot: run add((-9223372036854775807, -1))
# pyaot: run add([4, 5])
# pyaot: run norm2((1.0, 2.0, 2.0), 2)
# pyaot: run norm2((nan, 0.0, 1.0), 1)
# pyaot: run both((np.arange(3.0), np.ones(3)))
# pyaot: run both((np.arange(6.0)[::2], np.arange(3.0)[::-1]))
# pyaot: run scale((np.zeros(3), np.arange(3.0)), 2.0)
# pyaot: run nested((1, (2.5, np.int64(3))))
# pyaot: run shape_of(np.zeros((2, 5)), (5, 2))
# pyaot: check raises(TypeError, m.add, (1,))
# pyaot: check raises(TypeError, m.add, (1, 2, 3))
# pyaot: check raises(TypeError, m.add, 5)
# pyaot: check raises(TypeError, m.add, (1.5, 2))
# pyaot: check raises(TypeError, m.both, (np.arange(3.0), np.arange(3)))
# pyaot: check raises(ValueError, m.scale, (readonly(np.zeros(3)), np.arange(3.0)), 1.0)
import numpy as np
from pyaot import f64, i64


def add(p: tuple[int, int]) -> int:
    return p[0] + p[1]


def norm2(v: tuple[float, float, float], k: int) -> float:
    s = 0.0
    for x in v:
        s += x * x
    return s * k


def both(ab: tuple[f64[:], f64[:]]) -> float:
    a, b = ab
    return float((a * b).sum())


def scale(ab: tuple[f64[:], f64[:]], s: float) -> f64[:]:
    ab[0][:] = ab[1] * s
    return ab[0]


def nested(t: tuple[int, tuple[float, i64]]) -> float:
    return t[0] + t[1][0] + float(t[1][1])


def shape_of(m: f64[:, :], shape: tuple[int, int]) -> f64[:, :]:
    return m.reshape(shape)
