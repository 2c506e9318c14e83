//! CPython's int and float algorithms, ported from the C runtime (`pyaot_rt.c`) line for line.

use crate::libm;
use pyaot_mir::ExcKind;

/// A raised exception: its kind and message.
pub type Raise = (ExcKind, String);
/// A helper's result.
pub type R<T> = Result<T, Raise>;

pub const MSG_INT_OVERFLOW: &str = "integer result does not fit in 64 bits";
const MSG_DOMAIN: &str = "math domain error";
const MSG_RANGE: &str = "math range error";

pub fn raise<T>(exc: ExcKind, msg: &str) -> R<T> {
    Err((exc, msg.to_string()))
}

const TWO63: f64 = 9223372036854775808.0;

pub fn float_to_int(x: f64) -> R<i64> {
    if x.is_nan() {
        return raise(ExcKind::ValueError, "cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return raise(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    let t = x.trunc();
    if !(-TWO63..TWO63).contains(&t) {
        return raise(ExcKind::OverflowError, MSG_INT_OVERFLOW);
    }
    Ok(t as i64)
}

fn bitlen128(v: u128) -> i32 {
    128 - v.leading_zeros() as i32
}

/// |a| / |b| correctly rounded, half to even (the runtime's `pyaot_udiv_round`).
fn udiv_round(ua: u64, ub: u64) -> f64 {
    let k = 127 - bitlen128(ua as u128);
    let num = (ua as u128) << k;
    let q = num / ub as u128;
    let sticky = !num.is_multiple_of(ub as u128);
    let drop = bitlen128(q) - 53;
    let mut m = (q >> drop) as u64;
    let rem = q & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rem > half || (rem == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    scalbn(m as f64, drop - k)
}

pub fn int_truediv(a: i64, b: i64) -> R<f64> {
    if b == 0 {
        return raise(ExcKind::ZeroDivisionError, "division by zero");
    }
    let lim = 1i64 << 53;
    if (-lim..=lim).contains(&a) && (-lim..=lim).contains(&b) {
        return Ok(a as f64 / b as f64);
    }
    let negate = (a < 0) != (b < 0);
    if a == 0 {
        return Ok(if negate { -0.0 } else { 0.0 });
    }
    let r = udiv_round(a.unsigned_abs(), b.unsigned_abs());
    Ok(if negate { -r } else { r })
}

pub fn int_pow(a: i64, mut b: i64) -> R<i64> {
    if b < 0 {
        return raise(
            ExcKind::ValueError,
            "negative exponent needs a float base in compiled code \
             (int ** negative int gives a float in Python)",
        );
    }
    let (mut result, mut base) = (1i64, a);
    while b > 0 {
        if b & 1 == 1 {
            result = result
                .checked_mul(base)
                .ok_or((ExcKind::OverflowError, MSG_INT_OVERFLOW.to_string()))?;
        }
        b >>= 1;
        if b > 0 {
            base = base
                .checked_mul(base)
                .ok_or((ExcKind::OverflowError, MSG_INT_OVERFLOW.to_string()))?;
        }
    }
    Ok(result)
}

pub fn int_lshift(a: i64, b: i64) -> R<i64> {
    if b < 0 {
        return raise(ExcKind::ValueError, "negative shift count");
    }
    if a == 0 {
        return Ok(0);
    }
    if b >= 64 {
        return raise(ExcKind::OverflowError, MSG_INT_OVERFLOW);
    }
    let r = ((a as u64) << b) as i64;
    if r >> b != a {
        return raise(ExcKind::OverflowError, MSG_INT_OVERFLOW);
    }
    Ok(r)
}

pub fn int_rshift(a: i64, b: i64) -> R<i64> {
    if b < 0 {
        return raise(ExcKind::ValueError, "negative shift count");
    }
    Ok(if b >= 64 { a >> 63 } else { a >> b })
}

pub fn float_floordiv(vx: f64, wx: f64) -> R<f64> {
    if wx == 0.0 {
        return raise(ExcKind::ZeroDivisionError, "float floor division by zero");
    }
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    Ok(if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    })
}

pub fn float_mod(vx: f64, wx: f64) -> R<f64> {
    if wx == 0.0 {
        return raise(ExcKind::ZeroDivisionError, "float modulo");
    }
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    Ok(m)
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

pub fn float_pow(mut iv: f64, iw: f64) -> R<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        iv = iv.abs();
        return Ok(if iv == 1.0 {
            1.0
        } else if (iw > 0.0) == (iv > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return raise(
                ExcKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            );
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            let len = (-iv).powf(iw);
            let phase = 0.0f64.atan2(iv) * iw;
            let (re, im) = (len * phase.cos(), len * phase.sin());
            if re.is_infinite() || im.is_infinite() {
                return raise(ExcKind::OverflowError, "complex exponentiation");
            }
            return raise(
                ExcKind::ValueError,
                "negative number cannot be raised to a fractional power \
                 (Python would return a complex number)",
            );
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let ix = iv.powf(iw);
    if ix.is_infinite() {
        return raise(
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        );
    }
    Ok(if negate { -ix } else { ix })
}

pub fn cmp_int_float(a: i64, b: f64) -> i64 {
    if b.is_nan() {
        2
    } else if b >= TWO63 {
        -1
    } else if b < -TWO63 {
        1
    } else {
        let t = b.trunc();
        let ti = t as i64;
        if a != ti {
            if a < ti {
                -1
            } else {
                1
            }
        } else {
            let frac = b - t;
            if frac > 0.0 {
                -1
            } else if frac < 0.0 {
                1
            } else {
                0
            }
        }
    }
}

fn round_finish(text: &str) -> R<f64> {
    let r: f64 = text.parse().unwrap_or(f64::NAN);
    if r.is_infinite() {
        return raise(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        );
    }
    Ok(r)
}

/// Rounds finite x to a multiple of 10**m, half to even on the exact value.
fn round_negative(x: f64, m: usize) -> R<f64> {
    let ip = x.trunc();
    let sticky = x - ip != 0.0;
    let digits: Vec<u8> = format!("{:.0}", ip.abs()).into_bytes();
    let len = digits.len();
    let keep_len = len.saturating_sub(m);
    let mut cmp = 0i32;
    for i in 0..m {
        let pos = len as i64 - m as i64 + i as i64;
        let d = if pos >= 0 {
            (digits[pos as usize] - b'0') as i32
        } else {
            0
        };
        let h = if i == 0 { 5 } else { 0 };
        cmp = (d - h).signum();
        if cmp != 0 {
            break;
        }
    }
    if cmp == 0 && sticky {
        cmp = 1;
    }
    let mut keep = vec![b'0'];
    keep.extend_from_slice(&digits[..keep_len]);
    let last = (keep[keep_len] - b'0') as i32;
    if cmp > 0 || (cmp == 0 && last & 1 == 1) {
        let mut i = keep_len;
        while keep[i] == b'9' {
            keep[i] = b'0';
            i -= 1;
        }
        keep[i] += 1;
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let keep = String::from_utf8(keep).unwrap_or_default();
    round_finish(&format!("{sign}{keep}e{m}"))
}

pub fn round_digits(x: f64, ndigits: i64) -> R<f64> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    if ndigits < 0 {
        return round_negative(x, (-ndigits) as usize);
    }
    round_finish(&format!("{:.*}", ndigits as usize, x))
}

pub fn round_int_digits(x: i64, ndigits: i64) -> R<i64> {
    if ndigits >= 0 {
        return Ok(x);
    }
    let ux = x.unsigned_abs() as u128;
    let (q, p) = if ndigits < -19 {
        (0u128, 1u128)
    } else {
        let p = 10u128.pow((-ndigits) as u32);
        let (mut q, r) = (ux / p, ux % p);
        if 2 * r > p || (2 * r == p && q & 1 == 1) {
            q += 1;
        }
        (q, p)
    };
    let mag = q * p;
    let limit = 1u128 << 63;
    if if x < 0 { mag > limit } else { mag >= limit } {
        return raise(ExcKind::OverflowError, MSG_INT_OVERFLOW);
    }
    Ok(if x < 0 {
        0u64.wrapping_sub(mag as u64) as i64
    } else {
        mag as i64
    })
}

/// `ldexp`/`scalbn`, correctly rounded (musl's algorithm).
pub fn scalbn(x: f64, mut n: i32) -> f64 {
    let mut y = x;
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    let m = f64::from_bits(0x0010_0000_0000_0000) * f64::from_bits(0x4340_0000_0000_0000);
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= m;
        n += 1022 - 53;
        if n < -1022 {
            y *= m;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// `errno` as the C library functions of the math module leave it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Errno {
    None,
    Dom,
    Range,
}

/// CPython's `is_error`: Err for a domain error or an overflow, Ok for an underflow.
fn check_errno(errno: Errno, r: f64) -> R<f64> {
    match errno {
        Errno::None => Ok(r),
        Errno::Dom => raise(ExcKind::ValueError, MSG_DOMAIN),
        Errno::Range if r.abs() < 1.5 => Ok(r),
        Errno::Range => raise(ExcKind::OverflowError, MSG_RANGE),
    }
}

/// CPython's `math_1` (errno of finite results is only ever an underflow, never an error).
pub fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> R<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return raise(ExcKind::ValueError, MSG_DOMAIN);
    }
    if r.is_infinite() && x.is_finite() {
        return if can_overflow {
            raise(ExcKind::OverflowError, MSG_RANGE)
        } else {
            raise(ExcKind::ValueError, MSG_DOMAIN)
        };
    }
    Ok(r)
}

/// CPython's `math_1a`: the function reports its own errno.
pub fn math_1a(x: f64, f: fn(f64) -> (f64, Errno)) -> R<f64> {
    let (r, e) = f(x);
    check_errno(e, r)
}

/// `math.erf` and `math.erfc`: glibc only reports underflow, which is no error.
pub fn erf(x: f64) -> (f64, Errno) {
    (libm::erf(x), Errno::None)
}

pub fn erfc(x: f64) -> (f64, Errno) {
    (libm::erfc(x), Errno::None)
}

fn log_with(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            return f(x);
        }
        return if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        };
    }
    if x.is_nan() || x > 0.0 {
        return x;
    }
    f64::NAN
}

pub fn m_log(x: f64) -> f64 {
    log_with(x, f64::ln)
}

pub fn m_log2(x: f64) -> f64 {
    log_with(x, f64::log2)
}

pub fn m_log10(x: f64) -> f64 {
    log_with(x, f64::log10)
}

pub fn m_log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

pub fn log_base(x: f64, base: f64) -> R<f64> {
    let num = math_1(x, m_log, false)?;
    let den = math_1(base, m_log, false)?;
    if den == 0.0 {
        return raise(ExcKind::ZeroDivisionError, "float division by zero");
    }
    Ok(num / den)
}

pub fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            if 1.0f64.copysign(x) == 1.0 {
                return (0.25 * PI).copysign(y);
            }
            return (0.75 * PI).copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        if 1.0f64.copysign(x) == 1.0 {
            return 0.0f64.copysign(y);
        }
        return PI.copysign(y);
    }
    y.atan2(x)
}

/// CPython's `math_2` for atan2: errno from the result's class.
pub fn atan2(y: f64, x: f64) -> R<f64> {
    let r = m_atan2(y, x);
    let errno = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::None
    };
    check_errno(errno, r)
}

/// The exponent `frexp` gives: x = m * 2**e with 0.5 <= |m| < 1 (x finite, nonzero).
fn frexp_exp(x: f64) -> i32 {
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        return frexp_exp(x * f64::from_bits(0x43f0_0000_0000_0000)) - 64;
    }
    e - 1022
}

/// CPython's `vector_norm` of two coordinates (both >= 0, max their maximum).
fn vector_norm(vec: [f64; 2], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 {
        return max;
    }
    let max_e = frexp_exp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = scalbn(1.0, -max_e);
        for v in vec {
            let mut x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let mut x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for v in vec {
        let mut x = v / max;
        x *= x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

pub fn hypot(x: f64, y: f64) -> f64 {
    let vec = [x.abs(), y.abs()];
    let mut max = 0.0;
    let mut found_nan = false;
    for v in vec {
        found_nan |= v.is_nan();
        if v > max {
            max = v;
        }
    }
    vector_norm(vec, max, found_nan)
}

pub fn fmod(x: f64, y: f64) -> R<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return raise(ExcKind::ValueError, MSG_DOMAIN);
    }
    Ok(r)
}

pub fn math_pow(x: f64, y: f64) -> R<f64> {
    let (r, errno);
    if !x.is_finite() || !y.is_finite() {
        errno = Errno::None;
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
    } else {
        r = x.powf(y);
        errno = if r.is_finite() {
            Errno::None
        } else if r.is_nan() || x == 0.0 {
            Errno::Dom
        } else {
            Errno::Range
        };
    }
    check_errno(errno, r)
}

pub fn ldexp(x: f64, exp: i64) -> R<f64> {
    let (r, errno) = if x == 0.0 || !x.is_finite() {
        (x, Errno::None)
    } else if exp > i32::MAX as i64 {
        (f64::INFINITY.copysign(x), Errno::Range)
    } else if exp < i32::MIN as i64 {
        (0.0f64.copysign(x), Errno::None)
    } else {
        let r = scalbn(x, exp as i32);
        (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::None
            },
        )
    };
    check_errno(errno, r)
}

pub fn gcd(a: i64, b: i64) -> R<i64> {
    let (mut ua, mut ub) = (a.unsigned_abs(), b.unsigned_abs());
    while ub != 0 {
        let t = ua % ub;
        ua = ub;
        ub = t;
    }
    if ua > i64::MAX as u64 {
        return raise(ExcKind::OverflowError, MSG_INT_OVERFLOW);
    }
    Ok(ua as i64)
}

pub fn factorial(n: i64) -> R<i64> {
    if n < 0 {
        return raise(
            ExcKind::ValueError,
            "factorial() not defined for negative values",
        );
    }
    if n > 20 {
        return raise(ExcKind::OverflowError, MSG_INT_OVERFLOW);
    }
    Ok((2..=n).product())
}

pub fn range_len(start: i64, stop: i64, step: i64) -> R<i64> {
    if step == 0 {
        return raise(ExcKind::ValueError, "range() arg 3 must not be zero");
    }
    let (lo, hi) = if step > 0 {
        (start as i128, stop as i128)
    } else {
        (stop as i128, start as i128)
    };
    let s = (step as i128).abs();
    let n = if lo < hi { (hi - lo - 1) / s + 1 } else { 0 };
    if n > i64::MAX as i128 {
        return raise(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        );
    }
    Ok(n as i64)
}

pub fn isqrt(n: i64) -> R<i64> {
    if n < 0 {
        return raise(ExcKind::ValueError, "isqrt() argument must be nonnegative");
    }
    let n = n as u64;
    let mut r = (n as f64).sqrt() as u64;
    while r * r > n {
        r -= 1;
    }
    while (r + 1) * (r + 1) <= n {
        r += 1;
    }
    Ok(r as i64)
}
