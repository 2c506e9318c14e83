# assert raises AssertionError, with or without a message, and passes through otherwise.
# pyaot: run checked_sqrt(4.0)
# pyaot: run-msg checked_sqrt(-4.0)
# pyaot: run positive(3)
# pyaot: run-msg positive(-3)
# pyaot: run-msg positive(0)
# pyaot: run in_loop(5)
# pyaot: run in_loop(50)
# pyaot: run assert_float_truth(1.5)
# pyaot: run assert_float_truth(0.0)
# pyaot: run assert_float_truth(nan)
import math


def checked_sqrt(x: float) -> float:
    assert x >= 0.0, "x must be non-negative"
    return math.sqrt(x)


def positive(n: int) -> int:
    assert n > 0
    return n


def in_loop(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
        assert s < 100, "sum too large"
    return s


def assert_float_truth(x: float) -> float:
    assert x
    return x
