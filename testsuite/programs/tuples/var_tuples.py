# tuple[T, ...]: tuples of any length as parameters, locals and results: len, indexing, slices,
# iteration, +, *, in, comparisons, index/count, tuple(...) of iterables, shapes as tuples.
# pyaot: run total((1, 2, 3))
# pyaot: run total(())
# pyaot: run-msg pick((1.5, 2.5), -1)
# pyaot: run-msg pick((1.5, 2.5), 2)
# pyaot: run ops((3, 1, 2), (4,))
# pyaot: run ops((), ())
# pyaot: run-msg find((5, 6, 5), 5)
# pyaot: run-msg find((5, 6, 5), 7)
# pyaot: run built(4)
# pyaot: run shape_of(np.zeros((2, 3)))
# pyaot: run words(("b", "a"))
# pyaot: run nested(((1, 2), (3, 4)))
import numpy as np
from pyaot import f64


def total(t: tuple[int, ...]) -> int:
    s = 0
    for x in t:
        s += x
    return s + len(t)


def pick(t: tuple[float, ...], i: int) -> float:
    return t[i]


def ops(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...], bool, bool, bool]:
    return (a + b, a[1:] * 2, 3 in a, a < b, a == tuple(sorted(a)))


def find(t: tuple[int, ...], x: int) -> tuple[int, int]:
    return (t.count(x), t.index(x))


def built(n: int) -> tuple[int, ...]:
    return tuple(i * i for i in range(n))


def shape_of(a: f64[:, :]) -> tuple[int, ...]:
    return a.shape


def words(t: tuple[str, ...]) -> str:
    return "-".join(sorted(t))


def nested(t: tuple[tuple[int, int], ...]) -> list[int]:
    return [a * b for a, b in t]
