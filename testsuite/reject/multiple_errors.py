def f(n: int) -> int:
    g = (m := n)
    return undefined + n


def h(x: float) -> float:
    y = 1
    y = 2.0
    return {x: 1}.get(x)
