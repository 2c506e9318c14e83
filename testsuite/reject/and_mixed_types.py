def f(a: int, b: float) -> float:
    return a and b
