//! Inlining: a call of a small function of the module that calls no other function and holds
//! no array reference of its own is replaced by a copy of its body.
//!
//! Guarantee: the copy runs exactly what the call ran. Its parameters are fresh locals set from
//! the arguments, its returns copy its results into the call's destinations and continue where
//! the call did, and a raise inside it leaves the caller at once, as a failed call did. Loops
//! and checks inside the copy become visible to the passes that follow. A local of the callee
//! that may be read before it is assigned starts at zero, as it does in a called body.

use pyaot_mir::cfg::Cfg;
use pyaot_mir::{
    BlockId, Body, Callee, FuncId, Local, MConst, MTy, Module, Operand, Rvalue, Stmt, Terminator,
};

use crate::defs::{stmt_operands_mut, term_operands_mut};
use crate::OptOptions;

/// Callees with more statements than this are called, not copied.
const MAX_CALLEE_STMTS: usize = 48;
/// A caller stops taking copies once it has this many statements.
const MAX_CALLER_STMTS: usize = 4000;

/// Rounds of inlining: a caller whose calls were all copied may be copied in the next round.
const ROUNDS: usize = 3;

pub fn run(module: &mut Module, _opts: &OptOptions) {
    for _ in 0..ROUNDS {
        let small: Vec<bool> = module.funcs.iter().map(inlinable).collect();
        let mut changed = false;
        for i in 0..module.funcs.len() {
            while let Some((block, callee)) = next_call(&module.funcs[i], i, &small) {
                let callee_body = module.funcs[callee.index()].clone();
                inline_at(&mut module.funcs[i], block, &callee_body);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Whether calls of the body may be replaced by copies of it.
fn inlinable(body: &Body) -> bool {
    let stmts: usize = body.blocks.iter().map(|b| b.stmts.len() + 1).sum();
    let calls_functions = body.blocks.iter().any(|b| {
        matches!(
            b.terminator,
            Terminator::Call {
                callee: Callee::Func(_),
                ..
            }
        )
    });
    stmts <= MAX_CALLEE_STMTS && !calls_functions && body.owned.is_empty()
}

/// The first block of the body that calls an inlinable function, while the body is not too big.
fn next_call(body: &Body, this: usize, small: &[bool]) -> Option<(BlockId, FuncId)> {
    let size: usize = body.blocks.iter().map(|b| b.stmts.len()).sum();
    if size > MAX_CALLER_STMTS {
        return None;
    }
    func_calls(body).find(|(_, f)| f.index() != this && small[f.index()])
}

/// The blocks of the body that end in a call of a module function, with the callee.
pub(crate) fn func_calls(body: &Body) -> impl Iterator<Item = (BlockId, FuncId)> + '_ {
    body.blocks
        .iter()
        .enumerate()
        .filter_map(|(b, data)| match data.terminator {
            Terminator::Call {
                callee: Callee::Func(f),
                ..
            } => Some((BlockId(b as u32), f)),
            _ => None,
        })
}

/// Replaces the call ending `block` by a copy of `callee`.
pub(crate) fn inline_at(body: &mut Body, block: BlockId, callee: &Body) {
    let Terminator::Call {
        args, dests, next, ..
    } = body.blocks[block.index()].terminator.clone()
    else {
        unreachable!("next_call found a call");
    };
    // Fresh locals and blocks for the copy.
    let local_base = body.locals.len() as u32;
    body.locals.extend(callee.locals.iter().cloned());
    let local = |l: Local| Local(l.0 + local_base);
    let block_base = body.blocks.len() as u32;
    let target = |b: BlockId| BlockId(b.0 + block_base);
    for data in &callee.blocks {
        let mut data = data.clone();
        for s in &mut data.stmts {
            if let Stmt::Assign { dest, .. } = s {
                *dest = local(*dest);
            }
            if let Stmt::Call { dests, .. } = s {
                for d in dests {
                    *d = local(*d);
                }
            }
            for op in stmt_operands_mut(s) {
                if let Operand::Local(l) = op {
                    *l = local(*l);
                }
            }
        }
        for op in term_operands_mut(&mut data.terminator) {
            if let Operand::Local(l) = op {
                *l = local(*l);
            }
        }
        if let Terminator::Call { dests, .. } = &mut data.terminator {
            for d in dests {
                *d = local(*d);
            }
        }
        for succ in data.terminator.successors_mut() {
            *succ = target(*succ);
        }
        if data.terminator == Terminator::Return {
            for (d, r) in dests.iter().zip(&callee.rets) {
                data.stmts.push(Stmt::Assign {
                    dest: *d,
                    value: Rvalue::Use(Operand::Local(local(*r))),
                });
            }
            data.terminator = Terminator::Goto(next);
        }
        body.blocks.push(data);
    }
    let call = &mut body.blocks[block.index()];
    for l in read_unassigned(callee) {
        let zero = match callee.local_ty(l) {
            MTy::I64 => MConst::I64(0),
            MTy::F64 => MConst::F64(0.0),
            MTy::F32 => MConst::F32(0.0),
            MTy::Bool => MConst::Bool(false),
            MTy::Ref => MConst::Null,
            MTy::F64x2 | MTy::I64x2 => unreachable!("no vector is read before it is assigned"),
        };
        call.stmts.push(Stmt::Assign {
            dest: local(l),
            value: Rvalue::Use(Operand::Const(zero)),
        });
    }
    for (p, a) in callee.params.iter().zip(&args) {
        call.stmts.push(Stmt::Assign {
            dest: local(*p),
            value: Rvalue::Use(*a),
        });
    }
    call.terminator = Terminator::Goto(target(BlockId(0)));
}

/// The locals of the body some path may read before assigning them (parameters are assigned).
fn read_unassigned(body: &Body) -> Vec<Local> {
    let n = body.locals.len();
    let cfg = Cfg::new(body);
    // Definitely assigned at each block's entry: all locals until a path says otherwise.
    let mut at_entry: Vec<Vec<bool>> = vec![vec![true; n]; body.blocks.len()];
    let mut entry = vec![false; n];
    for p in &body.params {
        entry[p.index()] = true;
    }
    at_entry[0] = entry;
    let assigned_after = |b: usize, state: &[bool]| {
        let mut s = state.to_vec();
        for st in &body.blocks[b].stmts {
            match st {
                Stmt::Assign { dest, .. } => s[dest.index()] = true,
                Stmt::Call { dests, .. } => dests.iter().for_each(|d| s[d.index()] = true),
                _ => {}
            }
        }
        if let Terminator::Call { dests, .. } = &body.blocks[b].terminator {
            dests.iter().for_each(|d| s[d.index()] = true);
        }
        s
    };
    let mut changed = true;
    while changed {
        changed = false;
        for b in 0..body.blocks.len() {
            let out = assigned_after(b, &at_entry[b]);
            for succ in body.blocks[b].terminator.successors() {
                let e = &mut at_entry[succ.index()];
                for (x, o) in e.iter_mut().zip(&out) {
                    if *x && !*o {
                        *x = false;
                        changed = true;
                    }
                }
            }
        }
    }
    let mut unset = vec![false; n];
    for (b, entry_state) in at_entry.iter().enumerate() {
        if !cfg.reachable(BlockId(b as u32)) {
            continue;
        }
        let mut state = entry_state.clone();
        let mut block = body.blocks[b].clone();
        for st in &mut block.stmts {
            for op in stmt_operands_mut(st) {
                if let Operand::Local(l) = op {
                    unset[l.index()] |= !state[l.index()];
                }
            }
            match st {
                Stmt::Assign { dest, .. } => state[dest.index()] = true,
                Stmt::Call { dests, .. } => dests.iter().for_each(|d| state[d.index()] = true),
                _ => {}
            }
        }
        for op in term_operands_mut(&mut block.terminator) {
            if let Operand::Local(l) = op {
                unset[l.index()] |= !state[l.index()];
            }
        }
        // Returned locals are read when the body returns.
        if block.terminator == Terminator::Return {
            for r in &body.rets {
                unset[r.index()] |= !state[r.index()];
            }
        }
    }
    (0..n)
        .filter(|&i| unset[i])
        .map(|i| Local(i as u32))
        .collect()
}
