//! The lowering of MIR operands and right-hand sides to Cranelift instructions.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, InstBuilder, MemFlagsData, Value};
use pyaot_mir::{BinOp, CastOp, Cmp, Dtype, MConst, MTy, Operand, Rvalue, UnOp};

use crate::function::FunctionCx;

impl FunctionCx<'_, '_> {
    /// The value of an operand.
    pub(crate) fn operand(&mut self, op: &Operand) -> Value {
        match op {
            Operand::Local(l) => self.use_local(*l),
            Operand::Const(MConst::I64(v)) => self.bcx.ins().iconst(types::I64, *v),
            Operand::Const(MConst::F64(v)) => self.bcx.ins().f64const(*v),
            Operand::Const(MConst::F32(v)) => self.bcx.ins().f32const(*v),
            Operand::Const(MConst::Bool(v)) => self.bcx.ins().iconst(types::I8, i64::from(*v)),
            Operand::Const(MConst::Null) => self.bcx.ins().iconst(types::I64, 0),
        }
    }

    /// The value of a right-hand side.
    pub(crate) fn rvalue(&mut self, rv: &Rvalue) -> Value {
        match rv {
            Rvalue::Use(a) => self.operand(a),
            Rvalue::Binary(op, a, b) => {
                let ty = self.operand_ty(a);
                let (x, y) = (self.operand(a), self.operand(b));
                self.binary(*op, ty, x, y)
            }
            Rvalue::Unary(op, a) => {
                let x = self.operand(a);
                self.unary(*op, x)
            }
            Rvalue::Cast(op, a) => {
                let x = self.operand(a);
                self.cast(*op, x)
            }
            Rvalue::Select(c, a, b) if self.operand_ty(c).is_vector() => {
                let (c, x, y) = (self.operand(c), self.operand(a), self.operand(b));
                self.bcx.ins().bitselect(c, x, y)
            }
            Rvalue::Select(c, a, b) => {
                let (c, x, y) = (self.operand(c), self.operand(a), self.operand(b));
                self.bcx.ins().select(c, x, y)
            }
            Rvalue::Lane(a, lane) => {
                let x = self.operand(a);
                self.bcx.ins().extractlane(x, *lane)
            }
            Rvalue::Load(d, addr) => {
                let addr = self.operand(addr);
                self.load(*d, addr)
            }
            Rvalue::LoadVec(ty, addr) => {
                let addr = self.operand(addr);
                self.bcx
                    .ins()
                    .load(crate::abi::clif_ty(*ty), elem_flags(), addr, 0)
            }
            Rvalue::Special(r) => {
                panic!("the GPU register {} reached CPU code generation", r.name())
            }
            Rvalue::Splat(a) => {
                let ty = self
                    .operand_ty(a)
                    .vector()
                    .expect("verified: a splat of a lane type");
                let x = self.operand(a);
                self.bcx.ins().splat(crate::abi::clif_ty(ty), x)
            }
        }
    }

    /// Loads an element of the dtype, extended to its MIR type.
    fn load(&mut self, d: Dtype, addr: Value) -> Value {
        let f = elem_flags();
        let ins = self.bcx.ins();
        match d {
            Dtype::B1 => {
                let b = ins.load(types::I8, f, addr, 0);
                self.bcx.ins().icmp_imm_u(IntCC::NotEqual, b, 0)
            }
            Dtype::I8 => ins.sload8(types::I64, f, addr, 0),
            Dtype::U8 => ins.uload8(types::I64, f, addr, 0),
            Dtype::I16 => ins.sload16(types::I64, f, addr, 0),
            Dtype::U16 => ins.uload16(types::I64, f, addr, 0),
            Dtype::I32 => ins.sload32(f, addr, 0),
            Dtype::U32 => ins.uload32(f, addr, 0),
            Dtype::I64 | Dtype::U64 => ins.load(types::I64, f, addr, 0),
            Dtype::F32 => ins.load(types::F32, f, addr, 0),
            Dtype::F64 => ins.load(types::F64, f, addr, 0),
            Dtype::C64 | Dtype::C128 => unreachable!("the MIR verifier rejects complex loads"),
        }
    }

    /// Stores an element of the dtype; integers are truncated to its width.
    pub(crate) fn store(&mut self, d: Dtype, addr: Value, v: Value) {
        let f = elem_flags();
        let ins = self.bcx.ins();
        match d {
            Dtype::I8 | Dtype::U8 => ins.istore8(f, v, addr, 0),
            Dtype::I16 | Dtype::U16 => ins.istore16(f, v, addr, 0),
            Dtype::I32 | Dtype::U32 => ins.istore32(f, v, addr, 0),
            _ => ins.store(f, v, addr, 0),
        };
    }

    /// Stores both lanes of a vector at consecutive elements.
    pub(crate) fn store_vec(&mut self, addr: Value, v: Value) {
        self.bcx.ins().store(elem_flags(), v, addr, 0);
    }

    /// A binary operation whose operands have MIR type `ty`.
    fn binary(&mut self, op: BinOp, ty: MTy, x: Value, y: Value) -> Value {
        let ins = self.bcx.ins();
        match op {
            BinOp::IAdd => ins.iadd(x, y),
            BinOp::ISub => ins.isub(x, y),
            BinOp::IMul => ins.imul(x, y),
            // The `legalize` pass writes Python's floor division and modulo with these.
            BinOp::ISDiv => ins.sdiv(x, y),
            BinOp::ISRem => ins.srem(x, y),
            BinOp::IFloorDiv | BinOp::IMod => {
                panic!("{op:?} reached code generation: the legalize pass must run first")
            }
            BinOp::UDiv => ins.udiv(x, y),
            BinOp::URem => ins.urem(x, y),
            BinOp::AShr => ins.sshr(x, y),
            BinOp::Shl => ins.ishl(x, y),
            BinOp::And => ins.band(x, y),
            BinOp::Or => ins.bor(x, y),
            BinOp::Xor => ins.bxor(x, y),
            BinOp::IAddOverflows => ins.sadd_overflow(x, y).1,
            BinOp::ISubOverflows => ins.ssub_overflow(x, y).1,
            BinOp::IMulOverflows => ins.smul_overflow(x, y).1,
            BinOp::Cmp(c) => match ty {
                MTy::I64 | MTy::I64x2 | MTy::Ref => ins.icmp(signed_cc(c), x, y),
                MTy::Bool => ins.icmp(unsigned_cc(c), x, y),
                MTy::F64 | MTy::F32 => ins.fcmp(float_cc(c), x, y),
                MTy::F64x2 => {
                    // The lane mask, typed as the vector it selects between.
                    let mask = ins.fcmp(float_cc(c), x, y);
                    self.bcx
                        .ins()
                        .bitcast(types::F64X2, MemFlagsData::new(), mask)
                }
            },
            BinOp::UCmp(c) => ins.icmp(unsigned_cc(c), x, y),
            BinOp::FAdd => ins.fadd(x, y),
            BinOp::FSub => ins.fsub(x, y),
            BinOp::FMul => ins.fmul(x, y),
            BinOp::FDiv => ins.fdiv(x, y),
            BinOp::FCopysign => ins.fcopysign(x, y),
        }
    }

    fn unary(&mut self, op: UnOp, x: Value) -> Value {
        let ins = self.bcx.ins();
        match op {
            UnOp::INeg => ins.ineg(x),
            UnOp::INot => ins.bnot(x),
            UnOp::BNot => ins.bxor_imm_u(x, 1),
            UnOp::FNeg => ins.fneg(x),
            UnOp::FAbs => ins.fabs(x),
            UnOp::FSqrt => ins.sqrt(x),
            UnOp::FFloor => ins.floor(x),
            UnOp::FCeil => ins.ceil(x),
            UnOp::FTrunc => ins.trunc(x),
            UnOp::FNearest => ins.nearest(x),
        }
    }

    fn cast(&mut self, op: CastOp, x: Value) -> Value {
        match op {
            CastOp::RefAddr | CastOp::AddrRef => x,
            CastOp::IToF => self.bcx.ins().fcvt_from_sint(types::F64, x),
            CastOp::BToI => self.bcx.ins().uextend(types::I64, x),
            CastOp::BToF => {
                let i = self.bcx.ins().uextend(types::I64, x);
                self.bcx.ins().fcvt_from_sint(types::F64, i)
            }
            CastOp::FToIUnchecked => self.bcx.ins().fcvt_to_sint_sat(types::I64, x),
            CastOp::Wrap(d) => {
                let narrow = match d.itemsize() {
                    1 => types::I8,
                    2 => types::I16,
                    4 => types::I32,
                    _ => return x,
                };
                let r = self.bcx.ins().ireduce(narrow, x);
                if d.is_unsigned() {
                    self.bcx.ins().uextend(types::I64, r)
                } else {
                    self.bcx.ins().sextend(types::I64, r)
                }
            }
            CastOp::IToF32 => self.bcx.ins().fcvt_from_sint(types::F32, x),
            CastOp::UToF => self.bcx.ins().fcvt_from_uint(types::F64, x),
            CastOp::UToF32 => self.bcx.ins().fcvt_from_uint(types::F32, x),
            CastOp::FDemote => self.bcx.ins().fdemote(types::F32, x),
            CastOp::FPromote => self.bcx.ins().fpromote(types::F64, x),
            CastOp::FBits => self.bcx.ins().bitcast(types::I64, MemFlagsData::new(), x),
            CastOp::BitsF => self.bcx.ins().bitcast(types::F64, MemFlagsData::new(), x),
        }
    }
}

fn signed_cc(c: Cmp) -> IntCC {
    match c {
        Cmp::Eq => IntCC::Equal,
        Cmp::Ne => IntCC::NotEqual,
        Cmp::Lt => IntCC::SignedLessThan,
        Cmp::Le => IntCC::SignedLessThanOrEqual,
        Cmp::Gt => IntCC::SignedGreaterThan,
        Cmp::Ge => IntCC::SignedGreaterThanOrEqual,
    }
}

fn unsigned_cc(c: Cmp) -> IntCC {
    match c {
        Cmp::Eq => IntCC::Equal,
        Cmp::Ne => IntCC::NotEqual,
        Cmp::Lt => IntCC::UnsignedLessThan,
        Cmp::Le => IntCC::UnsignedLessThanOrEqual,
        Cmp::Gt => IntCC::UnsignedGreaterThan,
        Cmp::Ge => IntCC::UnsignedGreaterThanOrEqual,
    }
}

/// IEEE predicates: ordered except `Ne`, which is true on unordered operands.
fn float_cc(c: Cmp) -> FloatCC {
    match c {
        Cmp::Eq => FloatCC::Equal,
        Cmp::Ne => FloatCC::NotEqual,
        Cmp::Lt => FloatCC::LessThan,
        Cmp::Le => FloatCC::LessThanOrEqual,
        Cmp::Gt => FloatCC::GreaterThan,
        Cmp::Ge => FloatCC::GreaterThanOrEqual,
    }
}

/// Array element accesses: not known to be aligned (buffers may be packed), never trapping
/// (indices were checked, or the user turned the checks off).
fn elem_flags() -> MemFlagsData {
    MemFlagsData::new().with_notrap()
}
