"""NumPy-style kernels for `cargo xtask bench`: whole-array expressions, the way NumPy is written.

One module, run as it is by CPython with the real NumPy (the baseline), compiled whole by pyaot,
wrapped function by function with numba.njit, and compiled by Pythran (the driver strips the
annotations and writes `#pythran export` lines from them). Every exported function is fully
annotated; the arrays are float64, and complex128 in the last kernels.
"""
import numpy as np

from pyaot import c128, f64


def laplace_step(u: f64[:, :], alpha: float) -> f64[:, :]:
    """One explicit diffusion step of the 5-point Laplacian on the interior; the border is kept."""
    out = u.copy()
    out[1:-1, 1:-1] = u[1:-1, 1:-1] + alpha * (
        u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1])
    return out


def pairwise_dist(x: f64[:, :], y: f64[:, :]) -> f64[:, :]:
    """Euclidean distance between every row of x and every row of y, by broadcasting."""
    d = x[:, None, :] - y[None, :, :]
    return np.sqrt((d * d).sum(axis=2))


def standardize(a: f64[:, :]) -> f64[:, :]:
    """Each column shifted to mean 0 and scaled to standard deviation 1."""
    return (a - a.mean(axis=0)) / a.std(axis=0)


def band_sum(a: f64[:], lo: float, hi: float) -> float:
    """Sum of the values inside (lo, hi), plus hi for each value at or above hi."""
    inside = a[(a > lo) & (a < hi)]
    return inside.sum() + np.where(a >= hi, hi, 0.0).sum()


def softmax_rows(m: f64[:, :]) -> f64[:, :]:
    """Row-wise softmax, shifted by each row's maximum."""
    e = np.exp(m - m.max(axis=1)[:, None])
    return e / e.sum(axis=1)[:, None]


def unit_rows(x: f64[:, :]) -> f64[:, :]:
    """Every row divided by its Euclidean norm."""
    return x / np.sqrt((x * x).sum(axis=1))[:, None]


def polar_wave(x: f64[:], y: f64[:]) -> f64[:]:
    """A damped angular wave r * exp(-r) * sin(3 theta) at the points (x, y)."""
    r = np.sqrt(x * x + y * y)
    theta = np.arctan2(y, x)
    return r * np.exp(-r) * np.sin(3.0 * theta)


def heat_1d(u0: f64[:], nu: float, steps: int) -> f64[:]:
    """`steps` explicit steps of the 1-D heat equation with fixed ends, updating in place."""
    u = u0.copy()
    for _ in range(steps):
        u[1:-1] += nu * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    return u


def moving_average(x: f64[:], w: int) -> f64[:]:
    """Means of the windows of w consecutive values, from a prefix sum."""
    c = np.cumsum(x)
    out = np.empty(len(x) - w + 1)
    out[0] = c[w - 1] / w
    out[1:] = (c[w:] - c[:-w]) / w
    return out


def dense_relu(x: f64[:, :], w: f64[:, :], b: f64[:]) -> f64[:, :]:
    """A dense layer: matrix product, bias, then max(0, .)."""
    return np.maximum(x @ w + b, 0.0)


def total_variation(u: f64[:, :]) -> float:
    """Isotropic total variation of an image from forward differences."""
    gx = u[1:, :-1] - u[:-1, :-1]
    gy = u[:-1, 1:] - u[:-1, :-1]
    return np.sqrt(gx * gx + gy * gy).sum()


def col_range_ratio(m: f64[:, :]) -> f64[:]:
    """(max - min) of each column over the mean of its absolute values."""
    return (np.max(m, axis=0) - np.min(m, axis=0)) / np.abs(m).mean(axis=0)


def phase_rotate(z: c128[:], theta: float) -> c128[:]:
    """Each sample turned by theta times its index, then scaled by the largest modulus."""
    w = z * np.exp(1j * theta * np.arange(len(z)))
    return w / np.abs(w).max()


def row_power(z: c128[:, :]) -> f64[:]:
    """The power of each row of a complex signal, |z|^2 summed, relative to the row's peak."""
    p = (z * np.conj(z)).real
    return p.sum(axis=1) / p.max(axis=1)
