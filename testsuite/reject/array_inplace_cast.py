from pyaot import f64, i32


def scale(a: i32[:], b: f64[:]) -> None:
    a *= b
