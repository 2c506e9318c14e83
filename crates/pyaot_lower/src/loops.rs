//! Loops: `while` and `for ... in range(...)`, both with `else`, `break` and `continue`.
//!
//! Loop headers end in `branch done, exit, body`, so the false edge stays in the loop
//! (Cranelift's LICM hoists better with that shape).

use pyaot_hir::{Const, Expr, ExprKind, LocalId, Stmt};
use pyaot_mir::{BinOp, BlockId, Cmp, ExcKind, MConst, MTy, Operand, Rvalue, Terminator, UnOp};

use crate::builder::int;
use crate::func::{FnLower, LoopTargets};

/// How a `range` loop advances, chosen from its step.
enum Step {
    /// The constant 1: `counter < stop; counter += 1` cannot overflow.
    One,
    /// A constant step of known sign, with its unsigned magnitude.
    Const { up: bool, mag: i64 },
    /// A runtime step: its sign and magnitude, computed before the loop.
    Dynamic { up: Operand, mag: Operand },
}

impl FnLower<'_> {
    /// Lowers the body of a loop with its `break` and `continue` targets.
    fn loop_body(&mut self, body: &[Stmt], brk: BlockId, cont: BlockId) {
        self.loops.push(LoopTargets { brk, cont });
        self.stmts(body);
        self.b.goto(cont);
        self.loops.pop();
    }

    /// The normal exit of a loop: runs `orelse` from `exit`, then continues at `after` if anything reaches it.
    fn loop_exit(&mut self, exit: Option<BlockId>, orelse: &[Stmt], after: BlockId) {
        if let Some(exit) = exit {
            if exit != after && self.b.has_pred(exit) {
                self.b.switch_to(exit);
                self.stmts(orelse);
                self.b.goto(after);
            }
        }
        if self.b.has_pred(after) {
            self.b.switch_to(after);
        } else {
            self.b.cur = None;
        }
    }

    /// `while cond: body else: orelse`.
    pub fn while_loop(&mut self, cond: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        let always = matches!(cond.kind, ExprKind::Const(Const::Bool(true)));
        let header = self.b.new_block();
        self.b.goto(header);
        self.b.switch_to(header);
        let body_bb = if always { header } else { self.b.new_block() };
        let after = self.b.new_block();
        let exit = if always {
            None
        } else if orelse.is_empty() {
            Some(after)
        } else {
            Some(self.b.new_block())
        };
        if let Some(exit) = exit {
            let c = self.scalar(cond);
            let done = self.b.negate(c);
            self.b.branch(done, exit, body_bb);
            self.b.switch_to(body_bb);
        }
        self.loop_body(body, after, header);
        self.loop_exit(exit, orelse, after);
    }

    /// `for var in range(start, stop, step): body else: orelse`.
    pub fn for_range(&mut self, var: LocalId, bounds: [&Expr; 3], body: &[Stmt], orelse: &[Stmt]) {
        let start = self.scalar(bounds[0]);
        let stop = self.scalar(bounds[1]);
        let step = self.scalar(bounds[2]);
        // `range` evaluates its arguments once: the body may reassign the locals they came from.
        let stop = self.freeze(stop);
        let step = self.freeze(step);
        let mode = match step {
            Operand::Const(MConst::I64(0)) => {
                let msg = self.msg("range() arg 3 must not be zero");
                self.b.terminate(Terminator::Raise {
                    exc: ExcKind::ValueError,
                    msg,
                });
                return;
            }
            Operand::Const(MConst::I64(1)) => Step::One,
            Operand::Const(MConst::I64(s)) => Step::Const {
                up: s > 0,
                mag: s.wrapping_abs(),
            },
            _ => {
                let zero = self.b.cmp(Cmp::Eq, step, int(0));
                let msg = self.msg("range() arg 3 must not be zero");
                self.b.raise_if(zero, ExcKind::ValueError, msg);
                let up = self.b.cmp(Cmp::Gt, step, int(0));
                let neg = self.b.unary(UnOp::INeg, step);
                let mag = self.b.emit(MTy::I64, Rvalue::Select(up, step, neg));
                Step::Dynamic { up, mag }
            }
        };
        let counter = self.b.temp(MTy::I64);
        self.b.assign(counter, Rvalue::Use(start));
        let counter_op = Operand::Local(counter);

        // The entry test (every iteration for step 1, once for the rotated general form).
        let header = match mode {
            Step::One => {
                let h = self.b.new_block();
                self.b.goto(h);
                self.b.switch_to(h);
                Some(h)
            }
            _ => None,
        };
        let body_bb = self.b.new_block();
        let latch = self.b.new_block();
        let after = self.b.new_block();
        let exit = if orelse.is_empty() {
            after
        } else {
            self.b.new_block()
        };
        let done = match &mode {
            Step::One | Step::Const { up: true, .. } => self.b.cmp(Cmp::Ge, counter_op, stop),
            Step::Const { up: false, .. } => self.b.cmp(Cmp::Le, counter_op, stop),
            Step::Dynamic { up, .. } => {
                let ge = self.b.cmp(Cmp::Ge, counter_op, stop);
                let le = self.b.cmp(Cmp::Le, counter_op, stop);
                self.b.emit(MTy::Bool, Rvalue::Select(*up, ge, le))
            }
        };
        self.b.branch(done, exit, body_bb);

        self.b.switch_to(body_bb);
        let dest = match self.var(var) {
            [d] => *d,
            _ => self.ice("range loop variable is not an int"),
        };
        self.b.assign(dest, Rvalue::Use(counter_op));
        self.mark_assigned(var);
        self.loop_body(body, after, latch);

        self.b.switch_to(latch);
        match mode {
            Step::One => {
                self.b
                    .assign(counter, Rvalue::Binary(BinOp::IAdd, counter_op, int(1)));
                self.b.goto(header.expect("step-1 header"));
            }
            Step::Const { .. } | Step::Dynamic { .. } => {
                // Advance only if `counter + step` stays strictly inside the range: the unsigned
                // distance to `stop` must exceed the step's magnitude, so the addition cannot overflow.
                let (dist, mag) = match mode {
                    Step::Const { up: true, mag } => {
                        (self.b.binary(BinOp::ISub, stop, counter_op), int(mag))
                    }
                    Step::Const { up: false, mag } => {
                        (self.b.binary(BinOp::ISub, counter_op, stop), int(mag))
                    }
                    Step::Dynamic { up, mag } => {
                        let d_up = self.b.binary(BinOp::ISub, stop, counter_op);
                        let d_down = self.b.binary(BinOp::ISub, counter_op, stop);
                        (self.b.emit(MTy::I64, Rvalue::Select(up, d_up, d_down)), mag)
                    }
                    Step::One => unreachable!("handled above"),
                };
                let last = self.b.binary(BinOp::UCmp(Cmp::Le), dist, mag);
                let advance = self.b.new_block();
                self.b.branch(last, exit, advance);
                self.b.switch_to(advance);
                self.b
                    .assign(counter, Rvalue::Binary(BinOp::IAdd, counter_op, step));
                self.b.goto(body_bb);
            }
        }
        self.loop_exit(Some(exit), orelse, after);
    }

    /// A copy of a local operand in a fresh temporary (constants stay constants).
    fn freeze(&mut self, op: Operand) -> Operand {
        match op {
            Operand::Local(_) => {
                let ty = self.b.ty(op);
                self.b.emit(ty, Rvalue::Use(op))
            }
            Operand::Const(_) => op,
        }
    }
}
