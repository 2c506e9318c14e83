import numpy as np
from pyaot import c128


def floors(a: c128[:]) -> c128[:]:
    return np.floor(a)
