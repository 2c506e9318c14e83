def f(x: float) -> float:
    return x & 1.0
