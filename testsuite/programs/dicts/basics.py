# Dicts: parameters, results, displays, d[k] (CPython's KeyError), stores, del, in, len, get,
# setdefault, pop, update, copy, clear, keys/values/items walked in insertion order, counting
# idioms, comprehensions, tuple keys, and the RuntimeError of a dict changed while walked.
# pyaot: run word_counts(["a", "b", "a", "c", "b", "a"])
# pyaot: run word_counts([])
# pyaot: run-msg lookup({"x": 1.5, "y": -2.0}, "y")
# pyaot: run-msg lookup({"x": 1.5}, "z")
# pyaot: run-msg lookup({}, "")
# pyaot: run store({1: 10}, 2, 20)
# pyaot: run store({1: 10}, 1, 99)
# pyaot: run-msg remove({1: 10, 2: 20}, 2)
# pyaot: run-msg remove({1: 10, 2: 20}, 3)
# pyaot: run membership({3: True, 4: False}, 4)
# pyaot: run membership({3: True, 4: False}, 5)
# pyaot: run-msg methods({"a": 1, "b": 2})
# pyaot: run walk({"z": 1, "a": 2, "m": 3})
# pyaot: run squares(5)
# pyaot: run grid_dist(3)
# pyaot: run-msg tuple_key({(1, 2): 3.5}, 1, 2)
# pyaot: run-msg tuple_key({(1, 2): 3.5}, 2, 1)
# pyaot: run-msg changed_while_walked({1: 1, 2: 2})
# pyaot: run update_values({"a": 1, "b": 2})
# pyaot: run fib_memo(60)
# pyaot: run equal({1: 2, 3: 4}, {3: 4, 1: 2})
# pyaot: run equal({1: 2}, {1: 3})
# pyaot: run merged({1: 1, 2: 2}, {2: 20, 3: 30})
# pyaot: run most_common(["b", "a", "b", "c", "a", "b"])
# pyaot: run-msg most_common([])


def word_counts(words: list[str]) -> dict[str, int]:
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def lookup(d: dict[str, float], k: str) -> float:
    return d[k] * 2


def store(d: dict[int, int], k: int, v: int) -> dict[int, int]:
    d[k] = v
    d[k] += 1
    return d


def remove(d: dict[int, int], k: int) -> dict[int, int]:
    del d[k]
    return d


def membership(d: dict[int, bool], k: int) -> tuple[bool, bool, int, bool]:
    return (k in d, k not in d, len(d), bool(d))


def methods(d: dict[str, int]) -> tuple[int, int, int, int, int, dict[str, int]]:
    a = d.setdefault("c", 3)
    b = d.setdefault("a", 100)
    c = d.pop("b")
    e = d.pop("zz", -1)
    f = d.get("zz", 7)
    g = d.copy()
    d.update({"q": 9})
    d.clear()
    return (a, b, c, e, f, g)


def walk(d: dict[str, int]) -> tuple[list[str], list[int], list[tuple[str, int]], int]:
    ks = [k for k in d]
    vs = [v for v in d.values()]
    its = [(k, v) for k, v in d.items()]
    t = 0
    for k in d.keys():
        t += d[k]
    return (ks, vs, its, t)


def squares(n: int) -> dict[int, int]:
    return {i: i * i for i in range(n) if i != 2}


def grid_dist(n: int) -> dict[tuple[int, int], int]:
    dist: dict[tuple[int, int], int] = {}
    for i in range(n):
        for j in range(n):
            dist[(i, j)] = abs(i - j)
    return dist


def tuple_key(d: dict[tuple[int, int], float], i: int, j: int) -> float:
    return d[(i, j)]


def changed_while_walked(d: dict[int, int]) -> int:
    for k in d:
        d[k + 10] = k
    return len(d)


def update_values(d: dict[str, int]) -> dict[str, int]:
    for k in d:
        d[k] = d[k] * 10
    for k, v in d.items():
        d[k] = v + 1
    return d


def fib_memo(n: int) -> int:
    memo = {0: 0, 1: 1}
    for i in range(2, n + 1):
        memo[i] = memo[i - 1] + memo[i - 2]
    return memo[n]


def equal(a: dict[int, int], b: dict[int, int]) -> tuple[bool, bool]:
    return (a == b, a != b)


def merged(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    return a | b


def most_common(words: list[str]) -> tuple[str, list[str]]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return (max(counts, key=counts.get), sorted(counts, key=counts.get, reverse=True))
