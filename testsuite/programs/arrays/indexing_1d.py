# One-dimensional arrays: reading, writing, negative indices, bounds, len, shape, ndim, size.
# pyaot: run get(np.arange(5.0), 0)
# pyaot: run get(np.arange(5.0), 4)
# pyaot: run get(np.arange(5.0), -1)
# pyaot: run get(np.arange(5.0), -5)
# pyaot: run-msg get(np.arange(3.0), 5)
# pyaot: run-msg get(np.arange(3.0), 3)
# pyaot: run-msg get(np.arange(3.0), -4)
# pyaot: run-msg get(np.zeros(0), 0)
# pyaot: run get(np.array([nan, -0.0, inf]), 1)
# pyaot: run get(np.array([nan, -0.0, inf]), 0)
# pyaot: run get_int(np.arange(10), 7)
# pyaot: run get_int(np.arange(10), -10)
# pyaot: run-msg get_int(np.arange(10), 10)
# pyaot: run put(np.zeros(4), 2, 1.5)
# pyaot: run put(np.zeros(4), -1, -2.25)
# pyaot: run-msg put(np.zeros(4), 4, 1.0)
# pyaot: run-msg put(np.zeros(4), -5, 1.0)
# pyaot: run bump(np.arange(6.0), 3, 0.5)
# pyaot: run bump(np.arange(6.0), -2, 10.0)
# pyaot: run bump_int(np.arange(6), 0, 41)
# pyaot: run info(np.arange(7.0))
# pyaot: run info(np.zeros(0))
# pyaot: run shape_of(np.ones(9))
# pyaot: run last_first(np.array([3.0, 1.0, 4.0, 1.0, 5.0]))
# pyaot: run iter_max(np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0]))
# pyaot: run iter_max(np.array([-1.0]))
# pyaot: run iter_count_positive(np.array([3.0, -1.0, 0.0, 2.5, -0.0, nan]))
# pyaot: run swap_ends(np.arange(5.0))
# pyaot: run swap_ends(np.array([7.0]))
# pyaot: run-msg swap_ends(np.zeros(0))
from pyaot import f64, i64


def get(a: f64[:], i: int) -> f64:
    return a[i]


def get_int(a: i64[:], i: int) -> i64:
    return a[i]


def put(a: f64[:], i: int, v: float) -> None:
    a[i] = v


def bump(a: f64[:], i: int, v: float) -> None:
    a[i] += v


def bump_int(a: i64[:], i: int, v: int) -> None:
    a[i] += v


def info(a: f64[:]) -> tuple[int, int, int, int]:
    return len(a), a.ndim, a.size, a.shape[0]


def shape_of(a: f64[:]) -> tuple[int]:
    return a.shape


def last_first(a: f64[:]) -> f64:
    return a[-1] - a[0]


def iter_max(a: f64[:]) -> f64:
    best = a[0]
    for x in a:
        if x > best:
            best = x
    return best


def iter_count_positive(a: f64[:]) -> int:
    count = 0
    for x in a:
        if x > 0.0:
            count += 1
    return count


def swap_ends(a: f64[:]) -> None:
    t = a[0]
    a[0] = a[-1]
    a[-1] = t
