//! `kernels`: makes GPU kernel bodies self-contained, first in the pipeline at every level.
//!
//! A kernel holds only borrowed arrays (its parameters, and shared or local arrays whose memory
//! is the kernel's), so reference counting has nothing to do there: every `incref` and `decref`
//! is removed and no local is owned. A GPU has no calls between bodies here, so every call of a
//! module function (a device helper) is replaced by a copy of the callee, its own reference
//! counting removed the same way, until none is left. Guarantees: kernel bodies hold no call of
//! a module function, except a recursive one (left for the PTX backend to refuse), and no
//! reference counting; host bodies are unchanged.

use pyaot_mir::{BlockId, Body, Callee, FuncId, Module, Stmt, Terminator};

use crate::passes::inline::inline_at;
use crate::OptOptions;

/// Copies into one kernel stop after this many, which only recursion reaches.
const MAX_COPIES: usize = 256;

pub fn run(module: &mut Module, _opts: &OptOptions) {
    for i in 0..module.funcs.len() {
        if !module.funcs[i].kernel {
            continue;
        }
        strip_refs(&mut module.funcs[i]);
        for _ in 0..MAX_COPIES {
            let Some((block, callee)) = first_call(&module.funcs[i]) else {
                break;
            };
            if callee.index() == i {
                break;
            }
            let mut copy = module.funcs[callee.index()].clone();
            strip_refs(&mut copy);
            inline_at(&mut module.funcs[i], block, &copy);
        }
    }
}

/// Removes the reference counting of a body that holds only borrowed arrays.
fn strip_refs(body: &mut Body) {
    body.owned.clear();
    for b in &mut body.blocks {
        b.stmts
            .retain(|s| !matches!(s, Stmt::IncRef(_) | Stmt::DecRef(_)));
    }
}

/// The first block ending in a call of a module function.
fn first_call(body: &Body) -> Option<(BlockId, FuncId)> {
    body.blocks
        .iter()
        .enumerate()
        .find_map(|(b, data)| match data.terminator {
            Terminator::Call {
                callee: Callee::Func(f),
                ..
            } => Some((BlockId(b as u32), f)),
            _ => None,
        })
}
