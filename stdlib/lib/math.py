"""The parts of Python's math module (and of int's methods) that pyaot compiles from Python source.

The other math functions are compiler intrinsics that call the platform libm or the runtime, as
CPython does. Ints are 64-bit in compiled code: a result beyond that raises OverflowError, and
these functions keep every intermediate value below the result so that no other case does.
This file is compiled, never imported: CPython runs the real math module.
"""

import math


def _index(n):
    """An integer argument as an int; floats are rejected as CPython rejects them."""
    if isinstance(n, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if isinstance(n, complex):
        raise TypeError("'complex' object cannot be interpreted as an integer")
    return int(n)


def _counts(n_arg, k_arg):
    """The `n` and `k` of comb and perm, checked as CPython checks them."""
    n = _index(n_arg)
    k = _index(k_arg)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    return (n, k)


def comb(n_arg, k_arg):
    """`math.comb(n, k)`: ways to choose k of n items, 0 when k > n."""
    n, k = _counts(n_arg, k_arg)
    if k > n:
        return 0
    if k > n - k:
        k = n - k
    result = 1
    for i in range(1, k + 1):
        # result is comb(n - k + i - 1, i - 1); dividing out the common factor first keeps the
        # product at the next binomial coefficient, which is no larger than the answer.
        g = math.gcd(result, i)
        result = (result // g) * ((n - k + i) // (i // g))
    return result


def perm(n_arg, k_arg):
    """`math.perm(n, k)`: ordered choices of k of n items, 0 when k > n."""
    n, k = _counts(n_arg, k_arg)
    if k > n:
        return 0
    result = 1
    for i in range(n - k + 1, n + 1):
        result *= i
    return result


def lcm(a_arg, b_arg):
    """`math.lcm(a, b)`: the least common multiple, never negative; 0 if either is 0."""
    a = _index(a_arg)
    b = _index(b_arg)
    if a == 0 or b == 0:
        return 0
    return abs(a // math.gcd(a, b) * b)


def _lcm_all(values):
    """`math.lcm(a, b, c, ...)` of ints already evaluated: 0 when any is 0 (as CPython gives
    even where the lcm of the others would not fit in 64 bits), else the lcm, folded left to right
    (each step at most the result, so only a result beyond 64 bits raises OverflowError)."""
    for v in values:
        if v == 0:
            return 0
    result = 1
    for v in values:
        result = lcm(result, v)
    return result


def _bit_length(value):
    """`n.bit_length()`: the number of bits of abs(n) (the smallest int counted without negating it)."""
    n = int(value)
    bits = 0
    m = n
    if n < 0:
        # bit_length(-n) is one more than that of -n >> 1, which is -((n + 1) // 2).
        bits = 1
        m = -((n + 1) // 2)
    while m > 0:
        m >>= 1
        bits += 1
    return bits


def _bit_count(value):
    """`n.bit_count()`: the number of one bits of abs(n)."""
    n = int(value)
    count = 0
    m = n
    if n < 0:
        # abs(n) is twice -((n + 1) // 2) plus n's lowest bit.
        count = n & 1
        m = -((n + 1) // 2)
    while m > 0:
        count += m & 1
        m >>= 1
    return count


def _is_integer(x):
    """`x.is_integer()` of a float: finite with no fractional part."""
    return bool(x % 1.0 == 0.0)
