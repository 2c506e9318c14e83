//! Complex numbers in expressions: Python `complex` arithmetic, `.real`, `.imag`, `.conjugate()`,
//! `complex()`, `abs()` and `cmath`, and the same on NumPy's complex scalars and arrays.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{
    ArrayInit, ArrayTy, BinaryOp, CastKind, CmpKind, CmpOp, Const, Dtype, Expr, ExprKind,
    Intrinsic, NpFn, Ty,
};

use crate::elementwise::is_array;
use crate::expr::{cast, konst, with_effect};
use crate::func::FnCx;
use crate::numeric::to_python;

/// Whether a type is Python `complex` or a NumPy complex scalar.
pub(crate) fn is_complex(ty: &Ty) -> bool {
    matches!(ty, Ty::Complex) || matches!(ty, Ty::Scalar(d) if d.is_complex())
}

/// A Python number (`int`, `bool`, `float` or `complex`) as a Python `complex`.
pub(crate) fn to_complex(v: Expr) -> Expr {
    let span = v.span;
    match (&v.kind, &v.ty) {
        (_, Ty::Complex) => v,
        (ExprKind::Const(Const::Int(i)), _) => konst(Const::Complex(*i as f64, 0.0), span),
        (ExprKind::Const(Const::Float(f)), _) => konst(Const::Complex(*f, 0.0), span),
        (ExprKind::Const(Const::Bool(b)), _) => {
            konst(Const::Complex(f64::from(u8::from(*b)), 0.0), span)
        }
        _ => cast(CastKind::ToComplex, v, Ty::Complex),
    }
}

/// The type of a part of a complex type: `float` for `complex`, `f64` for `c128`.
fn part_of(ty: &Ty) -> Ty {
    match ty {
        Ty::Scalar(d) => Ty::Scalar(d.part()),
        _ => Ty::Float,
    }
}

fn intrinsic(func: Intrinsic, args: Vec<Expr>, ty: Ty, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Intrinsic { func, args },
        ty,
        span,
    }
}

/// The `cmath` functions, by name: those with NumPy's name differing map to its [`NpFn`].
fn cmath_fn(name: &str) -> Option<NpFn> {
    let np = match name {
        "asin" => "arcsin",
        "acos" => "arccos",
        "atan" => "arctan",
        "asinh" => "arcsinh",
        "acosh" => "arccosh",
        "atanh" => "arctanh",
        "log2" | "exp2" | "expm1" | "log1p" | "sign" | "rint" => return None,
        n => n,
    };
    NpFn::from_name(np).filter(|f| f.complex_ok())
}

/// The `cmath` constants.
pub(crate) fn cmath_constant(name: &str) -> Option<Const> {
    Some(match name {
        "infj" => Const::Complex(0.0, f64::INFINITY),
        "nanj" => Const::Complex(0.0, f64::NAN),
        _ => Const::Float(crate::expr::math_constant(name)?),
    })
}

impl FnCx<'_, '_> {
    /// `l op r` of Python numbers where one is a `complex`: both widen to complex.
    pub(crate) fn complex_binary(
        &mut self,
        op: BinaryOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Expr> {
        if !matches!(
            op,
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::TrueDiv | BinaryOp::Pow
        ) {
            self.error(
                Code::TypeMismatch,
                format!(
                    "unsupported operand types for this operator: {} and {}",
                    l.ty, r.ty
                ),
                span,
                format!("{} and {}", l.ty, r.ty),
                "complex numbers support + - * / and **",
            );
            return None;
        }
        Some(Expr {
            kind: ExprKind::Binary {
                op,
                lhs: Box::new(to_complex(l)),
                rhs: Box::new(to_complex(r)),
            },
            ty: Ty::Complex,
            span,
        })
    }

    /// A comparison chain of Python numbers with a `complex` among them: only `==` and `!=`.
    pub(crate) fn complex_compare(
        &mut self,
        operands: Vec<Expr>,
        ops: &[CmpOp],
        span: Span,
    ) -> Option<Expr> {
        if !self.complex_equality(ops, span) {
            return None;
        }
        Some(Expr {
            kind: ExprKind::Compare {
                operands: operands.into_iter().map(to_complex).collect(),
                ops: ops.iter().map(|o| (*o, CmpKind::Complex)).collect(),
            },
            ty: Ty::Bool,
            span,
        })
    }

    /// Whether every operator of a comparison of complex numbers is `==` or `!=` (else an error).
    pub(crate) fn complex_equality(&mut self, ops: &[CmpOp], span: Span) -> bool {
        if ops.iter().all(|o| matches!(o, CmpOp::Eq | CmpOp::Ne)) {
            return true;
        }
        self.error(
            Code::TypeMismatch,
            "complex numbers have no order",
            span,
            "ordering comparison",
            "compare with == or !=, or compare abs(z) or z.real",
        );
        false
    }

    /// `v.real` and `v.imag` of a number (complex, float, int, bool or a NumPy scalar).
    pub(crate) fn number_part(&mut self, v: Expr, imag: bool, span: Span) -> Option<Expr> {
        if is_complex(&v.ty) {
            let ty = part_of(&v.ty);
            let func = if imag {
                Intrinsic::Imag
            } else {
                Intrinsic::Real
            };
            return Some(intrinsic(func, vec![v], ty, span));
        }
        let v = match v.ty {
            Ty::Bool => cast(CastKind::BoolToInt, v, Ty::Int),
            _ => v,
        };
        if !imag {
            return Some(Expr { span, ..v });
        }
        let zero = match &v.ty {
            Ty::Int => konst(Const::Int(0), span),
            Ty::Float => konst(Const::Float(0.0), span),
            Ty::Scalar(d) => {
                let d = if *d == Dtype::B1 { Dtype::B1 } else { *d };
                crate::numeric::to_dtype(konst(Const::Int(0), span), d)
            }
            _ => return None,
        };
        Some(with_effect(v, zero))
    }

    /// `v.real` / `v.imag` (and `np.real(v)`, `np.imag(v)`) of a number or an array: of a complex
    /// array a view of the part, of a real array the array itself or new zeros.
    pub(crate) fn part_of_value(&mut self, v: Expr, imag: bool, span: Span) -> Option<Expr> {
        let Ty::Array(a) = v.ty else {
            return self.number_part(v, imag, span);
        };
        if a.dtype.is_complex() {
            let ty = Ty::Array(ArrayTy {
                dtype: a.dtype.part(),
                ndim: a.ndim,
                contig: false,
            });
            return Some(Expr {
                kind: ExprKind::PartView {
                    array: Box::new(v),
                    imag,
                },
                ty,
                span,
            });
        }
        if !imag {
            return Some(Expr { span, ..v });
        }
        Some(Expr {
            kind: ExprKind::NewArrayLike {
                init: ArrayInit::Zeros,
                source: Box::new(v),
            },
            ty: crate::array::contiguous(a.dtype, a.ndim as usize),
            span,
        })
    }

    /// `a ** 2` of a complex array (the operator with the int 2), which NumPy computes as
    /// `np.square(a)`: one complex product per element, where `np.power` would treat zeros apart.
    pub(crate) fn complex_array_square(
        &mut self,
        op: pyaot_syntax::ast::BinOp,
        l: &Expr,
        right: &pyaot_syntax::ast::Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        let complex_array = matches!(l.ty, Ty::Array(a) if a.dtype.is_complex());
        let two = matches!(right.kind, pyaot_syntax::ast::ExprKind::Int(Some(2)));
        if op != pyaot_syntax::ast::BinOp::Pow || !complex_array || !two {
            return None;
        }
        Some(self.elementwise(vec![l.clone()], span, |cx, mut e| {
            let e = e.pop()?;
            cx.np_binary(BinaryOp::Mul, e.clone(), e, span)
        }))
    }

    /// `v.conjugate()` of a number or an array.
    pub(crate) fn conjugate(&mut self, v: Expr, span: Span) -> Option<Expr> {
        if is_array(&v.ty) {
            return self.elementwise(vec![v], span, |cx, mut e| cx.conjugate(e.pop()?, span));
        }
        if is_complex(&v.ty) {
            let ty = v.ty.clone();
            return Some(intrinsic(Intrinsic::Conj, vec![v], ty, span));
        }
        if v.ty.is_numeric() || matches!(v.ty, Ty::Scalar(_)) {
            return Some(Expr { span, ..v });
        }
        self.error(
            Code::TypeMismatch,
            format!("{} has no conjugate()", v.ty),
            v.span,
            format!("this is {}", v.ty),
            "conjugate() works on numbers and arrays",
        );
        None
    }

    /// `abs(z)` of a complex scalar: Python `complex` gives `float`, NumPy complex its part dtype.
    pub(crate) fn complex_abs(&mut self, v: Expr, span: Span) -> Expr {
        let ty = part_of(&v.ty);
        intrinsic(Intrinsic::AbsComplex, vec![v], ty, span)
    }

    /// `np.angle(z)`: the argument of a complex number, or of a real one (0 or pi).
    pub(crate) fn angle(&mut self, v: Expr, span: Span) -> Expr {
        let v = if matches!(v.ty, Ty::Scalar(d) if d.is_complex()) {
            v
        } else if v.ty == Ty::Complex {
            // NumPy's angle of a Python complex (never an error; cmath.phase may raise).
            crate::numeric::to_dtype(v, Dtype::C128)
        } else {
            let d = match v.ty {
                Ty::Scalar(Dtype::F32) => Dtype::C64,
                _ => Dtype::C128,
            };
            crate::numeric::to_dtype(v, d)
        };
        let ty = part_of(&v.ty);
        intrinsic(Intrinsic::Angle, vec![v], ty, span)
    }

    /// `complex()`, `complex(x)` and `complex(re, im)` of numbers.
    pub(crate) fn complex_builtin(&mut self, vals: Vec<Expr>, span: Span) -> Option<Expr> {
        // A fixed-width real number converts through its __float__ (a u64 beyond the int range too).
        let vals: Vec<Expr> = vals
            .into_iter()
            .map(|v| match v.ty {
                Ty::Scalar(d) if !d.is_complex() => crate::expr::to_float(to_python(v)),
                _ => to_python(v),
            })
            .collect();
        for v in &vals {
            if !(v.ty.is_numeric() || v.ty == Ty::Complex) {
                self.error(
                    Code::TypeMismatch,
                    format!("complex() needs numbers, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass ints, floats or complex numbers",
                );
                return None;
            }
        }
        let mut it = vals.into_iter();
        match (it.next(), it.next(), it.next()) {
            (None, _, _) => Some(konst(Const::Complex(0.0, 0.0), span)),
            (Some(x), None, _) => Some(Expr {
                span,
                ..to_complex(x)
            }),
            (Some(re), Some(im), None) if re.ty != Ty::Complex && im.ty != Ty::Complex => {
                let (re, im) = (crate::expr::to_float(re), crate::expr::to_float(im));
                Some(intrinsic(
                    Intrinsic::MakeComplex,
                    vec![re, im],
                    Ty::Complex,
                    span,
                ))
            }
            (Some(_), Some(_), None) => {
                self.error(
                    Code::UnsupportedSyntax,
                    "complex(re, im) with a complex argument is not supported",
                    span,
                    "complex argument",
                    "write re + im * 1j",
                );
                None
            }
            _ => {
                self.error(
                    Code::ArgumentMismatch,
                    "complex() takes at most 2 arguments",
                    span,
                    "too many arguments",
                    "pass the real and the imaginary part",
                );
                None
            }
        }
    }

    /// `cmath.<name>(args)`.
    pub(crate) fn cmath_call(
        &mut self,
        name: &str,
        vals: Vec<Expr>,
        fspan: Span,
        span: Span,
    ) -> Option<Expr> {
        let vals: Vec<Expr> = vals.into_iter().map(to_python).collect();
        let want = match name {
            _ if name == "log" && vals.len() == 2 => {
                self.error(
                    Code::UnsupportedLibraryCall,
                    "cmath.log() with a base is not supported",
                    span,
                    "base argument",
                    "divide: cmath.log(z) / cmath.log(base)",
                );
                return None;
            }
            _ => 1,
        };
        if vals.len() != want {
            self.error(
                Code::ArgumentMismatch,
                format!(
                    "cmath.{name}() takes {want} argument(s), got {}",
                    vals.len()
                ),
                span,
                "wrong number of arguments",
                format!("see the signature of cmath.{name}()"),
            );
            return None;
        }
        for v in &vals {
            if !(v.ty.is_numeric() || v.ty == Ty::Complex) {
                self.error(
                    Code::TypeMismatch,
                    format!("cmath.{name}() needs numbers, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass ints, floats or complex numbers",
                );
                return None;
            }
        }
        let z = vals.into_iter().next()?;
        match name {
            "phase" => {
                let z = to_complex(z);
                Some(intrinsic(Intrinsic::Angle, vec![z], Ty::Float, span))
            }
            "isnan" | "isinf" | "isfinite" => {
                let func = match name {
                    "isnan" => Intrinsic::IsNan,
                    "isinf" => Intrinsic::IsInf,
                    _ => Intrinsic::IsFinite,
                };
                Some(intrinsic(func, vec![to_complex(z)], Ty::Bool, span))
            }
            _ => match cmath_fn(name) {
                Some(f) => Some(intrinsic(
                    Intrinsic::Np(f),
                    vec![to_complex(z)],
                    Ty::Complex,
                    span,
                )),
                None => {
                    self.error(
                        Code::UnknownName,
                        format!("`cmath.{name}` is not supported in compiled code"),
                        fspan,
                        "not supported",
                        "see docs/language.md for the supported cmath functions",
                    );
                    None
                }
            },
        }
    }
}
