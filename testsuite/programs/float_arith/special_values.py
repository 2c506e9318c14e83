# Signed zeros, infinities and NaN flow through arithmetic as IEEE 754 says.
# pyaot: run add(0.0, -0.0)
# pyaot: run add(-0.0, -0.0)
# pyaot: run add(-0.0, 0.0)
# pyaot: run sub(0.0, 0.0)
# pyaot: run sub(-0.0, 0.0)
# pyaot: run sub(0.0, -0.0)
# pyaot: run mul(-0.0, 5.0)
# pyaot: run mul(-0.0, -5.0)
# pyaot: run mul(0.0, inf)
# pyaot: run mul(-1.0, inf)
# pyaot: run add(inf, -inf)
# pyaot: run add(inf, inf)
# pyaot: run add(nan, 1.0)
# pyaot: run sub(inf, inf)
# pyaot: run div(-0.0, 5.0)
# pyaot: run div(0.0, -5.0)
# pyaot: run div(-0.0, -inf)
# pyaot: run div(nan, nan)
# pyaot: run div(-0.0, 0.0)
# pyaot: run make_neg_zero()
# pyaot: run make_inf()
# pyaot: run make_nan()
# pyaot: run is_nan(nan)
# pyaot: run is_nan(inf)
# pyaot: run is_nan(0.0)
# pyaot: run zero_sign(0.0)
# pyaot: run zero_sign(-0.0)
# pyaot: run zero_sign(-1e-320)


def add(a: float, b: float) -> float:
    return a + b


def sub(a: float, b: float) -> float:
    return a - b


def mul(a: float, b: float) -> float:
    return a * b


def div(a: float, b: float) -> float:
    return a / b


def make_neg_zero() -> float:
    return -0.0 * 1.0


def make_inf() -> float:
    return 1e308 * 10.0


def make_nan() -> float:
    x = 1e308 * 10.0
    return x - x


def is_nan(x: float) -> bool:
    return x != x


def zero_sign(x: float) -> float:
    return 1.0 / x if x != 0.0 else -x
