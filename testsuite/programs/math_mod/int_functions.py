# math.comb, math.perm, math.lcm (written in stdlib/lib/math.py), variadic math.gcd and lcm, and
# int.bit_length()/bit_count() and float.is_integer(): values, zero and negative arguments,
# CPython's ValueError messages, results at the edge of 64 bits, and results beyond them.
# pyaot: run comb_(10, 3)
# pyaot: run comb_(0, 0)
# pyaot: run comb_(5, 0)
# pyaot: run comb_(5, 5)
# pyaot: run comb_(3, 5)
# pyaot: run comb_(62, 31)
# pyaot: run comb_(66, 33)
# pyaot: run comb_(1000000, 2)
# pyaot: run comb_(4294967296, 2)
# pyaot: overflow comb_(68, 34)
# pyaot: run-msg comb_(-1, 2)
# pyaot: run-msg comb_(5, -2)
# pyaot: run-msg comb_(-1, -2)
# pyaot: run comb_bool(True, False)
# pyaot: run perm(10, 3)
# pyaot: run perm(3, 10)
# pyaot: run perm(20, 20)
# pyaot: run perm(7, 0)
# pyaot: overflow perm(21, 21)
# pyaot: run-msg perm(-3, 1)
# pyaot: run-msg perm(3, -1)
# pyaot: run perm1(0)
# pyaot: run perm1(20)
# pyaot: run-msg perm1(-1)
# pyaot: run lcms(4, 6, 10)
# pyaot: run lcms(0, 6, -10)
# pyaot: run lcms(-4, 6, 9)
# pyaot: run lcms(-7, -7, 1)
# pyaot: run lcms(3037000499, 1, 2)
# pyaot: overflow lcms(4294967311, 4294967291, 1)
# pyaot: run lcm_zero_last(4611686018427387904, 5)
# pyaot: run lcm_zero_last(4933498955347067567, -5)
# pyaot: run lcm_zero_last(7, 3)
# pyaot: run gcds(12, -18, 8)
# pyaot: run gcds(0, 0, 0)
# pyaot: run gcds(-9223372036854775807, 3, 7)
# pyaot: run bits(0)
# pyaot: run bits(1)
# pyaot: run bits(-1)
# pyaot: run bits(255)
# pyaot: run bits(-256)
# pyaot: run bits(9223372036854775807)
# pyaot: run bits(-9223372036854775807 - 1)
# pyaot: run bits(-9223372036854775807)
# pyaot: run bool_bits(True)
# pyaot: run is_int(2.0)
# pyaot: run is_int(2.5)
# pyaot: run is_int(-0.0)
# pyaot: run is_int(1e300)
# pyaot: run is_int(5e-324)
# pyaot: run is_int(inf)
# pyaot: run is_int(-inf)
# pyaot: run is_int(nan)
# pyaot: run is_int32(np.float32(3.0))
# pyaot: run is_int32(np.float32(3.5))
import math
from math import comb

import numpy as np
from pyaot import f32


def comb_(n: int, k: int) -> int:
    return math.comb(n, k)


def comb_bool(a: bool, b: bool) -> int:
    return comb(a, b)


def perm1(n: int) -> int:
    return math.perm(n)


def lcms(a: int, b: int, c: int) -> tuple[int, int, int, int]:
    return (math.lcm(a, b), math.lcm(a, b, c), math.lcm(), math.lcm(a))


def gcds(a: int, b: int, c: int) -> tuple[int, int, int]:
    return (math.gcd(a, b, c), math.gcd(), math.gcd(a))


def bits(n: int) -> tuple[int, int]:
    return (n.bit_length(), n.bit_count())


def bool_bits(b: bool) -> int:
    return b.bit_length()


def is_int(x: float) -> bool:
    return x.is_integer()


def is_int32(x: f32) -> bool:
    return x.is_integer()


def perm(n: int, k: int) -> int:
    return math.perm(n, k)


def lcm_zero_last(a: int, b: int) -> int:
    # CPython's exact lcm(a, b) may not fit in 64 bits; with a 0 among the arguments the result
    # is 0 all the same.
    return math.lcm(a, b, 0) + math.lcm(0, a, b) + math.lcm(a, 1, b, 0)
