# Hyperbolic functions and their inverses, with overflow and domain errors.
# pyaot: run sinh_(1.0)
# pyaot: run sinh_(-0.0)
# pyaot: run sinh_(-inf)
# pyaot: run-msg sinh_(1000.0)
# pyaot: run cosh_(1.0)
# pyaot: run cosh_(-inf)
# pyaot: run-msg cosh_(-1000.0)
# pyaot: run tanh_(0.5)
# pyaot: run tanh_(1000.0)
# pyaot: run tanh_(-0.0)
# pyaot: run tanh_(nan)
# pyaot: run asinh_(1.0)
# pyaot: run asinh_(-inf)
# pyaot: run acosh_(1.0)
# pyaot: run acosh_(10.0)
# pyaot: run-msg acosh_(0.5)
# pyaot: run atanh_(0.5)
# pyaot: run atanh_(-0.0)
# pyaot: run-msg atanh_(1.0)
# pyaot: run-msg atanh_(-1.0)
# pyaot: run-msg atanh_(2.0)
import math


def sinh_(x: float) -> float:
    return math.sinh(x)


def cosh_(x: float) -> float:
    return math.cosh(x)


def tanh_(x: float) -> float:
    return math.tanh(x)


def asinh_(x: float) -> float:
    return math.asinh(x)


def acosh_(x: float) -> float:
    return math.acosh(x)


def atanh_(x: float) -> float:
    return math.atanh(x)
