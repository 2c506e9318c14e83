def add(a: int, b: int) -> int:
    return a + b


def caller(x: int) -> int:
    return add(x, x, x)
