"""Interesting values of every scalar type: small ones that keep a program running, edge ones that break it."""

import math

from astx import INT64_MAX, INT64_MIN
from typesys import FIXED_INTS, int_range

SMALL_INTS = [0, 1, 2, 3, 4, 5, 7, 10, -1, -2, -3, 100, -100]
EDGE_INTS = [127, 128, 255, 256, -128, -129, 32767, 65535, 2**31 - 1, 2**31, -(2**31), 2**32,
             2**53 + 1, 2**62, INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, 10**18]
SMALL_FLOATS = [0.0, 1.0, 0.5, 1.5, 2.0, -1.0, -0.5, 2.5, 3.0, 0.1, 10.0, -3.25]
EDGE_FLOATS = [-0.0, 1e308, -1e308, 5e-324, -5e-324, 2.2250738585072014e-308, math.inf, -math.inf,
               math.nan, 1e16, 2.0**53, 9.223372036854776e18, -9.223372036854776e18, 1e300, 0.3]
SMALL_F32 = [0.0, 1.0, 0.5, 1.5, -2.5, 0.1, 3.0]
EDGE_F32 = [-0.0, 3.4028234663852886e38, -3.4028234663852886e38, 1e-45, 1.1754943508222875e-38,
            math.inf, -math.inf, math.nan, 16777217.0, 1e10]


SMALL_COMPLEX = [0j, 1j, 1 + 1j, 2 - 0.5j, -1.5 + 2j, 0.5j, 3 + 0j, -1 + 0j, complex(0.5, -0.25), -2j]
EDGE_COMPLEX = [complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(math.inf, 0.0),
                complex(0.0, math.inf), complex(-math.inf, 1.0), complex(math.nan, 0.0), complex(0.0, math.nan),
                complex(math.nan, math.nan), complex(math.inf, math.nan), complex(-math.inf, -math.inf),
                complex(1e308, 1e308), complex(-1e308, 1e-308), complex(5e-324, -5e-324), complex(1e300, -1e300),
                complex(1e-300, 1e300), complex(2.0**53, 1.0), complex(1e16, -0.0)]
SMALL_C64 = [0j, 1j, 1 + 1j, 2 - 0.5j, -1.5 + 2j, 0.5j, 3 + 0j]
EDGE_C64 = [complex(-0.0, 0.0), complex(0.0, -0.0), complex(math.inf, 0.0), complex(0.0, -math.inf),
            complex(math.nan, 1.0), complex(math.nan, math.nan), complex(math.inf, math.nan),
            complex(3.4028234663852886e38, 3.4028234663852886e38), complex(1e-45, -1e-45),
            complex(1.1754943508222875e-38, 16777217.0), complex(1e10, -1e10)]


def finite_complex(z):
    return math.isfinite(z.real) and math.isfinite(z.imag)


def small_values(ty):
    if ty in ("complex", "c128"):
        return SMALL_COMPLEX
    if ty == "c64":
        return SMALL_C64
    if ty == "int":
        return SMALL_INTS
    if ty in ("float", "f64"):
        return SMALL_FLOATS
    if ty == "f32":
        return SMALL_F32
    if ty in ("bool", "b1"):
        return [True, False]
    lo, hi = int_range(ty)
    return [v for v in (0, 1, 2, 3, 5, 7, -1, -3, 42) if lo <= v <= hi]


def edge_values(ty):
    if ty in ("complex", "c128"):
        return EDGE_COMPLEX
    if ty == "c64":
        return EDGE_C64
    if ty == "int":
        return EDGE_INTS
    if ty in ("float", "f64"):
        return EDGE_FLOATS
    if ty == "f32":
        return EDGE_F32
    if ty in ("bool", "b1"):
        return [True, False]
    lo, hi = int_range(ty)
    out = [lo, hi, lo + 1, hi - 1, hi // 2, hi // 2 + 1]
    if lo < 0:
        out += [-1, lo // 2]
    return out


def pick(rng, ty, edge_chance):
    pool = edge_values(ty) if rng.random() < edge_chance else small_values(ty)
    return rng.choice(pool)


def in_range_int(rng, ty):
    """A Python int that fits the fixed-width integer type ty (for its weak operands)."""
    lo, hi = int_range(ty)
    hi = min(hi, INT64_MAX)  # compiled code has no int literals beyond int64
    return rng.choice([v for v in (0, 1, 2, 3, 5, 7, -1, -2, 100, lo, hi) if lo <= v <= hi])


def is_signed(ty):
    return ty in FIXED_INTS and ty.startswith("i")
