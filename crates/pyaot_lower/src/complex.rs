//! Complex numbers: a value is two operands (real and imaginary part) of its part type.
//!
//! Addition, subtraction, multiplication and negation are inline; division, powers and the
//! functions call the runtime, which follows NumPy's loops for NumPy's complex dtypes and CPython
//! for Python's `complex` (division by zero and `cmath` domain errors raise there).

use pyaot_hir::{BinaryOp, CastKind, CmpOp, Intrinsic, NpFn, UnaryOp};
use pyaot_mir::{BinOp, CastOp, Cmp, MConst, MTy, Operand, RtFn, Rvalue, UnOp};
use pyaot_types::{Dtype, Ty};

use crate::builder::{float, int};
use crate::func::FnLower;

/// Whether a type is Python `complex` or a NumPy complex scalar.
pub(crate) fn is_complex(ty: &Ty) -> bool {
    matches!(ty, Ty::Complex | Ty::Scalar(Dtype::C64 | Dtype::C128))
}

/// Whether the parts of a complex type are `f32`.
fn single(ty: &Ty) -> bool {
    *ty == Ty::Scalar(Dtype::C64)
}

/// The type of each part of a complex type, as a leaf type (`Float` for Python `complex`).
fn part_ty(ty: &Ty) -> Ty {
    ty.flatten().remove(0)
}

/// The two parts of a complex value.
fn parts(v: &[Operand]) -> (Operand, Operand) {
    match v {
        [re, im] => (*re, *im),
        _ => unreachable!("a complex value has two operands"),
    }
}

/// The zero of a part type.
fn zero(f32: bool) -> Operand {
    if f32 {
        Operand::Const(MConst::F32(0.0))
    } else {
        float(0.0)
    }
}

/// The runtime code of a NumPy function with a complex loop: its position in `NpFn::ALL`.
fn code(f: NpFn) -> Operand {
    let k = NpFn::ALL
        .iter()
        .position(|(g, _)| *g == f)
        .expect("every function is listed");
    int(k as i64)
}

impl FnLower<'_> {
    /// `a op b` of two complex values of type `ty`.
    pub fn complex_binary(
        &mut self,
        op: BinaryOp,
        ty: &Ty,
        a: &[Operand],
        b: &[Operand],
    ) -> Vec<Operand> {
        let ((ar, ai), (br, bi)) = (parts(a), parts(b));
        let f32 = single(ty);
        let python = *ty == Ty::Complex;
        match op {
            BinaryOp::Add | BinaryOp::Sub => {
                let o = if op == BinaryOp::Add {
                    BinOp::FAdd
                } else {
                    BinOp::FSub
                };
                vec![self.b.binary(o, ar, br), self.b.binary(o, ai, bi)]
            }
            BinaryOp::Mul => {
                let (rr, ii) = (
                    self.b.binary(BinOp::FMul, ar, br),
                    self.b.binary(BinOp::FMul, ai, bi),
                );
                let (ri, ir) = (
                    self.b.binary(BinOp::FMul, ar, bi),
                    self.b.binary(BinOp::FMul, ai, br),
                );
                vec![
                    self.b.binary(BinOp::FSub, rr, ii),
                    self.b.binary(BinOp::FAdd, ri, ir),
                ]
            }
            BinaryOp::TrueDiv | BinaryOp::Pow => {
                let div = op == BinaryOp::TrueDiv;
                if f32 {
                    let rt = if div { RtFn::CDivF32 } else { RtFn::CPowF32 };
                    return self.b.call_rt_multi(rt, vec![ar, ai, br, bi]);
                }
                let rt = if div { RtFn::CDiv } else { RtFn::CPow };
                let mode = int(python as i64);
                self.b.call_rt_multi(rt, vec![mode, ar, ai, br, bi])
            }
            _ => self.ice(&format!("{op:?} of complex numbers")),
        }
    }

    /// `-z` (and `+z`) of a complex value.
    pub fn complex_neg(&mut self, op: UnaryOp, a: &[Operand]) -> Vec<Operand> {
        let (re, im) = parts(a);
        match op {
            UnaryOp::Neg => vec![self.b.unary(UnOp::FNeg, re), self.b.unary(UnOp::FNeg, im)],
            _ => self.ice(&format!("{op:?} of a complex number")),
        }
    }

    /// `a == b` or `a != b` of two complex values: both parts equal.
    pub fn complex_eq(&mut self, op: CmpOp, a: &[Operand], b: &[Operand]) -> Operand {
        let ((ar, ai), (br, bi)) = (parts(a), parts(b));
        let r = self.b.cmp(Cmp::Eq, ar, br);
        let i = self.b.cmp(Cmp::Eq, ai, bi);
        let eq = self.b.binary(BinOp::And, r, i);
        match op {
            CmpOp::Eq => eq,
            CmpOp::Ne => self.b.negate(eq),
            _ => self.ice("ordering of complex numbers"),
        }
    }

    /// A conversion from or to a complex type.
    pub fn complex_convert(
        &mut self,
        kind: CastKind,
        from: &Ty,
        to: &Ty,
        a: &[Operand],
    ) -> Vec<Operand> {
        if kind == CastKind::Truth {
            return vec![self.truth_of(from, a)];
        }
        if *to == Ty::Scalar(Dtype::B1) || *to == Ty::Bool {
            // To bool: true when either part is non-zero, as NumPy casts and Python tests.
            return vec![self.truth_of(from, a)];
        }
        if !is_complex(to) {
            // NumPy's unsafe cast to a real dtype keeps the real part (`c.astype(np.float64)`).
            let (re, _) = parts(a);
            let part = part_ty(from);
            return vec![match kind {
                CastKind::ToItem => self.convert_to_item(&part, to, re),
                CastKind::ToDtype => self.convert_to_dtype(&part, to, re),
                _ => self.ice(&format!("a conversion from {from} to {to}")),
            }];
        }
        let part = part_ty(to);
        let f32 = single(to);
        if is_complex(from) {
            // Each part converts as a float of the source's precision.
            let from_part = part_ty(from);
            let (re, im) = parts(a);
            return vec![
                self.part_convert(&from_part, &part, re),
                self.part_convert(&from_part, &part, im),
            ];
        }
        let [x] = a[..] else {
            self.ice("a real value has one operand")
        };
        let re = match (kind, from) {
            (CastKind::ToComplex, Ty::Int) => self.b.emit(MTy::F64, Rvalue::Cast(CastOp::IToF, x)),
            (CastKind::ToComplex, Ty::Bool) => self.b.emit(MTy::F64, Rvalue::Cast(CastOp::BToF, x)),
            (CastKind::ToComplex, _) => x,
            (CastKind::ToItem, _) => self.convert_to_item(from, &part, x),
            _ => self.convert_to_dtype(from, &part, x),
        };
        vec![re, zero(f32)]
    }

    /// One part of a complex number converted between part types (`Float`, `f64`, `f32`).
    fn part_convert(&mut self, from: &Ty, to: &Ty, x: Operand) -> Operand {
        let m = |t: &Ty| *t == Ty::Scalar(Dtype::F32);
        match (m(from), m(to)) {
            (false, true) => self.b.emit(MTy::F32, Rvalue::Cast(CastOp::FDemote, x)),
            (true, false) => self.b.emit(MTy::F64, Rvalue::Cast(CastOp::FPromote, x)),
            _ => x,
        }
    }

    /// An intrinsic with a complex operand or result.
    pub fn complex_intrinsic(
        &mut self,
        func: Intrinsic,
        tys: &[Ty],
        result: &Ty,
        args: Vec<Vec<Operand>>,
    ) -> Vec<Operand> {
        let arg_ty = &tys[0];
        let f32 = single(arg_ty) || single(result);
        match func {
            Intrinsic::Real => vec![parts(&args[0]).0],
            Intrinsic::Imag => vec![parts(&args[0]).1],
            Intrinsic::Conj => {
                let (re, im) = parts(&args[0]);
                vec![re, self.b.unary(UnOp::FNeg, im)]
            }
            Intrinsic::MakeComplex => vec![args[0][0], args[1][0]],
            Intrinsic::AbsComplex => {
                let (re, im) = parts(&args[0]);
                let rt = match (result, f32) {
                    (Ty::Float, _) => RtFn::CAbsPy,
                    (_, true) => RtFn::NpHypotF32,
                    _ => RtFn::NpHypotF64,
                };
                vec![self.b.call_rt(rt, vec![re, im])]
            }
            Intrinsic::Angle => {
                let (re, im) = parts(&args[0]);
                let rt = match (arg_ty, f32) {
                    (Ty::Complex, _) => return vec![self.b.call_rt(RtFn::CPhasePy, vec![re, im])],
                    (_, true) => RtFn::NpArctan2F32,
                    _ => RtFn::NpArctan2F64,
                };
                vec![self.b.call_rt(rt, vec![im, re])]
            }
            Intrinsic::IsNan | Intrinsic::IsInf | Intrinsic::IsFinite => {
                let (re, im) = parts(&args[0]);
                let part = part_ty(arg_ty);
                let r = self.part_test(func, &part, re);
                let i = self.part_test(func, &part, im);
                let op = if func == Intrinsic::IsFinite {
                    BinOp::And
                } else {
                    BinOp::Or
                };
                vec![self.b.binary(op, r, i)]
            }
            Intrinsic::Np(f) => {
                let (re, im) = parts(&args[0]);
                let rt = match (arg_ty, f32) {
                    (Ty::Complex, _) => RtFn::CMath,
                    (_, true) => RtFn::CFuncF32,
                    _ => RtFn::CFunc,
                };
                self.b.call_rt_multi(rt, vec![code(f), re, im])
            }
            Intrinsic::Select => {
                let c = args[0][0];
                let (ar, ai) = parts(&args[1]);
                let (br, bi) = parts(&args[2]);
                let m = if f32 { MTy::F32 } else { MTy::F64 };
                vec![
                    self.b.emit(m, Rvalue::Select(c, ar, br)),
                    self.b.emit(m, Rvalue::Select(c, ai, bi)),
                ]
            }
            _ => self.ice(&format!("{func:?} of a complex number")),
        }
    }

    /// `isnan`, `isinf` or `isfinite` of one part.
    fn part_test(&mut self, func: Intrinsic, part: &Ty, x: Operand) -> Operand {
        let inf = if *part == Ty::Scalar(Dtype::F32) {
            Operand::Const(MConst::F32(f32::INFINITY))
        } else {
            float(f64::INFINITY)
        };
        match func {
            Intrinsic::IsNan => self.b.cmp(Cmp::Ne, x, x),
            Intrinsic::IsInf => {
                let a = self.b.unary(UnOp::FAbs, x);
                self.b.cmp(Cmp::Eq, a, inf)
            }
            _ => {
                let a = self.b.unary(UnOp::FAbs, x);
                self.b.cmp(Cmp::Lt, a, inf)
            }
        }
    }
}
