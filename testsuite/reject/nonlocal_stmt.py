def outer(n: int) -> int:
    total = 0

    def inner(k):
        nonlocal total
        total += k

    inner(n)
    return total
