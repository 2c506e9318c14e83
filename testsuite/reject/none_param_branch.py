def f(x: int, k: int | None = None) -> int:
    if x > 0:
        k = 5
    return x
