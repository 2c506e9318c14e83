# else clauses on for and while run only when the loop was not left by break.
# pyaot: run find(10, 3)
# pyaot: run find(10, 30)
# pyaot: run find(0, 3)
# pyaot: run for_else_continue(5)
# pyaot: run is_prime(1)
# pyaot: run is_prime(2)
# pyaot: run is_prime(97)
# pyaot: run is_prime(91)
# pyaot: run nested_break(5)
# pyaot: run return_in_else(3)


def find(n: int, target: int) -> int:
    for i in range(n):
        if i == target:
            result = i
            break
    else:
        result = -1
    return result


def for_else_continue(n: int) -> int:
    s = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        s += i
    else:
        s += 1000
    return s


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False


def nested_break(n: int) -> int:
    found = 0
    for i in range(n):
        for j in range(n):
            if i * j == 6:
                found += 1
                break
        else:
            found += 100
    return found


def return_in_else(n: int) -> int:
    for i in range(n):
        if i > 10:
            break
    else:
        return n * 2
    return -1
