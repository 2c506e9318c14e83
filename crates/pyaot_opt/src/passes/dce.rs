//! Dead-code elimination: assignments to locals nothing reads are removed.
//!
//! Guarantee: only `Assign` statements go (every right-hand side is free of effects); calls,
//! stores and assignments to returned or owned locals stay.

use crate::OptOptions;
use pyaot_mir::{Body, Operand, Stmt};

use crate::defs::{stmt_operands_mut, term_operands_mut};

pub fn run(body: &mut Body, _opts: &OptOptions) {
    loop {
        let mut used = vec![false; body.locals.len()];
        for l in body.rets.iter().chain(&body.owned).chain(&body.params) {
            used[l.index()] = true;
        }
        let mut mark = |op: &mut Operand| {
            if let Operand::Local(l) = op {
                used[l.index()] = true;
            }
        };
        for block in &mut body.blocks {
            for s in &mut block.stmts {
                stmt_operands_mut(s).into_iter().for_each(&mut mark);
            }
            term_operands_mut(&mut block.terminator)
                .into_iter()
                .for_each(&mut mark);
        }
        let mut removed = false;
        for block in &mut body.blocks {
            block.stmts.retain_mut(|s| match s {
                Stmt::Assign { dest, value } => {
                    // A self-copy `x = x` does nothing.
                    let self_copy =
                        matches!(value, pyaot_mir::Rvalue::Use(Operand::Local(l)) if l == dest);
                    let keep = used[dest.index()] && !self_copy;
                    removed |= !keep;
                    keep
                }
                _ => true,
            });
        }
        if !removed {
            break;
        }
    }
}
