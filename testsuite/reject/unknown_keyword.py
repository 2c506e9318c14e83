def scale(x: float, factor: float = 2.0) -> float:
    return x * factor


def caller(x: float) -> float:
    return scale(x, fator=3.0)
