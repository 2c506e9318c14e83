//! Vectorisation of element-wise `f64` loops: an innermost counted loop without checks whose
//! body loads, computes and stores `f64` elements at consecutive addresses gets a copy that runs
//! two iterations at once in 128-bit vectors, while at least three iterations remain.
//!
//! Guarantee: each lane computes exactly what its scalar iteration computes (IEEE operations
//! lane by lane, no reassociation: a loop carrying a float from one iteration to the next, such
//! as a sum, is left alone). The vector copy runs only where reordering the two iterations'
//! memory accesses cannot change what they read or write: accesses through the same base are
//! checked at compile time, through different bases by one test of their distance before the
//! loop, and every stride the addresses use must be the element size (tested before the loop
//! when it is a run-time stride). The scalar loop always finishes the last one or two
//! iterations, so every local holds afterwards what the scalar loop leaves.
//!
//! Under `--fastmath` a float reduction (a sum, difference, product, min or max the loop
//! carries) runs in a vector accumulator whose lanes are folded into it when the vector loop
//! ends; that reassociates the reduction, which is what the flag allows.

use crate::OptOptions;
use std::collections::HashMap;

use pyaot_mir::{
    BinOp, BlockData, BlockId, Body, Cmp, Dtype, Local, MConst, MTy, Operand, Rvalue, Stmt,
    Terminator, UnOp,
};

use crate::reduce::{self, Reduction};
use crate::shape::{
    assign, checked, checked_sum, counted_loops, each_loop_in_place, enter_through, int,
    outside_preds, temp,
};

/// Lanes of a vector.
const LANES: i64 = 2;
/// Bodies with more statements than this are not vectorised.
const MAX_STMTS: usize = 64;

pub fn run(body: &mut Body, opts: &OptOptions) {
    // A GPU thread has no two-lane vectors: a kernel's parallelism is its threads.
    if body.kernel {
        return;
    }
    each_loop_in_place(
        body,
        16,
        |b, done| next_plan(b, done, opts.fastmath).map(|p| (p.header, p)),
        apply,
    );
}

/// An address `Σ inv + k + c * coef`: loop-invariant locals, a constant, and the counter's
/// coefficient (a constant, or a run-time stride local).
#[derive(Clone, Debug, PartialEq)]
struct Addr {
    inv: Vec<(Local, i64)>,
    k: i64,
    coef: Coef,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Coef {
    Const(i64),
    Stride(Local),
}

struct Plan {
    header: BlockId,
    chain: Vec<BlockId>,
    counter: Local,
    stop: Operand,
    /// Run-time strides that must equal 8 bytes.
    strides: Vec<Local>,
    /// Pairs of accesses through different bases: `(load or store, store)` addresses whose
    /// distance must be 0 or at least 16 bytes.
    distances: Vec<(Addr, Addr)>,
    /// `(invariant load, store)`: the store's addresses over the vector iterations must not
    /// reach the element the load reads (both lanes read it once, before the stores).
    fixed_loads: Vec<(Addr, Addr)>,
    /// The address locals of those loads.
    fixed_addrs: Vec<Local>,
    /// Reductions split over lanes (float ones only under `--fastmath`).
    reductions: Vec<Reduction>,
    /// `i64` locals holding element values, which get vector shadows.
    data_ints: Vec<Local>,
}

fn next_plan(body: &Body, done: &[BlockId], fastmath: bool) -> Option<Plan> {
    for cl in counted_loops(body, done) {
        let stmts = cl.stmts(body);
        if stmts.len() > MAX_STMTS || stmts.len() < 2 {
            continue;
        }
        let mut reductions = reduce::find(body, &cl.chain, &stmts[..stmts.len() - 1]);
        // Integer reductions wrap, so any order gives the same bits (products excepted: SSE
        // multiplies no 64-bit lanes); float ones need --fastmath.
        reductions.retain(|r| {
            if r.ty == MTy::I64 {
                r.kind != reduce::Kind::Mul
            } else {
                fastmath
            }
        });
        let loop_ = (cl.header, &cl.chain[..], cl.counter, cl.stop);
        if let Some(plan) = analyse(body, loop_, &stmts, reductions) {
            return Some(plan);
        }
    }
    None
}

/// Checks the body statement by statement and collects the tests the vector copy needs.
fn analyse(
    body: &Body,
    (header, chain, c, stop): (BlockId, &[BlockId], Local, Operand),
    stmts: &[&Stmt],
    reductions: Vec<Reduction>,
) -> Option<Plan> {
    let mut is_acc = vec![false; body.locals.len()];
    let mut is_mask = vec![false; body.locals.len()];
    for r in &reductions {
        is_acc[r.acc.index()] = true;
        if let Some(m) = r.mask {
            is_mask[m.index()] = true;
        }
    }
    let body_stmts = &stmts[..stmts.len() - 1];
    let mut assigned: Vec<bool> = vec![false; body.locals.len()];
    for s in stmts {
        match s {
            Stmt::Assign { dest, .. } => assigned[dest.index()] = true,
            Stmt::Call { .. } | Stmt::StoreVec { .. } | Stmt::IncRef(_) | Stmt::DecRef(_) => {
                return None
            }
            Stmt::Store { .. } => {}
        }
    }
    if let Operand::Local(s) = stop {
        if assigned[s.index()] {
            return None;
        }
    }
    // Integer locals that are addresses (linear in the counter) stay scalar; `f64` and `i64`
    // values loaded or computed from loaded values (data) get vector shadows.
    let mut addrs: HashMap<Local, Addr> = HashMap::new();
    let mut fresh = vec![false; body.locals.len()];
    let mut data_ints: Vec<Local> = Vec::new();
    let mut reads = Reads::default();
    let mut stores: Vec<Addr> = Vec::new();
    let invariant = |op: &Operand| match op {
        Operand::Const(_) => true,
        Operand::Local(l) => !assigned[l.index()] && *l != c,
    };
    for s in body_stmts {
        // A data operand of the type: a constant, a value not assigned in the loop, a value
        // computed earlier in this iteration, or an accumulator (read only by its reduction).
        let data_ok = |o: &Operand, ty: MTy, fresh: &[bool]| match o {
            Operand::Const(k) => k.ty() == ty,
            Operand::Local(l) => {
                body.local_ty(*l) == ty
                    && *l != c
                    && !addrs.contains_key(l)
                    && (fresh[l.index()] || !assigned[l.index()] || is_acc[l.index()])
            }
        };
        match s {
            Stmt::Assign { dest, value } => match body.local_ty(*dest) {
                MTy::I64 => {
                    if let Some(a) = int_addr(value, c, &addrs, &invariant) {
                        addrs.insert(*dest, a);
                        continue;
                    }
                    let ok = |o: &Operand| data_ok(o, MTy::I64, &fresh);
                    // No multiplication: SSE has no 64-bit lane multiply, so two scalar ones
                    // are faster than its emulation.
                    match value {
                        Rvalue::Use(a) if ok(a) => {}
                        Rvalue::Binary(
                            BinOp::IAdd | BinOp::ISub | BinOp::And | BinOp::Or | BinOp::Xor,
                            a,
                            b,
                        ) if ok(a) && ok(b) => {}
                        Rvalue::Select(Operand::Local(m), a, b)
                            if is_mask[m.index()] && ok(a) && ok(b) => {}
                        Rvalue::Load(Dtype::I64, Operand::Local(p)) => {
                            reads.record(*p, c, &addrs, &invariant)?;
                        }
                        _ => return None,
                    }
                    fresh[dest.index()] = true;
                    data_ints.push(*dest);
                }
                MTy::Bool if is_mask[dest.index()] => {}
                MTy::Bool => {
                    // Leftover integer tests (of a removed check) are kept as scalars.
                    let Rvalue::Binary(_, x, y) = value else {
                        return None;
                    };
                    let int_ok = |o: &Operand| match o {
                        Operand::Local(l) => {
                            body.local_ty(*l) == MTy::I64
                                && (addrs.contains_key(l) || invariant(o) || *l == c)
                        }
                        Operand::Const(MConst::I64(_)) => true,
                        _ => false,
                    };
                    if !(int_ok(x) && int_ok(y)) {
                        return None;
                    }
                }
                MTy::F64 => {
                    let ok = |o: &Operand| data_ok(o, MTy::F64, &fresh);
                    match value {
                        Rvalue::Select(Operand::Local(m), a, b)
                            if is_mask[m.index()] && ok(a) && ok(b) => {}
                        Rvalue::Use(a)
                        | Rvalue::Unary(UnOp::FNeg | UnOp::FAbs | UnOp::FSqrt, a)
                            if ok(a) => {}
                        Rvalue::Binary(
                            BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv,
                            a,
                            b,
                        ) if ok(a) && ok(b) => {}
                        Rvalue::Load(Dtype::F64, Operand::Local(p)) => {
                            reads.record(*p, c, &addrs, &invariant)?;
                        }
                        _ => return None,
                    }
                    fresh[dest.index()] = true;
                }
                _ => return None,
            },
            Stmt::Store {
                dtype: dtype @ (Dtype::F64 | Dtype::I64),
                addr: Operand::Local(p),
                value,
            } => {
                let a = int_addr(&Rvalue::Use(Operand::Local(*p)), c, &addrs, &invariant)?;
                if !unit(&a.coef, &mut reads.strides) {
                    return None;
                }
                let ty = if *dtype == Dtype::F64 {
                    MTy::F64
                } else {
                    MTy::I64
                };
                if !data_ok(value, ty, &fresh) {
                    return None;
                }
                stores.push(a);
            }
            _ => return None,
        }
    }
    if stores.is_empty() && reductions.is_empty() {
        return None;
    }
    // Accesses reordered against a store: same base → decided now; different bases → tested.
    let mut distances = Vec::new();
    for (i, s) in stores.iter().enumerate() {
        for other in reads.loads.iter().chain(&stores[i + 1..]) {
            if same_base(s, other) {
                let d = other.k - s.k;
                if d != 0 && d.abs() < 8 * LANES {
                    return None;
                }
            } else if !distances.contains(&(other.clone(), s.clone())) {
                distances.push((other.clone(), s.clone()));
            }
        }
    }
    let mut fixed_loads = Vec::new();
    for l in &reads.invariant_loads {
        for s in &stores {
            fixed_loads.push((l.clone(), s.clone()));
        }
    }
    Some(Plan {
        header,
        chain: chain.to_vec(),
        counter: c,
        stop,
        strides: reads.strides,
        distances,
        fixed_loads,
        fixed_addrs: reads.fixed_addrs,
        reductions,
        data_ints,
    })
}

/// The element loads of a loop body.
#[derive(Default)]
struct Reads {
    /// Loads of consecutive elements in consecutive iterations.
    loads: Vec<Addr>,
    /// Loads of the same element every iteration (`a[i, k]` in a `j` loop), and their address locals.
    invariant_loads: Vec<Addr>,
    fixed_addrs: Vec<Local>,
    /// Run-time strides that must equal the element size.
    strides: Vec<Local>,
}

impl Reads {
    /// Records a load through the address local `p`, or `None` when the loop cannot be vectorised.
    fn record(
        &mut self,
        p: Local,
        c: Local,
        addrs: &HashMap<Local, Addr>,
        invariant: &dyn Fn(&Operand) -> bool,
    ) -> Option<()> {
        let a = int_addr(&Rvalue::Use(Operand::Local(p)), c, addrs, invariant)?;
        if a.coef == Coef::Const(0) {
            self.invariant_loads.push(a);
            self.fixed_addrs.push(p);
        } else if unit(&a.coef, &mut self.strides) {
            self.loads.push(a);
        } else {
            return None;
        }
        Some(())
    }
}

/// Whether two addresses differ only in their constant.
fn same_base(a: &Addr, b: &Addr) -> bool {
    let mut x = a.inv.clone();
    let mut y = b.inv.clone();
    x.sort();
    y.sort();
    x == y && a.coef == b.coef
}

/// Whether consecutive iterations touch consecutive `f64`s (a stride to test is recorded).
fn unit(coef: &Coef, strides: &mut Vec<Local>) -> bool {
    match coef {
        Coef::Const(8) => true,
        Coef::Const(_) => false,
        Coef::Stride(s) => {
            if !strides.contains(s) {
                strides.push(*s);
            }
            true
        }
    }
}

/// The address form of an integer right-hand side in the loop body.
fn int_addr(
    rv: &Rvalue,
    c: Local,
    addrs: &HashMap<Local, Addr>,
    invariant: &dyn Fn(&Operand) -> bool,
) -> Option<Addr> {
    let of = |op: &Operand| -> Option<Addr> {
        match op {
            Operand::Const(MConst::I64(k)) => Some(Addr {
                inv: Vec::new(),
                k: *k,
                coef: Coef::Const(0),
            }),
            Operand::Local(l) if *l == c => Some(Addr {
                inv: Vec::new(),
                k: 0,
                coef: Coef::Const(1),
            }),
            Operand::Local(l) => match addrs.get(l) {
                Some(a) => Some(a.clone()),
                None if invariant(op) => Some(Addr {
                    inv: vec![(*l, 1)],
                    k: 0,
                    coef: Coef::Const(0),
                }),
                None => None,
            },
            _ => None,
        }
    };
    match rv {
        Rvalue::Use(a) => of(a),
        Rvalue::Binary(op @ (BinOp::IAdd | BinOp::ISub), a, b) => {
            let (x, y) = (of(a)?, of(b)?);
            let sign = if *op == BinOp::IAdd { 1 } else { -1 };
            let coef = match (x.coef, y.coef) {
                (Coef::Const(p), Coef::Const(q)) => {
                    Coef::Const(p.checked_add(q.checked_mul(sign)?)?)
                }
                (Coef::Stride(s), Coef::Const(0)) => Coef::Stride(s),
                (Coef::Const(0), Coef::Stride(s)) if sign == 1 => Coef::Stride(s),
                _ => return None,
            };
            let mut inv = x.inv;
            for (l, m) in y.inv {
                inv.push((l, m.checked_mul(sign)?));
            }
            Some(Addr {
                inv,
                k: x.k.checked_add(y.k.checked_mul(sign)?)?,
                coef,
            })
        }
        Rvalue::Binary(BinOp::IMul, a, b) => {
            let (x, y) = (of(a)?, of(b)?);
            // The counter (or a constant offset of it) times a constant or a run-time stride.
            let scale = |x: &Addr, y: &Addr| -> Option<Addr> {
                if !y.inv.is_empty() || !x.inv.is_empty() {
                    return None;
                }
                match (x.coef, y.coef) {
                    (Coef::Const(p), Coef::Const(0)) => Some(Addr {
                        inv: Vec::new(),
                        k: x.k.checked_mul(y.k)?,
                        coef: Coef::Const(p.checked_mul(y.k)?),
                    }),
                    _ => None,
                }
            };
            if let Some(r) = scale(&x, &y).or_else(|| scale(&y, &x)) {
                return Some(r);
            }
            // `(c + k) * stride`: the vector copy runs only when the stride is 8 bytes, so the
            // offset is `8 k` there.
            let stride = |x: &Addr, b: &Operand| match (x, b) {
                (
                    Addr {
                        inv,
                        k,
                        coef: Coef::Const(1),
                    },
                    Operand::Local(s),
                ) if inv.is_empty() && invariant(b) => Some(Addr {
                    inv: Vec::new(),
                    k: k.checked_mul(8)?,
                    coef: Coef::Stride(*s),
                }),
                _ => None,
            };
            stride(&x, b).or_else(|| stride(&y, a))
        }
        _ => None,
    }
}

/// Builds `test` (the stride and distance tests and `lim = stop - LANES`), the vector loop
/// `vh: c >= lim ? header : vb`, `vb: two iterations; goto vh`, and enters it from outside.
fn apply(body: &mut Body, plan: &Plan) {
    let mut test = Vec::new();
    let mut bad: Vec<Operand> = Vec::new();
    for s in &plan.strides {
        let t = temp(body, MTy::Bool);
        test.push(assign(
            t,
            Rvalue::Binary(BinOp::Cmp(Cmp::Ne), Operand::Local(*s), int(8)),
        ));
        bad.push(Operand::Local(t));
    }
    for (a, s) in &plan.distances {
        let pa = emit_base(body, &mut test, &mut bad, a);
        let ps = emit_base(body, &mut test, &mut bad, s);
        let (sub, flag) = (BinOp::ISub, BinOp::ISubOverflows);
        let d = checked(body, &mut test, &mut bad, sub, flag, pa, ps);
        // Bad when 0 < |d| < 16: `d + 15 <=u 30` and `d != 0`.
        let shifted = temp(body, MTy::I64);
        let near = temp(body, MTy::Bool);
        let nonzero = temp(body, MTy::Bool);
        let both = temp(body, MTy::Bool);
        let w = 8 * LANES - 1;
        test.push(assign(shifted, Rvalue::Binary(BinOp::IAdd, d, int(w))));
        test.push(assign(
            near,
            Rvalue::Binary(BinOp::UCmp(Cmp::Le), Operand::Local(shifted), int(2 * w)),
        ));
        test.push(assign(
            nonzero,
            Rvalue::Binary(BinOp::Cmp(Cmp::Ne), d, int(0)),
        ));
        test.push(assign(
            both,
            Rvalue::Binary(BinOp::And, Operand::Local(near), Operand::Local(nonzero)),
        ));
        bad.push(Operand::Local(both));
    }
    for (l, s) in &plan.fixed_loads {
        // Bad when the stores' span `[s + 8c, s + 8 stop)` reaches `[l, l + 8)`.
        let pl = emit_base(body, &mut test, &mut bad, l);
        let ps = emit_base(body, &mut test, &mut bad, s);
        let (mul, mul_flag) = (BinOp::IMul, BinOp::IMulOverflows);
        let (add, add_flag) = (BinOp::IAdd, BinOp::IAddOverflows);
        let counter = Operand::Local(plan.counter);
        let c8 = checked(body, &mut test, &mut bad, mul, mul_flag, counter, int(8));
        let lo = checked(body, &mut test, &mut bad, add, add_flag, ps, c8);
        let stop8 = checked(body, &mut test, &mut bad, mul, mul_flag, plan.stop, int(8));
        let hi = checked(body, &mut test, &mut bad, add, add_flag, ps, stop8);
        let end = checked(body, &mut test, &mut bad, add, add_flag, pl, int(8));
        let above = temp(body, MTy::Bool);
        let below = temp(body, MTy::Bool);
        let hit = temp(body, MTy::Bool);
        test.push(assign(above, Rvalue::Binary(BinOp::Cmp(Cmp::Gt), end, lo)));
        test.push(assign(below, Rvalue::Binary(BinOp::Cmp(Cmp::Lt), pl, hi)));
        test.push(assign(
            hit,
            Rvalue::Binary(BinOp::And, Operand::Local(above), Operand::Local(below)),
        ));
        bad.push(Operand::Local(hit));
    }
    // Leave at least one scalar iteration: vector steps run while `c < stop - LANES`.
    let (sub, sub_flag) = (BinOp::ISub, BinOp::ISubOverflows);
    let lim = checked(
        body,
        &mut test,
        &mut bad,
        sub,
        sub_flag,
        plan.stop,
        int(LANES),
    );
    // Two vector steps per test while `c < stop - 2 LANES` (skipped if that overflows).
    let lim2 = temp(body, MTy::I64);
    let l2ov = temp(body, MTy::Bool);
    test.push(assign(
        lim2,
        Rvalue::Binary(BinOp::ISub, plan.stop, int(2 * LANES)),
    ));
    test.push(assign(
        l2ov,
        Rvalue::Binary(BinOp::ISubOverflows, plan.stop, int(2 * LANES)),
    ));
    let mut any = Operand::Const(MConst::Bool(false));
    for b in bad {
        let t = temp(body, MTy::Bool);
        test.push(assign(t, Rvalue::Binary(BinOp::Or, any, b)));
        any = Operand::Local(t);
    }

    // The vector body: integer statements as they are (lane 0), floats in vector shadows.
    let mut shadow: HashMap<Local, Local> = HashMap::new();
    let mut vb = Vec::new();
    let stmts: Vec<Stmt> = plan
        .chain
        .iter()
        .flat_map(|b| body.blocks[b.index()].stmts.clone())
        .collect();
    let n = stmts.len() - 1;
    let invariant_addr = &plan.fixed_addrs;
    // Each accumulator has one vector shadow for the whole loop.
    let mut accs: Vec<(Local, Local)> = Vec::new();
    for r in &plan.reductions {
        let v = temp(body, vec_ty(r.ty));
        shadow.insert(r.acc, v);
        accs.push((r.acc, v));
    }
    let mut accs2: Vec<Local> = Vec::new();
    let is_data =
        |body: &Body, l: Local| body.local_ty(l) == MTy::F64 || plan.data_ints.contains(&l);
    let masks: Vec<Local> = plan.reductions.iter().filter_map(|r| r.mask).collect();
    for s in &stmts[..n] {
        match s {
            Stmt::Assign {
                dest,
                value: Rvalue::Binary(op, a, b),
            } if masks.contains(dest) => {
                let va = vector(body, &mut vb, &mut shadow, *a);
                let vb2 = vector(body, &mut vb, &mut shadow, *b);
                let m = temp(body, body.local_ty(vec_local(&va)));
                vb.push(assign(m, Rvalue::Binary(*op, va, vb2)));
                shadow.insert(*dest, m);
            }
            Stmt::Assign {
                dest,
                value: Rvalue::Use(a),
            } if shadow.contains_key(dest) && accs.iter().any(|(acc, _)| acc == dest) => {
                let v = vector(body, &mut vb, &mut shadow, *a);
                vb.push(assign(shadow[dest], Rvalue::Use(v)));
            }
            Stmt::Assign {
                dest,
                value: Rvalue::Load(_, Operand::Local(p)),
            } if is_data(body, *dest) && invariant_addr.contains(p) => {
                // One element for both lanes: a scalar load, splat where it is used.
                vb.push(s.clone());
            }
            Stmt::Assign { dest, value } if is_data(body, *dest) => {
                let v = match value {
                    Rvalue::Load(_, addr) => Rvalue::LoadVec(vec_ty(body.local_ty(*dest)), *addr),
                    Rvalue::Use(a) => Rvalue::Use(vector(body, &mut vb, &mut shadow, *a)),
                    Rvalue::Unary(op, a) => {
                        Rvalue::Unary(*op, vector(body, &mut vb, &mut shadow, *a))
                    }
                    Rvalue::Binary(op, a, b) => {
                        let va = vector(body, &mut vb, &mut shadow, *a);
                        let vb2 = vector(body, &mut vb, &mut shadow, *b);
                        Rvalue::Binary(*op, va, vb2)
                    }
                    Rvalue::Select(m, a, b) => {
                        let vm = vector(body, &mut vb, &mut shadow, *m);
                        let va = vector(body, &mut vb, &mut shadow, *a);
                        let vb2 = vector(body, &mut vb, &mut shadow, *b);
                        Rvalue::Select(vm, va, vb2)
                    }
                    _ => unreachable!("checked by analyse"),
                };
                let d = temp(body, vec_ty(body.local_ty(*dest)));
                vb.push(assign(d, v));
                shadow.insert(*dest, d);
            }
            Stmt::Store { addr, value, .. } => {
                let v = vector(body, &mut vb, &mut shadow, *value);
                vb.push(Stmt::StoreVec {
                    addr: *addr,
                    value: v,
                });
            }
            other => vb.push(other.clone()),
        }
    }
    vb.push(assign(
        plan.counter,
        Rvalue::Binary(BinOp::IAdd, Operand::Local(plan.counter), int(LANES)),
    ));

    // In the vector copy every tested stride is 8 bytes.
    for st in &mut vb {
        if let Stmt::Assign { value, .. } = st {
            for op in crate::defs::rvalue_operands_mut(value) {
                if matches!(op, Operand::Local(l) if plan.strides.contains(l)) {
                    *op = int(8);
                }
            }
        }
    }
    // Loads of one element and splats of fixed values move before the vector loop.
    let mut in_chain = vec![false; body.locals.len()];
    for st in &stmts {
        if let Stmt::Assign { dest, .. } = st {
            in_chain[dest.index()] = true;
        }
    }
    let mut hoisted: Vec<Stmt> = Vec::new();
    let mut fixed = vec![false; body.locals.len()];
    let mut kept = Vec::new();
    for st in vb {
        let fixed_op = |op: &Operand, fixed: &[bool]| match op {
            Operand::Const(_) => true,
            Operand::Local(l) => !in_chain[l.index()] || fixed[l.index()],
        };
        let hoist = match &st {
            Stmt::Assign {
                value: Rvalue::Load(_, addr),
                ..
            } => fixed_op(addr, &fixed),
            Stmt::Assign {
                value: Rvalue::Splat(op),
                ..
            } => fixed_op(op, &fixed),
            _ => false,
        };
        if hoist {
            if let Stmt::Assign { dest, .. } = &st {
                fixed[dest.index()] = true;
            }
            hoisted.push(st);
        } else {
            kept.push(st);
        }
    }
    let vb = kept;

    // test ─bad→ header; test → vpre: c >= lim → header; vinit (hoisted); v2pre: two steps per
    // test in v2body while c < lim2; vcheck: c >= lim → header; vbody: one step while c < lim.
    let done = temp(body, MTy::Bool);
    let first = temp(body, MTy::Bool);
    let first2 = temp(body, MTy::Bool);
    let skip2 = temp(body, MTy::Bool);
    let done2 = temp(body, MTy::Bool);
    let again = temp(body, MTy::Bool);
    let outside = outside_preds(body, plan.header, &plan.chain);
    let test_b = BlockId(body.blocks.len() as u32);
    let vpre = BlockId(test_b.0 + 1);
    let vinit = BlockId(test_b.0 + 2);
    let v2body = BlockId(test_b.0 + 3);
    let vcheck = BlockId(test_b.0 + 4);
    let vbody = BlockId(test_b.0 + 5);
    // The vector loop leaves through `vexit`, which folds the lanes of each accumulator.
    let vexit = if plan.reductions.is_empty() {
        plan.header
    } else {
        BlockId(test_b.0 + 6)
    };
    let below = |dest: Local, limit: Operand| {
        assign(
            dest,
            Rvalue::Binary(BinOp::Cmp(Cmp::Ge), Operand::Local(plan.counter), limit),
        )
    };
    body.blocks.push(BlockData {
        stmts: test,
        terminator: Terminator::Branch {
            cond: any,
            then_block: plan.header,
            else_block: vpre,
        },
    });
    body.blocks.push(BlockData {
        stmts: vec![below(first, lim)],
        terminator: Terminator::Branch {
            cond: Operand::Local(first),
            then_block: plan.header,
            else_block: vinit,
        },
    });
    let mut init = hoisted;
    for (r, (_, v)) in plan.reductions.iter().zip(&accs) {
        init.push(assign(*v, Rvalue::Splat(r.lane_start())));
    }
    init.push(below(first2, Operand::Local(lim2)));
    init.push(assign(
        skip2,
        Rvalue::Binary(BinOp::Or, Operand::Local(first2), Operand::Local(l2ov)),
    ));
    body.blocks.push(BlockData {
        stmts: init,
        terminator: Terminator::Branch {
            cond: Operand::Local(skip2),
            then_block: vcheck,
            else_block: v2body,
        },
    });
    // The second step of two accumulates into second vectors, so the two steps' reductions
    // do not wait on each other.
    let mut twice = vb.clone();
    let mut second = vb.clone();
    for (r, (_, v)) in plan.reductions.iter().zip(&accs) {
        let v2 = temp(body, vec_ty(r.ty));
        body.blocks[vinit.index()]
            .stmts
            .insert(0, assign(v2, Rvalue::Splat(r.lane_start())));
        for st in &mut second {
            if let Stmt::Assign { dest, .. } = st {
                if dest == v {
                    *dest = v2;
                }
            }
            for op in crate::defs::stmt_operands_mut(st) {
                if *op == Operand::Local(*v) {
                    *op = Operand::Local(v2);
                }
            }
        }
        accs2.push(v2);
    }
    twice.extend(second);
    twice.push(below(done2, Operand::Local(lim2)));
    body.blocks.push(BlockData {
        stmts: twice,
        terminator: Terminator::Branch {
            cond: Operand::Local(done2),
            then_block: vcheck,
            else_block: v2body,
        },
    });
    body.blocks.push(BlockData {
        stmts: vec![below(again, lim)],
        terminator: Terminator::Branch {
            cond: Operand::Local(again),
            then_block: vexit,
            else_block: vbody,
        },
    });
    let mut vb = vb;
    vb.push(below(done, lim));
    body.blocks.push(BlockData {
        stmts: vb,
        terminator: Terminator::Branch {
            cond: Operand::Local(done),
            then_block: vexit,
            else_block: vbody,
        },
    });
    if vexit != plan.header {
        let mut fold = Vec::new();
        for ((r, (_, v)), v2) in plan.reductions.iter().zip(&accs).zip(&accs2) {
            for v in [v, v2] {
                for lane in 0..LANES as u8 {
                    let x = temp(body, r.ty);
                    fold.push(assign(x, Rvalue::Lane(Operand::Local(*v), lane)));
                    r.fold(body, &mut fold, x);
                }
            }
        }
        body.blocks.push(BlockData {
            stmts: fold,
            terminator: Terminator::Goto(plan.header),
        });
    }
    enter_through(body, plan.header, &outside, test_b);
}

/// The local of a vector operand (vector operands are always locals).
fn vec_local(op: &Operand) -> Local {
    match op {
        Operand::Local(l) => *l,
        Operand::Const(_) => unreachable!("vector operands are locals"),
    }
}

/// The two-lane vector type of a lane type.
fn vec_ty(ty: MTy) -> MTy {
    ty.vector().expect("only f64 and i64 values are vectorised")
}

/// The vector form of a data operand: its shadow, or a splat of a constant or invariant.
fn vector(
    body: &mut Body,
    out: &mut Vec<Stmt>,
    shadow: &mut HashMap<Local, Local>,
    op: Operand,
) -> Operand {
    if let Operand::Local(l) = op {
        if let Some(v) = shadow.get(&l) {
            return Operand::Local(*v);
        }
    }
    let v = temp(body, vec_ty(body.operand_ty(&op)));
    out.push(assign(v, Rvalue::Splat(op)));
    if let Operand::Local(l) = op {
        shadow.insert(l, v);
    }
    Operand::Local(v)
}

/// Emits the loop-invariant part of an address (its lane-0 value less the counter's term), with
/// overflow flags for `bad`.
fn emit_base(body: &mut Body, out: &mut Vec<Stmt>, bad: &mut Vec<Operand>, a: &Addr) -> Operand {
    checked_sum(body, out, bad, a.k, &a.inv)
}
