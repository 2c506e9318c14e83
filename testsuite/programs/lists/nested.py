# Lists of lists and of tuples: grids, rows shared by `[row] * n`, rows changed through an alias,
# items replaced and removed (the lists they held are released), and results built inside.
# pyaot: run grid(3, 4)
# pyaot: run grid(0, 2)
# pyaot: run shared_rows(3)
# pyaot: run transpose([[1, 2, 3], [4, 5, 6]])
# pyaot: run transpose([])
# pyaot: run mutate_rows([[1], [2, 3]])
# pyaot: run replace_rows([[1], [2, 3]])
# pyaot: run pairs([(1, 2.5), (3, -1.0)])
# pyaot: run edges(4)
# pyaot: run row_sums([[1.5, 2.5], [], [3.0]])
# pyaot: run same_list_twice([1, 2])
# pyaot: run popped_rows([[1, 2], [3]])
# pyaot: run bfs(6)


def grid(n: int, m: int) -> list[list[int]]:
    g = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            g[i][j] = i * m + j
    return g


def shared_rows(n: int) -> list[list[int]]:
    g = [[0] * n] * n
    g[0][0] = 7
    return g


def transpose(a: list[list[int]]) -> list[list[int]]:
    if not a:
        return []
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]


def mutate_rows(a: list[list[int]]) -> list[list[int]]:
    for row in a:
        row.append(len(row))
    a[0][0] = 9
    return a


def replace_rows(a: list[list[int]]) -> int:
    first = a[0]
    a[0] = [5, 5]
    a.append(first)
    del a[1]
    return len(a) * 10 + len(first)


def pairs(ps: list[tuple[int, float]]) -> list[tuple[float, int]]:
    out = []
    for k, v in ps:
        out.append((v * 2, k))
    return out


def edges(n: int) -> list[tuple[int, int]]:
    return [(i, j) for i in range(n) for j in range(i + 1, n)]


def row_sums(a: list[list[float]]) -> list[float]:
    return [sum(r) for r in a]


def same_list_twice(xs: list[int]) -> list[list[int]]:
    g = [xs, xs]
    g[0].append(9)
    return g


def popped_rows(a: list[list[int]]) -> int:
    r = a.pop()
    r.append(4)
    return len(r) + len(a)


def bfs(n: int) -> list[int]:
    dist = [-1] * n
    dist[0] = 0
    queue = [0]
    for u in queue:
        for v in (u + 1, 2 * u):
            if v < n and dist[v] < 0:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist
