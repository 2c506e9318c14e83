from pyaot import f64


def mixed(a: f64[:], i: int) -> int:
    ok = i >= 0 and a[i] > 0.0
    return 1 if ok else 0
