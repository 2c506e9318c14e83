# Small-integer image kernels: invert, threshold and a histogram on uint8, a signed int16 gradient,
# and uint8 brightening that wraps around as NumPy's uint8 does.
# pyaot: run invert(np.array([[0, 1, 2], [253, 254, 255]], dtype=np.uint8))
# pyaot: run invert(np.arange(24, dtype=np.uint8).reshape(4, 6)[::2, ::-3])
# pyaot: run threshold(np.array([[10, 200], [128, 127]], dtype=np.uint8), 128)
# pyaot: run threshold(np.zeros((0, 3), dtype=np.uint8), 1)
# pyaot: run histogram(np.array([[0, 1, 1], [255, 1, 0]], dtype=np.uint8))
# pyaot: run gradient(np.array([[0, 10, 30], [5, 5, 5]], dtype=np.int16))
# pyaot: run gradient(np.array([[-32768, 32767]], dtype=np.int16))
# pyaot: run brighten(np.array([[250, 3], [128, 0]], dtype=np.uint8), np.uint8(10))
# pyaot: run brighten(np.full((2, 2), 255, dtype=np.uint8), np.uint8(255))
# pyaot: run mean_u8(np.array([[255, 255], [255, 255]], dtype=np.uint8))
# pyaot: run mean_u8(np.array([[1, 2, 3]], dtype=np.uint8))
# pyaot: run mask_count(np.array([[True, False], [True, True]]), np.array([[1, 2], [3, 4]], dtype=np.int32))
# pyaot: run mask_count(np.array([[True, False], [True, True]]).T, np.array([[1, 2], [3, 4]], dtype=np.int32))
import numpy as np
from pyaot import b1, f64, i16, i32, i64, u8


def invert(img: u8[:, :]) -> None:
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            img[i, j] = 255 - img[i, j]


def threshold(img: u8[:, :], t: int) -> u8[:, :]:
    n, m = img.shape
    out = np.zeros((n, m), dtype=np.uint8)
    for i in range(n):
        for j in range(m):
            if img[i, j] >= t:
                out[i, j] = 255
    return out


def histogram(img: u8[:, :]) -> i64[:]:
    counts = np.zeros(256, dtype=np.int64)
    for v in range(256):
        for i in range(img.shape[0]):
            for j in range(img.shape[1]):
                if img[i, j] == v:
                    counts[v] += 1
    return counts


def gradient(img: i16[:, :]) -> i16[:, :]:
    n, m = img.shape
    out = np.zeros((n, m - 1), dtype=np.int16)
    for i in range(n):
        for j in range(m - 1):
            out[i, j] = img[i, j + 1] - img[i, j]
    return out


def brighten(img: u8[:, :], k: u8) -> None:
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            img[i, j] += k


def mean_u8(img: u8[:, :]) -> f64:
    total = img.shape[0] * img.shape[1]
    s = np.zeros(1)
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            s[0] += img[i, j]
    return s[0] / total


def mask_count(mask: b1[:, :], vals: i32[:, :]) -> i64[:]:
    out = np.zeros(2, dtype=np.int64)
    for i in range(mask.shape[0]):
        for j in range(mask.shape[1]):
            if mask[i, j]:
                out[0] += 1
                out[1] += vals[i, j]
    return out
