def f(x: bytes) -> int:
    return 1
