//! NumPy's element-wise functions (`np.sqrt`, `np.maximum`, `np.where`, ...) on arrays and scalars.
//!
//! On arrays they join the fused `Map` of their operands like operators do; on scalars they give
//! NumPy scalars (`np.sqrt(2.0)` is an `np.float64`). Result dtypes follow NumPy's type resolution:
//! float functions of int16/uint16 give float32, of wider integers float64; int8, uint8 and bool
//! would give float16, which pyaot does not have.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{CastKind, Dtype, Expr, ExprKind, Intrinsic, NpFn, Ty};
use pyaot_syntax::ast;

use crate::elementwise::is_array;
use crate::expr::{konst, with_effect};
use crate::func::FnCx;
use crate::numeric::{to_dtype, to_python};

/// The NumPy functions this module compiles, besides those of [`NpFn`].
const OTHERS: &[&str] = &[
    "abs",
    "absolute",
    "square",
    "power",
    "clip",
    "where",
    "isnan",
    "isinf",
    "isfinite",
    "negative",
    "positive",
    "invert",
    "bitwise_not",
    "logical_not",
    "logical_and",
    "logical_or",
    "logical_xor",
    "real",
    "imag",
    "conj",
    "conjugate",
    "angle",
];

/// NumPy functions that are an operator: `np.add(a, b)` is `a + b`.
const OPERATORS: &[(&str, ast::BinOp)] = &[
    ("add", ast::BinOp::Add),
    ("subtract", ast::BinOp::Sub),
    ("multiply", ast::BinOp::Mul),
    ("divide", ast::BinOp::Div),
    ("true_divide", ast::BinOp::Div),
    ("floor_divide", ast::BinOp::FloorDiv),
    ("remainder", ast::BinOp::Mod),
    ("mod", ast::BinOp::Mod),
    ("bitwise_and", ast::BinOp::BitAnd),
    ("bitwise_or", ast::BinOp::BitOr),
    ("bitwise_xor", ast::BinOp::BitXor),
];

/// NumPy functions that are a comparison: `np.less(a, b)` is `a < b`.
const COMPARISONS: &[(&str, ast::CmpOp)] = &[
    ("less", ast::CmpOp::Lt),
    ("less_equal", ast::CmpOp::LtE),
    ("greater", ast::CmpOp::Gt),
    ("greater_equal", ast::CmpOp::GtE),
    ("equal", ast::CmpOp::Eq),
    ("not_equal", ast::CmpOp::NotEq),
];

/// Whether `np.<name>` is an element-wise function compiled here.
pub(crate) fn is_ufunc(name: &str) -> bool {
    NpFn::from_name(name).is_some()
        || OTHERS.contains(&name)
        || OPERATORS.iter().any(|(n, _)| *n == name)
        || COMPARISONS.iter().any(|(n, _)| *n == name)
}

/// The operator and comparison functions, with their parameters, for docs/numpy.md.
pub(crate) fn operator_names() -> impl Iterator<Item = &'static str> {
    OPERATORS
        .iter()
        .map(|(n, _)| *n)
        .chain(COMPARISONS.iter().map(|(n, _)| *n))
        .chain(["logical_and", "logical_or", "logical_xor"])
}

/// The fixed-width dtype NumPy gives a Python scalar operand on its own.
fn default_dtype(t: &Ty) -> Option<Dtype> {
    match t {
        Ty::Scalar(d) => Some(*d),
        Ty::Int => Some(Dtype::I64),
        Ty::Float => Some(Dtype::F64),
        Ty::Complex => Some(Dtype::C128),
        Ty::Bool => Some(Dtype::B1),
        Ty::Array(a) => Some(a.dtype),
        _ => None,
    }
}

/// The float dtype a float function computes in for an operand dtype, if pyaot has it.
fn float_for(d: Dtype) -> Option<Dtype> {
    match d {
        Dtype::F32 | Dtype::I16 | Dtype::U16 => Some(Dtype::F32),
        Dtype::B1 | Dtype::I8 | Dtype::U8 => None,
        _ => Some(Dtype::F64),
    }
}

impl FnCx<'_, '_> {
    /// `np.<name>(args)` for an element-wise function.
    pub(crate) fn ufunc_call(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        if let Some(k) = keywords.first() {
            self.error(
                Code::ArgumentMismatch,
                format!("np.{name}() keyword arguments are not supported"),
                k.span,
                "keyword argument",
                "pass the operands by position (out=, where= and dtype= are not supported)",
            );
            return None;
        }
        let binary_fn = OPERATORS.iter().any(|(n, _)| *n == name)
            || COMPARISONS.iter().any(|(n, _)| *n == name)
            || name.starts_with("logical_") && name != "logical_not";
        let arity = match name {
            "clip" | "where" => 3,
            "power" => 2,
            _ if binary_fn => 2,
            _ => NpFn::from_name(name).map_or(1, |f| f.arity()),
        };
        if args.len() != arity {
            self.error(
                Code::ArgumentMismatch,
                format!(
                    "np.{name}() takes {arity} argument{}, got {}",
                    if arity == 1 { "" } else { "s" },
                    args.len()
                ),
                span,
                "wrong number of arguments",
                format!("pass {arity} operand{}", if arity == 1 { "" } else { "s" }),
            );
            return None;
        }
        let vals: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a)).collect();
        let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
        // Tuples of numbers are arrays to NumPy's functions.
        let vals: Vec<Option<Expr>> = vals.into_iter().map(|v| self.tuple_as_array(v)).collect();
        let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
        for v in &vals {
            if default_dtype(&v.ty).is_none() {
                self.error(
                    Code::TypeMismatch,
                    format!("np.{name}() needs numbers or arrays, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "pass numbers or arrays",
                );
                return None;
            }
        }
        // Python scalars stay weak next to an array or a NumPy scalar; two of them are NumPy's
        // defaults (`np.add(7, 2)` is an np.int64).
        let all_python = vals
            .iter()
            .all(|v| matches!(v.ty, Ty::Int | Ty::Float | Ty::Bool | Ty::Complex));
        let vals: Vec<Expr> = if all_python {
            vals.into_iter().map(as_numpy).collect()
        } else {
            vals
        };
        if let Some((_, op)) = OPERATORS.iter().find(|(n, _)| *n == name) {
            let mut it = vals.into_iter();
            let (a, b) = (it.next()?, it.next()?);
            return self.binary(*op, a, b, span);
        }
        if let Some((_, op)) = COMPARISONS.iter().find(|(n, _)| *n == name) {
            let mut it = vals.into_iter();
            let (a, b) = (it.next()?, it.next()?);
            let hop = crate::expr::cmp_op(*op)?;
            if is_array(&a.ty) || is_array(&b.ty) {
                return self.array_compare(hop, a, b, span);
            }
            let (operands, kind) = self.np_compare_operands(vec![a, b], span)?;
            return Some(Expr {
                kind: ExprKind::Compare {
                    operands,
                    ops: vec![(hop, kind)],
                },
                ty: Ty::Scalar(Dtype::B1),
                span,
            });
        }
        match name {
            "real" | "imag" => {
                let v = vals.into_iter().next()?;
                self.part_of_value(v, name == "imag", span)
            }
            "conj" | "conjugate" => {
                let v = vals.into_iter().next()?;
                self.conjugate(as_numpy(v), span)
            }
            "angle" => {
                let v = vals.into_iter().next()?;
                self.elementwise(vec![v], span, |cx, mut e| {
                    let e = as_numpy(e.pop()?);
                    Some(cx.angle(e, span))
                })
            }
            "power" => {
                let mut it = vals.into_iter();
                let (a, b) = (it.next()?, it.next()?);
                self.binary(ast::BinOp::Pow, a, b, span)
            }
            "invert" | "bitwise_not" => {
                let v = vals.into_iter().next()?;
                self.elementwise(vec![v], span, |cx, mut e| {
                    let e = e.pop()?;
                    cx.np_unary(Some(pyaot_hir::UnaryOp::Invert), as_numpy(e), span)
                })
            }
            "logical_not" | "logical_and" | "logical_or" | "logical_xor" => {
                self.elementwise(vals, span, |cx, elems| {
                    let mut bits = Vec::new();
                    for e in elems {
                        let t = cx.truth(e)?;
                        bits.push(to_dtype(t, Dtype::B1));
                    }
                    let mut it = bits.into_iter();
                    let a = it.next()?;
                    let op = match name {
                        "logical_and" => pyaot_hir::BinaryOp::BitAnd,
                        "logical_or" => pyaot_hir::BinaryOp::BitOr,
                        "logical_xor" => pyaot_hir::BinaryOp::BitXor,
                        _ => {
                            let one =
                                to_dtype(konst(pyaot_hir::Const::Bool(true), span), Dtype::B1);
                            return cx.np_binary(pyaot_hir::BinaryOp::BitXor, a, one, span);
                        }
                    };
                    cx.np_binary(op, a, it.next()?, span)
                })
            }
            "negative" => {
                let v = vals.into_iter().next()?;
                self.elementwise(vec![v], span, |cx, mut e| {
                    let e = e.pop()?;
                    cx.np_unary(Some(pyaot_hir::UnaryOp::Neg), as_numpy(e), span)
                })
            }
            "positive" => {
                let v = vals.into_iter().next()?;
                self.elementwise(vec![v], span, |cx, mut e| {
                    let e = e.pop()?;
                    cx.np_unary(None, as_numpy(e), span)
                })
            }
            _ => self.elementwise(vals, span, |cx, elems| cx.ufunc_body(name, elems, span)),
        }
    }

    /// The scalar expression of one element of `np.<name>(elems)`.
    pub(crate) fn ufunc_body(&mut self, name: &str, elems: Vec<Expr>, span: Span) -> Option<Expr> {
        let unsupported = |cx: &mut Self, d: Dtype| {
            cx.error(
                Code::UnsupportedLibraryCall,
                format!("np.{name}() of {} is not supported", d.name()),
                span,
                format!("{} operand", d.name()),
                "NumPy computes this in float16, which pyaot does not have: convert the operand to float32 or float64 first",
            );
            None
        };
        if let Some(f) = NpFn::from_name(name) {
            let tys: Vec<&Ty> = elems.iter().map(|e| &e.ty).collect();
            let d = self.result_dtype(&tys, span)?;
            if d.is_complex() {
                if !f.complex_ok() {
                    self.error(
                        Code::UnsupportedLibraryCall,
                        format!("np.{name}() of {} is not supported", d.name()),
                        span,
                        format!("{} operand", d.name()),
                        "NumPy has no complex version of this function: apply it to .real and .imag",
                    );
                    return None;
                }
                return Some(np_element(f, elems, d, span));
            }
            // NumPy 2 rounds integers to themselves, keeping their dtype.
            if matches!(f, NpFn::Floor | NpFn::Ceil | NpFn::Trunc) && !d.is_float() {
                let e = elems.into_iter().next()?;
                return Some(Expr {
                    span,
                    ..to_dtype(e, d)
                });
            }
            let d = if f.float_only() {
                // NumPy takes the first float loop every fixed-width operand casts to safely
                // (`copysign(i8, u16)` runs in float32), and no narrower than the result type.
                let mut need = if d.is_float() { Some(d) } else { None };
                for e in &elems {
                    if let Ty::Scalar(x) = e.ty {
                        need = match (need, float_for(x)) {
                            (Some(a), Some(b)) => Some(a.max(b)),
                            (a, b) => a.or(b),
                        };
                    }
                }
                match need {
                    Some(fd) => fd,
                    None => return unsupported(self, d),
                }
            } else {
                if f == NpFn::Sign && d == Dtype::B1 {
                    self.error(
                        Code::UnsupportedLibraryCall,
                        "np.sign() of a bool is not supported",
                        span,
                        "bool operand",
                        "NumPy has no sign for booleans: convert to an integer first",
                    );
                    return None;
                }
                d
            };
            return Some(np_element(f, elems, d, span));
        }
        let mut elems = elems.into_iter();
        let first = elems.next()?;
        match name {
            "abs" | "absolute" => {
                let d = default_dtype(&first.ty)?;
                let e = to_dtype(first, d);
                Some(match d {
                    Dtype::B1 => e,
                    d if d.is_complex() => self.complex_abs(e, span),
                    d if d.is_float() => Expr {
                        kind: ExprKind::Intrinsic {
                            func: Intrinsic::Np(NpFn::Fabs),
                            args: vec![e],
                        },
                        ty: Ty::Scalar(d),
                        span,
                    },
                    d => Expr {
                        kind: ExprKind::Intrinsic {
                            func: Intrinsic::AbsInt,
                            args: vec![e],
                        },
                        ty: Ty::Scalar(d),
                        span,
                    },
                })
            }
            "square" => {
                let d = default_dtype(&first.ty)?;
                let d = if d == Dtype::B1 { Dtype::I8 } else { d };
                let e = to_dtype(first, d);
                if pure(&e) {
                    self.np_binary(pyaot_hir::BinaryOp::Mul, e.clone(), e, span)
                } else {
                    let two = to_dtype(konst(pyaot_hir::Const::Int(2), span), d);
                    self.np_binary(pyaot_hir::BinaryOp::Pow, e, two, span)
                }
            }
            "isnan" | "isinf" | "isfinite" => {
                let d = default_dtype(&first.ty)?;
                if !d.is_inexact() {
                    let value = name == "isfinite";
                    let c = to_dtype(konst(pyaot_hir::Const::Bool(value), span), Dtype::B1);
                    return Some(with_effect(first, c));
                }
                let func = match name {
                    "isnan" => Intrinsic::IsNan,
                    "isinf" => Intrinsic::IsInf,
                    _ => Intrinsic::IsFinite,
                };
                let x = to_python(to_dtype(first, d));
                let test = Expr {
                    kind: ExprKind::Intrinsic {
                        func,
                        args: vec![x],
                    },
                    ty: Ty::Bool,
                    span,
                };
                Some(to_dtype(test, Dtype::B1))
            }
            "clip" => {
                let (lo, hi) = (elems.next()?, elems.next()?);
                let tys = [&first.ty, &lo.ty, &hi.ty];
                let d = self.result_dtype(&tys, span)?;
                if d.is_complex() {
                    self.error(
                        Code::UnsupportedLibraryCall,
                        "np.clip() of complex numbers is not supported",
                        span,
                        "complex operand",
                        "complex numbers have no order: clip .real and .imag",
                    );
                    return None;
                }
                let np = |f: NpFn, a: Expr, b: Expr| Expr {
                    kind: ExprKind::Intrinsic {
                        func: Intrinsic::Np(f),
                        args: vec![a, b],
                    },
                    ty: Ty::Scalar(d),
                    span,
                };
                let low = np(NpFn::Maximum, to_dtype(first, d), to_dtype(lo, d));
                Some(np(NpFn::Minimum, low, to_dtype(hi, d)))
            }
            "where" => {
                let (x, y) = (elems.next()?, elems.next()?);
                let d = self.result_dtype(&[&x.ty, &y.ty], span)?;
                let cond = match first.ty {
                    Ty::Bool => first,
                    _ => self.truth(first)?,
                };
                Some(Expr {
                    kind: ExprKind::Intrinsic {
                        func: Intrinsic::Select,
                        args: vec![cond, to_dtype(x, d), to_dtype(y, d)],
                    },
                    ty: Ty::Scalar(d),
                    span,
                })
            }
            _ => unreachable!("is_ufunc lists the names"),
        }
    }

    /// NumPy's result dtype of operands, Python scalars weak; all-Python operands take their defaults.
    fn result_dtype(&mut self, tys: &[&Ty], span: Span) -> Option<Dtype> {
        if tys.iter().any(|t| matches!(t, Ty::Scalar(_))) {
            return self.common_dtype(tys, span);
        }
        let strong: Vec<Ty> = tys
            .iter()
            .map(|t| default_dtype(t).map_or((*t).clone(), Ty::Scalar))
            .collect();
        let refs: Vec<&Ty> = strong.iter().collect();
        self.common_dtype(&refs, span)
    }

    /// `build` over the elements of the operands: a fused map when one is an array, else the
    /// scalar expression itself.
    pub(crate) fn elementwise(
        &mut self,
        operands: Vec<Expr>,
        span: Span,
        build: impl FnOnce(&mut Self, Vec<Expr>) -> Option<Expr>,
    ) -> Option<Expr> {
        if !operands.iter().any(|o| is_array(&o.ty)) {
            return build(self, operands);
        }
        let mut m = crate::elementwise::merge(operands);
        let elems = std::mem::take(&mut m.elems);
        let body = build(self, elems)?;
        self.finish_map(m, body, span)
    }
}

/// NumPy's element function `f` of operands converted to its loop dtype `d`.
fn np_element(f: NpFn, elems: Vec<Expr>, d: Dtype, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Intrinsic {
            func: Intrinsic::Np(f),
            args: elems.into_iter().map(|e| to_dtype(e, d)).collect(),
        },
        ty: Ty::Scalar(d),
        span,
    }
}

/// A Python scalar as the NumPy scalar NumPy would make of it (fixed-width values unchanged).
fn as_numpy(e: Expr) -> Expr {
    match (&e.ty, default_dtype(&e.ty)) {
        (Ty::Int | Ty::Float | Ty::Bool | Ty::Complex, Some(d)) => to_dtype(e, d),
        _ => e,
    }
}

/// Whether evaluating an expression twice is free of effects: element reads, locals and
/// constants, and NumPy's (never raising) element arithmetic on them.
fn pure(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Elem(_) | ExprKind::Local(_) | ExprKind::Const(_) => true,
        ExprKind::Cast {
            kind: CastKind::ToDtype,
            operand,
            ..
        } => pure(operand),
        ExprKind::Binary { op, lhs, rhs } if matches!(e.ty, Ty::Scalar(d) if d.is_inexact()) => {
            *op != pyaot_hir::BinaryOp::Pow && pure(lhs) && pure(rhs)
        }
        ExprKind::Unary { operand, .. } => pure(operand),
        ExprKind::Intrinsic {
            func: Intrinsic::Np(_),
            args,
        } => args.iter().all(pure),
        _ => false,
    }
}
