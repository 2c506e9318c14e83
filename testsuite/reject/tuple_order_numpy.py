from pyaot import f64


def f(a: f64[:]) -> bool:
    return (a[0], a[1]) < (a[1], a[0])
