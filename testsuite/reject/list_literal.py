def f(n: int) -> int:
    xs = [1, 2, 3]
    return n
