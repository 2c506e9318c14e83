def f(n: int) -> int:
    d = {1: 2}
    return n
