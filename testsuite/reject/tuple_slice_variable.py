def f(a: int, b: int, k: int) -> tuple[int, int]:
    t = (a, b, a)
    return t[k:]
