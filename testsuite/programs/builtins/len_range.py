# len() of range objects, including lengths that do not fit in int64.
# pyaot: run len_range1(10)
# pyaot: run len_range1(-3)
# pyaot: run len_range3(0, 10, 3)
# pyaot: run len_range3(10, 0, -3)
# pyaot: run len_range3(0, 10, -3)
# pyaot: run len_range3(-2**63, 2**63 - 1, 2**62)
# pyaot: run len_range3(0, 1, 0)
# pyaot: run len_range3(-2**63, 2**63 - 1, 1)


def len_range1(n: int) -> int:
    return len(range(n))


def len_range3(a: int, b: int, s: int) -> int:
    return len(range(a, b, s))
