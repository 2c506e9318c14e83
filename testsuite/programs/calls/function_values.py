# Functions as values: module functions (annotated or not) and math functions passed to helpers,
# held in locals and called through them; each call site is a direct call of the function passed.
# Errors raised inside the passed function reach the caller; a local that may hold no function
# yet raises UnboundLocalError when called.
# pyaot: run trap(10)
# pyaot: run trap(1)
# pyaot: run-msg trap(0)
# pyaot: run twice(3)
# pyaot: run twice(-7)
# pyaot: overflow twice(100000)
# pyaot: run pick(True, 4.0)
# pyaot: run-msg pick(True, -1.0)
# pyaot: run pick(False, 1.0)
# pyaot: run compose(2.0)
# pyaot: run-msg through_raise(0)
# pyaot: run through_raise(4)
# pyaot: run newton(2.0)
# pyaot: run newton(10.0)
# pyaot: run by_keyword(5)
# pyaot: run arrays(np.array([1.0, -2.0, 3.5]))
# pyaot: run int_math(12, 18)
# pyaot: check raises_match(UnboundLocalError, "local variable 'g'", m.maybe, 0)
# pyaot: run maybe(1)
import math
from math import cos

import numpy as np
from pyaot import f64


def square(x):
    return x * x


def cube(x: float) -> float:
    return x * x * x


def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


def trap(n: int) -> tuple[float, float, float, float]:
    return (integrate(square, 0.0, 1.0, n), integrate(cube, 0.0, 2.0, n),
            integrate(math.sin, 0.0, math.pi, n), integrate(cos, 0.0, 1.0, n))


def apply_twice(f, x):
    return f(f(x))


def twice(x: int) -> int:
    g = square
    return apply_twice(g, x) + apply_twice(square, x + 1)


def pick(c: bool, x: float) -> float:
    f = math.sqrt
    if c:
        return f(x)
    return math.exp(x)


def compose(x: float) -> float:
    return apply_twice(math.exp, x) - apply_twice(math.log1p, x)


def inverse(x):
    return 10 // x


def through_raise(n: int) -> int:
    return apply_twice(inverse, n + 1)


def derivative(f, x):
    h = 1e-6
    return (f(x + h) - f(x - h)) / (2.0 * h)


def root_of(f, x0, steps):
    x = x0
    for _ in range(steps):
        x = x - f(x) / derivative(f, x)
    return x


def minus_two(x):
    return x * x - 2.0


def newton(x0: float) -> float:
    return root_of(minus_two, x0, 20)


def apply_kw(x, f):
    return f(x)


def by_keyword(n: int) -> int:
    return apply_kw(f=square, x=n)


def mapped(f, a):
    out = np.empty(len(a))
    for i in range(len(a)):
        out[i] = f(a[i])
    return out


def arrays(a: f64[:]) -> f64[:]:
    return mapped(math.fabs, a) + mapped(square, a)


def combine(f, a, b):
    return f(a, b)


def int_math(a: int, b: int) -> tuple[int, int]:
    return (combine(math.gcd, a, b), combine(math.lcm, a, b))


def maybe(n: int) -> int:
    if n > 0:
        g = square
    return g(n)
