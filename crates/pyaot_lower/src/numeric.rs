//! Fixed-width NumPy scalars: conversions and operators with NumPy's semantics
//! (integers wrap, integer division by zero gives 0, float division by zero gives inf or nan).

use pyaot_hir::{BinaryOp, UnaryOp};
use pyaot_mir::{BinOp, CastOp, Cmp, Dtype, ExcKind, MTy, Operand, RtFn, Rvalue, UnOp};
use pyaot_types::Ty;

use crate::builder::{float, int};
use crate::func::FnLower;

impl FnLower<'_> {
    fn cast_op(&mut self, op: CastOp, to: MTy, a: Operand) -> Operand {
        self.b.emit(to, Rvalue::Cast(op, a))
    }

    /// Raises OverflowError `Python integer N out of bounds for int8` unless the int fits the dtype.
    fn check_int_fits(&mut self, d: Dtype, a: Operand) {
        let bits = d.itemsize() * 8;
        let bad = if d == Dtype::U64 {
            self.b.cmp(Cmp::Lt, a, int(0))
        } else if d == Dtype::I64 {
            return;
        } else {
            let (lo, hi) = if d.is_unsigned() {
                (0, (1i64 << bits) - 1)
            } else {
                (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1)
            };
            self.outside(a, lo, hi)
        };
        self.raise_out_of_bounds(d, bad);
    }

    /// Whether the `I64` `a` is below `lo` or above `hi`.
    fn outside(&mut self, a: Operand, lo: i64, hi: i64) -> Operand {
        let below = self.b.cmp(Cmp::Lt, a, int(lo));
        let above = self.b.cmp(Cmp::Gt, a, int(hi));
        self.b.binary(BinOp::Or, below, above)
    }

    /// Raises NumPy's OverflowError for a value out of `d`'s range when `bad` holds.
    fn raise_out_of_bounds(&mut self, d: Dtype, bad: Operand) {
        let msg = self.msg(&format!(
            "Python integer out of bounds for {}",
            d.numpy_name()
        ));
        self.b.raise_if(bad, ExcKind::OverflowError, msg);
    }

    /// An `I64` integer of dtype `from` (or a Python int when `from` is None) as a float of `to`.
    fn int_to_float(&mut self, unsigned: bool, to: Dtype, a: Operand) -> Operand {
        match (unsigned, to) {
            (false, Dtype::F32) => self.cast_op(CastOp::IToF32, MTy::F32, a),
            (false, _) => self.cast_op(CastOp::IToF, MTy::F64, a),
            (true, Dtype::F32) => self.cast_op(CastOp::UToF32, MTy::F32, a),
            (true, _) => self.cast_op(CastOp::UToF, MTy::F64, a),
        }
    }

    /// Converts a value of type `from` to the fixed-width type `to` (see `CastKind::ToDtype`).
    pub fn convert_to_dtype(&mut self, from: &Ty, to: &Ty, a: Operand) -> Operand {
        let Ty::Scalar(d) = *to else {
            self.ice(&format!("conversion to the non-dtype {to}"))
        };
        match (from, d) {
            (_, Dtype::B1) => self.truth(from, a),
            (Ty::Bool | Ty::Scalar(Dtype::B1), d) => {
                let i = self.cast_op(CastOp::BToI, MTy::I64, a);
                if d.is_float() {
                    self.int_to_float(false, d, i)
                } else {
                    i
                }
            }
            (Ty::Int, d) if d.is_float() => self.int_to_float(false, d, a),
            (Ty::Int, d) => {
                self.check_int_fits(d, a);
                a
            }
            (Ty::Float, Dtype::F64) => a,
            (Ty::Float, Dtype::F32) => self.cast_op(CastOp::FDemote, MTy::F32, a),
            // `np.int8(1.5)`: a Python float converts as `int(x)`, then must fit.
            (Ty::Float, d) if !d.is_float() => self.float_to_int_checked(d, a),
            // `np.int8(np.float64(x))`: NumPy's C cast, never an error.
            (Ty::Scalar(s @ (Dtype::F32 | Dtype::F64)), d) if !d.is_float() => {
                let x = self.promote(*s, a);
                self.float_to_int_c_cast(d, x)
            }
            (Ty::Scalar(Dtype::F32), Dtype::F64) => self.cast_op(CastOp::FPromote, MTy::F64, a),
            (Ty::Scalar(Dtype::F64), Dtype::F32) => self.cast_op(CastOp::FDemote, MTy::F32, a),
            (Ty::Scalar(s), d) if s.is_int() && d.is_float() => {
                self.int_to_float(s.is_unsigned(), d, a)
            }
            (Ty::Scalar(s), d) if s.is_int() && d.is_int() => {
                self.cast_op(CastOp::Wrap(d), MTy::I64, a)
            }
            (Ty::Scalar(s), d) if *s == d => a,
            _ => self.ice(&format!("conversion from {from} to {to}")),
        }
    }

    /// Converts a value stored into an array of `to` (see `CastKind::ToItem`).
    pub fn convert_to_item(&mut self, from: &Ty, to: &Ty, a: Operand) -> Operand {
        let Ty::Scalar(d) = *to else {
            self.ice(&format!("item conversion to the non-dtype {to}"))
        };
        // NumPy converts through a Python int for signed element types: out of range raises.
        match *from {
            Ty::Scalar(s) if s.is_int() && d.is_int() && !d.is_unsigned() => {
                self.check_fixed_int_fits(s, d, a);
                a
            }
            Ty::Scalar(s @ (Dtype::F32 | Dtype::F64)) if d.is_int() && !d.is_unsigned() => {
                let x = self.promote(s, a);
                self.float_to_int_checked(d, x)
            }
            // Unsigned element types take NumPy's C cast, as `convert_to_dtype` does.
            _ => self.convert_to_dtype(from, to, a),
        }
    }

    /// An `F32` as `F64`; an `F64` unchanged.
    fn promote(&mut self, s: Dtype, a: Operand) -> Operand {
        if s == Dtype::F32 {
            self.cast_op(CastOp::FPromote, MTy::F64, a)
        } else {
            a
        }
    }

    /// `int(x)` of an `F64`: an inline truncation when `-2**63 <= x < 2**63` (never for NaN or
    /// infinities), else the runtime helper, which raises CPython's error for those values.
    pub(crate) fn float_to_int(&mut self, x: Operand) -> Operand {
        let ge = self.b.cmp(Cmp::Ge, x, float(-9223372036854775808.0));
        let lt = self.b.cmp(Cmp::Lt, x, float(9223372036854775808.0));
        let ok = self.b.binary(BinOp::And, ge, lt);
        self.fast_path(
            ok,
            MTy::I64,
            Rvalue::Cast(CastOp::FToIUnchecked, x),
            RtFn::FloatToInt,
            vec![x],
        )
    }

    /// `fast` when `ok` holds; otherwise a call of `rt`, which always raises for the other inputs,
    /// so the slow path never rejoins (a loop keeps its registers: no call on its way round).
    pub(crate) fn fast_path(
        &mut self,
        ok: Operand,
        ty: MTy,
        fast: Rvalue,
        rt: RtFn,
        args: Vec<Operand>,
    ) -> Operand {
        let dest = self.b.temp(ty);
        let fast_bb = self.b.new_block();
        let slow_bb = self.b.new_block();
        self.b.branch(ok, fast_bb, slow_bb);
        self.b.switch_to(slow_bb);
        let unused = self.b.temp(ty);
        self.b
            .call(pyaot_mir::Callee::Runtime(rt), args, vec![unused]);
        self.b.terminate(pyaot_mir::Terminator::Unreachable);
        self.b.switch_to(fast_bb);
        self.b.assign(dest, fast);
        Operand::Local(dest)
    }

    /// An `F64` converted as `int(x)` (ValueError for NaN, OverflowError for infinities), then range-checked.
    fn float_to_int_checked(&mut self, d: Dtype, x: Operand) -> Operand {
        if d == Dtype::U64 {
            // Values from 2**63 fit a u64 but not `int`'s 64 bits: convert them less 2**63.
            let two63 = float(9223372036854775808.0);
            let big = self.b.cmp(Cmp::Ge, x, two63);
            let shifted = self.b.binary(BinOp::FSub, x, two63);
            let y = self.b.emit(MTy::F64, Rvalue::Select(big, shifted, x));
            let i = self.float_to_int(y);
            let negative = self.b.cmp(Cmp::Lt, i, int(0));
            self.raise_out_of_bounds(d, negative);
            let flipped = self.b.binary(BinOp::Xor, i, int(i64::MIN));
            return self.b.emit(MTy::I64, Rvalue::Select(big, flipped, i));
        }
        let i = self.float_to_int(x);
        self.check_int_fits(d, i);
        i
    }

    /// Raises OverflowError unless a fixed-width integer of dtype `s` fits the signed dtype `d`.
    fn check_fixed_int_fits(&mut self, s: Dtype, d: Dtype, a: Operand) {
        let (sbits, dbits) = (s.itemsize() * 8, d.itemsize() * 8);
        let fits_always = if s.is_unsigned() {
            sbits < dbits
        } else {
            sbits <= dbits
        };
        if fits_always {
            return;
        }
        let hi = if dbits == 64 {
            i64::MAX
        } else {
            (1i64 << (dbits - 1)) - 1
        };
        let bad = if s == Dtype::U64 {
            // The bits read as unsigned.
            self.b.binary(BinOp::UCmp(Cmp::Gt), a, int(hi))
        } else {
            self.outside(a, -hi - 1, hi)
        };
        self.raise_out_of_bounds(d, bad);
    }

    /// An `F64` converted to an integer dtype as NumPy's C cast does on x86-64: truncation to
    /// 32 bits (for the types of at most 4 bytes but u32) or 64 bits (i64, u32), where NaN and values
    /// out of that range give the integer-indefinite value (the lowest integer), then the dtype's
    /// low bits. u64 subtracts 2**63 first from values at or above it and restores the top bit after.
    fn float_to_int_c_cast(&mut self, d: Dtype, x: Operand) -> Operand {
        if d == Dtype::U64 {
            let two63 = float(9223372036854775808.0);
            let big = self.b.cmp(Cmp::Ge, x, two63);
            let shifted = self.b.binary(BinOp::FSub, x, two63);
            let y = self.b.emit(MTy::F64, Rvalue::Select(big, shifted, x));
            let t = self.truncate_or_indefinite(y, 64);
            let flipped = self.b.binary(BinOp::Xor, t, int(i64::MIN));
            return self.b.emit(MTy::I64, Rvalue::Select(big, flipped, t));
        }
        let width = if d.itemsize() <= 2 || d == Dtype::I32 {
            32
        } else {
            64
        };
        let t = self.truncate_or_indefinite(x, width);
        self.cast_op(CastOp::Wrap(d), MTy::I64, t)
    }

    /// `x` truncated to a `bits`-bit signed integer (as an `I64`), or that width's lowest integer
    /// when `x` is NaN or its truncation does not fit.
    fn truncate_or_indefinite(&mut self, x: Operand, bits: u32) -> Operand {
        let (lo, hi, indefinite) = if bits == 32 {
            (-2147483649.0, 2147483648.0, i64::from(i32::MIN))
        } else {
            (-9223372036854775809.0, 9223372036854775808.0, i64::MIN)
        };
        // For 64 bits, -2**63 - 1 rounds to -2**63 itself, which still fits: compare with >=.
        let above_lo = if bits == 32 {
            self.b.cmp(Cmp::Gt, x, float(lo))
        } else {
            self.b.cmp(Cmp::Ge, x, float(lo))
        };
        let below_hi = self.b.cmp(Cmp::Lt, x, float(hi));
        let fits = self.b.binary(BinOp::And, above_lo, below_hi);
        let safe = self.b.emit(MTy::F64, Rvalue::Select(fits, x, float(0.0)));
        let t = self.cast_op(CastOp::FToIUnchecked, MTy::I64, safe);
        self.b
            .emit(MTy::I64, Rvalue::Select(fits, t, int(indefinite)))
    }

    /// Converts a fixed-width scalar to the Python type `to` (see `CastKind::FromDtype`).
    pub fn convert_from_dtype(&mut self, from: &Ty, to: &Ty, a: Operand) -> Operand {
        let Ty::Scalar(d) = *from else {
            self.ice(&format!("conversion from the non-dtype {from}"))
        };
        match (d, to) {
            (Dtype::F32, Ty::Float) => self.cast_op(CastOp::FPromote, MTy::F64, a),
            (Dtype::F64, Ty::Float) | (Dtype::B1, Ty::Bool) => a,
            (Dtype::U64, Ty::Int) => {
                let neg = self.b.cmp(Cmp::Lt, a, int(0));
                let msg = self.msg(crate::arith::INT_OVERFLOW);
                self.b.raise_if(neg, ExcKind::OverflowError, msg);
                a
            }
            (d, Ty::Int) if d.is_int() => a,
            // `float(x)` of a fixed-width integer, as NumPy's `__float__` (a u64 reads unsigned).
            (d, Ty::Float) if d.is_int() => self.int_to_float(d.is_unsigned(), Dtype::F64, a),
            _ => self.ice(&format!("conversion from {from} to {to}")),
        }
    }

    /// A binary operator on two operands of fixed-width type `d` (sema made both that type).
    pub fn np_binary(&mut self, op: BinaryOp, d: Dtype, a: Operand, b: Operand) -> Operand {
        if d.is_float() {
            return self.np_float_binary(op, d, a, b);
        }
        let bitwise = match op {
            BinaryOp::BitAnd => Some(BinOp::And),
            BinaryOp::BitOr => Some(BinOp::Or),
            BinaryOp::BitXor => Some(BinOp::Xor),
            _ => None,
        };
        if let Some(bop) = bitwise {
            return self.b.binary(bop, a, b);
        }
        let raw = match op {
            BinaryOp::Add => self.b.binary(BinOp::IAdd, a, b),
            BinaryOp::Sub => self.b.binary(BinOp::ISub, a, b),
            BinaryOp::Mul => self.b.binary(BinOp::IMul, a, b),
            BinaryOp::FloorDiv | BinaryOp::Mod => self.np_int_divmod(op, d, a, b),
            BinaryOp::Pow if d == Dtype::U64 => self.b.call_rt(RtFn::NpUIntPow, vec![a, b]),
            BinaryOp::Pow => self.b.call_rt(RtFn::NpIntPow, vec![a, b]),
            _ => self.ice(&format!("{op:?} on {}", d.name())),
        };
        self.cast_op(CastOp::Wrap(d), MTy::I64, raw)
    }

    /// Integer `//` and `%` as NumPy: a zero divisor gives 0, `MIN // -1` wraps.
    fn np_int_divmod(&mut self, op: BinaryOp, d: Dtype, a: Operand, b: Operand) -> Operand {
        let zero = self.b.cmp(Cmp::Eq, b, int(0));
        // Divide by 1 instead of 0 or -1 (whose results are fixed up after), so nothing traps.
        let minus_one = self.b.cmp(Cmp::Eq, b, int(-1));
        let unsafe_div = if d == Dtype::U64 {
            zero
        } else {
            self.b.binary(BinOp::Or, zero, minus_one)
        };
        let safe_b = self.b.emit(MTy::I64, Rvalue::Select(unsafe_div, int(1), b));
        let is_div = op == BinaryOp::FloorDiv;
        let r = match (d == Dtype::U64, is_div) {
            (true, true) => self.b.binary(BinOp::UDiv, a, safe_b),
            (true, false) => self.b.binary(BinOp::URem, a, safe_b),
            (false, true) => self.b.binary(BinOp::IFloorDiv, a, safe_b),
            (false, false) => self.b.binary(BinOp::IMod, a, safe_b),
        };
        let r = if d == Dtype::U64 {
            r
        } else {
            // b == -1: a // -1 is -a (wrapping), a % -1 is 0.
            let fixed = if is_div {
                self.b.unary(UnOp::INeg, a)
            } else {
                int(0)
            };
            self.b.emit(MTy::I64, Rvalue::Select(minus_one, fixed, r))
        };
        self.b.emit(MTy::I64, Rvalue::Select(zero, int(0), r))
    }

    fn np_float_binary(&mut self, op: BinaryOp, d: Dtype, a: Operand, b: Operand) -> Operand {
        let f32 = d == Dtype::F32;
        match op {
            BinaryOp::Add => self.b.binary(BinOp::FAdd, a, b),
            BinaryOp::Sub => self.b.binary(BinOp::FSub, a, b),
            BinaryOp::Mul => self.b.binary(BinOp::FMul, a, b),
            BinaryOp::TrueDiv => self.b.binary(BinOp::FDiv, a, b),
            BinaryOp::FloorDiv if f32 => self.b.call_rt(RtFn::NpFloorDivF32, vec![a, b]),
            BinaryOp::FloorDiv => self.b.call_rt(RtFn::NpFloorDivF64, vec![a, b]),
            BinaryOp::Mod if f32 => self.b.call_rt(RtFn::NpModF32, vec![a, b]),
            BinaryOp::Mod => self.b.call_rt(RtFn::NpModF64, vec![a, b]),
            BinaryOp::Pow if f32 => self.b.call_rt(RtFn::NpPowF32, vec![a, b]),
            BinaryOp::Pow => self.b.call_rt(RtFn::NpPowF64, vec![a, b]),
            _ => self.ice(&format!("{op:?} on {}", d.name())),
        }
    }

    /// A unary operator on a fixed-width scalar.
    pub fn np_unary(&mut self, op: UnaryOp, d: Dtype, a: Operand) -> Operand {
        match (op, d) {
            (UnaryOp::Invert, Dtype::B1) => self.b.unary(UnOp::BNot, a),
            (UnaryOp::Neg, d) if d.is_float() => self.b.unary(UnOp::FNeg, a),
            (UnaryOp::Neg, d) => {
                let r = self.b.unary(UnOp::INeg, a);
                self.cast_op(CastOp::Wrap(d), MTy::I64, r)
            }
            (UnaryOp::Invert, d) => {
                let r = self.b.unary(UnOp::INot, a);
                self.cast_op(CastOp::Wrap(d), MTy::I64, r)
            }
        }
    }

    /// `abs` of a fixed-width integer: wraps like NumPy (`abs(int8(-128))` is -128).
    pub fn np_abs_int(&mut self, d: Dtype, a: Operand) -> Operand {
        if d.is_unsigned() {
            return a;
        }
        let neg = self.b.unary(UnOp::INeg, a);
        let is_neg = self.b.cmp(Cmp::Lt, a, int(0));
        let r = self.b.emit(MTy::I64, Rvalue::Select(is_neg, neg, a));
        self.cast_op(CastOp::Wrap(d), MTy::I64, r)
    }
}
