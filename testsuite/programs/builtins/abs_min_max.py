# abs, min and max on ints and floats, including argument order with NaN and signed zeros.
# pyaot: run iabs(-3)
# pyaot: run iabs(2**63 - 1)
# pyaot: overflow iabs(-2**63)
# pyaot: run fabs_(-0.0)
# pyaot: run fabs_(-inf)
# pyaot: run fabs_(nan)
# pyaot: run fabs_(-2.5)
# pyaot: run imin(3, -4)
# pyaot: run imin(-2**63, 2**63 - 1)
# pyaot: run imax(3, -4)
# pyaot: run imin3(5, 2, 9)
# pyaot: run imax3(5, 2, 9)
# pyaot: run imax3(9, 9, 9)
# pyaot: run fmin(1.0, 2.0)
# pyaot: run fmin(nan, 1.0)
# pyaot: run fmin(1.0, nan)
# pyaot: run fmin(0.0, -0.0)
# pyaot: run fmin(-0.0, 0.0)
# pyaot: run fmax(0.0, -0.0)
# pyaot: run fmax(-0.0, 0.0)
# pyaot: run fmax(nan, 1.0)
# pyaot: run fmax(1.0, nan)
# pyaot: run fmax(-inf, inf)
# pyaot: run fmax3(1.0, nan, 3.0)
# pyaot: run fmin3(2.0, 1.0, nan)
# pyaot: run bmax(True, False)
# pyaot: run clamp_unit(1.5)
# pyaot: run clamp_unit(-1.5)
# pyaot: run clamp_unit(0.3)
# pyaot: run running_max(10)


def iabs(x: int) -> int:
    return abs(x)


def fabs_(x: float) -> float:
    return abs(x)


def imin(a: int, b: int) -> int:
    return min(a, b)


def imax(a: int, b: int) -> int:
    return max(a, b)


def imin3(a: int, b: int, c: int) -> int:
    return min(a, b, c)


def imax3(a: int, b: int, c: int) -> int:
    return max(a, b, c)


def fmin(a: float, b: float) -> float:
    return min(a, b)


def fmax(a: float, b: float) -> float:
    return max(a, b)


def fmax3(a: float, b: float, c: float) -> float:
    return max(a, b, c)


def fmin3(a: float, b: float, c: float) -> float:
    return min(a, b, c)


def bmax(a: bool, b: bool) -> bool:
    return max(a, b)


def clamp_unit(x: float) -> float:
    return max(0.0, min(1.0, x))


def running_max(n: int) -> int:
    best = -2**62
    for i in range(n):
        best = max(best, (i * 7) % 11)
    return best
