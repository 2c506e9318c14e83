def pick(flag: bool, k: int):
    if flag:
        return lambda x: x + k
    return lambda x: x - k


def use(flag: bool, k: int) -> int:
    return pick(flag, k)(1)
