# Trigonometric functions and their inverses, including domain errors and signed zeros.
# pyaot: run sin_(0.5)
# pyaot: run sin_(-0.0)
# pyaot: run sin_(1e22)
# pyaot: run sin_(math.pi)
# pyaot: run-msg sin_(inf)
# pyaot: run sin_(nan)
# pyaot: run cos_(0.5)
# pyaot: run cos_(math.pi)
# pyaot: run-msg cos_(-inf)
# pyaot: run tan_(0.5)
# pyaot: run tan_(math.pi / 2)
# pyaot: run-msg tan_(inf)
# pyaot: run asin_(0.5)
# pyaot: run asin_(-0.0)
# pyaot: run asin_(1.0)
# pyaot: run-msg asin_(1.0000001)
# pyaot: run-msg asin_(-2.0)
# pyaot: run acos_(0.5)
# pyaot: run acos_(-1.0)
# pyaot: run-msg acos_(2.0)
# pyaot: run acos_(nan)
# pyaot: run atan_(1.0)
# pyaot: run atan_(inf)
# pyaot: run atan_(-inf)
# pyaot: run atan_(-0.0)
# pyaot: run atan2_(1.0, 1.0)
# pyaot: run atan2_(0.0, -0.0)
# pyaot: run atan2_(-0.0, -0.0)
# pyaot: run atan2_(0.0, 0.0)
# pyaot: run atan2_(-0.0, 0.0)
# pyaot: run atan2_(1.0, 0.0)
# pyaot: run atan2_(inf, inf)
# pyaot: run atan2_(-inf, -inf)
# pyaot: run atan2_(1.0, -inf)
# pyaot: run atan2_(nan, 1.0)
# pyaot: run degrees_(math.pi)
# pyaot: run degrees_(1.0)
# pyaot: run radians_(180.0)
# pyaot: run radians_(-45.0)
# pyaot: run unit_circle(0.7)
# pyaot: run sin_int(3)
import math


def sin_(x: float) -> float:
    return math.sin(x)


def cos_(x: float) -> float:
    return math.cos(x)


def tan_(x: float) -> float:
    return math.tan(x)


def asin_(x: float) -> float:
    return math.asin(x)


def acos_(x: float) -> float:
    return math.acos(x)


def atan_(x: float) -> float:
    return math.atan(x)


def atan2_(y: float, x: float) -> float:
    return math.atan2(y, x)


def degrees_(x: float) -> float:
    return math.degrees(x)


def radians_(x: float) -> float:
    return math.radians(x)


def unit_circle(t: float) -> float:
    return math.sin(t) ** 2 + math.cos(t) ** 2


def sin_int(n: int) -> float:
    return math.sin(n)
