# Two- to four-dimensional arrays: a[i, j], negative indices, bounds per axis, shape unpacking.
# pyaot: run get2(np.arange(12.0).reshape(3, 4), 1, 2)
# pyaot: run get2(np.arange(12.0).reshape(3, 4), -1, -1)
# pyaot: run get2(np.arange(12.0).reshape(3, 4), -3, 0)
# pyaot: run-msg get2(np.arange(12.0).reshape(3, 4), 3, 0)
# pyaot: run-msg get2(np.arange(12.0).reshape(3, 4), 0, 4)
# pyaot: run-msg get2(np.arange(12.0).reshape(3, 4), 0, -5)
# pyaot: run-msg get2(np.arange(12.0).reshape(3, 4), -4, 0)
# pyaot: run put2(np.zeros((2, 3)), 1, -1, 9.5)
# pyaot: run-msg put2(np.zeros((2, 3)), 2, 0, 9.5)
# pyaot: run dims2(np.zeros((5, 7)))
# pyaot: run dims2(np.zeros((0, 3)))
# pyaot: run unpack(np.ones((4, 6)))
# pyaot: run get3(np.arange(24).reshape(2, 3, 4).astype(np.int32), 1, 2, 3)
# pyaot: run get3(np.arange(24).reshape(2, 3, 4).astype(np.int32), -1, -3, -4)
# pyaot: run-msg get3(np.arange(24).reshape(2, 3, 4).astype(np.int32), 0, 3, 0)
# pyaot: run-msg get3(np.arange(24).reshape(2, 3, 4).astype(np.int32), 0, 0, 4)
# pyaot: run dims3(np.zeros((2, 3, 4), dtype=np.int32))
# pyaot: run sum3(np.arange(24).reshape(2, 3, 4).astype(np.int32), np.zeros(1, dtype=np.int32))
# pyaot: run get4(np.arange(120.0).reshape(2, 3, 4, 5), 1, 2, 3, 4)
# pyaot: run get4(np.arange(120.0).reshape(2, 3, 4, 5), -2, -1, 0, -5)
# pyaot: run-msg get4(np.arange(120.0).reshape(2, 3, 4, 5), 0, 0, 0, 5)
# pyaot: run fill4(np.zeros((2, 2, 3, 2)))
# pyaot: run dims4(np.zeros((1, 2, 3, 4)))
# pyaot: run row_len(np.zeros((3, 8)))
# pyaot: run trace(np.arange(16.0).reshape(4, 4), np.zeros(1))
# pyaot: run trace(np.arange(6.0).reshape(2, 3), np.zeros(1))
# pyaot: run bump2(np.ones((3, 3)), 2.0)
from pyaot import f64, i32


def get2(a: f64[:, :], i: int, j: int) -> f64:
    return a[i, j]


def put2(a: f64[:, :], i: int, j: int, v: float) -> None:
    a[i, j] = v


def dims2(a: f64[:, :]) -> tuple[int, int, int, int, int]:
    return a.shape[0], a.shape[1], a.ndim, a.size, len(a)


def unpack(a: f64[:, :]) -> int:
    n, m = a.shape
    return 10 * n + m


def get3(a: i32[:, :, :], i: int, j: int, k: int) -> i32:
    return a[i, j, k]


def dims3(a: i32[:, :, :]) -> tuple[int, int, int]:
    return a.shape


def sum3(a: i32[:, :, :], out: i32[:]) -> None:
    p, q, r = a.shape
    for i in range(p):
        for j in range(q):
            for k in range(r):
                out[0] += a[i, j, k]


def get4(a: f64[:, :, :, :], i: int, j: int, k: int, l: int) -> f64:
    return a[i, j, k, l]


def fill4(a: f64[:, :, :, :]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                for l in range(a.shape[3]):
                    a[i, j, k, l] = 1000.0 * i + 100.0 * j + 10.0 * k + l


def dims4(a: f64[:, :, :, :]) -> tuple[int, int, int, int, int, int]:
    n0, n1, n2, n3 = a.shape
    return n0, n1, n2, n3, a.ndim, a.size


def row_len(a: f64[:, :]) -> int:
    return len(a) * 100 + a.shape[-1]


def trace(a: f64[:, :], out: f64[:]) -> None:
    n = min(a.shape[0], a.shape[1])
    for i in range(n):
        out[0] += a[i, i]


def bump2(a: f64[:, :], v: float) -> None:
    for i in range(a.shape[0]):
        a[i, i] += v
        a[i, -1 - i] -= v
