def square(x: float) -> float:
    return x * x


def choose():
    return square
