def f(n: int) -> int:
    assert n > 0, n
    return n
