//! Fixed-width NumPy scalars in expressions: NumPy 2 promotion, where Python scalars are "weak".

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{BinaryOp, CastKind, CmpKind, Dtype, Expr, ExprKind, Ty, UnaryOp};

use crate::expr::cast;
use crate::func::FnCx;

/// The signed integer dtype of a size in bytes.
fn signed_of(size: i64) -> Dtype {
    match size {
        1 => Dtype::I8,
        2 => Dtype::I16,
        4 => Dtype::I32,
        _ => Dtype::I64,
    }
}

/// NumPy's result type of two fixed-width dtypes.
pub(crate) fn promote(a: Dtype, b: Dtype) -> Dtype {
    use Dtype::*;
    if a == b {
        return a;
    }
    if a.is_complex() || b.is_complex() {
        let (c, x) = if a.is_complex() { (a, b) } else { (b, a) };
        // complex64 holds bools, 8- and 16-bit integers and float32 exactly enough; wider gives complex128.
        return match (c, x) {
            (C64, C64 | F32 | B1 | I8 | U8 | I16 | U16) => C64,
            _ => C128,
        };
    }
    match (a, b) {
        (B1, x) | (x, B1) => x,
        (F64, _) | (_, F64) => F64,
        (F32, x) | (x, F32) => {
            if x.itemsize() <= 2 {
                F32
            } else {
                F64
            }
        }
        _ => {
            let (sa, sb) = (a.itemsize(), b.itemsize());
            match (a.is_unsigned(), b.is_unsigned()) {
                (false, false) => signed_of(sa.max(sb)),
                (true, true) => {
                    if sa >= sb {
                        a
                    } else {
                        b
                    }
                }
                _ => {
                    let (s, u) = if a.is_unsigned() { (b, a) } else { (a, b) };
                    if u.itemsize() < s.itemsize() {
                        s
                    } else if u == U64 {
                        F64
                    } else {
                        signed_of(u.itemsize() * 2)
                    }
                }
            }
        }
    }
}

/// The result dtype of a fixed-width dtype combined with a Python scalar (NumPy 2: the Python value is weak).
pub(crate) fn promote_weak(d: Dtype, py: &Ty) -> Dtype {
    match (py, d) {
        (Ty::Complex, d) if d.is_complex() => d,
        (Ty::Complex, Dtype::F32) => Dtype::C64,
        (Ty::Complex, _) => Dtype::C128,
        (Ty::Float, d) if d.is_inexact() => d,
        (Ty::Float, _) => Dtype::F64,
        (_, Dtype::B1) if *py != Ty::Bool => Dtype::I64,
        (_, d) => d,
    }
}

/// Converts a value to a fixed-width dtype (a no-op when it already is one).
pub(crate) fn to_dtype(v: Expr, d: Dtype) -> Expr {
    if v.ty == Ty::Scalar(d) {
        return v;
    }
    cast(CastKind::ToDtype, v, Ty::Scalar(d))
}

/// Converts a value stored into an array of `d`, as NumPy's item assignment does (see `CastKind::ToItem`).
pub(crate) fn to_item(v: Expr, d: Dtype) -> Expr {
    if v.ty == Ty::Scalar(d) {
        return v;
    }
    cast(CastKind::ToItem, v, Ty::Scalar(d))
}

/// The Python type a fixed-width dtype converts to: `int`, `float`, `complex` or `bool`.
pub(crate) fn python_ty(d: Dtype) -> Ty {
    if d.is_complex() {
        Ty::Complex
    } else if d.is_float() {
        Ty::Float
    } else if d == Dtype::B1 {
        Ty::Bool
    } else {
        Ty::Int
    }
}

/// A fixed-width scalar as the matching Python value (other values are returned unchanged).
pub(crate) fn to_python(v: Expr) -> Expr {
    match v.ty {
        Ty::Scalar(d) => cast(CastKind::FromDtype, v, python_ty(d)),
        _ => v,
    }
}

impl FnCx<'_, '_> {
    /// The common dtype of operands of which at least one is a fixed-width scalar.
    pub(crate) fn common_dtype(&mut self, tys: &[&Ty], span: Span) -> Option<Dtype> {
        let mut strong: Option<Dtype> = None;
        for t in tys {
            match t {
                Ty::Scalar(d) => strong = Some(strong.map_or(*d, |s| promote(s, *d))),
                Ty::Int | Ty::Float | Ty::Bool | Ty::Complex => {}
                other => {
                    self.error(
                        Code::TypeMismatch,
                        format!("cannot combine {other} with a fixed-width number"),
                        span,
                        format!("this involves {other}"),
                        "use numbers",
                    );
                    return None;
                }
            }
        }
        let mut d = strong?;
        for t in tys {
            if !matches!(t, Ty::Scalar(_)) {
                d = promote_weak(d, t);
            }
        }
        Some(d)
    }

    /// A binary operator where an operand is a fixed-width scalar, with NumPy's result type.
    pub(crate) fn np_binary(&mut self, op: BinaryOp, l: Expr, r: Expr, span: Span) -> Option<Expr> {
        let d = self.common_dtype(&[&l.ty, &r.ty], span)?;
        let bitwise = matches!(op, BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor);
        let unsupported = |cx: &mut Self, why: &str| {
            cx.error(
                Code::TypeMismatch,
                format!(
                    "unsupported operand types for this operator: {} and {}",
                    l.ty, r.ty
                ),
                span,
                format!("{} and {}", l.ty, r.ty),
                why.to_string(),
            );
            None
        };
        if bitwise && d.is_inexact() {
            return unsupported(self, "bitwise operators need integers or bools");
        }
        if d.is_complex() && matches!(op, BinaryOp::FloorDiv | BinaryOp::Mod) {
            return unsupported(self, "NumPy has no `//` or `%` for complex numbers");
        }
        if matches!(op, BinaryOp::LShift | BinaryOp::RShift) {
            return unsupported(
                self,
                "shifts of fixed-width integers are not supported yet; convert with int(...)",
            );
        }
        if d == Dtype::B1 && !bitwise {
            return unsupported(
                self,
                "arithmetic on two b1 values is not supported; convert to int first",
            );
        }
        let (operand, result) = match op {
            BinaryOp::TrueDiv if !d.is_inexact() => (Dtype::F64, Dtype::F64),
            _ => (d, d),
        };
        Some(Expr {
            kind: ExprKind::Binary {
                op,
                lhs: Box::new(to_dtype(l, operand)),
                rhs: Box::new(to_dtype(r, operand)),
            },
            ty: Ty::Scalar(result),
            span,
        })
    }

    /// A unary `-`, `+` or `~` of a fixed-width scalar.
    pub(crate) fn np_unary(&mut self, op: Option<UnaryOp>, v: Expr, span: Span) -> Option<Expr> {
        let Ty::Scalar(d) = v.ty else {
            unreachable!("only called for fixed-width scalars")
        };
        let ok = match op {
            None => d != Dtype::B1,
            Some(UnaryOp::Neg) => d != Dtype::B1,
            Some(UnaryOp::Invert) => !d.is_inexact(),
        };
        if !ok {
            self.error(
                Code::TypeMismatch,
                format!("bad operand type for this unary operator: {}", v.ty),
                v.span,
                format!("this is {}", v.ty),
                "use a number of a supported kind",
            );
            return None;
        }
        let Some(op) = op else {
            return Some(Expr { span, ..v });
        };
        let ty = v.ty.clone();
        Some(Expr {
            kind: ExprKind::Unary {
                op,
                operand: Box::new(v),
            },
            ty,
            span,
        })
    }

    /// Converts every operand of a comparison chain that involves a fixed-width scalar to the common dtype.
    pub(crate) fn np_compare_operands(
        &mut self,
        operands: Vec<Expr>,
        span: Span,
    ) -> Option<(Vec<Expr>, CmpKind)> {
        let tys: Vec<Ty> = operands.iter().map(|o| o.ty.clone()).collect();
        let refs: Vec<&Ty> = tys.iter().collect();
        let d = self.common_dtype(&refs, span)?;
        // NumPy compares each link with its own promotion; one dtype for the chain is only right
        // when every link promotes to it.
        for pair in refs.windows(2) {
            if self.common_dtype(pair, span)? != d {
                self.error(
                    Code::TypeMismatch,
                    "the links of this comparison chain promote to different dtypes",
                    span,
                    "comparison chain",
                    "NumPy compares each pair with its own promotion: split the chain with `and`",
                );
                return None;
            }
        }
        let kind = match d {
            d if d.is_complex() => CmpKind::Complex,
            Dtype::B1 => CmpKind::Bool,
            Dtype::U64 => CmpKind::UInt,
            d if d.is_float() => CmpKind::Float,
            _ => CmpKind::Int,
        };
        Some((operands.into_iter().map(|o| to_dtype(o, d)).collect(), kind))
    }
}

/// Whether a variable of type `from` may become type `to`: a Python number the fixed-width type of
/// its kind (`0.0` then `f64`), a C-contiguous array a strided one of the same dtype and rank.
pub(crate) fn widens_to(from: &Ty, to: &Ty) -> bool {
    match (from, to) {
        (Ty::Array(a), Ty::Array(b)) => {
            a.dtype == b.dtype && a.ndim == b.ndim && a.contig && !b.contig
        }
        (Ty::Float, Ty::Scalar(d)) => d.is_float(),
        (Ty::Complex, Ty::Scalar(d)) => d.is_complex(),
        (Ty::Int, Ty::Scalar(d)) => *d != Dtype::B1,
        (Ty::Bool, Ty::Scalar(d)) => *d == Dtype::B1,
        _ => false,
    }
}

/// A contiguous array passed where a strided one of the same dtype and rank is expected (same ABI),
/// also inside tuples.
pub(crate) fn as_array_param(v: Expr, want: &Ty) -> Expr {
    if v.ty != *want && strided_view_of(&v.ty, want) {
        return Expr {
            ty: want.clone(),
            ..v
        };
    }
    v
}

/// Whether a value of type `have` can be used as a `want` unchanged: equal, or arrays that differ
/// only in `want` not promising contiguity, also inside tuples.
fn strided_view_of(have: &Ty, want: &Ty) -> bool {
    match (have, want) {
        (Ty::Array(a), Ty::Array(b)) => {
            a.dtype == b.dtype && a.ndim == b.ndim && (a.contig || !b.contig)
        }
        (Ty::Tuple(xs), Ty::Tuple(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| strided_view_of(x, y))
        }
        (x, y) => x == y,
    }
}

/// A returned value converted to the declared return type where the value is unchanged by it:
/// `np.float64` as `float`, an `int` as `i32` (range-checked), a contiguous array as a strided one.
pub(crate) fn coerce_return(v: Expr, want: &Ty) -> Expr {
    match (&v.ty, want) {
        (Ty::Array(_) | Ty::Tuple(_), _) => as_array_param(v, want),
        (Ty::Scalar(d), w) if python_ty(*d) == *w => to_python(v),
        (Ty::Int, Ty::Scalar(d)) if d.is_int() => to_dtype(v, *d),
        (Ty::Float, Ty::Scalar(Dtype::F64))
        | (Ty::Bool, Ty::Scalar(Dtype::B1))
        | (Ty::Complex, Ty::Scalar(Dtype::C128)) => {
            let Ty::Scalar(d) = want else { unreachable!() };
            to_dtype(v, *d)
        }
        _ => v,
    }
}

/// A type's name with its indefinite article: "an int", "a float", "an f64", "a u8".
pub(crate) fn with_article(ty: &Ty) -> String {
    let name = ty.to_string();
    let mut chars = name.chars();
    let first = chars.next();
    let spelled = chars.next().is_some_and(|c| c.is_ascii_digit());
    // `f64` and `i8` are read letter by letter ("ef", "eye"); `u8` starts with "you".
    let vowel = match first {
        Some('f') => spelled,
        Some('u') => !spelled,
        Some(c) => "aeio".contains(c),
        None => false,
    };
    format!("{} {name}", if vowel { "an" } else { "a" })
}
