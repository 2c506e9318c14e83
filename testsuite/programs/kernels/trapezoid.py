# Numerical integration by the trapezoid rule.
# pyaot: run integrate_sin(0.0, 3.141592653589793, 1000)
# pyaot: run integrate_poly(0.0, 1.0, 100)
# pyaot: run integrate_poly(1.0, 0.0, 100)
# pyaot: run integrate_poly(0.0, 1.0, 0)
# pyaot: run integrate_exp(-1.0, 1.0, 257)
import math


def f_poly(x):
    return 3.0 * x * x + 2.0 * x + 1.0


def integrate_sin(a: float, b: float, n: int) -> float:
    h = (b - a) / n
    s = 0.5 * (math.sin(a) + math.sin(b))
    for i in range(1, n):
        s += math.sin(a + i * h)
    return s * h


def integrate_poly(a: float, b: float, n: int) -> float:
    h = (b - a) / n
    s = 0.5 * (f_poly(a) + f_poly(b))
    for i in range(1, n):
        s += f_poly(a + i * h)
    return s * h


def integrate_exp(a: float, b: float, n: int) -> float:
    h = (b - a) / n
    total = 0.0
    x = a
    for _ in range(n):
        total += (math.exp(x) + math.exp(x + h)) * h / 2.0
        x += h
    return total
