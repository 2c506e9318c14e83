# Any buffer exporter is an array argument: memoryview and array.array, read-only buffers for reading.
# Errors the interpreter would not raise (wrong item type or dimensions, non-buffers, writing into
# read-only memory) are check lines.
# pyaot: run scale(memoryview(np.arange(5.0)), 2.0)
# pyaot: run scale(memoryview(np.arange(10.0))[::3], -0.5)
# pyaot: run scale(array.array('d', [1.0, -2.0, 0.25]), 4.0)
# pyaot: run scale(array.array('d'), 4.0)
# pyaot: run scale(bytearray(16), 3.0)
# pyaot: run fill_index(memoryview(np.zeros(4, dtype=np.int64)))
# pyaot: run fill_index(array.array('q', [9, 9, 9]))
# pyaot: run fill_index(array.array('l', [5, 5]))
# pyaot: run fill_index(memoryview(bytearray(24)).cast('q'))
# pyaot: run halve32(array.array('f', [1.0, 3.0, -5.0]))
# pyaot: run halve32(memoryview(np.arange(6, dtype=np.float32)))
# pyaot: run set_grid(memoryview(np.zeros((2, 3))))
# pyaot: run set_grid(memoryview(np.zeros((3, 4)).T))
# pyaot: run set_grid(memoryview(bytearray(48)).cast('d', (2, 3)))
# pyaot: run invert(memoryview(bytearray(b'\x00\x01\xfe\xff')))
# pyaot: run invert(bytearray(b'abc'))
# pyaot: run invert(array.array('B', [0, 10, 200]))
# pyaot: run count_above(memoryview(np.arange(6.0)), 2.5)
# pyaot: run count_above(array.array('d', [3.0, -1.0, 7.0]), 0.0)
# pyaot: run count_above(memoryview(bytes(16)).cast('d'), -1.0)
# pyaot: run count_above(readonly(np.arange(8.0)), 4.0)
# pyaot: run count_above(readonly(np.arange(8.0))[::-3], 4.0)
# pyaot: run grid_sum(readonly(np.ones((3, 2))), np.zeros(1))
# pyaot: run scale(readonly(np.arange(3.0)), 2.0)
# pyaot: check raises(TypeError, m.scale, np.arange(5), 2.0)
# pyaot: check raises(TypeError, m.scale, np.arange(5, dtype=np.float32), 2.0)
# pyaot: check raises(TypeError, m.scale, np.zeros((2, 2)), 2.0)
# pyaot: check raises(TypeError, m.scale, np.float64(1.0), 2.0)
# pyaot: check raises(TypeError, m.scale, [1.0, 2.0], 2.0)
# pyaot: check raises(TypeError, m.scale, (1.0, 2.0), 2.0)
# pyaot: check raises(TypeError, m.scale, None, 2.0)
# pyaot: check raises(TypeError, m.scale, 3.0, 2.0)
# pyaot: check raises(TypeError, m.scale, array.array('f', [1.0]), 2.0)
# pyaot: check raises(TypeError, m.scale, np.arange(3.0).astype('>f8'), 2.0)
# pyaot: check raises(TypeError, m.scale, b'12345678', 2.0)
# pyaot: check raises(TypeError, m.fill_index, np.zeros(3, dtype=np.uint64))
# pyaot: check raises(TypeError, m.fill_index, array.array('i', [1, 2]))
# pyaot: check raises(TypeError, m.fill_index, np.zeros(3))
# pyaot: check raises(TypeError, m.set_grid, np.zeros(6))
# pyaot: check raises(TypeError, m.set_grid, np.zeros((1, 2, 3)))
# pyaot: check raises(TypeError, m.set_grid, memoryview(np.zeros((2, 3), dtype=np.float32)))
# pyaot: check raises(TypeError, m.invert, np.zeros(3, dtype=np.int8))
# pyaot: check raises(TypeError, m.count_above, np.arange(6.0).reshape(2, 3), 1.0)
# pyaot: check raises_unchanged(ValueError, m.scale, readonly(np.arange(5.0)), 2.0)
# pyaot: check raises_unchanged(ValueError, m.scale, memoryview(bytes(24)).cast('d'), 2.0)
# pyaot: check raises_unchanged(ValueError, m.fill_index, memoryview(np.arange(3)).toreadonly())
# pyaot: check raises_unchanged(ValueError, m.invert, b'abc')
# pyaot: check raises_unchanged(ValueError, m.set_grid, readonly(np.ones((2, 2))))
# pyaot: check raises_unchanged(ValueError, m.grid_sum, np.ones((2, 2)), readonly(np.zeros(1)))
# pyaot: check raises_unchanged(ValueError, m.scale_twice, readonly(np.arange(4.0)), 3.0)
# pyaot: check m.count_above(readonly(np.arange(8.0)), 4.0) == 3
# pyaot: check raises_match(TypeError, "scale", m.scale, np.arange(5), 2.0)
from pyaot import f32, f64, i64, u8


def scale(a: f64[:], k: float) -> None:
    for i in range(len(a)):
        a[i] = a[i] * k


def scale_twice(a: f64[:], k: float) -> None:
    scale(a, k)
    scale(a, k)


def fill_index(a: i64[:]) -> None:
    for i in range(len(a)):
        a[i] = 3 * i - 1


def halve32(a: f32[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] * 0.5


def set_grid(a: f64[:, :]) -> None:
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] = 10.0 * i + j


def invert(a: u8[:]) -> None:
    for i in range(len(a)):
        a[i] = 255 - a[i]


def count_above(a: f64[:], t: float) -> int:
    c = 0
    for i in range(len(a)):
        if a[i] > t:
            c += 1
    return c


def grid_sum(a: f64[:, :], out: f64[:]) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[0] += a[i, j]
