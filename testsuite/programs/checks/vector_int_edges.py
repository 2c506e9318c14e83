# Integer loops the optimiser runs two lanes at a time (i64x2, no flag needed: integer sums
# wrap as NumPy's int64 does, so every order gives the same bits): sums, min, max and
# element-wise updates at every length around the vector width, wrapping sums, strided and
# reversed views, and arrays that overlap.
# pyaot: run total(np.arange(0))
# pyaot: run total(np.arange(1))
# pyaot: run total(np.arange(2))
# pyaot: run total(np.arange(3))
# pyaot: run total(np.arange(4))
# pyaot: run total(np.arange(5))
# pyaot: run total(np.arange(6))
# pyaot: run total(np.arange(7))
# pyaot: run total(np.arange(8))
# pyaot: run total(np.arange(9))
# pyaot: run total(np.arange(10))
# pyaot: run largest(np.arange(1) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(1) * 7 % 5 - 2)
# pyaot: run largest(np.arange(2) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(2) * 7 % 5 - 2)
# pyaot: run largest(np.arange(3) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(3) * 7 % 5 - 2)
# pyaot: run largest(np.arange(4) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(4) * 7 % 5 - 2)
# pyaot: run largest(np.arange(5) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(5) * 7 % 5 - 2)
# pyaot: run largest(np.arange(7) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(7) * 7 % 5 - 2)
# pyaot: run largest(np.arange(9) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(9) * 7 % 5 - 2)
# pyaot: run largest(np.arange(12) * 7 % 5 - 2)
# pyaot: run smallest(np.arange(12) * 7 % 5 - 2)
# pyaot: run add_into(np.arange(0), np.arange(0) * 3, np.zeros(0, dtype=np.int64))
# pyaot: run add_into(np.arange(1), np.arange(1) * 3, np.zeros(1, dtype=np.int64))
# pyaot: run add_into(np.arange(3), np.arange(3) * 3, np.zeros(3, dtype=np.int64))
# pyaot: run add_into(np.arange(4), np.arange(4) * 3, np.zeros(4, dtype=np.int64))
# pyaot: run add_into(np.arange(5), np.arange(5) * 3, np.zeros(5, dtype=np.int64))
# pyaot: run add_into(np.arange(8), np.arange(8) * 3, np.zeros(8, dtype=np.int64))
# pyaot: run total(np.array([2**62, 2**62, 2**62, 2**62, 1, -5]))
# pyaot: run total(np.array([2**63 - 1, 1, 2**63 - 1, 1, 2**63 - 1, 7, 9]))
# pyaot: run total(np.arange(20)[::3])
# pyaot: run total(np.arange(20)[::-1])
# pyaot: run largest(np.array([-2**63, -2**63 + 1, 5, 2**63 - 1, 0, 3]))
# pyaot: run smallest(np.array([2**63 - 1, 5, -2**63, 0, 3, -1]))
# pyaot: run largest(np.arange(15)[::-2])
# pyaot: run-msg largest(np.zeros(0, dtype=np.int64))
# pyaot: run add_into(np.arange(9), np.arange(9)[::-1].copy(), np.zeros(9, dtype=np.int64))
# pyaot: run add_into(np.arange(18)[::2], np.arange(9), np.zeros(9, dtype=np.int64))
# pyaot: run add_into(np.array([2**63 - 1, 2**62, -2**63, 5, 6]), np.array([1, 2**62, -1, 5, 6]), np.zeros(5, dtype=np.int64))
# pyaot: run self_add(np.arange(10))
# pyaot: run shift_add(np.arange(10), 1)
# pyaot: run shift_add(np.arange(10), 2)
# pyaot: run shift_add(np.arange(10), 3)
# pyaot: run mix(np.arange(11), np.arange(11) * 5, 6)
import numpy as np
from pyaot import i64


def total(x: i64[:]) -> int:
    s = 0
    for i in range(len(x)):
        s += x[i]
    return s


def largest(x: i64[:]) -> int:
    m = int(x[0])
    for i in range(len(x)):
        m = max(m, int(x[i]))
    return m


def smallest(x: i64[:]) -> int:
    m = int(x[0])
    for i in range(len(x)):
        m = min(m, int(x[i]))
    return m


def add_into(a: i64[:], b: i64[:], out: i64[:]) -> i64[:]:
    for i in range(len(a)):
        out[i] = a[i] + b[i]
    return out


def self_add(a: i64[:]) -> i64[:]:
    for i in range(len(a)):
        a[i] = a[i] + a[i]
    return a


def shift_add(a: i64[:], k: int) -> i64[:]:
    # Reads what an earlier iteration wrote when k is small: the vector copy must not run.
    for i in range(k, len(a)):
        a[i] = a[i - k] + a[i]
    return a


def mix(a: i64[:], b: i64[:], k: int) -> i64[:]:
    for i in range(len(a)):
        a[i] = (a[i] ^ b[i]) - k
    return a
