# Parameters annotated with unions: one compiled variant per choice of types, the one the
# arguments' Python types select, so isinstance() decides inside as in CPython.
# pyaot: run describe(3)
# pyaot: run describe(2.5)
# pyaot: run describe(-0.0)
# pyaot: run scale(3, 2)
# pyaot: run scale(3.5, 2)
# pyaot: run scale(3, 0.5)
# pyaot: run scale(x=1.5, k=2)
# pyaot: run-msg label(7)
# pyaot: run-msg label("seven")
# pyaot: check raises_match(TypeError, "must be int or float, not str", m.describe, "x")
# pyaot: run half(7)
# pyaot: run half(7.0)
# pyaot: run flag(True)
# pyaot: run flag(3)
# pyaot: run window([1.0, 2.0, 4.0])
# pyaot: run window([1.0, 2.0, 4.0], 2)
# pyaot: run window([1.0, 2.0, 4.0], None)
# pyaot: run window([1.0, 2.0, 4.0], k=1)
# pyaot: run pick(float("nan"))
# pyaot: run pick(float("nan"), 2.5)
# pyaot: run pick(1.5, fallback=None)
# pyaot: run last([1, 2, 3])
# pyaot: run last([1, 2, 3], 1)
# pyaot: run-msg last([1, 2, 3], 7)
# pyaot: run-msg last([])
# pyaot: run span_sum([1, 2, 3, 4])
# pyaot: run span_sum([1, 2, 3, 4], 1)
# pyaot: run span_sum([1, 2, 3, 4], hi=2)
# pyaot: run span_sum([1, 2, 3, 4], None, -1)
# pyaot: run scaled_or_default(2.0)
# pyaot: run scaled_or_default(2.0, 0.5)


def describe(x: int | float) -> str:
    if isinstance(x, bool):
        return f"bool {x}"
    if isinstance(x, int):
        return f"int {x * 2}"
    return f"float {x / 2}"


def scale(x: int | float, k: int | float) -> float:
    return float(x * k)


def label(x: int | str) -> str:
    if isinstance(x, str):
        return x.upper()
    return str(x + 1)


def half(n: int | float) -> int | float:
    if isinstance(n, int):
        return n // 2
    return n / 2


def flag(x: int | bool) -> str:
    return "bool" if isinstance(x, bool) else "int"


def window(xs: list[float], k: int | None = None) -> float:
    n = len(xs) if k is None else k
    return sum(xs[:n]) / n


def pick(x: float, fallback: float | None = None) -> float:
    if fallback is not None and x != x:
        return fallback
    return x


def last(xs: list[int], k: int | None = None) -> int:
    if k is None:
        k = len(xs)
    return xs[k - 1]


def span_sum(xs: list[int], lo: int | None = None, hi: int | None = None) -> int:
    if lo is None:
        lo = 0
    if hi is None:
        hi = len(xs)
    return sum(xs[lo:hi])


def scaled_or_default(x: float, factor: float | None = None) -> float:
    if factor is not None:
        return x * factor
    factor = 3.0
    return x * factor
