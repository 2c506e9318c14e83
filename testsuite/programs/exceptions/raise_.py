# raise of builtin exception types, with and without messages.
# pyaot: run-msg check_value(5)
# pyaot: run-msg check_value(-5)
# pyaot: run-msg check_type(0)
# pyaot: run-msg check_type(1)
# pyaot: run-msg pick_error(0)
# pyaot: run-msg pick_error(1)
# pyaot: run-msg pick_error(2)
# pyaot: run-msg pick_error(3)
# pyaot: run-msg pick_error(4)
# pyaot: run-msg pick_error(5)
# pyaot: run-msg pick_error(6)
# pyaot: run-msg pick_error(7)
# pyaot: run-msg pick_error(8)
# pyaot: run-msg bare_class(1)
# pyaot: run-msg bare_class(2)
# pyaot: run-msg raise_in_loop(10)
# pyaot: run-msg raise_in_loop(3)
# pyaot: run-msg float_raise(1.5)
# pyaot: run-msg float_raise(-1.5)
# pyaot: check raises_match(ValueError, "^negative input$", m.check_value, -1)
# pyaot: check raises(OverflowError, m.pick_error, 5) and not raises(ArithmeticError, m.pick_error, 0)


def check_value(x: int) -> int:
    if x < 0:
        raise ValueError("negative input")
    return x * 2


def check_type(x: int) -> int:
    if x == 0:
        raise TypeError("zero is not allowed here")
    return x


def pick_error(k: int) -> int:
    if k == 0:
        raise ValueError("value")
    elif k == 1:
        raise TypeError("type")
    elif k == 2:
        raise IndexError("index")
    elif k == 3:
        raise KeyError("key")
    elif k == 4:
        raise ZeroDivisionError("zero")
    elif k == 5:
        raise OverflowError("overflow")
    elif k == 6:
        raise RuntimeError("runtime")
    elif k == 7:
        raise ArithmeticError("arith")
    elif k == 8:
        raise NotImplementedError("not yet")
    return k


def bare_class(k: int) -> int:
    if k == 1:
        raise ValueError
    if k == 2:
        raise RuntimeError()
    return 0


def raise_in_loop(n: int) -> int:
    for i in range(n):
        if i == 5:
            raise ValueError("hit five")
    return n


def float_raise(x: float) -> float:
    if x < 0.0:
        raise ValueError("negative float")
    return x
