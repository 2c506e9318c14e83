//! One kernel body as a PTX `.entry`.

use std::fmt::Write as _;

use pyaot_mir::{
    BinOp, Body, Callee, CastOp, Cmp, Dtype, ExcKind, Local, MConst, MTy, Operand, RtFn, Rvalue,
    SpecialReg, Stmt, Terminator, UnOp,
};

/// The `.entry` of kernel `body`.
pub(crate) fn entry(body: &Body) -> Result<String, String> {
    let mut w = Writer {
        body,
        code: String::new(),
    };
    for (i, d) in body.locals.iter().enumerate() {
        reg_class(d.ty).ok_or_else(|| {
            format!(
                "`{}`: local _{i} has type {}, which GPU kernels do not have",
                body.name, d.ty
            )
        })?;
    }
    if !body.rets.is_empty() {
        return Err(format!("`{}`: a GPU kernel returns nothing", body.name));
    }
    let params: Vec<String> = body
        .params
        .iter()
        .enumerate()
        .map(|(i, l)| format!("    .param .{} p{i}", param_type(body.local_ty(*l))))
        .collect();
    let mut out = format!(
        ".visible .entry {}(\n{}\n)\n{{\n",
        body.symbol,
        params.join(",\n")
    );
    let count = |ty: MTy| body.locals.iter().filter(|d| d.ty == ty).count();
    // One register per local, named by the local's number in its class; scratch registers after.
    let _ = writeln!(out, "    .reg .pred %p<{}>;", body.locals.len() + 8);
    let _ = writeln!(out, "    .reg .b64 %rd<{}>;", body.locals.len() + 8);
    let _ = writeln!(
        out,
        "    .reg .f64 %fd<{}>;",
        count(MTy::F64).max(1) + body.locals.len()
    );
    let _ = writeln!(
        out,
        "    .reg .f32 %f<{}>;",
        count(MTy::F32).max(1) + body.locals.len()
    );
    out.push_str("    .reg .b32 %r<4>;\n    .reg .b16 %h<2>;\n");
    // The kernel's fixed-size arrays: shared ones per block, local ones per thread.
    let mut arrays: Vec<SpecialReg> = Vec::new();
    for b in &body.blocks {
        for s in &b.stmts {
            if let Stmt::Assign {
                value: Rvalue::Special(r @ (SpecialReg::Shared { .. } | SpecialReg::Local { .. })),
                ..
            } = s
            {
                if !arrays.contains(r) {
                    arrays.push(*r);
                }
            }
        }
    }
    for r in &arrays {
        let (space, bytes) = match r {
            SpecialReg::Shared { bytes, .. } => ("shared", bytes),
            SpecialReg::Local { bytes, .. } => ("local", bytes),
            _ => unreachable!("only arrays were collected"),
        };
        let _ = writeln!(
            out,
            "    .{space} .align 16 .b8 {}[{bytes}];",
            array_symbol(body, *r)
        );
    }
    for (i, l) in body.params.iter().enumerate() {
        let ty = body.local_ty(*l);
        if ty == MTy::Bool {
            let _ = writeln!(out, "    ld.param.u8 %h0, [p{i}];");
            let _ = writeln!(out, "    setp.ne.u16 {}, %h0, 0;", reg(*l, ty));
        } else {
            let _ = writeln!(
                out,
                "    ld.param.{} {}, [p{i}];",
                param_type(ty),
                reg(*l, ty)
            );
        }
    }
    for (b, block) in body.blocks.iter().enumerate() {
        let _ = writeln!(w.code, "$L{b}:");
        for s in &block.stmts {
            w.stmt(s)?;
        }
        w.terminator(&block.terminator)?;
    }
    out.push_str(&w.code);
    out.push_str("}\n");
    Ok(out)
}

/// The register class of a MIR type (`None`: not in kernels).
fn reg_class(ty: MTy) -> Option<&'static str> {
    match ty {
        MTy::I64 | MTy::Ref => Some("rd"),
        MTy::F64 => Some("fd"),
        MTy::F32 => Some("f"),
        MTy::Bool => Some("p"),
        _ => None,
    }
}

/// The register of a local.
fn reg(l: Local, ty: MTy) -> String {
    format!("%{}{}", reg_class(ty).unwrap_or("rd"), l.0)
}

/// The `.param` type of a parameter of type `ty`.
fn param_type(ty: MTy) -> &'static str {
    match ty {
        MTy::F64 => "f64",
        MTy::F32 => "f32",
        MTy::Bool => "u8",
        _ => "u64",
    }
}

/// The PTX memory type of a dtype (`None`: not yet in kernels).
fn mem_type(d: Dtype) -> Option<&'static str> {
    Some(match d {
        Dtype::B1 | Dtype::U8 => "u8",
        Dtype::I8 => "s8",
        Dtype::I16 => "s16",
        Dtype::U16 => "u16",
        Dtype::I32 => "s32",
        Dtype::U32 => "u32",
        Dtype::I64 => "s64",
        Dtype::U64 => "u64",
        Dtype::F32 => "f32",
        Dtype::F64 => "f64",
        Dtype::C64 | Dtype::C128 => return None,
    })
}

struct Writer<'a> {
    body: &'a Body,
    code: String,
}

impl Writer<'_> {
    fn line(&mut self, s: impl AsRef<str>) {
        self.code.push_str("    ");
        self.code.push_str(s.as_ref());
        self.code.push('\n');
    }

    fn ty(&self, op: &Operand) -> MTy {
        self.body.operand_ty(op)
    }

    /// An operand as PTX: a register or an immediate of its type.
    fn op(&self, op: &Operand) -> String {
        match op {
            Operand::Local(l) => reg(*l, self.body.local_ty(*l)),
            Operand::Const(c) => match c {
                MConst::I64(v) => v.to_string(),
                MConst::F64(v) => format!("0d{:016X}", v.to_bits()),
                MConst::F32(v) => format!("0f{:08X}", v.to_bits()),
                MConst::Bool(b) => i64::from(*b).to_string(),
                MConst::Null => "0".to_string(),
            },
        }
    }

    /// A `Bool` operand as a predicate register (a constant is set into a scratch one).
    fn pred(&mut self, op: &Operand, scratch: usize) -> String {
        match op {
            Operand::Const(MConst::Bool(b)) => {
                let p = format!("%p{}", self.body.locals.len() + scratch);
                self.line(format!("setp.ne.u32 {p}, {}, 0;", u32::from(*b)));
                p
            }
            _ => self.op(op),
        }
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), String> {
        match s {
            Stmt::Assign { dest, value } => self.assign(*dest, value),
            Stmt::Store { dtype, addr, value } => {
                let t = mem_type(*dtype).ok_or_else(|| {
                    format!("`{}`: a {} store in a kernel", self.body.name, dtype.name())
                })?;
                let a = self.op(addr);
                if *dtype == Dtype::B1 {
                    let p = self.pred(value, 1);
                    self.line(format!("selp.u16 %h1, 1, 0, {p};"));
                    self.line(format!("st.u8 [{a}], %h1;"));
                } else if matches!(
                    dtype,
                    Dtype::I8 | Dtype::I16 | Dtype::I32 | Dtype::U8 | Dtype::U16 | Dtype::U32
                ) {
                    // The low bits of the `I64` value, as NumPy's wrapping store keeps them.
                    let v = self.op(value);
                    self.line(format!("cvt.u32.u64 %r0, {v};"));
                    self.line(format!("st.{t} [{a}], %r0;"));
                } else {
                    let v = self.op(value);
                    self.line(format!("st.{t} [{a}], {v};"));
                }
                Ok(())
            }
            Stmt::Call {
                callee,
                args,
                dests,
            } if callee.is_gpu() => self.gpu_call(*callee, args, dests),
            // Kernels hold no references of their own: array parameters are borrowed.
            Stmt::IncRef(_) | Stmt::DecRef(_) => Ok(()),
            other => Err(format!(
                "`{}`: GPU kernels cannot do this yet: {other:?}",
                self.body.name
            )),
        }
    }

    fn assign(&mut self, dest: Local, value: &Rvalue) -> Result<(), String> {
        let dty = self.body.local_ty(dest);
        let d = reg(dest, dty);
        let name = self.body.name.clone();
        let unsupported =
            |what: String| Err(format!("`{name}`: GPU kernels cannot do this yet: {what}"));
        match value {
            Rvalue::Use(a) => {
                if dty == MTy::Bool {
                    let p = self.pred(a, 0);
                    self.line(format!("mov.pred {d}, {p};"));
                } else {
                    let t = mov_type(dty);
                    let a = self.op(a);
                    self.line(format!("mov.{t} {d}, {a};"));
                }
            }
            Rvalue::Special(r @ (SpecialReg::Shared { .. } | SpecialReg::Local { .. })) => {
                let space = if matches!(r, SpecialReg::Shared { .. }) {
                    "shared"
                } else {
                    "local"
                };
                self.line(format!("mov.u64 {d}, {};", array_symbol(self.body, *r)));
                self.line(format!("cvta.{space}.u64 {d}, {d};"));
            }
            Rvalue::Special(r) => {
                self.line(format!("mov.u32 %r0, %{};", r.name()));
                self.line(format!("cvt.u64.u32 {d}, %r0;"));
            }
            Rvalue::Select(c, a, b) => {
                let p = self.pred(c, 0);
                if dty == MTy::Bool {
                    // d = c ? a : b over predicates.
                    let pa = self.pred(a, 1);
                    let pb = self.pred(b, 2);
                    let t = format!("%p{}", self.body.locals.len() + 3);
                    let u = format!("%p{}", self.body.locals.len() + 4);
                    self.line(format!("and.pred {t}, {p}, {pa};"));
                    self.line(format!("not.pred {u}, {p};"));
                    self.line(format!("and.pred {u}, {u}, {pb};"));
                    self.line(format!("or.pred {d}, {t}, {u};"));
                } else {
                    let (a, b) = (self.op(a), self.op(b));
                    self.line(format!("selp.{} {d}, {a}, {b}, {p};", mov_type(dty)));
                }
            }
            Rvalue::Load(dtype, addr) => {
                let t = mem_type(*dtype)
                    .ok_or_else(|| format!("`{name}`: a {} load in a kernel", dtype.name()))?;
                let a = self.op(addr);
                // Generic addresses: an array may be global, shared or local memory.
                if *dtype == Dtype::B1 {
                    self.line(format!("ld.u8 %h0, [{a}];"));
                    self.line(format!("setp.ne.u16 {d}, %h0, 0;"));
                } else if matches!(dtype, Dtype::I8 | Dtype::I16 | Dtype::I32) {
                    self.line(format!("ld.{t} %r0, [{a}];"));
                    self.line(format!("cvt.s64.s32 {d}, %r0;"));
                } else if matches!(dtype, Dtype::U8 | Dtype::U16 | Dtype::U32) {
                    self.line(format!("ld.{t} %r0, [{a}];"));
                    self.line(format!("cvt.u64.u32 {d}, %r0;"));
                } else {
                    self.line(format!("ld.{t} {d}, [{a}];"));
                }
            }
            Rvalue::Binary(op, a, b) => self.binary(*op, d, a, b)?,
            Rvalue::Unary(op, a) => {
                let x = self.op(a);
                let line = match op {
                    UnOp::INeg => format!("neg.s64 {d}, {x};"),
                    UnOp::INot => format!("not.b64 {d}, {x};"),
                    UnOp::BNot => {
                        let p = self.pred(a, 0);
                        format!("not.pred {d}, {p};")
                    }
                    UnOp::FNeg => format!("neg.{} {d}, {x};", float_type(dty)),
                    UnOp::FAbs => format!("abs.{} {d}, {x};", float_type(dty)),
                    UnOp::FSqrt => format!("sqrt.rn.{} {d}, {x};", float_type(dty)),
                    UnOp::FFloor => format!("cvt.rmi.{0}.{0} {d}, {x};", float_type(dty)),
                    UnOp::FCeil => format!("cvt.rpi.{0}.{0} {d}, {x};", float_type(dty)),
                    UnOp::FTrunc => format!("cvt.rzi.{0}.{0} {d}, {x};", float_type(dty)),
                    UnOp::FNearest => format!("cvt.rni.{0}.{0} {d}, {x};", float_type(dty)),
                    #[allow(unreachable_patterns)]
                    other => return unsupported(format!("{other:?}")),
                };
                self.line(line);
            }
            Rvalue::Cast(op, a) => {
                let x = self.op(a);
                let line = match op {
                    CastOp::IToF => format!("cvt.rn.f64.s64 {d}, {x};"),
                    CastOp::IToF32 => format!("cvt.rn.f32.s64 {d}, {x};"),
                    CastOp::UToF => format!("cvt.rn.f64.u64 {d}, {x};"),
                    CastOp::UToF32 => format!("cvt.rn.f32.u64 {d}, {x};"),
                    CastOp::FToIUnchecked => {
                        format!("cvt.rzi.s64.{} {d}, {x};", float_type(self.ty(a)))
                    }
                    CastOp::FDemote => format!("cvt.rn.f32.f64 {d}, {x};"),
                    CastOp::FPromote => format!("cvt.f64.f32 {d}, {x};"),
                    CastOp::FBits | CastOp::BitsF => format!("mov.b64 {d}, {x};"),
                    CastOp::BToI => {
                        let p = self.pred(a, 0);
                        format!("selp.u64 {d}, 1, 0, {p};")
                    }
                    CastOp::BToF => {
                        let p = self.pred(a, 0);
                        format!("selp.f64 {d}, 0d3FF0000000000000, 0d0000000000000000, {p};")
                    }
                    CastOp::Wrap(dt) => {
                        let t = mem_type(*dt)
                            .ok_or_else(|| format!("`{name}`: wrap to {}", dt.name()))?;
                        match t {
                            "s64" | "u64" => format!("mov.b64 {d}, {x};"),
                            _ => format!(
                                "cvt.{}.{t} {d}, {x};",
                                if t.starts_with('s') { "s64" } else { "u64" }
                            ),
                        }
                    }
                    #[allow(unreachable_patterns)]
                    other => return unsupported(format!("{other:?}")),
                };
                self.line(line);
            }
            other => return unsupported(format!("{other:?}")),
        }
        Ok(())
    }

    fn binary(&mut self, op: BinOp, d: String, a: &Operand, b: &Operand) -> Result<(), String> {
        let ty = self.ty(a);
        let name = self.body.name.clone();
        if ty == MTy::Bool {
            let (pa, pb) = (self.pred(a, 0), self.pred(b, 1));
            let line = match op {
                BinOp::And => format!("and.pred {d}, {pa}, {pb};"),
                BinOp::Or => format!("or.pred {d}, {pa}, {pb};"),
                BinOp::Xor => format!("xor.pred {d}, {pa}, {pb};"),
                BinOp::Cmp(Cmp::Eq) => format!("xor.pred {d}, {pa}, {pb};\n    not.pred {d}, {d};"),
                BinOp::Cmp(Cmp::Ne) => format!("xor.pred {d}, {pa}, {pb};"),
                other => return Err(format!("`{name}`: {other:?} of bools in a kernel")),
            };
            self.line(line);
            return Ok(());
        }
        let (x, y) = (self.op(a), self.op(b));
        let line = match (op, ty) {
            (BinOp::IAdd, _) => format!("add.s64 {d}, {x}, {y};"),
            (BinOp::ISub, _) => format!("sub.s64 {d}, {x}, {y};"),
            (BinOp::IMul, _) => format!("mul.lo.s64 {d}, {x}, {y};"),
            (BinOp::ISDiv, _) => format!("div.s64 {d}, {x}, {y};"),
            (BinOp::ISRem, _) => format!("rem.s64 {d}, {x}, {y};"),
            (BinOp::UDiv, _) => format!("div.u64 {d}, {x}, {y};"),
            (BinOp::URem, _) => format!("rem.u64 {d}, {x}, {y};"),
            (BinOp::AShr, _) => format!("cvt.u32.u64 %r1, {y};\n    shr.s64 {d}, {x}, %r1;"),
            (BinOp::Shl, _) => format!("cvt.u32.u64 %r1, {y};\n    shl.b64 {d}, {x}, %r1;"),
            (BinOp::And, _) => format!("and.b64 {d}, {x}, {y};"),
            (BinOp::Or, _) => format!("or.b64 {d}, {x}, {y};"),
            (BinOp::Xor, _) => format!("xor.b64 {d}, {x}, {y};"),
            (BinOp::Cmp(c), MTy::I64) => format!("setp.{}.s64 {d}, {x}, {y};", c.name()),
            (BinOp::UCmp(c), MTy::I64) => format!("setp.{}.u64 {d}, {x}, {y};", ucmp(c)),
            (BinOp::Cmp(c), MTy::F64 | MTy::F32) => {
                // IEEE: only `!=` holds for unordered operands.
                let c = if c == Cmp::Ne { "neu" } else { c.name() };
                format!("setp.{c}.{} {d}, {x}, {y};", float_type(ty))
            }
            (BinOp::FAdd, _) => format!("add.rn.{} {d}, {x}, {y};", float_type(ty)),
            (BinOp::FSub, _) => format!("sub.rn.{} {d}, {x}, {y};", float_type(ty)),
            (BinOp::FMul, _) => format!("mul.rn.{} {d}, {x}, {y};", float_type(ty)),
            (BinOp::FDiv, _) => format!("div.rn.{} {d}, {x}, {y};", float_type(ty)),
            // PTX copies the sign of its first source into its second.
            (BinOp::FCopysign, _) => format!("copysign.{} {d}, {y}, {x};", float_type(ty)),
            (BinOp::IAddOverflows | BinOp::ISubOverflows, _) => {
                // Overflow when the result's sign differs from both operands' (add) or from the
                // first's and equals the second's (sub).
                let (r, s, t) = ("%rd", self.body.locals.len(), self.body.locals.len() + 1);
                let sum = if op == BinOp::IAddOverflows {
                    "add"
                } else {
                    "sub"
                };
                let rhs = if op == BinOp::IAddOverflows {
                    format!("xor.b64 {r}{t}, {y}, {r}{s};")
                } else {
                    format!("xor.b64 {r}{t}, {x}, {y};")
                };
                format!(
                    "{sum}.s64 {r}{s}, {x}, {y};\n    {rhs}\n    xor.b64 {r}{s}, {x}, {r}{s};\n    and.b64 {r}{s}, {r}{s}, {r}{t};\n    setp.lt.s64 {d}, {r}{s}, 0;"
                )
            }
            (BinOp::IMulOverflows, _) => {
                let (s, t) = (self.body.locals.len(), self.body.locals.len() + 1);
                format!(
                    "mul.hi.s64 %rd{s}, {x}, {y};\n    mul.lo.s64 %rd{t}, {x}, {y};\n    shr.s64 %rd{t}, %rd{t}, 63;\n    setp.ne.s64 {d}, %rd{s}, %rd{t};"
                )
            }
            (other, t) => return Err(format!("`{name}`: {other:?} on {t} in a kernel")),
        };
        self.line(line);
        Ok(())
    }

    fn terminator(&mut self, t: &Terminator) -> Result<(), String> {
        match t {
            Terminator::Goto(b) => self.line(format!("bra.uni $L{};", b.0)),
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            }
            | Terminator::Check {
                fails: cond,
                fail: then_block,
                ok: else_block,
                ..
            } => {
                let p = self.pred(cond, 0);
                self.line(format!("@{p} bra $L{};", then_block.0));
                self.line(format!("bra.uni $L{};", else_block.0));
            }
            Terminator::Return | Terminator::Fail => self.line("ret;"),
            // The first error wins; the thread stops.
            Terminator::Raise { exc, .. } => self.raise(*exc),
            Terminator::Unreachable => self.line("trap;"),
            // `math.sqrt`: ValueError for a negative argument, as CPython.
            Terminator::Call {
                callee: Callee::Runtime(RtFn::Sqrt),
                args,
                dests,
                next,
            } => {
                let x = self.op(&args[0]);
                let d = reg(dests[0], MTy::F64);
                let p = format!("%p{}", self.body.locals.len() + 5);
                let ok = format!("$S{}_{}", dests[0].0, next.0);
                self.line(format!("setp.ge.f64 {p}, {x}, 0d0000000000000000;"));
                self.line(format!("@{p} bra {ok};"));
                self.raise(ExcKind::ValueError);
                self.code.push_str(&format!("{ok}:\n"));
                self.line(format!("sqrt.rn.f64 {d}, {x};"));
                self.line(format!("bra.uni $L{};", next.0));
            }
            // A failed bounds check: the helper only formats the message, which a GPU thread
            // cannot; the code says IndexError.
            Terminator::Call {
                callee: Callee::Runtime(RtFn::IndexError),
                ..
            } => self.raise(ExcKind::IndexError),
            Terminator::Call { callee, .. } => {
                let what = match callee {
                    Callee::Runtime(rt) => format!("the runtime helper `{}`", rt.name()),
                    Callee::Func(_) => "a recursive call".to_string(),
                };
                return Err(format!(
                    "`{}`: GPU kernels cannot run {what} yet",
                    self.body.name
                ));
            }
        }
        Ok(())
    }
}

impl Writer<'_> {
    /// Records the exception's code in `pyaot_error` (the first error wins) and ends the thread.
    fn raise(&mut self, exc: ExcKind) {
        self.line(format!(
            "atom.global.cas.b32 %r2, [pyaot_error], 0, {};",
            u32::from(exc.code()) + 1
        ));
        self.line("ret;");
    }

    /// A `gpu_` helper: a barrier or an atomic read-modify-write at a generic address.
    fn gpu_call(&mut self, rt: RtFn, args: &[Operand], dests: &[Local]) -> Result<(), String> {
        let a: Vec<String> = args.iter().map(|x| self.op(x)).collect();
        let d = dests.first().map(|l| reg(*l, self.body.local_ty(*l)));
        let d = d.unwrap_or_default();
        use RtFn::*;
        let wide = |op: &str| format!("atom.{op} {d}, [{}], {};", a[0], a[1]);
        // 32-bit integer atomics work on the low halves and sign-extend the old value.
        let narrow = |op: &str, me: &mut Self| {
            me.line(format!("cvt.u32.u64 %r1, {};", a[1]));
            me.line(format!("atom.{op} %r2, [{}], %r1;", a[0]));
            me.line(format!("cvt.s64.s32 {d}, %r2;"));
        };
        match rt {
            GpuSyncThreads => {
                self.line("bar.sync 0;");
                self.line(format!("mov.u64 {d}, 0;"));
            }
            GpuAtomicAddI64 => self.line(wide("add.u64")),
            GpuAtomicAddF64 => self.line(wide("add.f64")),
            GpuAtomicAddF32 => self.line(wide("add.f32")),
            GpuAtomicMaxI64 => self.line(wide("max.s64")),
            GpuAtomicMinI64 => self.line(wide("min.s64")),
            GpuAtomicAddI32 => narrow("add.u32", self),
            GpuAtomicMaxI32 => narrow("max.s32", self),
            GpuAtomicMinI32 => narrow("min.s32", self),
            GpuAtomicCasI64 => {
                self.line(format!("atom.cas.b64 {d}, [{}], {}, {};", a[0], a[1], a[2]))
            }
            GpuAtomicCasI32 => {
                self.line(format!("cvt.u32.u64 %r1, {};", a[1]));
                self.line(format!("cvt.u32.u64 %r3, {};", a[2]));
                self.line(format!("atom.cas.b32 %r2, [{}], %r1, %r3;", a[0]));
                self.line(format!("cvt.s64.s32 {d}, %r2;"));
            }
            other => {
                return Err(format!(
                    "`{}`: `{}` is not a GPU operation",
                    self.body.name,
                    other.name()
                ))
            }
        }
        Ok(())
    }
}

/// The PTX name of a kernel's shared or local array.
fn array_symbol(body: &Body, r: SpecialReg) -> String {
    match r {
        SpecialReg::Shared { id, .. } => format!("{}_shared{id}", body.symbol),
        SpecialReg::Local { id, .. } => format!("{}_local{id}", body.symbol),
        _ => unreachable!("not an array"),
    }
}

fn mov_type(ty: MTy) -> &'static str {
    match ty {
        MTy::F64 => "f64",
        MTy::F32 => "f32",
        _ => "b64",
    }
}

fn float_type(ty: MTy) -> &'static str {
    if ty == MTy::F32 {
        "f32"
    } else {
        "f64"
    }
}

/// PTX's unsigned comparisons (the signed and float ones are MIR's own mnemonics).
fn ucmp(c: Cmp) -> &'static str {
    match c {
        Cmp::Eq => "eq",
        Cmp::Ne => "ne",
        Cmp::Lt => "lo",
        Cmp::Le => "ls",
        Cmp::Gt => "hi",
        Cmp::Ge => "hs",
    }
}
