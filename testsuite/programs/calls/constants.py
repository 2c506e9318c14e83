# Module-level constants are compile-time constants usable anywhere.
# pyaot: run circle_area(1.0)
# pyaot: run circle_area(2.5)
# pyaot: run wrap(70)
# pyaot: run wrap(-1)
# pyaot: run table_size()
# pyaot: run scaled(3)
# pyaot: run is_debug()
# pyaot: run limit_check(2**62)
# pyaot: run limit_check(-5)
import math

N = 64
TAU: float = 6.283185307179586
HALF = 0.5
DEBUG = False
BIG: int = 4611686018427387904
NEG = -17


def circle_area(r: float) -> float:
    return HALF * TAU * r * r


def wrap(i: int) -> int:
    return i % N


def table_size() -> int:
    return N * N + NEG


def scaled(k: int) -> float:
    return k * TAU / N + math.pi


def is_debug() -> bool:
    return DEBUG


def limit_check(x: int) -> bool:
    return x >= BIG
