from pyaot import cuda, f64


@cuda.kernel
def fill(out: f64[:]):
    out[cuda.grid(1)] = 1.0


@cuda.kernel
def fill(out: f64[:]):
    out[cuda.grid(1)] = 2.0
