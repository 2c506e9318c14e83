# A function may call functions defined later in the module.
# pyaot: run first(3)
# pyaot: run first(-3)
# pyaot: run chain(2.0)


def first(x: int) -> int:
    return second(x) + 1


def chain(x: float) -> float:
    return later_helper(x) * 2.0


def second(x: int) -> int:
    return third(x) * 2


def third(x: int) -> int:
    return x - 1


def later_helper(x):
    return x + 0.25
