//! `legalize`: writes Python's integer floor division and modulo with the machine's truncating
//! operations, so that no backend (Cranelift, PTX) knows Python's rules.
//!
//! Runs after the optimisations, at every level, so they still see `ifloordiv` and `imod` (a
//! division by a power of two, a remainder proven non-negative). Guarantees: no `ifloordiv` or
//! `imod` is left; `isdiv` and `isrem` are used within their preconditions.
//!
//! - `x // y`: `q = x isdiv y`, then `q - 1` when the remainder `x - q*y` is nonzero and its sign
//!   differs from `y`'s (the preconditions of `ifloordiv` are those of `isdiv`).
//! - `x % y`: `r = x isrem y'` with `y' = 1` when `y == -1` (every remainder by -1 is 0, and the
//!   machine's divide traps on `MIN % -1`), then `r + y` when `r` is nonzero and its sign differs
//!   from `y`'s.

use pyaot_mir::{BinOp, Body, Cmp, LocalDecl, MConst, MTy, Operand, Rvalue, Stmt};

use crate::OptOptions;

pub fn run(body: &mut Body, _opts: &OptOptions) {
    for b in 0..body.blocks.len() {
        let stmts = std::mem::take(&mut body.blocks[b].stmts);
        let mut out = Vec::with_capacity(stmts.len());
        for s in stmts {
            match s {
                Stmt::Assign {
                    dest,
                    value: Rvalue::Binary(op @ (BinOp::IFloorDiv | BinOp::IMod), x, y),
                } => {
                    let mut new = |ty: MTy, value: Rvalue, out: &mut Vec<Stmt>| {
                        let l = pyaot_mir::Local(body.locals.len() as u32);
                        body.locals.push(LocalDecl::temp(ty));
                        out.push(Stmt::Assign { dest: l, value });
                        Operand::Local(l)
                    };
                    let i = |v: i64| Operand::Const(MConst::I64(v));
                    let value = if op == BinOp::IFloorDiv {
                        let q = new(MTy::I64, Rvalue::Binary(BinOp::ISDiv, x, y), &mut out);
                        let qy = new(MTy::I64, Rvalue::Binary(BinOp::IMul, q, y), &mut out);
                        let r = new(MTy::I64, Rvalue::Binary(BinOp::ISub, x, qy), &mut out);
                        let fix = floor_fix(r, y, &mut new, &mut out);
                        let one = new(MTy::I64, Rvalue::Select(fix, i(1), i(0)), &mut out);
                        Rvalue::Binary(BinOp::ISub, q, one)
                    } else {
                        let m1 = new(
                            MTy::Bool,
                            Rvalue::Binary(BinOp::Cmp(Cmp::Eq), y, i(-1)),
                            &mut out,
                        );
                        let safe = new(MTy::I64, Rvalue::Select(m1, i(1), y), &mut out);
                        let r = new(MTy::I64, Rvalue::Binary(BinOp::ISRem, x, safe), &mut out);
                        let fix = floor_fix(r, y, &mut new, &mut out);
                        let add = new(MTy::I64, Rvalue::Select(fix, y, i(0)), &mut out);
                        Rvalue::Binary(BinOp::IAdd, r, add)
                    };
                    out.push(Stmt::Assign { dest, value });
                }
                s => out.push(s),
            }
        }
        body.blocks[b].stmts = out;
    }
}

/// Whether the truncated remainder `r` of a division by `y` needs the floor adjustment: it is
/// nonzero and its sign differs from the divisor's.
fn floor_fix(
    r: Operand,
    y: Operand,
    new: &mut impl FnMut(MTy, Rvalue, &mut Vec<Stmt>) -> Operand,
    out: &mut Vec<Stmt>,
) -> Operand {
    let zero = Operand::Const(MConst::I64(0));
    let nonzero = new(MTy::Bool, Rvalue::Binary(BinOp::Cmp(Cmp::Ne), r, zero), out);
    let signs = new(MTy::I64, Rvalue::Binary(BinOp::Xor, r, y), out);
    let differ = new(
        MTy::Bool,
        Rvalue::Binary(BinOp::Cmp(Cmp::Lt), signs, zero),
        out,
    );
    new(MTy::Bool, Rvalue::Binary(BinOp::And, nonzero, differ), out)
}
