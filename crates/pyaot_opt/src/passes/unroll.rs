//! Unrolling of innermost counted loops: a check-free loop whose body is one straight chain of
//! blocks gets a copy that runs the body `FACTOR` times per test, while at least `FACTOR`
//! iterations remain; the original loop then runs the rest.
//!
//! Guarantee: the statements run in exactly the original order (float sums keep their order), and
//! the unrolled copy runs only while `c <= stop - FACTOR` (tested without overflow), so every
//! iteration it runs is one the original loop would run. Element addresses with a run-time stride
//! use the item size in the copy, which runs only when the stride equals it (contiguous data). Loops with a remaining check, a call
//! that may raise, a branch inside the body, or a large body are left alone.

use crate::OptOptions;
use pyaot_mir::{
    BinOp, BlockData, BlockId, Body, Cmp, Local, MConst, MTy, Operand, Rvalue, Stmt, Terminator,
};

use crate::shape::{counted_loops, each_loop_in_place, enter_through, outside_preds, temp};

/// Iterations per unrolled step.
const FACTOR: i64 = 4;
/// Bodies with more statements than this are not unrolled.
const MAX_STMTS: usize = 48;

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
    /// The loop's blocks from the header's successor to the latch, in order.
    chain: Vec<BlockId>,
    counter: Local,
    stop: Operand,
    /// Run-time strides of element addresses and the item size they usually equal: the
    /// unrolled copy runs only when they do, with the constant in their place.
    strides: Vec<(Local, i64)>,
}

/// The run-time strides the body's element addresses use (`addr = base + i * s`), with the
/// item size of the elements; a stride used with two item sizes is left out.
fn unit_strides(stmts: &[&Stmt], assigned: &dyn Fn(Local) -> bool) -> Vec<(Local, i64)> {
    let def = |l: Local| {
        stmts.iter().find_map(|s| match s {
            Stmt::Assign { dest, value } if *dest == l => Some(value),
            _ => None,
        })
    };
    let mut out: Vec<(Local, i64)> = Vec::new();
    let mut bad: Vec<Local> = Vec::new();
    for s in stmts {
        let (dtype, addr) = match s {
            Stmt::Assign {
                value: Rvalue::Load(d, Operand::Local(a)),
                ..
            } => (*d, *a),
            Stmt::Store {
                dtype,
                addr: Operand::Local(a),
                ..
            } => (*dtype, *a),
            _ => continue,
        };
        let Some(Rvalue::Binary(BinOp::IAdd, x, y)) = def(addr) else {
            continue;
        };
        for term in [x, y] {
            let Operand::Local(t) = term else { continue };
            let Some(Rvalue::Binary(BinOp::IMul, _, Operand::Local(st))) = def(*t) else {
                continue;
            };
            if assigned(*st) {
                continue;
            }
            let size = dtype.itemsize();
            match out.iter().find(|(l, _)| l == st) {
                Some((_, k)) if *k != size => bad.push(*st),
                Some(_) => {}
                None => out.push((*st, size)),
            }
        }
    }
    out.retain(|(l, _)| !bad.contains(l));
    out
}

fn next_plan(body: &Body, done: &[BlockId]) -> Option<Plan> {
    for cl in counted_loops(body, done) {
        let stmts = cl.stmts(body);
        if stmts.len() > MAX_STMTS {
            continue;
        }
        let assigned = |l: Local| {
            stmts.iter().any(|s| match s {
                Stmt::Assign { dest, .. } => *dest == l,
                Stmt::Call { dests, .. } => dests.contains(&l),
                _ => false,
            })
        };
        let strides = unit_strides(&stmts, &assigned);
        return Some(Plan {
            header: cl.header,
            chain: cl.chain,
            counter: cl.counter,
            stop: cl.stop,
            strides,
        });
    }
    None
}

/// Builds `test: lim = stop - (FACTOR - 1)` (skipping to the header on overflow), the unrolled
/// loop `uh: c >= lim ? header : ub`, `ub: body x FACTOR; goto uh`, and enters it from outside.
fn apply(body: &mut Body, plan: &Plan) {
    let lim = temp(body, MTy::I64);
    let ovf = temp(body, MTy::Bool);
    let done = temp(body, MTy::Bool);
    let k = Operand::Const(MConst::I64(FACTOR - 1));
    let outside = outside_preds(body, plan.header, &plan.chain);
    let test = BlockId(body.blocks.len() as u32);
    let uh = BlockId(test.0 + 1);
    let ub = BlockId(test.0 + 2);
    let mut unrolled = Vec::new();
    for _ in 0..FACTOR {
        for b in &plan.chain {
            unrolled.extend(body.blocks[b.index()].stmts.iter().cloned());
        }
    }
    // The unrolled copy assumes unit strides: multiplications by them use the constant.
    for s in &mut unrolled {
        if let Stmt::Assign {
            value: Rvalue::Binary(BinOp::IMul, _, op @ Operand::Local(_)),
            ..
        } = s
        {
            if let Some((_, k)) = plan.strides.iter().find(|(l, _)| Operand::Local(*l) == *op) {
                *op = Operand::Const(MConst::I64(*k));
            }
        }
    }
    let mut unit_tests = Vec::new();
    let mut not_unit = Operand::Const(MConst::Bool(false));
    for (l, k) in &plan.strides {
        let ne = temp(body, MTy::Bool);
        let any = temp(body, MTy::Bool);
        unit_tests.push(Stmt::Assign {
            dest: ne,
            value: Rvalue::Binary(
                BinOp::Cmp(Cmp::Ne),
                Operand::Local(*l),
                Operand::Const(MConst::I64(*k)),
            ),
        });
        unit_tests.push(Stmt::Assign {
            dest: any,
            value: Rvalue::Binary(BinOp::Or, not_unit, Operand::Local(ne)),
        });
        not_unit = Operand::Local(any);
    }
    let skip = temp(body, MTy::Bool);
    let mut stmts = unit_tests;
    stmts.extend([
        Stmt::Assign {
            dest: lim,
            value: Rvalue::Binary(BinOp::ISub, plan.stop, k),
        },
        Stmt::Assign {
            dest: ovf,
            value: Rvalue::Binary(BinOp::ISubOverflows, plan.stop, k),
        },
        Stmt::Assign {
            dest: skip,
            value: Rvalue::Binary(BinOp::Or, not_unit, Operand::Local(ovf)),
        },
    ]);
    body.blocks.push(BlockData {
        stmts,
        terminator: Terminator::Branch {
            cond: Operand::Local(skip),
            then_block: plan.header,
            else_block: uh,
        },
    });
    body.blocks.push(BlockData {
        stmts: vec![Stmt::Assign {
            dest: done,
            value: Rvalue::Binary(
                BinOp::Cmp(Cmp::Ge),
                Operand::Local(plan.counter),
                Operand::Local(lim),
            ),
        }],
        terminator: Terminator::Branch {
            cond: Operand::Local(done),
            then_block: plan.header,
            else_block: ub,
        },
    });
    body.blocks.push(BlockData {
        stmts: unrolled,
        terminator: Terminator::Goto(uh),
    });
    enter_through(body, plan.header, &outside, test);
}
