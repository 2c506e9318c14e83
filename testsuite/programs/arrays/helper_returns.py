# A helper that returns a new (contiguous) array on one path and its strided argument on
# another returns strided arrays (found by the differential fuzzer, which had the second kind
# of return refused as a type mismatch).
# pyaot: run first_new(np.arange(6.0)[::2], True)
# pyaot: run first_new(np.arange(6.0)[::2], False)
# pyaot: run first_strided(np.arange(6.0)[::-1], True)
# pyaot: run first_strided(np.arange(6.0)[::-1], False)
import numpy as np
from pyaot import f64


def _new_or_same(a, flag):
    if flag:
        return a * 2.0
    return a


def _same_or_new(a, flag):
    if flag:
        return a
    return a * 2.0


def first_new(a: f64[:], flag: bool) -> f64[:]:
    return _new_or_same(a, flag)


def first_strided(a: f64[:], flag: bool) -> f64[:]:
    return _same_or_new(a, flag)
