import numpy as np

from pyaot import cuda, f64


@cuda.kernel
def scratch(x: f64[:], n: int):
    buf = cuda.shared.array(n, np.float64)
    buf[0] = x[0]
