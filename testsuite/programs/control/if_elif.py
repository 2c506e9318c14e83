# if / elif / else chains, nested ifs, early returns and pass.
# pyaot: run grade(95)
# pyaot: run grade(85)
# pyaot: run grade(75)
# pyaot: run grade(10)
# pyaot: run grade(-1)
# pyaot: run quadrant(1.0, 1.0)
# pyaot: run quadrant(-1.0, 1.0)
# pyaot: run quadrant(-1.0, -1.0)
# pyaot: run quadrant(1.0, -1.0)
# pyaot: run quadrant(0.0, 3.0)
# pyaot: run quadrant(nan, 1.0)
# pyaot: run with_pass(3)
# pyaot: run with_pass(-3)
# pyaot: run fizzbuzz_code(15)
# pyaot: run fizzbuzz_code(9)
# pyaot: run fizzbuzz_code(10)
# pyaot: run fizzbuzz_code(7)
# pyaot: run no_else(4)
# pyaot: run no_else(-4)
# pyaot: run returns_none(3)


def grade(score: int) -> int:
    if score >= 90:
        return 4
    elif score >= 80:
        return 3
    elif score >= 70:
        return 2
    elif score >= 0:
        return 1
    else:
        return -1


def quadrant(x: float, y: float) -> int:
    if x > 0.0:
        if y > 0.0:
            return 1
        else:
            return 4
    elif x < 0.0:
        if y > 0.0:
            return 2
        return 3
    return 0


def with_pass(x: int) -> int:
    r = 0
    if x > 0:
        pass
    else:
        r = 1
    return r


def fizzbuzz_code(n: int) -> int:
    if n % 15 == 0:
        code = 3
    elif n % 3 == 0:
        code = 1
    elif n % 5 == 0:
        code = 2
    else:
        code = 0
    return code


def no_else(x: int) -> int:
    y = x
    if x < 0:
        y = -x
    return y


def returns_none(x: int) -> None:
    if x > 0:
        return
    x += 1
