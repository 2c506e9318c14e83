# Integer // and % floor toward negative infinity; zero and -1 divisors.
# pyaot: run fdiv(7, 2)
# pyaot: run fdiv(-7, 2)
# pyaot: run fdiv(7, -2)
# pyaot: run fdiv(-7, -2)
# pyaot: run fdiv(6, 3)
# pyaot: run fdiv(-6, 3)
# pyaot: run fdiv(0, 5)
# pyaot: run fdiv(0, -5)
# pyaot: run fdiv(1, 2**63 - 1)
# pyaot: run fdiv(-1, 2**63 - 1)
# pyaot: run fdiv(2**63 - 1, -1)
# pyaot: run fdiv(-2**63, 1)
# pyaot: run fdiv(-2**63, 2)
# pyaot: run fdiv(-2**63, -2)
# pyaot: run fdiv(-2**63, 2**63 - 1)
# pyaot: overflow fdiv(-2**63, -1)
# pyaot: run fdiv(5, 0)
# pyaot: run fdiv(0, 0)
# pyaot: run fdiv(-2**63, 0)
# pyaot: run mod(7, 2)
# pyaot: run mod(-7, 2)
# pyaot: run mod(7, -2)
# pyaot: run mod(-7, -2)
# pyaot: run mod(6, 3)
# pyaot: run mod(-6, 3)
# pyaot: run mod(6, -3)
# pyaot: run mod(0, 7)
# pyaot: run mod(0, -7)
# pyaot: run mod(5, 1)
# pyaot: run mod(5, -1)
# pyaot: run mod(-2**63, -1)
# pyaot: run mod(-2**63, 1)
# pyaot: run mod(-2**63, 3)
# pyaot: run mod(2**63 - 1, -2**63)
# pyaot: run mod(-1, 2**63 - 1)
# pyaot: run mod(1, -2**63)
# pyaot: run mod(5, 0)
# pyaot: run mod(0, 0)
# pyaot: run divmod_pair(17, 5)
# pyaot: run divmod_pair(-17, 5)
# pyaot: run divmod_pair(17, -5)
# pyaot: run divmod_pair(-17, -5)
# pyaot: run divmod_pair(1, 0)
# pyaot: run identity_holds(-123456789, 1000)
# pyaot: run identity_holds(123456789, -7)
# pyaot: overflow identity_holds(-2**63, 7)
# pyaot: run identity_holds(-2**63 + 1, 7)
# pyaot: run aug(100, 7)
# pyaot: run aug(-100, 7)
# pyaot: run aug(100, 0)


def fdiv(a: int, b: int) -> int:
    return a // b


def mod(a: int, b: int) -> int:
    return a % b


def divmod_pair(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def identity_holds(a: int, b: int) -> bool:
    return (a // b) * b + a % b == a


def aug(a: int, b: int) -> int:
    x = a
    x //= b
    y = a
    y %= b
    return x * 1000 + y
