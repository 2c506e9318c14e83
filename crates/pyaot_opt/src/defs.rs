//! Where locals are assigned, and which locals hold one value wherever that value is visible.
//!
//! MIR is not SSA. A local is *stable* when it is a parameter never assigned, or a non-parameter
//! assigned exactly once: at any point its single definition dominates, it holds that value.
//! (A local read before any assignment holds zero, so a use its definition does not dominate is not stable.)

use pyaot_mir::cfg::{Cfg, Dominators};
use pyaot_mir::{BlockId, Body, Local, Rvalue, Stmt, Terminator};

/// A program point: a block and a statement index (`stmts.len()` is the terminator).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Point {
    pub block: BlockId,
    pub index: usize,
}

/// What defines a local, when it has a single definition.
#[derive(Clone, Debug)]
pub(crate) enum Def {
    /// A parameter never assigned: its argument, everywhere.
    Param,
    /// A single assignment.
    Assign(Point, Rvalue),
    /// A single call result (a statement or a terminator).
    Call(Point),
}

/// The assignments of every local of a body, with its CFG and dominators.
pub(crate) struct Defs {
    pub cfg: Cfg,
    pub doms: Dominators,
    /// How many times each local is assigned (parameters count their entry value).
    pub count: Vec<u32>,
    /// The definition of each local assigned once.
    pub single: Vec<Option<Def>>,
    /// Every assignment site of each local.
    pub sites: Vec<Vec<Point>>,
}

impl Defs {
    pub fn new(body: &Body) -> Defs {
        let cfg = Cfg::new(body);
        let doms = Dominators::new(&cfg);
        let n = body.locals.len();
        let mut count = vec![0u32; n];
        let mut sites: Vec<Vec<Point>> = vec![Vec::new(); n];
        let mut single: Vec<Option<Def>> = vec![None; n];
        for p in &body.params {
            count[p.index()] += 1;
        }
        for (b, block) in body.blocks.iter().enumerate() {
            let block_id = BlockId(b as u32);
            for (i, s) in block.stmts.iter().enumerate() {
                let at = Point {
                    block: block_id,
                    index: i,
                };
                match s {
                    Stmt::Assign { dest, value } => {
                        count[dest.index()] += 1;
                        sites[dest.index()].push(at);
                        single[dest.index()] = Some(Def::Assign(at, value.clone()));
                    }
                    Stmt::Call { dests, .. } => {
                        for d in dests {
                            count[d.index()] += 1;
                            sites[d.index()].push(at);
                            single[d.index()] = Some(Def::Call(at));
                        }
                    }
                    Stmt::Store { .. }
                    | Stmt::StoreVec { .. }
                    | Stmt::IncRef(_)
                    | Stmt::DecRef(_) => {}
                }
            }
            if let Terminator::Call { dests, .. } = &block.terminator {
                let at = Point {
                    block: block_id,
                    index: block.stmts.len(),
                };
                for d in dests {
                    count[d.index()] += 1;
                    sites[d.index()].push(at);
                    single[d.index()] = Some(Def::Call(at));
                }
            }
        }
        for p in &body.params {
            single[p.index()] = Some(Def::Param);
        }
        for (l, c) in count.iter().enumerate() {
            if *c != 1 {
                single[l] = None;
            }
        }
        Defs {
            cfg,
            doms,
            count,
            single,
            sites,
        }
    }

    /// Whether the definition at `def` has happened, on every path, by the point `at`.
    /// A call terminator's results are visible only in later blocks.
    pub fn point_dominates(&self, def: Point, at: Point) -> bool {
        if def.block == at.block {
            def.index < at.index
        } else {
            self.doms.dominates(def.block, at.block)
        }
    }

    /// The single definition of `local` if it holds that value at `at`.
    pub fn stable_at(&self, local: Local, at: Point) -> Option<&Def> {
        let def = self.single[local.index()].as_ref()?;
        match def {
            Def::Param => Some(def),
            Def::Assign(p, _) | Def::Call(p) => self.point_dominates(*p, at).then_some(def),
        }
    }

    /// The assignment whose value a local of several assignments holds at `at`: one that dominates
    /// `at` with no other assignment of the local on any path from it to `at`.
    pub fn reaching_at(&self, body: &Body, local: Local, at: Point) -> Option<(Point, Rvalue)> {
        let sites = &self.sites[local.index()];
        if body.params.contains(&local) || sites.len() > 8 {
            return None;
        }
        let d = *sites
            .iter()
            .filter(|s| self.point_dominates(**s, at))
            .find(|s| {
                sites.iter().all(|o| {
                    o == *s || !self.point_dominates(**s, *o) || !self.point_dominates(*o, at)
                })
            })?;
        if sites
            .iter()
            .any(|s| *s != d && self.reaches(body, d, *s) && self.reaches(body, *s, at))
        {
            return None;
        }
        match &body.blocks[d.block.index()].stmts.get(d.index) {
            Some(Stmt::Assign { value, .. }) => Some((d, value.clone())),
            _ => None,
        }
    }

    /// Whether control at `from` can reach `to` (later in the same block, or through edges).
    pub fn reaches(&self, body: &Body, from: Point, to: Point) -> bool {
        if from.block == to.block && from.index < to.index {
            return true;
        }
        let mut seen = vec![false; body.blocks.len()];
        let mut work = self.cfg.succs[from.block.index()].clone();
        while let Some(b) = work.pop() {
            if b == to.block {
                return true;
            }
            if !seen[b.index()] {
                seen[b.index()] = true;
                work.extend(self.cfg.succs[b.index()].iter().copied());
            }
        }
        false
    }

    /// Whether `local` holds one value everywhere it is visible (`stable_at` its uses).
    pub fn is_single(&self, local: Local) -> bool {
        self.single[local.index()].is_some()
    }
}

/// The operands a statement reads.
pub(crate) fn stmt_operands_mut(s: &mut Stmt) -> Vec<&mut pyaot_mir::Operand> {
    match s {
        Stmt::Assign { value, .. } => rvalue_operands_mut(value),
        Stmt::Store { addr, value, .. } | Stmt::StoreVec { addr, value } => vec![addr, value],
        Stmt::Call { args, .. } => args.iter_mut().collect(),
        Stmt::IncRef(op) | Stmt::DecRef(op) => vec![op],
    }
}

/// The operands a right-hand side reads.
pub(crate) fn rvalue_operands_mut(rv: &mut Rvalue) -> Vec<&mut pyaot_mir::Operand> {
    match rv {
        Rvalue::Use(a)
        | Rvalue::Unary(_, a)
        | Rvalue::Cast(_, a)
        | Rvalue::Load(_, a)
        | Rvalue::LoadVec(_, a)
        | Rvalue::Splat(a)
        | Rvalue::Lane(a, _) => vec![a],
        Rvalue::Binary(_, a, b) => vec![a, b],
        Rvalue::Select(c, a, b) => vec![c, a, b],
        Rvalue::Special(_) => vec![],
    }
}

/// The operands a terminator reads.
pub(crate) fn term_operands_mut(t: &mut Terminator) -> Vec<&mut pyaot_mir::Operand> {
    match t {
        Terminator::Branch { cond, .. } => vec![cond],
        Terminator::Check { fails, .. } => vec![fails],
        Terminator::Call { args, .. } => args.iter_mut().collect(),
        Terminator::Goto(_)
        | Terminator::Return
        | Terminator::Raise { .. }
        | Terminator::Unreachable
        | Terminator::Fail => vec![],
    }
}

/// Calls `f` on every operand of the body with the point that reads it.
pub(crate) fn for_each_operand_mut(
    body: &mut Body,
    mut f: impl FnMut(Point, &mut pyaot_mir::Operand),
) {
    for (b, block) in body.blocks.iter_mut().enumerate() {
        let block_id = BlockId(b as u32);
        let n = block.stmts.len();
        for (i, s) in block.stmts.iter_mut().enumerate() {
            let at = Point {
                block: block_id,
                index: i,
            };
            for op in stmt_operands_mut(s) {
                f(at, op);
            }
        }
        let at = Point {
            block: block_id,
            index: n,
        };
        for op in term_operands_mut(&mut block.terminator) {
            f(at, op);
        }
    }
}
