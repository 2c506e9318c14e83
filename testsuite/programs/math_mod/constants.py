# math constants are the exact doubles CPython exposes.
# pyaot: run pi_()
# pyaot: run e_()
# pyaot: run tau_()
# pyaot: run inf_()
# pyaot: run neg_inf()
# pyaot: run nan_()
# pyaot: run nan_is_nan()
# pyaot: run circumference(2.0)
# pyaot: run inf_compare(2**63 - 1)
import math


def pi_() -> float:
    return math.pi


def e_() -> float:
    return math.e


def tau_() -> float:
    return math.tau


def inf_() -> float:
    return math.inf


def neg_inf() -> float:
    return -math.inf


def nan_() -> float:
    return math.nan


def nan_is_nan() -> bool:
    return math.nan != math.nan and math.isnan(math.nan)


def circumference(r: float) -> float:
    return 2.0 * math.pi * r


def inf_compare(n: int) -> bool:
    return n < math.inf and -math.inf < n
