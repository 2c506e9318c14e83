# Mutual recursion between exported functions and helpers.
# pyaot: run is_even(0)
# pyaot: run is_even(7)
# pyaot: run is_even(10)
# pyaot: run is_odd(7)
# pyaot: run is_odd(0)
# pyaot: run hofstadter_f(10)
# pyaot: run hofstadter_m(10)
# pyaot: run collatz_len(27)


def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def hofstadter_f(n: int) -> int:
    if n == 0:
        return 1
    return n - hofstadter_m(hofstadter_f(n - 1))


def hofstadter_m(n: int) -> int:
    if n == 0:
        return 0
    return n - hofstadter_f(hofstadter_m(n - 1))


def collatz_len(n: int) -> int:
    if n == 1:
        return 1
    return 1 + step_even(n) if n % 2 == 0 else 1 + step_odd(n)


def step_even(n):
    return collatz_len(n // 2)


def step_odd(n):
    return collatz_len(3 * n + 1)
