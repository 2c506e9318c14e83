# floor, ceil and trunc return ints; fabs, fmod, copysign and hypot return floats.
# pyaot: run floor_(2.5)
# pyaot: run floor_(-2.5)
# pyaot: run floor_(-0.0)
# pyaot: run floor_(-1e-300)
# pyaot: run floor_(9.2e18)
# pyaot: run-msg floor_(inf)
# pyaot: run-msg floor_(nan)
# pyaot: overflow floor_(1e19)
# pyaot: overflow floor_(-1e19)
# pyaot: run floor_int(-7)
# pyaot: run ceil_(2.5)
# pyaot: run ceil_(-2.5)
# pyaot: run ceil_(1e-300)
# pyaot: run-msg ceil_(-inf)
# pyaot: run-msg ceil_(nan)
# pyaot: overflow ceil_(9.3e18)
# pyaot: run trunc_(2.9)
# pyaot: run trunc_(-2.9)
# pyaot: run-msg trunc_(inf)
# pyaot: run-msg trunc_(nan)
# pyaot: overflow trunc_(1e19)
# pyaot: run fabs_(-3.0)
# pyaot: run fabs_(-0.0)
# pyaot: run fabs_int(-3)
# pyaot: run fmod_(7.5, 2.0)
# pyaot: run fmod_(-7.5, 2.0)
# pyaot: run fmod_(7.5, -2.0)
# pyaot: run fmod_(-0.0, 1.0)
# pyaot: run fmod_(1.0, inf)
# pyaot: run fmod_(nan, 1.0)
# pyaot: run-msg fmod_(1.0, 0.0)
# pyaot: run-msg fmod_(inf, 1.0)
# pyaot: run copysign_(3.0, -0.0)
# pyaot: run copysign_(-3.0, 0.0)
# pyaot: run copysign_(0.0, -1.0)
# pyaot: run copysign_(inf, -2.0)
# pyaot: run copysign_(1.0, -nan)
# pyaot: run hypot_(3.0, 4.0)
# pyaot: run hypot_(inf, nan)
# pyaot: run hypot_(nan, -inf)
# pyaot: run hypot_(1e308, 1e308)
# pyaot: run hypot_(-0.0, 0.0)
# pyaot: run hypot_(5e-324, 5e-324)
import math


def floor_(x: float) -> int:
    return math.floor(x)


def floor_int(n: int) -> int:
    return math.floor(n)


def ceil_(x: float) -> int:
    return math.ceil(x)


def trunc_(x: float) -> int:
    return math.trunc(x)


def fabs_(x: float) -> float:
    return math.fabs(x)


def fabs_int(n: int) -> float:
    return math.fabs(n)


def fmod_(x: float, y: float) -> float:
    return math.fmod(x, y)


def copysign_(x: float, y: float) -> float:
    return math.copysign(x, y)


def hypot_(x: float, y: float) -> float:
    return math.hypot(x, y)
