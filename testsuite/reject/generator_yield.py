def count(n: int) -> int:
    for i in range(n):
        yield i
    return n
