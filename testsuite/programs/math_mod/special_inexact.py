# gamma and lgamma at non-integers: CPython computes these itself (Lanczos), not with libm.
# pyaot: run gamma_(0.5)
# pyaot: run gamma_(2.5)
# pyaot: run gamma_(170.5)
# pyaot: run gamma_(1e-300)
# pyaot: run lgamma_(0.5)
# pyaot: run lgamma_(-0.5)
# pyaot: run lgamma_(100.25)
# pyaot: run erf_(1e-300)
# pyaot: run erf_(3.0)
# pyaot: run erfc_(-2.0)
import math


def gamma_(x: float) -> float:
    return math.gamma(x)


def lgamma_(x: float) -> float:
    return math.lgamma(x)


def erf_(x: float) -> float:
    return math.erf(x)


def erfc_(x: float) -> float:
    return math.erfc(x)
