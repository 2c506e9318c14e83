# Small functions the optimiser copies into their callers: the copy must raise where the call
# raised (inside a loop, half-way), start its locals unassigned on every call, return tuples and
# arrays, and read arrays through the caller's reference.
# pyaot: run-msg maybe_twice(3)
# pyaot: run-msg maybe_twice(0)
# pyaot: run-msg summed_divs(6, 2)
# pyaot: run-msg summed_divs(6, 0)
# pyaot: run-msg fill_until_bad(np.zeros(6), 4)
# pyaot: run-msg fill_until_bad(np.zeros(6), 9)
# pyaot: run-msg fill_until_bad(np.zeros(3), 2)
# pyaot: run unbound_on_second(1)
# pyaot: check raises(UnboundLocalError, m.unbound_on_second, 2)
# pyaot: check raises(UnboundLocalError, m.unbound_on_second, 5)
# pyaot: run min_max_all(np.array([3.0, -1.0, 7.5, 2.0]))
# pyaot: run min_max_all(np.array([nan, 1.0]))
# pyaot: run clamped_sum(np.arange(10.0), 2.0, 6.5)
# pyaot: run clamped_sum(np.arange(0.0), 2.0, 6.5)
# pyaot: run-msg growing(4)
# pyaot: overflow growing(7)
# pyaot: run nested(5)
import numpy as np
from pyaot import f64


def twice(x: int) -> int:
    if x == 0:
        raise ValueError("zero")
    return 2 * x


def maybe_twice(n: int) -> int:
    t = 0
    for i in range(n, -1, -1):
        t += twice(i)
    return t


def div(a: int, b: int) -> int:
    return a // b


def summed_divs(n: int, d: int) -> int:
    t = 0
    for i in range(n):
        t += div(i * 7, d)
    return t


def put(a: f64[:], i: int, v: float) -> None:
    a[i] = v


def fill_until_bad(a: f64[:], n: int) -> f64[:]:
    for i in range(n):
        put(a, i, float(i) + 0.5)
    return a


def first_assigns(c: bool) -> int:
    if c:
        y = 10
    return y


def unbound_on_second(n: int) -> int:
    t = 0
    for i in range(n):
        t += first_assigns(i == 0)
    return t


def order(a: float, b: float) -> tuple[float, float]:
    if a < b:
        return a, b
    return b, a


def min_max_all(x: f64[:]) -> tuple[float, float]:
    lo = float(x[0])
    hi = float(x[0])
    for i in range(len(x)):
        a, b = order(lo, float(x[i]))
        lo = a
        c, d = order(hi, float(x[i]))
        hi = d
    return lo, hi


def clamp(v: float, lo: float, hi: float) -> float:
    return min(max(v, lo), hi)


def clamped_sum(x: f64[:], lo: float, hi: float) -> float:
    s = 0.0
    for i in range(len(x)):
        s += clamp(float(x[i]), lo, hi)
    return s


def square(x: int) -> int:
    return x * x


def growing(n: int) -> int:
    t = 1
    for i in range(n):
        t = square(t) + i + 1
    return t


def add_one(x: int) -> int:
    return x + 1


def add_two(x: int) -> int:
    return add_one(add_one(x))


def nested(n: int) -> int:
    t = 0
    for i in range(n):
        t += add_two(i)
    return t
