//! Statements: assignments, returns, `if`, `assert`, `raise`, `break` and `continue`.

use pyaot_hir::{Stmt, StmtKind};
use pyaot_mir::{ExcKind, Local, Operand, Rvalue, Terminator};

use crate::func::FnLower;

impl FnLower<'_> {
    /// Lowers statements in order, skipping those after control has left (dead code).
    pub fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            if self.b.cur.is_none() {
                break;
            }
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Assign { target, value } => {
                let v = self.expr(value);
                let dests = self.var(*target).to_vec();
                self.assign_counted(&value.ty, &dests, &v);
                self.mark_assigned(*target);
            }
            StmtKind::AssignTuple { targets, value } => {
                let v = self.expr(value);
                let dests: Vec<Local> =
                    targets.iter().flat_map(|t| self.var(*t).to_vec()).collect();
                self.assign_counted(&value.ty, &dests, &v);
                for t in targets {
                    self.mark_assigned(*t);
                }
            }
            StmtKind::Expr(e) => {
                self.expr(e);
            }
            StmtKind::Store {
                array,
                indices,
                value,
            } => self.store(array, indices, value),
            StmtKind::StoreEach { target, value } => self.store_each(target, value),
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    let ops = self.expr(v);
                    let rets = self.rets.clone();
                    self.copy_into(&rets, &ops);
                    self.incref_all(&v.ty, &ops);
                }
                self.b.terminate(Terminator::Return);
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => self.if_stmt(cond, then_body, else_body),
            StmtKind::While { cond, body, orelse } => self.while_loop(cond, body, orelse),
            StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            } => self.for_range(*var, [start, stop, step], body, orelse),
            StmtKind::Break => {
                let Some(l) = self.loops.last() else {
                    self.ice("break outside a loop")
                };
                let target = l.brk;
                self.b.goto(target);
            }
            StmtKind::Continue => {
                let Some(l) = self.loops.last() else {
                    self.ice("continue outside a loop")
                };
                let target = l.cont;
                self.b.goto(target);
            }
            StmtKind::Assert { cond, msg } => {
                let c = self.scalar(cond);
                let msg = self.msg(msg.as_deref().unwrap_or(pyaot_mir::NO_MESSAGE));
                let fail = self.b.raise_block(ExcKind::AssertionError, msg);
                let ok = self.b.new_block();
                self.b.branch(c, ok, fail);
                self.b.switch_to(ok);
            }
            StmtKind::Raise { exc, msg } => {
                let msg = self.msg(msg.as_deref().unwrap_or(pyaot_mir::NO_MESSAGE));
                self.b.terminate(Terminator::Raise { exc: *exc, msg });
            }
        }
    }

    /// Assigns a fully evaluated value to target locals; sources that are also targets are copied first,
    /// so `a, b = b, a` swaps.
    pub(crate) fn assign_all(&mut self, dests: &[Local], mut ops: Vec<Operand>) {
        if dests.len() > 1 {
            for op in ops.iter_mut() {
                if let Operand::Local(l) = *op {
                    if dests.contains(&l) {
                        let ty = self.b.ty(*op);
                        *op = self.b.emit(ty, Rvalue::Use(*op));
                    }
                }
            }
        }
        self.copy_into(dests, &ops);
    }

    fn if_stmt(&mut self, cond: &pyaot_hir::Expr, then_body: &[Stmt], else_body: &[Stmt]) {
        let c = self.scalar(cond);
        let then_bb = self.b.new_block();
        if else_body.is_empty() {
            let join = self.b.new_block();
            self.b.branch(c, then_bb, join);
            self.b.switch_to(then_bb);
            self.stmts(then_body);
            self.b.goto(join);
            self.b.switch_to(join);
            return;
        }
        let else_bb = self.b.new_block();
        self.b.branch(c, then_bb, else_bb);
        self.b.switch_to(then_bb);
        self.stmts(then_body);
        let then_end = self.b.cur;
        self.b.switch_to(else_bb);
        self.stmts(else_body);
        let else_end = self.b.cur;
        if then_end.is_none() && else_end.is_none() {
            return;
        }
        let join = self.b.new_block();
        for end in [then_end, else_end].into_iter().flatten() {
            self.b.switch_to(end);
            self.b.goto(join);
        }
        self.b.switch_to(join);
    }
}
