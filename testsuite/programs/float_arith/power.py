# Float ** including the special cases of C99 pow and Python's errors.
# pyaot: run fpow(2.0, 10.0)
# pyaot: run fpow(2.0, 0.5)
# pyaot: run fpow(2.0, -1.0)
# pyaot: run fpow(-2.0, 3.0)
# pyaot: run fpow(-2.0, 2.0)
# pyaot: run fpow(-0.0, 3.0)
# pyaot: run fpow(-0.0, 2.0)
# pyaot: run fpow(0.0, 0.0)
# pyaot: run fpow(nan, 0.0)
# pyaot: run fpow(1.0, nan)
# pyaot: run fpow(1.0, inf)
# pyaot: run fpow(-1.0, inf)
# pyaot: run fpow(inf, 0.0)
# pyaot: run fpow(inf, -1.0)
# pyaot: run fpow(-inf, 3.0)
# pyaot: run fpow(0.5, inf)
# pyaot: run fpow(2.0, -inf)
# pyaot: run fpow(10.0, -400.0)
# pyaot: run fpow(0.0, -1.0)
# pyaot: run fpow(-0.0, -1.0)
# pyaot: run fpow(0.0, -inf)
# pyaot: run fpow(2.0, 10000.0)
# pyaot: run fpow(-2.0, 10001.0)
# pyaot: run fpow(1.0000001, 1e10)
# pyaot: run fpow(nan, 1.0)
# pyaot: run ipow_f(2.0, 3)
# pyaot: run ipow_f(2.0, -3)
# pyaot: run ipow_f(-1.5, 5)
# pyaot: run ipow_f(0.0, -2)
# pyaot: run ipow_f(10.0, 400)
# pyaot: run ipow_f(1.1, 0)
# pyaot: run sqrt_by_pow(2.0)
# pyaot: run aug(1.5)


def fpow(a: float, b: float) -> float:
    return a ** b


def ipow_f(a: float, n: int) -> float:
    return a ** n


def sqrt_by_pow(x: float) -> float:
    return x ** 0.5


def aug(x: float) -> float:
    y = x
    y **= 3.0
    y **= 0.5
    return y
