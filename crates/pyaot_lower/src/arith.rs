//! Arithmetic: Python's int and float operators with their overflow and zero-division checks.

use pyaot_hir::{BinaryOp, UnaryOp};
use pyaot_mir::{BinOp, CheckKind, Cmp, ExcKind, MConst, Operand, RtFn, UnOp};
use pyaot_types::Ty;

use crate::builder::{float, int};
use crate::func::FnLower;

/// The message of every int result beyond 64 bits.
pub(crate) const INT_OVERFLOW: &str = "integer overflow: result does not fit in 64 bits";

fn const_int(op: Operand) -> Option<i64> {
    match op {
        Operand::Const(MConst::I64(v)) => Some(v),
        _ => None,
    }
}

impl FnLower<'_> {
    /// A binary operator on operands of type `ty` (both operands have it after sema's casts).
    pub fn binary(&mut self, op: BinaryOp, ty: &Ty, a: Operand, b: Operand) -> Operand {
        match ty {
            Ty::Int => self.int_binary(op, a, b),
            Ty::Float => self.float_binary(op, a, b),
            Ty::Scalar(d) => self.np_binary(op, *d, a, b),
            Ty::Bool => match op {
                BinaryOp::BitAnd => self.b.binary(BinOp::And, a, b),
                BinaryOp::BitOr => self.b.binary(BinOp::Or, a, b),
                BinaryOp::BitXor => self.b.binary(BinOp::Xor, a, b),
                _ => self.ice(&format!("{op:?} on bool operands")),
            },
            _ => self.ice(&format!("{op:?} on {ty} operands")),
        }
    }

    /// Raises OverflowError when `cond` holds.
    fn overflow_if(&mut self, cond: Operand) {
        let msg = self.msg(INT_OVERFLOW);
        self.b
            .check_if(CheckKind::Overflow, cond, ExcKind::OverflowError, msg);
    }

    fn int_binary(&mut self, op: BinaryOp, a: Operand, b: Operand) -> Operand {
        let checked = |op| match op {
            BinaryOp::Add => Some((BinOp::IAdd, BinOp::IAddOverflows)),
            BinaryOp::Sub => Some((BinOp::ISub, BinOp::ISubOverflows)),
            BinaryOp::Mul => Some((BinOp::IMul, BinOp::IMulOverflows)),
            _ => None,
        };
        if let Some((arith, overflows)) = checked(op) {
            let ov = self.b.binary(overflows, a, b);
            self.overflow_if(ov);
            return self.b.binary(arith, a, b);
        }
        match op {
            BinaryOp::FloorDiv | BinaryOp::Mod => {
                self.int_zero_check(b, op == BinaryOp::Mod);
                if op == BinaryOp::Mod {
                    return self.b.binary(BinOp::IMod, a, b);
                }
                // i64::MIN // -1 is the one quotient beyond 64 bits.
                let may_overflow = const_int(a).is_none_or(|v| v == i64::MIN)
                    && const_int(b).is_none_or(|v| v == -1);
                if may_overflow {
                    let is_min = self.b.cmp(Cmp::Eq, a, int(i64::MIN));
                    let is_m1 = self.b.cmp(Cmp::Eq, b, int(-1));
                    let both = self.b.binary(BinOp::And, is_min, is_m1);
                    self.overflow_if(both);
                }
                self.b.binary(BinOp::IFloorDiv, a, b)
            }
            BinaryOp::TrueDiv => self.b.call_rt(RtFn::IntTrueDiv, vec![a, b]),
            BinaryOp::Pow => self.b.call_rt(RtFn::IntPow, vec![a, b]),
            BinaryOp::LShift => self.b.call_rt(RtFn::IntLshift, vec![a, b]),
            BinaryOp::RShift => self.b.call_rt(RtFn::IntRshift, vec![a, b]),
            BinaryOp::BitAnd => self.b.binary(BinOp::And, a, b),
            BinaryOp::BitOr => self.b.binary(BinOp::Or, a, b),
            BinaryOp::BitXor => self.b.binary(BinOp::Xor, a, b),
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul => unreachable!("handled above"),
        }
    }

    /// Raises ZeroDivisionError for an int divisor of zero (skipped for non-zero constants).
    /// CPython 3.11 names the modulo alone when `%` fails.
    fn int_zero_check(&mut self, b: Operand, modulo: bool) {
        if const_int(b).is_some_and(|v| v != 0) {
            return;
        }
        let zero = self.b.cmp(Cmp::Eq, b, int(0));
        let msg = self.msg(if modulo {
            "integer modulo by zero"
        } else {
            "integer division or modulo by zero"
        });
        self.b.check_if(
            CheckKind::ZeroDivision,
            zero,
            ExcKind::ZeroDivisionError,
            msg,
        );
    }

    fn float_binary(&mut self, op: BinaryOp, a: Operand, b: Operand) -> Operand {
        match op {
            BinaryOp::Add => self.b.binary(BinOp::FAdd, a, b),
            BinaryOp::Sub => self.b.binary(BinOp::FSub, a, b),
            BinaryOp::Mul => self.b.binary(BinOp::FMul, a, b),
            BinaryOp::TrueDiv => {
                let nonzero_const = matches!(b, Operand::Const(MConst::F64(v)) if v != 0.0);
                if !nonzero_const {
                    let zero = self.b.cmp(Cmp::Eq, b, float(0.0));
                    let msg = self.msg("float division by zero");
                    self.b.check_if(
                        CheckKind::ZeroDivision,
                        zero,
                        ExcKind::ZeroDivisionError,
                        msg,
                    );
                }
                self.b.binary(BinOp::FDiv, a, b)
            }
            BinaryOp::FloorDiv => self.b.call_rt(RtFn::FloatFloorDiv, vec![a, b]),
            BinaryOp::Mod => self.b.call_rt(RtFn::FloatMod, vec![a, b]),
            BinaryOp::Pow => self.b.call_rt(RtFn::FloatPow, vec![a, b]),
            _ => self.ice(&format!("{op:?} on float operands")),
        }
    }

    /// A unary operator on an operand of type `ty`.
    pub fn unary(&mut self, op: UnaryOp, ty: &Ty, a: Operand) -> Operand {
        match (op, ty) {
            (UnaryOp::Neg, Ty::Int) => {
                let is_min = self.b.cmp(Cmp::Eq, a, int(i64::MIN));
                self.overflow_if(is_min);
                self.b.unary(UnOp::INeg, a)
            }
            (UnaryOp::Neg, Ty::Float) => self.b.unary(UnOp::FNeg, a),
            (UnaryOp::Invert, Ty::Int) => self.b.unary(UnOp::INot, a),
            (op, Ty::Scalar(d)) => self.np_unary(op, *d, a),
            _ => self.ice(&format!("{op:?} on a {ty} operand")),
        }
    }

    /// `abs` of an int, raising OverflowError for the minimum.
    pub fn abs_int(&mut self, a: Operand) -> Operand {
        let is_min = self.b.cmp(Cmp::Eq, a, int(i64::MIN));
        self.overflow_if(is_min);
        let neg = self.b.unary(UnOp::INeg, a);
        let is_neg = self.b.cmp(Cmp::Lt, a, int(0));
        self.b.emit(
            pyaot_mir::MTy::I64,
            pyaot_mir::Rvalue::Select(is_neg, neg, a),
        )
    }
}
