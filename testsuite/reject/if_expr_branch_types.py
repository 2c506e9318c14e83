def f(c: bool) -> float:
    return 1 if c else 2.0
