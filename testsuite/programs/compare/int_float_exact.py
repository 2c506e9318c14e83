# Comparing an int with a float is exact, as in CPython, not a comparison of rounded floats.
# pyaot: run gt(2**53 + 1, 2.0**53)
# pyaot: run eq(2**53 + 1, 2.0**53)
# pyaot: run eq(2**53, 2.0**53)
# pyaot: run lt(2**53 + 1, 2.0**53)
# pyaot: run lt(2**63 - 1, 2.0**63)
# pyaot: run eq(2**63 - 1, 2.0**63)
# pyaot: run gt(-2**63, -2.0**63)
# pyaot: run eq(-2**63, -2.0**63)
# pyaot: run lt(-2**63, -2.0**63)
# pyaot: run lt(2**63 - 1, inf)
# pyaot: run gt(-2**63, -inf)
# pyaot: run eq(0, -0.0)
# pyaot: run lt(0, 5e-324)
# pyaot: run gt(0, -5e-324)
# pyaot: run eq(1, nan)
# pyaot: run lt(1, nan)
# pyaot: run gt(1, nan)
# pyaot: run ne(1, nan)
# pyaot: run eq(3, 3.0)
# pyaot: run lt(3, 3.5)
# pyaot: run gt(-3, -3.5)
# pyaot: run lt(2**62 + 1, 4.611686018427388e18)
# pyaot: run gt(9007199254740993, 9007199254740992.0)
# pyaot: run float_first(2.0**53, 2**53 + 1)
# pyaot: run float_first(1.5, 1)
# pyaot: run float_first(nan, 0)


def eq(a: int, b: float) -> bool:
    return a == b


def ne(a: int, b: float) -> bool:
    return a != b


def lt(a: int, b: float) -> bool:
    return a < b


def gt(a: int, b: float) -> bool:
    return a > b


def float_first(a: float, b: int) -> int:
    r = 0
    if a < b:
        r += 1
    if a <= b:
        r += 10
    if a > b:
        r += 100
    if a >= b:
        r += 1000
    if a == b:
        r += 10000
    if a != b:
        r += 100000
    return r
