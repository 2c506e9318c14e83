# Lists as parameters, locals and results: literals, len, indexing (negative too), item
# assignment, append, pop, insert, iteration, truth, and the errors CPython raises.
# pyaot: run total([1, 2, 3])
# pyaot: run total([])
# pyaot: run-msg get([1, 2, 3], 1)
# pyaot: run-msg get([1, 2, 3], -1)
# pyaot: run-msg get([1, 2, 3], 3)
# pyaot: run-msg get([1, 2, 3], -4)
# pyaot: run-msg get([], 0)
# pyaot: run-msg put([1.5, 2.5], 1, 7.0)
# pyaot: run-msg put([1.5, 2.5], -3, 7.0)
# pyaot: run grow([1.0], 2.5)
# pyaot: run grow([], -0.0)
# pyaot: run-msg drain([4, 5, 6])
# pyaot: run-msg drain([])
# pyaot: run-msg pop_at([1, 2, 3, 4], 1)
# pyaot: run-msg pop_at([1, 2, 3, 4], -1)
# pyaot: run-msg pop_at([1, 2, 3, 4], 4)
# pyaot: run-msg pop_at([], 0)
# pyaot: run insert_all([1, 2, 3], 0, 9)
# pyaot: run insert_all([1, 2, 3], -1, 9)
# pyaot: run insert_all([1, 2, 3], 100, 9)
# pyaot: run insert_all([1, 2, 3], -100, 9)
# pyaot: run squares(6)
# pyaot: run squares(0)
# pyaot: run flags(5)
# pyaot: run evens([3, 8, 2, 7, 10])
# pyaot: run non_empty([])
# pyaot: run non_empty([0])
# pyaot: run aliasing([1, 2])
# pyaot: run literal_mix(3)
# pyaot: run bools([True, False, True])
# pyaot: run-msg fails_midway([1, 2, 3])


def total(xs: list[int]) -> int:
    s = 0
    for x in xs:
        s += x
    return s


def get(xs: list[int], i: int) -> int:
    return xs[i]


def put(xs: list[float], i: int, v: float) -> list[float]:
    xs[i] = v
    return xs


def grow(xs: list[float], v: float) -> int:
    xs.append(v)
    xs.append(v * 2)
    return len(xs)


def drain(xs: list[int]) -> int:
    t = 0
    while xs:
        t = t * 10 + xs.pop()
    return t + xs.pop()


def pop_at(xs: list[int], i: int) -> int:
    return xs.pop(i) * 100 + len(xs)


def insert_all(xs: list[int], i: int, v: int) -> list[int]:
    xs.insert(i, v)
    return xs


def squares(n: int) -> list[int]:
    out = []
    for i in range(n):
        out.append(i * i)
    return out


def flags(n: int) -> list[bool]:
    seen = [False] * n
    for i in range(0, n, 2):
        seen[i] = True
    return seen


def evens(xs: list[int]) -> list[int]:
    return [x for x in xs if x % 2 == 0]


def non_empty(xs: list[int]) -> bool:
    if xs:
        return True
    return not xs


def aliasing(xs: list[int]) -> list[int]:
    ys = xs
    ys.append(3)
    zs = [0]
    zs = ys
    zs[0] = -1
    return xs


def literal_mix(n: int) -> list[float]:
    xs: list[float] = [1, 2.5, n]
    xs.append(4)
    return xs


def bools(xs: list[bool]) -> int:
    n = 0
    for b in xs:
        if b:
            n += 1
    return n


def fails_midway(xs: list[int]) -> int:
    xs.append(4)
    xs[0] = 10
    return xs[10]
