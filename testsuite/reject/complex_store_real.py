from pyaot import f64


def put(a: f64[:], z: complex) -> None:
    a[0] = z
