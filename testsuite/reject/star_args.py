def total(*xs: int) -> int:
    return 0
