//! NumPy's scalar rules as the C runtime implements them (`pyaot_array.c`, `pyaot_npmath.c`,
//! `pyaot_complex.c`): float floor division and remainder, integer powers, complex division.

macro_rules! divmod {
    ($name:ident, $t:ty) => {
        /// NumPy's `npy_divmod`: (floor quotient, remainder) for a nonzero divisor.
        pub fn $name(a: $t, b: $t) -> ($t, $t) {
            let mut m = a % b;
            let mut div = (a - m) / b;
            if m != 0.0 {
                if (b < 0.0) != (m < 0.0) {
                    m += b;
                    div -= 1.0;
                }
            } else {
                m = (0.0 as $t).copysign(b);
            }
            let q = if div != 0.0 {
                let mut f = div.floor();
                if div - f > 0.5 {
                    f += 1.0;
                }
                f
            } else {
                (0.0 as $t).copysign(a / b)
            };
            (q, m)
        }
    };
}

divmod!(divmod_f64, f64);
divmod!(divmod_f32, f32);

pub fn floordiv_f64(a: f64, b: f64) -> f64 {
    if b != 0.0 {
        divmod_f64(a, b).0
    } else {
        a / b
    }
}

pub fn mod_f64(a: f64, b: f64) -> f64 {
    if b != 0.0 {
        divmod_f64(a, b).1
    } else {
        a % b
    }
}

pub fn floordiv_f32(a: f32, b: f32) -> f32 {
    if b != 0.0 {
        divmod_f32(a, b).0
    } else {
        a / b
    }
}

pub fn mod_f32(a: f32, b: f32) -> f32 {
    if b != 0.0 {
        divmod_f32(a, b).1
    } else {
        a % b
    }
}

/// base ** exponent modulo 2**64.
pub fn wrapping_pow(mut base: u64, mut exponent: u64) -> u64 {
    let mut result = 1u64;
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        exponent >>= 1;
    }
    result
}

macro_rules! np_cdiv {
    ($name:ident, $t:ty) => {
        /// NumPy's complex division (Smith's method); a zero divisor gives inf or nan.
        pub fn $name(ar: $t, ai: $t, br: $t, bi: $t) -> ($t, $t) {
            let (abs_br, abs_bi) = (br.abs(), bi.abs());
            if abs_br >= abs_bi {
                if abs_br == 0.0 && abs_bi == 0.0 {
                    (ar / abs_br, ai / abs_br)
                } else {
                    let rat = bi / br;
                    let scl = 1.0 / (br + bi * rat);
                    ((ar + ai * rat) * scl, (ai - ar * rat) * scl)
                }
            } else {
                let rat = br / bi;
                let scl = 1.0 / (bi + br * rat);
                ((ar * rat + ai) * scl, (ai * rat - ar) * scl)
            }
        }
    };
}

np_cdiv!(np_cdiv_f64, f64);
np_cdiv!(np_cdiv_f32, f32);

/// Python's complex division; `None` for a zero divisor.
pub fn py_cdiv(ar: f64, ai: f64, br: f64, bi: f64) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}
