# Comparison operators on ints, floats and bools, including NaN and signed zeros.
# pyaot: run cmp_int(1, 2)
# pyaot: run cmp_int(2, 1)
# pyaot: run cmp_int(-3, -3)
# pyaot: run cmp_int(-2**63, 2**63 - 1)
# pyaot: run cmp_int(2**63 - 1, -2**63)
# pyaot: run cmp_float(1.0, 2.0)
# pyaot: run cmp_float(0.0, -0.0)
# pyaot: run cmp_float(nan, nan)
# pyaot: run cmp_float(nan, 1.0)
# pyaot: run cmp_float(inf, inf)
# pyaot: run cmp_float(-inf, inf)
# pyaot: run cmp_float(5e-324, 0.0)
# pyaot: run cmp_bool(True, False)
# pyaot: run cmp_bool(False, False)
# pyaot: run eq_int(7, 7)
# pyaot: run ne_float(nan, nan)
# pyaot: run ne_float(0.0, -0.0)
# pyaot: run lt(1, 2)
# pyaot: run le(2, 2)
# pyaot: run gt(3, 2)
# pyaot: run ge(1, 2)


def cmp_int(a: int, b: int) -> int:
    r = 0
    if a < b:
        r += 1
    if a <= b:
        r += 10
    if a > b:
        r += 100
    if a >= b:
        r += 1000
    if a == b:
        r += 10000
    if a != b:
        r += 100000
    return r


def cmp_float(a: float, b: float) -> int:
    r = 0
    if a < b:
        r += 1
    if a <= b:
        r += 10
    if a > b:
        r += 100
    if a >= b:
        r += 1000
    if a == b:
        r += 10000
    if a != b:
        r += 100000
    return r


def cmp_bool(a: bool, b: bool) -> int:
    r = 0
    if a == b:
        r += 1
    if a != b:
        r += 10
    if a > b:
        r += 100
    if a < b:
        r += 1000
    return r


def eq_int(a: int, b: int) -> bool:
    return a == b


def ne_float(a: float, b: float) -> bool:
    return a != b


def lt(a: int, b: int) -> bool:
    return a < b


def le(a: int, b: int) -> bool:
    return a <= b


def gt(a: int, b: int) -> bool:
    return a > b


def ge(a: int, b: int) -> bool:
    return a >= b
