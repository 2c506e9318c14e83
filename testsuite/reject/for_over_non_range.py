def f(n: int) -> int:
    s = 0
    for i in n:
        s += i
    return s
