# sum, any, all, min and max over generator expressions (several `for` clauses, `if` filters,
# nested generators, targets unpacked from enumerate/zip/2-D rows) and over plain iterables
# (ranges, tuples, 1-D arrays): start and default arguments, the comprehension variable kept local
# (a function variable of the same name keeps its value; the first iterable is read outside),
# any/all stopping at the first decisive item (a later item would raise), errors raised by the
# element expression or a filter, empty min/max, sums of bools, float sums, int64 arrays (int32 and
# float32 sums keep NumPy's dtype, as CPython's `0 + item` does), NaN and signed zeros
# in min/max (the first of equal or unordered items wins, as in CPython).
# pyaot: run sum_range(10)
# pyaot: run sum_range(0)
# pyaot: run sum_squares(7)
# pyaot: run pairs(9)
# pyaot: run sum_start(4, 100)
# pyaot: run sum_start_kw(np.array([1.5, 2.5]))
# pyaot: run sum_start_kw(np.zeros(0))
# pyaot: run float_sum(np.array([0.1, 0.2, 0.3]))
# pyaot: run float_sum_start(np.zeros(0))
# pyaot: run float_sum_start(np.array([1e16, 1.0, -1e16]))
# pyaot: run int_start_float_items(5)
# pyaot: run count_positive(np.array([1.0, -2.0, 0.0, 3.0, nan]))
# pyaot: run count_even(11)
# pyaot: run int64_sums(np.array([3, -4, 5, 9], dtype=np.int64))
# pyaot: run int64_sums(np.zeros(0, dtype=np.int64))
# pyaot: run int32_wraps(np.array([2147483647, 1], dtype=np.int32))
# pyaot: run f32_sum(np.array([0.1, 0.2, 0.3, 1e8], dtype=np.float32))
# pyaot: run dot(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0]))
# pyaot: run weighted(np.array([2.0, 4.0, 8.0]))
# pyaot: run grid_sum(np.arange(12.0).reshape(3, 4))
# pyaot: run grid_sum(np.zeros((0, 4)))
# pyaot: run cross_filter(np.array([1.0, 2.0, 3.0]), np.array([2.0, 5.0]))
# pyaot: run max_tri(6)
# pyaot: run-msg max_tri(0)
# pyaot: run spread(np.array([[1.0, 5.0], [7.0, 2.0], [3.0, 3.0]]))
# pyaot: run first_above(np.array([1.0, 4.0, 9.0]), 2.0)
# pyaot: run-msg first_above(np.array([1.0, 4.0, 9.0]), 20.0)
# pyaot: run max_default(np.array([1.0, 4.0, 9.0]), 5.0)
# pyaot: run max_default(np.array([1.0, 4.0, 9.0]), 50.0)
# pyaot: run min_int_default(20, 7)
# pyaot: run min_int_default(5, 7)
# pyaot: run tuple_max(3, -8, 5)
# pyaot: run tuple_min_float(2.5)
# pyaot: run tuple_min_float(nan)
# pyaot: run array_min(np.array([3.0, -1.5, 2.0]))
# pyaot: run-msg array_min(np.zeros(0))
# pyaot: run nan_order(np.array([nan, 1.0, 2.0]))
# pyaot: run nan_order(np.array([1.0, nan, 0.5]))
# pyaot: run zero_order(np.array([0.0, -0.0]))
# pyaot: run zero_order(np.array([-0.0, 0.0]))
# pyaot: run any_all_ints(np.array([0, 0, 3], dtype=np.int64))
# pyaot: run any_all_ints(np.array([0, 0], dtype=np.int64))
# pyaot: run any_all_ints(np.array([2, -1], dtype=np.int64))
# pyaot: run any_all_ints(np.zeros(0, dtype=np.int64))
# pyaot: run any_all_gen(np.array([1.0, 2.0, 3.0]), 2.5)
# pyaot: run any_all_gen(np.zeros(0), 0.0)
# pyaot: run any_all_floats(np.array([0.0, nan]))
# pyaot: run any_all_floats(np.array([-0.0, 1.0]))
# pyaot: run any_stops(10)
# pyaot: run all_stops(10)
# pyaot: run any_bounds(np.array([-1.0, 2.0]))
# pyaot: run any_bounds(np.array([-1.0, -2.0]))
# pyaot: run-msg int_div(3, 5)
# pyaot: run-msg filter_raises(5)
# pyaot: run filter_raises(3)
# pyaot: run-msg zero_step(5)
# pyaot: run-msg float_div(np.array([1.0, 2.0, 4.0]))
# pyaot: run shadow(5)
# pyaot: run shadow_array(np.array([1.0, 2.0, 3.0]))
# pyaot: run outer_first(5)
# pyaot: run nested_same_name(6)
# pyaot: run self_iter(np.array([1.0, 2.0, 3.0]))
# pyaot: overflow big_sum(2)
# pyaot: run big_sum(1)
# pyaot: check raises_match(NameError, "cannot access free variable 'y' where it is not associated with a value in enclosing scope", m.free_read, 2)
# pyaot: run free_read(7)
# pyaot: run free_read(0)
# pyaot: check raises_match(UnboundLocalError, "cannot access local variable 'y' where", m.first_iterable_read, 2)
# pyaot: run first_iterable_read(7)
# pyaot: run key_argmax(np.array([1.0, 5.0, 5.0, 2.0]))
# pyaot: run key_argmax(np.array([nan, 1.0, 3.0]))
# pyaot: run key_argmax(np.array([1.0, nan, 3.0]))
# pyaot: run-msg key_argmax(np.zeros(0))
# pyaot: run key_argmin(np.array([1.0, -5.0, -5.0, 2.0]))
# pyaot: run key_closest(np.array([1.0, 2.5, 4.0]), 3.2)
# pyaot: run key_closest(np.array([1.0, 3.0, 5.0]), 4.0)
# pyaot: run key_function(3)
# pyaot: run key_math(np.array([-3.0, 2.0, 3.0]))
# pyaot: run key_math(np.zeros(0))
# pyaot: run key_calls(5)
import math

import numpy as np
from pyaot import f32, f64, i32, i64


def sum_range(n: int) -> int:
    return sum(range(n))


def sum_squares(n: int) -> int:
    return sum(i * i for i in range(n))


def pairs(n: int) -> int:
    return sum(i * j for i in range(n) for j in range(i) if (i + j) % 3)


def sum_start(n: int, k: int) -> int:
    return sum((i for i in range(n)), k)


def sum_start_kw(a: f64[:]) -> float:
    return sum((x * 2.0 for x in a), start=0.25)


def float_sum(a: f64[:]) -> float:
    return sum(x for x in a)


def float_sum_start(a: f64[:]) -> float:
    return sum((x for x in a), 0.0)


def int_start_float_items(n: int) -> float:
    return sum((i * 0.5 for i in range(n)), 1)


def count_positive(a: f64[:]) -> int:
    return sum(x > 0.0 for x in a)


def count_even(n: int) -> int:
    return sum(i % 2 == 0 for i in range(n))


def int64_sums(a: i64[:]) -> tuple[i64, i64]:
    return sum(a), sum(x * x for x in a if x != 5)


def int32_wraps(a: i32[:]) -> int:
    return sum(a)


def f32_sum(a: f32[:]) -> f32:
    return sum(x for x in a)


def dot(a: f64[:], b: f64[:]) -> float:
    return sum(x * y for x, y in zip(a, b))


def weighted(a: f64[:]) -> float:
    return sum((i * x for i, x in enumerate(a, 1)), 0.0)


def grid_sum(m: f64[:, :]) -> float:
    return sum((sum(r) for r in m), 0.0)


def cross_filter(a: f64[:], b: f64[:]) -> float:
    return sum(x * y for x in a for y in b if x != y if y > 1.0)


def max_tri(n: int) -> int:
    return max(sum(j for j in range(i + 1)) - 2 * i for i in range(n))


def spread(p: f64[:, :]) -> float:
    return max(abs(x - y) for x, y in p)


def first_above(a: f64[:], t: float) -> float:
    return min(x for x in a if x > t)


def max_default(a: f64[:], t: float) -> float:
    return max((x for x in a if x < t), default=np.float64(-1.0))


def min_int_default(n: int, k: int) -> int:
    return min((i * i % 11 for i in range(n) if i > k), default=-5)


def tuple_max(a: int, b: int, c: int) -> int:
    t = (a, b, c)
    return max(t)


def tuple_min_float(y: float) -> float:
    return min((y, 2.0, -y))


def array_min(a: f64[:]) -> float:
    return min(a)


def nan_order(a: f64[:]) -> tuple[f64, f64, f64, f64]:
    return max(a), min(a), max(x for x in a), min((x for x in reversed(a)), default=np.float64(0.0))


def zero_order(a: f64[:]) -> tuple[f64, f64]:
    return max(a), min(x for x in a)


def any_all_ints(a: i64[:]) -> tuple[bool, bool]:
    return any(a), all(a)


def any_all_gen(a: f64[:], t: float) -> tuple[bool, bool]:
    return any(x > t for x in a), all(x < t for x in a)


def any_all_floats(a: f64[:]) -> tuple[bool, bool]:
    return any(a), all(x for x in a)


def any_stops(n: int) -> bool:
    return any(1 // (3 - i) >= 0 for i in range(n))


def all_stops(n: int) -> bool:
    return all(10 // (5 - i) > 2 for i in range(n))


def any_bounds(a: f64[:]) -> bool:
    return any(a[i] > 0.0 for i in range(a.shape[0] + 3))


def int_div(k: int, n: int) -> int:
    return sum(100 // (k - i) for i in range(n))


def filter_raises(n: int) -> int:
    return sum(i for i in range(n) if 10 // (3 - i))


def zero_step(n: int) -> int:
    return sum(x for x in range(0, n, 0))


def float_div(a: f64[:]) -> float:
    return sum(1.0 / (x - 2.0) for x in a)


def shadow(n: int) -> int:
    i = 7
    j = -1
    s = sum(i * j for i in range(n) for j in range(2))
    return s * 100 + i * 10 + j


def shadow_array(a: f64[:]) -> float:
    x = 0.5
    t = max(x * 2.0 for x in a)
    return t + x


def outer_first(i: int) -> int:
    return sum(i for i in range(i)) * 100 + i


def nested_same_name(n: int) -> int:
    return sum(sum(i for i in range(i)) for i in range(n))


def self_iter(x: f64[:]) -> float:
    return sum(x * 10.0 for x in x) + x[0]


def big_sum(n: int) -> int:
    return sum(4611686018427387904 + i for i in range(n))


def free_read(n: int) -> int:
    if n > 5:
        y = 3
    return sum(y for i in range(n))


def first_iterable_read(n: int) -> int:
    if n > 5:
        y = 3
    return sum(i for i in range(y))


def key_argmax(a: f64[:]) -> int:
    return max(range(len(a)), key=lambda i: a[i])


def key_argmin(a: f64[:]) -> int:
    return min(range(len(a)), key=lambda i: a[i])


def key_closest(a: f64[:], t: float) -> float:
    return min(a, key=lambda x: abs(x - t))


def negated(x):
    return -x


def key_function(n: int) -> int:
    return max((i * i - 4 * i for i in range(-n, n)), key=negated)


def key_math(a: f64[:]) -> float:
    return max(a, key=math.fabs, default=np.float64(-1.0))


def bump(box, i):
    box[0] += 1
    box[1] = box[1] * 10 + i
    return i % 3


def key_calls(n: int) -> tuple[int, int, int]:
    # The key runs once per item, in order: the box records each call.
    box = np.zeros(2, dtype=np.int64)
    best = max(range(n), key=lambda i: bump(box, i))
    return (best, int(box[0]), int(box[1]))
