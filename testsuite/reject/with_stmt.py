def read(n: int) -> int:
    with open("f") as f:
        pass
    return n
