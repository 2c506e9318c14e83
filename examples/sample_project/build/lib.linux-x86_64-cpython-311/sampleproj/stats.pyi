# Signatures of the compiled module `stats`, written by pyaot.

def mean_std(xs: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation."""

def running_max(xs: list[float]) -> list[float]: ...
