import numpy as np
from pyaot import u64


def chain(a: u64) -> bool:
    return 9223372036854775807 <= a ^ np.uint32(1) > np.int8(1)
