from pyaot import f64


def both(a: f64[:], b: f64[:]) -> f64[:]:
    return a and b
