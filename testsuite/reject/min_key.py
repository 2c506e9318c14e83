def f(n: int) -> int:
    return min(range(n), key=abs)
