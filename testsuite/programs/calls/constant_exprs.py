# Module constants whose values are constant expressions of literals and earlier constants.
# pyaot: run mask16()
# pyaot: run area(2.0)
# pyaot: run shifted(3)

MASK = (1 << 16) - 1
N = 64
N2 = N * N
HALF_TAU = 6.283185307179586 / 2


def mask16() -> int:
    return MASK


def area(r: float) -> float:
    return HALF_TAU * r * r


def shifted(k: int) -> int:
    return (k + N2) & MASK
