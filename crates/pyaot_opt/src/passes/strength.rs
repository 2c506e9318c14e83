//! Strength reduction: `c * s`, an induction variable `c` times a run-time stride `s` the loop
//! never changes, becomes a local `q` set to `c * s` before the loop and advanced by `k * s`
//! wherever the loop advances `c` by `k`. A copy `x = c` (the loop variable of a `range` loop)
//! gets its own product, copied from `c`'s wherever `x` is.
//!
//! Guarantee: `q` equals `c * s` (wrapping, as `imul` is) at every point of the loop, so each
//! replaced product reads the same value. It runs after the loop-copying passes, which
//! recognise strides in the product form, so it touches the loops they left: run-time strides
//! that are not the element size, and loops they did not copy.

use pyaot_mir::cfg::{natural_loops, Cfg, Dominators, Loop};
use pyaot_mir::{BinOp, BlockData, BlockId, Body, Local, MConst, MTy, Operand, Rvalue, Stmt};

use crate::shape::{assign, each_loop_in_place, enter_through, outside_preds, temp};
use crate::OptOptions;

pub fn run(body: &mut Body, _opts: &OptOptions) {
    each_loop_in_place(
        body,
        32,
        |b, done| next_plan(b, done).map(|p| (p.header, p)),
        apply,
    );
}

struct Plan {
    header: BlockId,
    blocks: Vec<BlockId>,
    /// `(counter, stride)` products to reduce; counters come before their copies.
    products: Vec<(Local, Local)>,
    /// Locals assigned in the loop only as copies of one induction variable.
    copies: Vec<(Local, Local)>,
}

fn next_plan(body: &Body, done: &[BlockId]) -> Option<Plan> {
    let cfg = Cfg::new(body);
    let doms = Dominators::new(&cfg);
    natural_loops(&cfg, &doms)
        .iter()
        .filter(|l| !done.contains(&l.header))
        .find_map(|l| plan(body, l))
}

fn plan(body: &Body, l: &Loop) -> Option<Plan> {
    let blocks: Vec<BlockId> = (0..body.blocks.len() as u32)
        .map(BlockId)
        .filter(|b| l.contains(*b))
        .collect();
    let stmts = || blocks.iter().flat_map(|b| &body.blocks[b.index()].stmts);
    let mut assigned = vec![false; body.locals.len()];
    // Whether every assignment in the loop advances the local by a constant.
    let mut induction = vec![true; body.locals.len()];
    for s in stmts() {
        match s {
            Stmt::Assign { dest, value } => {
                assigned[dest.index()] = true;
                let step = matches!(value, Rvalue::Binary(BinOp::IAdd, Operand::Local(a), Operand::Const(MConst::I64(_))) if a == dest);
                induction[dest.index()] &= step;
            }
            Stmt::Call { dests, .. } => dests.iter().for_each(|d| {
                assigned[d.index()] = true;
                induction[d.index()] = false;
            }),
            Stmt::Store { .. } | Stmt::StoreVec { .. } | Stmt::IncRef(_) | Stmt::DecRef(_) => {}
        }
    }
    // Calls ending blocks assign their results too.
    for b in &blocks {
        if let pyaot_mir::Terminator::Call { dests, .. } = &body.blocks[b.index()].terminator {
            for d in dests {
                assigned[d.index()] = true;
                induction[d.index()] = false;
            }
        }
    }
    // Locals the loop assigns only as copies of one induction variable.
    let mut copy_of: Vec<Option<Local>> = vec![None; body.locals.len()];
    let mut not_copy = vec![false; body.locals.len()];
    for s in stmts() {
        if let Stmt::Assign { dest, value } = s {
            match value {
                Rvalue::Use(Operand::Local(c))
                    if induction[c.index()] && assigned[c.index()] && c != dest =>
                {
                    if copy_of[dest.index()].is_some_and(|o| o != *c) {
                        not_copy[dest.index()] = true;
                    }
                    copy_of[dest.index()] = Some(*c);
                }
                _ => not_copy[dest.index()] = true,
            }
        }
    }
    let copy = |l: &Local| copy_of[l.index()].filter(|_| !not_copy[l.index()]);
    let mut products = Vec::new();
    let mut copies = Vec::new();
    for s in stmts() {
        let Stmt::Assign {
            value: Rvalue::Binary(BinOp::IMul, Operand::Local(x), Operand::Local(y)),
            ..
        } = s
        else {
            continue;
        };
        let fits = |c: &Local, st: &Local| {
            let counter = (assigned[c.index()] && induction[c.index()]) || copy(c).is_some();
            counter && !assigned[st.index()] && body.local_ty(*c) == MTy::I64
        };
        for (c, st) in [(*x, *y), (*y, *x)] {
            if !fits(&c, &st) {
                continue;
            }
            if let Some(orig) = copy(&c) {
                if !products.contains(&(orig, st)) {
                    products.push((orig, st));
                }
                if !copies.contains(&(c, orig)) {
                    copies.push((c, orig));
                }
            }
            if !products.contains(&(c, st)) {
                products.push((c, st));
            }
            break;
        }
    }
    (!products.is_empty()).then_some(Plan {
        header: l.header,
        blocks,
        products,
        copies,
    })
}

fn apply(body: &mut Body, plan: &Plan) {
    let outside = outside_preds(body, plan.header, &plan.blocks);
    let mut pre = Vec::new();
    let mut reduced: Vec<(Local, Local, Local)> = Vec::new();
    for &(c, s) in &plan.products {
        let q = temp(body, MTy::I64);
        pre.push(assign(
            q,
            Rvalue::Binary(BinOp::IMul, Operand::Local(c), Operand::Local(s)),
        ));
        reduced.push((c, s, q));
    }
    // Steps `k * s` for each constant step `k` the loop uses, computed before it.
    let mut steps: Vec<((Local, i64), Local)> = Vec::new();
    for b in &plan.blocks {
        let old = std::mem::take(&mut body.blocks[b.index()].stmts);
        let mut new = Vec::with_capacity(old.len());
        for st in old {
            match &st {
                Stmt::Assign {
                    dest,
                    value: Rvalue::Binary(BinOp::IMul, Operand::Local(x), Operand::Local(y)),
                } => {
                    let hit = reduced
                        .iter()
                        .find(|(c, s, _)| (x, y) == (c, s) || (y, x) == (c, s));
                    match hit {
                        Some((_, _, q)) => new.push(assign(*dest, Rvalue::Use(Operand::Local(*q)))),
                        None => new.push(st),
                    }
                }
                Stmt::Assign {
                    dest,
                    value: Rvalue::Binary(BinOp::IAdd, _, Operand::Const(MConst::I64(k))),
                } => {
                    let (dest, k) = (*dest, *k);
                    new.push(st);
                    for &(c, s, q) in &reduced {
                        if c != dest {
                            continue;
                        }
                        let step = match steps.iter().find(|(key, _)| *key == (s, k)) {
                            Some((_, l)) => *l,
                            None => {
                                let l = temp(body, MTy::I64);
                                pre.push(assign(
                                    l,
                                    Rvalue::Binary(
                                        BinOp::IMul,
                                        Operand::Local(s),
                                        Operand::Const(MConst::I64(k)),
                                    ),
                                ));
                                steps.push(((s, k), l));
                                l
                            }
                        };
                        new.push(assign(
                            q,
                            Rvalue::Binary(BinOp::IAdd, Operand::Local(q), Operand::Local(step)),
                        ));
                    }
                }
                Stmt::Assign {
                    dest,
                    value: Rvalue::Use(Operand::Local(c)),
                } if plan.copies.contains(&(*dest, *c)) => {
                    let (x, c) = (*dest, *c);
                    new.push(st);
                    // The copy's products follow the counter's.
                    for &(v, s, q) in &reduced {
                        if v != x {
                            continue;
                        }
                        let qc = reduced
                            .iter()
                            .find(|(v2, s2, _)| (*v2, *s2) == (c, s))
                            .map(|r| r.2)
                            .expect("the counter's product is reduced too");
                        new.push(assign(q, Rvalue::Use(Operand::Local(qc))));
                    }
                }
                _ => new.push(st),
            }
        }
        body.blocks[b.index()].stmts = new;
    }
    let pre_block = BlockId(body.blocks.len() as u32);
    body.blocks.push(BlockData {
        stmts: pre,
        terminator: pyaot_mir::Terminator::Goto(plan.header),
    });
    enter_through(body, plan.header, &outside, pre_block);
}
