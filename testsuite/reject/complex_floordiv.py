def quotient(a: complex, b: float) -> complex:
    return a // b
