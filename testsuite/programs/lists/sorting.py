# sort and sorted with key= (a function, a lambda reading locals, a builtin) and reverse=: keys
# computed once per item before any comparison, stable in both directions, and NaN keys placed
# as CPython's sort places them.
# pyaot: run by_abs([3, -1, -3, 2, 1, -2])
# pyaot: run by_abs([])
# pyaot: run by_square([2.5, -0.5, float("nan"), 1.0, -3.0])
# pyaot: run by_lambda([5, 1, 4, 2, 3], 3)
# pyaot: run by_lambda(list(range(70)), 7)
# pyaot: run reverse_stable([(1, 2), (0, 5), (1, 1), (0, 3)])
# pyaot: run rows_by_len([[1, 2], [], [3], [4, 5, 6], [7]])
# pyaot: run-msg key_raises([3, 0, 2])
# pyaot: run sorted_keyed([9, 4, 7, 1], True)
# pyaot: run sorted_keyed([9, 4, 7, 1], False)
# pyaot: run argsort([0.5, -1.0, 2.0, 0.5])


def by_abs(xs: list[int]) -> list[int]:
    xs.sort(key=abs)
    return xs


def square(x: float) -> float:
    return x * x


def by_square(xs: list[float]) -> list[float]:
    xs.sort(key=square)
    return xs


def by_lambda(xs: list[int], m: int) -> list[int]:
    xs.sort(key=lambda x: x % m, reverse=True)
    return xs


def reverse_stable(ps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ps.sort(key=lambda p: p[0], reverse=True)
    return ps


def rows_by_len(rows: list[list[int]]) -> list[list[int]]:
    return sorted(rows, key=len)


def key_raises(xs: list[int]) -> list[int]:
    xs.sort(key=lambda x: 6 // x)
    return xs


def sorted_keyed(xs: list[int], rev: bool) -> list[int]:
    return sorted(xs, key=lambda x: -x, reverse=rev)


def argsort(a: list[float]) -> list[int]:
    return sorted(range(len(a)), key=lambda i: a[i])
