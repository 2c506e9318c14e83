# for over range with one, two and three arguments, negative and zero steps.
# pyaot: run sum1(10)
# pyaot: run sum1(0)
# pyaot: run sum1(-5)
# pyaot: run sum2(3, 8)
# pyaot: run sum2(8, 3)
# pyaot: run sum2(-5, 5)
# pyaot: run sum3(0, 10, 3)
# pyaot: run sum3(10, 0, -3)
# pyaot: run sum3(10, 0, 3)
# pyaot: run sum3(0, 10, -1)
# pyaot: run sum3(-10, -20, -1)
# pyaot: run sum3(0, 10, 100)
# pyaot: run sum3(0, 10, 0)
# pyaot: run sum3(2**63 - 3, 2**63 - 1, 1)
# pyaot: run sum3(-2**63, -2**63 + 3, 1)
# pyaot: run sum3(2**63 - 10, 2**63 - 1, 4)
# pyaot: run sum3(-2**63 + 10, -2**63, -4)
# pyaot: run sum3(0, 2**63 - 1, 2**62)
# pyaot: run sum3(0, -2**63, -2**62)
# pyaot: run count3(0, 2**63 - 1, 2**63 - 1)
# pyaot: run count3(2**63 - 1, -2**63, -(2**63 - 1))
# pyaot: run count3(-2**63, 2**63 - 1, 2**63 - 1)
# pyaot: run count3(0, 100, 7)
# pyaot: run count3(100, 0, -7)
# pyaot: run last_value(5)
# pyaot: run last_value(0)
# pyaot: run last_value3(0, 20, 6)
# pyaot: run last_value3(20, 0, -6)
# pyaot: run last_value3(5, 5, 1)
# pyaot: run modify_loop_var(5)
# pyaot: run modify_bound(5)
# pyaot: run float_accumulate(4)


def sum1(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


def sum2(a: int, b: int) -> int:
    s = 0
    for i in range(a, b):
        s += i
    return s


def sum3(a: int, b: int, step: int) -> int:
    s = 0
    for i in range(a, b, step):
        s += i % 1000
    return s


def count3(a: int, b: int, step: int) -> int:
    n = 0
    for _ in range(a, b, step):
        n += 1
    return n


def last_value(n: int) -> int:
    i = -1
    for i in range(n):
        pass
    return i


def last_value3(a: int, b: int, step: int) -> int:
    i = -99
    for i in range(a, b, step):
        pass
    return i


def modify_loop_var(n: int) -> int:
    s = 0
    for i in range(n):
        i = i * 10
        s += i
    return s


def modify_bound(n: int) -> int:
    count = 0
    for i in range(n):
        n -= 1
        count += 1
    return count * 100 + n


def float_accumulate(n: int) -> float:
    x = 1.0
    for k in range(1, n + 1):
        x = x * k + 0.5
    return x
