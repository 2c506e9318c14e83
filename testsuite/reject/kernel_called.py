from pyaot import cuda, f64


@cuda.kernel
def fill(x: f64[:]):
    i = cuda.grid(1)
    if i < x.shape[0]:
        x[i] = 1.0


def run(x: f64[:]) -> None:
    fill(x)
