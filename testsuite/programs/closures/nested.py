# Nested functions: reading the enclosing function's variables when called (late binding),
# changing shared lists and dicts, recursion, calling each other, and used as values (key=).
# pyaot: run count_components(5, [(0, 1), (1, 2), (3, 4)])
# pyaot: run count_components(3, [])
# pyaot: run scaled([1.0, 2.0, 3.0], 2.0)
# pyaot: run late_binding(3)
# pyaot: run by_distance([5, 1, 9, 4], 4)
# pyaot: run fib(30)
# pyaot: run-msg raises_inside(0)
# pyaot: run-msg raises_inside(2)
# pyaot: run helpers_calling_helpers(4)
# pyaot: run annotated_inner(3)
# pyaot: run counter(5)
# pyaot: run counter(0)
# pyaot: run best_path([[1, 3, 1], [1, 5, 1], [4, 2, 1]])
# pyaot: check raises_match(NameError, "cannot access free variable .later.", m.called_too_early, True)
# pyaot: run called_too_early(False)
# pyaot: run passed_functions([1, 2, 3])


def count_components(n: int, edges: list[tuple[int, int]]) -> int:
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    seen = [False] * n

    def dfs(u):
        seen[u] = True
        for v in adj[u]:
            if not seen[v]:
                dfs(v)

    count = 0
    for u in range(n):
        if not seen[u]:
            dfs(u)
            count += 1
    return count


def scaled(xs: list[float], k: float) -> list[float]:
    def scale(x):
        return x * k

    return [scale(x) for x in xs]


def late_binding(n: int) -> list[int]:
    m = 1

    def times(x):
        return x * m

    out = [times(n)]
    m = 10
    out.append(times(n))
    return out


def by_distance(xs: list[int], target: int) -> list[int]:
    def dist(x):
        return abs(x - target)

    return sorted(xs, key=dist)


def fib(n: int) -> int:
    memo: dict[int, int] = {}

    def go(k):
        if k < 2:
            return k
        if k in memo:
            return memo[k]
        r = go(k - 1) + go(k - 2)
        memo[k] = r
        return r

    return go(n)


def raises_inside(n: int) -> int:
    def check(x):
        if x == 0:
            raise ValueError(f"zero is not allowed (n={n})")
        return 10 // x

    return check(n)


def helpers_calling_helpers(n: int) -> int:
    base = 100

    def inner(x):
        return x + base

    def outer(x):
        return inner(x) * 2

    return outer(n) + inner(1)


def annotated_inner(n: int) -> float:
    def half(x: int) -> float:
        return x / 2

    return half(n) + half(n + 1)


def counter(n: int) -> int:
    count = 0
    total = 0.0

    def bump(k):
        nonlocal count, total
        count += 1
        total = total + k / 2

    for i in range(n):
        bump(i)
    return count * 1000 + int(total)


def best_path(grid: list[list[int]]) -> int:
    best = -1

    def walk(i, j, acc):
        nonlocal best
        acc += grid[i][j]
        if i == len(grid) - 1 and j == len(grid[0]) - 1:
            best = max(best, acc)
            return
        if i + 1 < len(grid):
            walk(i + 1, j, acc)
        if j + 1 < len(grid[0]):
            walk(i, j + 1, acc)

    walk(0, 0, 0)
    return best


def called_too_early(flag: bool) -> int:
    def get():
        return later + 1

    if flag:
        return get()
    later = 5
    return get()


def apply_all(f, xs):
    return [f(x) for x in xs]


def passed_functions(xs: list[int]) -> tuple[list[int], list[int]]:
    def square(x):
        return x * x

    return (apply_all(lambda v: v + 1, xs), apply_all(square, xs))
