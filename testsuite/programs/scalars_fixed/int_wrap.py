# Fixed-width integer scalars: arithmetic wraps like NumPy's scalars, Python ints keep the dtype,
# and mixed dtypes promote (int8 + int16 is int16, uint8 + int8 is int16, int32 with int64 is int64).
# pyaot: run add_i8(np.int8(100), np.int8(100))
# pyaot: run add_i8(np.int8(-128), np.int8(-1))
# pyaot: run add_i8_py(np.int8(127), 1)
# pyaot: run mul_i16(np.int16(300), np.int16(300))
# pyaot: run mul_i32(np.int32(65536), np.int32(65536))
# pyaot: run mul_i32(np.int32(-46341), np.int32(46341))
# pyaot: run mul_i64(np.int64(2**62), np.int64(4))
# pyaot: run sub_u8(np.uint8(3), np.uint8(5))
# pyaot: run sub_u8(np.uint8(5), np.uint8(3))
# pyaot: run add_u16_py(np.uint16(65535), 1)
# pyaot: run sub_u32(np.uint32(0), np.uint32(1))
# pyaot: run mul_u64(np.uint64(2**63), np.uint64(2))
# pyaot: run mul_u64(np.uint64(2**32 + 1), np.uint64(2**32 - 1))
# pyaot: run neg_i8(np.int8(-128))
# pyaot: run neg_i8(np.int8(5))
# pyaot: run promote_i8_i16(np.int8(127), np.int16(1))
# pyaot: run promote_u8_i8(np.uint8(255), np.int8(-1))
# pyaot: run promote_i32_i64(np.int32(2**31 - 1), np.int64(1))
# pyaot: run to_float(np.int32(7), 0.5)
# pyaot: run floordiv_i32(np.int32(-7), np.int32(2))
# pyaot: run mod_i32(np.int32(-7), np.int32(2))
# pyaot: run mod_i32(np.int32(7), np.int32(-2))
# pyaot: run truediv_i16(np.int16(1), np.int16(3))
# pyaot: run fib_u8(20, np.uint8(1))
# pyaot: run fib_i16(30, np.int16(1))
# pyaot: run hash_u32(np.uint32(12345), 10)
# pyaot: run count_down(np.uint8(3), 5)
# pyaot: run hash_u32(np.uint32(0), 100)
from pyaot import f64, i8, i16, i32, i64, u8, u16, u32, u64


def add_i8(x: i8, y: i8) -> i8:
    return x + y


def add_i8_py(x: i8, y: int) -> i8:
    return x + y


def mul_i16(x: i16, y: i16) -> i16:
    return x * y


def mul_i32(x: i32, y: i32) -> i32:
    return x * y


def mul_i64(x: i64, y: i64) -> i64:
    return x * y


def sub_u8(x: u8, y: u8) -> u8:
    return x - y


def add_u16_py(x: u16, y: int) -> u16:
    return x + y


def sub_u32(x: u32, y: u32) -> u32:
    return x - y


def mul_u64(x: u64, y: u64) -> u64:
    return x * y


def neg_i8(x: i8) -> i8:
    return -x


def promote_i8_i16(x: i8, y: i16) -> i16:
    return x + y


def promote_u8_i8(x: u8, y: i8) -> i16:
    return x + y


def promote_i32_i64(x: i32, y: i64) -> i64:
    return x + y


def to_float(x: i32, y: float) -> f64:
    return x * y


def floordiv_i32(x: i32, y: i32) -> i32:
    return x // y


def mod_i32(x: i32, y: i32) -> i32:
    return x % y


def truediv_i16(x: i16, y: i16) -> f64:
    return x / y


def fib_u8(n: int, one: u8) -> u8:
    a = one - one
    b = one
    for i in range(n):
        a, b = b, a + b
    return a


def fib_i16(n: int, one: i16) -> i16:
    a = one - one
    b = one
    for i in range(n):
        a, b = b, a + b
    return a


def hash_u32(h: u32, n: int) -> u32:
    for i in range(n):
        h = h * 31 + i
    return h


def count_down(x: u8, n: int) -> u8:
    for i in range(n):
        x -= 1
    return x
