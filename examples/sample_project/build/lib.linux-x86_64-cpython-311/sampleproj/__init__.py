"""Sample project: number kernels and statistics, compiled by pyaot when the wheel is built."""
from .kernels import collatz_steps, primes_below
from .stats import mean_std, running_max

__all__ = ["collatz_steps", "primes_below", "mean_std", "running_max"]
