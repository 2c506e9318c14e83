"""Array-loop kernels for `cargo xtask bench`.

One module, compiled whole by pyaot, wrapped function by function with numba.njit, and run
unchanged by CPython (with pyaot's stdlib/ on the path). kernels.c holds the same loops in C.
Only explicit loops and element indexing: no slicing, no whole-array expressions.
"""
import math

import numpy as np

from pyaot import f64, i64

SOFTENING = 1e-3


def dot(x: f64[:], y: f64[:]) -> float:
    """Sum of x[i] * y[i]."""
    total = 0.0
    for i in range(len(x)):
        total += x[i] * y[i]
    return total


def axpy(a: float, x: f64[:], y: f64[:]) -> None:
    """y += a * x, in place."""
    for i in range(len(x)):
        y[i] += a * x[i]


def variance(x: f64[:]) -> float:
    """Population variance, two passes."""
    n = x.shape[0]
    mean = 0.0
    for i in range(n):
        mean += x[i]
    mean = mean / n
    acc = 0.0
    for i in range(n):
        d = x[i] - mean
        acc += d * d
    return acc / n


def prefix_sum(x: f64[:], out: f64[:]) -> None:
    """out[i] = x[0] + ... + x[i], in place."""
    total = 0.0
    for i in range(len(x)):
        total += x[i]
        out[i] = total


def conv1d(x: f64[:], k: f64[:]) -> f64[:]:
    """'Valid' 1-D convolution (correlation order) of x with the filter k."""
    n = len(x)
    m = len(k)
    out = np.zeros(n - m + 1)
    for i in range(n - m + 1):
        acc = 0.0
        for j in range(m):
            acc += x[i + j] * k[j]
        out[i] = acc
    return out


def histogram(x: f64[:], lo: float, hi: float, nbins: int) -> i64[:]:
    """Counts of x in nbins equal bins over [lo, hi); values outside are dropped."""
    counts = np.zeros(nbins, dtype=np.int64)
    scale = nbins / (hi - lo)
    for i in range(len(x)):
        v = x[i]
        if v >= lo and v < hi:
            b = int((v - lo) * scale)
            if b < nbins:
                counts[b] += 1
    return counts


def sieve(n: int) -> int:
    """Number of primes <= n (sieve of Eratosthenes)."""
    composite = np.zeros(n + 1, dtype=np.int64)
    count = 0
    for i in range(2, n + 1):
        if composite[i] == 0:
            count += 1
            for j in range(i * i, n + 1, i):
                composite[j] = 1
    return count


def stencil5(u: f64[:, :]) -> f64[:, :]:
    """One Jacobi step of the 2-D 5-point Laplacian; the border stays zero."""
    n, m = u.shape
    out = np.zeros((n, m))
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])
    return out


def matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    """Naive triple-loop matrix product (i, j, k order, one accumulator)."""
    n, p = a.shape
    m = b.shape[1]
    c = np.empty((n, m))
    for i in range(n):
        for j in range(m):
            acc = 0.0
            for k in range(p):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc
    return c


def mandelbrot(h: int, w: int, max_iter: int) -> i64[:, :]:
    """Escape iteration counts over [-2, 1] x [-1.2, 1.2]."""
    counts = np.zeros((h, w), dtype=np.int64)
    for i in range(h):
        y0 = -1.2 + 2.4 * i / h
        for j in range(w):
            x0 = -2.0 + 3.0 * j / w
            x = 0.0
            y = 0.0
            it = 0
            while it < max_iter and x * x + y * y <= 4.0:
                xt = x * x - y * y + x0
                y = 2.0 * x * y + y0
                x = xt
                it += 1
            counts[i, j] = it
    return counts


def nbody_accel(pos: f64[:, :], mass: f64[:]) -> f64[:, :]:
    """Softened gravitational acceleration on each of n bodies from all the others."""
    n = pos.shape[0]
    acc = np.zeros((n, 3))
    for i in range(n):
        ax = 0.0
        ay = 0.0
        az = 0.0
        for j in range(n):
            dx = pos[j, 0] - pos[i, 0]
            dy = pos[j, 1] - pos[i, 1]
            dz = pos[j, 2] - pos[i, 2]
            r2 = dx * dx + dy * dy + dz * dz + SOFTENING
            s = mass[j] / (r2 * math.sqrt(r2))
            ax += dx * s
            ay += dy * s
            az += dz * s
        acc[i, 0] = ax
        acc[i, 1] = ay
        acc[i, 2] = az
    return acc


def matmul_ikj(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    """Naive matrix product in i, k, j order: the inner loop runs along rows of b and c."""
    n, p = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for k in range(p):
            for j in range(m):
                c[i, j] += a[i, k] * b[k, j]
    return c


def jacobi(u: f64[:, :], sweeps: int) -> f64[:, :]:
    """Repeated 5-point Jacobi sweeps, ping-ponging between two arrays; the border is kept."""
    n, m = u.shape
    a = u.copy()
    b = a.copy()
    for s in range(sweeps):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])
        a, b = b, a
    return a


def lcg(seed: int, n: int) -> int:
    """The n-th state of a linear congruential generator (Python ints, below 2**31)."""
    x = seed
    for _ in range(n):
        x = (1103515245 * x + 12345) % 2147483648
    return x


def collatz(n: int) -> int:
    """Total number of Collatz steps to reach 1 from every start in 1 .. n - 1."""
    total = 0
    for start in range(1, n):
        x = start
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            total += 1
    return total
