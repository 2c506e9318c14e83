# `x in (a, b, c)` and `not in` on numbers: each item compared with `==` (so 1 == 1.0 == True),
# NaN found only as the same value, and the result a Python bool also for NumPy scalars.
# pyaot: run small_prime(7)
# pyaot: run small_prime(8)
# pyaot: run small_prime(-2)
# pyaot: run not_corner(1, 0)
# pyaot: run not_corner(0, 0)
# pyaot: run not_corner(3, 1)
# pyaot: run mixed(1.0)
# pyaot: run mixed(2.5)
# pyaot: run mixed(nan)
# pyaot: run mixed(-0.0)
# pyaot: run itself(nan)
# pyaot: run itself(1.5)
# pyaot: run among(3, 1, 2, 3)
# pyaot: run among(4, 1, 2, 3)
# pyaot: run nothing(5)
# pyaot: run flags(True)
# pyaot: run flags(False)
# pyaot: run narrow(np.int32(3))
# pyaot: run narrow(np.int32(-3))
# pyaot: run count_members(20)
# pyaot: check raises_match(UnboundLocalError, "local variable 'y'", m.unbound_item, 0, 1.0)
# pyaot: run unbound_item(1, 2.0)
# pyaot: run unbound_item(1, nan)
# pyaot: run unbound_item(1, 3.0)
import numpy as np
from pyaot import i32


def small_prime(n: int) -> bool:
    return n in (2, 3, 5, 7, 11, 13)


def not_corner(i: int, j: int) -> bool:
    return i not in (0, 3) or j not in (0, 3)


def mixed(x: float) -> bool:
    return x in (1, 0.0, 3.25, True)


def itself(x: float) -> tuple[bool, bool]:
    return x in (0.5, x), x not in (x,)


def among(x: int, a: int, b: int, c: int) -> bool:
    return x in (a, b, c)


def nothing(x: int) -> tuple[bool, bool]:
    return x in (), x not in ()


def flags(b: bool) -> bool:
    return b in (True,)


def narrow(x: i32) -> bool:
    return x in (1, 2, 3)


def count_members(n: int) -> int:
    c = 0
    for i in range(n):
        if i % 7 in (1, 3, 5):
            c += 1
    return c


def unbound_item(n: int, x: float) -> bool:
    # The whole tuple is built first: an unassigned item raises even after a match.
    if n > 0:
        y = 2.0
    return x in (x, y)
