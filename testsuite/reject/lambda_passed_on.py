def apply(f, x):
    return f(x)


def g(x: float) -> float:
    return apply(lambda t: t * 2.0, x)
