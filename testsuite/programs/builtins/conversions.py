# int(), float() and bool() conversions, including the ones that raise.
# pyaot: run to_int(2.9)
# pyaot: run to_int(-2.9)
# pyaot: run to_int(-0.0)
# pyaot: run to_int(0.99999)
# pyaot: run to_int(9.223372036854775e18)
# pyaot: run to_int(-9.223372036854775808e18)
# pyaot: run to_int(1e18)
# pyaot: run-msg to_int(inf)
# pyaot: run-msg to_int(-inf)
# pyaot: run-msg to_int(nan)
# pyaot: overflow to_int(9.223372036854775808e18)
# pyaot: overflow to_int(1e19)
# pyaot: overflow to_int(-1e300)
# pyaot: run int_of_int(-7)
# pyaot: run int_of_bool(True)
# pyaot: run int_of_bool(False)
# pyaot: run to_float(3)
# pyaot: run to_float(-2**63)
# pyaot: run to_float(2**63 - 1)
# pyaot: run to_float(2**53 + 1)
# pyaot: run float_of_float(-0.0)
# pyaot: run float_of_bool(True)
# pyaot: run to_bool_i(0)
# pyaot: run to_bool_i(-5)
# pyaot: run to_bool_f(-0.0)
# pyaot: run to_bool_f(nan)
# pyaot: run bool_of_bool(False)
# pyaot: run roundtrip(12345)
# pyaot: run bool_arith(True, 3)


def to_int(x: float) -> int:
    return int(x)


def int_of_int(x: int) -> int:
    return int(x)


def int_of_bool(b: bool) -> int:
    return int(b)


def to_float(x: int) -> float:
    return float(x)


def float_of_float(x: float) -> float:
    return float(x)


def float_of_bool(b: bool) -> float:
    return float(b)


def to_bool_i(x: int) -> bool:
    return bool(x)


def to_bool_f(x: float) -> bool:
    return bool(x)


def bool_of_bool(b: bool) -> bool:
    return bool(b)


def roundtrip(n: int) -> int:
    return int(float(n) * 2.0) - n


def bool_arith(b: bool, n: int) -> int:
    return int(b) * n + int(not b)
