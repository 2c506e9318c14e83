# Sorting and searching kernels: insertion sort in place, binary search, argmax, merging two
# sorted arrays into a new one, on float64, int32 and uint8 data.
# pyaot: run insertion_sort(np.array([3.0, 1.0, 2.0, -5.0, 2.0]))
# pyaot: run insertion_sort(np.array([1.0]))
# pyaot: run insertion_sort(np.zeros(0))
# pyaot: run insertion_sort(np.arange(8.0)[::-1])
# pyaot: run insertion_sort(np.array([0.0, -0.0, 0.0, -0.0]))
# pyaot: run insertion_sort(np.array([9.0, 7.0, 8.0, 1.0, 2.0, 3.0])[::2])
# pyaot: run sort_i32(np.array([5, -2, 7, -2, 0], dtype=np.int32))
# pyaot: run sort_i32(np.array([[4, 3], [2, 1]], dtype=np.int32)[:, 0])
# pyaot: run search(np.array([1.0, 2.0, 4.0, 8.0]), 4.0)
# pyaot: run search(np.array([1.0, 2.0, 4.0, 8.0]), 5.0)
# pyaot: run search(np.array([1.0, 2.0, 4.0, 8.0]), 0.0)
# pyaot: run search(np.array([1.0, 2.0, 4.0, 8.0]), 9.0)
# pyaot: run search(np.zeros(0), 1.0)
# pyaot: run argmax(np.array([1.0, 7.0, 7.0, -3.0]))
# pyaot: run argmax(np.array([-inf, -inf]))
# pyaot: run argmax_u8(np.array([3, 250, 7, 250], dtype=np.uint8))
# pyaot: run argmax_u8(np.arange(200, 0, -7).astype(np.uint8))
# pyaot: run merge(np.array([1.0, 4.0, 6.0]), np.array([2.0, 3.0, 7.0, 8.0]))
# pyaot: run merge(np.zeros(0), np.array([2.0, 3.0]))
# pyaot: run merge(np.arange(6.0)[::2], np.arange(6.0)[1::2])
# pyaot: run is_sorted(np.array([1.0, 2.0, 2.0]))
# pyaot: run is_sorted(np.array([1.0, 0.5]))
# pyaot: run is_sorted(np.zeros(0))
import numpy as np
from pyaot import f64, i32, u8


def insertion_sort(a: f64[:]) -> None:
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


def sort_i32(a: i32[:]) -> None:
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


def search(a: f64[:], x: float) -> int:
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def argmax(a: f64[:]) -> int:
    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i
    return best


def argmax_u8(a: u8[:]) -> int:
    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i
    return best


def merge(a: f64[:], b: f64[:]) -> f64[:]:
    out = np.empty(len(a) + len(b))
    i = 0
    j = 0
    k = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out[k] = a[i]
            i += 1
        else:
            out[k] = b[j]
            j += 1
        k += 1
    while i < len(a):
        out[k] = a[i]
        i += 1
        k += 1
    while j < len(b):
        out[k] = b[j]
        j += 1
        k += 1
    return out


def is_sorted(a: f64[:]) -> bool:
    for i in range(1, len(a)):
        if a[i - 1] > a[i]:
            return False
    return True
