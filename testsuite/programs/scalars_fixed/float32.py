# float32 scalars: arithmetic stays float32 with Python floats and ints (NumPy 2 promotion),
# mixing with float64 gives float64, and results are rounded to single precision at each step.
# pyaot: run add(np.float32(0.1), np.float32(0.2))
# pyaot: run power(np.float32(2.0), np.float32(0.5))
# pyaot: run power(np.float32(-2.0), np.float32(0.5))
# pyaot: run power(np.float32(0.0), np.float32(-1.0))
# pyaot: run power(np.float32(1e20), np.float32(3.0))
# pyaot: run power_py(np.float32(3.0), 2)
# pyaot: run power_py(np.float32(1.7), -0.25)
# pyaot: run squares(np.arange(5, dtype=np.float32), np.float32(1.5))
# pyaot: run add_py(np.float32(0.1), 0.2)
# pyaot: run add_py(np.float32(1.0), 1e-8)
# pyaot: run add_py(np.float32(3e38), 3e38)
# pyaot: run mul_int(np.float32(1.5), 3)
# pyaot: run mix64(np.float32(0.1), np.float64(0.2))
# pyaot: run div(np.float32(1.0), np.float32(3.0))
# pyaot: run div_py(np.float32(2.0), 3.0)
# pyaot: run neg(np.float32(-0.0))
# pyaot: run neg(np.float32(nan))
# pyaot: run poly(np.float32(0.7))
# pyaot: run poly(np.float32(-1.3))
# pyaot: run accumulate(np.float32(0.1), 10)
# pyaot: run accumulate(np.float32(1e-3), 1000)
# pyaot: run compare(np.float32(0.1), 0.1)
# pyaot: run compare(np.float32(0.5), 0.5)
# pyaot: run f32_sum(np.full(100, 0.1, dtype=np.float32), np.float32(0.0))
# pyaot: run f32_mean_into(np.arange(5, dtype=np.float32) / np.float32(3.0), np.zeros(1, dtype=np.float32))
import numpy as np
from pyaot import f32, f64


def add(x: f32, y: f32) -> f32:
    return x + y


def add_py(x: f32, y: float) -> f32:
    return x + y


def mul_int(x: f32, k: int) -> f32:
    return x * k


def mix64(x: f32, y: f64) -> f64:
    return x + y


def div(x: f32, y: f32) -> f32:
    return x / y


def div_py(x: f32, y: float) -> f32:
    return x / y


def neg(x: f32) -> f32:
    return -x


def poly(x: f32) -> f32:
    return (x * 0.5 + 1.25) * x - 3.0


def accumulate(step: f32, n: int) -> f32:
    s = step - step
    for i in range(n):
        s += step
    return s


def compare(x: f32, y: float) -> int:
    if x == y:
        return 1
    if x < y:
        return 2
    return 3


def f32_sum(a: f32[:], s: f32) -> f32:
    for x in a:
        s += x
    return s


def f32_mean_into(a: f32[:], out: f32[:]) -> None:
    for x in a:
        out[0] += x
    out[0] /= len(a)


def power(x: f32, y: f32) -> f32:
    return x ** y


def power_py(x: f32, y: float) -> f32:
    return x ** y + np.square(x)


def squares(a: f32[:], y: f32) -> f32[:]:
    return a ** y + np.square(a)
