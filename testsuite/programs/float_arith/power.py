# Float ** including the special cases of C99 pow and Python's errors.
# pyaot: run fpow(2.0, 10.0)
# A negative base with a fractional exponent: CPython computes a complex power, which raises
# OverflowError when it overflows (pyaot raises ValueError where CPython returns a complex).
# pyaot: run-msg fpow(-1e308, 1.5)
# pyaot: run-msg fpow(-2.5, 1e15 + 0.5)
# pyaot: check raises(ValueError, m.fpow, -1e300, 1.0001)
# pyaot: run fpow(-1e-300, -1.5)
# pyaot: run fpow(-10.0, 400.5)
# pyaot: run-msg int_fpow(-10, 1e15 + 0.5)
# pyaot: run int_fpow(-10, 308.5)
# pyaot: run-msg pow_builtin(-1e308, 1.5)
# pyaot: check raises(ValueError, m.fpow, -8.0, 1.0 / 3.0) and raises(ValueError, m.fpow, -2.0, 0.5)
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


def int_fpow(a: int, b: float) -> float:
    return a ** b


def pow_builtin(a: float, b: float) -> float:
    return pow(a, b)
