//! Drop elaboration: the references a body owns until it exits become explicit `decref`s.
//!
//! Every `return` drops each owned reference first; every error exit (a raise, a failed call)
//! continues at one new cleanup block that drops them and ends in `fail`. An owned local that a
//! path has not assigned yet holds null (every local starts at zero), so its drop does nothing.
//! Afterwards `Body::owned` is empty: the protocol is in the statements, which the verifier and
//! the MIR interpreter see, and codegen only translates them.

use crate::OptOptions;
use pyaot_mir::{BlockData, BlockId, Body, Operand, Stmt, Terminator};

pub fn run(body: &mut Body, _opts: &OptOptions) {
    if body.owned.is_empty() {
        return;
    }
    let owned = std::mem::take(&mut body.owned);
    let drops: Vec<Stmt> = owned
        .iter()
        .map(|l| Stmt::DecRef(Operand::Local(*l)))
        .collect();
    let mut may_fail = false;
    for block in &mut body.blocks {
        match block.terminator {
            Terminator::Return => block.stmts.extend(drops.iter().cloned()),
            Terminator::Raise { .. } | Terminator::Call { .. } => may_fail = true,
            _ => {}
        }
    }
    if may_fail {
        body.blocks.push(BlockData {
            stmts: drops,
            terminator: Terminator::Fail,
        });
        body.cleanup = Some(BlockId(body.blocks.len() as u32 - 1));
    }
}
