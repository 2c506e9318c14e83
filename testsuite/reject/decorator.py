import functools


@functools.lru_cache
def f(x: int) -> int:
    return x
