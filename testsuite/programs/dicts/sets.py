# Sets: displays, set(), set(iterable), add, discard, remove (KeyError), pop, in, len, the
# operators and comparisons, comprehensions, iteration in CPython's order, and sets of tuples.
# pyaot: run unique([3, 1, 3, 2, 1])
# pyaot: run unique([])
# pyaot: run-msg edits({1, 2, 3}, 2)
# pyaot: run-msg edits({1, 2, 3}, 5)
# pyaot: run algebra({1, 2, 3}, {2, 3, 4})
# pyaot: run relations({1, 2}, {1, 2, 3})
# pyaot: run relations({1, 2}, {1, 2})
# pyaot: run comprehension(10)
# pyaot: run visited_cells(4)
# pyaot: run letters("mississippi")
# pyaot: run-msg shrink_while_walked({1, 2, 3})
# pyaot: run walk_sorted({5, -1, 3})
# pyaot: run methods({1, 2}, {2, 5})
# pyaot: run wide_keys(40)


def unique(xs: list[int]) -> tuple[set[int], int]:
    s = set(xs)
    return (s, len(s))


def edits(s: set[int], x: int) -> set[int]:
    s.add(10)
    s.discard(1)
    s.remove(x)
    return s


def algebra(a: set[int], b: set[int]) -> tuple[set[int], set[int], set[int], set[int]]:
    return (a | b, a & b, a - b, a ^ b)


def relations(a: set[int], b: set[int]) -> tuple[bool, bool, bool, bool, bool]:
    return (a == b, a != b, a < b, a <= b, a >= b)


def comprehension(n: int) -> set[int]:
    return {i % 4 for i in range(n)}


def visited_cells(n: int) -> int:
    seen = set()
    for i in range(n):
        for j in range(n):
            if (i + j) % 2 == 0:
                seen.add((i, j))
    return len(seen) + ((0, 0) in seen) + ((0, 1) in seen)


def letters(s: str) -> list[str]:
    return sorted(set(s))


def shrink_while_walked(s: set[int]) -> int:
    for x in s:
        s.discard(x)
    return len(s)


def walk_sorted(s: set[int]) -> list[int]:
    out = []
    for x in s:
        out.append(x * 2)
    return sorted(out)


def methods(a: set[int], b: set[int]) -> tuple[set[int], set[int], bool, bool, int, set[int]]:
    c = a.copy()
    c.add(7)
    return (a.union(b), a.intersection(b), a.issubset(c), a.isdisjoint(b), c.pop(), c)


def wide_keys(n: int) -> int:
    seen = set()
    for i in range(n):
        seen.add((i % 3, i % 2, i % 5, 0, i % 7))
    return len(seen) + ((1, 1, 1, 0, 1) in seen)
