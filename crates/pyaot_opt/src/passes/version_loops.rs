//! Loop versioning for bounds checks: an innermost counted loop whose remaining bounds checks can be
//! bounded before it runs gets a check-free copy, taken when one test before the loop shows that no
//! index can leave its axis.
//!
//! Guarantee: the check-free copy runs only when every index it stops checking lies in
//! `[0, size)` on every iteration (the test evaluates the counter's extreme values, and any
//! overflow while computing them sends control to the checked loop). Otherwise the original loop
//! runs unchanged, so an IndexError fires at the same iteration, after the same stores, as in CPython.

use crate::OptOptions;
use pyaot_mir::cfg::natural_loops;
use pyaot_mir::{
    BinOp, BlockData, BlockId, Body, CheckKind, Cmp, Local, MConst, MTy, Operand, Rvalue, Stmt,
    Terminator,
};

use crate::defs::{Def, Point};
use crate::lin::Lin;
use crate::ranges::Facts;
use crate::shape::{assign, checked_sum, each_loop, int, temp};

/// Loops larger than this are not copied.
const MAX_LOOP_BLOCKS: usize = 64;

pub fn run(body: &mut Body, _opts: &OptOptions) {
    each_loop(
        body,
        32,
        |b, done| next_plan(b, done).map(|p| (p.header, p)),
        |b, p| vec![apply(b, p)],
    );
}

/// A bounds check to drop in the fast copy.
struct Versioned {
    /// The block ending in the check.
    block: BlockId,
    /// The statement computing the wrapped index (`select neg, i + size, i`), replaced by `i`.
    select: Option<(usize, Operand)>,
}

struct Plan {
    header: BlockId,
    blocks: Vec<BlockId>,
    /// `(lowest index, highest index, size)` for each check, as forms over values known before the loop.
    tests: Vec<(Option<Lin>, Option<Lin>, Lin)>,
    checks: Vec<Versioned>,
}

fn next_plan(body: &Body, done: &[BlockId]) -> Option<Plan> {
    let mut facts = Facts::new(body);
    let loops = natural_loops(&facts.defs.cfg, &facts.defs.doms);
    for l in &loops {
        if done.contains(&l.header) || l.size() > MAX_LOOP_BLOCKS {
            continue;
        }
        let innermost = !loops
            .iter()
            .any(|o| o.header != l.header && l.contains(o.header));
        if !innermost {
            continue;
        }
        let Some((&c, _)) = facts.counters.iter().find(|(_, k)| k.in_loop == l.blocks) else {
            continue;
        };
        facts.invariant_in = Some(l.blocks.clone());
        let header_at = Point {
            block: l.header,
            index: 0,
        };
        let outside_preds: Vec<BlockId> = facts.defs.cfg.preds[l.header.index()]
            .iter()
            .copied()
            .filter(|p| !l.contains(*p))
            .collect();
        // A value the test may read: fixed before the loop, at every entry to it.
        let available = |a: Local| -> bool {
            if let Some(k) = facts.counters.get(&a) {
                return a != c
                    && k.valid_at(&facts.defs, header_at)
                    && outside_preds.iter().all(|p| {
                        let n = body.blocks[p.index()].stmts.len();
                        k.valid_at(
                            &facts.defs,
                            Point {
                                block: *p,
                                index: n,
                            },
                        )
                    });
            }
            match facts.defs.single[a.index()] {
                Some(Def::Param) => true,
                Some(Def::Assign(p, _)) | Some(Def::Call(p)) => {
                    !l.contains(p.block) && facts.defs.point_dominates(p, header_at)
                }
                // A local assigned several times, but never in the loop: the test reads the value
                // the whole run of the loop sees.
                None => facts.invariant_here(a, header_at),
            }
        };
        let ok_form = |f: &Lin| f.terms.keys().all(|a| available(*a));
        let mut tests = Vec::new();
        let mut checks = Vec::new();
        for (bi, in_loop) in l.blocks.iter().enumerate() {
            if !in_loop {
                continue;
            }
            let b = BlockId(bi as u32);
            let data = &body.blocks[bi];
            let Terminator::Check {
                kind: CheckKind::Bounds,
                fails: Operand::Local(f),
                ..
            } = data.terminator
            else {
                continue;
            };
            let at = Point {
                block: b,
                index: data.stmts.len(),
            };
            let Some(Def::Assign(_, Rvalue::Binary(BinOp::UCmp(Cmp::Ge), w, size))) =
                &facts.defs.single[f.index()]
            else {
                continue;
            };
            let (index, select) = wrapped_index(body, &facts, *w, b);
            let (Some(li), Some(ls)) = (facts.lin(index, at, 0), facts.lin(*size, at, 0)) else {
                continue;
            };
            let lo = facts.bound_form(&li, true, |x| x == c);
            let hi = facts.bound_form(&li, false, |x| x == c);
            let (Some(lo), Some(hi)) = (lo, hi) else {
                continue;
            };
            if !(ok_form(&lo) && ok_form(&hi) && ok_form(&ls)) {
                continue;
            }
            // Skip the parts range analysis already proves.
            let lo_known = facts.bound(&lo, true).is_some_and(|v| v >= 0);
            let hi_known = facts.compare(Cmp::Lt, &hi, &ls, header_at) == Some(true);
            let test = ((!lo_known).then_some(lo), (!hi_known).then_some(hi), ls);
            if !tests.contains(&test) {
                tests.push(test);
            }
            checks.push(Versioned { block: b, select });
        }
        if checks.is_empty() {
            continue;
        }
        return Some(Plan {
            header: l.header,
            blocks: (0..body.blocks.len())
                .filter(|i| l.blocks[*i])
                .map(|i| BlockId(i as u32))
                .collect(),
            tests,
            checks,
        });
    }
    None
}

/// The index a wrapped index `w` was computed from, and the position of the `select` computing
/// `w` when it is the negative-index adjustment in block `b`.
fn wrapped_index(
    body: &Body,
    facts: &Facts,
    w: Operand,
    b: BlockId,
) -> (Operand, Option<(usize, Operand)>) {
    let Operand::Local(wl) = w else {
        return (w, None);
    };
    let Some(Def::Assign(p, Rvalue::Select(Operand::Local(neg), Operand::Local(wrapped), i))) =
        &facts.defs.single[wl.index()]
    else {
        return (w, None);
    };
    let is_neg = matches!(
        &facts.defs.single[neg.index()],
        Some(Def::Assign(_, Rvalue::Binary(BinOp::Cmp(Cmp::Lt), x, Operand::Const(MConst::I64(0))))) if x == i
    );
    let is_wrap = matches!(
        &facts.defs.single[wrapped.index()],
        Some(Def::Assign(_, Rvalue::Binary(BinOp::IAdd, x, _))) if x == i
    );
    if is_neg && is_wrap && p.block == b && body.blocks[b.index()].stmts.len() > p.index {
        (*i, Some((p.index, *i)))
    } else {
        (w, None)
    }
}

/// Builds the test block and the fast copy; returns the fast copy's header.
fn apply(body: &mut Body, plan: &Plan) -> BlockId {
    let mut stmts = Vec::new();
    let mut bad: Vec<Operand> = Vec::new();
    for (lo, hi, size) in &plan.tests {
        if let Some(lo) = lo {
            if let Some(v) = emit_form(body, &mut stmts, &mut bad, lo) {
                let t = temp(body, MTy::Bool);
                stmts.push(assign(t, Rvalue::Binary(BinOp::Cmp(Cmp::Lt), v, int(0))));
                bad.push(Operand::Local(t));
            }
        }
        if let Some(hi) = hi {
            let v = emit_form(body, &mut stmts, &mut bad, hi);
            let s = emit_form(body, &mut stmts, &mut bad, size);
            if let (Some(v), Some(s)) = (v, s) {
                let t = temp(body, MTy::Bool);
                stmts.push(assign(t, Rvalue::Binary(BinOp::Cmp(Cmp::Ge), v, s)));
                bad.push(Operand::Local(t));
            }
        }
    }
    let mut any_bad = Operand::Const(MConst::Bool(false));
    for b in bad {
        let t = temp(body, MTy::Bool);
        stmts.push(assign(t, Rvalue::Binary(BinOp::Or, any_bad, b)));
        any_bad = Operand::Local(t);
    }

    // The fast copy: every loop block again, with edges inside the loop kept inside the copy.
    let base = body.blocks.len() as u32;
    let map = |b: BlockId| -> BlockId {
        match plan.blocks.iter().position(|x| *x == b) {
            Some(i) => BlockId(base + i as u32),
            None => b,
        }
    };
    let mut copies = Vec::with_capacity(plan.blocks.len());
    for &b in &plan.blocks {
        let mut data = body.blocks[b.index()].clone();
        for s in data.terminator.successors_mut() {
            *s = map(*s);
        }
        if let Some(v) = plan.checks.iter().find(|v| v.block == b) {
            if let Some((i, index)) = v.select {
                if let Stmt::Assign { value, .. } = &mut data.stmts[i] {
                    *value = Rvalue::Use(index);
                }
            }
            if let Terminator::Check { ok, .. } = data.terminator {
                data.terminator = Terminator::Goto(ok);
            }
        }
        copies.push(data);
    }
    body.blocks.extend(copies);
    let fast_header = map(plan.header);

    // The test block, entered from outside the loop in place of the header.
    let test = BlockId(body.blocks.len() as u32);
    body.blocks.push(BlockData {
        stmts,
        terminator: Terminator::Branch {
            cond: any_bad,
            then_block: plan.header,
            else_block: fast_header,
        },
    });
    for b in 0..test.index() {
        let id = BlockId(b as u32);
        if plan.blocks.contains(&id) || b >= base as usize {
            continue;
        }
        for s in body.blocks[b].terminator.successors_mut() {
            if *s == plan.header {
                *s = test;
            }
        }
    }
    fast_header
}

/// Emits the value of a form, adding an overflow flag to `bad` for each operation that may wrap.
fn emit_form(
    body: &mut Body,
    stmts: &mut Vec<Stmt>,
    bad: &mut Vec<Operand>,
    form: &Lin,
) -> Option<Operand> {
    let k = i64::try_from(form.k).ok()?;
    let terms = form
        .terms
        .iter()
        .map(|(x, c)| Some((*x, i64::try_from(*c).ok()?)))
        .collect::<Option<Vec<_>>>()?;
    Some(checked_sum(body, stmts, bad, k, &terms))
}
