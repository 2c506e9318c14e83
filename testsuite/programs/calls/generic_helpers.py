# Unannotated helpers are specialised per call site by the argument types.
# pyaot: run with_ints(3, 4)
# pyaot: run with_floats(3.0, 4.5)
# pyaot: run both_kinds(3, 0.5)
# pyaot: run mixed_call(2, 0.25)
# pyaot: run helper_chain(5)
# pyaot: run helper_div(7, 2)
# pyaot: run helper_div_f(7.0, 2.0)
# pyaot: run helper_bool(3)
# pyaot: run helper_tuple(9)


def square(x):
    return x * x


def add(a, b):
    return a + b


def halve(x):
    return x / 2


def twice(f_arg):
    return square(f_arg) + square(f_arg)


def with_ints(a: int, b: int) -> int:
    return add(square(a), square(b))


def with_floats(a: float, b: float) -> float:
    return add(square(a), square(b))


def both_kinds(n: int, x: float) -> float:
    return square(n) + square(x)


def mixed_call(n: int, x: float) -> float:
    return add(n, x)


def helper_chain(n: int) -> int:
    return twice(n)


def helper_div(a: int, b: int) -> float:
    return halve(a) + halve(b)


def helper_div_f(a: float, b: float) -> float:
    return halve(a) - halve(b)


def positive(x):
    return x > 0


def helper_bool(n: int) -> bool:
    return positive(n) and positive(n - 3)


def qr(a, b):
    return a // b, a % b


def helper_tuple(n: int) -> tuple[int, int]:
    return qr(n, 4)
