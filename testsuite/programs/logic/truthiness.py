# ints and floats as conditions: zero, negative zero and NaN.
# pyaot: run truthy_int(0)
# pyaot: run truthy_int(1)
# pyaot: run truthy_int(-1)
# pyaot: run truthy_int(-2**63)
# pyaot: run truthy_float(0.0)
# pyaot: run truthy_float(-0.0)
# pyaot: run truthy_float(nan)
# pyaot: run truthy_float(5e-324)
# pyaot: run truthy_float(-inf)
# pyaot: run while_int(5)
# pyaot: run while_int(0)
# pyaot: run bool_of_int(0)
# pyaot: run bool_of_int(-7)
# pyaot: run bool_of_float(-0.0)
# pyaot: run bool_of_float(nan)
# pyaot: run ternary_truth(0)
# pyaot: run ternary_truth(3)
# pyaot: run not_not(0.0)
# pyaot: run not_not(2.0)


def truthy_int(x: int) -> int:
    if x:
        return 1
    return 0


def truthy_float(x: float) -> int:
    if x:
        return 1
    else:
        return 0


def while_int(n: int) -> int:
    count = 0
    while n:
        n -= 1
        count += 2
    return count


def bool_of_int(x: int) -> bool:
    return bool(x)


def bool_of_float(x: float) -> bool:
    return bool(x)


def ternary_truth(x: int) -> int:
    return 10 if x else 20


def not_not(x: float) -> bool:
    return not not x
