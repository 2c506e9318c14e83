//! Integer facts of a body: loop counters and their bounds, linear forms of values, and bounds of forms.
//!
//! A loop counter is a local `c` assigned twice: `c = start` before a loop whose header exits when
//! `c >= stop` (or `c > stop`, or keeps looping while `c < stop` / `c <= stop`), and `c = c + 1` in the
//! loop. Between the header's test and the increment, `start <= c <= stop - 1` (or `<= stop`).
//! Linear forms are over stable locals (see `defs`) and counters where they hold their in-body value;
//! an addition is linear only where it cannot wrap.

use std::collections::HashMap;

use pyaot_mir::cfg::natural_loops;
use pyaot_mir::{BinOp, BlockId, Body, Cmp, Local, MConst, MTy, Operand, Rvalue, Stmt, Terminator};

use crate::defs::{Def, Defs, Point};
use crate::lin::Lin;

const MAX: i128 = i64::MAX as i128;
const MIN: i128 = i64::MIN as i128;

/// A loop counter and where its bounds hold.
pub(crate) struct Counter {
    /// `start` as a linear form, if known.
    pub lo: Option<Lin>,
    /// The largest value inside the loop body, if known.
    pub hi: Option<Lin>,
    /// The loop's first block after the header's test; only the header leads to it.
    pub entry: BlockId,
    pub in_loop: Vec<bool>,
    /// Loop blocks reachable from the increment without passing the header.
    pub after: Vec<bool>,
    pub inc: Point,
}

impl Counter {
    /// Whether the counter holds its in-body value at `at` (between the test and the increment).
    pub fn valid_at(&self, defs: &Defs, at: Point) -> bool {
        let b = at.block.index();
        self.in_loop[b]
            && !self.after[b]
            && defs.doms.dominates(self.entry, at.block)
            && (at.block != self.inc.block || at.index <= self.inc.index)
    }
}

pub(crate) struct Facts<'a> {
    pub body: &'a Body,
    pub defs: Defs,
    pub counters: HashMap<Local, Counter>,
    /// `(overflow test, a, b, block)`: in blocks `block` dominates, `a op b` did not overflow.
    guarded: Vec<(BinOp, Operand, Operand, BlockId)>,
    /// `(block, form)`: in blocks `block` dominates, the form is non-negative (a test passed).
    known: Vec<(BlockId, Lin)>,
    /// `(block, test, value)`: in blocks `block` dominates, the stable `Bool` local `test` has `value`
    /// (a branch or check on it led there).
    pub known_tests: Vec<(BlockId, Local, bool)>,
    /// Locals of several assignments that are never negative (shown by induction over them).
    nonneg: Vec<bool>,
    /// The blocks of the loop `version_loops` is looking at: inside it, a local it never assigns
    /// holds one value for the whole run of the loop and is an atom.
    pub invariant_in: Option<Vec<bool>>,
}

impl<'a> Facts<'a> {
    pub fn new(body: &'a Body) -> Facts<'a> {
        let defs = Defs::new(body);
        let mut facts = Facts {
            body,
            defs,
            counters: HashMap::new(),
            guarded: Vec::new(),
            known: Vec::new(),
            nonneg: Vec::new(),
            invariant_in: None,
            known_tests: Vec::new(),
        };
        facts.find_guards();
        facts.find_counters();
        facts.find_known();
        facts.find_nonneg();
        facts
    }

    /// Records the `ok` side of every overflow check.
    fn find_guards(&mut self) {
        for (bi, block) in self.body.blocks.iter().enumerate() {
            let Terminator::Check {
                fails: Operand::Local(f),
                ok,
                ..
            } = &block.terminator
            else {
                continue;
            };
            let Some(Def::Assign(p, Rvalue::Binary(op, a, b))) = &self.defs.single[f.index()]
            else {
                continue;
            };
            let test = matches!(
                op,
                BinOp::IAddOverflows | BinOp::ISubOverflows | BinOp::IMulOverflows
            );
            // The `ok` block sees the operands the test read: it is entered only from this block,
            // and a local assigned more than once is not assigned between the test and the check.
            let here = BlockId(bi as u32);
            let unchanged = |x: &Operand| match x {
                Operand::Local(l) if !self.defs.is_single(*l) => {
                    p.block == here
                        && !self.defs.sites[l.index()]
                            .iter()
                            .any(|s| s.block == here && s.index > p.index)
                }
                _ => true,
            };
            if test && self.defs.cfg.preds[ok.index()] == [here] && unchanged(a) && unchanged(b) {
                self.guarded.push((*op, *a, *b, *ok));
            }
        }
    }

    /// Finds the counters of the body's loops, outer loops first so inner bounds may use them.
    fn find_counters(&mut self) {
        let loops = natural_loops(&self.defs.cfg, &self.defs.doms);
        for l in loops.iter().rev() {
            if let Some((c, counter)) = self.counter_of(l).or_else(|| self.rotated_counter_of(l)) {
                self.counters.insert(c, counter);
            }
        }
    }

    fn counter_of(&self, l: &pyaot_mir::cfg::Loop) -> Option<(Local, Counter)> {
        let h = l.header;
        let hb = &self.body.blocks[h.index()];
        let Terminator::Branch {
            cond: Operand::Local(t),
            then_block,
            else_block,
        } = hb.terminator
        else {
            return None;
        };
        // The in-loop successor, and whether the loop continues when `t` is true.
        let (entry, stay_if) = match (l.contains(then_block), l.contains(else_block)) {
            (false, true) => (else_block, false),
            (true, false) => (then_block, true),
            _ => return None,
        };
        if self.defs.cfg.preds[entry.index()] != [h] {
            return None;
        }
        let Some(Def::Assign(tp, Rvalue::Binary(BinOp::Cmp(cmp), x, y))) =
            &self.defs.single[t.index()]
        else {
            return None;
        };
        if tp.block != h || self.body.operand_ty(x) != MTy::I64 {
            return None;
        }
        // The comparison that holds inside the loop, as `c < s` or `c <= s`.
        let inside = if stay_if { *cmp } else { negate(*cmp) };
        let (c, stop, strict) = match (inside, x, y) {
            (Cmp::Lt, Operand::Local(c), s) => (*c, *s, true),
            (Cmp::Le, Operand::Local(c), s) => (*c, *s, false),
            (Cmp::Gt, s, Operand::Local(c)) => (*c, *s, true),
            (Cmp::Ge, s, Operand::Local(c)) => (*c, *s, false),
            _ => return None,
        };
        if self.defs.count[c.index()] != 2 || self.body.params.contains(&c) {
            return None;
        }
        let sites = &self.defs.sites[c.index()];
        let (init, inc) = match (l.contains(sites[0].block), l.contains(sites[1].block)) {
            (false, true) => (sites[0], sites[1]),
            (true, false) => (sites[1], sites[0]),
            _ => return None,
        };
        let header_at = Point { block: h, index: 0 };
        if !self.defs.point_dominates(init, header_at)
            || !self.defs.doms.dominates(entry, inc.block)
        {
            return None;
        }
        // The increment: `c = c + 1`, or `c = t2` with `t2 = c + 1` (a checked Python `+=`).
        let rv_at = |p: Point| match &self.body.blocks[p.block.index()].stmts.get(p.index) {
            Some(Stmt::Assign { value, .. }) => Some(value.clone()),
            _ => None,
        };
        let is_plus_one = |rv: &Rvalue| {
            matches!(rv, Rvalue::Binary(BinOp::IAdd, Operand::Local(a), Operand::Const(MConst::I64(1))) if *a == c)
                || matches!(rv, Rvalue::Binary(BinOp::IAdd, Operand::Const(MConst::I64(1)), Operand::Local(a)) if *a == c)
        };
        let inc_rv = rv_at(inc)?;
        let step_ok = if is_plus_one(&inc_rv) {
            // A raw increment cannot wrap only when `c < stop` held before it.
            strict
        } else if let Rvalue::Use(Operand::Local(t2)) = inc_rv {
            match &self.defs.single[t2.index()] {
                Some(Def::Assign(p, rv)) if is_plus_one(rv) && l.contains(p.block) => {
                    // `c + 1` computed in this iteration: between the test and the copy.
                    self.defs.doms.dominates(entry, p.block)
                        && self.defs.point_dominates(*p, inc)
                        && (strict || self.is_guarded(BinOp::IAddOverflows, rv, *p))
                }
                _ => false,
            }
        } else {
            false
        };
        if !step_ok {
            return None;
        }
        // The stop must be the same on every iteration.
        if let Operand::Local(s) = stop {
            self.defs.stable_at(s, header_at)?;
        }
        let mut after = vec![false; self.body.blocks.len()];
        let mut work: Vec<BlockId> = self.defs.cfg.succs[inc.block.index()].clone();
        while let Some(b) = work.pop() {
            if b == h || !l.contains(b) || after[b.index()] {
                continue;
            }
            after[b.index()] = true;
            work.extend(self.defs.cfg.succs[b.index()].iter().copied());
        }
        if after[inc.block.index()] {
            return None;
        }
        let lo = match rv_at(init)? {
            Rvalue::Use(op) => self.lin(op, init, 0),
            _ => None,
        };
        let hi = self.lin(stop, header_at, 0).and_then(|s| {
            if strict {
                s.sub(&Lin::konst(1))
            } else {
                Some(s)
            }
        });
        Some((
            c,
            Counter {
                lo,
                hi,
                entry,
                in_loop: l.blocks.clone(),
                after,
                inc,
            },
        ))
    }

    /// The counter of a loop with a constant step other than 1, as lowering rotates it: a test
    /// `c >= stop` (`c <= stop` going down) before the loop, and at the latch a test that
    /// `c + step` stays inside (`dist = stop - c; dist <=u |step|` leaves) before `c = c + step`.
    /// In the loop `start <= c < stop` (or `stop < c <= start`).
    fn rotated_counter_of(&self, l: &pyaot_mir::cfg::Loop) -> Option<(Local, Counter)> {
        let h = l.header;
        let [latch] = l.latches[..] else {
            return None;
        };
        let lb = &self.body.blocks[latch.index()];
        let [.., Stmt::Assign {
            dest: c,
            value: Rvalue::Binary(BinOp::IAdd, Operand::Local(c2), step_op),
        }] = &lb.stmts[..]
        else {
            return None;
        };
        let c = *c;
        if c != *c2 || lb.terminator != Terminator::Goto(h) {
            return None;
        }
        // A constant step, or a positive one fixed before the loop (`range(a, b, k)` with `k >= 1`).
        let step = match step_op {
            Operand::Const(MConst::I64(k)) if *k != 0 && *k != i64::MIN => *k,
            Operand::Local(s) => {
                let at = Point { block: h, index: 0 };
                let fixed = self.defs.stable_at(*s, at).is_some();
                let positive = self
                    .lin(*step_op, at, 0)
                    .and_then(|f| self.bound(&f, true))
                    .is_some_and(|v| v >= 1);
                if !(fixed && positive) {
                    return None;
                }
                1
            }
            _ => return None,
        };
        let inc = Point {
            block: latch,
            index: lb.stmts.len() - 1,
        };
        if self.defs.count[c.index()] != 2 || self.body.params.contains(&c) {
            return None;
        }
        let init = *self.defs.sites[c.index()].iter().find(|p| **p != inc)?;
        let header_at = Point { block: h, index: 0 };
        if l.contains(init.block) || !self.defs.point_dominates(init, header_at) {
            return None;
        }
        let up = step > 0;
        // The latch's only way in is the test that `c + step` stays inside.
        let [test] = self.defs.cfg.preds[latch.index()][..] else {
            return None;
        };
        let Terminator::Branch {
            cond: Operand::Local(last),
            then_block,
            else_block,
        } = self.body.blocks[test.index()].terminator
        else {
            return None;
        };
        if else_block != latch || l.contains(then_block) {
            return None;
        }
        let Some(Def::Assign(_, Rvalue::Binary(BinOp::UCmp(Cmp::Le), Operand::Local(dist), mag))) =
            &self.defs.single[last.index()]
        else {
            return None;
        };
        let mag_ok = match (step_op, mag) {
            (Operand::Const(_), Operand::Const(MConst::I64(m))) => *m == step.abs(),
            (Operand::Local(s), Operand::Local(m)) => s == m,
            _ => false,
        };
        if !mag_ok {
            return None;
        }
        let stop = match &self.defs.single[dist.index()] {
            Some(Def::Assign(_, Rvalue::Binary(BinOp::ISub, a, b))) => match (up, a, b) {
                (true, s, Operand::Local(x)) if *x == c => *s,
                (false, Operand::Local(x), s) if *x == c => *s,
                _ => return None,
            },
            _ => return None,
        };
        // Every entry from outside passed `c < stop` (`c > stop` going down).
        let want = if up { Cmp::Ge } else { Cmp::Le };
        for p in &self.defs.cfg.preds[h.index()] {
            if *p == latch {
                continue;
            }
            let Terminator::Branch {
                cond: Operand::Local(done),
                then_block,
                else_block,
            } = self.body.blocks[p.index()].terminator
            else {
                return None;
            };
            let tested = matches!(
                &self.defs.single[done.index()],
                Some(Def::Assign(_, Rvalue::Binary(BinOp::Cmp(k), Operand::Local(x), s))) if *k == want && *x == c && *s == stop
            );
            if !tested || else_block != h || then_block == h {
                return None;
            }
        }
        if let Operand::Local(s) = stop {
            self.defs.stable_at(s, header_at)?;
        }
        let start = match self.body.blocks[init.block.index()].stmts.get(init.index) {
            Some(Stmt::Assign {
                value: Rvalue::Use(op),
                ..
            }) => self.lin(*op, init, 0),
            _ => None,
        };
        let stop = self.lin(stop, header_at, 0);
        let (lo, hi) = if up {
            (start, stop.and_then(|s| s.sub(&Lin::konst(1))))
        } else {
            (stop.and_then(|s| s.add(&Lin::konst(1))), start)
        };
        Some((
            c,
            Counter {
                lo,
                hi,
                entry: h,
                in_loop: l.blocks.clone(),
                after: vec![false; self.body.blocks.len()],
                inc,
            },
        ))
    }

    /// Whether an overflow check of `rv`'s operation on its operands dominates `at`.
    pub fn is_guarded(&self, test: BinOp, rv: &Rvalue, at: Point) -> bool {
        let Rvalue::Binary(_, a, b) = rv else {
            return false;
        };
        // The operands must hold at `at` the values the check saw: constants, locals assigned
        // once, or (in the check's `ok` block itself) locals not assigned there before `at`.
        let same = |x: &Operand, ok: BlockId| match x {
            Operand::Const(_) => true,
            Operand::Local(l) => {
                self.defs.is_single(*l)
                    || at.block == ok
                        && !self.defs.sites[l.index()]
                            .iter()
                            .any(|s| s.block == ok && s.index < at.index)
            }
        };
        self.guarded.iter().any(|(op, x, y, ok)| {
            *op == test
                && x == a
                && y == b
                && self.defs.doms.dominates(*ok, at.block)
                && same(a, *ok)
                && same(b, *ok)
        })
    }

    /// The linear form of an operand's value at `at`, if it has one.
    pub fn lin(&self, op: Operand, at: Point, depth: u32) -> Option<Lin> {
        let l = match op {
            Operand::Const(MConst::I64(v)) => return Some(Lin::konst(v.into())),
            Operand::Const(_) => return None,
            Operand::Local(l) => l,
        };
        if let Some(c) = self.counters.get(&l) {
            return c.valid_at(&self.defs, at).then(|| Lin::atom(l));
        }
        if self.body.local_ty(l) != MTy::I64 {
            return None;
        }
        let (q, rv, stable) = match self.defs.stable_at(l, at) {
            Some(Def::Assign(q, rv)) => (*q, rv.clone(), true),
            Some(_) => return Some(Lin::atom(l)),
            None => match self.defs.reaching_at(self.body, l, at) {
                Some((q, rv)) => (q, rv, false),
                // Inside the loop being versioned, a local it never assigns is fixed.
                None => return self.invariant_here(l, at).then(|| Lin::atom(l)),
            },
        };
        // A stable local is an atom when its definition is not linear; another local has no form then.
        let atom = || stable.then(|| Lin::atom(l));
        if depth > 12 {
            return atom();
        }
        let (q, rv) = (&q, &rv);
        let expanded = match rv {
            Rvalue::Use(o) => self.lin(*o, *q, depth + 1),
            // A select on a test this analysis decides is the operand it picks (the
            // negative-index adjustment `i < 0 ? i + n : i` of an index known non-negative).
            Rvalue::Select(Operand::Local(c), a, b) => match &self.defs.single[c.index()] {
                Some(Def::Assign(cp, Rvalue::Binary(op, x, y))) => self
                    .decide_at(*op, *x, *y, *cp, depth + 1)
                    .and_then(|v| self.lin(if v { *a } else { *b }, *q, depth + 1)),
                _ => None,
            },
            Rvalue::Binary(op @ (BinOp::IAdd | BinOp::ISub | BinOp::IMul), a, b) => {
                let (la, lb) = (self.lin(*a, *q, depth + 1)?, self.lin(*b, *q, depth + 1)?);
                let (r, test) = match op {
                    BinOp::IAdd => (la.add(&lb), BinOp::IAddOverflows),
                    BinOp::ISub => (la.sub(&lb), BinOp::ISubOverflows),
                    _ => match (la.as_const(), lb.as_const()) {
                        (Some(k), _) => (lb.scale(k), BinOp::IMulOverflows),
                        (_, Some(k)) => (la.scale(k), BinOp::IMulOverflows),
                        _ => (None, BinOp::IMulOverflows),
                    },
                };
                // The machine operation wraps; its value is the sum only when it cannot overflow.
                r.filter(|r| self.is_guarded(test, rv, *q) || self.fits(r))
            }
            _ => None,
        };
        expanded.or_else(atom)
    }

    /// Whether every value of the form lies in the 64-bit range.
    pub fn fits(&self, lin: &Lin) -> bool {
        matches!((self.bound(lin, true), self.bound(lin, false)), (Some(lo), Some(hi)) if lo >= MIN && hi <= MAX)
    }

    /// The constant bounds of an atom that is not a counter.
    fn atom_range(&self, l: Local) -> (i128, i128) {
        // A GPU thread's registers stay within CUDA's limits: at most 1024 threads per block,
        // fewer than 2**31 blocks along any axis.
        if let Some(Def::Assign(_, Rvalue::Special(r))) = &self.defs.single[l.index()] {
            use pyaot_mir::SpecialReg::*;
            let most = (1i128 << 31) - 1;
            match r {
                ThreadIdx(_) => return (0, 1023),
                BlockDim(_) => return (1, 1024),
                BlockIdx(_) => return (0, most - 1),
                GridDim(_) => return (1, most),
                Shared { .. } | Local { .. } => {}
            }
        }
        // A product of two bounded values (`blockIdx.x * blockDim.x`).
        if let Some(Def::Assign(_, Rvalue::Binary(BinOp::IMul, a, b))) =
            &self.defs.single[l.index()]
        {
            let range = |o: &Operand| match o {
                Operand::Const(MConst::I64(k)) => Some((*k as i128, *k as i128)),
                Operand::Local(x) if *x != l && self.body.local_ty(*x) == MTy::I64 => {
                    let r = self.atom_range_shallow(*x);
                    (r != (MIN, MAX)).then_some(r)
                }
                _ => None,
            };
            if let (Some((a0, a1)), Some((b0, b1))) = (range(a), range(b)) {
                let ps = [a0 * b0, a0 * b1, a1 * b0, a1 * b1];
                let (lo, hi) = (
                    *ps.iter().min().unwrap_or(&MIN),
                    *ps.iter().max().unwrap_or(&MAX),
                );
                if lo >= MIN && hi <= MAX {
                    return (lo, hi);
                }
            }
        }
        if self.body.locals[l.index()].nonneg {
            return (0, MAX);
        }
        match &self.defs.single[l.index()] {
            Some(Def::Assign(_, Rvalue::Cast(pyaot_mir::CastOp::BToI, _))) => (0, 1),
            Some(Def::Assign(_, Rvalue::Load(d, _))) if d.is_int() && d.itemsize() < 8 => {
                let bits = 8 * d.itemsize() as u32;
                if d.is_unsigned() {
                    (0, (1i128 << bits) - 1)
                } else {
                    (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
                }
            }
            _ => (MIN, MAX),
        }
    }

    /// The bounds of a GPU register or a nonneg local, without looking through products.
    fn atom_range_shallow(&self, l: Local) -> (i128, i128) {
        match &self.defs.single[l.index()] {
            Some(Def::Assign(_, Rvalue::Special(_))) => self.atom_range(l),
            _ if self.body.locals[l.index()].nonneg => (0, MAX),
            _ => (MIN, MAX),
        }
    }

    /// The least (`min`) or greatest value of the form, substituting counter bounds first.
    pub fn bound(&self, lin: &Lin, min: bool) -> Option<i128> {
        let form = self.bound_form(lin, min, |_| true)?;
        let mut acc = form.k;
        for (&a, &coef) in &form.terms {
            if self.counters.contains_key(&a) {
                return None;
            }
            let (lo, hi) = self.atom_range(a);
            let v = if (coef > 0) == min { lo } else { hi };
            acc = acc.checked_add(coef.checked_mul(v)?)?;
        }
        Some(acc)
    }

    /// A form bounding `lin` from below (`min`) or above, with the bounds of the counters `which`
    /// accepts substituted for them (repeatedly: a bound may name another counter).
    pub fn bound_form(&self, lin: &Lin, min: bool, which: impl Fn(Local) -> bool) -> Option<Lin> {
        let mut form = lin.clone();
        for _ in 0..16 {
            let Some((&c, &coef)) = form
                .terms
                .iter()
                .find(|(a, _)| self.counters.contains_key(a) && which(**a))
            else {
                return Some(form);
            };
            let counter = &self.counters[&c];
            let rep = if (coef > 0) == min {
                counter.lo.as_ref()?
            } else {
                counter.hi.as_ref()?
            };
            let mut rest = form.clone();
            rest.terms.remove(&c);
            form = rest.add_scaled(rep, coef)?;
        }
        None
    }

    /// The value of `x op y` at `at`, when it is the same on every execution.
    pub fn decide(&self, op: BinOp, x: Operand, y: Operand, at: Point) -> Option<bool> {
        self.decide_at(op, x, y, at, 0)
    }

    fn decide_at(&self, op: BinOp, x: Operand, y: Operand, at: Point, depth: u32) -> Option<bool> {
        if self.body.operand_ty(&x) != MTy::I64 || depth > 12 {
            return None;
        }
        let is_test = matches!(
            op,
            BinOp::Cmp(_)
                | BinOp::UCmp(_)
                | BinOp::IAddOverflows
                | BinOp::ISubOverflows
                | BinOp::IMulOverflows
        );
        if !is_test {
            return None;
        }
        let lx = self.lin(x, at, depth)?;
        let ly = self.lin(y, at, depth)?;
        match op {
            BinOp::Cmp(c) => self.compare(c, &lx, &ly, at),
            BinOp::UCmp(c) => {
                // Signed and unsigned order agree on non-negative values; `0 <= x < y` makes `y` one.
                let x_ok = self.proves_ge(&lx, 0, at);
                let y_ok = self.proves_ge(&ly, 0, at)
                    || (x_ok && self.compare(Cmp::Lt, &lx, &ly, at) == Some(true));
                if x_ok && y_ok {
                    self.compare(c, &lx, &ly, at)
                } else {
                    None
                }
            }
            BinOp::IAddOverflows => self.fits(&lx.add(&ly)?).then_some(false),
            BinOp::ISubOverflows => self.fits(&lx.sub(&ly)?).then_some(false),
            BinOp::IMulOverflows => {
                let p = match (lx.as_const(), ly.as_const()) {
                    (Some(k), _) => ly.scale(k)?,
                    (_, Some(k)) => lx.scale(k)?,
                    _ => {
                        // Two bounded factors: the extreme products fit.
                        let x = (self.bound(&lx, true)?, self.bound(&lx, false)?);
                        let y = (self.bound(&ly, true)?, self.bound(&ly, false)?);
                        return product_range(x, y).map(|_| false);
                    }
                };
                self.fits(&p).then_some(false)
            }
            _ => None,
        }
    }

    /// Decides `x c y` at `at` from the bounds of `y - x` and the tests that dominate `at`.
    pub fn compare(&self, c: Cmp, x: &Lin, y: &Lin, at: Point) -> Option<bool> {
        let d = y.sub(x)?;
        let ge = |k: i128| self.proves_ge(&d, k, at);
        let le = |k: i128| d.scale(-1).is_some_and(|n| self.proves_ge(&n, -k, at));
        match c {
            Cmp::Lt if ge(1) => Some(true),
            Cmp::Lt if le(0) => Some(false),
            Cmp::Le if ge(0) => Some(true),
            Cmp::Le if le(-1) => Some(false),
            Cmp::Gt if le(-1) => Some(true),
            Cmp::Gt if ge(0) => Some(false),
            Cmp::Ge if le(0) => Some(true),
            Cmp::Ge if ge(1) => Some(false),
            Cmp::Eq | Cmp::Ne => {
                let eq = if ge(0) && le(0) {
                    Some(true)
                } else if ge(1) || le(-1) {
                    Some(false)
                } else {
                    None
                };
                eq.map(|e| e == (c == Cmp::Eq))
            }
            _ => None,
        }
    }

    /// Whether `d >= k` at `at`: from bounds alone, or as a known non-negative form plus a remainder
    /// whose bounds are non-negative.
    fn proves_ge(&self, d: &Lin, k: i128, at: Point) -> bool {
        let shifted = match d.sub(&Lin::konst(k)) {
            Some(s) => s,
            None => return false,
        };
        if self.bound(&shifted, true).is_some_and(|v| v >= 0) {
            return true;
        }
        self.known.iter().any(|(b, f)| {
            self.defs.doms.dominates(*b, at.block)
                && shifted
                    .sub(f)
                    .is_some_and(|r| self.bound(&r, true).is_some_and(|v| v >= 0))
        })
    }

    /// Whether `l` is fixed at `at` for the run of the loop being versioned: `at` is in the loop and
    /// nothing in the loop assigns `l`.
    pub fn invariant_here(&self, l: Local, at: Point) -> bool {
        let Some(blocks) = &self.invariant_in else {
            return false;
        };
        blocks[at.block.index()]
            && self.body.local_ty(l) == MTy::I64
            && !self.body.params.contains(&l)
            && !self.counters.contains_key(&l)
            && !self.defs.sites[l.index()]
                .iter()
                .any(|s| blocks[s.block.index()])
    }

    /// Whether `op` is never negative at `at`.
    pub fn is_nonneg(&self, op: Operand, at: Point) -> bool {
        match op {
            Operand::Const(MConst::I64(v)) => v >= 0,
            Operand::Const(_) => false,
            Operand::Local(l) => {
                self.nonneg.get(l.index()).copied().unwrap_or(false)
                    || self
                        .lin(op, at, 0)
                        .is_some_and(|f| self.proves_ge(&f, 0, at))
            }
        }
    }

    /// Finds the `I64` locals of several assignments that are never negative: starting from all of
    /// them, drops any with an assignment not shown non-negative when the rest are assumed so, until
    /// none drops. (A local read before any assignment holds zero, so the induction starts true.)
    fn find_nonneg(&mut self) {
        let n = self.body.locals.len();
        let mut cand: Vec<bool> = (0..n)
            .map(|i| {
                let l = Local(i as u32);
                self.body.local_ty(l) == MTy::I64
                    && self.defs.count[i] > 1
                    && !self.body.params.contains(&l)
                    && self.defs.sites[i].iter().all(|p| {
                        matches!(
                            self.body.blocks[p.block.index()].stmts.get(p.index),
                            Some(Stmt::Assign { .. })
                        )
                    })
            })
            .collect();
        loop {
            let mut changed = false;
            for i in 0..n {
                if !cand[i] {
                    continue;
                }
                let ok = self.defs.sites[i].iter().all(|p| {
                    match &self.body.blocks[p.block.index()].stmts[p.index] {
                        Stmt::Assign { value, .. } => self.rvalue_nonneg(value, *p, &cand, 0),
                        _ => false,
                    }
                });
                if !ok {
                    cand[i] = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        self.nonneg = cand;
    }

    /// Whether `rv` at `at` is never negative when the locals `assumed` are not.
    fn rvalue_nonneg(&self, rv: &Rvalue, at: Point, assumed: &[bool], depth: u32) -> bool {
        let op_ok = |op: &Operand| match op {
            Operand::Const(MConst::I64(v)) => *v >= 0,
            Operand::Const(_) => false,
            Operand::Local(l) => {
                assumed[l.index()]
                    || self
                        .lin(*op, at, 0)
                        .is_some_and(|f| self.bound(&f, true).is_some_and(|v| v >= 0))
                    // A temporary assigned once: its own right-hand side.
                    || depth < 8
                        && matches!(self.defs.stable_at(*l, at), Some(Def::Assign(p, r))
                            if self.rvalue_nonneg(r, *p, assumed, depth + 1))
            }
        };
        let positive = |op: &Operand| matches!(op, Operand::Const(MConst::I64(v)) if *v > 0);
        match rv {
            Rvalue::Use(a) => op_ok(a),
            Rvalue::Select(_, a, b) => op_ok(a) && op_ok(b),
            // Python's floor division and modulo by a positive divisor.
            Rvalue::Binary(BinOp::IFloorDiv, a, b) => op_ok(a) && positive(b),
            Rvalue::Binary(BinOp::IMod, _, b) => positive(b),
            Rvalue::Binary(BinOp::And, a, b) => op_ok(a) || op_ok(b),
            // A sum or product of non-negative values, when an overflow check rules out wrapping.
            Rvalue::Binary(op @ (BinOp::IAdd | BinOp::IMul), a, b) => {
                let test = if *op == BinOp::IAdd {
                    BinOp::IAddOverflows
                } else {
                    BinOp::IMulOverflows
                };
                op_ok(a) && op_ok(b) && self.is_guarded(test, rv, at)
            }
            Rvalue::Cast(pyaot_mir::CastOp::BToI, _) => true,
            Rvalue::Load(d, _) => d.is_unsigned() && d.itemsize() < 8,
            _ => false,
        }
    }

    /// Records, for each block entered only from a test, the forms that test shows non-negative.
    fn find_known(&mut self) {
        let mut known = Vec::new();
        for (bi, block) in self.body.blocks.iter().enumerate() {
            let from = BlockId(bi as u32);
            let only_from = |t: BlockId| self.defs.cfg.preds[t.index()] == [from];
            let tested = match block.terminator {
                Terminator::Branch {
                    cond: Operand::Local(t),
                    then_block,
                    else_block,
                } => vec![(t, then_block, true), (t, else_block, false)],
                Terminator::Check {
                    fails: Operand::Local(f),
                    ok,
                    ..
                } => vec![(f, ok, false)],
                _ => vec![],
            };
            for (t, target, value) in tested {
                if self.defs.is_single(t) && only_from(target) {
                    self.known_tests.push((target, t, value));
                }
            }
            let (cond, if_true, if_false) = match block.terminator {
                Terminator::Branch {
                    cond: Operand::Local(t),
                    then_block,
                    else_block,
                } => (t, Some(then_block), Some(else_block)),
                Terminator::Check {
                    fails: Operand::Local(f),
                    ok,
                    ..
                } => (f, None, Some(ok)),
                _ => continue,
            };
            let Some(Def::Assign(p, Rvalue::Binary(op, x, y))) = &self.defs.single[cond.index()]
            else {
                continue;
            };
            let (BinOp::Cmp(c) | BinOp::UCmp(c)) = op else {
                continue;
            };
            if self.body.operand_ty(x) != MTy::I64 {
                continue;
            }
            let (Some(lx), Some(ly)) = (self.lin(*x, *p, 0), self.lin(*y, *p, 0)) else {
                continue;
            };
            let unsigned = matches!(op, BinOp::UCmp(_));
            for (target, holds) in [(if_true, *c), (if_false, negate(*c))] {
                let Some(t) = target.filter(|t| only_from(*t)) else {
                    continue;
                };
                for f in self.forms_of(holds, &lx, &ly, unsigned) {
                    known.push((t, f));
                }
            }
        }
        self.known = known;
    }

    /// The forms that `x c y` shows non-negative; an unsigned test says something only when both
    /// sides are known non-negative, or for `x <u y` / `y >u x` with `y` non-negative (then `0 <= x`).
    fn forms_of(&self, c: Cmp, x: &Lin, y: &Lin, unsigned: bool) -> Vec<Lin> {
        let nonneg = |l: &Lin| self.bound(l, true).is_some_and(|v| v >= 0);
        let mut out = Vec::new();
        let (c, x, y) = match c {
            Cmp::Gt => (Cmp::Lt, y, x),
            Cmp::Ge => (Cmp::Le, y, x),
            _ => (c, x, y),
        };
        if unsigned {
            if !nonneg(y) {
                return out;
            }
            if matches!(c, Cmp::Lt | Cmp::Le) {
                out.push(x.clone());
            } else if !nonneg(x) {
                return out;
            }
        }
        let diff = y.sub(x);
        match c {
            Cmp::Lt => out.extend(diff.and_then(|d| d.sub(&Lin::konst(1)))),
            Cmp::Le => out.extend(diff),
            Cmp::Eq => {
                out.extend(diff.clone());
                out.extend(diff.and_then(|d| d.scale(-1)));
            }
            _ => {}
        }
        out
    }
}

/// The comparison that holds when `c` does not.
/// The range of `x * y` for `x` and `y` in the given ranges, when it fits in 64 bits.
fn product_range((a0, a1): (i128, i128), (b0, b1): (i128, i128)) -> Option<(i128, i128)> {
    let ps = [
        a0.checked_mul(b0)?,
        a0.checked_mul(b1)?,
        a1.checked_mul(b0)?,
        a1.checked_mul(b1)?,
    ];
    let (lo, hi) = (*ps.iter().min()?, *ps.iter().max()?);
    (lo >= MIN && hi <= MAX).then_some((lo, hi))
}

fn negate(c: Cmp) -> Cmp {
    match c {
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
        Cmp::Lt => Cmp::Ge,
        Cmp::Le => Cmp::Gt,
        Cmp::Gt => Cmp::Le,
        Cmp::Ge => Cmp::Lt,
    }
}
