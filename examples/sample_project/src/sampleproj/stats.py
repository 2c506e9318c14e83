"""Statistics of lists of floats."""
import math

from .kernels import collatz_steps


def mean_std(xs: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation."""
    if not xs:
        raise ValueError("mean_std() of an empty list")
    m = sum(xs) / len(xs)
    var = sum((x - m) ** 2 for x in xs) / len(xs)
    return m, math.sqrt(var)


def running_max(xs: list[float]) -> list[float]:
    out: list[float] = []
    best = -math.inf
    for x in xs:
        best = max(best, x)
        out.append(best)
    return out


def describe(xs):
    """Python: a summary line using the compiled functions."""
    m, s = mean_std(xs)
    return f"n={len(xs)} mean={m:.3f} std={s:.3f}"


def mean_collatz(n: int) -> float:
    """The mean Collatz length of 1..n: calls the compiled `kernels.collatz_steps` directly."""
    return sum(collatz_steps(k) for k in range(1, n + 1)) / n
