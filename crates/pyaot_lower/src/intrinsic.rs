//! Builtin and `math` intrinsics: inline operations where exact, runtime helpers otherwise.

use pyaot_hir::{Intrinsic, MathFn};
use pyaot_mir::{BinOp, Cmp, MTy, Operand, RtFn, Rvalue, UnOp};
use pyaot_types::Ty;

use crate::builder::float;
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
            | Intrinsic::Gcd => 2,
            Intrinsic::RangeLen => 3,
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
            Intrinsic::Math(f) => self.b.call_rt(math_rt(f), args),
            Intrinsic::Ldexp => self.b.call_rt(RtFn::Ldexp, args),
            Intrinsic::Gcd => self.b.call_rt(RtFn::Gcd, args),
            Intrinsic::Factorial => self.b.call_rt(RtFn::Factorial, args),
            Intrinsic::Isqrt => self.b.call_rt(RtFn::Isqrt, args),
            Intrinsic::RangeLen => self.b.call_rt(RtFn::RangeLen, args),
            Intrinsic::ArraySize => self.ice("array size is lowered as an expression"),
        }
    }

    /// Rounds a float with `op`, then converts it with `int()`'s checks.
    fn float_to_int_after(&mut self, op: UnOp, x: Operand) -> Operand {
        let r = self.b.emit(MTy::F64, Rvalue::Unary(op, x));
        self.b.call_rt(RtFn::FloatToInt, vec![r])
    }
}
