from pyaot import f64


def of_dicts(a: list[dict[int, float]]) -> float:
    return 0.0


def mixed(n: int) -> float:
    xs = [1, 2.5, n]
    return xs[0]


def unknown_items(n: int) -> int:
    xs = []
    return len(xs) + n


def wrong_item(n: int) -> int:
    xs = [1, 2]
    xs.append(0.5)
    return n


def no_such_method(n: int) -> int:
    xs = [1, 2]
    xs.push(n)
    return n
