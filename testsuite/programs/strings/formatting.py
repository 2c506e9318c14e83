# str(), repr(), format() and f-strings with conversions, format specs (also computed ones) and
# `{x=}`, with CPython's exact text for ints, floats, bools, complex numbers and strings.
# pyaot: run texts(7, 2.5, True)
# pyaot: run texts(-12345678901234, 1e22, False)
# pyaot: run texts(0, -0.0, True)
# pyaot: run texts(1, float("nan"), False)
# pyaot: run texts(1, float("-inf"), False)
# pyaot: run texts(2, 0.1 + 0.2, True)
# pyaot: run specs(3.14159, 42)
# pyaot: run specs(-1e-7, -5)
# pyaot: run specs(123456.789, 0)
# pyaot: run-msg bad_spec(1.5, "q")
# pyaot: run-msg bad_spec(1.5, ".2f")
# pyaot: run debug(3, "x")
# pyaot: run complex_text(1.5, -2.0)
# pyaot: run nested_spec(3.14159, 3)
# pyaot: run nested_spec(2.0, 0)
# pyaot: run printf(255, 3.14159, "ab")
# pyaot: run printf(-3, -0.5, "")
# pyaot: run bases(10)
# pyaot: run bases(-255)
# pyaot: run bases(0)
# pyaot: run-msg bad_printf(3)
# pyaot: run containers([1.0, -0.0, 1e22], 7)
# pyaot: run containers([], 0)
# pyaot: run show_all([3, 1])


def texts(i: int, x: float, b: bool) -> str:
    return str(i) + "|" + str(x) + "|" + str(b) + "|" + repr(x) + "|" + f"{i}{x}{b}"


def specs(x: float, n: int) -> list[str]:
    return [f"{x:.3f}", f"{x:10.2e}", f"{x:g}", f"{x:+.1%}", f"{n:>5}", f"{n:<5}|", f"{n:^7}",
            f"{n:05d}", f"{n:x}", f"{n:#b}", f"{n:,}", format(x, ".1f"), format(n, "o")]


def bad_spec(x: float, spec: str) -> str:
    return format(x, spec)


def debug(n: int, s: str) -> str:
    return f"{n=} {s=} {n=:>4} {s!r:>6} {s!s}"


def complex_text(re: float, im: float) -> str:
    z = complex(re, im)
    return f"{z} {z!r} {z:.2f}"


def nested_spec(x: float, digits: int) -> str:
    return f"{x:.{digits}f}|{x:{digits + 5}.1f}"


def printf(n: int, x: float, s: str) -> list[str]:
    return ["%d items" % n, "%5.2f|%-6s|" % (x, s), "%x %o %e" % (n, n, x), "%r" % s, "%s and %s" % (s, n)]


def bases(n: int) -> tuple[str, str, str]:
    return (bin(n), hex(n), oct(n))


def bad_printf(n: int) -> str:
    return "%d %d" % n


def containers(xs: list[float], n: int) -> list[str]:
    t = (n, 2.5, "s", True)
    grid = [[n, n + 1], [0]]
    d = {"a": n, "b": -n}
    s = {n}
    return [str(xs), f"{t}", repr(grid), f"{d}|{s}", str((1,)), f"{xs!r:>30}", str([(1, "x")])]


def show_all(xs: list[int]) -> None:
    print(xs, (len(xs), "items"), {"n": len(xs)}, sep=" | ")
