# Tuple constants: parameter defaults of exported functions and helpers, and module constants.
# pyaot: run scaled(2.0)
# pyaot: run scaled(2.0, (1, -1, 0.5))
# pyaot: run scaled(x=-1.5, weights=(0, 0, 1))
# pyaot: run shape_sum()
# pyaot: run nested()
# pyaot: run nested(((1.5, 2), True))
SHAPE = (3, 4)
ORIGIN = (0.0, -0.0)


def scaled(x: float, weights: tuple[float, float, float] = (1.0, 2.0, 3.5)) -> float:
    return x * weights[0] + x * weights[1] - weights[2]


def pick(t=(5, 6, 7), k=1):
    return t[k]


def shape_sum() -> tuple[int, int, float, int]:
    a, b = SHAPE
    return a * b, pick(), ORIGIN[1], pick(SHAPE, 0)


def nested(p: tuple[tuple[float, int], bool] = ((0.5, -3), False)) -> tuple[float, int, bool]:
    return p[0][0], p[0][1], p[1]
