class Point:
    x: float


def norm(x: float) -> float:
    p = Point()
    return x
