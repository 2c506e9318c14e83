# NumPy's complex64 and complex128: arrays, scalars, promotion, element functions, views of the
# parts, reductions and masks.
# pyaot: run arith(np.array([1 + 2j, -3.5 + 0.5j, 0j, complex(inf, 1)]), np.array([2 - 1j, 1j, 0j, 1 + 0j]))
# pyaot: run arith(np.array([], dtype=np.complex128), np.array([], dtype=np.complex128))
# pyaot: run single(np.array([1 + 2j, -0.5j, 3 + 0j], dtype=np.complex64), np.array([2, -1, 0], dtype=np.int16))
# pyaot: run promote(np.arange(4.0), np.arange(4, dtype=np.int32), np.array([1.5, -2.0], dtype=np.float32))
# pyaot: run scalars(np.array([1 + 1j, 2 - 3j]), 2.5)
# pyaot: run parts(np.array([[1 + 2j, 3 - 4j], [5j, -6 + 0j]]))
# pyaot: run writes(np.array([1 + 2j, 3 - 4j, 5j]))
# pyaot: run writes(np.array([1 + 2j, 3 - 4j, 5j])[::-1])
# pyaot: run reductions(np.array([[1 + 2j, 3 - 4j, 0.5j], [5j, -6 + 0j, 1 + 1j]]))
# pyaot: run masks(np.array([1 + 2j, 3 - 4j, 0j, 5j]), 2.0)
# pyaot: run build(4)
# pyaot: run power(np.array([1 + 1j, 0j, -2 + 0.5j, 1e200j]), np.array([2 + 0j, 0.5 + 0j, -3 + 0j, 1j]))
# pyaot: run-close funcs(np.array([0.5 + 0.5j, -1 + 2j, 3 - 0.25j, 0j, -1 + 0j]))
# pyaot: run-close funcs32(np.array([0.5 + 0.5j, -1 + 2j, 3 - 0.25j], dtype=np.complex64))
# pyaot: run classify(np.array([complex(nan, 0), complex(0, inf), 1 + 1j, complex(-inf, nan)]))
# pyaot: run-close spread(np.array([[1 + 2j, 3 - 4j, 0.5j], [5j, -6 + 0j, 1 + 1j]]))
# pyaot: run sums(np.random.default_rng(7).standard_normal(300) + 1j * np.random.default_rng(8).standard_normal(300))
# pyaot: run sums(np.arange(37) * (0.1 - 0.3j))
# pyaot: run sums32((np.random.default_rng(9).standard_normal(129) * (1 + 2j)).astype(np.complex64))
# pyaot: run squares(np.array([complex(-0.0, 0.0), complex(0.0, -0.0), 1 + 2j, complex(inf, 1)]))
# pyaot: run casts(np.array([0j, 1j, 1 + 0j, complex(0, -0.0), complex(nan, 0), 2.5 - 7j]))
# pyaot: run running_products(np.array([complex(1.0, nan)]))
# pyaot: run running_products(np.array([complex(1.0, nan), 2.0, complex(-0.0, 0.0)]))
# pyaot: run running_products(np.array([], dtype=np.complex128))
import numpy as np
from pyaot import b1, c64, c128, f32, f64, i16, i32

K = 1 - 2j


def arith(a: c128[:], b: c128[:]) -> tuple[c128[:], c128[:], c128[:], c128[:], c128[:]]:
    return a + b, a - b, a * b, a / b, -a


def single(a: c64[:], n: i16[:]) -> tuple[c64[:], c128[:], c64[:], c128[:], c64[:]]:
    return a * a, a / (n + 1j), a + n, a * np.int32(3), a - 1.5


def promote(x: f64[:], k: i32[:], s: f32[:]) -> tuple[c128[:], c128[:], c64[:], c128[:]]:
    return x + 1j, k * 2j, s * 1j, 1j * s.astype(np.float64)


def scalars(a: c128[:], x: float) -> tuple[c128, c128, f64, c128, f64, c128]:
    z = a[0]
    w = a[1] * x - z / a[1]
    return z + w, w**2, abs(w), np.conj(w), np.real(w), np.complex128(x)


def parts(m: c128[:, :]) -> tuple[f64[:, :], f64[:, :], f64[:], f64, c128[:, :], f64[:, :]]:
    return m.real, m.imag, m[1].imag, m.imag.max(), m.conj(), np.angle(m)


def writes(a: c128[:]) -> c128[:]:
    a.imag[:] = a.real * 2
    a.real[1:] += 10.0
    a[0] = 7
    a[2] *= 1j
    return a


def reductions(m: c128[:, :]) -> tuple[c128, c128[:], c128, c128[:], c128[:, :], f64[:]]:
    return np.sum(m), m.sum(axis=0), m.prod(), np.mean(m, axis=1), np.cumsum(m, axis=1), np.abs(m).max(axis=0)


def masks(a: c128[:], r: float) -> tuple[c128[:], c128[:], b1[:]]:
    big = np.abs(a) > r
    b = a.copy()
    b[big] = b[big] ** 2 + 1
    return a[big], b, a == b


def build(n: int) -> tuple[c128[:], c64[:, :], c128[:], c128[:]]:
    z = np.zeros(n, dtype=complex)
    o = np.ones((2, n), dtype=np.complex64)
    f = np.full(n, 1 + 2j)
    lit = np.array([1 + 1j, 2, 3.5])
    return z + 1j, o * 2j, f, lit


def power(a: c128[:], b: c128[:]) -> tuple[c128[:], c128[:], c128[:], c128[:]]:
    return a**2, a**b, a**3, np.square(a)


def funcs(a: c128[:]) -> tuple[c128[:], c128[:], c128[:], c128[:], c128[:], c128[:], c128[:], c128[:], c128[:]]:
    return (np.sqrt(a), np.exp(a), np.log(a + 1), np.sin(a), np.cos(a), np.tanh(a), np.arcsin(a),
            np.sign(a), np.log10(a + 2))


def funcs32(a: c64[:]) -> tuple[c64[:], c64[:], c64[:], f32[:], c64[:]]:
    return np.sqrt(a), np.exp(a), np.arctan(a), np.abs(a), np.rint(a * 2.5)


def classify(a: c128[:]) -> tuple[b1[:], b1[:], b1[:]]:
    return np.isnan(a), np.isinf(a), np.isfinite(a)


def spread(m: c128[:, :]) -> tuple[f64, f64[:], f64, c128, c128[:]]:
    return np.var(m), m.var(axis=0), m.std(), m.mean(dtype=np.complex128), np.mean(m, axis=1)


def sums(a: c128[:]) -> tuple[c128, c128, c128, c128]:
    # NumPy sums complex numbers pairwise in blocks of its own: these agree bit for bit.
    return a.sum(), a[:5].sum(), a[::-1][:70].sum(), np.mean(a)


def sums32(a: c64[:]) -> tuple[c64, c64, c64[:], f32]:
    # The mean divides by the count in complex128 and rounds back, as NumPy's does.
    return a.sum(), a.mean(), a[:128].reshape(4, 32).mean(axis=1), a.var()


def squares(a: c128[:]) -> tuple[c128[:], c128[:], c128[:]]:
    # `a ** 2` is np.square (signed zeros as products give them); np.power treats zeros apart.
    b = a.copy()
    b **= 2
    return a ** 2, np.power(a, 2), b


def casts(a: c128[:]) -> tuple[b1[:], f64[:], c64[:], complex, float]:
    return a.astype(bool), a.astype(np.float64), a.astype(np.complex64), K.conjugate(), K.imag


def running_products(a: c128[:]) -> c128[:]:
    # The running product starts from the first element, as NumPy's accumulate does.
    return np.cumprod(a)
