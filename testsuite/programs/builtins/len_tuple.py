# len() of a fixed tuple is known at compile time, but the tuple's elements are still evaluated:
# a call that raises, a division by zero or an unbound local raise as in CPython.
# pyaot: run len_tuple(3)
# pyaot: run len_pair(-1.5)
# pyaot: run len_skips(0)
# pyaot: run len_skips(5)
# pyaot: run len_divides(0)
# pyaot: run len_divides(-4)
# pyaot: check raises(UnboundLocalError, m.len_unbound, False)
# pyaot: run len_unbound(True)
# pyaot: run len_nested(0)
# pyaot: run len_nested(2)
# pyaot: run len_constant()


def len_tuple(n: int) -> int:
    t = (n, n * 2.0, n > 0)
    return len(t) + n


def len_pair(x: float) -> int:
    p = (x, x)
    return len(p)


def helper(x):
    assert x > 0
    return x


def len_skips(x: int) -> int:
    return len((helper(x), 1 // x))


def len_divides(x: int) -> int:
    return len((x, 10 % x, 1.0)) * 2


def len_unbound(flag: bool) -> int:
    if flag:
        y = 1
    return len((y, 2))


def len_nested(x: int) -> int:
    return len(((x, 3), (helper(x + 1), 1 // x)))


def len_constant() -> int:
    return len((1, 2.5, (True, 4)))
