import math

from pyaot import cuda, f64


@cuda.kernel
def exps(x: f64[:]):
    i = cuda.grid(1)
    if i < x.shape[0]:
        x[i] = math.exp(x[i])
