# C-contiguous annotations (`::1`): contiguous arrays of any origin work, strided ones raise TypeError.
# pyaot: run dot(np.arange(5.0), np.ones(5), np.float64(0.0))
# pyaot: run dot(np.arange(10.0)[2:7], np.arange(5.0), np.float64(1.0))
# pyaot: run dot(np.zeros(0), np.zeros(0), np.float64(0.0))
# pyaot: run dot(np.arange(12.0).reshape(3, 4)[1], np.arange(4.0), np.float64(0.0))
# pyaot: run-msg dot(np.arange(3.0), np.arange(2.0), np.float64(0.0))
# pyaot: run saxpy(np.float32(2.0), np.arange(4, dtype=np.float32), np.ones(4, dtype=np.float32))
# pyaot: run saxpy(np.float32(-0.5), np.arange(6, dtype=np.float32)[3:], np.arange(3, dtype=np.float32))
# pyaot: run saxpy(np.float32(0.1), np.full(3, 0.3, dtype=np.float32), np.full(3, 0.7, dtype=np.float32))
# pyaot: run row_max(np.array([[1.0, 5.0, 2.0], [-3.0, -1.0, -2.0]]), np.zeros(2))
# pyaot: run row_max(np.arange(20.0).reshape(4, 5)[1:3], np.zeros(2))
# pyaot: run row_max(np.ones((3, 1)), np.zeros(3))
# pyaot: run matvec(np.arange(6.0).reshape(2, 3), np.array([1.0, -1.0, 0.5]), np.zeros(2))
# pyaot: run matvec(np.arange(6.0).reshape(2, 3), np.array([1.0, -1.0, 0.5]), np.zeros(4)[::2])
# pyaot: run dot(memoryview(np.arange(4.0)), array.array('d', [1.0, 2.0, 3.0, 4.0]), np.float64(0.0))
# pyaot: run row_max(memoryview(np.arange(6.0).reshape(2, 3)), np.zeros(2))
# pyaot: check raises(TypeError, m.dot, np.arange(10.0)[::2], np.ones(5), np.float64(0.0))
# pyaot: check raises(TypeError, m.dot, np.ones(5), np.arange(10.0)[::-2], np.float64(0.0))
# pyaot: check raises(TypeError, m.dot, memoryview(np.arange(10.0))[::2], np.ones(5), np.float64(0.0))
# pyaot: check raises(TypeError, m.dot, np.arange(12.0).reshape(3, 4)[:, 1], np.ones(3), np.float64(0.0))
# pyaot: check raises(TypeError, m.row_max, np.arange(6.0).reshape(2, 3).T, np.zeros(3))
# pyaot: check raises(TypeError, m.row_max, np.arange(12.0).reshape(3, 4)[:, :2], np.zeros(3))
# pyaot: check raises(TypeError, m.row_max, np.arange(12.0).reshape(3, 4)[::2], np.zeros(2))
# pyaot: check raises_unchanged(TypeError, m.saxpy, np.float32(1.0), np.ones(3, dtype=np.float32), np.zeros(6, dtype=np.float32)[::2])
# pyaot: check raises_unchanged(TypeError, m.matvec, np.ones((2, 2)).T, np.ones(2), np.zeros(2))
from pyaot import f32, f64


def dot(x: f64[::1], y: f64[::1], s: f64) -> f64:
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def saxpy(a: f32, x: f32[::1], y: f32[::1]) -> None:
    for i in range(len(x)):
        y[i] += a * x[i]


def row_max(a: f64[:, ::1], out: f64[:]) -> None:
    n, m = a.shape
    for i in range(n):
        best = a[i, 0]
        for j in range(1, m):
            if a[i, j] > best:
                best = a[i, j]
        out[i] = best


def matvec(a: f64[:, ::1], x: f64[::1], y: f64[:]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            y[i] += a[i, j] * x[j]
