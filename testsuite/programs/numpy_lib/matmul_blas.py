# 2-D float products go to the BLAS NumPy uses when it is loaded: every layout (C order,
# transposed, strided, reversed, empty) against NumPy's own product, float64 and float32.
# pyaot: run-close products(np.random.default_rng(1).standard_normal((37, 29)), np.random.default_rng(2).standard_normal((29, 41)))
# pyaot: run-close products(np.random.default_rng(3).standard_normal((1, 5)), np.random.default_rng(4).standard_normal((5, 1)))
# pyaot: run-close products(np.zeros((3, 0)), np.zeros((0, 4)))
# pyaot: run-close products(np.zeros((0, 3)), np.ones((3, 2)))
# pyaot: run-close singles(np.random.default_rng(5).standard_normal((16, 24)).astype(np.float32), np.random.default_rng(6).standard_normal((24, 8)).astype(np.float32))
# pyaot: run-close big(np.random.default_rng(7).standard_normal((260, 300)))
# pyaot: run mismatch(np.zeros((2, 3)), np.zeros((2, 3)))
import numpy as np
from pyaot import f32, f64


def products(a: f64[:, :], b: f64[:, :]) -> tuple[f64[:, :], f64[:, :], f64[:, :], f64[:, :], f64[:, :]]:
    bt = b.T.copy()
    return a @ b, np.dot(a, bt.T), np.matmul(a[::-1], b[:, ::-1]), (a.T.copy().T) @ b, a[:, ::2] @ b[::2]


def singles(a: f32[:, :], b: f32[:, :]) -> tuple[f32[:, :], f32[:, :]]:
    return a @ b, np.dot(b.T, a.T)


def big(m: f64[:, :]) -> tuple[f64[:, :], f64[:, :]]:
    return m @ m.T, m.T @ m


def mismatch(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return a @ b
