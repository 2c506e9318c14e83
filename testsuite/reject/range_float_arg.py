def f(x: float) -> int:
    s = 0
    for i in range(x):
        s += i
    return s
