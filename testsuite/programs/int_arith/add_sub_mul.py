# Integer +, - and * over every sign combination and at the int64 boundaries.
# pyaot: run add(2, 3)
# pyaot: run add(-2, 3)
# pyaot: run add(2, -3)
# pyaot: run add(-2, -3)
# pyaot: run add(0, 0)
# pyaot: run add(2**63 - 2, 1)
# pyaot: run add(-2**63 + 1, -1)
# pyaot: run add(2**63 - 1, -2**63)
# pyaot: overflow add(2**63 - 1, 1)
# pyaot: overflow add(-2**63, -1)
# pyaot: overflow add(2**62, 2**62)
# pyaot: run sub(7, 10)
# pyaot: run sub(-7, 10)
# pyaot: run sub(7, -10)
# pyaot: run sub(-7, -10)
# pyaot: run sub(-2**63 + 1, 1)
# pyaot: run sub(0, 2**63 - 1)
# pyaot: overflow sub(-2**63, 1)
# pyaot: overflow sub(0, -2**63)
# pyaot: overflow sub(2**63 - 1, -1)
# pyaot: run mul(6, 7)
# pyaot: run mul(-6, 7)
# pyaot: run mul(6, -7)
# pyaot: run mul(-6, -7)
# pyaot: run mul(0, -2**63)
# pyaot: run mul(-1, 2**63 - 1)
# pyaot: run mul(2**31, 2**31)
# pyaot: run mul(-2**62, 2)
# pyaot: run mul(3037000499, 3037000499)
# pyaot: overflow mul(3037000500, 3037000500)
# pyaot: overflow mul(-1, -2**63)
# pyaot: overflow mul(-2**63, -1)
# pyaot: overflow mul(2**62, 2)
# pyaot: overflow mul(2**32, 2**32)
# pyaot: run mixed_expr(3, 4, 5)
# pyaot: run mixed_expr(-3, 4, -5)
# pyaot: run accumulate(10)
# pyaot: run accumulate(0)
# pyaot: run accumulate(-5)


def add(a: int, b: int) -> int:
    return a + b


def sub(a: int, b: int) -> int:
    return a - b


def mul(a: int, b: int) -> int:
    return a * b


def mixed_expr(a: int, b: int, c: int) -> int:
    return a * b - c + a * (b + c) - (a - b) * c


def accumulate(n: int) -> int:
    total = 0
    i = 0
    while i < n:
        total += i * i
        total -= i
        total *= 1
        i += 1
    return total
