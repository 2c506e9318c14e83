# Integer square root by Newton's method, checked against math.isqrt.
# pyaot: run isqrt_newton(0)
# pyaot: run isqrt_newton(1)
# pyaot: run isqrt_newton(24)
# pyaot: run isqrt_newton(25)
# pyaot: run isqrt_newton(10**18)
# pyaot: run isqrt_newton(2**62)
# pyaot: run isqrt_newton(2**63 - 1)
# pyaot: run isqrt_newton(-1)
# pyaot: run agrees(100000)
import math


def isqrt_newton(n: int) -> int:
    if n < 0:
        raise ValueError("negative")
    if n < 2:
        return n
    x = n
    y = x // 2 + 1
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def agrees(n: int) -> int:
    bad = 0
    for k in range(0, n, 7):
        if isqrt_newton(k) != math.isqrt(k):
            bad += 1
    return bad
