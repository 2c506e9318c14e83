//! The text form of MIR, written by `--emit mir` and read back by `parse`.
//!
//! ```text
//! fn inc(_0: i64) -> (_1: i64) {   // symbol pyaot_f_inc
//!     let _2: bool;
//! bb0:
//!     _2 = add_overflows _0, const 1_i64
//!     branch _2, bb2, bb1
//! ...
//! }
//! ```

use std::fmt;

use crate::{
    BinOp, Body, Callee, CastOp, Cmp, MConst, MTy, Module, Operand, Rvalue, Terminator, UnOp,
};

impl fmt::Display for MTy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MTy::I64 => "i64",
            MTy::F64 => "f64",
            MTy::F32 => "f32",
            MTy::Bool => "bool",
            MTy::F64x2 => "f64x2",
            MTy::I64x2 => "i64x2",
            MTy::Ref => "ref",
        })
    }
}

impl fmt::Display for MConst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MConst::I64(v) => write!(f, "const {v}_i64"),
            MConst::F64(v) => write!(f, "const {}_f64", pyaot_types::float_repr(*v)),
            MConst::F32(v) => write!(f, "const {}_f32", pyaot_types::float_repr(f64::from(*v))),
            MConst::Bool(v) => write!(f, "const {v}"),
            MConst::Null => f.write_str("null"),
        }
    }
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operand::Local(l) => write!(f, "{l}"),
            Operand::Const(c) => write!(f, "{c}"),
        }
    }
}

impl Cmp {
    /// The mnemonic of the comparison.
    pub fn name(self) -> &'static str {
        match self {
            Cmp::Eq => "eq",
            Cmp::Ne => "ne",
            Cmp::Lt => "lt",
            Cmp::Le => "le",
            Cmp::Gt => "gt",
            Cmp::Ge => "ge",
        }
    }
}

impl fmt::Display for BinOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            BinOp::IAdd => "iadd",
            BinOp::ISub => "isub",
            BinOp::IMul => "imul",
            BinOp::IFloorDiv => "ifloordiv",
            BinOp::IMod => "imod",
            BinOp::ISDiv => "isdiv",
            BinOp::ISRem => "isrem",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
            BinOp::IAddOverflows => "iadd_overflows",
            BinOp::ISubOverflows => "isub_overflows",
            BinOp::IMulOverflows => "imul_overflows",
            BinOp::Cmp(c) => return write!(f, "cmp_{}", c.name()),
            BinOp::UCmp(c) => return write!(f, "ucmp_{}", c.name()),
            BinOp::FAdd => "fadd",
            BinOp::FSub => "fsub",
            BinOp::FMul => "fmul",
            BinOp::FDiv => "fdiv",
            BinOp::FCopysign => "fcopysign",
            BinOp::UDiv => "udiv",
            BinOp::URem => "urem",
            BinOp::AShr => "ashr",
            BinOp::Shl => "shl",
        };
        f.write_str(s)
    }
}

impl fmt::Display for UnOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnOp::INeg => "ineg",
            UnOp::INot => "inot",
            UnOp::BNot => "bnot",
            UnOp::FNeg => "fneg",
            UnOp::FAbs => "fabs",
            UnOp::FSqrt => "fsqrt",
            UnOp::FFloor => "ffloor",
            UnOp::FCeil => "fceil",
            UnOp::FTrunc => "ftrunc",
            UnOp::FNearest => "fnearest",
        })
    }
}

impl fmt::Display for CastOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CastOp::IToF => "i_to_f",
            CastOp::BToI => "b_to_i",
            CastOp::BToF => "b_to_f",
            CastOp::FToIUnchecked => "f_to_i_unchecked",
            CastOp::Wrap(d) => return write!(f, "wrap_{}", d.name()),
            CastOp::IToF32 => "i_to_f32",
            CastOp::UToF => "u_to_f",
            CastOp::UToF32 => "u_to_f32",
            CastOp::FDemote => "f_demote",
            CastOp::FPromote => "f_promote",
            CastOp::FBits => "f_bits",
            CastOp::BitsF => "bits_f",
            CastOp::RefAddr => "ref_addr",
            CastOp::AddrRef => "addr_ref",
        })
    }
}

impl fmt::Display for Rvalue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rvalue::Use(op) => write!(f, "{op}"),
            Rvalue::Binary(op, a, b) => write!(f, "{op} {a}, {b}"),
            Rvalue::Unary(op, a) => write!(f, "{op} {a}"),
            Rvalue::Cast(op, a) => write!(f, "{op} {a}"),
            Rvalue::Select(c, a, b) => write!(f, "select {c}, {a}, {b}"),
            Rvalue::Load(d, addr) => write!(f, "load_{} {addr}", d.name()),
            Rvalue::LoadVec(ty, addr) => write!(f, "load_vec_{} {addr}", ty.lane().unwrap_or(*ty)),
            Rvalue::Splat(a) => write!(f, "splat {a}"),
            Rvalue::Special(r) => write!(f, "special {}", r.name()),
            Rvalue::Lane(a, lane) => write!(f, "lane {a}, {lane}"),
        }
    }
}

fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{it}")?;
    }
    Ok(())
}

/// A body printed with the module's messages at hand.
struct BodyDisplay<'a> {
    body: &'a Body,
    module: Option<&'a Module>,
}

impl fmt::Display for BodyDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = self.body;
        let decl = |l: &crate::Local| {
            let nonneg = if body.locals[l.index()].nonneg {
                " nonneg"
            } else {
                ""
            };
            format!("{l}: {}{nonneg}", body.local_ty(*l))
        };
        let params: Vec<String> = body.params.iter().map(decl).collect();
        let rets: Vec<String> = body.rets.iter().map(decl).collect();
        writeln!(
            f,
            "{}fn {}({}) -> ({}) {{  // symbol {}",
            if body.kernel { "kernel " } else { "" },
            body.name,
            params.join(", "),
            rets.join(", "),
            body.symbol
        )?;
        for (i, l) in body.locals.iter().enumerate() {
            let local = crate::Local(i as u32);
            if body.params.contains(&local) || body.rets.contains(&local) {
                continue;
            }
            write!(f, "    let {local}: {}", l.ty)?;
            if l.nonneg {
                write!(f, " nonneg")?;
            }
            match &l.name {
                Some(n) => writeln!(f, ";  // {n}")?,
                None => writeln!(f, ";")?,
            }
        }
        if !body.owned.is_empty() {
            write!(f, "    owned ")?;
            write_list(f, &body.owned)?;
            writeln!(f, ";")?;
        }
        if let Some(b) = body.cleanup {
            writeln!(f, "    cleanup {b};")?;
        }
        for (i, block) in body.blocks.iter().enumerate() {
            writeln!(f, "bb{i}:")?;
            for s in &block.stmts {
                match s {
                    crate::Stmt::Assign { dest, value } => writeln!(f, "    {dest} = {value}")?,
                    crate::Stmt::Store { dtype, addr, value } => {
                        writeln!(f, "    store_{} {addr}, {value}", dtype.name())?
                    }
                    crate::Stmt::StoreVec { addr, value } => {
                        writeln!(f, "    store_vec {addr}, {value}")?
                    }
                    crate::Stmt::IncRef(op) => writeln!(f, "    incref {op}")?,
                    crate::Stmt::DecRef(op) => writeln!(f, "    decref {op}")?,
                    crate::Stmt::Call {
                        callee,
                        args,
                        dests,
                    } => {
                        write!(f, "    (")?;
                        write_list(f, dests)?;
                        write!(f, ") = call rt.{}(", callee.name())?;
                        write_list(f, args)?;
                        writeln!(f, ")")?;
                    }
                }
            }
            write!(f, "    ")?;
            match &block.terminator {
                Terminator::Goto(b) => writeln!(f, "goto {b}")?,
                Terminator::Branch {
                    cond,
                    then_block,
                    else_block,
                } => writeln!(f, "branch {cond}, {then_block}, {else_block}")?,
                Terminator::Return => writeln!(f, "return")?,
                Terminator::Call {
                    callee,
                    args,
                    dests,
                    next,
                } => {
                    write!(f, "(")?;
                    write_list(f, dests)?;
                    match callee {
                        Callee::Func(id) => write!(f, ") = call {id}(")?,
                        Callee::Runtime(rt) => write!(f, ") = call rt.{}(", rt.name())?,
                    }
                    write_list(f, args)?;
                    writeln!(f, ") -> {next}")?;
                }
                Terminator::Raise { exc, msg } => {
                    write!(f, "raise {}({msg})", exc.name())?;
                    match self.module.and_then(|m| m.messages.get(msg.index())) {
                        Some(text) => writeln!(f, "  // {text:?}")?,
                        None => writeln!(f)?,
                    }
                }
                Terminator::Unreachable => writeln!(f, "unreachable")?,
                Terminator::Fail => writeln!(f, "fail")?,
                Terminator::Check {
                    kind,
                    fails,
                    fail,
                    ok,
                } => writeln!(f, "check {} {fails}, fail {fail}, ok {ok}", kind.name())?,
            }
        }
        writeln!(f, "}}")
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        BodyDisplay {
            body: self,
            module: None,
        }
        .fmt(f)
    }
}

impl fmt::Display for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "// MIR of module {}", self.name)?;
        for (i, m) in self.messages.iter().enumerate() {
            writeln!(f, "msg{i} = {m:?}")?;
        }
        for (i, body) in self.funcs.iter().enumerate() {
            writeln!(f, "\n// fn{i}")?;
            BodyDisplay {
                body,
                module: Some(self),
            }
            .fmt(f)?;
        }
        Ok(())
    }
}
