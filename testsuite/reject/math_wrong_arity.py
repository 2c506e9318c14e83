import math


def f(x: float) -> float:
    return math.atan2(x)
