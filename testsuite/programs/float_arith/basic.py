# Float + - * / with ordinary values, rounding and division by zero.
# pyaot: run add(0.1, 0.2)
# pyaot: run add(1e308, 1e308)
# pyaot: run add(-1e308, -1e308)
# pyaot: run add(1.0, -1.0)
# pyaot: run add(5e-324, 5e-324)
# pyaot: run sub(0.3, 0.1)
# pyaot: run sub(1.0, 1.0)
# pyaot: run sub(-1.0, -1.0)
# pyaot: run mul(0.1, 3.0)
# pyaot: run mul(1e200, 1e200)
# pyaot: run mul(1e-200, 1e-200)
# pyaot: run mul(-1e-200, 1e-200)
# pyaot: run div(1.0, 3.0)
# pyaot: run div(-1.0, 3.0)
# pyaot: run div(1.0, 1e-310)
# pyaot: run div(1.0, 0.0)
# pyaot: run div(0.0, 0.0)
# pyaot: run div(1.0, -0.0)
# pyaot: run div(inf, 0.0)
# pyaot: run div(nan, 0.0)
# pyaot: run div(inf, inf)
# pyaot: run div(1.0, inf)
# pyaot: run div(-1.0, inf)
# pyaot: run poly(1.5)
# pyaot: run poly(-2.25)
# pyaot: run aug(2.5)
# pyaot: run neg(0.0)
# pyaot: run neg(-0.0)
# pyaot: run neg(nan)
# pyaot: run neg(inf)
# pyaot: run pos(-0.0)
# pyaot: run kahan_free_sum(1000)


def add(a: float, b: float) -> float:
    return a + b


def sub(a: float, b: float) -> float:
    return a - b


def mul(a: float, b: float) -> float:
    return a * b


def div(a: float, b: float) -> float:
    return a / b


def poly(x: float) -> float:
    return 3.0 * x * x - 2.0 * x + 0.5


def aug(x: float) -> float:
    y = x
    y += 1.25
    y *= 3.0
    y -= 0.5
    y /= 7.0
    return y


def neg(x: float) -> float:
    return -x


def pos(x: float) -> float:
    return +x


def kahan_free_sum(n: int) -> float:
    s = 0.0
    for i in range(n):
        s += 0.1
    return s
