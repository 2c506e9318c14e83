# while loops with break, continue and else.
# pyaot: run count_down(5)
# pyaot: run count_down(0)
# pyaot: run first_multiple(7, 100)
# pyaot: run first_multiple(7, 3)
# pyaot: run skip_odds(10)
# pyaot: run skip_odds(1)
# pyaot: run while_else(10, 3)
# pyaot: run while_else(10, 11)
# pyaot: run while_else(0, 3)
# pyaot: run digits(0)
# pyaot: run digits(9)
# pyaot: run digits(2**63 - 1)
# pyaot: run digits(-12345)
# pyaot: run halvings(1.0)
# pyaot: run halvings(1e300)
# pyaot: run infinite_with_break(17)


def count_down(n: int) -> int:
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total


def first_multiple(k: int, limit: int) -> int:
    i = 1
    while i <= limit:
        if i % k == 0:
            break
        i += 1
    return i


def skip_odds(n: int) -> int:
    i = 0
    s = 0
    while i < n:
        i += 1
        if i % 2 == 1:
            continue
        s += i
    return s


def while_else(n: int, stop: int) -> int:
    i = 0
    while i < n:
        if i == stop:
            break
        i += 1
    else:
        return -1
    return i


def digits(x: int) -> int:
    if x < 0:
        x = -x
    count = 1
    while x >= 10:
        x //= 10
        count += 1
    return count


def halvings(x: float) -> int:
    n = 0
    while x > 0.0:
        x /= 2.0
        n += 1
    return n


def infinite_with_break(n: int) -> int:
    steps = 0
    while True:
        steps += 1
        if steps * steps > n:
            break
    return steps
