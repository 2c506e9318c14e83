# Lists of arrays: parameters (the arrays are the caller's, so writes into them are seen),
# lists made and returned, appends, item stores, views, tuples holding arrays, nested lists,
# and NumPy functions that take a list of arrays.
# pyaot: run total([np.arange(3.0), np.ones(2), np.zeros(0)])
# pyaot: run total([])
# pyaot: run scale_each([np.arange(3.0), np.arange(4.0)[::2]], 2.0)
# pyaot: check raises(TypeError, m.scale_each, [np.arange(3)], 2.0)
# pyaot: check raises(ValueError, m.scale_each, [readonly(np.arange(3.0))], 2.0)
# pyaot: run total([readonly(np.arange(3.0))])
# pyaot: run make(2, 3)
# pyaot: run make(0, 0)
# pyaot: run comp(4)
# pyaot: run grow([np.arange(2.0)], 3)
# pyaot: run item([np.arange(3.0), np.ones(2)], 0, 2)
# pyaot: run-msg item([np.arange(3.0), np.ones(2)], 2, 0)
# pyaot: run-msg item([np.arange(3.0), np.ones(2)], 1, 5)
# pyaot: run first_row([np.eye(2), np.ones((2, 3))])
# pyaot: run same_objects([np.arange(3.0)])
# pyaot: run cat([np.arange(3.0), np.ones(2)])
# pyaot: run stacked([np.arange(3.0), np.ones(3)])
# pyaot: run-msg stacked([np.arange(3.0), np.ones(2)])
# pyaot: run show([np.arange(3.0), np.ones(2)])
# pyaot: run store([np.zeros((2, 2)), np.zeros((2, 2))], 5.0)
# pyaot: run popper([np.arange(3.0), np.ones(2)])
# pyaot: run-msg popper([])
# pyaot: run pairs([np.arange(3.0), np.ones(2)])
# pyaot: run sizes([(1, np.ones(3)), (2, np.ones(1))])
# pyaot: run longest([np.arange(3.0), np.ones(2), np.ones(7)])
# pyaot: run views_write(6, 2)
# pyaot: run views_write(7, 3)
# pyaot: run nested(3)
# pyaot: run means([np.arange(4.0), np.array([1.0, -1.0])])
# pyaot: run aliased(4)
import numpy as np
from pyaot import f64


def total(arrs: list[f64[:]]) -> float:
    s = 0.0
    for a in arrs:
        s += a.sum()
    return s


def scale_each(arrs: list[f64[:]], k: float) -> list[f64[:]]:
    for a in arrs:
        a *= k
    return arrs


def make(n: int, k: int) -> list[f64[:]]:
    out = []
    for i in range(k):
        out.append(np.full(n, float(i)))
    return out


def comp(n: int) -> list[f64[:]]:
    return [np.arange(float(i + 1)) * 2.0 for i in range(n)]


def grow(arrs: list[f64[:]], n: int) -> int:
    arrs.append(np.zeros(n))
    arrs[0] = arrs[0] + 1.0
    return len(arrs)


def item(arrs: list[f64[:]], i: int, j: int) -> float:
    return arrs[i][j]


def first_row(m: list[f64[:, :]]) -> f64[:]:
    return m[0][0]


def same_objects(arrs: list[f64[:]]) -> bool:
    back = passthru(arrs)
    return len(back) == len(arrs)


def passthru(arrs):
    return arrs


def cat(arrs: list[f64[:]]) -> f64[:]:
    return np.concatenate(arrs)


def stacked(arrs: list[f64[:]]) -> f64[:, :]:
    return np.stack(arrs)


def show(arrs: list[f64[:]]) -> str:
    return str(arrs) + f" {len(arrs)}"


def store(arrs: list[f64[:, :]], v: float) -> list[f64[:, :]]:
    arrs[1][0, 1] = v
    return arrs


def popper(arrs: list[f64[:]]) -> f64[:]:
    a = arrs.pop()
    return a * 2.0


def pairs(arrs: list[f64[:]]) -> list[tuple[int, f64[:]]]:
    return [(i, a) for i, a in enumerate(arrs)]


def sizes(arrs: list[tuple[int, f64[:]]]) -> list[int]:
    return [k + a.shape[0] for k, a in arrs]


def longest(arrs: list[f64[:]]) -> int:
    best = 0
    for a in arrs[1:]:
        best = max(best, len(a))
    return best


def views_write(n: int, k: int) -> f64[:]:
    x = np.arange(float(n))
    parts = [x[i::k] for i in range(k)]
    for p in parts:
        p[0] = -1.0
    return x


def nested(n: int) -> list[list[f64[:]]]:
    return [[np.zeros(i), np.ones(i)] for i in range(n)]


def means(arrs: list[f64[:]]) -> list[float]:
    return [float(a.mean()) for a in arrs]


def aliased(n: int) -> f64[:]:
    a = np.zeros(n)
    both = [a, a]
    both[0][0] = 1.0
    both[1][1] = 2.0
    return a
