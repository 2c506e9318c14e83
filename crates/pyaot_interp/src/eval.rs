//! The interpreter loop: one frame per body, statements and terminators in order.

use crate::memory::Memory;
use crate::{ops, runtime, Limits, Outcome, Val};
use pyaot_mir::{Body, Callee, Dtype, Module, Operand, Rvalue, Stmt, Terminator, NO_MESSAGE};

/// The state shared by the frames of one run.
pub struct Machine<'a> {
    pub module: &'a Module,
    pub mem: &'a mut Memory,
    pub limits: &'a Limits,
    pub steps: u64,
    pub depth: usize,
    /// The GPU thread being run, in a kernel's grid run (see `kernel.rs`).
    pub gpu: Option<crate::kernel::ThreadCtx>,
}

/// One activation of a body.
pub(crate) struct Frame<'b> {
    pub body: &'b Body,
    pub locals: Vec<Val>,
    pub assigned: Vec<bool>,
}

impl<'b> Frame<'b> {
    /// A new activation of `body` with its parameters set from `args` (of their types).
    pub(crate) fn entered(body: &'b Body, args: &[Val]) -> Result<Frame<'b>, Outcome> {
        let tys = body.param_tys();
        if tys.len() != args.len() || tys.iter().zip(args).any(|(t, a)| *t != a.ty()) {
            return Err(Outcome::Ub(format!(
                "{} called with {args:?}, wants {tys:?}",
                body.name
            )));
        }
        let mut f = Frame {
            body,
            locals: body.locals.iter().map(|d| Val::zero(d.ty)).collect(),
            assigned: vec![false; body.locals.len()],
        };
        for (p, a) in body.params.iter().zip(args) {
            f.set(*p, *a);
        }
        Ok(f)
    }

    /// Where a `goto`, `branch` or `check` goes; `None` for the other terminators.
    pub(crate) fn jump(&self, t: &Terminator, strict: bool) -> Result<Option<usize>, Outcome> {
        let cond = |op: &Operand| -> Result<bool, Outcome> {
            match self.read(op, strict)? {
                Val::Bool(b) => Ok(b),
                v => Err(ub(self.body, format!("branch on {v:?}"))),
            }
        };
        Ok(Some(match t {
            Terminator::Goto(b) => b.index(),
            Terminator::Branch {
                cond: c,
                then_block,
                else_block,
            } => {
                if cond(c)? {
                    then_block.index()
                } else {
                    else_block.index()
                }
            }
            Terminator::Check {
                fails, fail, ok, ..
            } => {
                if cond(fails)? {
                    fail.index()
                } else {
                    ok.index()
                }
            }
            _ => return Ok(None),
        }))
    }

    /// The values of call arguments.
    pub(crate) fn read_all(&self, args: &[Operand], strict: bool) -> Result<Vec<Val>, Outcome> {
        args.iter().map(|a| self.read(a, strict)).collect()
    }

    pub(crate) fn read(&self, op: &Operand, strict: bool) -> Result<Val, Outcome> {
        match op {
            Operand::Const(c) => Ok(Val::of_const(*c)),
            Operand::Local(l) => {
                let i = l.index();
                if strict && !self.assigned[i] {
                    return Err(Outcome::Ub(format!(
                        "read of {l} before any assignment in {}",
                        self.body.name
                    )));
                }
                Ok(self.locals[i])
            }
        }
    }

    pub(crate) fn set(&mut self, l: pyaot_mir::Local, v: Val) {
        self.locals[l.index()] = v;
        self.assigned[l.index()] = true;
    }
}

fn ub(body: &Body, what: String) -> Outcome {
    Outcome::Ub(format!("{what} in {}", body.name))
}

/// The address operand of a load or store as an `I64`.
fn addr_of(v: Val) -> i64 {
    match v {
        Val::I64(a) => a,
        _ => 0,
    }
}

/// Loads one element of the dtype.
pub fn load(mem: &Memory, d: Dtype, addr: i64) -> Result<Val, String> {
    Ok(match d {
        Dtype::B1 => Val::Bool(mem.read::<1>(addr)?[0] != 0),
        Dtype::I8 => Val::I64(i8::from_le_bytes(mem.read(addr)?) as i64),
        Dtype::U8 => Val::I64(u8::from_le_bytes(mem.read(addr)?) as i64),
        Dtype::I16 => Val::I64(i16::from_le_bytes(mem.read(addr)?) as i64),
        Dtype::U16 => Val::I64(u16::from_le_bytes(mem.read(addr)?) as i64),
        Dtype::I32 => Val::I64(i32::from_le_bytes(mem.read(addr)?) as i64),
        Dtype::U32 => Val::I64(u32::from_le_bytes(mem.read(addr)?) as i64),
        Dtype::I64 | Dtype::U64 => Val::I64(i64::from_le_bytes(mem.read(addr)?)),
        Dtype::F32 => Val::F32(f32::from_le_bytes(mem.read(addr)?)),
        Dtype::F64 => Val::F64(f64::from_le_bytes(mem.read(addr)?)),
        Dtype::C64 | Dtype::C128 => return Err("a complex load".into()),
    })
}

/// Stores one element of the dtype (integers truncated to its width).
pub fn store(mem: &mut Memory, d: Dtype, addr: i64, v: Val) -> Result<(), String> {
    match (d.itemsize(), v) {
        (_, Val::Bool(b)) => mem.write(addr, &[b as u8]),
        (1, Val::I64(x)) => mem.write(addr, &(x as u8).to_le_bytes()),
        (2, Val::I64(x)) => mem.write(addr, &(x as u16).to_le_bytes()),
        (4, Val::I64(x)) => mem.write(addr, &(x as u32).to_le_bytes()),
        (8, Val::I64(x)) => mem.write(addr, &x.to_le_bytes()),
        (_, Val::F32(x)) => mem.write(addr, &x.to_le_bytes()),
        (_, Val::F64(x)) => mem.write(addr, &x.to_le_bytes()),
        (_, v) => Err(format!("a store of {v:?} as {}", d.name())),
    }
}

impl Machine<'_> {
    pub(crate) fn tick(&mut self) -> Result<(), Outcome> {
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            return Err(Outcome::StepLimit);
        }
        Ok(())
    }

    fn rvalue(&mut self, f: &Frame, rv: &Rvalue) -> Result<Val, Outcome> {
        let strict = self.limits.strict_locals;
        let body = f.body;
        let err = |e: String| ub(body, e);
        Ok(match rv {
            Rvalue::Use(a) => f.read(a, strict)?,
            Rvalue::Binary(op, a, b) => {
                ops::binary(*op, f.read(a, strict)?, f.read(b, strict)?).map_err(err)?
            }
            Rvalue::Unary(op, a) => ops::unary(*op, f.read(a, strict)?).map_err(err)?,
            Rvalue::Cast(op, a) => ops::cast(*op, f.read(a, strict)?).map_err(err)?,
            Rvalue::Select(c, a, b) => {
                let (c, a, b) = (f.read(c, strict)?, f.read(a, strict)?, f.read(b, strict)?);
                match (c, a, b) {
                    (Val::Bool(c), a, b) => {
                        if c {
                            a
                        } else {
                            b
                        }
                    }
                    (m, a, b) => ops::bitselect(m, a, b)
                        .filter(|_| a.ty() == b.ty())
                        .ok_or_else(|| ub(body, format!("select on {m:?}")))?,
                }
            }
            Rvalue::Load(d, a) => {
                let addr = addr_of(f.read(a, strict)?);
                load(self.mem, *d, addr).map_err(err)?
            }
            Rvalue::LoadVec(ty, a) => {
                let addr = addr_of(f.read(a, strict)?);
                let bytes: [u8; 16] = self.mem.read(addr).map_err(err)?;
                let lane = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap());
                Val::vector_of_bits(*ty, [lane(0), lane(8)])
                    .ok_or_else(|| ub(body, format!("a vector load of {ty}")))?
            }
            Rvalue::Lane(a, lane) => match f.read(a, strict)? {
                Val::F64x2(v) if *lane < 2 => Val::F64(v[*lane as usize]),
                Val::I64x2(v) if *lane < 2 => Val::I64(v[*lane as usize]),
                v => return Err(ub(body, format!("lane {lane} of {v:?}"))),
            },
            Rvalue::Special(r) => match self.gpu.as_mut() {
                Some(ctx) => {
                    let r = *r;
                    ctx.special(r, self.mem)
                }
                None => {
                    return Err(ub(
                        body,
                        format!("the GPU register {} in a CPU run", r.name()),
                    ))
                }
            },
            Rvalue::Splat(a) => match f.read(a, strict)? {
                Val::F64(x) => Val::F64x2([x, x]),
                Val::I64(x) => Val::I64x2([x, x]),
                v => return Err(ub(body, format!("a splat of {v:?}"))),
            },
        })
    }

    pub(crate) fn stmt(&mut self, f: &mut Frame, s: &Stmt) -> Result<(), Outcome> {
        let strict = self.limits.strict_locals;
        let body = f.body;
        match s {
            Stmt::Assign { dest, value } => {
                let v = self.rvalue(f, value)?;
                f.set(*dest, v);
            }
            Stmt::Store { dtype, addr, value } => {
                let (a, v) = (addr_of(f.read(addr, strict)?), f.read(value, strict)?);
                store(self.mem, *dtype, a, v).map_err(|e| ub(body, e))?;
            }
            Stmt::StoreVec { addr, value } => {
                let a = addr_of(f.read(addr, strict)?);
                let Some(v) = f.read(value, strict)?.vector_bits() else {
                    return Err(ub(body, "store_vec of a non-vector".into()));
                };
                let mut bytes = [0u8; 16];
                bytes[..8].copy_from_slice(&v[0].to_le_bytes());
                bytes[8..].copy_from_slice(&v[1].to_le_bytes());
                self.mem.write(a, &bytes).map_err(|e| ub(body, e))?;
            }
            Stmt::IncRef(op) => {
                let owner = reference(body, f.read(op, strict)?)?;
                self.mem.incref(owner).map_err(|e| ub(body, e))?;
            }
            Stmt::DecRef(op) => {
                let owner = reference(body, f.read(op, strict)?)?;
                self.mem.decref(owner).map_err(|e| ub(body, e))?;
            }
            Stmt::Call {
                callee,
                args,
                dests,
            } => {
                let vals = args
                    .iter()
                    .map(|a| f.read(a, strict))
                    .collect::<Result<Vec<_>, _>>()?;
                let res = runtime::call(*callee, &vals, self.mem, self.limits)?;
                for (d, v) in dests.iter().zip(res) {
                    f.set(*d, v);
                }
            }
        }
        Ok(())
    }

    /// Drops the owned references of a body not yet elaborated (see `Body::owned`) on exit.
    fn release(&mut self, f: &Frame) -> Result<(), Outcome> {
        for l in &f.body.owned {
            let owner = reference(f.body, f.read(&Operand::Local(*l), false)?)?;
            self.mem.decref(owner).map_err(|e| ub(f.body, e))?;
        }
        Ok(())
    }

    /// Leaves with the error `e`: through the cleanup block when the body has one.
    fn error_exit(
        &mut self,
        f: &Frame,
        e: Outcome,
        pending: &mut Option<Outcome>,
    ) -> Result<usize, Outcome> {
        match f.body.cleanup {
            Some(c) => {
                *pending = Some(e);
                Ok(c.index())
            }
            None => {
                self.release(f)?;
                Err(e)
            }
        }
    }

    /// The text of a message of the module.
    pub(crate) fn message(&self, msg: pyaot_mir::MsgId) -> String {
        self.module
            .messages
            .get(msg.index())
            .cloned()
            .unwrap_or_else(|| NO_MESSAGE.to_string())
    }

    /// Runs a body on its arguments.
    pub fn call(&mut self, func: usize, args: &[Val]) -> Result<Vec<Val>, Outcome> {
        let module = self.module;
        let body = module
            .funcs
            .get(func)
            .ok_or_else(|| Outcome::Ub(format!("call of unknown function {func}")))?;
        if self.depth >= self.limits.max_depth {
            return Err(Outcome::Unsupported(format!(
                "calls nested deeper than {} in {}",
                self.limits.max_depth, body.name
            )));
        }
        let mut f = Frame::entered(body, args)?;
        self.depth += 1;
        let r = self.frame(&mut f);
        self.depth -= 1;
        r
    }

    fn frame(&mut self, f: &mut Frame) -> Result<Vec<Val>, Outcome> {
        let strict = self.limits.strict_locals;
        let body = f.body;
        let mut block = 0usize;
        let mut pending: Option<Outcome> = None;
        loop {
            let data = &body.blocks[block];
            for s in &data.stmts {
                self.tick()?;
                self.stmt(f, s)?;
            }
            self.tick()?;
            if let Some(next) = f.jump(&data.terminator, strict)? {
                block = next;
                continue;
            }
            block = match &data.terminator {
                Terminator::Return => {
                    let rets = body
                        .rets
                        .iter()
                        .map(|r| f.read(&Operand::Local(*r), strict))
                        .collect::<Result<Vec<_>, _>>()?;
                    self.release(f)?;
                    return Ok(rets);
                }
                Terminator::Raise { exc, msg } => {
                    let msg = self.message(*msg);
                    self.error_exit(f, Outcome::Raised { exc: *exc, msg }, &mut pending)?
                }
                Terminator::Unreachable => {
                    return Err(ub(body, "reached unreachable".into()));
                }
                Terminator::Goto(_) | Terminator::Branch { .. } | Terminator::Check { .. } => {
                    unreachable!("`jump` took the jumps")
                }
                Terminator::Fail => {
                    return Err(pending
                        .take()
                        .unwrap_or_else(|| ub(body, "`fail` with no exception raised".into())));
                }
                Terminator::Call {
                    callee,
                    args,
                    dests,
                    next,
                } => {
                    let vals = f.read_all(args, strict)?;
                    let res = match callee {
                        Callee::Func(id) => self.call(id.index(), &vals),
                        Callee::Runtime(rt) => runtime::call(*rt, &vals, self.mem, self.limits),
                    };
                    match res {
                        Ok(vals) => {
                            for (d, v) in dests.iter().zip(vals) {
                                f.set(*d, v);
                            }
                            next.index()
                        }
                        Err(e @ Outcome::Raised { .. }) => self.error_exit(f, e, &mut pending)?,
                        Err(e) => return Err(e),
                    }
                }
            };
        }
    }
}

/// The owner word of a reference value.
fn reference(body: &pyaot_mir::Body, v: Val) -> Result<i64, Outcome> {
    match v {
        Val::Ref(owner) => Ok(owner),
        v => Err(ub(
            body,
            format!("a count of {v:?}, which is not a reference"),
        )),
    }
}
