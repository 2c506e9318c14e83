//! The loop shape the loop-copying passes work on, and small helpers to build MIR.
//!
//! A *simple counted loop* has a header holding only `t = cmp_ge c, stop; branch t, exit, first`
//! and a body that is one chain of blocks, each the only successor of the one before, ending in
//! `c = c + 1; goto header`, with `c` assigned nowhere else in it and `stop` not at all.

use pyaot_mir::cfg::Cfg;
use pyaot_mir::cfg::Loop;
use pyaot_mir::{
    BinOp, BlockId, Body, Cmp, Local, LocalDecl, MConst, MTy, Operand, Rvalue, Stmt, Terminator,
};

/// A simple counted loop.
pub(crate) struct CountedLoop {
    pub header: BlockId,
    /// The body's blocks from the header's successor to the latch, in order.
    pub chain: Vec<BlockId>,
    pub counter: Local,
    pub stop: Operand,
}

impl CountedLoop {
    /// The body's statements in order (the last is the increment).
    pub fn stmts<'a>(&self, body: &'a Body) -> Vec<&'a Stmt> {
        self.chain
            .iter()
            .flat_map(|b| &body.blocks[b.index()].stmts)
            .collect()
    }
}

/// The loop as a simple counted loop, if it is one.
pub(crate) fn counted_loop(body: &Body, cfg: &Cfg, l: &Loop) -> Option<CountedLoop> {
    let h = l.header;
    let hb = &body.blocks[h.index()];
    let [Stmt::Assign {
        dest: t,
        value: Rvalue::Binary(BinOp::Cmp(Cmp::Ge), Operand::Local(c), stop),
    }] = hb.stmts[..]
    else {
        return None;
    };
    let Terminator::Branch {
        cond: Operand::Local(t2),
        then_block: exit,
        else_block: first,
    } = hb.terminator
    else {
        return None;
    };
    if t2 != t || l.contains(exit) || !l.contains(first) {
        return None;
    }
    let mut chain = vec![first];
    let mut cur = first;
    loop {
        if cfg.preds[cur.index()].len() != 1 || chain.len() > 16 {
            return None;
        }
        match body.blocks[cur.index()].terminator {
            Terminator::Goto(next) if next == h => break,
            Terminator::Goto(next) if l.contains(next) && !chain.contains(&next) => {
                chain.push(next);
                cur = next;
            }
            _ => return None,
        }
    }
    if chain.len() + 1 != l.size() {
        return None;
    }
    let found = CountedLoop {
        header: h,
        chain,
        counter: c,
        stop,
    };
    let stmts = found.stmts(body);
    let is_inc = |s: &Stmt| {
        matches!(s, Stmt::Assign { dest, value: Rvalue::Binary(BinOp::IAdd, Operand::Local(a), Operand::Const(MConst::I64(1))) }
            if *dest == c && *a == c)
    };
    let assigns = |l: Local| {
        stmts
            .iter()
            .filter(|s| match s {
                Stmt::Assign { dest, .. } => *dest == l,
                Stmt::Call { dests, .. } => dests.contains(&l),
                Stmt::Store { .. } | Stmt::StoreVec { .. } | Stmt::IncRef(_) | Stmt::DecRef(_) => {
                    false
                }
            })
            .count()
    };
    if !stmts.last().is_some_and(|s| is_inc(s)) || assigns(c) != 1 {
        return None;
    }
    if let Operand::Local(s) = stop {
        if s == t || assigns(s) != 0 {
            return None;
        }
    }
    Some(found)
}

/// The blocks outside the loop (not in `inside`) that jump to its header; take them before
/// adding blocks that jump there too.
pub(crate) fn outside_preds(body: &Body, header: BlockId, inside: &[BlockId]) -> Vec<BlockId> {
    Cfg::new(body).preds[header.index()]
        .iter()
        .copied()
        .filter(|p| !inside.contains(p))
        .collect()
}

/// Points the edges from `outside` into `header` at `to`.
pub(crate) fn enter_through(body: &mut Body, header: BlockId, outside: &[BlockId], to: BlockId) {
    for &p in outside {
        for s in body.blocks[p.index()].terminator.successors_mut() {
            if *s == header {
                *s = to;
            }
        }
    }
}

/// Transforms the body's loops one at a time (the CFG changes after each): `plan` finds the next
/// loop not yet done, `apply` rewrites it and returns the headers of any copies it made, which
/// count as done too. At most `limit` loops.
pub(crate) fn each_loop<P>(
    body: &mut Body,
    limit: usize,
    plan: impl Fn(&Body, &[BlockId]) -> Option<(BlockId, P)>,
    apply: impl Fn(&mut Body, &P) -> Vec<BlockId>,
) {
    let mut done: Vec<BlockId> = Vec::new();
    for _ in 0..limit {
        let Some((header, p)) = plan(body, &done) else {
            break;
        };
        done.push(header);
        done.extend(apply(body, &p));
    }
}

/// As [`each_loop`] for passes that rewrite a loop in place without copying it.
pub(crate) fn each_loop_in_place<P>(
    body: &mut Body,
    limit: usize,
    plan: impl Fn(&Body, &[BlockId]) -> Option<(BlockId, P)>,
    apply: impl Fn(&mut Body, &P),
) {
    each_loop(body, limit, plan, |b, p| {
        apply(b, p);
        Vec::new()
    });
}

/// The body's simple counted loops whose headers are not in `done`, in the order of
/// [`natural_loops`](pyaot_mir::cfg::natural_loops).
pub(crate) fn counted_loops(body: &Body, done: &[BlockId]) -> Vec<CountedLoop> {
    let cfg = Cfg::new(body);
    let doms = pyaot_mir::cfg::Dominators::new(&cfg);
    pyaot_mir::cfg::natural_loops(&cfg, &doms)
        .iter()
        .filter(|l| !done.contains(&l.header))
        .filter_map(|l| counted_loop(body, &cfg, l))
        .collect()
}

/// Emits `a op b` into `out`, and its overflow test `flag` into `bad` (a test that sends control
/// to the checked code when it holds); returns the result.
pub(crate) fn checked(
    body: &mut Body,
    out: &mut Vec<Stmt>,
    bad: &mut Vec<Operand>,
    op: BinOp,
    flag: BinOp,
    a: Operand,
    b: Operand,
) -> Operand {
    let r = temp(body, MTy::I64);
    let f = temp(body, MTy::Bool);
    out.push(assign(r, Rvalue::Binary(op, a, b)));
    out.push(assign(f, Rvalue::Binary(flag, a, b)));
    bad.push(Operand::Local(f));
    Operand::Local(r)
}

/// Emits `k + Σ c·x` with an overflow test per operation (see [`checked`]).
pub(crate) fn checked_sum(
    body: &mut Body,
    out: &mut Vec<Stmt>,
    bad: &mut Vec<Operand>,
    k: i64,
    terms: &[(Local, i64)],
) -> Operand {
    let mut acc = int(k);
    for &(x, c) in terms {
        let term = if c == 1 {
            Operand::Local(x)
        } else {
            let (mul, flag) = (BinOp::IMul, BinOp::IMulOverflows);
            checked(body, out, bad, mul, flag, Operand::Local(x), int(c))
        };
        acc = checked(body, out, bad, BinOp::IAdd, BinOp::IAddOverflows, acc, term);
    }
    acc
}

/// A new temporary of the type.
pub(crate) fn temp(body: &mut Body, ty: MTy) -> Local {
    body.locals.push(LocalDecl::temp(ty));
    Local(body.locals.len() as u32 - 1)
}

pub(crate) fn assign(dest: Local, value: Rvalue) -> Stmt {
    Stmt::Assign { dest, value }
}

pub(crate) fn int(v: i64) -> Operand {
    Operand::Const(MConst::I64(v))
}
