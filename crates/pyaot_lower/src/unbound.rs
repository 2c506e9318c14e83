//! Definite assignment: which reads of a local may happen before any assignment (UnboundLocalError).
//!
//! HIR is structured, so one recursive walk with "definitely assigned" sets suffices.
//! A state of `None` means the point is unreachable (after `return`, `raise`, `break`, `continue`).

use std::collections::HashSet;

use pyaot_hir::{Const, Expr, ExprKind, Function, LocalId, Stmt, StmtKind};

/// The result of the analysis for one function.
pub(crate) struct Unbound {
    /// Per HIR local: whether it needs an "assigned" flag.
    pub flagged: Vec<bool>,
    /// The `ExprKind::Local` reads (by address) that must check the flag.
    pub checked_reads: HashSet<*const Expr>,
    /// The checked reads of free variables (a comprehension's reads of the function's locals),
    /// which raise NameError instead of UnboundLocalError.
    pub free_reads: HashSet<*const Expr>,
}

type State = Option<Vec<bool>>;

/// The states where control leaves a loop body early.
#[derive(Default)]
struct LoopExits {
    breaks: State,
    continues: State,
}

struct Walk {
    out: Unbound,
    loops: Vec<LoopExits>,
    /// Free variables passed in with a flag: their reads raise NameError.
    free_params: HashSet<LocalId>,
}

/// Runs the analysis on a function.
pub(crate) fn analyze(func: &Function) -> Unbound {
    let mut state = vec![false; func.locals.len()];
    for p in &func.params {
        state[p.local.index()] = true;
    }
    // A free variable passed in may have no value: its caller's flag says.
    for (var, _) in &func.free_flags {
        state[var.index()] = false;
    }
    let mut w = Walk {
        out: Unbound {
            flagged: vec![false; func.locals.len()],
            checked_reads: HashSet::new(),
            free_reads: HashSet::new(),
        },
        loops: Vec::new(),
        free_params: func.free_flags.iter().map(|(v, _)| *v).collect(),
    };
    w.block(&func.body, Some(state));
    w.out
}

/// The meet of two states: assigned on both paths; an unreachable path is the identity.
fn meet(a: State, b: State) -> State {
    match (a, b) {
        (None, s) | (s, None) => s,
        (Some(mut a), Some(b)) => {
            for (x, y) in a.iter_mut().zip(b) {
                *x &= y;
            }
            Some(a)
        }
    }
}

fn assign(state: &mut State, local: LocalId) {
    if let Some(s) = state {
        s[local.index()] = true;
    }
}

/// Whether `range(start, stop, step)` of constants is non-empty (the body runs at least once).
fn const_range_nonempty(start: &Expr, stop: &Expr, step: &Expr) -> bool {
    match (&start.kind, &stop.kind, &step.kind) {
        (
            ExprKind::Const(Const::Int(a)),
            ExprKind::Const(Const::Int(b)),
            ExprKind::Const(Const::Int(c)),
        ) => (*c > 0 && a < b) || (*c < 0 && a > b),
        _ => false,
    }
}

impl Walk {
    fn expr(&mut self, e: &Expr, state: &State) {
        let Some(s) = state else { return };
        // The statements of a block expression assign only locals of their own, each before its
        // reads (sema's contract), so those count as assigned.
        let mut inner = Vec::new();
        let mut free = HashSet::new();
        e.walk(&mut |x| {
            if let ExprKind::Block {
                stmts, free_from, ..
            } = &x.kind
            {
                pyaot_hir::walk_stmts(stmts, &mut |st| match &st.kind {
                    StmtKind::Assign { target, .. } => inner.push(*target),
                    StmtKind::AssignTuple { targets, .. } => inner.extend(targets.iter().copied()),
                    StmtKind::ForRange { var, .. } => inner.push(*var),
                    _ => {}
                });
                pyaot_hir::walk_exprs(&stmts[*free_from..], &mut |r| {
                    free.insert(r as *const Expr);
                });
            }
        });
        let mut owned;
        let s = if inner.is_empty() {
            s
        } else {
            owned = s.clone();
            for l in inner {
                owned[l.index()] = true;
            }
            &owned
        };
        let free_params = &self.free_params;
        visit_reads(e, &mut |read, local| {
            if !s[local.index()] {
                self.out.flagged[local.index()] = true;
                self.out.checked_reads.insert(read as *const Expr);
                if free.contains(&(read as *const Expr)) || free_params.contains(&local) {
                    self.out.free_reads.insert(read as *const Expr);
                }
            }
        });
        // Asking whether a local has a value needs its flag wherever it may have none.
        e.walk(&mut |x| {
            if let ExprKind::Assigned(l) = x.kind {
                if !s[l.index()] {
                    self.out.flagged[l.index()] = true;
                }
            }
        });
    }

    fn block(&mut self, stmts: &[Stmt], mut state: State) -> State {
        for st in stmts {
            state = self.stmt(st, state);
        }
        state
    }

    fn stmt(&mut self, st: &Stmt, mut state: State) -> State {
        match &st.kind {
            StmtKind::Assign { target, value } => {
                self.expr(value, &state);
                assign(&mut state, *target);
                state
            }
            StmtKind::AssignTuple { targets, value } => {
                self.expr(value, &state);
                for t in targets {
                    assign(&mut state, *t);
                }
                state
            }
            StmtKind::Expr(e) => {
                self.expr(e, &state);
                state
            }
            StmtKind::Store {
                array,
                indices,
                value,
            } => {
                self.expr(array, &state);
                indices.iter().for_each(|i| self.expr(i, &state));
                self.expr(value, &state);
                state
            }
            StmtKind::StoreEach { target, value } => {
                self.expr(value, &state);
                self.expr(target, &state);
                state
            }
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(v, &state);
                }
                None
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => {
                self.expr(cond, &state);
                let t = self.block(then_body, state.clone());
                let e = self.block(else_body, state);
                meet(t, e)
            }
            StmtKind::While { cond, body, orelse } => {
                // The body only adds assignments, so the header state is the entry state.
                self.expr(cond, &state);
                self.loops.push(LoopExits::default());
                self.block(body, state.clone());
                let exits = self.loops.pop().expect("loop stack");
                let always = matches!(cond.kind, ExprKind::Const(Const::Bool(true)));
                let normal = if always { None } else { state };
                let after_else = self.block(orelse, normal);
                meet(after_else, exits.breaks)
            }
            StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            } => {
                self.expr(start, &state);
                self.expr(stop, &state);
                self.expr(step, &state);
                let zero_step = matches!(step.kind, ExprKind::Const(Const::Int(0)));
                let mut in_body = if zero_step { None } else { state.clone() };
                assign(&mut in_body, *var);
                self.loops.push(LoopExits::default());
                let end = self.block(body, in_body);
                let exits = self.loops.pop().expect("loop stack");
                let normal = if zero_step {
                    None
                } else if const_range_nonempty(start, stop, step) {
                    // The last iteration ended at the body's end or at a `continue`.
                    meet(end, exits.continues)
                } else {
                    state
                };
                let after_else = self.block(orelse, normal);
                meet(after_else, exits.breaks)
            }
            StmtKind::Break => {
                let l = self.loops.last_mut().expect("break outside a loop");
                l.breaks = meet(l.breaks.take(), state);
                None
            }
            StmtKind::Continue => {
                let l = self.loops.last_mut().expect("continue outside a loop");
                l.continues = meet(l.continues.take(), state);
                None
            }
            StmtKind::Assert { cond, .. } => {
                self.expr(cond, &state);
                state
            }
            StmtKind::Raise { .. } => None,
        }
    }
}

/// Calls `f` for every `ExprKind::Local` node in `e`.
pub(crate) fn visit_reads<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr, LocalId)) {
    e.walk(&mut |x| {
        if let ExprKind::Local(l) = x.kind {
            f(x, l);
        }
    });
}
