def f(a: int, n: int) -> tuple[int, int]:
    return (a, a) * n
