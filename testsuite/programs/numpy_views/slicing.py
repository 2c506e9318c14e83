# Basic indexing gives views: slices with every sign of start, stop and step, ints taking an
# axis (negative too, IndexError outside), None/np.newaxis and `...`, on 1-, 2- and 3-D arrays,
# contiguous or not. Returned views are compared by value; writes through views by the arguments.
# pyaot: run sl(np.arange(7.0), 1, -1, 1)
# pyaot: run sl(np.arange(7.0), -1, -8, -1)
# pyaot: run sl(np.arange(7.0), 10, -10, -3)
# pyaot: run sl(np.arange(7.0), -100, 100, 4)
# pyaot: run sl(np.arange(7.0), 5, 0, -2)
# pyaot: run sl(np.arange(7.0), 2, 2, 1)
# pyaot: run sl(np.arange(7.0), 3, 1, 1)
# pyaot: run sl(np.arange(7.0), 0, 7, 9223372036854775807)
# pyaot: run sl(np.arange(7.0), 6, -100, -9223372036854775808)
# pyaot: run sl(np.arange(7.0), 0, 1, 0)
# pyaot: run sl(np.arange(0.0), 0, 1, 1)
# pyaot: run sl(np.arange(0.0), -1, -5, -1)
# pyaot: run sl(np.arange(20.0)[::3], 1, 7, 2)
# pyaot: run defaults(np.arange(9.0))
# pyaot: run defaults(np.arange(1.0))
# pyaot: run row(np.arange(12.0).reshape(3, 4), 0)
# pyaot: run row(np.arange(12.0).reshape(3, 4), -1)
# pyaot: run row(np.arange(12.0).reshape(3, 4), 3)
# pyaot: run row(np.arange(12.0).reshape(3, 4), -4)
# pyaot: run row(np.arange(12.0).reshape(3, 4).T, 2)
# pyaot: run col(np.arange(12.0).reshape(3, 4), 1)
# pyaot: run col(np.ones((1, 1)), 0)
# pyaot: run col(np.arange(2.0).reshape(1, 2), 0)
# pyaot: run col(np.arange(12.0).reshape(3, 4)[::-1, ::2], -1)
# pyaot: run block(np.arange(30.0).reshape(5, 6))
# pyaot: run block(np.zeros((1, 1)))
# pyaot: run plane(np.arange(24.0).reshape(2, 3, 4), 1)
# pyaot: run plane(np.arange(24.0).reshape(2, 3, 4)[:, ::-1], -2)
# pyaot: run ellipsis(np.arange(24.0).reshape(2, 3, 4))
# pyaot: run newaxes(np.arange(3.0), np.arange(4.0))
# pyaot: run newaxes(np.arange(0.0), np.arange(2.0))
# pyaot: run through_view(np.arange(6.0))
# pyaot: run view_of_view(np.arange(20.0).reshape(4, 5))
# pyaot: run sum_window(np.arange(10.0), 3)
# pyaot: run sum_window(np.arange(10.0), 12)
import numpy as np
from pyaot import f64


def sl(a: f64[:], i: int, j: int, k: int) -> f64[:]:
    return a[i:j:k]


def defaults(a: f64[:]) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return a[2:], a[:-2], a[::2], a[::-1], a[-3::-2]


def row(m: f64[:, :], i: int) -> f64[:]:
    return m[i]


def col(m: f64[:, :], j: int) -> f64[:]:
    return m[:, j]


def block(m: f64[:, :]) -> tuple[f64[:, :], f64[:, :], f64[:]]:
    return m[1:-1, 1:-1], m[::-2, 1::3], m[-1, ::-1]


def plane(t: f64[:, :, :], k: int) -> tuple[f64[:, :], f64[:, :], f64[:]]:
    return t[k], t[:, k], t[0, :, k]


def ellipsis(t: f64[:, :, :]) -> tuple[f64[:, :], f64[:, :], f64[:, :, :], f64[:]]:
    return t[..., 1], t[1, ...], t[...], t[0, ..., 2]


def newaxes(a: f64[:], b: f64[:]) -> tuple[f64[:, :], f64[:, :], f64[:, :, :]]:
    return a[:, None] * b[None, :], a[np.newaxis], a[:, None, np.newaxis]


def through_view(a: f64[:]) -> f64[:]:
    b = a[1::2]
    b[0] = -1.0
    b[-1] *= 10.0
    return a


def view_of_view(m: f64[:, :]) -> f64[:]:
    v = m[1:, ::-1]
    w = v[::2]
    return w[1]


def sum_window(a: f64[:], n: int) -> float:
    s = 0.0
    w = a[n:]
    for i in range(len(w)):
        s += w[i]
    return s
