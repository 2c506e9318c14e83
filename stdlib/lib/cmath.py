"""The parts of Python's cmath module that pyaot compiles from Python source.

The other cmath functions (sqrt, exp, log, the trigonometric and hyperbolic functions, phase,
isnan, isinf, isfinite) are compiler intrinsics with CPython's special values and errors.
"""

import cmath


def polar(z):
    """`cmath.polar(z)`: the modulus and the phase; OverflowError when the modulus overflows."""
    w = complex(z)
    return (abs(w), cmath.phase(w))
