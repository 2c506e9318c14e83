//! Constant folding and propagation: operations on constants become constants, and branches,
//! checks and selects on a constant condition go one way.
//!
//! Guarantee: a folded value is bit for bit what the machine code would compute (operations whose
//! precondition does not hold, and results that are NaN, are left alone). Integer floor division
//! and modulo by a power of two become a shift and a mask, which equal them for every sign.

use crate::OptOptions;
use pyaot_interp::Val;
use pyaot_mir::{BinOp, Body, CastOp, MConst, Operand, Rvalue, Stmt, Terminator, UnOp};

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

/// The folds of an operation on constants: MIR's reference semantics (`pyaot_interp`), where the
/// operation's preconditions hold (no folding of `x // 0`).
fn binary(op: BinOp, a: MConst, b: MConst) -> Option<MConst> {
    pyaot_interp::binary(op, Val::of_const(a), Val::of_const(b))
        .ok()?
        .to_const()
}

fn unary(op: UnOp, a: MConst) -> Option<MConst> {
    pyaot_interp::unary(op, Val::of_const(a)).ok()?.to_const()
}

fn cast(op: CastOp, a: MConst) -> Option<MConst> {
    pyaot_interp::cast(op, Val::of_const(a)).ok()?.to_const()
}
