//! Reductions a loop carries from one iteration to the next (sums, differences, products, min
//! and max of `f64` or `i64`), recognised so a vector loop may split them over lanes. Integer
//! reductions wrap, so any order gives the same result; float ones only under `--fastmath`.
//!
//! A reduction is `t = acc op e; acc = t` (or `m = cmp e, acc; t = select m, e, acc` for a min
//! or max), where `acc` is read nowhere else in the loop and `e` does not depend on it.

use std::collections::HashMap;

use pyaot_mir::{BinOp, BlockId, Body, Cmp, Local, MConst, MTy, Operand, Rvalue, Stmt};

use crate::defs::term_operands_mut;
use crate::shape::{assign, temp};

/// How a reduction combines an element into the accumulator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    Add,
    /// `acc - e`.
    Sub,
    Mul,
    /// `select (cmp x, y), e, acc`: a min or max that never picks a NaN element; `e_left`
    /// tells whether `e` is the comparison's left operand.
    Pick {
        cmp: Cmp,
        e_left: bool,
    },
}

/// One reduction of a loop body.
#[derive(Clone, Debug)]
pub(crate) struct Reduction {
    pub acc: Local,
    /// `F64` or `I64`.
    pub ty: MTy,
    pub kind: Kind,
    /// The comparison of a min or max.
    pub mask: Option<Local>,
}

impl Reduction {
    /// The value each lane of the vector accumulator starts from.
    pub fn lane_start(&self) -> Operand {
        let float = self.ty == MTy::F64;
        match self.kind {
            Kind::Add if float => Operand::Const(MConst::F64(-0.0)),
            Kind::Sub if float => Operand::Const(MConst::F64(0.0)),
            Kind::Mul if float => Operand::Const(MConst::F64(1.0)),
            Kind::Add | Kind::Sub => Operand::Const(MConst::I64(0)),
            Kind::Mul => Operand::Const(MConst::I64(1)),
            // Min and max are idempotent: both lanes may start from the accumulator.
            Kind::Pick { .. } => Operand::Local(self.acc),
        }
    }

    /// Statements that fold one lane value into the scalar accumulator.
    pub fn fold(&self, body: &mut Body, out: &mut Vec<Stmt>, lane: Local) {
        let (acc, e) = (Operand::Local(self.acc), Operand::Local(lane));
        let t = temp(body, self.ty);
        let (add, mul) = if self.ty == MTy::F64 {
            (BinOp::FAdd, BinOp::FMul)
        } else {
            (BinOp::IAdd, BinOp::IMul)
        };
        match self.kind {
            // Lanes of a difference hold `0 - e - ...`: they are added.
            Kind::Add | Kind::Sub => out.push(assign(t, Rvalue::Binary(add, acc, e))),
            Kind::Mul => out.push(assign(t, Rvalue::Binary(mul, acc, e))),
            Kind::Pick { cmp, e_left } => {
                let m = temp(body, MTy::Bool);
                let (x, y) = if e_left { (e, acc) } else { (acc, e) };
                out.push(assign(m, Rvalue::Binary(BinOp::Cmp(cmp), x, y)));
                out.push(assign(t, Rvalue::Select(Operand::Local(m), e, acc)));
            }
        }
        out.push(assign(self.acc, Rvalue::Use(Operand::Local(t))));
    }
}

/// The reductions among the `F64` and `I64` locals the loop's statements carry (the chain's
/// blocks give the terminators, which must not read them).
pub(crate) fn find(body: &Body, chain: &[BlockId], stmts: &[&Stmt]) -> Vec<Reduction> {
    let mut reads: HashMap<Local, Vec<usize>> = HashMap::new();
    let mut defs: HashMap<Local, Vec<usize>> = HashMap::new();
    let term_reads: Vec<Local> = chain
        .iter()
        .flat_map(|b| {
            let mut t = body.blocks[b.index()].terminator.clone();
            term_operands_mut(&mut t)
                .into_iter()
                .filter_map(|o| match o {
                    Operand::Local(l) => Some(*l),
                    Operand::Const(_) => None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for (i, s) in stmts.iter().enumerate() {
        let mut s = (*s).clone();
        if let Stmt::Assign { dest, .. } = &s {
            defs.entry(*dest).or_default().push(i);
        }
        for op in crate::defs::stmt_operands_mut(&mut s) {
            if let Operand::Local(l) = op {
                reads.entry(*l).or_default().push(i);
            }
        }
    }
    let only = |m: &HashMap<Local, Vec<usize>>, l: Local, want: &[usize]| {
        m.get(&l).map(Vec::as_slice).unwrap_or(&[]) == want
    };
    let mut found = Vec::new();
    for (i, s) in stmts.iter().enumerate() {
        let Stmt::Assign {
            dest: acc,
            value: Rvalue::Use(Operand::Local(next)),
        } = s
        else {
            continue;
        };
        let (acc, next) = (*acc, *next);
        let ty = body.local_ty(acc);
        if !matches!(ty, MTy::F64 | MTy::I64)
            || term_reads.contains(&acc)
            || term_reads.contains(&next)
        {
            continue;
        }
        let Some(&[j]) = defs.get(&next).map(Vec::as_slice) else {
            continue;
        };
        if j >= i || !only(&defs, acc, &[i]) || !only(&reads, next, &[i]) {
            continue;
        }
        let a = Operand::Local(acc);
        let Stmt::Assign { value, .. } = stmts[j] else {
            continue;
        };
        let kind = match value {
            Rvalue::Binary(op @ (BinOp::FAdd | BinOp::FMul | BinOp::IAdd | BinOp::IMul), x, y)
                if (*x == a) != (*y == a) && only(&reads, acc, &[j]) =>
            {
                if matches!(op, BinOp::FAdd | BinOp::IAdd) {
                    Kind::Add
                } else {
                    Kind::Mul
                }
            }
            Rvalue::Binary(BinOp::FSub | BinOp::ISub, x, y)
                if *x == a && *y != a && only(&reads, acc, &[j]) =>
            {
                Kind::Sub
            }
            Rvalue::Select(Operand::Local(m), e, q) if *q == a && *e != a => {
                let Some(&[k]) = defs.get(m).map(Vec::as_slice) else {
                    continue;
                };
                if k >= j || !only(&reads, *m, &[j]) || !only(&reads, acc, &[k, j]) {
                    continue;
                }
                if term_reads.contains(m) {
                    continue;
                }
                let Stmt::Assign {
                    value: Rvalue::Binary(BinOp::Cmp(cmp), x, y),
                    ..
                } = stmts[k]
                else {
                    continue;
                };
                // A true ordered comparison means `e` is not NaN, so a NaN is never picked.
                if !matches!(cmp, Cmp::Lt | Cmp::Le | Cmp::Gt | Cmp::Ge) {
                    continue;
                }
                let e_left = match (x == e, y == e) {
                    (true, false) if *y == a => true,
                    (false, true) if *x == a => false,
                    _ => continue,
                };
                found.push(Reduction {
                    acc,
                    ty,
                    kind: Kind::Pick { cmp: *cmp, e_left },
                    mask: Some(*m),
                });
                continue;
            }
            _ => continue,
        };
        found.push(Reduction {
            acc,
            ty,
            kind,
            mask: None,
        });
    }
    found
}
