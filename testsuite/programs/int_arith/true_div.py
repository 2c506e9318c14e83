# int / int gives a correctly rounded float, and dividing by zero raises.
# pyaot: run tdiv(7, 2)
# pyaot: run tdiv(-7, 2)
# pyaot: run tdiv(1, 3)
# pyaot: run tdiv(-1, 3)
# pyaot: run tdiv(0, 5)
# pyaot: run tdiv(0, -5)
# pyaot: run tdiv(6, 3)
# pyaot: run tdiv(2**53 + 1, 1)
# pyaot: run tdiv(2**53 + 1, 2)
# pyaot: run tdiv(2**63 - 1, 1)
# pyaot: run tdiv(2**63 - 1, 3)
# pyaot: run tdiv(2**63 - 1, 2**63 - 1)
# pyaot: run tdiv(-2**63, 2**63 - 1)
# pyaot: run tdiv(1, 2**63 - 1)
# pyaot: run tdiv(10**18 + 1, 10**18)
# pyaot: run tdiv(1, 0)
# pyaot: run tdiv(0, 0)
# pyaot: run ratio_sum(10)
# pyaot: run aug_div(9, 4)


def tdiv(a: int, b: int) -> float:
    return a / b


def ratio_sum(n: int) -> float:
    s = 0.0
    for i in range(1, n + 1):
        s += 1 / i
    return s


def aug_div(a: int, b: int) -> float:
    x = 1.0
    x /= a
    x /= b
    return x
