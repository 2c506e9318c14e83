# isnan, isinf and isfinite on every class of float, and on ints.
# pyaot: run classify(0.0)
# pyaot: run classify(-0.0)
# pyaot: run classify(1.5)
# pyaot: run classify(5e-324)
# pyaot: run classify(inf)
# pyaot: run classify(-inf)
# pyaot: run classify(nan)
# pyaot: run classify(-nan)
# pyaot: run classify_int(0)
# pyaot: run classify_int(-2**63)
# pyaot: run count_finite(10)
import math


def classify(x: float) -> int:
    r = 0
    if math.isnan(x):
        r += 1
    if math.isinf(x):
        r += 10
    if math.isfinite(x):
        r += 100
    return r


def classify_int(n: int) -> int:
    r = 0
    if math.isnan(n):
        r += 1
    if math.isinf(n):
        r += 10
    if math.isfinite(n):
        r += 100
    return r


def count_finite(n: int) -> int:
    x = 1.0
    count = 0
    for _ in range(n):
        x = x * 1e100
        if math.isfinite(x):
            count += 1
    return count
