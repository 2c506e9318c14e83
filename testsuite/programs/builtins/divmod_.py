# divmod(a, b) of ints and floats: (a // b, a % b) with Python's signs, as CPython computes it.
# pyaot: run ints(17, 5)
# pyaot: run ints(-17, 5)
# pyaot: run ints(17, -5)
# pyaot: run ints(-9223372036854775807, 2)
# pyaot: run-msg ints(3, 0)
# pyaot: run floats(7.5, 2.0)
# pyaot: run floats(-7.5, 2.0)
# pyaot: run floats(7.5, -0.5)
# pyaot: run floats(1e308, 1e-308)
# pyaot: run floats(inf, 2.0)
# pyaot: run floats(nan, 2.0)
# pyaot: run floats(-0.0, 3.0)
# pyaot: run floats(1.0, 0.0)
# pyaot: run mixed(7, 2.5)
# pyaot: run digits(1234567)
# pyaot: run shifted(10, 3)
def ints(a: int, b: int) -> tuple[int, int]:
    return divmod(a, b)


def floats(x: float, y: float) -> tuple[float, float]:
    return divmod(x, y)


def mixed(a: int, y: float) -> tuple[float, float]:
    q, r = divmod(a, y)
    return q, r


def digits(n: int) -> int:
    total = 0
    while n > 0:
        n, d = divmod(n, 10)
        total += d
    return total


def shifted(a: int, b: int) -> tuple[int, int]:
    return divmod(a + 1, b * 2)
