# erf, erfc, gamma and lgamma, with poles and overflow.
# pyaot: run erf_(0.5)
# pyaot: run erf_(-0.0)
# pyaot: run erf_(inf)
# pyaot: run erf_(-inf)
# pyaot: run erf_(nan)
# pyaot: run erfc_(0.5)
# pyaot: run erfc_(30.0)
# pyaot: run erfc_(-inf)
# pyaot: run gamma_(1.0)
# pyaot: run gamma_(5.0)
# pyaot: run gamma_(21.0)
# pyaot: run gamma_(inf)
# pyaot: run gamma_(nan)
# pyaot: run gamma_(-0.5)
# pyaot: run-msg gamma_(0.0)
# pyaot: run-msg gamma_(-0.0)
# pyaot: run-msg gamma_(-1.0)
# pyaot: run-msg gamma_(-2.0)
# pyaot: run-msg gamma_(-inf)
# pyaot: run-msg gamma_(172.0)
# pyaot: run lgamma_(1.0)
# pyaot: run lgamma_(2.0)
# pyaot: run lgamma_(inf)
# pyaot: run lgamma_(-inf)
# pyaot: run-msg lgamma_(0.0)
# pyaot: run-msg lgamma_(-3.0)
# pyaot: run-msg lgamma_(1e308)
import math


def erf_(x: float) -> float:
    return math.erf(x)


def erfc_(x: float) -> float:
    return math.erfc(x)


def gamma_(x: float) -> float:
    return math.gamma(x)


def lgamma_(x: float) -> float:
    return math.lgamma(x)
