# A read-only buffer is refused (ValueError, nothing written) whenever the called function,
# or any function it passes the array to, may store into it: the call that stores may sit in any
# expression that can hold a call. Functions that only read accept read-only buffers.
import numpy as np
from pyaot import f64, i64

# pyaot: check raises_unchanged(ValueError, m.fill_via, readonly(np.arange(3.0)), 2)
# pyaot: check raises_unchanged(ValueError, m.full_like_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.tuple_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.len_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.ifexp_via, readonly(np.arange(3.0)), True)
# pyaot: check raises_unchanged(ValueError, m.cast_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.index_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.arange_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.shape_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.compare_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.logic_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.minmax_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.assert_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.while_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.range_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.store_index_via, readonly(np.arange(3.0)), np.zeros(4))
# pyaot: check raises_unchanged(ValueError, m.unpack_via, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.alias_then_store, readonly(np.arange(3.0)))
# pyaot: check raises_unchanged(ValueError, m.deep_via, readonly(np.arange(3.0)))
# pyaot: run fill_via(np.arange(3.0), 2)
# pyaot: run full_like_via(np.arange(3.0))
# pyaot: run tuple_via(np.arange(3.0))
# pyaot: run len_via(np.arange(3.0))
# pyaot: run ifexp_via(np.arange(3.0), True)
# pyaot: run ifexp_via(np.arange(3.0), False)
# pyaot: run cast_via(np.arange(3.0))
# pyaot: run index_via(np.arange(3.0))
# pyaot: run arange_via(np.arange(3.0))
# pyaot: run shape_via(np.arange(3.0))
# pyaot: run compare_via(np.arange(3.0))
# pyaot: run logic_via(np.arange(3.0))
# pyaot: run minmax_via(np.arange(3.0))
# pyaot: run assert_via(np.arange(3.0))
# pyaot: run while_via(np.arange(3.0))
# pyaot: run range_via(np.arange(3.0))
# pyaot: run store_index_via(np.arange(3.0), np.zeros(4))
# pyaot: run unpack_via(np.arange(3.0))
# pyaot: run alias_then_store(np.arange(3.0))
# pyaot: run deep_via(np.arange(3.0))
# pyaot: run reads_only(readonly(np.arange(3.0)))
# pyaot: run reads_via_helper(readonly(np.arange(4.0)))


def store_first(a: f64[:]) -> float:
    a[0] = 99.0
    return 1.0


def fill_via(a: f64[:], n: int) -> f64[:]:
    return np.full(n, store_first(a))


def full_like_via(a: f64[:]) -> f64[:]:
    return np.full_like(a, store_first(a))


def tuple_via(a: f64[:]) -> float:
    t = (1.0, store_first(a))
    return t[0]


def len_via(a: f64[:]) -> int:
    return len((store_first(a), 2))


def ifexp_via(a: f64[:], c: bool) -> float:
    return store_first(a) if c else 0.5


def cast_via(a: f64[:]) -> int:
    return int(store_first(a))


def index_via(a: f64[:]) -> float:
    return a[int(store_first(a))]


def arange_via(a: f64[:]) -> i64[:]:
    return np.arange(int(store_first(a)))


def shape_via(a: f64[:]) -> f64[:]:
    return np.zeros(int(store_first(a)) + 1)


def compare_via(a: f64[:]) -> bool:
    return 0.0 < store_first(a) < 2.0


def logic_via(a: f64[:]) -> bool:
    return a[1] > -1.0 and store_first(a) > 0.0


def minmax_via(a: f64[:]) -> float:
    return max(store_first(a), a[2])


def assert_via(a: f64[:]) -> float:
    assert store_first(a) > 0.0
    return a[0]


def while_via(a: f64[:]) -> int:
    n = 0
    while store_first(a) > 0.0 and n < 2:
        n += 1
    return n


def range_via(a: f64[:]) -> int:
    n = 0
    for i in range(int(store_first(a))):
        n += i
    return n


def store_index_via(a: f64[:], b: f64[:]) -> None:
    b[int(store_first(a))] = 5.0


def unpack_via(a: f64[:]) -> float:
    x, y = store_first(a), a[1]
    return x + y


def alias_then_store(a: f64[:]) -> float:
    b = a
    c = b
    c[2] = -1.0
    return a[2]


def through(a):
    return store_first(a)


def deep_via(a: f64[:]) -> float:
    return float(len((abs(through(a)), 1)))


def reads_only(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s += float(x)
    return s


def total(a):
    s = 0.0
    for i in range(len(a)):
        s += float(a[i])
    return s


def reads_via_helper(a: f64[:]) -> float:
    return total(a) + float(len((a[0], 1)))
