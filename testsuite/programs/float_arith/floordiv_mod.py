# Float // and % follow Python's sign rules, with zero, inf and nan operands.
# pyaot: run fdiv(7.5, 2.0)
# pyaot: run fdiv(-7.5, 2.0)
# pyaot: run fdiv(7.5, -2.0)
# pyaot: run fdiv(-7.5, -2.0)
# pyaot: run fdiv(0.0, 3.0)
# pyaot: run fdiv(-0.0, 3.0)
# pyaot: run fdiv(0.0, -3.0)
# pyaot: run fdiv(1.0, 0.0)
# pyaot: run fdiv(1.0, -0.0)
# pyaot: run fdiv(5.0, inf)
# pyaot: run fdiv(-5.0, inf)
# pyaot: run fdiv(5.0, -inf)
# pyaot: run fdiv(inf, 2.0)
# pyaot: run fdiv(nan, 2.0)
# pyaot: run fdiv(0.7, 0.1)
# pyaot: run fdiv(1e300, 1e-300)
# pyaot: run fmod_(7.5, 2.0)
# pyaot: run fmod_(-7.5, 2.0)
# pyaot: run fmod_(7.5, -2.0)
# pyaot: run fmod_(-7.5, -2.0)
# pyaot: run fmod_(6.0, 3.0)
# pyaot: run fmod_(-6.0, 3.0)
# pyaot: run fmod_(6.0, -3.0)
# pyaot: run fmod_(-0.0, 1.0)
# pyaot: run fmod_(0.0, -1.0)
# pyaot: run fmod_(1.0, 0.0)
# pyaot: run fmod_(-1.0, inf)
# pyaot: run fmod_(1.0, inf)
# pyaot: run fmod_(1.0, -inf)
# pyaot: run fmod_(-1.0, -inf)
# pyaot: run fmod_(inf, 3.0)
# pyaot: run fmod_(nan, 3.0)
# pyaot: run fmod_(3.0, nan)
# pyaot: run fmod_(0.7, 0.1)
# pyaot: run fmod_(-1e-300, 1e300)
# pyaot: run both(-10.25, 3.0)
# pyaot: run both(10.25, -3.0)
# pyaot: run aug(17.5, 4.0)


def fdiv(a: float, b: float) -> float:
    return a // b


def fmod_(a: float, b: float) -> float:
    return a % b


def both(a: float, b: float) -> tuple[float, float]:
    return a // b, a % b


def aug(a: float, b: float) -> float:
    x = a
    x //= b
    y = a
    y %= b
    return x * 100.0 + y
