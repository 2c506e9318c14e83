# Tuple operators, with lengths known when compiling: slices with literal bounds (negative, steps,
# out of range), `+`, `*` by a literal, `==`/`!=` and the orderings (lexicographic: the first
# differing item decides, then the lengths), nested tuples, mixed int/float/bool items, and `in`
# over a tuple variable. Each operand is evaluated once, left to right.
# pyaot: run head_tail(1, 2, 3, 4)
# pyaot: run steps(10)
# pyaot: run concat(1, 2.5, True)
# pyaot: run repeat(3, -1)
# pyaot: run order(1, 2, 1, 3)
# pyaot: run order(2, 0, 1, 3)
# pyaot: run order(1, 3, 1, 3)
# pyaot: run order(-5, 9, -5, -9)
# pyaot: run lengths(1, 2)
# pyaot: run lengths(2, 1)
# pyaot: run mixed(1, 1.0, True)
# pyaot: run mixed(2, 1.5, False)
# pyaot: run mixed(0, -0.0, False)
# pyaot: run floats(1.5, 2.5, 1.5, 3.5)
# pyaot: run floats(1.5, inf, 1.5, inf)
# pyaot: run floats(-inf, 0.0, -1e308, 0.0)
# pyaot: run floats(nan, 1.0, 2.0, 1.0)
# pyaot: run floats(1.0, nan, 1.0, 2.0)
# pyaot: run same_object(nan, 1.0)
# pyaot: run same_object(2.0, 3.0)
# pyaot: run nested(1, 2, 3)
# pyaot: run nested(3, 2, 1)
# pyaot: run member(3, 1, 2, 3)
# pyaot: run member(4, 1, 2, 3)
# pyaot: run member_float(2.0, 1, 2)
# pyaot: run member_float(nan, 1, 2)
# pyaot: run member_float(-0.0, 0, 5)
# pyaot: run shape_tail(np.zeros((2, 3, 4)))
# pyaot: run shape_tail(np.zeros((0, 1, 5)))
# pyaot: run-msg once(0)
# pyaot: run once(3)
import numpy as np
from pyaot import f64


def head_tail(a: int, b: int, c: int, d: int) -> tuple[tuple[int, int], tuple[int, int, int], tuple[int, int], tuple[int, int, int, int]]:
    t = (a, b, c, d)
    return (t[:2], t[1:], t[-2:], t[-100:100])


def steps(a: int) -> tuple[tuple[int, int, int], tuple[int, int, int, int, int], tuple[int, int], tuple[int, int]]:
    t = (a, a + 1, a + 2, a + 3, a + 4)
    return (t[::2], t[::-1], t[3:0:-2], t[-1:-3:-1])


def concat(a: int, b: float, c: bool) -> tuple[int, float, bool, int, float]:
    t = (a, b)
    return t + (c,) + t


def repeat(a: int, b: int) -> tuple[int, int, int, int, int, int]:
    return (a, b) * 3


def order(a: int, b: int, c: int, d: int) -> tuple[bool, bool, bool, bool, bool, bool]:
    t = (a, b)
    u = (c, d)
    return (t < u, t <= u, t > u, t >= u, t == u, t != u)


def lengths(a: int, b: int) -> tuple[bool, bool, bool, bool]:
    return ((a, b) < (a, b, 0), (a,) == (a, b), (a, b, 1) > (a, b), (b,) <= (a, b))


def mixed(a: int, b: float, c: bool) -> tuple[bool, bool, bool]:
    return ((a, c) == (b, a), (a, b) < (b, a), (c, a) != (a, c))


def floats(a: float, b: float, c: float, d: float) -> tuple[bool, bool, bool, bool]:
    t = (a, b)
    u = (c, d)
    return (t < u, t == u, t >= u, t != u)


def same_object(x: float, y: float) -> tuple[bool, bool, bool]:
    t = (x, y)
    return (t == t, (x, 1.0) == (x, 1.0), (x, y) < (x, 2.0))


def nested(a: int, b: int, c: int) -> tuple[bool, bool]:
    return ((1, (a, b)) < (1, (b, a)), (c, (a, b)) == (c, (a, b)))


def member(x: int, a: int, b: int, c: int) -> tuple[bool, bool]:
    t = (a, b, c)
    return (x in t, x not in t)


def member_float(x: float, a: int, b: int) -> bool:
    t = (a, b, 2.0)
    return x in t


def shape_tail(m: f64[:, :, :]) -> tuple[int, int]:
    return m.shape[1:]


def pair(n: int) -> tuple[int, int]:
    return (10 // n, n)


def once(n: int) -> bool:
    return pair(n) == (10 // n, n)
