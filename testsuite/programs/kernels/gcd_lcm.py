# GCD and LCM by Euclid's algorithm, and the LCM of 1..n.
# pyaot: run gcd(1071, 462)
# pyaot: run gcd(-1071, 462)
# pyaot: run gcd(0, 0)
# pyaot: run lcm(4, 6)
# pyaot: run lcm(0, 5)
# pyaot: run lcm(-4, 6)
# pyaot: run lcm_range(20)
# pyaot: run lcm_range(42)
# pyaot: overflow lcm_range(50)


def gcd(a: int, b: int) -> int:
    a = abs(a)
    b = abs(b)
    while b:
        a, b = b, a % b
    return a


def lcm(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return abs(a // gcd(a, b) * b)


def lcm_range(n: int) -> int:
    acc = 1
    for k in range(2, n + 1):
        acc = lcm(acc, k)
    return acc
