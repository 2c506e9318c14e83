//! Constant folding and propagation: operations on constants become constants, and branches,
//! checks and selects on a constant condition go one way.
//!
//! Guarantee: a folded value is bit for bit what the machine code would compute (operations whose
//! precondition does not hold, and results that are NaN, are left alone). Integer floor division
//! and modulo by a power of two become a shift and a mask, which equal them for every sign.

use crate::OptOptions;
use pyaot_mir::{BinOp, Body, CastOp, Cmp, MConst, Operand, Rvalue, Stmt, Terminator, UnOp};

pub fn run(body: &mut Body, opts: &OptOptions) {
    for _ in 0..8 {
        super::copy_prop::run(body, opts);
        let mut changed = false;
        for block in &mut body.blocks {
            for s in &mut block.stmts {
                if let Stmt::Assign { value, .. } = s {
                    if let Some(new) = fold(value) {
                        if new != *value {
                            *value = new;
                            changed = true;
                        }
                    }
                }
            }
            if let Some(t) = fold_terminator(&block.terminator) {
                block.terminator = t;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

fn fold_terminator(t: &Terminator) -> Option<Terminator> {
    match t {
        Terminator::Branch {
            cond: Operand::Const(MConst::Bool(c)),
            then_block,
            else_block,
        } => Some(Terminator::Goto(if *c { *then_block } else { *else_block })),
        Terminator::Branch {
            then_block,
            else_block,
            ..
        } if then_block == else_block => Some(Terminator::Goto(*then_block)),
        Terminator::Check {
            fails: Operand::Const(MConst::Bool(f)),
            fail,
            ok,
            ..
        } => Some(Terminator::Goto(if *f { *fail } else { *ok })),
        _ => None,
    }
}

/// The folded right-hand side, if it simplifies.
fn fold(rv: &Rvalue) -> Option<Rvalue> {
    let c = |v: MConst| Some(Rvalue::Use(Operand::Const(v)));
    match rv {
        Rvalue::Select(Operand::Const(MConst::Bool(k)), a, b) => {
            Some(Rvalue::Use(if *k { *a } else { *b }))
        }
        Rvalue::Select(_, a, b) if a == b => Some(Rvalue::Use(*a)),
        Rvalue::Binary(op, Operand::Const(a), Operand::Const(b)) => binary(*op, *a, *b).and_then(c),
        Rvalue::Unary(op, Operand::Const(a)) => unary(*op, *a).and_then(c),
        Rvalue::Cast(op, Operand::Const(a)) => cast(*op, *a).and_then(c),
        // Wrapping to 64 bits keeps every bit.
        Rvalue::Cast(CastOp::Wrap(d), a) if d.itemsize() == 8 && d.is_int() => {
            Some(Rvalue::Use(*a))
        }
        Rvalue::Binary(op, a, b) => identity(*op, *a, *b),
        _ => None,
    }
    .filter(|r| !is_nan(r))
}

/// Integer and boolean identities with one constant operand (`x + 0`, `x * 1`, `false | x`, ...).
fn identity(op: BinOp, a: Operand, b: Operand) -> Option<Rvalue> {
    use MConst::{Bool, I64};
    let k = |o: Operand| match o {
        Operand::Const(c) => Some(c),
        Operand::Local(_) => None,
    };
    let use_ = |o: Operand| Some(Rvalue::Use(o));
    let no = Some(Rvalue::Use(Operand::Const(Bool(false))));
    match (op, k(a), k(b)) {
        (BinOp::IAdd, Some(I64(0)), _) | (BinOp::IMul, Some(I64(1)), _) => use_(b),
        (BinOp::IAdd | BinOp::ISub, _, Some(I64(0))) | (BinOp::IMul, _, Some(I64(1))) => use_(a),
        (BinOp::Or, Some(Bool(false)), _) | (BinOp::And, Some(Bool(true)), _) => use_(b),
        (BinOp::Or, _, Some(Bool(false))) | (BinOp::And, _, Some(Bool(true))) => use_(a),
        (BinOp::IAddOverflows, Some(I64(0)), _) | (BinOp::IAddOverflows, _, Some(I64(0))) => no,
        (BinOp::ISubOverflows, _, Some(I64(0))) => no,
        (BinOp::IMulOverflows, Some(I64(0 | 1)), _)
        | (BinOp::IMulOverflows, _, Some(I64(0 | 1))) => no,
        // Floor division and Python's modulo by 2**k, for either sign: a shift and a mask.
        (BinOp::IFloorDiv, _, Some(I64(k))) if k > 1 && k.count_ones() == 1 => {
            Some(Rvalue::Binary(
                BinOp::AShr,
                a,
                Operand::Const(I64(i64::from(k.trailing_zeros()))),
            ))
        }
        (BinOp::IMod, _, Some(I64(k))) if k > 1 && k.count_ones() == 1 => {
            Some(Rvalue::Binary(BinOp::And, a, Operand::Const(I64(k - 1))))
        }
        _ => None,
    }
}

fn is_nan(rv: &Rvalue) -> bool {
    match rv {
        Rvalue::Use(Operand::Const(MConst::F64(v))) => v.is_nan(),
        Rvalue::Use(Operand::Const(MConst::F32(v))) => v.is_nan(),
        _ => false,
    }
}

fn cmp<T: PartialOrd>(c: Cmp, a: T, b: T) -> bool {
    match c {
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::Lt => a < b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Ge => a >= b,
    }
}

/// Python's floor division and modulo of 64-bit ints (b != 0, not MIN // -1).
fn floor_div_mod(a: i64, b: i64) -> (i64, i64) {
    let (q, r) = (a.wrapping_div(b), a.wrapping_rem(b));
    if r != 0 && ((r < 0) != (b < 0)) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

fn binary(op: BinOp, a: MConst, b: MConst) -> Option<MConst> {
    use MConst::*;
    Some(match (op, a, b) {
        (BinOp::IAdd, I64(x), I64(y)) => I64(x.wrapping_add(y)),
        (BinOp::ISub, I64(x), I64(y)) => I64(x.wrapping_sub(y)),
        (BinOp::IMul, I64(x), I64(y)) => I64(x.wrapping_mul(y)),
        (BinOp::IFloorDiv, I64(x), I64(y)) if y != 0 && !(x == i64::MIN && y == -1) => {
            I64(floor_div_mod(x, y).0)
        }
        (BinOp::IMod, I64(_), I64(-1)) => I64(0),
        (BinOp::IMod, I64(x), I64(y)) if y != 0 => I64(floor_div_mod(x, y).1),
        (BinOp::UDiv, I64(x), I64(y)) if y != 0 => I64(((x as u64) / (y as u64)) as i64),
        (BinOp::URem, I64(x), I64(y)) if y != 0 => I64(((x as u64) % (y as u64)) as i64),
        (BinOp::AShr, I64(x), I64(y)) if (0..64).contains(&y) => I64(x >> y),
        (BinOp::AShr, I64(x), I64(y)) if (0..64).contains(&y) => I64(x >> y),
        (BinOp::And, I64(x), I64(y)) => I64(x & y),
        (BinOp::Or, I64(x), I64(y)) => I64(x | y),
        (BinOp::Xor, I64(x), I64(y)) => I64(x ^ y),
        (BinOp::And, Bool(x), Bool(y)) => Bool(x & y),
        (BinOp::Or, Bool(x), Bool(y)) => Bool(x | y),
        (BinOp::Xor, Bool(x), Bool(y)) => Bool(x ^ y),
        (BinOp::IAddOverflows, I64(x), I64(y)) => Bool(x.checked_add(y).is_none()),
        (BinOp::ISubOverflows, I64(x), I64(y)) => Bool(x.checked_sub(y).is_none()),
        (BinOp::IMulOverflows, I64(x), I64(y)) => Bool(x.checked_mul(y).is_none()),
        (BinOp::Cmp(c), I64(x), I64(y)) => Bool(cmp(c, x, y)),
        (BinOp::Cmp(c), Bool(x), Bool(y)) => Bool(cmp(c, x, y)),
        (BinOp::Cmp(c), F64(x), F64(y)) => Bool(cmp(c, x, y)),
        (BinOp::Cmp(c), F32(x), F32(y)) => Bool(cmp(c, x, y)),
        (BinOp::UCmp(c), I64(x), I64(y)) => Bool(cmp(c, x as u64, y as u64)),
        (BinOp::FAdd, F64(x), F64(y)) => F64(x + y),
        (BinOp::FSub, F64(x), F64(y)) => F64(x - y),
        (BinOp::FMul, F64(x), F64(y)) => F64(x * y),
        (BinOp::FDiv, F64(x), F64(y)) => F64(x / y),
        (BinOp::FCopysign, F64(x), F64(y)) => F64(x.copysign(y)),
        (BinOp::FAdd, F32(x), F32(y)) => F32(x + y),
        (BinOp::FSub, F32(x), F32(y)) => F32(x - y),
        (BinOp::FMul, F32(x), F32(y)) => F32(x * y),
        (BinOp::FDiv, F32(x), F32(y)) => F32(x / y),
        (BinOp::FCopysign, F32(x), F32(y)) => F32(x.copysign(y)),
        _ => return None,
    })
}

fn unary(op: UnOp, a: MConst) -> Option<MConst> {
    use MConst::*;
    Some(match (op, a) {
        (UnOp::INeg, I64(x)) => I64(x.wrapping_neg()),
        (UnOp::INot, I64(x)) => I64(!x),
        (UnOp::BNot, Bool(x)) => Bool(!x),
        (UnOp::FNeg, F64(x)) => F64(-x),
        (UnOp::FAbs, F64(x)) => F64(x.abs()),
        (UnOp::FSqrt, F64(x)) => F64(x.sqrt()),
        (UnOp::FFloor, F64(x)) => F64(x.floor()),
        (UnOp::FCeil, F64(x)) => F64(x.ceil()),
        (UnOp::FTrunc, F64(x)) => F64(x.trunc()),
        (UnOp::FNearest, F64(x)) => F64(x.round_ties_even()),
        (UnOp::FNeg, F32(x)) => F32(-x),
        (UnOp::FAbs, F32(x)) => F32(x.abs()),
        (UnOp::FSqrt, F32(x)) => F32(x.sqrt()),
        (UnOp::FFloor, F32(x)) => F32(x.floor()),
        (UnOp::FCeil, F32(x)) => F32(x.ceil()),
        (UnOp::FTrunc, F32(x)) => F32(x.trunc()),
        (UnOp::FNearest, F32(x)) => F32(x.round_ties_even()),
        _ => return None,
    })
}

fn cast(op: CastOp, a: MConst) -> Option<MConst> {
    use MConst::*;
    Some(match (op, a) {
        (CastOp::IToF, I64(x)) => F64(x as f64),
        (CastOp::BToI, Bool(x)) => I64(i64::from(x)),
        (CastOp::BToF, Bool(x)) => F64(if x { 1.0 } else { 0.0 }),
        (CastOp::FToIUnchecked, F64(x)) if x.is_finite() && x.trunc().abs() < 9.2e18 => {
            I64(x.trunc() as i64)
        }
        (CastOp::Wrap(d), I64(x)) => I64(match (d.itemsize(), d.is_unsigned()) {
            (1, false) => i64::from(x as i8),
            (1, true) => i64::from(x as u8),
            (2, false) => i64::from(x as i16),
            (2, true) => i64::from(x as u16),
            (4, false) => i64::from(x as i32),
            (4, true) => i64::from(x as u32),
            _ => x,
        }),
        (CastOp::IToF32, I64(x)) => F32(x as f32),
        (CastOp::UToF, I64(x)) => F64(x as u64 as f64),
        (CastOp::UToF32, I64(x)) => F32(x as u64 as f32),
        (CastOp::FDemote, F64(x)) => F32(x as f32),
        (CastOp::FPromote, F32(x)) => F64(f64::from(x)),
        _ => return None,
    })
}
