# and, or and not on bools, and the values that and/or return for ints and floats.
# pyaot: run band(True, True)
# pyaot: run band(True, False)
# pyaot: run band(False, True)
# pyaot: run bor(False, False)
# pyaot: run bor(False, True)
# pyaot: run bnot(True)
# pyaot: run bnot(False)
# pyaot: run int_and(0, 5)
# pyaot: run int_and(3, 5)
# pyaot: run int_and(-1, 0)
# pyaot: run int_or(0, 5)
# pyaot: run int_or(3, 5)
# pyaot: run int_or(0, 0)
# pyaot: run float_and(0.0, 2.5)
# pyaot: run float_and(-0.0, 2.5)
# pyaot: run float_and(nan, 2.5)
# pyaot: run float_and(1.5, -0.0)
# pyaot: run float_or(0.0, -0.0)
# pyaot: run float_or(-0.0, 7.0)
# pyaot: run float_or(nan, 7.0)
# pyaot: run int_not(0)
# pyaot: run int_not(-3)
# pyaot: run float_not(0.0)
# pyaot: run float_not(-0.0)
# pyaot: run float_not(nan)
# pyaot: run float_not(1e-320)
# pyaot: run xor_bool(True, False)
# pyaot: run xor_bool(True, True)
# pyaot: run precedence(True, False, True)
# pyaot: run precedence(False, False, True)
# pyaot: run three_way(0, 0, 9)
# pyaot: run three_way(0, 4, 9)


def band(a: bool, b: bool) -> bool:
    return a and b


def bor(a: bool, b: bool) -> bool:
    return a or b


def bnot(a: bool) -> bool:
    return not a


def int_and(a: int, b: int) -> int:
    return a and b


def int_or(a: int, b: int) -> int:
    return a or b


def float_and(a: float, b: float) -> float:
    return a and b


def float_or(a: float, b: float) -> float:
    return a or b


def int_not(a: int) -> bool:
    return not a


def float_not(a: float) -> bool:
    return not a


def xor_bool(a: bool, b: bool) -> bool:
    return a != b


def precedence(a: bool, b: bool, c: bool) -> bool:
    return a or b and not c


def three_way(a: int, b: int, c: int) -> int:
    return a or b or c
