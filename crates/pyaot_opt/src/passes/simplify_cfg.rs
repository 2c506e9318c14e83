//! CFG simplification: jumps through empty blocks are threaded, a block is merged into its only
//! predecessor when that one jumps straight to it, and unreachable blocks are dropped.
//!
//! Guarantee: the same statements run in the same order on every path; block 0 stays the entry.

use crate::OptOptions;
use pyaot_mir::cfg::Cfg;
use pyaot_mir::{BlockData, BlockId, Body, Terminator};

pub fn run(body: &mut Body, _opts: &OptOptions) {
    thread_jumps(body);
    merge_blocks(body);
    drop_unreachable(body);
}

/// Retargets edges that lead to an empty block ending in `goto`.
fn thread_jumps(body: &mut Body) {
    let n = body.blocks.len();
    let target = |b: BlockId, blocks: &[BlockData]| -> BlockId {
        let mut cur = b;
        // Bounded: a cycle of empty blocks (`while True: pass`) is left as it is.
        for _ in 0..n.min(64) {
            let data = &blocks[cur.index()];
            match data.terminator {
                Terminator::Goto(next) if data.stmts.is_empty() && next != cur && cur.0 != 0 => {
                    cur = next
                }
                _ => break,
            }
        }
        cur
    };
    for i in 0..n {
        let mut term = body.blocks[i].terminator.clone();
        for s in term.successors_mut() {
            *s = target(*s, &body.blocks);
        }
        body.blocks[i].terminator = term;
    }
}

/// Appends a block to its predecessor when that is its only one and ends in `goto` to it.
fn merge_blocks(body: &mut Body) {
    loop {
        let cfg = Cfg::new(body);
        let mut merged = false;
        for &a in &cfg.rpo {
            let Terminator::Goto(b) = body.blocks[a.index()].terminator else {
                continue;
            };
            if b == a || b.0 == 0 || cfg.preds[b.index()].len() != 1 {
                continue;
            }
            let taken = std::mem::replace(
                &mut body.blocks[b.index()],
                BlockData {
                    stmts: Vec::new(),
                    terminator: Terminator::Unreachable,
                },
            );
            let block = &mut body.blocks[a.index()];
            block.stmts.extend(taken.stmts);
            block.terminator = taken.terminator;
            merged = true;
            break;
        }
        if !merged {
            break;
        }
    }
}

/// Removes blocks the entry cannot reach and renumbers the rest in their old order.
fn drop_unreachable(body: &mut Body) {
    let cfg = Cfg::new(body);
    let mut map = vec![None; body.blocks.len()];
    let mut next = 0u32;
    for (i, m) in map.iter_mut().enumerate() {
        if cfg.reachable(BlockId(i as u32)) {
            *m = Some(BlockId(next));
            next += 1;
        }
    }
    if next as usize == body.blocks.len() {
        return;
    }
    let old = std::mem::take(&mut body.blocks);
    for (i, mut block) in old.into_iter().enumerate() {
        if map[i].is_none() {
            continue;
        }
        for s in block.terminator.successors_mut() {
            *s = map[s.index()].expect("a reachable block's successor is reachable");
        }
        body.blocks.push(block);
    }
}
