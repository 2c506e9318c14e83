from pyaot import cuda, f64


@cuda.kernel
def total(x: f64[:]) -> float:
    return x[0]
