# Comparing a NumPy scalar gives np.bool_, as in NumPy: `~` inverts it (Python's bool would give -2),
# arithmetic on it gives NumPy integers. A chain mixing NumPy and Python links is refused (reject test).
# Found by the differential fuzzer (`~(0.0 >= np.int32(0))` raised where CPython did not).
import numpy as np
from pyaot import b1, f64, i8, i32

# pyaot: run invert_fixed()
# pyaot: run invert_cmp(np.int32(3))
# pyaot: run invert_cmp(np.int32(-3))
# pyaot: run bool_plus(np.int8(3), 1)
# pyaot: run bool_plus(np.int8(-3), 1)
# pyaot: run as_b1(np.float64(1.0))
# pyaot: run as_b1(np.float64(nan))
# pyaot: run count_positive(np.array([1.0, -1.0, 2.0, nan]))
# pyaot: run not_eq(np.int32(3))
# pyaot: run times(np.int32(3))
# pyaot: run times(np.int32(0))
# pyaot: run chain(np.int32(2), np.int32(5))
# pyaot: run chain(np.int32(7), np.int32(5))
# pyaot: run python_cmp(3, 4)
# pyaot: check type(m.as_b1(np.float64(2.0))) is np.bool_
# pyaot: run insertion_sort(np.array([3.0, -1.0, 2.0, nan, 0.5]))
# pyaot: run both_b1(np.float64(1.0), np.float64(2.0))
# pyaot: run both_b1(np.float64(-1.0), np.float64(2.0))
# pyaot: run either_b1(np.float64(-1.0), np.float64(2.0))
# pyaot: run either_b1(np.float64(-1.0), np.float64(-2.0))
# pyaot: run not_mixed(1, np.float64(2.0))
# pyaot: run not_mixed(0, np.float64(2.0))
# pyaot: run cond_mixed(0, np.float64(-2.0))
# pyaot: run cond_mixed(0, np.float64(2.0))
# A returned `and`/`or` may mix bool and np.bool_: the annotation converts whichever operand decides.
# pyaot: run in_range(np.array([1.0, -1.0]), 0)
# pyaot: run in_range(np.array([1.0, -1.0]), 1)
# pyaot: run in_range(np.array([1.0, -1.0]), -1)
# pyaot: run in_range_b1(np.array([1.0, -1.0]), 0)
# pyaot: run in_range_b1(np.array([1.0, -1.0]), -1)
# pyaot: run in_range_b1(np.array([1.0, -1.0]), 5)


def invert_fixed() -> bool:
    return ~(0.0 >= np.int32(0))


def invert_cmp(x: i32) -> int:
    if ~(x > 0):
        return 1
    return 0


def bool_plus(x: i8, y: int) -> int:
    c = x > y
    return c + 1


def as_b1(x: f64) -> b1:
    return x > 0.5


def count_positive(a: f64[:]) -> int:
    n = 0
    for v in a:
        if v > 0.0:
            n += 1
    return n


def not_eq(x: i32) -> bool:
    b = x == 3
    return not b


def times(x: i32) -> float:
    return (x > 1) * 2.5


def chain(x: i32, y: i32) -> bool:
    return 0 < x < y


def python_cmp(x: int, y: int) -> int:
    return ~(x < y)


def insertion_sort(a: f64[:]) -> None:
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


def both_b1(x: f64, y: f64) -> b1:
    return x > 0.0 and y > 0.0


def either_b1(x: f64, y: f64) -> int:
    return (x > 0.0 or y > 0.0) + 0


def not_mixed(x: int, y: f64) -> bool:
    return not (x > 0 and y > 0.0)


def cond_mixed(x: int, y: f64) -> int:
    return 1 if x > 0 or y < 0.0 else 2


def in_range(a: f64[:], i: int) -> bool:
    return i >= 0 and a[i] > 0.0


def in_range_b1(a: f64[:], i: int) -> b1:
    return i < 0 or a[i] < 0.0 or i == 0
