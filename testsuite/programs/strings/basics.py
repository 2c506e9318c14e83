# Strings: parameters, results, literals, len, indexing and slicing, +, *, comparisons, in,
# iteration, truth, int()/float()/ord()/chr() with CPython's errors, lists of strings.
# pyaot: run-msg first_last("hello")
# pyaot: run-msg first_last("")
# pyaot: run pieces("abcdefg")
# pyaot: run pieces("")
# pyaot: run joined("ab", 3)
# pyaot: run joined("ab", -1)
# pyaot: run compare("apple", "banana")
# pyaot: run compare("b", "b")
# pyaot: run compare("é", "e")
# pyaot: run member("ell", "hello")
# pyaot: run member("", "x")
# pyaot: run vowels("programming in python")
# pyaot: run non_empty("")
# pyaot: run non_empty(" ")
# pyaot: run-msg to_int(" 42 ")
# pyaot: run-msg to_int("4_2")
# pyaot: run-msg to_int("x1")
# pyaot: overflow to_int("99999999999999999999")
# pyaot: run-msg to_float("1e3")
# pyaot: run-msg to_float("nan")
# pyaot: run-msg to_float("1.2.3")
# pyaot: run-msg codes("Az€")
# pyaot: run-msg from_code(65)
# pyaot: run-msg from_code(-1)
# pyaot: run-msg from_code(1114112)
# pyaot: run-msg ord_of("ab")
# pyaot: run words(["b", "a", "c"], "x")
# pyaot: run caesar("Hello, World", 3)


def first_last(s: str) -> tuple[str, str]:
    return (s[0], s[-1])


def pieces(s: str) -> tuple[str, str, str, str]:
    return (s[1:3], s[::-1], s[::2], s[-2:])


def joined(a: str, n: int) -> str:
    return a + "-" + a * n + str(n)


def compare(a: str, b: str) -> tuple[bool, bool, bool, bool]:
    return (a == b, a != b, a < b, a >= b)


def member(a: str, b: str) -> tuple[bool, bool]:
    return (a in b, a not in b)


def vowels(s: str) -> int:
    n = 0
    for c in s:
        if c in "aeiou":
            n += 1
    return n


def non_empty(s: str) -> bool:
    if s:
        return True
    return not s


def to_int(s: str) -> int:
    return int(s) * 2


def to_float(s: str) -> float:
    return float(s) / 2


def codes(s: str) -> list[int]:
    return [ord(c) for c in s]


def from_code(i: int) -> str:
    return chr(i)


def ord_of(s: str) -> int:
    return ord(s)


def words(ws: list[str], extra: str) -> list[str]:
    ws.append(extra)
    ws.sort()
    return ws


def caesar(s: str, k: int) -> str:
    out = ""
    for c in s:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out += chr((ord(c) - base + k) % 26 + base)
        else:
            out += c
    return out
