# and/or skip their right operand: the skipped operand would raise ZeroDivisionError.
# pyaot: run safe_and(0, 5)
# pyaot: run safe_and(2, 5)
# pyaot: run safe_and(2, 50)
# pyaot: run safe_or(0, 5)
# pyaot: run safe_or(2, 5)
# pyaot: run safe_or(2, 1)
# pyaot: run unsafe_and(0, 5)
# pyaot: run unsafe_or(0, 5)
# pyaot: run via_call_and(0)
# pyaot: run via_call_and(4)
# pyaot: run via_call_or(0)
# pyaot: run via_call_or(4)
# pyaot: run float_guard(0.0)
# pyaot: run float_guard(4.0)
# pyaot: run in_condition(0)
# pyaot: run in_condition(3)
# pyaot: run in_while(5)
# pyaot: run value_or_raise(0)
# pyaot: run value_or_raise(7)


def explode(a: int) -> bool:
    return 10 // a > 0


def safe_and(a: int, b: int) -> bool:
    return a != 0 and 100 // a < b


def safe_or(a: int, b: int) -> bool:
    return a == 0 or 100 // a < b


def unsafe_and(a: int, b: int) -> bool:
    return a == 0 and 100 // a < b


def unsafe_or(a: int, b: int) -> bool:
    return a != 0 or 100 // a < b


def via_call_and(a: int) -> bool:
    return a != 0 and explode(a)


def via_call_or(a: int) -> bool:
    return a == 0 or explode(a)


def float_guard(x: float) -> bool:
    return x != 0.0 and 1.0 / x > 0.1


def in_condition(a: int) -> int:
    if a > 0 and 12 // a == 4:
        return 1
    elif a == 0 or 12 // a == 6:
        return 2
    return 3


def in_while(n: int) -> int:
    i = n
    steps = 0
    while i != 0 and 100 // i > 0:
        i -= 1
        steps += 1
    return steps


def value_or_raise(a: int) -> int:
    return a and 100 // a
