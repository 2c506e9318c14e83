//! The exact semantics of MIR's binary, unary and cast operations (see the enums in `pyaot_mir`).

use crate::Val;
use pyaot_mir::{BinOp, CastOp, Cmp, UnOp};

/// Python's floor division of ints; `None` where MIR's precondition fails (b == 0, MIN // -1).
pub fn floordiv(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let q = a / b;
    Some(if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

/// Python's modulo of ints (the sign of the divisor); `None` for b == 0.
pub fn modulo(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    Some(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// A vector comparison's lane: all ones where it holds, else zero.
fn mask(holds: bool) -> f64 {
    f64::from_bits(if holds { u64::MAX } else { 0 })
}

/// `select` with an `F64x2` mask: each bit from `a` where the mask's bit is set, else from `b`.
pub fn bitselect(m: Val, a: Val, b: Val) -> Option<Val> {
    let (m, x, y) = (m.vector_bits()?, a.vector_bits()?, b.vector_bits()?);
    let lane = |i: usize| (x[i] & m[i]) | (y[i] & !m[i]);
    Val::vector_of_bits(a.ty(), [lane(0), lane(1)])
}

fn compare<T: PartialOrd>(c: Cmp, a: T, b: T) -> bool {
    match c {
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::Lt => a < b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Ge => a >= b,
    }
}

/// The lane-wise IEEE operation of a float binary op.
fn float_op(op: BinOp, a: f64, b: f64) -> f64 {
    match op {
        BinOp::FAdd => a + b,
        BinOp::FSub => a - b,
        BinOp::FMul => a * b,
        BinOp::FDiv => a / b,
        _ => a.copysign(b),
    }
}

fn float_op32(op: BinOp, a: f32, b: f32) -> f32 {
    match op {
        BinOp::FAdd => a + b,
        BinOp::FSub => a - b,
        BinOp::FMul => a * b,
        BinOp::FDiv => a / b,
        _ => a.copysign(b),
    }
}

fn bad(what: &str, a: Val, b: Option<Val>) -> String {
    match b {
        Some(b) => format!("{what} of {a:?} and {b:?}"),
        None => format!("{what} of {a:?}"),
    }
}

/// A binary operation; `Err` describes a violated precondition or ill-typed operands.
pub fn binary(op: BinOp, a: Val, b: Val) -> Result<Val, String> {
    use Val::{Bool as B, F64x2, I64x2, F32, F64, I64 as I};
    let lanes =
        |f: fn(i64, i64) -> i64, x: [i64; 2], y: [i64; 2]| I64x2([f(x[0], y[0]), f(x[1], y[1])]);
    Ok(match (op, a, b) {
        (BinOp::IAdd, I64x2(x), I64x2(y)) => lanes(i64::wrapping_add, x, y),
        (BinOp::ISub, I64x2(x), I64x2(y)) => lanes(i64::wrapping_sub, x, y),
        (BinOp::IMul, I64x2(x), I64x2(y)) => lanes(i64::wrapping_mul, x, y),
        (BinOp::And, I64x2(x), I64x2(y)) => lanes(|p, q| p & q, x, y),
        (BinOp::Or, I64x2(x), I64x2(y)) => lanes(|p, q| p | q, x, y),
        (BinOp::Xor, I64x2(x), I64x2(y)) => lanes(|p, q| p ^ q, x, y),
        (BinOp::Cmp(c), I64x2(x), I64x2(y)) => I64x2([
            -(compare(c, x[0], y[0]) as i64),
            -(compare(c, x[1], y[1]) as i64),
        ]),
        (BinOp::IAdd, I(x), I(y)) => I(x.wrapping_add(y)),
        (BinOp::ISub, I(x), I(y)) => I(x.wrapping_sub(y)),
        (BinOp::IMul, I(x), I(y)) => I(x.wrapping_mul(y)),
        (BinOp::IFloorDiv, I(x), I(y)) => {
            I(floordiv(x, y).ok_or_else(|| format!("ifloordiv {x}, {y}"))?)
        }
        (BinOp::IMod, I(x), I(y)) => I(modulo(x, y).ok_or_else(|| format!("imod {x}, {y}"))?),
        // Truncating, as machines divide; outside the preconditions it is undefined behaviour.
        (BinOp::ISDiv, I(x), I(y)) if y != 0 && !(x == i64::MIN && y == -1) => I(x / y),
        (BinOp::ISRem, I(x), I(y)) if y != 0 && y != -1 => I(x % y),
        (BinOp::UDiv, I(x), I(y)) if y != 0 => I(((x as u64) / (y as u64)) as i64),
        (BinOp::URem, I(x), I(y)) if y != 0 => I(((x as u64) % (y as u64)) as i64),
        (BinOp::AShr, I(x), I(y)) if (0..64).contains(&y) => I(x >> y),
        (BinOp::Shl, I(x), I(y)) if (0..64).contains(&y) => I(((x as u64) << y) as i64),
        (BinOp::And, I(x), I(y)) => I(x & y),
        (BinOp::Or, I(x), I(y)) => I(x | y),
        (BinOp::Xor, I(x), I(y)) => I(x ^ y),
        (BinOp::And, B(x), B(y)) => B(x & y),
        (BinOp::Or, B(x), B(y)) => B(x | y),
        (BinOp::Xor, B(x), B(y)) => B(x ^ y),
        (BinOp::IAddOverflows, I(x), I(y)) => B(x.checked_add(y).is_none()),
        (BinOp::ISubOverflows, I(x), I(y)) => B(x.checked_sub(y).is_none()),
        (BinOp::IMulOverflows, I(x), I(y)) => B(x.checked_mul(y).is_none()),
        (BinOp::Cmp(c), I(x), I(y)) => B(compare(c, x, y)),
        (BinOp::Cmp(c), F64(x), F64(y)) => B(compare(c, x, y)),
        (BinOp::Cmp(c), F32(x), F32(y)) => B(compare(c, x, y)),
        (BinOp::Cmp(c), B(x), B(y)) => B(compare(c, x, y)),
        (BinOp::UCmp(c), I(x), I(y)) => B(compare(c, x as u64, y as u64)),
        (BinOp::Cmp(c), F64x2(x), F64x2(y)) => {
            F64x2([mask(compare(c, x[0], y[0])), mask(compare(c, x[1], y[1]))])
        }
        (
            BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv | BinOp::FCopysign,
            F64(x),
            F64(y),
        ) => F64(float_op(op, x, y)),
        (
            BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv | BinOp::FCopysign,
            F32(x),
            F32(y),
        ) => F32(float_op32(op, x, y)),
        (BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv, F64x2(x), F64x2(y)) => {
            F64x2([float_op(op, x[0], y[0]), float_op(op, x[1], y[1])])
        }
        _ => return Err(bad(&format!("{op:?}"), a, Some(b))),
    })
}

/// A unary operation.
pub fn unary(op: UnOp, a: Val) -> Result<Val, String> {
    use Val::{Bool as B, F64x2, F32, F64, I64 as I};
    let f = |x: f64| -> f64 {
        match op {
            UnOp::FNeg => -x,
            UnOp::FAbs => x.abs(),
            UnOp::FSqrt => x.sqrt(),
            UnOp::FFloor => x.floor(),
            UnOp::FCeil => x.ceil(),
            UnOp::FTrunc => x.trunc(),
            _ => x.round_ties_even(),
        }
    };
    let f32_ = |x: f32| -> f32 {
        match op {
            UnOp::FNeg => -x,
            UnOp::FAbs => x.abs(),
            UnOp::FSqrt => x.sqrt(),
            UnOp::FFloor => x.floor(),
            UnOp::FCeil => x.ceil(),
            UnOp::FTrunc => x.trunc(),
            _ => x.round_ties_even(),
        }
    };
    Ok(match (op, a) {
        (UnOp::INeg, I(x)) => I(x.wrapping_neg()),
        (UnOp::INot, I(x)) => I(!x),
        (UnOp::BNot, B(x)) => B(!x),
        (UnOp::INeg | UnOp::INot | UnOp::BNot, _) => return Err(bad(&format!("{op:?}"), a, None)),
        (_, F64(x)) => F64(f(x)),
        (_, F32(x)) => F32(f32_(x)),
        (UnOp::FNeg | UnOp::FAbs | UnOp::FSqrt, F64x2(x)) => F64x2([f(x[0]), f(x[1])]),
        _ => return Err(bad(&format!("{op:?}"), a, None)),
    })
}

/// A cast.
pub fn cast(op: CastOp, a: Val) -> Result<Val, String> {
    use Val::{Bool as B, F32, F64, I64 as I};
    Ok(match (op, a) {
        (CastOp::IToF, I(x)) => F64(x as f64),
        (CastOp::RefAddr, Val::Ref(x)) => I(x),
        (CastOp::AddrRef, I(x)) => Val::Ref(x),
        (CastOp::BToI, B(x)) => I(x as i64),
        (CastOp::BToF, B(x)) => F64(if x { 1.0 } else { 0.0 }),
        (CastOp::FToIUnchecked, F64(x)) => {
            if !(x.is_finite() && (-9223372036854775808.0..9223372036854775808.0).contains(&x)) {
                return Err(format!("fto_i_unchecked of {x:?}"));
            }
            I(x as i64)
        }
        (CastOp::Wrap(d), I(x)) => I(match (d.itemsize(), d.is_unsigned()) {
            (1, false) => x as i8 as i64,
            (1, true) => x as u8 as i64,
            (2, false) => x as i16 as i64,
            (2, true) => x as u16 as i64,
            (4, false) => x as i32 as i64,
            (4, true) => x as u32 as i64,
            _ => x,
        }),
        (CastOp::IToF32, I(x)) => F32(x as f32),
        (CastOp::UToF, I(x)) => F64(x as u64 as f64),
        (CastOp::UToF32, I(x)) => F32(x as u64 as f32),
        (CastOp::FDemote, F64(x)) => F32(x as f32),
        (CastOp::FPromote, F32(x)) => F64(x as f64),
        (CastOp::FBits, F64(x)) => I(x.to_bits() as i64),
        (CastOp::BitsF, I(x)) => F64(f64::from_bits(x as u64)),
        _ => return Err(bad(&format!("{op:?}"), a, None)),
    })
}
