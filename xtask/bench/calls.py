"""Call-overhead functions for `cargo xtask bench`: almost no work, so a call measures the boundary.

Built by pyaot as one module, wrapped with numba.njit, and mirrored by calls_ext.c (a hand-written
C extension module). Also the source of the one-function build timed by the driver (inc alone).
"""
from pyaot import f64


def inc(x: int) -> int:
    """An int in, an int out."""
    return x + 1


def first(a: f64[:]) -> float:
    """One array in (its buffer taken and released), one float out."""
    return a[0]
