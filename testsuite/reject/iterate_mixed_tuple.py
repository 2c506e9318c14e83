def f(a: int, b: float) -> float:
    s = 0.0
    for x in (a, b):
        s += x
    return s
