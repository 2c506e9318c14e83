# Slices (read, assign, delete), +, *, ==, <, in, copy, extend, clear, reverse, and the methods
# that compare items: index, count, remove, sort and sorted.
# pyaot: run slices([0, 1, 2, 3, 4, 5, 6])
# pyaot: run slices([])
# pyaot: run-msg zero_step([1, 2], 0)
# pyaot: run bounded([0, 1, 2, 3, 4, 5], -2, 100, 1)
# pyaot: run bounded([0, 1, 2, 3, 4, 5], 5, -100, -2)
# pyaot: run bounded([0, 1, 2, 3, 4, 5], -9223372036854775808, 9223372036854775807, 3)
# pyaot: run assign_slice([0, 1, 2, 3, 4], 1, 3, [9, 9, 9])
# pyaot: run assign_slice([0, 1, 2, 3, 4], 4, 1, [7])
# pyaot: run assign_slice([0, 1, 2], 0, 3, [])
# pyaot: run-msg assign_ext([0, 1, 2, 3, 4, 5], [7, 8, 9])
# pyaot: run-msg assign_ext([0, 1, 2, 3, 4, 5], [7, 8])
# pyaot: run self_assign([1, 2, 3])
# pyaot: run delete([0, 1, 2, 3, 4, 5, 6, 7])
# pyaot: run-msg delete_at([1, 2, 3], 5)
# pyaot: run joined([1, 2], [3])
# pyaot: run repeated([1, 2], 3)
# pyaot: run repeated([1, 2], -1)
# pyaot: run repeated_left(2, [5])
# pyaot: run compare([1, 2, 3], [1, 2, 4])
# pyaot: run compare([1, 2], [1, 2])
# pyaot: run compare([1, 2], [1, 2, 0])
# pyaot: run compare([], [])
# pyaot: run compare_floats([1.0, float("nan")], [1.0, float("nan")])
# pyaot: run compare_floats([0.0], [-0.0])
# pyaot: run member([1, 5, 9], 5)
# pyaot: run member([1, 5, 9], 4)
# pyaot: run member([], 4)
# pyaot: run float_member([0.5, 2.0], 2)
# pyaot: run copies([1, 2, 3])
# pyaot: run extended([1, 2], [3, 4])
# pyaot: run extended([], [])
# pyaot: run self_extend([1, 2])
# pyaot: run-msg find([4, 5, 4, 6], 4)
# pyaot: run-msg find([4, 5, 4, 6], 6)
# pyaot: run find([4, 5], 7)
# pyaot: run-msg drop([1, 2, 1], 1)
# pyaot: run-msg drop([1, 2, 1], 3)
# pyaot: run sorts([5, 3, 8, 1, 9, 2])
# pyaot: run sorts([])
# pyaot: run sorts(list(range(100, 0, -3)))
# pyaot: run sorts([7, 3, 7, 1, 3, 3, 9, 0, 2, 2] * 9)
# pyaot: run float_sorts([2.5, -1.0, 0.0, -0.0, 3.25, 1e300, -1e300])
# pyaot: run float_sorts([3.0, float("nan"), 1.0, 2.0])
# pyaot: run float_sorts([float("nan"), 3.0, 1.0])
# pyaot: run float_sorts([1.0, 1.0, float("nan"), 0.5, 0.25])
# pyaot: run sorted_copy([3, 1, 2])
# pyaot: run reversed_sort([1, 4, 2, 4, 3])
# pyaot: run walk_reversed([1, 2, 3])
# pyaot: run cleared([1, 2, 3])
# pyaot: run minmax([3.5, -2.0, 8.25])
# pyaot: run-msg minmax([])


def slices(xs: list[int]) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
    return (xs[1:3], xs[::2], xs[::-1], xs[-3:], xs[:-10])


def zero_step(xs: list[int], s: int) -> list[int]:
    return xs[::s]


def bounded(xs: list[int], a: int, b: int, s: int) -> list[int]:
    return xs[a:b:s]


def assign_slice(xs: list[int], a: int, b: int, ys: list[int]) -> list[int]:
    xs[a:b] = ys
    return xs


def assign_ext(xs: list[int], ys: list[int]) -> list[int]:
    xs[::2] = ys
    return xs


def self_assign(xs: list[int]) -> list[int]:
    xs[1:] = xs
    return xs


def delete(xs: list[int]) -> list[int]:
    del xs[0]
    del xs[-1]
    del xs[::2]
    return xs


def delete_at(xs: list[int], i: int) -> list[int]:
    del xs[i]
    return xs


def joined(a: list[int], b: list[int]) -> list[int]:
    c = a + b
    c.append(0)
    return c


def repeated(a: list[int], n: int) -> list[int]:
    return a * n


def repeated_left(n: int, a: list[int]) -> list[int]:
    return n * a


def compare(a: list[int], b: list[int]) -> tuple[bool, bool, bool, bool, bool, bool]:
    return (a == b, a != b, a < b, a <= b, a > b, a >= b)


def compare_floats(a: list[float], b: list[float]) -> tuple[bool, bool]:
    return (a == b, a < b)


def member(xs: list[int], x: int) -> tuple[bool, bool]:
    return (x in xs, x not in xs)


def float_member(xs: list[float], x: int) -> bool:
    return x in xs


def copies(xs: list[int]) -> tuple[list[int], list[int]]:
    ys = xs.copy()
    ys.append(4)
    zs = list(xs)
    zs[0] = 0
    return (xs, ys)


def extended(a: list[int], b: list[int]) -> list[int]:
    a.extend(b)
    a += [7]
    return a


def self_extend(a: list[int]) -> list[int]:
    a += a
    a.extend(a)
    return a


def find(xs: list[int], x: int) -> tuple[int, int]:
    return (xs.index(x), xs.count(x))


def drop(xs: list[int], x: int) -> list[int]:
    xs.remove(x)
    return xs


def sorts(xs: list[int]) -> list[int]:
    xs.sort()
    return xs


def float_sorts(xs: list[float]) -> list[float]:
    xs.sort()
    return xs


def sorted_copy(xs: list[int]) -> tuple[list[int], list[int]]:
    return (sorted(xs), xs)


def reversed_sort(xs: list[int]) -> list[int]:
    ys = sorted(xs, reverse=True)
    xs.sort(reverse=True)
    xs.reverse()
    return ys + xs


def walk_reversed(xs: list[int]) -> int:
    t = 0
    for x in reversed(xs):
        t = t * 10 + x
    for i, x in enumerate(xs):
        t += i * x
    return t


def cleared(xs: list[int]) -> int:
    xs.clear()
    xs.append(5)
    return len(xs)


def minmax(xs: list[float]) -> tuple[float, float, float]:
    return (min(xs), max(xs), sum(xs))
