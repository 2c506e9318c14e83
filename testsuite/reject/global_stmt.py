COUNTER = 0


def bump(n: int) -> int:
    global COUNTER
    COUNTER += n
    return COUNTER
