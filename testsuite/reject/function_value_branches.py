def square(x: float) -> float:
    return x * x


def cube(x: float) -> float:
    return x * x * x


def apply(c: bool, x: float) -> float:
    f = square if c else cube
    return f(x)
