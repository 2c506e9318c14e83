# len() of a fixed tuple is a compile-time constant.
# pyaot: run len_tuple(3)
# pyaot: run len_pair(-1.5)


def len_tuple(n: int) -> int:
    t = (n, n * 2.0, n > 0)
    return len(t) + n


def len_pair(x: float) -> int:
    p = (x, x)
    return len(p)
