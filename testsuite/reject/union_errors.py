from pyaot import f64


def arrays(a: f64[:] | float) -> float:
    return 0.0


def many(a: int | float, b: int | float, c: int | float, d: int | float, e: int | float) -> float:
    return a + b + c + d + e
