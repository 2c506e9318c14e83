# Every dtype: reading an element (a NumPy scalar), doubling in place (integers wrap), sums from a start value.
# pyaot: run first_i8(np.array([100, -100, 7, 127, -128], dtype=np.int8))
# pyaot: run last_i8(np.array([100, -100, 7, 127, -128], dtype=np.int8))
# pyaot: run double_i8(np.array([100, -100, 7, 127, -128], dtype=np.int8))
# pyaot: run total_i8(np.array([100, -100, 7, 127, -128], dtype=np.int8), np.int8(1))
# pyaot: run total_i8(np.zeros(0, dtype=np.int8), np.int8(3))
# pyaot: run first_i16(np.array([30000, -30000, 7, 32767, -32768], dtype=np.int16))
# pyaot: run last_i16(np.array([30000, -30000, 7, 32767, -32768], dtype=np.int16))
# pyaot: run double_i16(np.array([30000, -30000, 7, 32767, -32768], dtype=np.int16))
# pyaot: run total_i16(np.array([30000, -30000, 7, 32767, -32768], dtype=np.int16), np.int16(1))
# pyaot: run total_i16(np.zeros(0, dtype=np.int16), np.int16(3))
# pyaot: run first_i32(np.array([2**30, -2**31, 7, 2**31 - 1, 5], dtype=np.int32))
# pyaot: run last_i32(np.array([2**30, -2**31, 7, 2**31 - 1, 5], dtype=np.int32))
# pyaot: run double_i32(np.array([2**30, -2**31, 7, 2**31 - 1, 5], dtype=np.int32))
# pyaot: run total_i32(np.array([2**30, -2**31, 7, 2**31 - 1, 5], dtype=np.int32), np.int32(1))
# pyaot: run total_i32(np.zeros(0, dtype=np.int32), np.int32(3))
# pyaot: run first_i64(np.array([2**62, -2**63, 7, 2**63 - 1, 5], dtype=np.int64))
# pyaot: run last_i64(np.array([2**62, -2**63, 7, 2**63 - 1, 5], dtype=np.int64))
# pyaot: run double_i64(np.array([2**62, -2**63, 7, 2**63 - 1, 5], dtype=np.int64))
# pyaot: run total_i64(np.array([2**62, -2**63, 7, 2**63 - 1, 5], dtype=np.int64), np.int64(1))
# pyaot: run total_i64(np.zeros(0, dtype=np.int64), np.int64(3))
# pyaot: run first_u8(np.array([200, 0, 7, 255, 128], dtype=np.uint8))
# pyaot: run last_u8(np.array([200, 0, 7, 255, 128], dtype=np.uint8))
# pyaot: run double_u8(np.array([200, 0, 7, 255, 128], dtype=np.uint8))
# pyaot: run total_u8(np.array([200, 0, 7, 255, 128], dtype=np.uint8), np.uint8(1))
# pyaot: run total_u8(np.zeros(0, dtype=np.uint8), np.uint8(3))
# pyaot: run first_u16(np.array([60000, 0, 7, 65535, 1], dtype=np.uint16))
# pyaot: run last_u16(np.array([60000, 0, 7, 65535, 1], dtype=np.uint16))
# pyaot: run double_u16(np.array([60000, 0, 7, 65535, 1], dtype=np.uint16))
# pyaot: run total_u16(np.array([60000, 0, 7, 65535, 1], dtype=np.uint16), np.uint16(1))
# pyaot: run total_u16(np.zeros(0, dtype=np.uint16), np.uint16(3))
# pyaot: run first_u32(np.array([2**31, 0, 7, 2**32 - 1, 3], dtype=np.uint32))
# pyaot: run last_u32(np.array([2**31, 0, 7, 2**32 - 1, 3], dtype=np.uint32))
# pyaot: run double_u32(np.array([2**31, 0, 7, 2**32 - 1, 3], dtype=np.uint32))
# pyaot: run total_u32(np.array([2**31, 0, 7, 2**32 - 1, 3], dtype=np.uint32), np.uint32(1))
# pyaot: run total_u32(np.zeros(0, dtype=np.uint32), np.uint32(3))
# pyaot: run first_u64(np.array([2**63, 0, 7, 2**64 - 1, 3], dtype=np.uint64))
# pyaot: run last_u64(np.array([2**63, 0, 7, 2**64 - 1, 3], dtype=np.uint64))
# pyaot: run double_u64(np.array([2**63, 0, 7, 2**64 - 1, 3], dtype=np.uint64))
# pyaot: run total_u64(np.array([2**63, 0, 7, 2**64 - 1, 3], dtype=np.uint64), np.uint64(1))
# pyaot: run total_u64(np.zeros(0, dtype=np.uint64), np.uint64(3))
# pyaot: run first_f32(np.array([1.1, -2.5, 3e38, nan, -0.0], dtype=np.float32))
# pyaot: run last_f32(np.array([1.1, -2.5, 3e38, nan, -0.0], dtype=np.float32))
# pyaot: run double_f32(np.array([1.1, -2.5, 3e38, nan, -0.0], dtype=np.float32))
# pyaot: run total_f32(np.array([1.1, -2.5, 3e38, nan, -0.0], dtype=np.float32), np.float32(1))
# pyaot: run total_f32(np.zeros(0, dtype=np.float32), np.float32(3))
# pyaot: run first_f64(np.array([0.1, -2.5, 1e308, nan, -0.0], dtype=np.float64))
# pyaot: run last_f64(np.array([0.1, -2.5, 1e308, nan, -0.0], dtype=np.float64))
# pyaot: run double_f64(np.array([0.1, -2.5, 1e308, nan, -0.0], dtype=np.float64))
# pyaot: run total_f64(np.array([0.1, -2.5, 1e308, nan, -0.0], dtype=np.float64), np.float64(1))
# pyaot: run total_f64(np.zeros(0, dtype=np.float64), np.float64(3))
# pyaot: run first_b1(np.array([True, False, True]))
# pyaot: run count_b1(np.array([True, False, True, True]))
# pyaot: run count_b1(np.zeros(3, dtype=np.bool_))
# pyaot: run negate_b1(np.array([True, False, True, False]))
# pyaot: run mark_b1(np.zeros(5, dtype=np.bool_), 3)
from pyaot import b1, f32, f64, i8, i16, i32, i64, u8, u16, u32, u64


def first_i8(a: i8[:]) -> i8:
    return a[0]


def last_i8(a: i8[:]) -> i8:
    return a[-1]


def double_i8(a: i8[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_i8(a: i8[:], s: i8) -> i8:
    for x in a:
        s += x
    return s


def first_i16(a: i16[:]) -> i16:
    return a[0]


def last_i16(a: i16[:]) -> i16:
    return a[-1]


def double_i16(a: i16[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_i16(a: i16[:], s: i16) -> i16:
    for x in a:
        s += x
    return s


def first_i32(a: i32[:]) -> i32:
    return a[0]


def last_i32(a: i32[:]) -> i32:
    return a[-1]


def double_i32(a: i32[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_i32(a: i32[:], s: i32) -> i32:
    for x in a:
        s += x
    return s


def first_i64(a: i64[:]) -> i64:
    return a[0]


def last_i64(a: i64[:]) -> i64:
    return a[-1]


def double_i64(a: i64[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_i64(a: i64[:], s: i64) -> i64:
    for x in a:
        s += x
    return s


def first_u8(a: u8[:]) -> u8:
    return a[0]


def last_u8(a: u8[:]) -> u8:
    return a[-1]


def double_u8(a: u8[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_u8(a: u8[:], s: u8) -> u8:
    for x in a:
        s += x
    return s


def first_u16(a: u16[:]) -> u16:
    return a[0]


def last_u16(a: u16[:]) -> u16:
    return a[-1]


def double_u16(a: u16[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_u16(a: u16[:], s: u16) -> u16:
    for x in a:
        s += x
    return s


def first_u32(a: u32[:]) -> u32:
    return a[0]


def last_u32(a: u32[:]) -> u32:
    return a[-1]


def double_u32(a: u32[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_u32(a: u32[:], s: u32) -> u32:
    for x in a:
        s += x
    return s


def first_u64(a: u64[:]) -> u64:
    return a[0]


def last_u64(a: u64[:]) -> u64:
    return a[-1]


def double_u64(a: u64[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_u64(a: u64[:], s: u64) -> u64:
    for x in a:
        s += x
    return s


def first_f32(a: f32[:]) -> f32:
    return a[0]


def last_f32(a: f32[:]) -> f32:
    return a[-1]


def double_f32(a: f32[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_f32(a: f32[:], s: f32) -> f32:
    for x in a:
        s += x
    return s


def first_f64(a: f64[:]) -> f64:
    return a[0]


def last_f64(a: f64[:]) -> f64:
    return a[-1]


def double_f64(a: f64[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] + a[i]


def total_f64(a: f64[:], s: f64) -> f64:
    for x in a:
        s += x
    return s


def first_b1(a: b1[:]) -> b1:
    return a[0]


def count_b1(a: b1[:]) -> int:
    c = 0
    for x in a:
        if x:
            c += 1
    return c


def negate_b1(a: b1[:]) -> None:
    for i in range(len(a)):
        a[i] = not a[i]


def mark_b1(a: b1[:], k: int) -> None:
    a[k] = True
    a[-1] = True
