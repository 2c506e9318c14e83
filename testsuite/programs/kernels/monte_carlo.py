# Monte Carlo estimate of pi with a hand-written 64-bit LCG kept in range by masks.
# pyaot: run lcg_next(1)
# pyaot: run lcg_next(2**62)
# pyaot: run lcg_sequence_sum(12345, 100)
# pyaot: run estimate_pi(42, 10000)
# pyaot: run estimate_pi(7, 1)
# pyaot: run uniform_mean(2024, 5000)

MASK32 = 0xFFFF_FFFF
MASK31 = 0x7FFF_FFFF


def lcg_next(state: int) -> int:
    # Numerical Recipes constants on 32 bits: the product stays far below 2**63.
    return (1664525 * (state & MASK32) + 1013904223) & MASK32


def lcg_sequence_sum(seed: int, n: int) -> int:
    s = seed
    total = 0
    for _ in range(n):
        s = lcg_next(s)
        total = (total + s) & MASK31
    return total


def uniform(state):
    return (state >> 8) / 16777216.0


def estimate_pi(seed: int, n: int) -> float:
    s = seed
    inside = 0
    for _ in range(n):
        s = lcg_next(s)
        x = uniform(s)
        s = lcg_next(s)
        y = uniform(s)
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n


def uniform_mean(seed: int, n: int) -> float:
    s = seed
    acc = 0.0
    for _ in range(n):
        s = lcg_next(s)
        acc += uniform(s)
    return acc / n
