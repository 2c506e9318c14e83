def f(n: int) -> int:
    s = 0
    for i, j in reversed(zip(range(n), range(n))):
        s += i * j
    return s
