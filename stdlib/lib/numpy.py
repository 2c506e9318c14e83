"""NumPy functions written in pyaot's Python subset.

The compiler resolves `import numpy as np` in a user's module to this file. Each function is a
helper specialised for the argument types of each call and must return what NumPy returns (the
test suite compares them with NumPy on the same inputs). This file is compiled, never imported:
CPython runs the real NumPy.
"""

import numpy as np


def linspace(start, stop, num=50, endpoint=True):
    """`num` evenly spaced float64 values from `start` to `stop`, computed as NumPy computes them."""
    if num < 0:
        raise ValueError("Number of samples must be non-negative.")
    lo = float(start)
    hi = float(stop)
    div = num - 1 if endpoint else num
    delta = hi - lo
    out = np.empty(num)
    if div > 0:
        step = delta / div
        if step == 0.0:
            for i in range(num):
                out[i] = i / div * delta + lo
        else:
            for i in range(num):
                out[i] = i * step + lo
    else:
        for i in range(num):
            out[i] = i * delta + lo
    if endpoint and num > 1:
        out[num - 1] = hi
    return out
