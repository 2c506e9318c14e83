//! Loop-aware branch orientation.
//!
//! Cranelift 0.135 hoists loop-invariant code only when, at a conditional branch inside a loop,
//! the successor that stays in the loop is the *second* `brif` target: its dominator-tree walk
//! otherwise visits the exit first and forgets the loop before reaching the body.
//! So codegen inverts the condition of branches whose `then` stays in the loop and whose `else` leaves it.

use pyaot_mir::cfg::{natural_loops, Cfg, Dominators};
use pyaot_mir::{BlockId, Body, Terminator};

/// For each block, whether its `Branch` should be emitted inverted (`brif !cond, else, then`).
pub(crate) fn inverted_branches(body: &Body) -> Vec<bool> {
    let cfg = Cfg::new(body);
    let doms = Dominators::new(&cfg);
    let loops = natural_loops(&cfg, &doms);
    body.blocks
        .iter()
        .enumerate()
        .map(|(b, block)| match &block.terminator {
            Terminator::Branch {
                then_block,
                else_block,
                ..
            } => loops
                .iter()
                .find(|l| l.contains(BlockId(b as u32)))
                .is_some_and(|l| l.contains(*then_block) && !l.contains(*else_block)),
            _ => false,
        })
        .collect()
}
