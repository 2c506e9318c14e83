def f(x: int) -> int:
    if (y := x + 1) > 3:
        return y
    return 0
