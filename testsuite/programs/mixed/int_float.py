# Mixed int and float operands promote the int to float, rounding to nearest even.
# pyaot: run addf(1, 0.5)
# pyaot: run addf(2**53, 1.0)
# pyaot: run addf(2**53 + 1, 0.0)
# pyaot: run addf(2**63 - 1, 0.0)
# pyaot: run addf(-2**63, -0.0)
# pyaot: run addf(0, -0.0)
# pyaot: run addf(5, nan)
# pyaot: run addf(-5, inf)
# pyaot: run subf(3, 0.25)
# pyaot: run subf(0, 0.0)
# pyaot: run rsub(0.0, 0)
# pyaot: run mulf(3, 0.1)
# pyaot: run mulf(10**18, 1.5)
# pyaot: run mulf(0, -1.0)
# pyaot: run mulf(-3, 0.0)
# pyaot: run mulf(0, inf)
# pyaot: run divf(1, 3.0)
# pyaot: run divf(1, 0.0)
# pyaot: run divf(0, -2.0)
# pyaot: run rdiv(1.0, 0)
# pyaot: run rdiv(7.5, 2)
# pyaot: run fdivf(7, 2.0)
# pyaot: run fdivf(-7, 2.0)
# pyaot: run fdivf(7, 0.0)
# pyaot: run modf(-7, 2.0)
# pyaot: run modf(7, -2.5)
# pyaot: run modf(7, 0.0)
# pyaot: run powf(2, 0.5)
# pyaot: run powf(0, -1.0)
# pyaot: run powf(-8, 2.0)
# pyaot: run int_to_float(2**63 - 1)
# pyaot: run int_to_float(-2**63)
# pyaot: run int_to_float(2**53 + 1)
# pyaot: run int_to_float(-(2**53 + 3))
# pyaot: run int_to_float(0)
# pyaot: run promote_local(3)
# pyaot: run average(1, 2, 4)
# pyaot: run float_param_takes_int(3)
# pyaot: run float_param_takes_int(-2**63)


def addf(a: int, b: float) -> float:
    return a + b


def subf(a: int, b: float) -> float:
    return a - b


def rsub(a: float, b: int) -> float:
    return a - b


def mulf(a: int, b: float) -> float:
    return a * b


def divf(a: int, b: float) -> float:
    return a / b


def rdiv(a: float, b: int) -> float:
    return a / b


def fdivf(a: int, b: float) -> float:
    return a // b


def modf(a: int, b: float) -> float:
    return a % b


def powf(a: int, b: float) -> float:
    return a ** b


def int_to_float(a: int) -> float:
    return float(a)


def promote_local(n: int) -> float:
    x = 0.5
    x += n
    x *= n
    return x


def average(a: int, b: int, c: int) -> float:
    return (a + b + c) / 3


def float_param_takes_int(x: float) -> float:
    return x * 2.0
