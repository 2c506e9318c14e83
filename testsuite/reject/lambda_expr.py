def apply(x: int) -> int:
    f = lambda y: y + 1
    return f(x)
