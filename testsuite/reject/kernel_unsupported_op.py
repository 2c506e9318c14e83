import math

from pyaot import cuda, f64


@cuda.kernel
def sines(x: f64[:]):
    i = cuda.grid(1)
    if i < x.shape[0]:
        x[i] = math.sin(x[i])
