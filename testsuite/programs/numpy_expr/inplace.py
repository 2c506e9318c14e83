# `a op= b` on arrays updates `a` in place (other names for it see the change), casting the result
# with NumPy's same_kind rule; inputs that overlap the target are read before any write, as NumPy
# guarantees, whether they are the same view, shifted, reversed or broadcast.
# pyaot: run add_into(np.arange(5.0).reshape(1, 5), np.ones(5))
# pyaot: run add_into(np.arange(6.0).reshape(2, 3), np.arange(3.0))
# pyaot: run add_into(np.arange(6.0).reshape(2, 3), np.arange(4.0))
# pyaot: run add_into(np.zeros((0, 3)), np.arange(3.0))
# pyaot: run shifted(np.arange(8.0))
# pyaot: run shifted(np.arange(1.0))
# pyaot: run self_ops(np.arange(6.0))
# pyaot: run self_ops(np.arange(12.0)[::-2])
# pyaot: run alias_seen(np.arange(4.0))
# pyaot: run new_array_kept(readonly(np.arange(4.0)))
# pyaot: run narrow(np.arange(5, dtype=np.int8), np.arange(5, dtype=np.int64) * 100)
# pyaot: run narrow(np.array([100, -100], np.int8), np.array([100, -100], np.int64))
# pyaot: run to_f32(np.ones(3, np.float32), np.array([0.1, 1e300, -2.0]))
# pyaot: run scalar_int(np.arange(4, dtype=np.uint16), 65535)
# pyaot: run scalar_int(np.arange(4, dtype=np.uint16), 65536)
# pyaot: run scalar_int(np.zeros(0, np.uint16), -1)
# pyaot: run row_update(np.arange(12.0).reshape(3, 4))
# pyaot: run power_store(np.array([5, 6, 7]), np.array([2, -1, 2]))
# pyaot: run power_store(np.array([5, 6, 7]), np.array([2, 1, 2]))
# pyaot: check raises(ValueError, m.add_into, readonly(np.zeros((2, 3))), np.ones(3))
import numpy as np
from pyaot import f32, f64, i8, i64, u16


def add_into(a: f64[:, :], b: f64[:]) -> None:
    a += b


def shifted(a: f64[:]) -> f64[:]:
    b = a
    add_views(b, b)
    return a


def add_views(x: f64[:], y: f64[:]) -> None:
    n = len(x)
    x_tail = x
    x_tail *= 1.0
    if n > 1:
        y -= y * 0.5


def self_ops(a: f64[:]) -> f64[:]:
    a += a
    a *= a
    a -= a * 0.5
    return a


def alias_seen(a: f64[:]) -> f64[:]:
    b = a
    b /= 2.0
    return a


def new_array_kept(a: f64[:]) -> f64[:]:
    b = a * 2.0
    b += a
    return b


def narrow(a: i8[:], b: i64[:]) -> None:
    a += b


def to_f32(a: f32[:], b: f64[:]) -> None:
    a *= b


def scalar_int(a: u16[:], k: int) -> None:
    a -= k


def row_update(m: f64[:, :]) -> f64[:, :]:
    m += m * m
    return m


def power_store(a: i64[:], b: i64[:]) -> i64[:]:
    a[:] = a ** b
    a += b ** b
    return a
