# Closures that leave the function defining them: lambdas and nested functions that read the
# function's variables, passed to other functions of the module, passed on again, returned and
# called later. Each carries the values of the variables it reads where it leaves.
# pyaot: run scale_all([1.0, 2.0, -3.5], 3.0)
# pyaot: run late_binding(1.0, 2.0)
# pyaot: run nested_passed(3, 2)
# pyaot: run use_adder(5, 7)
# pyaot: run call_made(1, 2)
# pyaot: run counter(5)
# pyaot: run counter(0)
# pyaot: run sort_by_dist([1, 5, 9, 3, 4], 4)
# pyaot: run sort_through([1, 5, 9, 3, 4], 4)
# pyaot: run sort_through([], 4)
# pyaot: run composed(2.0, 3.0, 1.0)
# pyaot: run poly_grad(2.0, 1.5)
# pyaot: run list_capture([1], 4)
# pyaot: run list_capture([], -1)
# pyaot: check raises_match(NameError, "cannot access free variable .later.", m.unbound, 1)
# pyaot: run bisect_root(2.0)
# pyaot: run bisect_root(10.0)
# pyaot: run-msg bisect_root(-1.0)
# pyaot: run integrate_poly([1.0, 0.0, 2.0], 0.0, 1.0, 100)
# pyaot: run counts_above([3, 8, 1, 9, 4], 3)
# pyaot: run string_capture(["a", "bb", "ccc"], "-")
# pyaot: run captured_tuple(2, 3)
# pyaot: run in_comprehension(4)
# pyaot: run through_cell(3)
# pyaot: run-msg raises_in_closure([1, 2, 3], 5)
# pyaot: run-msg raises_in_closure([1, 2, 3], 1)
# pyaot: run returned_pair(3)
# pyaot: run lambda_in_lambda(1, 10)
# pyaot: run passed_not_called(3)
# pyaot: run read_on_one_path(3, False)
# pyaot: check raises_match(NameError, "cannot access free variable .later.", m.read_on_one_path, 3, True)
# pyaot: run nested_not_reading(4, False)
# pyaot: check raises_match(NameError, "cannot access free variable .late.", m.nested_not_reading, 4, True)
# pyaot: check raises_match(UnboundLocalError, "cannot access local variable .i.", m.argument_order, [])
# pyaot: run lambda_in_lambda(-4, 0)


def apply(f, x: float) -> float:
    return f(x)


def apply_int(f, x: int) -> int:
    return f(x)


def twice(f, x):
    return f(f(x))


def scale_all(xs: list[float], k: float) -> list[float]:
    return [apply(lambda v: v * k, x) for x in xs]


def late_binding(x: float, k: float) -> float:
    g = lambda v: v + k
    # The closure reads k when it is passed on, after this change, as CPython reads it when called.
    k = k * 2.0
    return apply(g, x) + twice(g, x)


def nested_passed(x: int, m: int) -> int:
    def step(v):
        return v * m + 1

    return twice(step, x)


def make_adder(k):
    return lambda x: x + k


def use_adder(x: int, k: int) -> int:
    add = make_adder(k)
    return add(x) + add(1) + apply_int(add, 10)


def call_made(x: int, k: int) -> int:
    return make_adder(k)(x) * 2


def counter(n: int) -> int:
    total = 0

    def bump(v):
        nonlocal total
        total += v
        return total

    for i in range(n):
        apply_int(bump, i)
    return total


def keyed_sort(xs, key):
    return sorted(xs, key=key)


def sort_by_dist(xs: list[int], c: int) -> list[int]:
    return sorted(xs, key=lambda v: abs(v - c))


def sort_through(xs: list[int], c: int) -> list[int]:
    return keyed_sort(xs, lambda v: abs(v - c))


def compose(f, g):
    return lambda x: f(g(x))


def composed(x: float, a: float, b: float) -> float:
    h = compose(lambda v: v * a, lambda v: v + b)
    return h(x)


def grad(f, x: float) -> float:
    h = 1e-6
    return (f(x + h) - f(x - h)) / (2 * h)


def poly_grad(x: float, c: float) -> float:
    return grad(lambda t: c * t * t, x)


def unbound(x: int) -> int:
    g = lambda v: v + later
    r = apply_int(g, x)
    later = 3
    return r


def apply_none(f, v):
    f(v)


def list_capture(xs: list[int], v: int) -> list[int]:
    push = lambda y: xs.append(y)
    apply_none(push, v)
    apply_none(push, v * 2)
    return xs


def bisect(f, lo: float, hi: float) -> float:
    if f(lo) * f(hi) > 0:
        raise ValueError("the root is not bracketed")
    for _ in range(100):
        mid = (lo + hi) / 2
        if f(lo) * f(mid) <= 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def bisect_root(target: float) -> float:
    return bisect(lambda x: x * x - target, 0.0, max(1.0, target))


def integrate(f, a: float, b: float, n: int) -> float:
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


def integrate_poly(cs: list[float], a: float, b: float, n: int) -> float:
    def poly(x):
        acc = 0.0
        for c in reversed(cs):
            acc = acc * x + c
        return acc

    return integrate(poly, a, b, n)


def count_if(xs, pred):
    n = 0
    for x in xs:
        if pred(x):
            n += 1
    return n


def counts_above(xs: list[int], t: int) -> tuple[int, int]:
    return count_if(xs, lambda x: x > t), count_if(xs, lambda x: x <= t)


def map_strs(xs, f):
    return [f(x) for x in xs]


def string_capture(xs: list[str], sep: str) -> list[str]:
    return map_strs(xs, lambda s: sep + s + sep)


def captured_tuple(a: int, b: int) -> int:
    pair = (a, b)
    return apply_int(lambda x: x * pair[0] + pair[1], 10)


def in_comprehension(n: int) -> list[int]:
    return [apply_int(lambda x: x + i * i, 1) for i in range(n)]


def through_cell(n: int) -> list[int]:
    seen: list[int] = []
    last = 0

    def note(v):
        nonlocal last
        seen.append(v - last)
        last = v
        return v

    for i in range(n):
        apply_int(note, i * i)
    return seen + [last]


def raises_in_closure(xs: list[int], i: int) -> int:
    return apply_int(lambda j: xs[j], i)


def returned_pair(n: int) -> tuple[int, int]:
    inc = make_adder(n)
    dec = make_adder(-n)
    return inc(10), dec(10)


def lambda_in_lambda(x: int, k: int) -> int:
    return apply_int(lambda q: apply_int(lambda r: r + q + k, 5), x) + apply_int(
        lambda q: apply_int(lambda r: r * 2, q), x
    )


def ignore(f, x):
    return x


def passed_not_called(x: int) -> int:
    # CPython makes the closure and never calls it: no error although `later` has no value yet.
    r = ignore(lambda v: v + later, x)
    later = 2
    return r + later


def maybe_call(f, x: int, call: bool) -> int:
    if call:
        return f(x)
    return x


def read_on_one_path(x: int, call: bool) -> int:
    r = maybe_call(lambda v: v * later, x, call)
    later = 5
    return r


def nested_not_reading(x: int, deep: bool) -> int:
    def step(v):
        if deep:
            return v + late
        return v - 1

    r = step(x)
    late = 10
    return r + step(x)


def argument_order(xs: list[int]) -> int:
    for i in xs:
        v = i
    # The lambda is made first, then `i` is read: CPython's UnboundLocalError comes from `i`.
    return ignore(lambda q: v, i)
