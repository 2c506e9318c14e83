"""Scalar numerical kernels compiled by pyaot; this file also runs unchanged under CPython."""
import math

TOL = 1e-12


def collatz_steps(n: int) -> int:
    """Number of Collatz steps from n down to 1."""
    if n < 1:
        raise ValueError("n must be positive")
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def integrate_sin(a: float, b: float, n: int = 1000) -> float:
    """Trapezoid rule for the integral of sin over [a, b]."""
    h = (b - a) / n
    total = 0.5 * (math.sin(a) + math.sin(b))
    for i in range(1, n):
        total += math.sin(a + i * h)
    return total * h


def newton_sqrt(x: float) -> float:
    """Square root by Newton's method."""
    if x < 0.0:
        raise ValueError("negative input")
    if x == 0.0:
        return 0.0
    guess = x if x > 1.0 else 1.0
    while True:
        nxt = 0.5 * (guess + x / guess)
        if abs(nxt - guess) <= TOL * nxt:
            return nxt
        guess = nxt


def gcd_lcm(a: int, b: int) -> tuple[int, int]:
    """Greatest common divisor and least common multiple."""
    x, y = abs(a), abs(b)
    while y:
        x, y = y, x % y
    if x == 0:
        return 0, 0
    return x, abs(a // x * b)


def count_primes(limit: int) -> int:
    """Number of primes below limit, by trial division."""
    count = 0
    for n in range(2, limit):
        is_prime = True
        d = 2
        while d * d <= n:
            if n % d == 0:
                is_prime = False
                break
            d += 1
        if is_prime:
            count += 1
    return count
