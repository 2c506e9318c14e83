# Tuple assignment evaluates the whole right side before assigning.
# pyaot: run swap_diff(3, 10)
# pyaot: run swap_diff(-3, 10)
# pyaot: run fib_pair(0)
# pyaot: run fib_pair(1)
# pyaot: run fib_pair(10)
# pyaot: run fib_pair(91)
# pyaot: overflow fib_pair(92)
# pyaot: run rotate3(1, 2, 3)
# pyaot: run mixed_types(3, 1.5)
# pyaot: run euclid(1071, 462)
# pyaot: run euclid(17, 0)
# pyaot: run unpack_call(7)


def swap_diff(a: int, b: int) -> int:
    a, b = b, a
    return a - b


def fib_pair(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def rotate3(a: int, b: int, c: int) -> int:
    a, b, c = b, c, a
    return a * 100 + b * 10 + c


def mixed_types(n: int, x: float) -> float:
    k, y = n * 2, x * 2.0
    return k + y


def euclid(a: int, b: int) -> int:
    while b != 0:
        a, b = b, a % b
    return a


def split(n: int) -> tuple[int, int]:
    return n // 2, n % 2


def unpack_call(n: int) -> int:
    q, r = split(n)
    return q * 10 + r
