# round() rounds half to even; round(x) gives int and round(x, n) gives float.
# pyaot: run r0(0.5)
# pyaot: run r0(1.5)
# pyaot: run r0(2.5)
# pyaot: run r0(-0.5)
# pyaot: run r0(-1.5)
# pyaot: run r0(-2.5)
# pyaot: run r0(2.4999999999999996)
# pyaot: run r0(0.49999999999999994)
# pyaot: run r0(4503599627370497.0)
# pyaot: run r0(-0.0)
# pyaot: run r0(1e18)
# pyaot: run-msg r0(inf)
# pyaot: run-msg r0(-inf)
# pyaot: run-msg r0(nan)
# pyaot: overflow r0(1e19)
# pyaot: run rn(2.675, 2)
# pyaot: run rn(0.125, 2)
# pyaot: run rn(0.375, 2)
# pyaot: run rn(1.005, 2)
# pyaot: run rn(0.5, 0)
# pyaot: run rn(1.5, 0)
# pyaot: run rn(-0.5, 0)
# pyaot: run rn(2.5, 0)
# pyaot: run rn(-0.4, 0)
# pyaot: run rn(1234.5678, -2)
# pyaot: run rn(1250.0, -2)
# pyaot: run rn(1350.0, -2)
# pyaot: run rn(-1250.0, -2)
# pyaot: run rn(12.0, -5)
# pyaot: run rn(1e300, 2)
# pyaot: run rn(1e-300, 300)
# pyaot: run rn(5e-324, 400)
# pyaot: run rn(123.456, 400)
# pyaot: run rn(123.456, -400)
# pyaot: run rn(inf, 2)
# pyaot: run rn(nan, 2)
# pyaot: run rn(-inf, -2)
# pyaot: run rn(3.14159, 3)
# pyaot: run rn(-3.14159, 1)
# pyaot: run ri(7)
# pyaot: run ri(-7)
# pyaot: run rin(1234, -2)
# pyaot: run rin(1250, -2)
# pyaot: run rin(1350, -2)
# pyaot: run rin(-1250, -2)
# pyaot: run rin(-1251, -2)
# pyaot: run rin(15, -1)
# pyaot: run rin(25, -1)
# pyaot: run rin(1234, 2)
# pyaot: run rin(2**63 - 1, -18)
# pyaot: run rin(2**63 - 1, -30)
# pyaot: overflow rin(-2**63, -1)
# pyaot: run round_literal()


def r0(x: float) -> int:
    return round(x)


def rn(x: float, n: int) -> float:
    return round(x, n)


def ri(x: int) -> int:
    return round(x)


def rin(x: int, n: int) -> int:
    return round(x, n)


def round_literal() -> float:
    return round(2.675, 2) + round(0.5) + round(1.5)
