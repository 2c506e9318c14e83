# Assignment into views: scalars (converted once, as item assignment converts), arrays broadcast
# to the view and cast as NumPy casts them, overlapping sources (NumPy reads them first),
# augmented assignment of slices, and shapes that do not broadcast (ValueError).
# pyaot: run ahead_behind(np.array([1.0, 4.0, -2.0, 8.0, 0.5, 3.0]))
# pyaot: run fill(np.zeros((3, 4)), 2.5)
# pyaot: run fill(np.zeros((0, 4)), 2.5)
# pyaot: run shift_right(np.arange(8.0))
# pyaot: run shift_left(np.arange(8.0))
# pyaot: run reverse_in_place(np.arange(7.0))
# pyaot: run reverse_in_place(np.arange(12.0)[::2])
# pyaot: run accumulate_shift(np.arange(6.0))
# pyaot: run rows_from_vector(np.zeros((3, 4)), np.arange(4.0))
# pyaot: run rows_from_vector(np.zeros((3, 4)), np.arange(3.0))
# pyaot: run stencil(np.arange(36.0).reshape(6, 6))
# pyaot: run stencil(np.ones((2, 2)))
# pyaot: run ints_from_floats(np.zeros(4, np.int32), np.array([1.7, -1.7, 1e10, -0.5]))
# pyaot: run u8_from_floats(np.zeros(4, np.uint8), np.array([-1.0, 300.0, 2.5, 255.9]))
# pyaot: run store_int(np.zeros(3, np.uint8), 255)
# pyaot: run store_int(np.zeros(3, np.uint8), 256)
# pyaot: run store_int(np.zeros(0, np.uint8), -1)
# pyaot: run column_scale(np.arange(12.0).reshape(3, 4), 1, 10.0)
# pyaot: run column_scale(np.arange(12.0).reshape(3, 4), 4, 10.0)
# pyaot: run whole(np.arange(6.0).reshape(2, 3), np.arange(3.0))
# pyaot: run store_row(np.zeros((2, 2), np.int8), 5, 300)
# pyaot: run store_row(np.zeros((2, 2), np.int8), 1, 300)
# pyaot: run store_row(np.zeros((2, 2), np.int8), -1, -7)
# pyaot: check raises(ValueError, m.fill, readonly(np.zeros((2, 2))), 1.0)
import numpy as np
from pyaot import f64, i8, i32, u8


def fill(a: f64[:, :], v: float) -> None:
    a[:] = v
    a[1:, ::2] = -v


def shift_right(a: f64[:]) -> None:
    a[1:] = a[:-1]


def shift_left(a: f64[:]) -> None:
    a[:-1] = a[1:]


def reverse_in_place(a: f64[:]) -> None:
    a[:] = a[::-1]


def accumulate_shift(a: f64[:]) -> None:
    a[1:] += a[:-1]
    a[:-2] -= 2.0 * a[2:]


def rows_from_vector(m: f64[:, :], v: f64[:]) -> None:
    m[1:] = v


def stencil(u: f64[:, :]) -> None:
    u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])


def ints_from_floats(a: i32[:], b: f64[:]) -> None:
    a[:] = b


def u8_from_floats(a: u8[:], b: f64[:]) -> None:
    a[:] = b


def store_int(a: u8[:], v: int) -> None:
    a[:] = v


def column_scale(m: f64[:, :], j: int, s: float) -> None:
    m[:, j] *= s


def whole(m: f64[:, :], r: f64[:]) -> None:
    m[...] = r


def store_row(m: i8[:, :], i: int, v: int) -> i8[:, :]:
    m[i] = v
    return m


def ahead_behind(u: f64[:]) -> tuple[f64[:], f64[:], f64[:], f64[:]]:
    # Inputs that overlap the target ahead of it, behind it, broadcast from it, and reversed.
    a = u.copy()
    a[1:-1] += 0.5 * (a[2:] - 2.0 * a[1:-1] + a[:-2])
    b = u.copy()
    b[:] += b[0:1]
    c = u.copy()
    c[:-1] = c[1:] * 2.0
    d = u.copy()
    d[1:] = d[:-1] + d[::-1][1:]
    return a, b, c, d
