# Every pair of array dtypes with a complex one under `x + y * y` (`x * y` with a bool array), and
# complex arrays with Python and NumPy scalars: the result dtypes are NumPy's result_type (the
# return annotations were written out from NumPy by a script), and so are the values.
# pyaot: run pair_b1_c64(np.array([0, 1, 1, 0, 1, 1], np.bool), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_b1_c128(np.array([0, 1, 1, 0, 1, 1], np.bool), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_i8_c64(np.array([7, 1, 0, 100, 127, 5], np.int8), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_i8_c128(np.array([7, 1, 0, 100, 127, 5], np.int8), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_i16_c64(np.array([7, 1, 0, 100, 127, 5], np.int16), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_i16_c128(np.array([7, 1, 0, 100, 127, 5], np.int16), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_i32_c64(np.array([7, 1, 0, 100, 127, 5], np.int32), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_i32_c128(np.array([7, 1, 0, 100, 127, 5], np.int32), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_i64_c64(np.array([7, 1, 0, 100, 127, 5], np.int64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_i64_c128(np.array([7, 1, 0, 100, 127, 5], np.int64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_u8_c64(np.array([7, 1, 0, 100, 127, 5], np.uint8), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_u8_c128(np.array([7, 1, 0, 100, 127, 5], np.uint8), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_u16_c64(np.array([7, 1, 0, 100, 127, 5], np.uint16), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_u16_c128(np.array([7, 1, 0, 100, 127, 5], np.uint16), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_u32_c64(np.array([7, 1, 0, 100, 127, 5], np.uint32), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_u32_c128(np.array([7, 1, 0, 100, 127, 5], np.uint32), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_u64_c64(np.array([7, 1, 0, 100, 127, 5], np.uint64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_u64_c128(np.array([7, 1, 0, 100, 127, 5], np.uint64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_f32_c64(np.array([7.5, 1, -0.0, 100, 127, 5], np.float32), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_f32_c128(np.array([7.5, 1, -0.0, 100, 127, 5], np.float32), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_f64_c64(np.array([7.5, 1, -0.0, 100, 127, 5], np.float64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_f64_c128(np.array([7.5, 1, -0.0, 100, 127, 5], np.float64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_c64_b1(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([0, 1, 1, 0, 1, 1], np.bool)[::-1])
# pyaot: run pair_c64_i8(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run pair_c64_i16(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run pair_c64_i32(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run pair_c64_i64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run pair_c64_u8(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run pair_c64_u16(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run pair_c64_u32(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run pair_c64_u64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run pair_c64_f32(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7.5, 1, -0.0, 100, 127, 5], np.float32)[::-1])
# pyaot: run pair_c64_f64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7.5, 1, -0.0, 100, 127, 5], np.float64)[::-1])
# pyaot: run pair_c64_c64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_c64_c128(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run pair_c128_b1(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([0, 1, 1, 0, 1, 1], np.bool)[::-1])
# pyaot: run pair_c128_i8(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run pair_c128_i16(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run pair_c128_i32(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run pair_c128_i64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run pair_c128_u8(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run pair_c128_u16(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run pair_c128_u32(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run pair_c128_u64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run pair_c128_f32(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7.5, 1, -0.0, 100, 127, 5], np.float32)[::-1])
# pyaot: run pair_c128_f64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7.5, 1, -0.0, 100, 127, 5], np.float64)[::-1])
# pyaot: run pair_c128_c64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64)[::-1])
# pyaot: run pair_c128_c128(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128), np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128)[::-1])
# pyaot: run scalars_b1(np.array([0, 1, 1, 0, 1, 1], np.bool))
# pyaot: run scalars_i8(np.array([7, 1, 0, 100, 127, 5], np.int8))
# pyaot: run scalars_u16(np.array([7, 1, 0, 100, 127, 5], np.uint16))
# pyaot: run scalars_i64(np.array([7, 1, 0, 100, 127, 5], np.int64))
# pyaot: run scalars_f32(np.array([7.5, 1, -0.0, 100, 127, 5], np.float32))
# pyaot: run scalars_f64(np.array([7.5, 1, -0.0, 100, 127, 5], np.float64))
# pyaot: run scalars_c64(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex64))
# pyaot: run scalars_c128(np.array([7.5 + 1j, 1, -2j, 100, 127 - 0.5j, 5], np.complex128))
import numpy as np
from pyaot import b1, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, c64, c128

def pair_b1_c64(x: b1[:], y: c64[:]) -> c64[:]:
    return x * y

def pair_b1_c128(x: b1[:], y: c128[:]) -> c128[:]:
    return x * y

def pair_i8_c64(x: i8[:], y: c64[:]) -> c64[:]:
    return x + y * y

def pair_i8_c128(x: i8[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_i16_c64(x: i16[:], y: c64[:]) -> c64[:]:
    return x + y * y

def pair_i16_c128(x: i16[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_i32_c64(x: i32[:], y: c64[:]) -> c128[:]:
    return x + y * y

def pair_i32_c128(x: i32[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_i64_c64(x: i64[:], y: c64[:]) -> c128[:]:
    return x + y * y

def pair_i64_c128(x: i64[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_u8_c64(x: u8[:], y: c64[:]) -> c64[:]:
    return x + y * y

def pair_u8_c128(x: u8[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_u16_c64(x: u16[:], y: c64[:]) -> c64[:]:
    return x + y * y

def pair_u16_c128(x: u16[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_u32_c64(x: u32[:], y: c64[:]) -> c128[:]:
    return x + y * y

def pair_u32_c128(x: u32[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_u64_c64(x: u64[:], y: c64[:]) -> c128[:]:
    return x + y * y

def pair_u64_c128(x: u64[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_f32_c64(x: f32[:], y: c64[:]) -> c64[:]:
    return x + y * y

def pair_f32_c128(x: f32[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_f64_c64(x: f64[:], y: c64[:]) -> c128[:]:
    return x + y * y

def pair_f64_c128(x: f64[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_c64_b1(x: c64[:], y: b1[:]) -> c64[:]:
    return x * y

def pair_c64_i8(x: c64[:], y: i8[:]) -> c64[:]:
    return x + y * y

def pair_c64_i16(x: c64[:], y: i16[:]) -> c64[:]:
    return x + y * y

def pair_c64_i32(x: c64[:], y: i32[:]) -> c128[:]:
    return x + y * y

def pair_c64_i64(x: c64[:], y: i64[:]) -> c128[:]:
    return x + y * y

def pair_c64_u8(x: c64[:], y: u8[:]) -> c64[:]:
    return x + y * y

def pair_c64_u16(x: c64[:], y: u16[:]) -> c64[:]:
    return x + y * y

def pair_c64_u32(x: c64[:], y: u32[:]) -> c128[:]:
    return x + y * y

def pair_c64_u64(x: c64[:], y: u64[:]) -> c128[:]:
    return x + y * y

def pair_c64_f32(x: c64[:], y: f32[:]) -> c64[:]:
    return x + y * y

def pair_c64_f64(x: c64[:], y: f64[:]) -> c128[:]:
    return x + y * y

def pair_c64_c64(x: c64[:], y: c64[:]) -> c64[:]:
    return x + y * y

def pair_c64_c128(x: c64[:], y: c128[:]) -> c128[:]:
    return x + y * y

def pair_c128_b1(x: c128[:], y: b1[:]) -> c128[:]:
    return x * y

def pair_c128_i8(x: c128[:], y: i8[:]) -> c128[:]:
    return x + y * y

def pair_c128_i16(x: c128[:], y: i16[:]) -> c128[:]:
    return x + y * y

def pair_c128_i32(x: c128[:], y: i32[:]) -> c128[:]:
    return x + y * y

def pair_c128_i64(x: c128[:], y: i64[:]) -> c128[:]:
    return x + y * y

def pair_c128_u8(x: c128[:], y: u8[:]) -> c128[:]:
    return x + y * y

def pair_c128_u16(x: c128[:], y: u16[:]) -> c128[:]:
    return x + y * y

def pair_c128_u32(x: c128[:], y: u32[:]) -> c128[:]:
    return x + y * y

def pair_c128_u64(x: c128[:], y: u64[:]) -> c128[:]:
    return x + y * y

def pair_c128_f32(x: c128[:], y: f32[:]) -> c128[:]:
    return x + y * y

def pair_c128_f64(x: c128[:], y: f64[:]) -> c128[:]:
    return x + y * y

def pair_c128_c64(x: c128[:], y: c64[:]) -> c128[:]:
    return x + y * y

def pair_c128_c128(x: c128[:], y: c128[:]) -> c128[:]:
    return x + y * y

def scalars_b1(x: b1[:]) -> tuple[c128[:], c64[:], c128[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j)

def scalars_i8(x: i8[:]) -> tuple[c128[:], c64[:], c128[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j)

def scalars_u16(x: u16[:]) -> tuple[c128[:], c64[:], c128[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j)

def scalars_i64(x: i64[:]) -> tuple[c128[:], c128[:], c128[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j)

def scalars_f32(x: f32[:]) -> tuple[c64[:], c64[:], c128[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j)

def scalars_f64(x: f64[:]) -> tuple[c128[:], c128[:], c128[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j)

def scalars_c64(x: c64[:]) -> tuple[c64[:], c64[:], c128[:], c64[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j), x * 2.5

def scalars_c128(x: c128[:]) -> tuple[c128[:], c128[:], c128[:], c128[:]]:
    return x * 1j, x + np.complex64(1 + 1j), x - np.complex128(2j), x * 2.5
