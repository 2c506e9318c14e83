"""numpy.linalg functions written in pyaot's Python subset (compiled, never imported).

The compiler resolves `np.linalg.f(...)` to the functions of this file.
"""

import math

import numpy as np


def norm(x):
    """The 2-norm of a vector, the Frobenius norm of a matrix: sqrt of the dot product of the
    flattened values with themselves, as NumPy computes it (integers as float64)."""
    t = np.result_type(x, 1.0).type
    flat = x.ravel()
    s = t(0)
    for i in range(len(flat)):
        v = t(flat[i])
        s += v * v
    return t(math.sqrt(float(s)))
