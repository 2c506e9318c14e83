"""The GPU kernel of `cargo xtask bench --gpu`: a STREAM-style triad."""
from pyaot import cuda, f64


@cuda.kernel
def triad(a: f64[:], b: f64[:], c: f64[:], s: float):
    i = cuda.grid(1)
    if i < a.shape[0]:
        a[i] = b[i] + s * c[i]
