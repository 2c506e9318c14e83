# gcd, factorial and isqrt on int64 values.
# pyaot: run gcd_(48, 18)
# pyaot: run gcd_(-48, 18)
# pyaot: run gcd_(48, -18)
# pyaot: run gcd_(0, 0)
# pyaot: run gcd_(0, -7)
# pyaot: run gcd_(2**63 - 1, 7)
# pyaot: run gcd_(-2**63, 6)
# pyaot: run gcd_(-2**63, 2**62)
# pyaot: overflow gcd_(-2**63, 0)
# pyaot: overflow gcd_(-2**63, -2**63)
# pyaot: run fact_(0)
# pyaot: run fact_(1)
# pyaot: run fact_(10)
# pyaot: run fact_(20)
# pyaot: overflow fact_(21)
# pyaot: run-msg fact_(-1)
# pyaot: run isqrt_(0)
# pyaot: run isqrt_(15)
# pyaot: run isqrt_(16)
# pyaot: run isqrt_(2**63 - 1)
# pyaot: run isqrt_(3037000499 * 3037000499)
# pyaot: run isqrt_(3037000499 * 3037000499 - 1)
# pyaot: run-msg isqrt_(-1)
# pyaot: run lcm_by_gcd(4, 6)
# pyaot: run lcm_by_gcd(0, 6)
import math


def gcd_(a: int, b: int) -> int:
    return math.gcd(a, b)


def fact_(n: int) -> int:
    return math.factorial(n)


def isqrt_(n: int) -> int:
    return math.isqrt(n)


def lcm_by_gcd(a: int, b: int) -> int:
    g = math.gcd(a, b)
    if g == 0:
        return 0
    return abs(a // g * b)
