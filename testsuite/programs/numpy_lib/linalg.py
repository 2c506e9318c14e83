# np.linalg.norm (vector 2-norm, Frobenius norm; integers as float64) from the bundled
# numpy.linalg module. NumPy sums the squares with BLAS, in its own order: run-close lines.
# pyaot: run-close vector(np.random.default_rng(1).standard_normal(1000))
# pyaot: run-close vector(np.array([3.0, 4.0]))
# pyaot: run-close vector(np.array([nan, 1.0]))
# pyaot: run-close vector(np.zeros(0))
# pyaot: run-close matrix(np.random.default_rng(2).standard_normal((20, 30)))
# pyaot: run-close matrix(np.random.default_rng(3).standard_normal((30, 20)).T)
# pyaot: run-close ints(np.arange(5))
# pyaot: run-close single(np.random.default_rng(4).standard_normal(500).astype(np.float32))
import numpy as np
from pyaot import f32, f64, i64


def vector(x: f64[:]) -> f64:
    return np.linalg.norm(x)


def matrix(m: f64[:, :]) -> f64:
    return np.linalg.norm(m)


def ints(x: i64[:]) -> f64:
    return np.linalg.norm(x)


def single(x: f32[:]) -> f32:
    return np.linalg.norm(x)
