# Stencil kernels: 1-D smoothing, a 2-D five-point Laplacian, one explicit heat step, a 3-D box sum.
# pyaot: run smooth(np.array([0.0, 3.0, 0.0, 3.0, 0.0, 9.0]))
# pyaot: run smooth(np.array([1.0, 2.0]))
# pyaot: run smooth(np.array([1.0]))
# pyaot: run smooth(np.arange(10.0)[::-1])
# pyaot: run smooth(np.sin(np.arange(9.0)))
# pyaot: run laplacian(np.arange(16.0).reshape(4, 4) ** 2)
# pyaot: run laplacian(np.ones((3, 5)))
# pyaot: run laplacian(np.cos(np.arange(20.0)).reshape(5, 4).T)
# pyaot: run laplacian(np.zeros((2, 2)))
# pyaot: run heat_step(np.array([0.0, 0.0, 1.0, 0.0, 0.0]), np.zeros(5), 0.25)
# pyaot: run heat_step(np.linspace(0.0, 1.0, 7) ** 3, np.zeros(7), 0.4)
# pyaot: run heat_step(np.array([1.0, 2.0, 4.0]), np.zeros(6)[::2], 0.5)
# pyaot: run-msg heat_step(np.array([1.0, 2.0, 4.0]), np.zeros(2), 0.5)
# pyaot: run heat_steps(np.array([0.0, 0.0, 8.0, 0.0, 0.0, 0.0]), 3, 0.25)
# pyaot: run heat_steps(np.array([0.0, 1.0, 0.0]), 0, 0.25)
# pyaot: run box3(np.arange(27.0).reshape(3, 3, 3))
# pyaot: run box3(np.arange(64.0).reshape(4, 4, 4).transpose(2, 1, 0))
# pyaot: run box3(np.ones((2, 3, 4)))
# pyaot: run running_mean(np.arange(8.0), 3)
# pyaot: run running_mean(np.array([1.0, nan, 2.0, 3.0]), 2)
# pyaot: run running_mean(np.arange(4.0), 4)
import numpy as np
from pyaot import f64


def smooth(x: f64[:]) -> f64[:]:
    n = len(x)
    out = np.empty(n)
    for i in range(n):
        left = x[i - 1] if i > 0 else x[i]
        right = x[i + 1] if i < n - 1 else x[i]
        out[i] = 0.25 * left + 0.5 * x[i] + 0.25 * right
    return out


def laplacian(u: f64[:, :]) -> f64[:, :]:
    n, m = u.shape
    out = np.zeros((n, m))
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j]
    return out


def heat_step(u: f64[:], out: f64[:], r: float) -> None:
    n = len(u)
    out[0] = u[0]
    out[n - 1] = u[n - 1]
    for i in range(1, n - 1):
        out[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1])


def heat_steps(u: f64[:], steps: int, r: float) -> f64[:]:
    a = u.copy()
    b = np.zeros_like(u)
    for s in range(steps):
        heat_step(a, b, r)
        heat_step(b, a, r)
    return a


def box3(a: f64[:, :, :]) -> f64[:, :, :]:
    p, q, r = a.shape
    out = np.zeros((p, q, r))
    for i in range(p):
        for j in range(q):
            for k in range(r):
                for di in range(-1, 2):
                    for dj in range(-1, 2):
                        ii = i + di
                        jj = j + dj
                        if 0 <= ii < p and 0 <= jj < q:
                            out[i, j, k] += a[ii, jj, k]
    return out


def running_mean(x: f64[:], w: int) -> f64[:]:
    n = len(x) - w + 1
    out = np.zeros(n)
    for i in range(n):
        for k in range(w):
            out[i] += x[i + k]
        out[i] /= w
    return out
