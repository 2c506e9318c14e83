from pyaot import cuda, f64


def position() -> int:
    return cuda.grid(1)
