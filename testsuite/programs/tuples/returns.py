# Functions returning fixed tuples of ints and floats.
# pyaot: run divmod_(17, 5)
# pyaot: run divmod_(-17, 5)
# pyaot: run divmod_(17, 0)
# pyaot: run stats(1.0, 2.0, 4.0)
# pyaot: run stats(-0.0, 0.0, nan)
# pyaot: run min_max_index(3, 9, 1)
# pyaot: run int_and_float(5)
# pyaot: run int_and_float(-5)
# pyaot: run triple(2)
# pyaot: run bool_pair(3)
# pyaot: run chained_tuple(10)


def divmod_(a: int, b: int) -> tuple[int, int]:
    return (a // b, a % b)


def stats(a: float, b: float, c: float) -> tuple[float, float]:
    mean = (a + b + c) / 3.0
    spread = max(a, b, c) - min(a, b, c)
    return mean, spread


def min_max_index(a: int, b: int, c: int) -> tuple[int, int]:
    lo = 0
    hi = 0
    if b < a and b <= c:
        lo = 1
    elif c < a and c < b:
        lo = 2
    if b > a and b >= c:
        hi = 1
    elif c > a and c > b:
        hi = 2
    return lo, hi


def int_and_float(n: int) -> tuple[int, float]:
    return n * n, n / 4


def triple(n: int) -> tuple[int, int, float]:
    return n, n * 2, n * 1.5


def bool_pair(n: int) -> tuple[bool, bool]:
    return n > 0, n % 2 == 0


def chained_tuple(n: int) -> tuple[int, float]:
    q, f = int_and_float(n)
    return q + 1, f * 2.0
