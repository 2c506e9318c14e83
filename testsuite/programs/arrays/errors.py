# Errors inside array kernels: IndexError in the middle of an in-place loop leaves the elements
# written before it (arguments are compared after the call), exceptions raised after allocating,
# and bounds errors on each axis with NumPy's messages.
# pyaot: run-msg fill_upto(np.zeros(4), 6)
# pyaot: run fill_upto(np.zeros(4), 4)
# pyaot: run-msg fill_upto(np.zeros(0), 1)
# pyaot: run-msg copy_shifted(np.arange(5.0), np.zeros(5), 1)
# pyaot: run copy_shifted(np.arange(5.0), np.zeros(6), 1)
# pyaot: run-msg copy_shifted(np.arange(5.0), np.zeros(5), -6)
# pyaot: run-msg fill_diag(np.zeros((3, 2)))
# pyaot: run fill_diag(np.zeros((2, 3)))
# pyaot: run-msg square_nonneg(np.array([4.0, 9.0, -1.0, 16.0]))
# pyaot: run square_nonneg(np.array([4.0, 9.0, 0.0, 16.0]))
# pyaot: run-msg build(5)
# pyaot: run build(2)
# pyaot: run-msg walk3(np.zeros((2, 3, 4)), 1, 1, 4)
# pyaot: run-msg walk3(np.zeros((2, 3, 4)), 1, -4, 0)
# pyaot: run-msg walk3(np.zeros((2, 3, 4)), 2, 0, 0)
# pyaot: run walk3(np.zeros((2, 3, 4)), -2, -3, -4)
# pyaot: run-msg assert_sorted(np.array([1.0, 2.0, 1.5]))
# pyaot: run assert_sorted(np.array([1.0, 2.0, 2.5]))
import numpy as np
from pyaot import f64


def fill_upto(a: f64[:], n: int) -> None:
    for i in range(n):
        a[i] = i + 0.5


def copy_shifted(src: f64[:], dst: f64[:], shift: int) -> None:
    for i in range(len(src)):
        dst[i + shift] = src[i]


def fill_diag(a: f64[:, :]) -> None:
    for i in range(a.shape[0]):
        a[i, i] = 1.0


def square_nonneg(a: f64[:]) -> None:
    for i in range(len(a)):
        if a[i] < 0.0:
            raise ValueError("negative element")
        a[i] = a[i] * a[i]


def build(n: int) -> f64[:]:
    out = np.zeros(n)
    for i in range(n):
        out[i] = 2.0 * i
    if n > 3:
        raise RuntimeError("too large")
    return out


def walk3(a: f64[:, :, :], i: int, j: int, k: int) -> None:
    a[0, 0, 0] = 1.0
    a[i, j, k] = 2.0


def assert_sorted(a: f64[:]) -> None:
    for i in range(1, len(a)):
        assert a[i - 1] <= a[i], "not sorted"
