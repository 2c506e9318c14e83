# Code that branches on what is known at compile time: a.dtype and np scalar types as values
# (compared, passed as dtype=, a.dtype.type(x) converting), `x is None` for optional
# parameters, and `a.ndim` tests; only the branch taken for the call's types is compiled, as
# only it runs under CPython.
# pyaot: run total(np.arange(5.0))
# pyaot: run total32(np.arange(5.0, dtype=np.float32))
# pyaot: run total_i(np.array([100, 100, 100], np.int8))
# pyaot: run total_u(np.array([200, 200], np.uint8))
# pyaot: run scaled(np.arange(3.0), None)
# pyaot: run scaled(np.arange(3.0), 2.5)
# pyaot: run rank_name(np.zeros(3))
# pyaot: run rank_name2(np.zeros((3, 2)))
# pyaot: run same_kind(np.zeros(2), np.ones(2, np.float32))
# pyaot: run like(np.arange(4, dtype=np.int16))
import numpy as np
from pyaot import f32, f64, i8, i16, i64, u8, u64


def _acc_type(d):
    if d == np.float32 or d == np.float64:
        return d.type
    if d == np.uint8 or d == np.uint16 or d == np.uint32 or d == np.uint64:
        return np.uint64
    return np.int64


def _total(a):
    t = _acc_type(a.dtype)
    s = t(0)
    for i in range(len(a)):
        s += t(a[i])
    return s


def total(a: f64[:]) -> f64:
    return _total(a)


def total32(a: f32[:]) -> f32:
    return _total(a)


def total_i(a: i8[:]) -> i64:
    return _total(a)


def total_u(a: u8[:]) -> u64:
    return _total(a)


def _scale(a, factor=None):
    if factor is None:
        return a * 1.0
    return a * factor


def scaled(a: f64[:], k: float) -> f64[:]:
    if k > 0.0:
        return _scale(a, k)
    return _scale(a)


def _rank(a):
    if a.ndim == 1:
        return 1
    elif a.ndim == 2 and a.dtype == np.float64:
        return 20
    return 0


def rank_name(a: f64[:]) -> int:
    return _rank(a)


def rank_name2(a: f64[:, :]) -> int:
    return _rank(a)


def same_kind(a: f64[:], b: f32[:]) -> tuple[bool, bool, bool]:
    return a.dtype == b.dtype, a.dtype != np.float32, b.dtype == np.float32


def like(a: i16[:]) -> i16[:]:
    out = np.zeros(len(a), dtype=a.dtype)
    for i in range(len(a)):
        out[i] = a.dtype.type(a[i] * 2)
    return out
