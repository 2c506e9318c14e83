# Arguments from Python: ints for int, ints and floats for float, TypeError otherwise.
# pyaot: run inc(41)
# pyaot: run inc(-2**63)
# pyaot: run half(3)
# pyaot: run half(3.0)
# pyaot: run half(-0.0)
# pyaot: run flip(True)
# pyaot: run flip(False)
# pyaot: check raises(TypeError, m.inc, "a")
# Complex numbers are refused by float parameters (their __float__ would drop the imaginary part).
# pyaot: check raises_match(TypeError, "must be float, not complex", m.half, 1 + 2j)
# pyaot: check raises_match(TypeError, "numpy.complex128", m.half, np.complex128(1 + 2j))
# pyaot: check raises(TypeError, m.half, np.complex64(1.5)) and raises(TypeError, m.half, 2j)
# pyaot: check raises(TypeError, m.inc, np.complex128(1)) and m.half(np.float32(0.5)) == 0.25
# pyaot: check raises(TypeError, m.inc, 1.0)
# pyaot: check raises(TypeError, m.inc, None)
# pyaot: check raises(TypeError, m.inc, 1j)
# pyaot: check raises(TypeError, m.half, "1.0")
# pyaot: check raises(TypeError, m.half, None)
# pyaot: check raises(TypeError, m.half, 1j)
# pyaot: check raises(TypeError, m.flip, "yes")
# pyaot: check raises(OverflowError, m.inc, 2**63)
# pyaot: check raises(OverflowError, m.inc, -2**63 - 1)
# pyaot: check raises_match(TypeError, r"inc.*\bx\b.*int.*str|inc.*str.*\bx\b.*int", m.inc, "a")
# pyaot: check raises_match(TypeError, r"half.*\by\b.*float.*str|half.*str.*\by\b.*float", m.half, "1.0")
# pyaot: check raises(TypeError, m.inc)
# pyaot: check raises(TypeError, m.inc, 1, 2)
# pyaot: check raises(TypeError, m.inc, z=1)
# pyaot: check m.inc(np.int64(5)) == 6 and type(m.inc(np.int64(5))) is int
# pyaot: check m.inc(np.int32(-5)) == -4 and type(m.inc(np.int32(-5))) is int
# pyaot: check m.inc(np.uint8(255)) == 256
# pyaot: check type(m.half(7)) is float and m.half(7) == 3.5
# pyaot: check type(m.flip(True)) is bool
# pyaot: check m.half(2**63 - 1) == (2**63 - 1) / 2


def inc(x: int) -> int:
    return x + 1


def half(y: float) -> float:
    return y / 2.0


def flip(b: bool) -> bool:
    return not b
