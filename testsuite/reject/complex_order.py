def smaller(a: complex, b: complex) -> bool:
    return a < b
