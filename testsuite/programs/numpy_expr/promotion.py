# Every pair of array dtypes under `x + y * y` (`x + y` with a bool array; y reversed, so a negative stride): the result
# dtypes are NumPy's result_type (the return annotations were written out from NumPy by a
# script), and so are the values, wrapping and bool-to-number conversion included.
# pyaot: run add_b1_i8(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_b1_i16(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_b1_i32(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_b1_i64(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_b1_u8(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_b1_u16(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_b1_u32(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_b1_u64(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_b1_f32(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_b1_f64(np.array([0, 1, 1, 0, 1, 1], np.bool_), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_i8_b1(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_i8_i8(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_i8_i16(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_i8_i32(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_i8_i64(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_i8_u8(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_i8_u16(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_i8_u32(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_i8_u64(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_i8_f32(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_i8_f64(np.array([0, 1, 2, 100, 127, 3], np.int8), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_i16_b1(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_i16_i8(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_i16_i16(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_i16_i32(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_i16_i64(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_i16_u8(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_i16_u16(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_i16_u32(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_i16_u64(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_i16_f32(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_i16_f64(np.array([0, 1, 2, 100, 127, 3], np.int16), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_i32_b1(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_i32_i8(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_i32_i16(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_i32_i32(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_i32_i64(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_i32_u8(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_i32_u16(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_i32_u32(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_i32_u64(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_i32_f32(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_i32_f64(np.array([0, 1, 2, 100, 127, 3], np.int32), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_i64_b1(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_i64_i8(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_i64_i16(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_i64_i32(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_i64_i64(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_i64_u8(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_i64_u16(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_i64_u32(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_i64_u64(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_i64_f32(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_i64_f64(np.array([0, 1, 2, 100, 127, 3], np.int64), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_u8_b1(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_u8_i8(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_u8_i16(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_u8_i32(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_u8_i64(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_u8_u8(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_u8_u16(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_u8_u32(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_u8_u64(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_u8_f32(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_u8_f64(np.array([0, 1, 2, 100, 127, 3], np.uint8), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_u16_b1(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_u16_i8(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_u16_i16(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_u16_i32(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_u16_i64(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_u16_u8(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_u16_u16(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_u16_u32(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_u16_u64(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_u16_f32(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_u16_f64(np.array([0, 1, 2, 100, 127, 3], np.uint16), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_u32_b1(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_u32_i8(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_u32_i16(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_u32_i32(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_u32_i64(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_u32_u8(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_u32_u16(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_u32_u32(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_u32_u64(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_u32_f32(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_u32_f64(np.array([0, 1, 2, 100, 127, 3], np.uint32), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_u64_b1(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_u64_i8(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_u64_i16(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_u64_i32(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_u64_i64(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_u64_u8(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_u64_u16(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_u64_u32(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_u64_u64(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_u64_f32(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_u64_f64(np.array([0, 1, 2, 100, 127, 3], np.uint64), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_f32_b1(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_f32_i8(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_f32_i16(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_f32_i32(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_f32_i64(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_f32_u8(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_f32_u16(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_f32_u32(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_f32_u64(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_f32_f32(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_f32_f64(np.array([0, 1, 2, 100, 127, 3], np.float32), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
# pyaot: run add_f64_b1(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([1, 0, 1, 1, 0, 1], np.bool_)[::-1])
# pyaot: run add_f64_i8(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.int8)[::-1])
# pyaot: run add_f64_i16(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.int16)[::-1])
# pyaot: run add_f64_i32(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.int32)[::-1])
# pyaot: run add_f64_i64(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.int64)[::-1])
# pyaot: run add_f64_u8(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.uint8)[::-1])
# pyaot: run add_f64_u16(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.uint16)[::-1])
# pyaot: run add_f64_u32(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.uint32)[::-1])
# pyaot: run add_f64_u64(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.uint64)[::-1])
# pyaot: run add_f64_f32(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.float32)[::-1])
# pyaot: run add_f64_f64(np.array([0, 1, 2, 100, 127, 3], np.float64), np.array([7, 1, 0, 100, 127, 5], np.float64)[::-1])
from pyaot import b1, f32, f64, i8, i16, i32, i64, u8, u16, u32, u64


def add_b1_i8(x: b1[:], y: i8[:]) -> i8[:]:
    return x + y


def add_b1_i16(x: b1[:], y: i16[:]) -> i16[:]:
    return x + y


def add_b1_i32(x: b1[:], y: i32[:]) -> i32[:]:
    return x + y


def add_b1_i64(x: b1[:], y: i64[:]) -> i64[:]:
    return x + y


def add_b1_u8(x: b1[:], y: u8[:]) -> u8[:]:
    return x + y


def add_b1_u16(x: b1[:], y: u16[:]) -> u16[:]:
    return x + y


def add_b1_u32(x: b1[:], y: u32[:]) -> u32[:]:
    return x + y


def add_b1_u64(x: b1[:], y: u64[:]) -> u64[:]:
    return x + y


def add_b1_f32(x: b1[:], y: f32[:]) -> f32[:]:
    return x + y


def add_b1_f64(x: b1[:], y: f64[:]) -> f64[:]:
    return x + y


def add_i8_b1(x: i8[:], y: b1[:]) -> i8[:]:
    return x + y


def add_i8_i8(x: i8[:], y: i8[:]) -> i8[:]:
    return x + y * y


def add_i8_i16(x: i8[:], y: i16[:]) -> i16[:]:
    return x + y * y


def add_i8_i32(x: i8[:], y: i32[:]) -> i32[:]:
    return x + y * y


def add_i8_i64(x: i8[:], y: i64[:]) -> i64[:]:
    return x + y * y


def add_i8_u8(x: i8[:], y: u8[:]) -> i16[:]:
    return x + y * y


def add_i8_u16(x: i8[:], y: u16[:]) -> i32[:]:
    return x + y * y


def add_i8_u32(x: i8[:], y: u32[:]) -> i64[:]:
    return x + y * y


def add_i8_u64(x: i8[:], y: u64[:]) -> f64[:]:
    return x + y * y


def add_i8_f32(x: i8[:], y: f32[:]) -> f32[:]:
    return x + y * y


def add_i8_f64(x: i8[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_i16_b1(x: i16[:], y: b1[:]) -> i16[:]:
    return x + y


def add_i16_i8(x: i16[:], y: i8[:]) -> i16[:]:
    return x + y * y


def add_i16_i16(x: i16[:], y: i16[:]) -> i16[:]:
    return x + y * y


def add_i16_i32(x: i16[:], y: i32[:]) -> i32[:]:
    return x + y * y


def add_i16_i64(x: i16[:], y: i64[:]) -> i64[:]:
    return x + y * y


def add_i16_u8(x: i16[:], y: u8[:]) -> i16[:]:
    return x + y * y


def add_i16_u16(x: i16[:], y: u16[:]) -> i32[:]:
    return x + y * y


def add_i16_u32(x: i16[:], y: u32[:]) -> i64[:]:
    return x + y * y


def add_i16_u64(x: i16[:], y: u64[:]) -> f64[:]:
    return x + y * y


def add_i16_f32(x: i16[:], y: f32[:]) -> f32[:]:
    return x + y * y


def add_i16_f64(x: i16[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_i32_b1(x: i32[:], y: b1[:]) -> i32[:]:
    return x + y


def add_i32_i8(x: i32[:], y: i8[:]) -> i32[:]:
    return x + y * y


def add_i32_i16(x: i32[:], y: i16[:]) -> i32[:]:
    return x + y * y


def add_i32_i32(x: i32[:], y: i32[:]) -> i32[:]:
    return x + y * y


def add_i32_i64(x: i32[:], y: i64[:]) -> i64[:]:
    return x + y * y


def add_i32_u8(x: i32[:], y: u8[:]) -> i32[:]:
    return x + y * y


def add_i32_u16(x: i32[:], y: u16[:]) -> i32[:]:
    return x + y * y


def add_i32_u32(x: i32[:], y: u32[:]) -> i64[:]:
    return x + y * y


def add_i32_u64(x: i32[:], y: u64[:]) -> f64[:]:
    return x + y * y


def add_i32_f32(x: i32[:], y: f32[:]) -> f64[:]:
    return x + y * y


def add_i32_f64(x: i32[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_i64_b1(x: i64[:], y: b1[:]) -> i64[:]:
    return x + y


def add_i64_i8(x: i64[:], y: i8[:]) -> i64[:]:
    return x + y * y


def add_i64_i16(x: i64[:], y: i16[:]) -> i64[:]:
    return x + y * y


def add_i64_i32(x: i64[:], y: i32[:]) -> i64[:]:
    return x + y * y


def add_i64_i64(x: i64[:], y: i64[:]) -> i64[:]:
    return x + y * y


def add_i64_u8(x: i64[:], y: u8[:]) -> i64[:]:
    return x + y * y


def add_i64_u16(x: i64[:], y: u16[:]) -> i64[:]:
    return x + y * y


def add_i64_u32(x: i64[:], y: u32[:]) -> i64[:]:
    return x + y * y


def add_i64_u64(x: i64[:], y: u64[:]) -> f64[:]:
    return x + y * y


def add_i64_f32(x: i64[:], y: f32[:]) -> f64[:]:
    return x + y * y


def add_i64_f64(x: i64[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_u8_b1(x: u8[:], y: b1[:]) -> u8[:]:
    return x + y


def add_u8_i8(x: u8[:], y: i8[:]) -> i16[:]:
    return x + y * y


def add_u8_i16(x: u8[:], y: i16[:]) -> i16[:]:
    return x + y * y


def add_u8_i32(x: u8[:], y: i32[:]) -> i32[:]:
    return x + y * y


def add_u8_i64(x: u8[:], y: i64[:]) -> i64[:]:
    return x + y * y


def add_u8_u8(x: u8[:], y: u8[:]) -> u8[:]:
    return x + y * y


def add_u8_u16(x: u8[:], y: u16[:]) -> u16[:]:
    return x + y * y


def add_u8_u32(x: u8[:], y: u32[:]) -> u32[:]:
    return x + y * y


def add_u8_u64(x: u8[:], y: u64[:]) -> u64[:]:
    return x + y * y


def add_u8_f32(x: u8[:], y: f32[:]) -> f32[:]:
    return x + y * y


def add_u8_f64(x: u8[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_u16_b1(x: u16[:], y: b1[:]) -> u16[:]:
    return x + y


def add_u16_i8(x: u16[:], y: i8[:]) -> i32[:]:
    return x + y * y


def add_u16_i16(x: u16[:], y: i16[:]) -> i32[:]:
    return x + y * y


def add_u16_i32(x: u16[:], y: i32[:]) -> i32[:]:
    return x + y * y


def add_u16_i64(x: u16[:], y: i64[:]) -> i64[:]:
    return x + y * y


def add_u16_u8(x: u16[:], y: u8[:]) -> u16[:]:
    return x + y * y


def add_u16_u16(x: u16[:], y: u16[:]) -> u16[:]:
    return x + y * y


def add_u16_u32(x: u16[:], y: u32[:]) -> u32[:]:
    return x + y * y


def add_u16_u64(x: u16[:], y: u64[:]) -> u64[:]:
    return x + y * y


def add_u16_f32(x: u16[:], y: f32[:]) -> f32[:]:
    return x + y * y


def add_u16_f64(x: u16[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_u32_b1(x: u32[:], y: b1[:]) -> u32[:]:
    return x + y


def add_u32_i8(x: u32[:], y: i8[:]) -> i64[:]:
    return x + y * y


def add_u32_i16(x: u32[:], y: i16[:]) -> i64[:]:
    return x + y * y


def add_u32_i32(x: u32[:], y: i32[:]) -> i64[:]:
    return x + y * y


def add_u32_i64(x: u32[:], y: i64[:]) -> i64[:]:
    return x + y * y


def add_u32_u8(x: u32[:], y: u8[:]) -> u32[:]:
    return x + y * y


def add_u32_u16(x: u32[:], y: u16[:]) -> u32[:]:
    return x + y * y


def add_u32_u32(x: u32[:], y: u32[:]) -> u32[:]:
    return x + y * y


def add_u32_u64(x: u32[:], y: u64[:]) -> u64[:]:
    return x + y * y


def add_u32_f32(x: u32[:], y: f32[:]) -> f64[:]:
    return x + y * y


def add_u32_f64(x: u32[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_u64_b1(x: u64[:], y: b1[:]) -> u64[:]:
    return x + y


def add_u64_i8(x: u64[:], y: i8[:]) -> f64[:]:
    return x + y * y


def add_u64_i16(x: u64[:], y: i16[:]) -> f64[:]:
    return x + y * y


def add_u64_i32(x: u64[:], y: i32[:]) -> f64[:]:
    return x + y * y


def add_u64_i64(x: u64[:], y: i64[:]) -> f64[:]:
    return x + y * y


def add_u64_u8(x: u64[:], y: u8[:]) -> u64[:]:
    return x + y * y


def add_u64_u16(x: u64[:], y: u16[:]) -> u64[:]:
    return x + y * y


def add_u64_u32(x: u64[:], y: u32[:]) -> u64[:]:
    return x + y * y


def add_u64_u64(x: u64[:], y: u64[:]) -> u64[:]:
    return x + y * y


def add_u64_f32(x: u64[:], y: f32[:]) -> f64[:]:
    return x + y * y


def add_u64_f64(x: u64[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_f32_b1(x: f32[:], y: b1[:]) -> f32[:]:
    return x + y


def add_f32_i8(x: f32[:], y: i8[:]) -> f32[:]:
    return x + y * y


def add_f32_i16(x: f32[:], y: i16[:]) -> f32[:]:
    return x + y * y


def add_f32_i32(x: f32[:], y: i32[:]) -> f64[:]:
    return x + y * y


def add_f32_i64(x: f32[:], y: i64[:]) -> f64[:]:
    return x + y * y


def add_f32_u8(x: f32[:], y: u8[:]) -> f32[:]:
    return x + y * y


def add_f32_u16(x: f32[:], y: u16[:]) -> f32[:]:
    return x + y * y


def add_f32_u32(x: f32[:], y: u32[:]) -> f64[:]:
    return x + y * y


def add_f32_u64(x: f32[:], y: u64[:]) -> f64[:]:
    return x + y * y


def add_f32_f32(x: f32[:], y: f32[:]) -> f32[:]:
    return x + y * y


def add_f32_f64(x: f32[:], y: f64[:]) -> f64[:]:
    return x + y * y


def add_f64_b1(x: f64[:], y: b1[:]) -> f64[:]:
    return x + y


def add_f64_i8(x: f64[:], y: i8[:]) -> f64[:]:
    return x + y * y


def add_f64_i16(x: f64[:], y: i16[:]) -> f64[:]:
    return x + y * y


def add_f64_i32(x: f64[:], y: i32[:]) -> f64[:]:
    return x + y * y


def add_f64_i64(x: f64[:], y: i64[:]) -> f64[:]:
    return x + y * y


def add_f64_u8(x: f64[:], y: u8[:]) -> f64[:]:
    return x + y * y


def add_f64_u16(x: f64[:], y: u16[:]) -> f64[:]:
    return x + y * y


def add_f64_u32(x: f64[:], y: u32[:]) -> f64[:]:
    return x + y * y


def add_f64_u64(x: f64[:], y: u64[:]) -> f64[:]:
    return x + y * y


def add_f64_f32(x: f64[:], y: f32[:]) -> f64[:]:
    return x + y * y


def add_f64_f64(x: f64[:], y: f64[:]) -> f64[:]:
    return x + y * y
