def total(n: int) -> int:
    xs = [i * i for i in range(n)]
    return len(xs)
