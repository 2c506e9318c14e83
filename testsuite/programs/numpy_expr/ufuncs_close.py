# The functions whose last bits depend on the machine (NumPy computes float32 transcendental
# functions and tanh with its own SIMD code, and float products with BLAS): compared with NumPy
# to a relative 1e-12 (float64) or 4 ulps (float32).
# pyaot: run-close f32_funcs(np.linspace(-3.0, 3.0, 41).astype(np.float32))
# pyaot: run-close f32_funcs(np.array([nan, inf, -inf, 0.0, -0.0, 1e-30, 88.0, -103.0], np.float32))
# pyaot: run-close tanh(np.linspace(-20.0, 20.0, 101))
# pyaot: run-close tanh(np.array([nan, inf, -inf, 0.0, -0.0, 1e-300]))
# pyaot: run-close products(np.random.default_rng(3).standard_normal((17, 9)), np.random.default_rng(4).standard_normal(9))
# pyaot: run-close sums(np.random.default_rng(5).standard_normal((33, 21)))
import numpy as np
from pyaot import f32, f64


def f32_funcs(a: f32[:]) -> tuple[f32[:], f32[:], f32[:], f32[:], f32[:], f32[:], f32[:]]:
    return np.exp(a), np.log(np.abs(a)), np.sin(a), np.cos(a), np.tanh(a), np.arctan(a), np.expm1(a)


def tanh(a: f64[:]) -> f64[:]:
    return np.tanh(a)


def products(m: f64[:, :], v: f64[:]) -> tuple[f64[:], f64, f64[:, :]]:
    return m @ v, np.dot(v, v), m @ m.T


def sums(m: f64[:, :]) -> tuple[f64, f64[:], f64[:], f64, f64[:]]:
    return m[::2, ::-1].sum(), m.T.sum(axis=1), m[:, ::3].sum(axis=0), m.T.std(), m.mean(axis=1)
