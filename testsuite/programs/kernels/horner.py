# Polynomial evaluation by Horner's scheme, in floats and ints.
# pyaot: run horner4(1.0, 2.0, 3.0, 4.0, 0.5)
# pyaot: run horner4(1.0, -2.0, 3.0, -4.0, -1.5)
# pyaot: run horner4(0.0, 0.0, 0.0, 0.0, nan)
# pyaot: run horner_int(3, 5)
# pyaot: run horner_int(-7, 10)
# pyaot: overflow horner_int(10**6, 5)
# pyaot: run derivative_at(2.0)


def horner4(c0: float, c1: float, c2: float, c3: float, x: float) -> float:
    return ((c3 * x + c2) * x + c1) * x + c0


def horner_int(x: int, degree: int) -> int:
    acc = 0
    for k in range(degree, -1, -1):
        acc = acc * x + (k + 1)
    return acc


def derivative_at(x: float) -> float:
    h = 1e-6
    return (horner4(1.0, 2.0, 3.0, 4.0, x + h) - horner4(1.0, 2.0, 3.0, 4.0, x - h)) / (2.0 * h)
