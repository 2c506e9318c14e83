def counter(n: int) -> int:
    count = 0

    def bump():
        nonlocal count
        count += 1

    for _ in range(n):
        bump()
    return count


def two_deep(n: int) -> int:
    def outer(x):
        def inner(y):
            return y + 1

        return inner(x)

    return outer(n)
