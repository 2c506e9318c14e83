# Division of fixed-width scalars by zero follows NumPy, not Python: no ZeroDivisionError;
# floats give inf or nan, integers give 0 (NumPy warns; warnings are not compared).
# pyaot: run div_f64(np.float64(1.0), np.float64(0.0))
# pyaot: run div_f64(np.float64(-1.0), np.float64(0.0))
# pyaot: run div_f64(np.float64(0.0), np.float64(0.0))
# pyaot: run div_f32(np.float32(1.0), np.float32(-0.0))
# pyaot: run div_f64_py(np.float64(2.0), 0.0)
# pyaot: run floordiv_i32(np.int32(7), np.int32(0))
# pyaot: run mod_i32(np.int32(7), np.int32(0))
# pyaot: run floordiv_u8(np.uint8(7), np.uint8(0))
# pyaot: run normalize(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 3.0]))
# pyaot: run normalize(np.array([0.0, -2.0]), np.array([0.0, 0.0]))
from pyaot import f32, f64, i32, u8


def div_f64(x: f64, y: f64) -> f64:
    return x / y


def div_f32(x: f32, y: f32) -> f32:
    return x / y


def div_f64_py(x: f64, y: float) -> f64:
    return x / y


def floordiv_i32(x: i32, y: i32) -> i32:
    return x // y


def mod_i32(x: i32, y: i32) -> i32:
    return x % y


def floordiv_u8(x: u8, y: u8) -> u8:
    return x // y


def normalize(a: f64[:], b: f64[:]) -> None:
    for i in range(len(a)):
        a[i] = a[i] / b[i]
