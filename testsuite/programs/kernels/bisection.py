# Root finding by bisection, with an error for a bracket without sign change.
# pyaot: run sqrt2(1e-12)
# pyaot: run cube_root(27.0, 1e-12)
# pyaot: run cube_root(-8.0, 1e-9)
# pyaot: run-msg bisect_cos(0.0, 1.0, 1e-9)
# pyaot: run bisect_cos(0.0, 3.0, 1e-15)
# pyaot: run bisect_cos(0.0, 3.0, 0.0)
import math


def sqrt2(tol: float) -> float:
    lo = 1.0
    hi = 2.0
    while hi - lo > tol:
        mid = (lo + hi) / 2.0
        if mid * mid < 2.0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def cube_root(v: float, tol: float) -> float:
    lo = min(v, -1.0)
    hi = max(v, 1.0)
    iterations = 0
    while hi - lo > tol and iterations < 200:
        mid = 0.5 * (lo + hi)
        if mid * mid * mid < v:
            lo = mid
        else:
            hi = mid
        iterations += 1
    return lo


def bisect_cos(a: float, b: float, tol: float) -> float:
    fa = math.cos(a)
    if fa * math.cos(b) > 0.0:
        raise ValueError("no sign change in bracket")
    for _ in range(100):
        m = (a + b) / 2.0
        fm = math.cos(m)
        if fm == 0.0 or (b - a) / 2.0 < tol:
            return m
        if (fm > 0.0) == (fa > 0.0):
            a, fa = m, fm
        else:
            b = m
    return (a + b) / 2.0
