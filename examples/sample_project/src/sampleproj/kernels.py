"""Integer kernels."""

LIMIT = 10_000


def collatz_steps(n: int) -> int:
    """Steps of the Collatz map from n down to 1."""
    if n < 1:
        raise ValueError(f"n must be positive, got {n}")
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def primes_below(n: int) -> list[int]:
    """The primes below n, by the sieve of Eratosthenes."""
    if n > LIMIT * 100:
        raise ValueError("n is too large")
    sieve = [True] * max(n, 2)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = False
    return [i for i in range(n) if sieve[i]]


class Table:
    """Python: a cache of Collatz lengths, using the compiled function."""

    def __init__(self, n):
        self.lengths = {k: collatz_steps(k) for k in range(1, n + 1)}

    def longest(self):
        return max(self.lengths, key=self.lengths.get)
