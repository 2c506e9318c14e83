//! Array parameters borrow their caller's reference: the reference a body takes on an array
//! parameter at entry (and drops at every exit) is removed when the parameter is never reassigned.
//!
//! Guarantee: the caller keeps every argument alive for the whole call (the wrapper holds the
//! buffer, compiled callers hold the value in a local or a slot), so a parameter that is never
//! reassigned needs no reference of the body's own; every other reference stays balanced.

use crate::OptOptions;
use pyaot_mir::{Body, Operand, Stmt};

use crate::defs::Defs;

pub fn run(body: &mut Body, _opts: &OptOptions) {
    let defs = Defs::new(body);
    let borrowed: Vec<_> = body
        .params
        .iter()
        .copied()
        .filter(|p| body.owned.contains(p) && defs.count[p.index()] == 1)
        .collect();
    if borrowed.is_empty() {
        return;
    }
    let entry = &mut body.blocks[0].stmts;
    for p in borrowed {
        // The entry's `incref p`.
        let at = entry
            .iter()
            .position(|s| *s == Stmt::IncRef(Operand::Local(p)));
        if let Some(i) = at {
            entry.remove(i);
            body.owned.retain(|o| *o != p);
        }
    }
}
