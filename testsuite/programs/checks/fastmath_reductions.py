# Float reductions that `--fastmath` runs in vector lanes (this program is also built with
# --fastmath). The data make every order of evaluation exact (integer-valued sums, powers of two,
# no ties between -0.0 and 0.0), so the reassociated loops must give CPython's results bit for bit.
# pyaot: fastmath
# pyaot: run total(np.arange(0.0))
# pyaot: run total(np.arange(1.0))
# pyaot: run total(np.arange(2.0))
# pyaot: run total(np.arange(3.0))
# pyaot: run total(np.arange(4.0))
# pyaot: run total(np.arange(5.0))
# pyaot: run total(np.arange(6.0))
# pyaot: run total(np.arange(7.0))
# pyaot: run total(np.arange(8.0))
# pyaot: run total(np.arange(9.0))
# pyaot: run total(np.arange(10.0))
# pyaot: run total(np.arange(11.0))
# pyaot: run dot(np.arange(0.0), np.arange(0.0)[::-1].copy())
# pyaot: run dot(np.arange(1.0), np.arange(1.0)[::-1].copy())
# pyaot: run dot(np.arange(2.0), np.arange(2.0)[::-1].copy())
# pyaot: run dot(np.arange(3.0), np.arange(3.0)[::-1].copy())
# pyaot: run dot(np.arange(5.0), np.arange(5.0)[::-1].copy())
# pyaot: run dot(np.arange(8.0), np.arange(8.0)[::-1].copy())
# pyaot: run dot(np.arange(9.0), np.arange(9.0)[::-1].copy())
# pyaot: run largest(np.cos(np.arange(1.0)))
# pyaot: run smallest(np.sin(np.arange(1.0)))
# pyaot: run largest(np.cos(np.arange(2.0)))
# pyaot: run smallest(np.sin(np.arange(2.0)))
# pyaot: run largest(np.cos(np.arange(3.0)))
# pyaot: run smallest(np.sin(np.arange(3.0)))
# pyaot: run largest(np.cos(np.arange(4.0)))
# pyaot: run smallest(np.sin(np.arange(4.0)))
# pyaot: run largest(np.cos(np.arange(5.0)))
# pyaot: run smallest(np.sin(np.arange(5.0)))
# pyaot: run largest(np.cos(np.arange(6.0)))
# pyaot: run smallest(np.sin(np.arange(6.0)))
# pyaot: run largest(np.cos(np.arange(7.0)))
# pyaot: run smallest(np.sin(np.arange(7.0)))
# pyaot: run largest(np.cos(np.arange(9.0)))
# pyaot: run smallest(np.sin(np.arange(9.0)))
# pyaot: run largest(np.cos(np.arange(13.0)))
# pyaot: run smallest(np.sin(np.arange(13.0)))
# pyaot: run product(np.full(0, 2.0))
# pyaot: run drain(np.arange(0.0))
# pyaot: run scaled_sum(np.arange(0.0), np.zeros(0))
# pyaot: run product(np.full(1, 2.0))
# pyaot: run drain(np.arange(1.0))
# pyaot: run scaled_sum(np.arange(1.0), np.zeros(1))
# pyaot: run product(np.full(4, 2.0))
# pyaot: run drain(np.arange(4.0))
# pyaot: run scaled_sum(np.arange(4.0), np.zeros(4))
# pyaot: run product(np.full(7, 2.0))
# pyaot: run drain(np.arange(7.0))
# pyaot: run scaled_sum(np.arange(7.0), np.zeros(7))
# pyaot: run product(np.full(10, 2.0))
# pyaot: run drain(np.arange(10.0))
# pyaot: run scaled_sum(np.arange(10.0), np.zeros(10))
# pyaot: run total(np.arange(20.0)[::2])
# pyaot: run total(np.arange(20.0)[::-1])
# pyaot: run total(np.array([1.0, inf, 2.0, 3.0, 4.0]))
# pyaot: run total(np.array([1.0, inf, 2.0, -inf, 4.0, 5.0]))
# pyaot: run total(np.array([1.0, 2.0, nan, 3.0, 4.0, 5.0]))
# pyaot: run largest(np.array([1.0, nan, 3.0, 2.0, 7.0, nan, 0.5]))
# pyaot: run largest(np.array([nan, 1.0, 3.0, 2.0, 7.0, 0.5]))
# pyaot: run largest(np.array([-inf, -inf, -inf, -inf, -inf]))
# pyaot: run smallest(np.array([1.0, nan, 3.0, -2.0, 7.0, nan, 0.5]))
# pyaot: run smallest(np.array([nan, 1.0, 3.0, 2.0, 7.0, 0.5]))
# pyaot: run smallest(np.arange(12.0)[::-3])
# pyaot: run product(np.array([2.0, 0.5, 4.0, 0.25, 8.0, 1.0, 3.0]))
# pyaot: run product(np.array([2.0, inf, 0.0, 4.0, 1.0, 1.0]))
# pyaot: run count_above(np.arange(10.0), 4.5)
# pyaot: run-msg dot(np.arange(5.0), np.arange(4.0))
# pyaot: run-msg largest(np.zeros(0))
import numpy as np
from pyaot import f64


def total(x: f64[:]) -> float:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def dot(x: f64[:], y: f64[:]) -> float:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def largest(x: f64[:]) -> float:
    m = x[0]
    for i in range(len(x)):
        m = max(m, x[i])
    return m


def smallest(x: f64[:]) -> float:
    m = x[0]
    for i in range(len(x)):
        m = min(m, x[i])
    return m


def product(x: f64[:]) -> float:
    p = 1.0
    for i in range(len(x)):
        p *= x[i]
    return p


def drain(x: f64[:]) -> float:
    left = 1000.0
    for i in range(len(x)):
        left -= x[i]
    return left


def scaled_sum(x: f64[:], out: f64[:]) -> tuple[f64, f64[:]]:
    s = 0.0
    for i in range(len(x)):
        out[i] = 2.0 * x[i]
        s += out[i]
    return s, out


def count_above(x: f64[:], t: float) -> float:
    c = 0.0
    for i in range(len(x)):
        c += float(x[i] > t)
    return c
