# The shape-typed `np.ndarray[tuple[int, ...], np.dtype[...]]` annotation that type checkers
# accept is the same array type as f64[:, :] (its number of dimensions is known).
# pyaot: run total(np.arange(6.0).reshape(2, 3))
# pyaot: run total(np.arange(6.0).reshape(3, 2).T)
# pyaot: run count(np.array([1, -2, 3], np.int32))
# pyaot: check raises(TypeError, m.total, np.arange(3.0))
import numpy as np


def total(a: np.ndarray[tuple[int, int], np.dtype[np.float64]]) -> float:
    return float(a.sum())


def count(a: np.ndarray[tuple[int], np.dtype[np.int32]]) -> int:
    n = 0
    for x in a:
        if x > 0:
            n += 1
    return n
