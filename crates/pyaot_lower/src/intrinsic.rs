//! Builtin and `math` intrinsics: inline operations where exact, runtime helpers otherwise.

use pyaot_hir::{BinaryOp, Intrinsic, MathFn, NpFn};
use pyaot_mir::{BinOp, CastOp, Cmp, MConst, MTy, Operand, RtFn, Rvalue, UnOp};
use pyaot_types::Ty;

use crate::builder::{float, int};
use crate::func::FnLower;

/// `180.0 / pi`, as CPython's `radToDeg`.
const RAD_TO_DEG: f64 = 180.0 / std::f64::consts::PI;
/// `pi / 180.0`, as CPython's `degToRad`.
const DEG_TO_RAD: f64 = std::f64::consts::PI / 180.0;

/// The runtime helper of a `math` function.
fn math_rt(f: MathFn) -> RtFn {
    match f {
        MathFn::Sqrt => RtFn::Sqrt,
        MathFn::Exp => RtFn::Exp,
        MathFn::Exp2 => RtFn::Exp2,
        MathFn::Expm1 => RtFn::Expm1,
        MathFn::Log => RtFn::Log,
        MathFn::Log2 => RtFn::Log2,
        MathFn::Log10 => RtFn::Log10,
        MathFn::Log1p => RtFn::Log1p,
        MathFn::LogBase => RtFn::LogBase,
        MathFn::Sin => RtFn::Sin,
        MathFn::Cos => RtFn::Cos,
        MathFn::Tan => RtFn::Tan,
        MathFn::Asin => RtFn::Asin,
        MathFn::Acos => RtFn::Acos,
        MathFn::Atan => RtFn::Atan,
        MathFn::Sinh => RtFn::Sinh,
        MathFn::Cosh => RtFn::Cosh,
        MathFn::Tanh => RtFn::Tanh,
        MathFn::Asinh => RtFn::Asinh,
        MathFn::Acosh => RtFn::Acosh,
        MathFn::Atanh => RtFn::Atanh,
        MathFn::Erf => RtFn::Erf,
        MathFn::Erfc => RtFn::Erfc,
        MathFn::Gamma => RtFn::Gamma,
        MathFn::Lgamma => RtFn::Lgamma,
        MathFn::Atan2 => RtFn::Atan2,
        MathFn::Hypot => RtFn::Hypot,
        MathFn::Fmod => RtFn::Fmod,
        MathFn::Pow => RtFn::Pow,
    }
}

/// The runtime helper of a NumPy float function of the C library.
fn np_rt(f: NpFn, f32: bool) -> RtFn {
    let (d, s) = match f {
        NpFn::Cbrt => (RtFn::NpCbrtF64, RtFn::NpCbrtF32),
        NpFn::Exp => (RtFn::NpExpF64, RtFn::NpExpF32),
        NpFn::Exp2 => (RtFn::NpExp2F64, RtFn::NpExp2F32),
        NpFn::Expm1 => (RtFn::NpExpm1F64, RtFn::NpExpm1F32),
        NpFn::Log => (RtFn::NpLogF64, RtFn::NpLogF32),
        NpFn::Log2 => (RtFn::NpLog2F64, RtFn::NpLog2F32),
        NpFn::Log10 => (RtFn::NpLog10F64, RtFn::NpLog10F32),
        NpFn::Log1p => (RtFn::NpLog1pF64, RtFn::NpLog1pF32),
        NpFn::Sin => (RtFn::NpSinF64, RtFn::NpSinF32),
        NpFn::Cos => (RtFn::NpCosF64, RtFn::NpCosF32),
        NpFn::Tan => (RtFn::NpTanF64, RtFn::NpTanF32),
        NpFn::Arcsin => (RtFn::NpArcsinF64, RtFn::NpArcsinF32),
        NpFn::Arccos => (RtFn::NpArccosF64, RtFn::NpArccosF32),
        NpFn::Arctan => (RtFn::NpArctanF64, RtFn::NpArctanF32),
        NpFn::Sinh => (RtFn::NpSinhF64, RtFn::NpSinhF32),
        NpFn::Cosh => (RtFn::NpCoshF64, RtFn::NpCoshF32),
        NpFn::Tanh => (RtFn::NpTanhF64, RtFn::NpTanhF32),
        NpFn::Arcsinh => (RtFn::NpArcsinhF64, RtFn::NpArcsinhF32),
        NpFn::Arccosh => (RtFn::NpArccoshF64, RtFn::NpArccoshF32),
        NpFn::Arctanh => (RtFn::NpArctanhF64, RtFn::NpArctanhF32),
        NpFn::Arctan2 => (RtFn::NpArctan2F64, RtFn::NpArctan2F32),
        NpFn::Hypot => (RtFn::NpHypotF64, RtFn::NpHypotF32),
        NpFn::Fmax => (RtFn::NpFmaxF64, RtFn::NpFmaxF32),
        NpFn::Fmin => (RtFn::NpFminF64, RtFn::NpFminF32),
        NpFn::Sqrt
        | NpFn::Floor
        | NpFn::Ceil
        | NpFn::Trunc
        | NpFn::Rint
        | NpFn::Fabs
        | NpFn::Copysign
        | NpFn::Maximum
        | NpFn::Minimum
        | NpFn::Sign => unreachable!("lowered to instructions"),
    };
    if f32 {
        s
    } else {
        d
    }
}

impl FnLower<'_> {
    /// An intrinsic call on evaluated arguments (`tys` are the arguments' HIR types).
    pub fn intrinsic(&mut self, func: Intrinsic, tys: &[Ty], args: Vec<Operand>) -> Operand {
        let arity = match func {
            Intrinsic::Min
            | Intrinsic::Max
            | Intrinsic::RoundDigits
            | Intrinsic::RoundIntDigits
            | Intrinsic::Copysign
            | Intrinsic::Ldexp
            | Intrinsic::Gcd
            | Intrinsic::IntPowFloat => 2,
            Intrinsic::RangeLen | Intrinsic::Select => 3,
            Intrinsic::Np(f) => f.arity(),
            Intrinsic::Math(f) => math_rt(f).params().len(),
            _ => 1,
        };
        if args.len() != arity {
            self.ice(&format!("{func:?} with {} arguments", args.len()));
        }
        let x = args[0];
        if let (Intrinsic::AbsInt, Ty::Scalar(d)) = (func, &tys[0]) {
            return self.np_abs_int(*d, x);
        }
        match func {
            Intrinsic::AbsInt => self.abs_int(x),
            Intrinsic::AbsFloat => self.b.unary(UnOp::FAbs, x),
            Intrinsic::Min | Intrinsic::Max => {
                // Python: min(a, b) is `b if b < a else a`; max is `b if b > a else a` (this decides NaN).
                let c = if func == Intrinsic::Min {
                    Cmp::Lt
                } else {
                    Cmp::Gt
                };
                let y = args[1];
                let op = if tys[0] == Ty::Scalar(pyaot_mir::Dtype::U64) {
                    BinOp::UCmp(c)
                } else {
                    BinOp::Cmp(c)
                };
                let take_b = self.b.binary(op, y, x);
                let ty = self.mty(&tys[0]);
                self.b.emit(ty, Rvalue::Select(take_b, y, x))
            }
            Intrinsic::RoundToInt => self.float_to_int_after(UnOp::FNearest, x),
            Intrinsic::FloorToInt => self.float_to_int_after(UnOp::FFloor, x),
            Intrinsic::CeilToInt => self.float_to_int_after(UnOp::FCeil, x),
            Intrinsic::TruncToInt => self.float_to_int_after(UnOp::FTrunc, x),
            Intrinsic::RoundDigits => self.b.call_rt(RtFn::RoundDigits, args),
            Intrinsic::RoundIntDigits => self.b.call_rt(RtFn::RoundIntDigits, args),
            Intrinsic::IsNan => self.b.cmp(Cmp::Ne, x, x),
            Intrinsic::IsInf => {
                let a = self.b.unary(UnOp::FAbs, x);
                self.b.cmp(Cmp::Eq, a, float(f64::INFINITY))
            }
            Intrinsic::IsFinite => {
                // NaN compares false, infinities are not below infinity.
                let a = self.b.unary(UnOp::FAbs, x);
                self.b.cmp(Cmp::Lt, a, float(f64::INFINITY))
            }
            Intrinsic::Copysign => self.b.binary(BinOp::FCopysign, x, args[1]),
            Intrinsic::Degrees => self.b.binary(BinOp::FMul, x, float(RAD_TO_DEG)),
            Intrinsic::Radians => self.b.binary(BinOp::FMul, x, float(DEG_TO_RAD)),
            Intrinsic::Math(MathFn::Sqrt) => {
                // Inline for x >= 0 and NaN; the helper raises CPython's ValueError below zero.
                let neg = self.b.cmp(Cmp::Lt, x, float(0.0));
                let ok = self.b.negate(neg);
                self.fast_path(
                    ok,
                    MTy::F64,
                    Rvalue::Unary(UnOp::FSqrt, x),
                    RtFn::Sqrt,
                    args,
                )
            }
            Intrinsic::Math(f) => self.b.call_rt(math_rt(f), args),
            Intrinsic::Ldexp => self.b.call_rt(RtFn::Ldexp, args),
            Intrinsic::Gcd => self.b.call_rt(RtFn::Gcd, args),
            Intrinsic::Factorial => self.b.call_rt(RtFn::Factorial, args),
            Intrinsic::IntPowFloat => self.int_pow_float(x, args[1]),
            Intrinsic::Isqrt => self.b.call_rt(RtFn::Isqrt, args),
            Intrinsic::RangeLen => self.b.call_rt(RtFn::RangeLen, args),
            Intrinsic::ArraySize => self.ice("array size is lowered as an expression"),
            Intrinsic::Np(f) => self.np_fn(f, &tys[0], args),
            Intrinsic::Select => {
                let ty = self.mty(&tys[1]);
                self.b.emit(ty, Rvalue::Select(args[0], args[1], args[2]))
            }
            Intrinsic::Real
            | Intrinsic::Imag
            | Intrinsic::Conj
            | Intrinsic::MakeComplex
            | Intrinsic::AbsComplex
            | Intrinsic::Angle => self.ice("complex intrinsics are lowered in complex.rs"),
            Intrinsic::BlasGemm => self.ice("a matrix product is lowered with its arrays"),
        }
    }

    /// A NumPy float function of f32 or f64 operands.
    fn np_fn(&mut self, f: NpFn, ty: &Ty, args: Vec<Operand>) -> Operand {
        let f32 = *ty == Ty::Scalar(pyaot_mir::Dtype::F32);
        let op = match f {
            NpFn::Sqrt => Some(UnOp::FSqrt),
            NpFn::Floor => Some(UnOp::FFloor),
            NpFn::Ceil => Some(UnOp::FCeil),
            NpFn::Trunc => Some(UnOp::FTrunc),
            NpFn::Rint => Some(UnOp::FNearest),
            NpFn::Fabs => Some(UnOp::FAbs),
            _ => None,
        };
        if let Some(op) = op {
            return self.b.unary(op, args[0]);
        }
        if f == NpFn::Copysign {
            return self.b.binary(BinOp::FCopysign, args[0], args[1]);
        }
        if let NpFn::Maximum | NpFn::Minimum | NpFn::Sign = f {
            return self.np_generic(f, ty, args);
        }
        // fmax and fmin of integers and bools are maximum and minimum (there is no NaN to skip).
        if matches!(f, NpFn::Fmax | NpFn::Fmin) && !matches!(ty, Ty::Scalar(d) if d.is_float()) {
            let g = if f == NpFn::Fmax {
                NpFn::Maximum
            } else {
                NpFn::Minimum
            };
            return self.np_generic(g, ty, args);
        }
        self.b.call_rt(np_rt(f, f32), args)
    }

    /// `maximum`, `minimum` and `sign` of any numeric dtype, as NumPy's loops compute them.
    fn np_generic(&mut self, f: NpFn, ty: &Ty, args: Vec<Operand>) -> Operand {
        let Ty::Scalar(d) = *ty else {
            self.ice("a NumPy function of a non-NumPy type")
        };
        let m = pyaot_mir::dtype_mty(d);
        let cmp = |c: Cmp| {
            if d == pyaot_mir::Dtype::U64 {
                BinOp::UCmp(c)
            } else {
                BinOp::Cmp(c)
            }
        };
        let (zero, one, minus_one) = match m {
            MTy::F64 => (float(0.0), float(1.0), float(-1.0)),
            MTy::F32 => (
                Operand::Const(MConst::F32(0.0)),
                Operand::Const(MConst::F32(1.0)),
                Operand::Const(MConst::F32(-1.0)),
            ),
            _ => (
                Operand::Const(MConst::I64(0)),
                Operand::Const(MConst::I64(1)),
                Operand::Const(MConst::I64(-1)),
            ),
        };
        let x = args[0];
        match f {
            NpFn::Maximum | NpFn::Minimum => {
                let y = args[1];
                let c = if f == NpFn::Maximum { Cmp::Gt } else { Cmp::Lt };
                // `(a > b || isnan(a)) ? a : b`: NaN propagates, ties give b.
                let mut keep = self.b.binary(cmp(c), x, y);
                if d.is_float() {
                    let nan = self.b.cmp(Cmp::Ne, x, x);
                    keep = self.b.binary(BinOp::Or, keep, nan);
                }
                self.b.emit(m, Rvalue::Select(keep, x, y))
            }
            _ => {
                let pos = self.b.binary(cmp(Cmp::Gt), x, zero);
                let neg = self.b.binary(cmp(Cmp::Lt), x, zero);
                // Zero stays 0 (and -0.0 becomes 0.0); NaN, neither, stays itself.
                let rest = if d.is_float() {
                    let is_zero = self.b.cmp(Cmp::Eq, x, zero);
                    self.b.emit(m, Rvalue::Select(is_zero, zero, x))
                } else {
                    zero
                };
                let r = self.b.emit(m, Rvalue::Select(neg, minus_one, rest));
                self.b.emit(m, Rvalue::Select(pos, one, r))
            }
        }
    }

    /// Rounds a float with `op`, then converts it with `int()`'s checks.
    fn float_to_int_after(&mut self, op: UnOp, x: Operand) -> Operand {
        let r = self.b.emit(MTy::F64, Rvalue::Unary(op, x));
        self.float_to_int(r)
    }
}

impl FnLower<'_> {
    /// `float(a ** b)` of ints: a negative exponent takes the float power, as CPython's int
    /// power does; otherwise the int power (which may overflow) is converted.
    fn int_pow_float(&mut self, a: Operand, e: Operand) -> Operand {
        let neg = self.b.cmp(Cmp::Lt, e, int(0));
        let res = self.b.temp(MTy::F64);
        let float_bb = self.b.new_block();
        let int_bb = self.b.new_block();
        let join = self.b.new_block();
        self.b.branch(neg, float_bb, int_bb);
        self.b.switch_to(float_bb);
        let fa = self.b.emit(MTy::F64, Rvalue::Cast(CastOp::IToF, a));
        let fe = self.b.emit(MTy::F64, Rvalue::Cast(CastOp::IToF, e));
        let r = self.binary(BinaryOp::Pow, &Ty::Float, fa, fe);
        self.b.assign(res, Rvalue::Use(r));
        self.b.goto(join);
        self.b.switch_to(int_bb);
        let r = self.binary(BinaryOp::Pow, &Ty::Int, a, e);
        let f = self.b.emit(MTy::F64, Rvalue::Cast(CastOp::IToF, r));
        self.b.assign(res, Rvalue::Use(f));
        self.b.goto(join);
        self.b.switch_to(join);
        Operand::Local(res)
    }
}
