# The string methods and exception messages made of string expressions.
# pyaot: run cases("Hello World")
# pyaot: run trims("  padded  ", "xxhixx")
# pyaot: run tests("abc123")
# pyaot: run tests("")
# pyaot: run finds("banana", "an")
# pyaot: run-msg must_find("banana", "x")
# pyaot: run splits("a,b,,c", ",")
# pyaot: run splits("one", ",")
# pyaot: run lines("a\nb\n\nc")
# pyaot: run padding("7", 4)
# pyaot: run-msg checked(5)
# pyaot: run-msg checked(-3)
# pyaot: run-msg checked_len("")
# pyaot: run csv_row([1.5, 2.0, -3.25])
# pyaot: run-msg asserted(3)
# pyaot: run-msg asserted(12)
# pyaot: run-msg asserted(-1)
# pyaot: run-msg number_messages(1, 0.5)
# pyaot: run-msg number_messages(2, 0.5)
# pyaot: run-msg number_messages(3, 0.5)
# pyaot: run-msg number_messages(4, 0.5)
# pyaot: run extremes(["pear", "apple", "fig", "apple"])
# pyaot: run-msg extremes([])


def cases(s: str) -> list[str]:
    return [s.lower(), s.upper(), s.title(), s.swapcase(), s.capitalize(), s.casefold()]


def trims(a: str, b: str) -> list[str]:
    return [a.strip(), a.lstrip(), a.rstrip(), b.strip("x"), b.removeprefix("xx"), b.removesuffix("x")]


def tests(s: str) -> list[bool]:
    return [s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.islower(), s.isupper(),
            s.startswith("ab"), s.endswith("3"), s.isidentifier(), s.isascii()]


def finds(s: str, sub: str) -> list[int]:
    return [s.find(sub), s.rfind(sub), s.count(sub), s.index(sub), s.find("zz")]


def must_find(s: str, sub: str) -> int:
    return s.index(sub)


def splits(s: str, sep: str) -> tuple[list[str], list[str], str]:
    parts = s.split(sep)
    return (parts, s.rsplit(sep), "+".join(parts))


def lines(s: str) -> list[str]:
    return s.splitlines()


def padding(s: str, n: int) -> list[str]:
    return [s.zfill(n), s.rjust(n), s.ljust(n, "."), s.center(n + 1, "*"), s.replace("7", "seven")]


def checked(n: int) -> int:
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if n > 3:
        raise OverflowError("too big: " + str(n))
    return n


def checked_len(s: str) -> int:
    if not s:
        raise IndexError(f"empty string {s!r}")
    return len(s)


def csv_row(xs: list[float]) -> str:
    return ",".join([f"{x:.2f}" for x in xs])


def asserted(n: int) -> int:
    assert n < 10, f"n is {n}, expected below 10"
    assert n >= 0, "negative"
    return n


def number_messages(n: int, x: float) -> int:
    assert n != 1, n
    if n == 2:
        raise ValueError(x)
    if n == 3:
        raise KeyError(n * 10)
    return n


def extremes(words: list[str]) -> tuple[str, str, tuple[int, str]]:
    pairs = [(len(w), w) for w in words]
    return (min(words), max(w.upper() for w in words), max(pairs))
