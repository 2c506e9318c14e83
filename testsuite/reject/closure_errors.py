def late_first_assignment(n: int) -> int:
    def bump():
        nonlocal count
        count += 1

    if n > 0:
        count = 0
    bump()
    return count


def two_deep(n: int) -> int:
    def outer(x):
        def inner(y):
            return y + 1

        return inner(x)

    return outer(n)


def module_level_nonlocal(n: int) -> int:
    nonlocal n
    return n
