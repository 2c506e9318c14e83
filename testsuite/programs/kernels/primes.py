# Prime counting by trial division, and a primality test with 6k +- 1 steps.
# pyaot: run count_primes(0)
# pyaot: run count_primes(2)
# pyaot: run count_primes(100)
# pyaot: run count_primes(10000)
# pyaot: run is_prime(2**31 - 1)
# pyaot: run is_prime(1000000007 * 3)
# pyaot: run nth_prime(1)
# pyaot: run nth_prime(500)


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    i = 5
    while i * i <= n:
        if n % i == 0 or n % (i + 2) == 0:
            return False
        i += 6
    return True


def count_primes(n: int) -> int:
    count = 0
    for k in range(n):
        if is_prime(k):
            count += 1
    return count


def nth_prime(n: int) -> int:
    found = 0
    k = 1
    while found < n:
        k += 1
        if is_prime(k):
            found += 1
    return k
