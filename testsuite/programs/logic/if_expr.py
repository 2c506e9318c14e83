# Conditional expressions evaluate only the chosen branch.
# pyaot: run pick(True, 1, 2)
# pyaot: run pick(False, 1, 2)
# pyaot: run sign(-5)
# pyaot: run sign(0)
# pyaot: run sign(9)
# pyaot: run safe_div(7, 0)
# pyaot: run safe_div(7, 2)
# pyaot: run fclamp(-0.5)
# pyaot: run fclamp(0.25)
# pyaot: run fclamp(2.5)
# pyaot: run fclamp(nan)
# pyaot: run nested(5)
# pyaot: run nested(-5)
# pyaot: run nested(0)


def pick(c: bool, a: int, b: int) -> int:
    return a if c else b


def sign(x: int) -> int:
    return 1 if x > 0 else -1 if x < 0 else 0


def safe_div(a: int, b: int) -> int:
    return a // b if b != 0 else 0


def fclamp(x: float) -> float:
    return 0.0 if x < 0.0 else 1.0 if x > 1.0 else x


def nested(x: int) -> float:
    y = (x * 2 if x > 0 else x * 3) if x != 0 else 100
    return y / 4 if y % 2 == 0 else y / 2
