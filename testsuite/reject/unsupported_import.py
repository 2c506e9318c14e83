import os


def f(x: int) -> int:
    return x + os.getpid()
