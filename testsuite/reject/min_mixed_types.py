def f(a: int) -> float:
    return min(a, 2.0)
