# Bitwise & | ^ ~ and shifts on two's complement values of any sign.
# pyaot: run band(12, 10)
# pyaot: run band(-12, 10)
# pyaot: run band(-1, -2**63)
# pyaot: run band(2**63 - 1, -1)
# pyaot: run bor(12, 10)
# pyaot: run bor(-12, 10)
# pyaot: run bor(2**63 - 1, -2**63)
# pyaot: run bxor(12, 10)
# pyaot: run bxor(-12, 10)
# pyaot: run bxor(-1, 2**63 - 1)
# pyaot: run binv(0)
# pyaot: run binv(-1)
# pyaot: run binv(5)
# pyaot: run binv(2**63 - 1)
# pyaot: run binv(-2**63)
# pyaot: run shl(1, 0)
# pyaot: run shl(1, 10)
# pyaot: run shl(1, 62)
# pyaot: run shl(-1, 63)
# pyaot: run shl(-3, 4)
# pyaot: run shl(0, 1000)
# pyaot: overflow shl(1, 63)
# pyaot: overflow shl(1, 64)
# pyaot: overflow shl(3, 62)
# pyaot: overflow shl(-1, 64)
# pyaot: overflow shl(1, 200)
# pyaot: run shl(1, -1)
# pyaot: run shr(1024, 3)
# pyaot: run shr(-1024, 3)
# pyaot: run shr(-1, 10)
# pyaot: run shr(-7, 1)
# pyaot: run shr(7, 1)
# pyaot: run shr(2**63 - 1, 62)
# pyaot: run shr(2**63 - 1, 63)
# pyaot: run shr(2**63 - 1, 64)
# pyaot: run shr(-2**63, 63)
# pyaot: run shr(-2**63, 64)
# pyaot: run shr(-5, 1000)
# pyaot: run shr(5, 1000)
# pyaot: run shr(5, -1)
# pyaot: run popcount(0)
# pyaot: run popcount(255)
# pyaot: run popcount(2**63 - 1)
# pyaot: run mask_ops(0x1234_5678_9ABC_DEF0)
# pyaot: run mask_ops(-1)
# pyaot: run aug_bits(0xF0F0, 4)


def band(a: int, b: int) -> int:
    return a & b


def bor(a: int, b: int) -> int:
    return a | b


def bxor(a: int, b: int) -> int:
    return a ^ b


def binv(a: int) -> int:
    return ~a


def shl(a: int, n: int) -> int:
    return a << n


def shr(a: int, n: int) -> int:
    return a >> n


def popcount(x: int) -> int:
    count = 0
    while x != 0:
        count += x & 1
        x >>= 1
    return count


def mask_ops(x: int) -> int:
    lo = x & 0xFFFF_FFFF
    hi = (x >> 32) & 0xFFFF_FFFF
    return (lo ^ hi) | ((lo & hi) << 1)


def aug_bits(x: int, n: int) -> int:
    y = x
    y <<= n
    y |= 1
    y ^= 0xFF
    y &= 0xFFFFF
    y >>= 2
    return y
