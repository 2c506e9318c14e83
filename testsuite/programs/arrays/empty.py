# Empty arrays: zero-length dimensions in arguments, loops that never run, creation with size 0.
# pyaot: run count(np.zeros(0))
# pyaot: run count(np.zeros(0)[::-1])
# pyaot: run count(np.zeros((3, 0))[1])
# pyaot: run count2(np.zeros((0, 5)))
# pyaot: run count2(np.zeros((5, 0)))
# pyaot: run count2(np.zeros((0, 0)))
# pyaot: run count2(np.zeros((0, 5)).T)
# pyaot: run scale(np.zeros(0), 2.0)
# pyaot: run scale(array.array('d'), 2.0)
# pyaot: run scale(memoryview(np.zeros(0)), 2.0)
# pyaot: run fill2(np.zeros((0, 3)))
# pyaot: run fill2(np.zeros((4, 0)))
# pyaot: run sum3(np.zeros((2, 0, 3)), np.float64(1.5))
# pyaot: run make(0, 3)
# pyaot: run make(3, 0)
# pyaot: run make(0, 0)
# pyaot: run copy_any(np.zeros((0, 4)))
# pyaot: run like(np.zeros(0, dtype=np.int8))
# pyaot: run-msg first(np.zeros(0))
# pyaot: run-msg first(np.zeros(0)[::-1])
# pyaot: run-msg first2(np.zeros((0, 2)))
# pyaot: run-msg first2(np.zeros((2, 0)))
import numpy as np
from pyaot import f64, i8


def count(a: f64[:]) -> tuple[int, int, int]:
    c = 0
    for x in a:
        c += 1
    return c, len(a), a.size


def count2(a: f64[:, :]) -> tuple[int, int, int, int]:
    c = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            c += 1
    return c, a.shape[0], a.shape[1], a.size


def scale(a: f64[:], k: float) -> None:
    for i in range(len(a)):
        a[i] = a[i] * k


def fill2(a: f64[:, :]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = 1.0


def sum3(a: f64[:, :, :], s: f64) -> f64:
    p, q, r = a.shape
    for i in range(p):
        for j in range(q):
            for k in range(r):
                s += a[i, j, k]
    return s


def make(n: int, m: int) -> f64[:, :]:
    return np.ones((n, m))


def copy_any(a: f64[:, :]) -> f64[:, :]:
    return a.copy()


def like(a: i8[:]) -> i8[:]:
    return np.zeros_like(a)


def first(a: f64[:]) -> f64:
    return a[0]


def first2(a: f64[:, :]) -> f64:
    return a[0, 0]
