# Collatz step counts and the longest chain below a bound.
# pyaot: run steps(1)
# pyaot: run steps(27)
# pyaot: run steps(837799)
# pyaot: run steps(0)
# pyaot: run longest_below(1000)
# pyaot: overflow steps(2**62 + 1)


def steps(n: int) -> int:
    if n < 1:
        raise ValueError("n must be positive")
    count = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        count += 1
    return count


def longest_below(limit: int) -> tuple[int, int]:
    best = 1
    best_len = 0
    for start in range(1, limit):
        length = steps(start)
        if length > best_len:
            best, best_len = start, length
    return best, best_len
