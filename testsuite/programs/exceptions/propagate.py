# Exceptions raised deep in compiled calls reach the Python caller unchanged.
# pyaot: run-msg outer(0)
# pyaot: run-msg outer(1)
# pyaot: run-msg outer(2)
# pyaot: run outer(3)
# pyaot: run-msg through_helper(0)
# pyaot: run through_helper(4)
# pyaot: run deep(10, 0)
# pyaot: run deep(10, 1)
# pyaot: run-msg deep_raise(20)
# pyaot: run partial_work(10)


def inner(k: int) -> int:
    if k == 0:
        raise ValueError("inner failed")
    if k == 1:
        return 10 // (k - 1)
    if k == 2:
        assert k < 2, "k too big"
    return k


def middle(k: int) -> int:
    return inner(k) + 1


def outer(k: int) -> int:
    return middle(k) * 2


def helper(x):
    if x == 0:
        raise RuntimeError("helper got zero")
    return x * 3


def through_helper(x: int) -> int:
    return helper(x) + 1


def deep(n: int, d: int) -> int:
    if n == 0:
        return 100 // d
    return deep(n - 1, d) + 1


def deep_raise(n: int) -> int:
    if n == 0:
        raise ValueError("bottom")
    return deep_raise(n - 1)


def partial_work(n: int) -> int:
    s = 0
    for i in range(n):
        s += 100 // (i - 7)
    return s
