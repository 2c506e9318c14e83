def f(x: int) -> int:
    return frobnicate(x)
