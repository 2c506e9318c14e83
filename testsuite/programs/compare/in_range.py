# `x in range(...)` and `not in` of ints, decided without iterating: bounds on the step's side,
# the step dividing the distance from the start, empty ranges, and a zero step (ValueError).
# pyaot: run inside(3, 5)
# pyaot: run inside(5, 5)
# pyaot: run inside(-1, 5)
# pyaot: run inside(0, 0)
# pyaot: run stepped(4, 0, 10, 2)
# pyaot: run stepped(5, 0, 10, 2)
# pyaot: run stepped(10, 0, 10, 2)
# pyaot: run stepped(7, 10, 0, -3)
# pyaot: run stepped(10, 10, 0, -3)
# pyaot: run stepped(0, 10, 0, -3)
# pyaot: run stepped(1, 10, 0, -3)
# pyaot: run stepped(-5, -5, 5, 5)
# pyaot: run stepped(3, 5, 1, 1)
# pyaot: run-msg stepped(3, 0, 10, 0)
# pyaot: run outside(7, 2, 8)
# pyaot: run outside(9, 2, 8)
# pyaot: run flag(True)
# pyaot: run count(30)
# pyaot: run inside(0, 9223372036854775807)
# pyaot: run stepped(0, -9223372036854775807, 1, 1)
# pyaot: run stepped(-9223372036854775807, -9223372036854775807, 9223372036854775807, 7)
# pyaot: run stepped(1, -9223372036854775807 - 1, 1000000000000000000, 1)
# pyaot: run stepped(1, -9223372036854775807 - 1, 1000000000000000000, 3)
# pyaot: run stepped(9223372036854775806, -9223372036854775807 - 1, 9223372036854775807, 2)
def inside(x: int, n: int) -> bool:
    return x in range(n)


def stepped(x: int, a: int, b: int, s: int) -> bool:
    return x in range(a, b, s)


def outside(x: int, a: int, b: int) -> bool:
    return x not in range(a, b)


def flag(b: bool) -> bool:
    return b in range(1, 3)


def count(n: int) -> int:
    c = 0
    for i in range(n):
        if i % 10 in range(2, 9, 3):
            c += 1
    return c
