import cmath


def log_base(z: complex) -> complex:
    return cmath.log(z, 2)
