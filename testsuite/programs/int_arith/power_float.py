# `int ** int` whose exponent is negative only at run time: where the result is used as a float
# (float arithmetic, float(), math functions) it is CPython's float, computed
# as float(a) ** float(b); 0 ** negative raises ZeroDivisionError; a result needed as an int raises
# ValueError (CPython gives a float there, which an int cannot hold).
# pyaot: run scaled(2, -2)
# pyaot: run scaled(2, 10)
# pyaot: run scaled(-2, -3)
# pyaot: run scaled(-3, 3)
# pyaot: run scaled(10, -300)
# pyaot: run scaled(10, -400)
# pyaot: run scaled(7, 0)
# pyaot: run scaled(0, 0)
# pyaot: run-msg scaled(0, -1)
# pyaot: run scaled(-9223372036854775807 - 1, -1)
# pyaot: run scaled(3, -40)
# pyaot: run scaled(1, -9223372036854775807 - 1)
# pyaot: run scaled(-1, -9223372036854775807)
# pyaot: overflow scaled(2, 64)
# pyaot: run converted(5, -1)
# pyaot: run converted(5, 3)
# pyaot: run halved(4, -2)
# pyaot: run rooted(4, -2)
# pyaot: run-msg rooted(0, -2)
# pyaot: run as_int(2, 5)
# pyaot: check raises(ValueError, m.as_int, 2, -1)
import math


def scaled(b: int, e: int) -> float:
    return b ** e * 1.0


def converted(b: int, e: int) -> float:
    return float(b ** e)


def halved(b: int, e: int) -> float:
    return b ** e + 0.5


def rooted(b: int, e: int) -> float:
    return math.sqrt(b ** e)


def as_int(b: int, e: int) -> int:
    return b ** e
