# Direct recursion: fibonacci, factorial, gcd, ackermann, power by squaring.
# pyaot: run fib(0)
# pyaot: run fib(1)
# pyaot: run fib(20)
# pyaot: run fact(0)
# pyaot: run fact(10)
# pyaot: run fact(20)
# pyaot: overflow fact(21)
# pyaot: run gcd(48, 18)
# pyaot: run gcd(17, 5)
# pyaot: run gcd(0, 9)
# pyaot: run gcd(-48, 18)
# pyaot: run ackermann(0, 0)
# pyaot: run ackermann(1, 2)
# pyaot: run ackermann(2, 3)
# pyaot: run ackermann(3, 3)
# pyaot: run fast_pow(3, 13)
# pyaot: run fast_pow(2, 62)
# pyaot: run fast_pow(-3, 39)
# pyaot: overflow fast_pow(2, 63)
# pyaot: run depth(500)
# pyaot: run frac_sum(30)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def gcd(a: int, b: int) -> int:
    if b == 0:
        return a
    return gcd(b, a % b)


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def fast_pow(b: int, e: int) -> int:
    if e == 0:
        return 1
    half = fast_pow(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def frac_sum(n: int) -> float:
    if n == 0:
        return 0.0
    return 1.0 / (n * n) + frac_sum(n - 1)
