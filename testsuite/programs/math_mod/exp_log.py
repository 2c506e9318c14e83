# math.sqrt, exp, log and friends, with their domain and range errors.
# pyaot: run sqrt_(2.0)
# pyaot: run sqrt_(0.0)
# pyaot: run sqrt_(-0.0)
# pyaot: run sqrt_(inf)
# pyaot: run sqrt_(nan)
# pyaot: run sqrt_(1e-320)
# pyaot: run-msg sqrt_(-1.0)
# pyaot: run-msg sqrt_(-inf)
# pyaot: run sqrt_int(16)
# pyaot: run-msg sqrt_int(-16)
# pyaot: run exp_(1.0)
# pyaot: run exp_(-745.2)
# pyaot: run exp_(709.0)
# pyaot: run exp_(-inf)
# pyaot: run exp_(nan)
# pyaot: run-msg exp_(1000.0)
# pyaot: run-msg exp_(710.0)
# pyaot: run exp2_(10.0)
# pyaot: run exp2_(-1074.0)
# pyaot: run exp2_(1024.0)
# pyaot: run expm1_(1e-10)
# pyaot: run expm1_(-inf)
# pyaot: run-msg expm1_(1000.0)
# pyaot: run log_(math.e)
# pyaot: run log_(1.0)
# pyaot: run log_(1e-320)
# pyaot: run log_(inf)
# pyaot: run log_(nan)
# pyaot: run-msg log_(0.0)
# pyaot: run-msg log_(-0.0)
# pyaot: run-msg log_(-1.0)
# pyaot: run log_int(1000)
# pyaot: run log_int(2**62)
# pyaot: run-msg log_int(0)
# pyaot: run-msg log_int(-3)
# pyaot: run log2_(1024.0)
# pyaot: run log2_(3.0)
# pyaot: run-msg log2_(0.0)
# pyaot: run log10_(1000.0)
# pyaot: run log10_(2.0)
# pyaot: run-msg log10_(-2.0)
# pyaot: run log1p_(1e-10)
# pyaot: run log1p_(-0.5)
# pyaot: run-msg log1p_(-1.0)
# pyaot: run-msg log1p_(-2.0)
# pyaot: run pow_(2.0, 0.5)
# pyaot: run pow_(-2.0, 3.0)
# pyaot: run pow_(0.0, 0.0)
# pyaot: run pow_(1.0, nan)
# pyaot: run pow_(nan, 0.0)
# pyaot: run pow_(-1.0, inf)
# pyaot: run pow_(0.0, -inf)
# pyaot: run-msg pow_(0.0, -1.0)
# pyaot: run-msg pow_(-8.0, 1.0 / 3.0)
# pyaot: run-msg pow_(10.0, 400.0)
# pyaot: run pow_int(2, 10)
# pyaot: run ldexp_(1.0, 10)
# pyaot: run ldexp_(1.0, -1074)
# pyaot: run ldexp_(1.0, -1075)
# pyaot: run ldexp_(-0.0, 5)
# pyaot: run ldexp_(inf, -5)
# pyaot: run-msg ldexp_(1.0, 1024)
# pyaot: run-msg ldexp_(1.0, 2**62)
# pyaot: run ldexp_(1.0, -2**62)
import math


def sqrt_(x: float) -> float:
    return math.sqrt(x)


def sqrt_int(n: int) -> float:
    return math.sqrt(n)


def exp_(x: float) -> float:
    return math.exp(x)


def exp2_(x: float) -> float:
    return math.exp2(x)


def expm1_(x: float) -> float:
    return math.expm1(x)


def log_(x: float) -> float:
    return math.log(x)


def log_int(n: int) -> float:
    return math.log(n)


def log2_(x: float) -> float:
    return math.log2(x)


def log10_(x: float) -> float:
    return math.log10(x)


def log1p_(x: float) -> float:
    return math.log1p(x)


def pow_(x: float, y: float) -> float:
    return math.pow(x, y)


def pow_int(a: int, b: int) -> float:
    return math.pow(a, b)


def ldexp_(x: float, i: int) -> float:
    return math.ldexp(x, i)
