# Non-contiguous and reversed views: strided reads and writes through slices, transposes and columns.
# pyaot: run total(np.arange(10.0)[::-2], np.float64(0.0))
# pyaot: run total(np.arange(10.0)[::3], np.float64(0.0))
# pyaot: run total(np.arange(10.0)[::-1], np.float64(0.5))
# pyaot: run total(np.arange(12.0).reshape(3, 4)[:, 1], np.float64(0.0))
# pyaot: run total(np.arange(12.0).reshape(3, 4)[2, ::-1], np.float64(0.0))
# pyaot: run element(np.arange(10.0)[::-2], 0)
# pyaot: run element(np.arange(10.0)[::-2], -1)
# pyaot: run element(np.arange(10.0)[1::4], 2)
# pyaot: run-msg element(np.arange(10.0)[::-2], 5)
# pyaot: run ramp(np.zeros(10)[::2])
# pyaot: run ramp(np.zeros(10)[::-3])
# pyaot: run ramp(np.zeros((4, 5))[:, 2])
# pyaot: run ramp(np.zeros(7)[::-1])
# pyaot: run at2(np.arange(12.0).reshape(3, 4).T, 3, 1)
# pyaot: run at2(np.arange(12.0).reshape(3, 4).T, -1, -3)
# pyaot: run-msg at2(np.arange(12.0).reshape(3, 4).T, 0, 3)
# pyaot: run shape2(np.arange(12.0).reshape(3, 4).T)
# pyaot: run shape2(np.arange(24.0).reshape(4, 6)[::2, 1::2])
# pyaot: run shape2(np.arange(24.0).reshape(4, 6)[::-1, ::-2])
# pyaot: run transpose_into(np.arange(6.0).reshape(2, 3), np.zeros((3, 2)))
# pyaot: run transpose_into(np.arange(6.0).reshape(2, 3)[:, ::-1], np.zeros((4, 2))[::-2, :].T.T)
# pyaot: run transpose_into(np.arange(12.0).reshape(3, 4).T, np.zeros((3, 4)))
# pyaot: run add_rows(np.arange(24.0).reshape(4, 6)[::2, ::3], np.zeros(2))
# pyaot: run add_rows(np.arange(24.0).reshape(4, 6).T[::-1], np.zeros(6))
# pyaot: run negate2(np.arange(20.0).reshape(4, 5)[1:3, ::2])
# pyaot: run negate2(np.arange(20.0).reshape(4, 5).T)
# pyaot: run count3(np.arange(60, dtype=np.int16).reshape(3, 4, 5).transpose(2, 0, 1), 10)
# pyaot: run count3(np.arange(60, dtype=np.int16).reshape(3, 4, 5)[::-1, ::2, 1::3], 30)
# pyaot: run shape3(np.arange(60, dtype=np.int16).reshape(3, 4, 5)[::-1, ::2, 1::3])
# pyaot: run shape3(np.arange(60, dtype=np.int16).reshape(3, 4, 5).transpose(1, 2, 0))
# pyaot: run reverse_in_place(np.arange(9.0)[::2])
# pyaot: run reverse_in_place(np.arange(9.0)[::-1])
# pyaot: run reverse_in_place(np.arange(12.0).reshape(3, 4)[:, 0])
# pyaot: run reverse_in_place(np.zeros(0)[::-1])
# pyaot: run add_rows(np.broadcast_to(np.arange(3.0), (4, 3)), np.zeros(4))
# pyaot: run add_rows(np.arange(6.0).reshape(2, 3)[:, np.newaxis, 1], np.zeros(2))
from pyaot import f64, i16


def total(a: f64[:], s: f64) -> f64:
    for x in a:
        s += x
    return s


def element(a: f64[:], i: int) -> f64:
    return a[i]


def ramp(a: f64[:]) -> None:
    for i in range(len(a)):
        a[i] = 1.5 * i


def at2(a: f64[:, :], i: int, j: int) -> f64:
    return a[i, j]


def shape2(a: f64[:, :]) -> tuple[int, int, int]:
    n, m = a.shape
    return n, m, a.size


def transpose_into(a: f64[:, :], out: f64[:, :]) -> None:
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            out[j, i] = a[i, j]


def add_rows(a: f64[:, :], out: f64[:]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i] += a[i, j]


def negate2(a: f64[:, :]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = -a[i, j]


def count3(a: i16[:, :, :], limit: int) -> int:
    c = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                if a[i, j, k] < limit:
                    c += 1
    return c


def shape3(a: i16[:, :, :]) -> tuple[int, int, int]:
    return a.shape


def reverse_in_place(a: f64[:]) -> None:
    n = len(a)
    for i in range(n // 2):
        t = a[i]
        a[i] = a[n - 1 - i]
        a[n - 1 - i] = t
