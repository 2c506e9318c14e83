# Fixed-width floats convert to integer dtypes by NumPy's C cast (x86-64), never raising:
# `np.int8(np.float64(x))` and `np.full(n, x, dtype=np.uint8)` for any float x. Python floats
# given to a scalar type convert as int(x) and must fit (`np.int8(300.5)` raises OverflowError).
# pyaot: run cast_i8(np.float64(-1.0))
# pyaot: run cast_i8(np.float64(300.7))
# pyaot: run cast_i8(np.float64(nan))
# pyaot: run cast_i8(np.float64(inf))
# pyaot: run cast_i8(np.float64(-inf))
# pyaot: run cast_i8(np.float64(1e30))
# pyaot: run cast_i8(np.float64(2.0**63))
# pyaot: run cast_i8(np.float64(-2.5))
# pyaot: run cast_i8(np.float64(1e10))
# pyaot: run cast_i8(np.float64(-2147483648.9))
# pyaot: run cast_i8(np.float64(4294967296.5))
# pyaot: run cast_i8(np.float64(-9.3e18))
# pyaot: run py_i8(-1.0)
# pyaot: run full_i8(2, -1.0)
# pyaot: run py_i8(300.7)
# pyaot: run full_i8(2, 300.7)
# pyaot: run py_i8(nan)
# pyaot: run full_i8(2, nan)
# pyaot: run py_i8(-2.5)
# pyaot: run full_i8(2, -2.5)
# pyaot: run py_i8(1e10)
# pyaot: run full_i8(2, 1e10)
# pyaot: run cast32_i8(np.float32(-3.5))
# pyaot: run cast32_i8(np.float32(3e38))
# pyaot: run cast_i16(np.float64(-1.0))
# pyaot: run cast_i16(np.float64(300.7))
# pyaot: run cast_i16(np.float64(nan))
# pyaot: run cast_i16(np.float64(inf))
# pyaot: run cast_i16(np.float64(-inf))
# pyaot: run cast_i16(np.float64(1e30))
# pyaot: run cast_i16(np.float64(2.0**63))
# pyaot: run cast_i16(np.float64(-2.5))
# pyaot: run cast_i16(np.float64(1e10))
# pyaot: run cast_i16(np.float64(-2147483648.9))
# pyaot: run cast_i16(np.float64(4294967296.5))
# pyaot: run cast_i16(np.float64(-9.3e18))
# pyaot: run py_i16(-1.0)
# pyaot: run full_i16(2, -1.0)
# pyaot: run py_i16(300.7)
# pyaot: run full_i16(2, 300.7)
# pyaot: run py_i16(nan)
# pyaot: run full_i16(2, nan)
# pyaot: run py_i16(-2.5)
# pyaot: run full_i16(2, -2.5)
# pyaot: run py_i16(1e10)
# pyaot: run full_i16(2, 1e10)
# pyaot: run cast32_i16(np.float32(-3.5))
# pyaot: run cast32_i16(np.float32(3e38))
# pyaot: run cast_i32(np.float64(-1.0))
# pyaot: run cast_i32(np.float64(300.7))
# pyaot: run cast_i32(np.float64(nan))
# pyaot: run cast_i32(np.float64(inf))
# pyaot: run cast_i32(np.float64(-inf))
# pyaot: run cast_i32(np.float64(1e30))
# pyaot: run cast_i32(np.float64(2.0**63))
# pyaot: run cast_i32(np.float64(-2.5))
# pyaot: run cast_i32(np.float64(1e10))
# pyaot: run cast_i32(np.float64(-2147483648.9))
# pyaot: run cast_i32(np.float64(4294967296.5))
# pyaot: run cast_i32(np.float64(-9.3e18))
# pyaot: run py_i32(-1.0)
# pyaot: run full_i32(2, -1.0)
# pyaot: run py_i32(300.7)
# pyaot: run full_i32(2, 300.7)
# pyaot: run py_i32(nan)
# pyaot: run full_i32(2, nan)
# pyaot: run py_i32(-2.5)
# pyaot: run full_i32(2, -2.5)
# pyaot: run py_i32(1e10)
# pyaot: run full_i32(2, 1e10)
# pyaot: run cast32_i32(np.float32(-3.5))
# pyaot: run cast32_i32(np.float32(3e38))
# pyaot: run cast_i64(np.float64(-1.0))
# pyaot: run cast_i64(np.float64(300.7))
# pyaot: run cast_i64(np.float64(nan))
# pyaot: run cast_i64(np.float64(inf))
# pyaot: run cast_i64(np.float64(-inf))
# pyaot: run cast_i64(np.float64(1e30))
# pyaot: run cast_i64(np.float64(2.0**63))
# pyaot: run cast_i64(np.float64(-2.5))
# pyaot: run cast_i64(np.float64(1e10))
# pyaot: run cast_i64(np.float64(-2147483648.9))
# pyaot: run cast_i64(np.float64(4294967296.5))
# pyaot: run cast_i64(np.float64(-9.3e18))
# pyaot: run py_i64(-1.0)
# pyaot: run full_i64(2, -1.0)
# pyaot: run py_i64(300.7)
# pyaot: run full_i64(2, 300.7)
# pyaot: run py_i64(nan)
# pyaot: run full_i64(2, nan)
# pyaot: run py_i64(-2.5)
# pyaot: run full_i64(2, -2.5)
# pyaot: run py_i64(1e10)
# pyaot: run full_i64(2, 1e10)
# pyaot: run cast32_i64(np.float32(-3.5))
# pyaot: run cast32_i64(np.float32(3e38))
# pyaot: run cast_u8(np.float64(-1.0))
# pyaot: run cast_u8(np.float64(300.7))
# pyaot: run cast_u8(np.float64(nan))
# pyaot: run cast_u8(np.float64(inf))
# pyaot: run cast_u8(np.float64(-inf))
# pyaot: run cast_u8(np.float64(1e30))
# pyaot: run cast_u8(np.float64(2.0**63))
# pyaot: run cast_u8(np.float64(-2.5))
# pyaot: run cast_u8(np.float64(1e10))
# pyaot: run cast_u8(np.float64(-2147483648.9))
# pyaot: run cast_u8(np.float64(4294967296.5))
# pyaot: run cast_u8(np.float64(-9.3e18))
# pyaot: run py_u8(-1.0)
# pyaot: run full_u8(2, -1.0)
# pyaot: run py_u8(300.7)
# pyaot: run full_u8(2, 300.7)
# pyaot: run py_u8(nan)
# pyaot: run full_u8(2, nan)
# pyaot: run py_u8(-2.5)
# pyaot: run full_u8(2, -2.5)
# pyaot: run py_u8(1e10)
# pyaot: run full_u8(2, 1e10)
# pyaot: run cast32_u8(np.float32(-3.5))
# pyaot: run cast32_u8(np.float32(3e38))
# pyaot: run cast_u16(np.float64(-1.0))
# pyaot: run cast_u16(np.float64(300.7))
# pyaot: run cast_u16(np.float64(nan))
# pyaot: run cast_u16(np.float64(inf))
# pyaot: run cast_u16(np.float64(-inf))
# pyaot: run cast_u16(np.float64(1e30))
# pyaot: run cast_u16(np.float64(2.0**63))
# pyaot: run cast_u16(np.float64(-2.5))
# pyaot: run cast_u16(np.float64(1e10))
# pyaot: run cast_u16(np.float64(-2147483648.9))
# pyaot: run cast_u16(np.float64(4294967296.5))
# pyaot: run cast_u16(np.float64(-9.3e18))
# pyaot: run py_u16(-1.0)
# pyaot: run full_u16(2, -1.0)
# pyaot: run py_u16(300.7)
# pyaot: run full_u16(2, 300.7)
# pyaot: run py_u16(nan)
# pyaot: run full_u16(2, nan)
# pyaot: run py_u16(-2.5)
# pyaot: run full_u16(2, -2.5)
# pyaot: run py_u16(1e10)
# pyaot: run full_u16(2, 1e10)
# pyaot: run cast32_u16(np.float32(-3.5))
# pyaot: run cast32_u16(np.float32(3e38))
# pyaot: run cast_u32(np.float64(-1.0))
# pyaot: run cast_u32(np.float64(300.7))
# pyaot: run cast_u32(np.float64(nan))
# pyaot: run cast_u32(np.float64(inf))
# pyaot: run cast_u32(np.float64(-inf))
# pyaot: run cast_u32(np.float64(1e30))
# pyaot: run cast_u32(np.float64(2.0**63))
# pyaot: run cast_u32(np.float64(-2.5))
# pyaot: run cast_u32(np.float64(1e10))
# pyaot: run cast_u32(np.float64(-2147483648.9))
# pyaot: run cast_u32(np.float64(4294967296.5))
# pyaot: run cast_u32(np.float64(-9.3e18))
# pyaot: run py_u32(-1.0)
# pyaot: run full_u32(2, -1.0)
# pyaot: run py_u32(300.7)
# pyaot: run full_u32(2, 300.7)
# pyaot: run py_u32(nan)
# pyaot: run full_u32(2, nan)
# pyaot: run py_u32(-2.5)
# pyaot: run full_u32(2, -2.5)
# pyaot: run py_u32(1e10)
# pyaot: run full_u32(2, 1e10)
# pyaot: run cast32_u32(np.float32(-3.5))
# pyaot: run cast32_u32(np.float32(3e38))
# pyaot: run cast_u64(np.float64(-1.0))
# pyaot: run cast_u64(np.float64(300.7))
# pyaot: run cast_u64(np.float64(nan))
# pyaot: run cast_u64(np.float64(inf))
# pyaot: run cast_u64(np.float64(-inf))
# pyaot: run cast_u64(np.float64(1e30))
# pyaot: run cast_u64(np.float64(2.0**63))
# pyaot: run cast_u64(np.float64(-2.5))
# pyaot: run cast_u64(np.float64(1e10))
# pyaot: run cast_u64(np.float64(-2147483648.9))
# pyaot: run cast_u64(np.float64(4294967296.5))
# pyaot: run cast_u64(np.float64(-9.3e18))
# pyaot: run py_u64(-1.0)
# pyaot: run full_u64(2, -1.0)
# pyaot: run py_u64(300.7)
# pyaot: run full_u64(2, 300.7)
# pyaot: run py_u64(nan)
# pyaot: run full_u64(2, nan)
# pyaot: run py_u64(-2.5)
# pyaot: run full_u64(2, -2.5)
# pyaot: run py_u64(1e10)
# pyaot: run full_u64(2, 1e10)
# pyaot: run py_u64(9.223372036854776e+18)
# pyaot: run py_u64(1.8446744073709550e+19)
# pyaot: run py_u64(1.8446744073709552e+19)
# pyaot: run py_u64(-0.5)
# pyaot: run ndim_unbound(True)
# pyaot: check raises(UnboundLocalError, m.ndim_unbound, False)
# pyaot: run cast32_u64(np.float32(-3.5))
# pyaot: run cast32_u64(np.float32(3e38))
import numpy as np
from pyaot import f32, f64, i8, i16, i32, i64, u8, u16, u32, u64


def cast_i8(x: f64) -> i8:
    return np.int8(x)


def cast32_i8(x: f32) -> i8:
    return np.int8(x)


def py_i8(x: float) -> i8:
    return np.int8(x)


def full_i8(n: int, x: float) -> i8[:]:
    return np.full(n, x, dtype=np.int8)


def cast_i16(x: f64) -> i16:
    return np.int16(x)


def cast32_i16(x: f32) -> i16:
    return np.int16(x)


def py_i16(x: float) -> i16:
    return np.int16(x)


def full_i16(n: int, x: float) -> i16[:]:
    return np.full(n, x, dtype=np.int16)


def cast_i32(x: f64) -> i32:
    return np.int32(x)


def cast32_i32(x: f32) -> i32:
    return np.int32(x)


def py_i32(x: float) -> i32:
    return np.int32(x)


def full_i32(n: int, x: float) -> i32[:]:
    return np.full(n, x, dtype=np.int32)


def cast_i64(x: f64) -> i64:
    return np.int64(x)


def cast32_i64(x: f32) -> i64:
    return np.int64(x)


def py_i64(x: float) -> i64:
    return np.int64(x)


def full_i64(n: int, x: float) -> i64[:]:
    return np.full(n, x, dtype=np.int64)


def cast_u8(x: f64) -> u8:
    return np.uint8(x)


def cast32_u8(x: f32) -> u8:
    return np.uint8(x)


def py_u8(x: float) -> u8:
    return np.uint8(x)


def full_u8(n: int, x: float) -> u8[:]:
    return np.full(n, x, dtype=np.uint8)


def cast_u16(x: f64) -> u16:
    return np.uint16(x)


def cast32_u16(x: f32) -> u16:
    return np.uint16(x)


def py_u16(x: float) -> u16:
    return np.uint16(x)


def full_u16(n: int, x: float) -> u16[:]:
    return np.full(n, x, dtype=np.uint16)


def cast_u32(x: f64) -> u32:
    return np.uint32(x)


def cast32_u32(x: f32) -> u32:
    return np.uint32(x)


def py_u32(x: float) -> u32:
    return np.uint32(x)


def full_u32(n: int, x: float) -> u32[:]:
    return np.full(n, x, dtype=np.uint32)


def cast_u64(x: f64) -> u64:
    return np.uint64(x)


def cast32_u64(x: f32) -> u64:
    return np.uint64(x)


def py_u64(x: float) -> u64:
    return np.uint64(x)


def full_u64(n: int, x: float) -> u64[:]:
    return np.full(n, x, dtype=np.uint64)


def ndim_unbound(make: bool) -> int:
    if make:
        v = np.zeros((2, 3))
    return v.ndim
