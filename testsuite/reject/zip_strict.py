def f(n: int) -> int:
    s = 0
    for i, j in zip(range(n), range(n), strict=True):
        s += i * j
    return s
