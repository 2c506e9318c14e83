# Overflow and zero-division checks around loop counters: removed where provable, firing where not.
# pyaot: run scaled_sum(10, 3)
# pyaot: overflow scaled_sum(10, 2**62)
# pyaot: run scaled_sum(0, 2**62)
# pyaot: run offsets(5, 2**62)
# pyaot: overflow offsets(5, 2**63 - 3)
# pyaot: run offsets(3, 2**63 - 3)
# pyaot: run-msg divide_all(10, -3, 4)
# pyaot: run divide_all(10, 1, 6)
# pyaot: run divide_all(10, -6, -1)
# pyaot: run mods(100, 1, 9)
# pyaot: run-msg mods(100, 0, 9)
# pyaot: run halves(27)
# pyaot: run halves(1)
# pyaot: run halves(2**40 + 5)
# pyaot: run collatz_steps(27)
# pyaot: run collatz_steps(97)
# pyaot: run lcg(12345, 100)
# pyaot: overflow lcg(2**62, 50)
# pyaot: run counting_while(7)
# pyaot: run counting_while(0)
# pyaot: overflow count_to_max(2**63 - 5)
# pyaot: run sum_range(5, 2**63 - 1, 2**62)
# pyaot: run sum_range(2**63 - 3, 2**63 - 1, 1)
# pyaot: run sum_range(-2**63, -2**63 + 3, 1)
# pyaot: run sum_range(2**63 - 1, -2**63, -2**62)
# pyaot: run step_sizes(20)


def scaled_sum(n: int, k: int) -> int:
    total = 0
    for i in range(n):
        total += i * k
    return total


def offsets(n: int, base: int) -> int:
    total = 0
    for i in range(n):
        total = (base + i) // 7 + total
    return total


def divide_all(x: int, lo: int, hi: int) -> int:
    total = 0
    for d in range(lo, hi):
        total += x // d
    return total


def mods(x: int, lo: int, hi: int) -> int:
    total = 0
    for d in range(lo, hi):
        total += x % d + d % (x - 50)
    return total


def halves(x: int) -> int:
    steps = 0
    while x > 1:
        x = x // 2
        steps += x % 2
    return steps


def collatz_steps(x: int) -> int:
    steps = 0
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        steps += 1
    return steps


def lcg(seed: int, n: int) -> int:
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
    return x


def counting_while(n: int) -> int:
    i = 0
    total = 0
    while i <= n:
        total += i
        i += 1
    return total


def count_to_max(start: int) -> int:
    i = start
    total = 0
    while i <= 9223372036854775807:
        total += 1
        i += 1
    return total


def sum_range(a: int, b: int, s: int) -> int:
    total = 0
    for i in range(a, b, s):
        total = total // 2 + i // 4
    return total


def step_sizes(n: int) -> int:
    total = 0
    for s in range(1, n):
        for i in range(0, n, s):
            total += i
    return total
