//! Loop-aware branch orientation.
//!
//! Cranelift 0.135 hoists loop-invariant code only when, at a conditional branch inside a loop,
//! the successor that stays in the loop is the *second* `brif` target: its dominator-tree walk
//! otherwise visits the exit first and forgets the loop before reaching the body.
//! So codegen inverts the condition of branches whose `then` stays in the loop and whose `else` leaves it.

use pyaot_mir::{Body, Terminator};

/// The successors of a block.
fn successors(t: &Terminator) -> Vec<usize> {
    match t {
        Terminator::Goto(b) => vec![b.index()],
        Terminator::Branch {
            then_block,
            else_block,
            ..
        } => vec![then_block.index(), else_block.index()],
        Terminator::Call { next, .. } => vec![next.index()],
        Terminator::Return | Terminator::Raise { .. } | Terminator::Unreachable => vec![],
    }
}

/// For each block, whether its `Branch` should be emitted inverted (`brif !cond, else, then`).
pub(crate) fn inverted_branches(body: &Body) -> Vec<bool> {
    let n = body.blocks.len();
    let succs: Vec<Vec<usize>> = body
        .blocks
        .iter()
        .map(|b| successors(&b.terminator))
        .collect();
    let mut preds = vec![Vec::new(); n];
    for (b, ss) in succs.iter().enumerate() {
        for &s in ss {
            if s < n {
                preds[s].push(b);
            }
        }
    }

    // Retreating edges of a depth-first walk from the entry: (latch, header).
    let mut back_edges = Vec::new();
    let mut state = vec![0u8; n]; // 0 unseen, 1 on the stack, 2 done
    let mut stack = vec![(0usize, 0usize)];
    if n > 0 {
        state[0] = 1;
    }
    while let Some(&mut (b, ref mut i)) = stack.last_mut() {
        if let Some(&s) = succs[b].get(*i) {
            *i += 1;
            if s >= n {
                continue;
            }
            match state[s] {
                0 => {
                    state[s] = 1;
                    stack.push((s, 0));
                }
                1 => back_edges.push((b, s)),
                _ => {}
            }
        } else {
            state[b] = 2;
            stack.pop();
        }
    }

    // The natural loop of each back edge, kept innermost first (smallest body).
    let mut loops: Vec<Vec<bool>> = back_edges
        .iter()
        .map(|&(latch, header)| {
            let mut in_loop = vec![false; n];
            in_loop[header] = true;
            let mut work = vec![latch];
            while let Some(b) = work.pop() {
                if !in_loop[b] {
                    in_loop[b] = true;
                    work.extend(preds[b].iter().copied());
                }
            }
            in_loop
        })
        .collect();
    loops.sort_by_key(|l| l.iter().filter(|x| **x).count());

    body.blocks
        .iter()
        .enumerate()
        .map(|(b, block)| match &block.terminator {
            Terminator::Branch {
                then_block,
                else_block,
                ..
            } => loops.iter().find(|l| l[b]).is_some_and(|l| {
                l.get(then_block.index()) == Some(&true)
                    && l.get(else_block.index()) == Some(&false)
            }),
            _ => false,
        })
        .collect()
}
