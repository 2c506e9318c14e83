def f(a: float) -> float:
    return max(1, a)
