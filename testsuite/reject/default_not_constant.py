def f(x: int, y: int = len(range(3))) -> int:
    return x + y
