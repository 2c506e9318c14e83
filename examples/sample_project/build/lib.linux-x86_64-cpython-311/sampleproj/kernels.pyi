# Signatures of the compiled module `kernels`, written by pyaot.
from typing import SupportsIndex

def collatz_steps(n: SupportsIndex) -> int:
    """Steps of the Collatz map from n down to 1."""

def primes_below(n: SupportsIndex) -> list[int]:
    """The primes below n, by the sieve of Eratosthenes."""
