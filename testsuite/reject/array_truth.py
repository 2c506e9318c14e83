from pyaot import f64


def positive(a: f64[:]) -> int:
    if a > 0.0:
        return 1
    return 0
