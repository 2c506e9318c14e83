# Keyword arguments and constant defaults, from Python and between compiled functions.
# pyaot: run scale(2.0)
# pyaot: run scale(2.0, 3.0)
# pyaot: run scale(2.0, factor=0.5)
# pyaot: run scale(x=2.0, factor=0.5)
# pyaot: run scale(factor=4.0, x=1.5)
# pyaot: run scale(2)
# pyaot: run scale()
# pyaot: run scale(1.0, 2.0, 3.0)
# pyaot: run scale(1.0, fact=2.0)
# pyaot: run scale(1.0, x=2.0)
# pyaot: run clamp(5)
# pyaot: run clamp(-5)
# pyaot: run clamp(5, hi=3)
# pyaot: run clamp(5, lo=7)
# pyaot: run clamp(5, 0, 4)
# pyaot: run clamp(x=5, lo=6, hi=10)
# pyaot: run flags(1)
# pyaot: run flags(1, True)
# pyaot: run flags(1, negate=True, offset=-2)
# pyaot: run caller(3)
# pyaot: run caller_kw(3.0)
# pyaot: run defaults_everywhere()
# pyaot: run defaults_everywhere(b=-1.5)
# pyaot: check list(inspect.signature(m.scale).parameters) == ["x", "factor"]
# pyaot: check inspect.signature(m.scale).parameters["factor"].default == 2.0
# pyaot: check inspect.signature(m.scale).parameters["x"].default is inspect.Parameter.empty
# pyaot: check str(inspect.signature(m.scale)) == "(x, factor=2.0)"
# pyaot: check str(inspect.signature(m.clamp)) == "(x, lo=0, hi=10)"
# pyaot: check str(inspect.signature(m.flags)) == "(n, negate=False, offset=0)"
# pyaot: check str(inspect.signature(m.defaults_everywhere)) == "(a=-1, b=0.5, c=True)"
# pyaot: check m.scale(x=1.0) == 2.0


def scale(x: float, factor: float = 2.0) -> float:
    return x * factor


def clamp(x: int, lo: int = 0, hi: int = 10) -> int:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def flags(n: int, negate: bool = False, offset: int = 0) -> int:
    r = -n if negate else n
    return r + offset


def caller(n: int) -> int:
    return clamp(n * 5, hi=12) + clamp(hi=100, x=n, lo=4)


def caller_kw(x: float) -> float:
    return scale(x) + scale(factor=-1.0, x=x)


def defaults_everywhere(a: int = -1, b: float = 0.5, c: bool = True) -> float:
    return a * b if c else b
