//! Common-subexpression elimination: a computation repeated on the same stable operands reads the
//! first result instead (the negative-index adjustment and bounds test of `counts[b] += 1` are
//! made once for the load and once for the store).
//!
//! Guarantee: only right-hand sides without memory reads, whose local operands are stable (one
//! value wherever visible), are shared, and only when the first computation dominates the second,
//! so the second would compute the same value.

use crate::OptOptions;
use std::collections::HashMap;

use pyaot_mir::{Body, Operand, Rvalue, Stmt};

use crate::defs::{Def, Defs, Point};

pub fn run(body: &mut Body, opts: &OptOptions) {
    // Sharing one computation can make the next ones identical (`select` of shared tests).
    for _ in 0..4 {
        if !once(body) {
            break;
        }
        super::copy_prop::run(body, opts);
    }
}

/// One round; whether anything was shared.
fn once(body: &mut Body) -> bool {
    let defs = Defs::new(body);
    let stable = |op: &Operand| match op {
        Operand::Const(_) => true,
        Operand::Local(l) => defs.is_single(*l),
    };
    // Each pure right-hand side of a stable local, by its text, in reverse postorder.
    let mut seen: HashMap<String, Vec<(Point, pyaot_mir::Local)>> = HashMap::new();
    let mut replace: Vec<(Point, pyaot_mir::Local)> = Vec::new();
    for &b in &defs.cfg.rpo {
        for (i, s) in body.blocks[b.index()].stmts.iter().enumerate() {
            let Stmt::Assign { dest, value } = s else {
                continue;
            };
            let pure = match value {
                Rvalue::Binary(_, a, b) => stable(a) && stable(b),
                Rvalue::Unary(_, a) | Rvalue::Cast(_, a) => stable(a),
                Rvalue::Select(c, a, b) => stable(c) && stable(a) && stable(b),
                Rvalue::Use(_)
                | Rvalue::Load(..)
                | Rvalue::LoadVec(..)
                | Rvalue::Splat(_)
                | Rvalue::Special(_)
                | Rvalue::Lane(..) => false,
            };
            if !pure || !matches!(defs.single[dest.index()], Some(Def::Assign(..))) {
                continue;
            }
            let at = Point { block: b, index: i };
            let key = format!("{}:{value}", body.local_ty(*dest));
            let earlier = seen.entry(key).or_default();
            match earlier.iter().find(|(p, _)| defs.point_dominates(*p, at)) {
                Some((_, first)) => replace.push((at, *first)),
                None => earlier.push((at, *dest)),
            }
        }
    }
    let changed = !replace.is_empty();
    for (at, first) in replace {
        if let Stmt::Assign { value, .. } = &mut body.blocks[at.block.index()].stmts[at.index] {
            *value = Rvalue::Use(Operand::Local(first));
        }
    }
    changed
}
