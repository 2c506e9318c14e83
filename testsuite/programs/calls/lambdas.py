# Lambdas called in the function that defines them: held in locals, called directly or in
# generator expressions, calling each other, immediately invoked. Their arguments are evaluated
# where they are called; their bodies read the function's variables when the call runs (late
# binding), and such a variable with no value yet raises CPython's NameError about a free variable.
# pyaot: run scale(np.array([1.0, 2.0, 3.0]), 2.0)
# pyaot: run scale(np.zeros(0), 2.0)
# pyaot: run late(5)
# pyaot: run nested(3.0)
# pyaot: check raises_match(NameError, "cannot access free variable 'y' where it is not associated with a value in enclosing scope", m.unbound, 0)
# pyaot: run unbound(2)
# pyaot: run twoargs(1, 2)
# pyaot: run twoargs(-4, 9)
# pyaot: run shadow(7)
# pyaot: run immediate(2.0)
# pyaot: run-msg raises(0)
# pyaot: run raises(3)
# pyaot: run compose(4, 3)
# pyaot: run in_loop(5)
# pyaot: run argbest(np.array([3.0, -1.0, 7.5, 7.5, 2.0]))
# pyaot: run no_params(3)
import numpy as np
from pyaot import f64


def scale(a: f64[:], k: float) -> float:
    g = lambda i: a[i] * k
    return sum((g(i) for i in range(len(a))), 0.0)


def late(x: int) -> int:
    k = 1
    g = lambda y: y + k
    k = 10
    return g(x)


def nested(x: float) -> float:
    sq = lambda v: v * v
    inc = lambda v: sq(v) + 1.0
    return inc(x) + sq(2.0) + inc(inc(x))


def unbound(n: int) -> int:
    if n > 0:
        y = 5
    g = lambda v: v + y
    return g(n)


def twoargs(a: int, b: int) -> int:
    h = lambda p, q: p * 10 + q
    return h(a, b) + h(b, a) * 100


def shadow(x: int) -> int:
    v = 100
    f = lambda v: v + 1
    return f(x) + v


def immediate(x: float) -> float:
    return (lambda t: t * 3.0)(x) + (lambda: 0.5)()


def raises(n: int) -> int:
    d = lambda v: 10 // v
    return d(n)


def compose(a: int, b: int) -> int:
    f = lambda x: x + a
    g = lambda x: f(x) * f(b)
    return g(1) - g(2)


def in_loop(n: int) -> int:
    total = 0
    step = lambda i, t: t + i * i
    for i in range(n):
        total = step(i, total)
    return total


def argbest(a: f64[:]) -> int:
    better = lambda i, j: a[i] > a[j]
    best = 0
    for i in range(1, len(a)):
        if better(i, best):
            best = i
    return best


def no_params(n: int) -> int:
    seven = lambda: 7
    return seven() * n
