def apply(f, x):
    return f(x)


def g(x: float, k: float) -> float:
    return apply(lambda t: t * k, x)
