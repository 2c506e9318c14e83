# Integer ** with non-negative exponents, overflow, and constant negative exponents giving float.
# pyaot: run ipow(2, 10)
# pyaot: run ipow(2, 0)
# pyaot: run ipow(0, 0)
# pyaot: run ipow(0, 5)
# pyaot: run ipow(-2, 3)
# pyaot: run ipow(-2, 4)
# pyaot: run ipow(-1, 1000001)
# pyaot: run ipow(1, 10**18)
# pyaot: run ipow(-1, 10**18)
# pyaot: run ipow(2, 62)
# pyaot: run ipow(-2, 63)
# pyaot: run ipow(3, 39)
# pyaot: run ipow(10, 18)
# pyaot: run ipow(7, 22)
# pyaot: overflow ipow(2, 63)
# pyaot: overflow ipow(2, 64)
# pyaot: overflow ipow(-2, 64)
# pyaot: overflow ipow(3, 40)
# pyaot: overflow ipow(10, 19)
# pyaot: overflow ipow(2, 1000)
# pyaot: run inv_square(2)
# pyaot: run inv_square(-4)
# pyaot: run inv_square(0)
# pyaot: run inv_cube(-2)
# pyaot: run inv_cube(3)
# pyaot: run square_aug(12)
# pyaot: run square_aug(-3037000499)
# pyaot: overflow square_aug(3037000500)


def ipow(a: int, b: int) -> int:
    return a ** b


def inv_square(x: int) -> float:
    return x ** -2


def inv_cube(x: int) -> float:
    return x ** -3


def square_aug(x: int) -> int:
    y = x
    y **= 2
    return y
