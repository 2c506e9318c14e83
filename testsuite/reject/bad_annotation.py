def f(x: str) -> int:
    return 1
