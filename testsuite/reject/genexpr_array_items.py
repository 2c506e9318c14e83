from pyaot import f64


def f(m: f64[:, :]) -> float:
    return sum(r for r in m)
