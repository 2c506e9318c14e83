def f(x: Matrix) -> int:
    return 1
