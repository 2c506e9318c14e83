# Stores convert as NumPy's item assignment does:
# - a fixed-width integer out of a signed element type's range raises OverflowError, also when
#   it was computed (`a_i8[0] = b_i16[0] * 2`); unsigned element types wrap;
# - a fixed-width float stored into an unsigned element type is cast without error (NaN, inf and
#   out-of-range values give what NumPy's C cast gives on x86-64), while a Python float converts
#   like int(x) and must fit;
# - fixed-width integers, u64 at or above 2**63 included, convert to float exactly as NumPy does.
# Operands are evaluated left to right before a conversion that combines them can raise.
import math

import numpy as np
from pyaot import f32, f64, i8, i16, i32, i64, u8, u16, u32, u64

# pyaot: run st_i8(np.zeros(2, np.int8), np.int16(300))
# pyaot: run st_i8(np.zeros(2, np.int8), np.int16(-129))
# pyaot: run st_i8(np.zeros(2, np.int8), np.int16(-128))
# pyaot: run st_i8(np.zeros(2, np.int8), np.int16(127))
# pyaot: run st_i32(np.zeros(2, np.int32), np.int64(2**40))
# pyaot: run st_i32(np.zeros(2, np.int32), np.int64(-2**31))
# pyaot: run st_i32(np.zeros(2, np.int32), np.int64(-2**31 - 1))
# pyaot: run st_i32_u64(np.zeros(2, np.int32), np.uint64(2**64 - 1))
# pyaot: run st_i32_u64(np.zeros(2, np.int32), np.uint64(2**31 - 1))
# pyaot: run st_i32_u64(np.zeros(2, np.int32), np.uint64(2**31))
# pyaot: run st_i64_u64(np.zeros(2, np.int64), np.uint64(2**63))
# pyaot: run st_i64_u64(np.zeros(2, np.int64), np.uint64(2**63 - 1))
# pyaot: run st_i16_u16(np.zeros(2, np.int16), np.uint16(65535))
# pyaot: run st_u8_i64(np.zeros(2, np.uint8), np.int64(-1))
# pyaot: run st_u8_i64(np.zeros(2, np.uint8), np.int64(300))
# pyaot: run st_u32_i64(np.zeros(2, np.uint32), np.int64(-2**40 - 5))
# pyaot: run st_u64_i8(np.zeros(2, np.uint64), np.int8(-1))
# pyaot: run st_computed(np.zeros(2, np.int8), np.array([100, 3], np.int16))
# pyaot: run st_computed(np.zeros(2, np.int8), np.array([-64, 3], np.int16))
# pyaot: run st_computed(np.zeros(2, np.int8), np.array([-65, 3], np.int16))
# pyaot: run st_aug_i8(np.array([100, 0], np.int8), np.int16(100))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(-1.0))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(300.0))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(nan))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(inf))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(-inf))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(1e30))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(-2.5))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(1e10))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(2147483647.9))
# pyaot: run st_u8f(np.zeros(2, np.uint8), np.float64(-2147483648.9))
# pyaot: run st_u16f(np.zeros(2, np.uint16), np.float64(-1.0))
# pyaot: run st_u16f(np.zeros(2, np.uint16), np.float64(1e10))
# pyaot: run st_u16f(np.zeros(2, np.uint16), np.float64(70000.7))
# pyaot: run st_u32f(np.zeros(2, np.uint32), np.float64(1e10))
# pyaot: run st_u32f(np.zeros(2, np.uint32), np.float64(nan))
# pyaot: run st_u32f(np.zeros(2, np.uint32), np.float64(-3.5))
# pyaot: run st_u32f(np.zeros(2, np.uint32), np.float64(-9.3e18))
# pyaot: run st_u32f(np.zeros(2, np.uint32), np.float64(9.3e18))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(-1.0))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(nan))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(inf))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(-inf))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(1e30))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(-1e30))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(2.0**63))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(2.0**64))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(1.8e19))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(-9.2e18))
# pyaot: run st_u64f(np.zeros(2, np.uint64), np.float64(-9.3e18))
# pyaot: run st_u64f32(np.zeros(2, np.uint64), np.float32(-1.5))
# pyaot: run st_u64f32(np.zeros(2, np.uint64), np.float32(3e38))
# pyaot: run st_u8f32(np.zeros(2, np.uint8), np.float32(257.9))
# pyaot: run st_u8f32(np.zeros(2, np.uint8), np.float32(nan))
# pyaot: run st_u64_aug(np.zeros(2, np.uint64), 1e30)
# pyaot: run st_u64_aug(np.array([5, 7], np.uint64), -10.5)
# pyaot: run st_u8_py(np.zeros(2, np.uint8), -1.0)
# pyaot: run st_u8_py(np.zeros(2, np.uint8), 300.0)
# pyaot: run st_u8_py(np.zeros(2, np.uint8), 200.7)
# pyaot: run st_u8_py(np.zeros(2, np.uint8), nan)
# pyaot: run st_u8_py(np.zeros(2, np.uint8), inf)
# pyaot: run st_i8f(np.zeros(2, np.int8), np.float64(-1.0))
# pyaot: run st_i8f(np.zeros(2, np.int8), np.float64(300.0))
# pyaot: run st_i8f(np.zeros(2, np.int8), np.float64(nan))
# pyaot: run sqrt_u64(np.uint64(2**63))
# pyaot: run sqrt_u64(np.uint64(2**64 - 1))
# pyaot: run sqrt_u64(np.uint64(0))
# pyaot: run float_u64(np.array([2**64 - 1, 2**63, 2**63 - 1, 0], np.uint64))
# pyaot: run float_i64(np.array([2**63 - 1, -2**63, 3], np.int64))
# pyaot: run isnan_u64(np.uint64(2**63))
# pyaot: run truth_u64(np.uint64(2**64 - 1))
# pyaot: run truth_u64(np.uint64(0))
# pyaot: run float_of_invert()
# pyaot: run mixed_u64(np.uint64(2**64 - 1), 0.5)
# pyaot: run order_mul(np.zeros(1, np.int8))
# pyaot: run order_mul(np.zeros(6, np.int8))
# pyaot: run order_add(np.zeros(1, np.int8))
# pyaot: run order_div(np.zeros(3, np.int8), 2)
# pyaot: run order_store(np.zeros(1, np.int8), np.zeros(1, np.int8))
# pyaot: run order_compare(np.zeros(2, np.int8), 1)
# pyaot: run order_compare(np.zeros(2, np.int8), 5)
# pyaot: run order_chain(np.zeros(2, np.int8), 7)
# pyaot: run order_big_compare(np.zeros(1, np.int8))
# `a[i] = v` evaluates v first, then a and i; the element is found (IndexError) before v converts.
# pyaot: run store_value_first(np.zeros(2, np.int8), 0)
# pyaot: run store_value_first(np.zeros(2, np.int8), 3)
# pyaot: run store_index_then_convert(np.zeros(1, np.int8), 5)
# pyaot: run store_index_then_convert(np.zeros(1, np.int8), 0)
# pyaot: run store_nan_out_of_bounds(np.zeros(1, np.int8), np.float64(nan))
# pyaot: run store_pow_first(np.zeros(0, np.int8))
# pyaot: run pow_u64(np.uint64(3), np.uint64(2**64 - 2))
# Explicit conversions (`int(x)`, `np.int8(x)`) happen where they stand, before later operands.
# pyaot: run store_explicit_first(np.zeros((2, 1), np.uint16), np.float32(nan))
# pyaot: run explicit_operand_first(np.zeros(1, np.int8))
# pyaot: run explicit_int_first(np.zeros(1, np.int8), nan)
# `a[i] += v` evaluates a, then i (found by the differential fuzzer).
# pyaot: run aug_array_first(True, 1)
# pyaot: check raises(UnboundLocalError, m.aug_array_first, False, 2**62)
# pyaot: run pow_u64(np.uint64(2**64 - 1), np.uint64(2**63 + 1))
# pyaot: run pow_u64(np.uint64(7), np.uint64(0))


def st_i8(a: i8[:], x: i16) -> None:
    a[0] = x


def st_i32(a: i32[:], x: i64) -> None:
    a[0] = x


def st_i32_u64(a: i32[:], x: u64) -> None:
    a[1] = x


def st_i64_u64(a: i64[:], x: u64) -> None:
    a[0] = x


def st_i16_u16(a: i16[:], x: u16) -> None:
    a[0] = x


def st_u8_i64(a: u8[:], x: i64) -> None:
    a[0] = x


def st_u32_i64(a: u32[:], x: i64) -> None:
    a[0] = x


def st_u64_i8(a: u64[:], x: i8) -> None:
    a[0] = x


def st_computed(a: i8[:], b: i16[:]) -> None:
    a[1] = b[1]
    a[0] = b[0] * 2


def st_aug_i8(a: i8[:], x: i16) -> None:
    a[0] += x


def st_u8f(a: u8[:], x: f64) -> None:
    a[0] = x


def st_u16f(a: u16[:], x: f64) -> None:
    a[0] = x


def st_u32f(a: u32[:], x: f64) -> None:
    a[0] = x


def st_u64f(a: u64[:], x: f64) -> None:
    a[0] = x


def st_u64f32(a: u64[:], x: f32) -> None:
    a[1] = x


def st_u8f32(a: u8[:], x: f32) -> None:
    a[1] = x


def st_u64_aug(a: u64[:], x: float) -> None:
    a[0] += x


def st_u8_py(a: u8[:], x: float) -> None:
    a[0] = x


def st_i8f(a: i8[:], x: f64) -> None:
    a[0] = x


def sqrt_u64(x: u64) -> float:
    return math.sqrt(x)


def float_u64(a: u64[:]) -> tuple[float, float, float, float]:
    return float(a[0]), float(a[1]), float(a[2]), float(a[3])


def float_i64(a: i64[:]) -> tuple[float, float, float]:
    return float(a[0]), float(a[1]), float(a[2])


def isnan_u64(x: u64) -> bool:
    return math.isnan(x) or math.isinf(x)


def mixed_u64(x: u64, y: float) -> float:
    return float(x) * y + math.floor(float(x) / 4.0)


def order_mul(a: i8[:]) -> int:
    return 1000 * a[5]


def order_add(a: i8[:]) -> int:
    return 200 + a[3]


def order_div(a: i8[:], k: int) -> int:
    return a[k // 0]


def order_store(a: i8[:], b: i8[:]) -> None:
    b[0] = 300 - a[4]


def order_compare(a: i8[:], k: int) -> bool:
    return 1 + a[0] < a[k]


def order_chain(a: i8[:], k: int) -> bool:
    return a[0] - 1 < a[1] <= a[k]


def order_big_compare(a: i8[:]) -> bool:
    return 1000 < a[5]


def truth_u64(x: u64) -> int:
    n = 0
    while bool(x) and n < 3:
        n += 1
    return n + int(bool(~x))


def float_of_invert() -> float:
    return float(~np.uint64(1))


def store_value_first(a: i8[:], k: int) -> None:
    a[10 // k] = np.int8(1) ** np.int8(-1)


def store_index_then_convert(a: i8[:], k: int) -> None:
    a[k] = 300


def store_nan_out_of_bounds(a: i8[:], x: f64) -> None:
    a[5] = x


def store_pow_first(a: i8[:]) -> None:
    a[32768 * 9223372036854775806] = np.int8(5) ** np.int8(-1)


def pow_u64(x: u64, y: u64) -> u64:
    return x ** y


def store_explicit_first(a: u16[:, :], x: f32) -> None:
    a[0, 1] = int(x)


def explicit_operand_first(a: i8[:]) -> int:
    return np.int8(1000) * a[5]


def explicit_int_first(a: i8[:], x: float) -> int:
    return int(x) * a[5]


def aug_array_first(make: bool, k: int) -> float:
    if make:
        v = np.zeros(3)
    v[(k + k + 5) % 3] += 1.5
    return v[1] + v[2]
