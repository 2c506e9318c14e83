# `for` over every iterable compiled code supports: ranges, 1-D arrays (elements, also int64 and
# float32), N-D arrays (rows as views, written through), tuples of one item type (ints, floats,
# arrays), enumerate (negative and keyword starts), zip (stops at the shortest; a zero-step range
# in it raises), reversed (of ranges, arrays, tuples; empty too), and nestings of them with nested
# tuple targets and 2-D rows unpacked into names (a wrong row length raises ValueError). Also
# break/continue/else, the loop variables' values after the loop, an array changed while it is
# iterated (later elements are read live; rebinding the name does not change the loop), and loops
# over temporary arrays (a row kept after the loop stays valid).
# pyaot: run elems(np.array([1.0, 2.0, 3.0, 4.0]))
# pyaot: run elems(np.zeros(0))
# pyaot: run elems(np.arange(10.0)[::-3])
# pyaot: run int_elems(np.array([3, -1, 4, 1, -5], dtype=np.int64))
# pyaot: run f32_elems(np.array([0.5, -1.25, 2.0, 8.5], dtype=np.float32))
# pyaot: run row_weights(np.arange(12.0).reshape(3, 4))
# pyaot: run row_weights(np.zeros((0, 4)))
# pyaot: run zero_first(np.arange(6.0).reshape(3, 2))
# pyaot: run cube(np.arange(24.0).reshape(2, 3, 4))
# pyaot: run temp_rows(np.arange(6.0).reshape(3, 2))
# pyaot: run last_row_temp(np.arange(6.0).reshape(3, 2))
# pyaot: run rows_kept(np.arange(6.0).reshape(3, 2))
# pyaot: run live_read(np.array([1.0, 2.0, 3.0]))
# pyaot: run int_tuple(3, -7)
# pyaot: run float_tuple(0.25)
# pyaot: run float_tuple(-3.5)
# pyaot: run tuple_param((1.5, -2.0, 4.0))
# pyaot: run array_tuple(np.arange(3.0), np.array([10.0, 20.0]))
# pyaot: run enum_start(np.array([5.0, 6.0, 7.0]), -2)
# pyaot: run enum_start(np.zeros(0), 4)
# pyaot: run enum_kw_start(10)
# pyaot: run enum_max_start(np.array([2.5]), 9223372036854775807)
# pyaot: overflow enum_max_start(np.array([2.5, 1.0]), 9223372036854775807)
# pyaot: run zip_short(np.arange(5.0), np.array([10.0, 20.0]))
# pyaot: run zip_short(np.array([1.0]), np.arange(4.0))
# pyaot: run zip_short(np.zeros(0), np.arange(4.0))
# pyaot: run zip3(np.array([1.0, 2.0, 3.0]), np.array([4, 5, 6, 7], dtype=np.int64), 2)
# pyaot: run zip_ranges(10, 3)
# pyaot: run zip_ranges(10, -3)
# pyaot: run-msg zip_ranges(10, 0)
# pyaot: run-msg zip_ranges(0, 0)
# pyaot: run zip_rows(np.arange(6.0).reshape(3, 2), np.ones((2, 2)))
# pyaot: run zip_write(np.arange(6.0).reshape(3, 2), np.arange(4.0).reshape(2, 2))
# pyaot: run zip_temps(np.arange(4.0), np.arange(3.0))
# pyaot: run rebind_zip(np.arange(4.0), np.arange(5.0))
# pyaot: run zip_tuple(np.array([2.0, 3.0, 5.0, 7.0]))
# pyaot: run rev_array(np.array([1.0, 2.0, 3.0]))
# pyaot: run rev_array(np.zeros(0))
# pyaot: run live_rev(np.arange(4.0))
# pyaot: run rev_tuple(1, 2, 3)
# pyaot: run-msg rev_zero(5, 0)
# pyaot: run rev_param((4, 5, 6))
# pyaot: run rev_rows(np.arange(6.0).reshape(3, 2))
# pyaot: run enum_zip_rev(np.array([1.0, 2.0, 3.0]), np.array([10.0, 20.0, 30.0, 40.0]))
# pyaot: run enum_rev(np.array([1.0, 2.0, 4.0]))
# pyaot: run zip_enum(np.array([1.0, 2.0, 4.0]), np.array([3.0, 5.0]))
# pyaot: run deep_target(np.array([1.0, 2.0]), np.array([3.0, 4.0]), np.array([5.0, 6.0, 7.0]))
# pyaot: run points(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
# pyaot: run points(np.zeros((0, 2)))
# pyaot: run points(np.arange(12.0).reshape(4, 3)[::-1, :2])
# pyaot: run zip_pts(np.arange(6.0).reshape(3, 2), np.array([1.0, -1.0]))
# pyaot: run rev_pts(np.arange(6, dtype=np.int64).reshape(3, 2))
# pyaot: run enum_points(np.arange(9.0).reshape(3, 3))
# pyaot: run enum_points(np.arange(8.0).reshape(2, 4))
# pyaot: run find_pair(np.array([1.0, 4.0, 2.0, 8.0]), np.array([3.0, 3.0, 3.0]), 2.0)
# pyaot: run find_pair(np.array([1.0, 4.0, 2.0, 8.0]), np.array([3.0, 3.0, 3.0]), 99.0)
# pyaot: run find_pair(np.zeros(0), np.zeros(3), 1.0)
# pyaot: run skip_odd(np.arange(7, dtype=np.int64))
# pyaot: run last_values(np.array([1.0, 2.0, 3.0]), np.array([-1.0, -2.0]))
# pyaot: run last_values(np.zeros(0), np.array([-1.0, -2.0]))
# pyaot: run last_index(6)
# pyaot: run last_index(0)
# pyaot: run-msg points(np.zeros((2, 3)))
# pyaot: run-msg points(np.zeros((2, 1)))
# pyaot: run-msg points(np.zeros((1, 0)))
# pyaot: run nested_rows(np.arange(12.0).reshape(2, 2, 3))
# pyaot: run-msg nested_rows(np.arange(8.0).reshape(2, 2, 2))
# pyaot: run nested_assign(np.arange(6.0).reshape(2, 3))
# pyaot: run strict_three(3, 3, 3)
# pyaot: run-msg strict_three(3, 3, 2)
# pyaot: run-msg strict_three(3, 4, 3)
# pyaot: run-msg strict_three(4, 3, 3)
# pyaot: run-msg strict_three(3, 3, 4)
# pyaot: run strict_break(5, 2)
# pyaot: run-msg strict_break(1, 2)
# pyaot: run-msg strict_arrays(np.ones(3), np.ones(2))
# pyaot: run strict_arrays(np.arange(3.0), np.ones(3))
# pyaot: run nested_strict(0, 4)
# pyaot: run-msg nested_strict(5, 4)
# pyaot: run-msg nested_strict(5, 1)
# pyaot: run nested_strict(1, 1)
# pyaot: run-msg nested_strict_first(3, 2)
# pyaot: run nested_strict_first(3, 3)
import numpy as np
from pyaot import f32, f64, i64


def elems(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s = s * 0.5 + x
    return s


def int_elems(a: i64[:]) -> int:
    s = 0
    for x in a:
        s = s * 3 + x
    return s


def f32_elems(a: f32[:]) -> tuple[float, float]:
    s = 0.0
    m = -1000.0
    for x in a:
        s += float(x)
        if x > m:
            m = float(x)
    return s, m


def row_weights(m: f64[:, :]) -> f64[:]:
    out = np.zeros(m.shape[1])
    k = 1.0
    for r in m:
        out += k * r
        k *= 2.0
    return out


def zero_first(m: f64[:, :]) -> float:
    s = 0.0
    for r in m:
        s += r[0]
        r[0] = -1.0
    return s


def cube(t: f64[:, :, :]) -> float:
    s = 0.0
    for plane in t:
        for r in plane:
            for x in r:
                s = s * 0.25 + x
    return s


def temp_rows(m: f64[:, :]) -> float:
    s = 0.0
    for x, y in m * 2.0:
        s = s * 3.0 + x - y
    return s


def last_row_temp(m: f64[:, :]) -> f64[:]:
    r = np.zeros(2)
    for r in m + 1.0:
        pass
    return r


def rows_kept(m: f64[:, :]) -> tuple[f64[:], f64[:]]:
    first = m[0]
    prev = m[0]
    for i, r in enumerate(m):
        if i == 0:
            first = r
        prev = r
    first[1] = 99.0
    return first, prev


def live_read(a: f64[:]) -> float:
    s = 0.0
    for x in a:
        s += x
        a[a.shape[0] - 1] += 10.0
    return s


def int_tuple(a: int, b: int) -> int:
    s = 0
    for v in (a, b, a * b, -1, 0):
        s = s * 10 + v
    return s


def float_tuple(y: float) -> float:
    s = 1.0
    for x in (0.5, y, 2.0 * y, -1.5):
        s = s * x + 1.0
    return s


def tuple_param(t: tuple[float, float, float]) -> float:
    s = 0.0
    for x in t:
        s = s * 3.0 - x
    return s


def array_tuple(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for k, arr in enumerate((a, b, a)):
        for x in arr:
            s += (k + 1) * x
    return s


def enum_start(a: f64[:], k: int) -> float:
    s = 0.0
    for i, x in enumerate(a, k):
        s = s * 2.0 + i * x
    return s


def enum_kw_start(n: int) -> int:
    s = 0
    for i, j in enumerate(range(n, 0, -2), start=-3):
        s = s * 7 + i * j
    return s


def enum_max_start(a: f64[:], k: int) -> int:
    last = 0
    for i, x in enumerate(a, k):
        last = i * 1
    return last


def zip_short(a: f64[:], b: f64[:]) -> tuple[f64, int]:
    s = 0.0
    n = 0
    for x, y in zip(a, b):
        s += x * y
        n += 1
    return s, n


def zip3(a: f64[:], b: i64[:], n: int) -> float:
    s = 0.0
    for x, y, k in zip(a, b, range(n)):
        s = s * 2.0 + x * y - k
    return s


def zip_ranges(n: int, step: int) -> int:
    s = 0
    for i, j in zip(range(n), range(0, 3 * n, step)):
        s = s * 5 + i * j
    return s


def zip_rows(m: f64[:, :], w: f64[:, :]) -> float:
    s = 0.0
    for r, q in zip(m, w):
        s += r[1] * q[0] + r[0]
    return s


def zip_write(m: f64[:, :], w: f64[:, :]) -> float:
    s = 0.0
    for r, q in zip(m, w):
        r[0] = q[1]
        s += r[1]
    return s


def zip_temps(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for x, y in zip(a + 1.0, b * 2.0):
        s = s * 2.0 + x * y
    return s


def rebind_zip(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for x, y in zip(a, b):
        s = s * 10.0 + x + y
        b = np.zeros(2)
        a = b
    return s


def zip_tuple(a: f64[:]) -> float:
    s = 0.0
    for c, x in zip((3, -1, 2), a):
        s = s * 10.0 + c * x
    return s


def rev_array(a: f64[:]) -> float:
    s = 0.0
    for x in reversed(a):
        s = s * 10.0 + x
    return s


def live_rev(a: f64[:]) -> float:
    s = 0.0
    for x in reversed(a):
        s = s * 10.0 + x
        a[0] = 9.0
    return s


def rev_tuple(a: int, b: int, c: int) -> int:
    s = 0
    for v in reversed((a, b, c, a + c)):
        s = s * 10 + v
    return s


def rev_zero(n: int, st: int) -> int:
    s = 0
    for i in reversed(range(0, n, st)):
        s += i
    return s


def rev_param(t: tuple[int, int, int]) -> int:
    s = 0
    for i, v in enumerate(reversed(t)):
        s = s * 10 + v - i
    return s


def rev_rows(m: f64[:, :]) -> float:
    s = 0.0
    for r in reversed(m):
        s = s * 10.0 + r[0] + r[1]
    return s


def enum_zip_rev(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for i, (x, y) in enumerate(zip(a, reversed(b))):
        s = s * 2.0 + i * x + y
    return s


def enum_rev(a: f64[:]) -> float:
    s = 0.0
    for i, x in enumerate(reversed(a), 1):
        s = s * 3.0 + i * x
    return s


def zip_enum(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for (i, x), y in zip(enumerate(a), b):
        s = s * 4.0 + i + x * y
    return s


def deep_target(a: f64[:], b: f64[:], c: f64[:]) -> float:
    s = 0.0
    for i, (x, (y, z)) in enumerate(zip(a, zip(b, reversed(c))), start=1):
        s = s * 10.0 + i * x + y * z
    return s


def points(p: f64[:, :]) -> tuple[f64, f64]:
    sx = 0.0
    sy = 0.0
    for x, y in p:
        sx += x
        sy += x * y
    return sx, sy


def zip_pts(p: f64[:, :], w: f64[:]) -> float:
    s = 0.0
    for (x, y), c in zip(p, w):
        s += c * (x - y * 3.0)
    return s


def rev_pts(p: i64[:, :]) -> int:
    s = 0
    for x, y in reversed(p):
        s = s * 100 + x * 10 + y
    return s


def enum_points(p: f64[:, :]) -> float:
    s = 0.0
    for i, (x, y, z) in enumerate(p):
        s += i * x + y - z
    return s


def find_pair(a: f64[:], b: f64[:], target: float) -> int:
    for i, (x, y) in enumerate(zip(a, b)):
        if y - x == target:
            found = i
            break
    else:
        found = -1
    return found


def skip_odd(a: i64[:]) -> int:
    s = 0
    for i, x in zip(reversed(range(len(a))), a):
        if x % 2 == 1:
            continue
        s = s * 10 + i
    else:
        s = -s
    return s


def last_values(a: f64[:], b: f64[:]) -> tuple[int, f64, f64]:
    i = -1
    x = 0.5
    y = 0.25
    for i, (x, y) in enumerate(zip(a, b)):
        pass
    return i, x, y


def last_index(n: int) -> int:
    k = 100
    for k in reversed(range(n)):
        if k == 3:
            break
    return k


def nested_rows(t: f64[:, :, :]) -> float:
    s = 0.0
    for (a, b, c), r in t:
        s += a * b + c * r[0]
    return s


def nested_assign(m: f64[:, :]) -> float:
    (a, b, c), r = m
    return a + b * c + r[2]


def strict_three(n: int, m: int, k: int) -> int:
    s = 0
    for i, j, l in zip(range(n), range(m), range(k), strict=True):
        s += i * j + l
    else:
        s += 1000
    return s


def strict_break(n: int, m: int) -> int:
    # A loop left by `break` never checks the lengths.
    s = 0
    for i, j in zip(range(n), range(m), strict=True):
        if i == 1:
            break
        s += 1
    return s


def strict_arrays(a: f64[:], b: f64[:]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def nested_strict(n: int, m: int) -> int:
    # The outer zip stops at its first exhausted argument: the inner strict zip is only asked
    # for another item (and checks its lengths) when the arguments before it still give items.
    s = 0
    for i, (j, k) in zip(range(n), zip(range(m), (1, 2, 3, 4), strict=True)):
        s += i + j * k
    return s


def nested_strict_first(n: int, m: int) -> int:
    s = 0
    for (i, j), k in zip(zip(range(n), range(m), strict=True), range(10)):
        s += i * j + k
    return s
