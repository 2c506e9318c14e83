# Unary minus and plus on ints, including the one value whose negation overflows.
# pyaot: run neg(5)
# pyaot: run neg(-5)
# pyaot: run neg(0)
# pyaot: run neg(2**63 - 1)
# pyaot: overflow neg(-2**63)
# pyaot: run pos(-7)
# pyaot: run pos(-2**63)
# pyaot: run double_neg(-2**63 + 1)
# pyaot: run iabs(-7)
# pyaot: run iabs(7)
# pyaot: run iabs(0)
# pyaot: run iabs(-2**63 + 1)
# pyaot: overflow iabs(-2**63)
# pyaot: run neg_expr(3, 4)
# pyaot: run neg_literal()


def neg(x: int) -> int:
    return -x


def pos(x: int) -> int:
    return +x


def double_neg(x: int) -> int:
    return -(-x)


def iabs(x: int) -> int:
    return abs(x)


def neg_expr(a: int, b: int) -> int:
    return -a * -b + -(a - b)


def neg_literal() -> int:
    return -9223372036854775807 - 1
