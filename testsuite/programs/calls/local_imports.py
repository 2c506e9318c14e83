# Imports inside function bodies of the modules the compiler knows bind their names for that
# function: `import math`, `import numpy as np`, `from math import sqrt, pi as PI`, `from cmath
# import ...` and `from numpy import ...`.
# pyaot: run hyp(3.0, 4.0)
# pyaot: run-msg root(-1.0)
# pyaot: run circle(2.0)
# pyaot: run phase_of(1.0, 1.0)
# pyaot: run total(np.arange(5.0))
# pyaot: run clipped(np.arange(6.0), 1.0, 4.0)
import numpy as np
from pyaot import f64


def hyp(a: float, b: float) -> float:
    import math

    return math.sqrt(a * a + b * b)


def root(x: float) -> float:
    from math import sqrt

    return sqrt(x)


def circle(r: float) -> float:
    from math import pi as PI

    return PI * r * r


def phase_of(re: float, im: float) -> float:
    from cmath import phase

    return phase(complex(re, im))


def total(a: f64[:]) -> float:
    from numpy import sum as npsum

    return float(npsum(a))


def clipped(a: f64[:], lo: float, hi: float) -> f64[:]:
    from numpy import clip

    return clip(a, lo, hi)
