//! The body builder: locals, blocks, the current insertion point and shared raise blocks.

use std::collections::HashMap;

use pyaot_mir::{
    BinOp, BlockData, BlockId, Callee, CheckKind, Cmp, ExcKind, Local, LocalDecl, MConst, MTy,
    MsgId, Operand, Rvalue, Stmt, Terminator, UnOp,
};

/// A block under construction; `None` terminator means still open.
struct PendingBlock {
    stmts: Vec<Stmt>,
    terminator: Option<Terminator>,
}

/// Builds one MIR body block by block.
pub(crate) struct Builder {
    pub locals: Vec<LocalDecl>,
    blocks: Vec<PendingBlock>,
    /// The block being filled; `None` after a terminator, while lowering skips dead code.
    pub cur: Option<BlockId>,
    /// One raise block per exception and message, shared by every check of the body.
    raise_blocks: HashMap<(ExcKind, MsgId), BlockId>,
}

impl Builder {
    /// A builder with an open entry block.
    pub fn new() -> Builder {
        let mut b = Builder {
            locals: Vec::new(),
            blocks: Vec::new(),
            cur: None,
            raise_blocks: HashMap::new(),
        };
        let entry = b.new_block();
        b.cur = Some(entry);
        b
    }

    /// A fresh local.
    pub fn new_local(&mut self, ty: MTy, name: Option<String>) -> Local {
        self.locals.push(LocalDecl {
            ty,
            name,
            nonneg: false,
        });
        Local(self.locals.len() as u32 - 1)
    }

    /// A fresh unnamed local.
    pub fn temp(&mut self, ty: MTy) -> Local {
        self.new_local(ty, None)
    }

    /// The type of an operand.
    pub fn ty(&self, op: Operand) -> MTy {
        match op {
            Operand::Local(l) => self.locals[l.index()].ty,
            Operand::Const(c) => c.ty(),
        }
    }

    /// A fresh open block (not yet current).
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(PendingBlock {
            stmts: Vec::new(),
            terminator: None,
        });
        BlockId(self.blocks.len() as u32 - 1)
    }

    /// Makes `block` the insertion point.
    pub fn switch_to(&mut self, block: BlockId) {
        self.cur = Some(block);
    }

    fn cur_block(&mut self) -> &mut PendingBlock {
        let b = self.cur.expect("pyaot_lower: emitting into dead code");
        &mut self.blocks[b.index()]
    }

    /// Appends `dest = value` to the current block.
    pub fn assign(&mut self, dest: Local, value: Rvalue) {
        self.cur_block().stmts.push(Stmt::Assign { dest, value });
    }

    /// Appends a store of `value` as an element of the dtype at `addr`.
    pub fn store(&mut self, dtype: pyaot_mir::Dtype, addr: Operand, value: Operand) {
        self.cur_block()
            .stmts
            .push(Stmt::Store { dtype, addr, value });
    }

    /// Appends `incref reference`.
    pub fn incref(&mut self, reference: Operand) {
        self.cur_block().stmts.push(Stmt::IncRef(reference));
    }

    /// Appends `decref reference`.
    pub fn decref(&mut self, reference: Operand) {
        self.cur_block().stmts.push(Stmt::DecRef(reference));
    }

    /// A fresh temporary holding `value`.
    pub fn emit(&mut self, ty: MTy, value: Rvalue) -> Operand {
        let t = self.temp(ty);
        self.assign(t, value);
        Operand::Local(t)
    }

    /// A binary operation into a fresh temporary (the result type is derived from the operation).
    pub fn binary(&mut self, op: BinOp, a: Operand, b: Operand) -> Operand {
        let ty = match op {
            BinOp::Cmp(_)
            | BinOp::UCmp(_)
            | BinOp::IAddOverflows
            | BinOp::ISubOverflows
            | BinOp::IMulOverflows => MTy::Bool,
            BinOp::And | BinOp::Or | BinOp::Xor => self.ty(a),
            BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv | BinOp::FCopysign => self.ty(a),
            BinOp::IAdd
            | BinOp::ISub
            | BinOp::IMul
            | BinOp::IFloorDiv
            | BinOp::IMod
            | BinOp::ISDiv
            | BinOp::ISRem
            | BinOp::UDiv
            | BinOp::URem
            | BinOp::AShr
            | BinOp::Shl => MTy::I64,
        };
        self.emit(ty, Rvalue::Binary(op, a, b))
    }

    /// A unary operation into a fresh temporary.
    pub fn unary(&mut self, op: UnOp, a: Operand) -> Operand {
        let ty = match op {
            UnOp::INeg | UnOp::INot => MTy::I64,
            UnOp::BNot => MTy::Bool,
            _ => self.ty(a),
        };
        self.emit(ty, Rvalue::Unary(op, a))
    }

    /// A comparison into a fresh `Bool`.
    pub fn cmp(&mut self, c: Cmp, a: Operand, b: Operand) -> Operand {
        self.binary(BinOp::Cmp(c), a, b)
    }

    /// The logical negation of a `Bool`, folding constants and inverting a just-computed integer comparison.
    pub fn negate(&mut self, op: Operand) -> Operand {
        if let Operand::Const(MConst::Bool(v)) = op {
            return Operand::Const(MConst::Bool(!v));
        }
        if let Operand::Local(l) = op {
            let cur = self.cur.expect("pyaot_lower: emitting into dead code");
            let last = self.blocks[cur.index()].stmts.last().cloned();
            if let Some(Stmt::Assign {
                dest,
                value: Rvalue::Binary(bop @ (BinOp::Cmp(c) | BinOp::UCmp(c)), a, b),
            }) = last
            {
                // Only a fresh temporary may be rewritten, and float comparisons cannot be inverted (NaN).
                let float = matches!(self.ty(a), MTy::F64 | MTy::F32);
                if dest == l && self.locals[l.index()].name.is_none() && !float {
                    let inv = match bop {
                        BinOp::Cmp(_) => BinOp::Cmp(invert(c)),
                        _ => BinOp::UCmp(invert(c)),
                    };
                    let stmt = self.blocks[cur.index()]
                        .stmts
                        .last_mut()
                        .expect("last statement");
                    *stmt = Stmt::Assign {
                        dest,
                        value: Rvalue::Binary(inv, a, b),
                    };
                    return op;
                }
            }
        }
        self.unary(UnOp::BNot, op)
    }

    /// Ends the current block; lowering continues in dead code until a `switch_to`.
    pub fn terminate(&mut self, t: Terminator) {
        let block = self.cur_block();
        assert!(
            block.terminator.is_none(),
            "pyaot_lower: block terminated twice"
        );
        block.terminator = Some(t);
        self.cur = None;
    }

    /// Jumps to `target` if control is live.
    pub fn goto(&mut self, target: BlockId) {
        if self.cur.is_some() {
            self.terminate(Terminator::Goto(target));
        }
    }

    /// Branches on `cond`.
    pub fn branch(&mut self, cond: Operand, then_block: BlockId, else_block: BlockId) {
        self.terminate(Terminator::Branch {
            cond,
            then_block,
            else_block,
        });
    }

    /// Promises that every value the `I64` local holds is >= 0 (array shapes).
    pub fn mark_nonneg(&mut self, local: Local) {
        self.locals[local.index()].nonneg = true;
    }

    /// Calls a function; a call that may raise ends the block and continues in a fresh one.
    pub fn call(&mut self, callee: Callee, args: Vec<Operand>, dests: Vec<Local>) {
        if let Callee::Runtime(rt) = callee {
            if !rt.can_raise() {
                self.cur_block().stmts.push(Stmt::Call {
                    callee: rt,
                    args,
                    dests,
                });
                return;
            }
        }
        let next = self.new_block();
        self.terminate(Terminator::Call {
            callee,
            args,
            dests,
            next,
        });
        self.switch_to(next);
    }

    /// Calls a runtime helper and returns its single result.
    pub fn call_rt(&mut self, rt: pyaot_mir::RtFn, args: Vec<Operand>) -> Operand {
        let [r] = self.call_rt_multi(rt, args)[..] else {
            unreachable!("{} has several results", rt.name())
        };
        r
    }

    /// Calls a runtime helper and returns all its results.
    pub fn call_rt_multi(&mut self, rt: pyaot_mir::RtFn, args: Vec<Operand>) -> Vec<Operand> {
        let dests: Vec<Local> = rt.results().iter().map(|t| self.temp(*t)).collect();
        self.call(Callee::Runtime(rt), args, dests.clone());
        dests.into_iter().map(Operand::Local).collect()
    }

    /// The shared block raising `exc(msg)`.
    pub fn raise_block(&mut self, exc: ExcKind, msg: MsgId) -> BlockId {
        if let Some(b) = self.raise_blocks.get(&(exc, msg)) {
            return *b;
        }
        let b = self.new_block();
        self.blocks[b.index()].terminator = Some(Terminator::Raise { exc, msg });
        self.raise_blocks.insert((exc, msg), b);
        b
    }

    /// Raises `exc(msg)` when `cond` is true, continuing in a fresh block otherwise.
    pub fn raise_if(&mut self, cond: Operand, exc: ExcKind, msg: MsgId) {
        match cond {
            Operand::Const(MConst::Bool(false)) => {}
            Operand::Const(MConst::Bool(true)) => self.terminate(Terminator::Raise { exc, msg }),
            _ => {
                let fail = self.raise_block(exc, msg);
                let ok = self.new_block();
                self.branch(cond, fail, ok);
                self.switch_to(ok);
            }
        }
    }

    /// A [`Terminator::Check`] of the kind: raises `exc(msg)` when `fails` is true.
    pub fn check_if(&mut self, kind: CheckKind, fails: Operand, exc: ExcKind, msg: MsgId) {
        match fails {
            Operand::Const(_) => self.raise_if(fails, exc, msg),
            _ => {
                let fail = self.raise_block(exc, msg);
                self.check_to(kind, fails, fail);
            }
        }
    }

    /// A [`Terminator::Check`] going to the raising block `fail` when `fails` is true; continues in a fresh block.
    pub fn check_to(&mut self, kind: CheckKind, fails: Operand, fail: BlockId) {
        let ok = self.new_block();
        self.terminate(Terminator::Check {
            kind,
            fails,
            fail,
            ok,
        });
        self.switch_to(ok);
    }

    /// Raises NumPy's IndexError for `index` on `axis` unless `j` (the wrapped index) is below `size`.
    pub fn bounds_check(&mut self, j: Operand, size: Operand, index: Operand, axis: i64) {
        let fails = self.binary(BinOp::UCmp(Cmp::Ge), j, size);
        let fail = self.new_block();
        let resume = self.cur;
        self.switch_to(fail);
        self.call_rt(pyaot_mir::RtFn::IndexError, vec![index, int(axis), size]);
        self.terminate(Terminator::Unreachable);
        self.cur = resume;
        self.check_to(CheckKind::Bounds, fails, fail);
    }

    /// Whether any terminated block jumps to `block`.
    pub fn has_pred(&self, block: BlockId) -> bool {
        self.blocks.iter().any(|b| {
            b.terminator
                .as_ref()
                .is_some_and(|t| t.successors().contains(&block))
        })
    }

    /// The finished blocks; open blocks (unreachable ones, by construction) become `Unreachable`.
    pub fn finish(self) -> (Vec<LocalDecl>, Vec<BlockData>) {
        let blocks = self
            .blocks
            .into_iter()
            .map(|b| BlockData {
                stmts: b.stmts,
                terminator: b.terminator.unwrap_or(Terminator::Unreachable),
            })
            .collect();
        (self.locals, blocks)
    }
}

/// The comparison that is true exactly when `c` is false (for totally ordered operands).
fn invert(c: Cmp) -> Cmp {
    match c {
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
        Cmp::Lt => Cmp::Ge,
        Cmp::Ge => Cmp::Lt,
        Cmp::Le => Cmp::Gt,
        Cmp::Gt => Cmp::Le,
    }
}

/// An `I64` constant operand.
pub(crate) fn int(v: i64) -> Operand {
    Operand::Const(MConst::I64(v))
}

/// An `F64` constant operand.
pub(crate) fn float(v: f64) -> Operand {
    Operand::Const(MConst::F64(v))
}

/// A `Bool` constant operand.
pub(crate) fn boolean(v: bool) -> Operand {
    Operand::Const(MConst::Bool(v))
}
