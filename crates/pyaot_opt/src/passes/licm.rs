//! Loop-invariant code motion: integer computations whose operands a loop never changes (row
//! offsets `i * stride`, row addresses, `n - 1`) move to a block before the loop.
//!
//! Guarantee: only computations that cannot trap (no division, no memory read) of a local
//! assigned once, all of whose uses its definition dominates, move; their operands are constants
//! or locals the loop never assigns, so they compute the same value before the loop.

use crate::OptOptions;
use pyaot_mir::cfg::{natural_loops, Cfg, Dominators};
use pyaot_mir::{BinOp, BlockData, BlockId, Body, MTy, Operand, Rvalue, Stmt, Terminator};

use crate::defs::{for_each_operand_mut, Defs};

pub fn run(body: &mut Body, _opts: &OptOptions) {
    // Innermost loops first, one loop per round (the CFG changes when a preheader is made).
    let mut done: Vec<BlockId> = Vec::new();
    for _ in 0..64 {
        let cfg = Cfg::new(body);
        let doms = Dominators::new(&cfg);
        let loops = natural_loops(&cfg, &doms);
        let Some(l) = loops.iter().find(|l| !done.contains(&l.header)) else {
            break;
        };
        done.push(l.header);
        hoist(body, &l.blocks, l.header);
    }
}

/// Moves the invariant computations of the loop `blocks` (headed by `header`) to its preheader.
fn hoist(body: &mut Body, blocks: &[bool], header: BlockId) {
    if header.0 == 0 {
        // The entry block has no edge from outside to put a preheader on.
        return;
    }
    let defs = Defs::new(body);
    let mut assigned = vec![false; body.locals.len()];
    for (b, data) in body.blocks.iter().enumerate() {
        if !blocks[b] {
            continue;
        }
        for s in &data.stmts {
            match s {
                Stmt::Assign { dest, .. } => assigned[dest.index()] = true,
                Stmt::Call { dests, .. } => dests.iter().for_each(|d| assigned[d.index()] = true),
                Stmt::Store { .. } | Stmt::StoreVec { .. } | Stmt::IncRef(_) | Stmt::DecRef(_) => {}
            }
        }
        if let Terminator::Call { dests, .. } = &data.terminator {
            dests.iter().for_each(|d| assigned[d.index()] = true);
        }
    }
    // Locals read somewhere their definition does not dominate (read before assignment).
    let mut early = vec![false; body.locals.len()];
    let mut probe = body.clone();
    for_each_operand_mut(&mut probe, |at, op| {
        if let Operand::Local(l) = op {
            if let Some(p) = defs.sites[l.index()].first() {
                // Reads in unreachable blocks (the raise of a removed check) never happen.
                if defs.cfg.reachable(at.block) && !defs.point_dominates(*p, at) {
                    early[l.index()] = true;
                }
            }
        }
    });
    let mut moved: Vec<Stmt> = Vec::new();
    loop {
        let mut found = None;
        'search: for &b in &defs.cfg.rpo {
            if !blocks[b.index()] {
                continue;
            }
            for (i, s) in body.blocks[b.index()].stmts.iter().enumerate() {
                let Stmt::Assign { dest, value } = s else {
                    continue;
                };
                let invariant = |op: &Operand| match op {
                    Operand::Const(_) => true,
                    Operand::Local(l) => !assigned[l.index()],
                };
                let pure = match value {
                    Rvalue::Binary(op, a, b) => {
                        !matches!(
                            op,
                            BinOp::IFloorDiv | BinOp::IMod | BinOp::UDiv | BinOp::URem
                        ) && invariant(a)
                            && invariant(b)
                    }
                    Rvalue::Unary(_, a) | Rvalue::Cast(_, a) | Rvalue::Use(a) => invariant(a),
                    Rvalue::Select(c, a, b) => invariant(c) && invariant(a) && invariant(b),
                    Rvalue::Load(..)
                    | Rvalue::LoadVec(..)
                    | Rvalue::Splat(_)
                    | Rvalue::Special(_)
                    | Rvalue::Lane(..) => false,
                };
                let ty_ok = matches!(body.local_ty(*dest), MTy::I64 | MTy::Bool);
                if pure
                    && ty_ok
                    && defs.count[dest.index()] == 1
                    && !body.params.contains(dest)
                    && !early[dest.index()]
                {
                    found = Some((b, i, *dest));
                    break 'search;
                }
            }
        }
        let Some((b, i, dest)) = found else {
            break;
        };
        moved.push(body.blocks[b.index()].stmts.remove(i));
        assigned[dest.index()] = false;
    }
    if moved.is_empty() {
        return;
    }
    // The preheader: a new block every entry from outside the loop goes through.
    let pre = BlockId(body.blocks.len() as u32);
    for (b, data) in body.blocks.iter_mut().enumerate() {
        if blocks[b] {
            continue;
        }
        for s in data.terminator.successors_mut() {
            if *s == header {
                *s = pre;
            }
        }
    }
    body.blocks.push(BlockData {
        stmts: moved,
        terminator: Terminator::Goto(header),
    });
}
