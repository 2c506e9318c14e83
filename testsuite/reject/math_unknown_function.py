import math


def f(x: float) -> float:
    return math.frobnicate(x)
