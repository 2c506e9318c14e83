# Nested loops with break and continue at different depths.
# pyaot: run table_sum(4, 5)
# pyaot: run table_sum(0, 5)
# pyaot: run triangle(6)
# pyaot: run pairs_with_sum(10)
# pyaot: run pythagorean(30)
# pyaot: run inner_continue(5)
# pyaot: run while_in_for(6)
# pyaot: run three_deep(4)


def table_sum(n: int, m: int) -> int:
    s = 0
    for i in range(n):
        for j in range(m):
            s += i * j
    return s


def triangle(n: int) -> int:
    count = 0
    for i in range(n):
        for j in range(i):
            count += 1
    return count


def pairs_with_sum(n: int) -> int:
    count = 0
    for a in range(n):
        for b in range(a, n):
            if a + b == n:
                count += 1
    return count


def pythagorean(limit: int) -> int:
    count = 0
    for a in range(1, limit):
        for b in range(a, limit):
            c2 = a * a + b * b
            c = 1
            while c * c < c2:
                c += 1
            if c * c == c2 and c < limit:
                count += 1
    return count


def inner_continue(n: int) -> int:
    s = 0
    for i in range(n):
        for j in range(n):
            if j == i:
                continue
            if j > i + 2:
                break
            s += j
    return s


def while_in_for(n: int) -> int:
    total = 0
    for i in range(1, n + 1):
        k = i
        while k % 2 == 0:
            k //= 2
            total += 1
    return total


def three_deep(n: int) -> int:
    s = 0
    for i in range(n):
        for j in range(n):
            for k in range(n):
                if (i + j + k) % 3 == 0:
                    s += 1
    return s
