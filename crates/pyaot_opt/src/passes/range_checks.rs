//! Range analysis of integers: comparisons and overflow tests it can decide become constants.
//!
//! Guarantee: a test is replaced only when it has the same value on every execution, proved from
//! linear forms over stable locals, the bounds of loop counters (see `ranges`), and the promise of
//! `nonneg` locals (array shapes). `const_fold` then removes the bounds, overflow and zero-division
//! checks and the negative-index adjustments that can never fire.
//! A branch or check on a test that a dominating branch or check already decided goes one way.
//! Python's `x // k` and `x % k` of a positive constant `k` become unsigned division and remainder
//! where `x` is never negative (the same value; Cranelift makes shifts and masks of powers of two).

use crate::OptOptions;
use pyaot_mir::{BinOp, BlockId, Body, MConst, Operand, Rvalue, Stmt, Terminator};

use crate::defs::Point;
use crate::ranges::Facts;

pub fn run(body: &mut Body, _opts: &OptOptions) {
    let facts = Facts::new(body);
    let mut decided = Vec::new();
    for (b, block) in body.blocks.iter().enumerate() {
        for (i, s) in block.stmts.iter().enumerate() {
            let Stmt::Assign {
                value: Rvalue::Binary(op, x, y),
                ..
            } = s
            else {
                continue;
            };
            let at = Point {
                block: BlockId(b as u32),
                index: i,
            };
            if let Some(v) = facts.decide(*op, *x, *y, at) {
                decided.push((at, Rvalue::Use(Operand::Const(MConst::Bool(v)))));
            }
            let positive = matches!(y, Operand::Const(MConst::I64(k)) if *k > 0);
            let unsigned = match op {
                BinOp::IFloorDiv => Some(BinOp::UDiv),
                BinOp::IMod => Some(BinOp::URem),
                _ => None,
            };
            if let Some(u) = unsigned.filter(|_| positive && facts.is_nonneg(*x, at)) {
                decided.push((at, Rvalue::Binary(u, *x, *y)));
            }
        }
    }
    // A branch or check on a test that a dominating branch or check already took.
    let mut repeated = Vec::new();
    for (b, block) in body.blocks.iter().enumerate() {
        let here = BlockId(b as u32);
        let cond = match block.terminator {
            Terminator::Branch {
                cond: Operand::Local(t),
                ..
            }
            | Terminator::Check {
                fails: Operand::Local(t),
                ..
            } => t,
            _ => continue,
        };
        let known = facts
            .known_tests
            .iter()
            .find(|(from, t, _)| *t == cond && facts.defs.doms.dominates(*from, here));
        if let Some((_, _, v)) = known {
            repeated.push((here, *v));
        }
    }
    for (at, v) in decided {
        if let Stmt::Assign { value, .. } = &mut body.blocks[at.block.index()].stmts[at.index] {
            *value = v;
        }
    }
    for (b, v) in repeated {
        match &mut body.blocks[b.index()].terminator {
            Terminator::Branch { cond, .. } => *cond = Operand::Const(MConst::Bool(v)),
            Terminator::Check { fails, .. } => *fails = Operand::Const(MConst::Bool(v)),
            _ => {}
        }
    }
}
