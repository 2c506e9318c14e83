# Chained comparisons evaluate each operand once and stop at the first false link.
# pyaot: run between(0, 5, 10)
# pyaot: run between(0, 0, 10)
# pyaot: run between(0, 10, 10)
# pyaot: run between(0, -1, 10)
# pyaot: run between(10, 5, 0)
# pyaot: run zigzag(1, 3, 2)
# pyaot: run zigzag(1, 1, 2)
# pyaot: run zigzag(3, 2, 1)
# pyaot: run all_eq(4, 4, 4)
# pyaot: run all_eq(4, 4, 5)
# pyaot: run all_eq(5, 4, 4)
# pyaot: run long_chain(1, 2, 3, 4)
# pyaot: run long_chain(1, 2, 2, 4)
# pyaot: run long_chain(4, 3, 2, 1)
# pyaot: run float_chain(0.0, 0.5, 1.0)
# pyaot: run float_chain(0.0, nan, 1.0)
# pyaot: run float_chain(-0.0, 0.0, 0.0)
# pyaot: run mixed_chain(1, 1.5, 2)
# pyaot: run mixed_chain(2, 1.5, 2)
# pyaot: run guarded(0, 5)
# pyaot: run guarded(2, 5)
# pyaot: run guarded(2, 50)
# pyaot: run not_equal_chain(1, 2, 1)


def between(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


def zigzag(a: int, b: int, c: int) -> bool:
    return a < b > c


def all_eq(a: int, b: int, c: int) -> bool:
    return a == b == c


def long_chain(a: int, b: int, c: int, d: int) -> bool:
    return a < b < c < d


def float_chain(a: float, b: float, c: float) -> bool:
    return a <= b <= c


def mixed_chain(a: int, b: float, c: int) -> bool:
    return a < b < c


def guarded(a: int, b: int) -> bool:
    # 100 // a is only evaluated when the first link holds.
    return a != 0 < 100 // a < b


def not_equal_chain(a: int, b: int, c: int) -> bool:
    return a != b != c
