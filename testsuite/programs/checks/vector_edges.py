# Element-wise loops the optimiser runs two elements at a time: every length around the vector
# width, strided and reversed views, and arrays that overlap (where the vector copy must not run,
# or must give what the element-by-element loop gives).
# pyaot: run axpy(2.0, np.arange(0.0), np.ones(0))
# pyaot: run axpy(2.0, np.arange(1.0), np.ones(1))
# pyaot: run axpy(2.0, np.arange(2.0), np.ones(2))
# pyaot: run axpy(2.0, np.arange(3.0), np.ones(3))
# pyaot: run axpy(2.0, np.arange(4.0), np.ones(4))
# pyaot: run axpy(2.0, np.arange(5.0), np.ones(5))
# pyaot: run axpy(2.0, np.arange(6.0), np.ones(6))
# pyaot: run axpy(2.0, np.arange(7.0), np.ones(7))
# pyaot: run axpy(2.0, np.arange(8.0), np.ones(8))
# pyaot: run axpy(2.0, np.arange(9.0), np.ones(9))
# pyaot: run axpy(2.0, np.arange(10.0), np.ones(10))
# pyaot: run axpy(2.0, np.arange(11.0), np.ones(11))
# pyaot: run recurrence(np.arange(16.0), 4)
# pyaot: run recurrence(np.arange(16.0), 5)
# pyaot: run axpy(0.5, np.linspace(-1.0, 1.0, 17), np.cos(np.arange(17.0)))
# pyaot: run axpy(2.0, np.arange(10.0)[::2], np.ones(10)[::-2])
# pyaot: run axpy(-1.0, np.array([inf, nan, -0.0, 1e308, 5e-324]), np.array([1.0, 2.0, 0.0, 1e308, 5e-324]))
# pyaot: run-msg axpy(2.0, np.arange(5.0), np.ones(4))
# pyaot: run recurrence(np.arange(9.0), 1)
# pyaot: run recurrence(np.arange(9.0), 2)
# pyaot: run recurrence(np.arange(9.0), 3)
# pyaot: run backward_shift(np.arange(9.0), 1)
# pyaot: run backward_shift(np.arange(9.0), 2)
# pyaot: run in_place(np.arange(7.0))
# pyaot: run in_place(np.arange(12.0).reshape(3, 4)[:, 1])
# pyaot: run blend(np.arange(6.0), np.arange(6.0)[::-1].copy(), np.zeros(6), 0.25)
# pyaot: run blend(np.arange(7.0), np.arange(7.0), np.zeros(7), 0.5)
# pyaot: run self_blend(np.arange(11.0))
# pyaot: run rows(np.arange(15.0).reshape(3, 5))
# pyaot: run rows(np.arange(30.0).reshape(5, 6)[:, ::2])
# pyaot: run scale_cols(np.arange(12.0).reshape(3, 4), np.array([1.0, -2.0, 0.5, 3.0]))
import numpy as np
from pyaot import f64


def axpy(a: float, x: f64[:], y: f64[:]) -> f64[:]:
    for i in range(len(x)):
        y[i] = y[i] + a * x[i]
    return y


def recurrence(x: f64[:], k: int) -> f64[:]:
    # y[i + k] reads what y[i] wrote k iterations earlier: x[k:] and x[:-k] overlap.
    axpy(2.0, x[: len(x) - k], x[k:])
    return x


def backward_shift(x: f64[:], k: int) -> f64[:]:
    axpy(2.0, x[k:], x[: len(x) - k])
    return x


def in_place(x: f64[:]) -> f64[:]:
    for i in range(len(x)):
        x[i] = x[i] * x[i] - 1.0
    return x


def blend(a: f64[:], b: f64[:], out: f64[:], t: float) -> f64[:]:
    for i in range(len(out)):
        out[i] = (1.0 - t) * a[i] + t * b[i]
    return out


def self_blend(x: f64[:]) -> f64[:]:
    return blend(x, x, x, 0.5)


def rows(u: f64[:, :]) -> f64[:, :]:
    out = np.zeros((u.shape[0], u.shape[1]))
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            out[i, j] = -u[i, j] / 2.0
    return out


def scale_cols(u: f64[:, :], s: f64[:]) -> f64[:, :]:
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            u[i, j] = u[i, j] * s[j]
    return u
