# Unpacking an array into names (`x, y = a`: elements of a 1-D array, rows of a 2-D one; a
# wrong count raises ValueError), and `import numpy as np` repeated inside a function.
# pyaot: run pair(np.array([1.5, -2.0]))
# pyaot: run pair(np.array([1.5]))
# pyaot: run pair(np.arange(3.0))
# pyaot: run rows(np.arange(6.0).reshape(2, 3))
# pyaot: run local_import(np.arange(4.0))
import numpy as np
from pyaot import f64


def pair(a: f64[:]) -> float:
    x, y = a
    return float(x * 10.0 + y)


def rows(m: f64[:, :]) -> f64[:]:
    top, bottom = m
    return top - bottom


def local_import(a: f64[:]) -> float:
    import numpy as np

    return float(np.sum(a))
