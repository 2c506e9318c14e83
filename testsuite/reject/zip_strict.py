def f(n: int, flag: bool) -> int:
    s = 0
    for i, j in zip(range(n), range(n), strict=flag):
        s += i * j
    return s
