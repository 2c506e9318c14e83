//! Element-wise array expressions: an operator with an array operand becomes one fused `Map`.
//!
//! The body of a `Map` is the scalar expression of one element, built by the same NumPy scalar rules
//! as fixed-width scalars (NumPy 2 gives arrays and scalars one promotion table), so `a * 2.0 + b`
//! is one loop with no temporary. Operands that are already maps are merged: their inputs join the
//! new map's and their bodies are inlined. Scalar operands are inputs too, converted to the dtype
//! the body needs before the loop, so a Python int out of an array's range raises even for an empty array.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{ArrayTy, BinaryOp, CastKind, CmpOp, Dtype, Expr, ExprKind, StmtKind, Ty, UnaryOp};
use pyaot_syntax::ast;

use crate::func::FnCx;

/// The operands of one element-wise operation, merged: every input, and each operand's element.
pub(crate) struct Merged {
    inputs: Vec<Expr>,
    pub elems: Vec<Expr>,
    /// Whether each input is a scalar (evaluated once, not indexed).
    scalar: Vec<bool>,
    ndim: u8,
}

/// Whether a type takes part in element-wise operations as an array.
pub(crate) fn is_array(t: &Ty) -> bool {
    matches!(t, Ty::Array(_))
}

/// The scalar type of one element of a value: the dtype of an array, else the value's own type.
fn elem_ty(t: &Ty) -> Ty {
    match t {
        Ty::Array(a) => Ty::Scalar(a.dtype),
        other => other.clone(),
    }
}

/// An `Elem(k)` of type `ty`.
fn elem(k: usize, ty: Ty, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Elem(k as u32),
        ty,
        span,
    }
}

/// Renumbers the `Elem` nodes of an inlined map body by `offset`.
fn shift_elems(e: &mut Expr, offset: u32) {
    match &mut e.kind {
        ExprKind::Elem(k) => *k += offset,
        ExprKind::Map { .. } => {}
        _ => e
            .children_mut()
            .into_iter()
            .for_each(|c| shift_elems(c, offset)),
    }
}

/// Merges the operands of one operation into the inputs of a new map.
pub(crate) fn merge(operands: Vec<Expr>) -> Merged {
    let mut m = Merged {
        inputs: Vec::new(),
        elems: Vec::new(),
        scalar: Vec::new(),
        ndim: 0,
    };
    for v in operands {
        let span = v.span;
        match (v.kind, v.ty) {
            (ExprKind::Map { inputs, mut body }, Ty::Array(a)) => {
                shift_elems(&mut body, m.inputs.len() as u32);
                m.ndim = m.ndim.max(a.ndim);
                for i in inputs {
                    m.scalar.push(!is_array(&i.ty));
                    m.inputs.push(i);
                }
                m.elems.push(*body);
            }
            (kind, ty) => {
                if let Ty::Array(a) = &ty {
                    m.ndim = m.ndim.max(a.ndim);
                }
                m.elems.push(elem(m.inputs.len(), elem_ty(&ty), span));
                m.scalar.push(!is_array(&ty));
                m.inputs.push(Expr { kind, ty, span });
            }
        }
    }
    m
}

/// Moves a conversion of a scalar input out of the body onto the input, so it happens once, before the loop.
fn hoist_scalar_casts(e: &mut Expr, inputs: &mut [Expr], scalar: &[bool]) {
    if let ExprKind::Cast {
        kind: CastKind::ToDtype,
        operand,
        explicit: false,
    } = &e.kind
    {
        if let ExprKind::Elem(k) = operand.kind {
            let k = k as usize;
            if scalar[k] && inputs[k].ty == operand.ty {
                let hole = Expr {
                    kind: ExprKind::Tuple(Vec::new()),
                    ty: Ty::None,
                    span: e.span,
                };
                let input = std::mem::replace(&mut inputs[k], hole);
                inputs[k] = crate::numeric::to_dtype(input, ty_dtype(&e.ty));
                *e = elem(k, e.ty.clone(), e.span);
                return;
            }
        }
    }
    if !matches!(e.kind, ExprKind::Map { .. }) {
        for c in e.children_mut() {
            hoist_scalar_casts(c, inputs, scalar);
        }
    }
}

fn ty_dtype(t: &Ty) -> Dtype {
    match t {
        Ty::Scalar(d) => *d,
        _ => unreachable!("element conversions are to fixed-width types"),
    }
}

/// NumPy's `same_kind` rule for writing a result of dtype `from` into an array of `to`:
/// safe casts, and casts within a kind or to a later kind (bool, unsigned, signed, float).
pub(crate) fn same_kind(from: Dtype, to: Dtype) -> bool {
    let kind = |d: Dtype| {
        if d == Dtype::B1 {
            0
        } else if d.is_unsigned() {
            1
        } else if d.is_float() {
            3
        } else {
            2
        }
    };
    kind(from) <= kind(to)
}

impl FnCx<'_, '_> {
    /// `a op= value` for an array `a`: the element-wise result written back into `a` (NumPy's
    /// `np.op(a, value, out=a)`); the result dtype must cast to `a`'s by the `same_kind` rule.
    pub(crate) fn array_aug_assign(
        &mut self,
        target: Expr,
        op: ast::BinOp,
        value: &ast::Expr,
        span: Span,
    ) -> Option<StmtKind> {
        let Ty::Array(a) = target.ty else {
            unreachable!("called for arrays")
        };
        let rhs = self.expr(value)?;
        let v = match self.complex_array_square(op, &target, value, span) {
            Some(square) => square?,
            None => self.binary(op, target.clone(), rhs, span)?,
        };
        let (ExprKind::Map { inputs, body }, Ty::Array(r)) = (v.kind, v.ty) else {
            unreachable!("an operator with an array operand is a map")
        };
        if r.ndim > a.ndim {
            self.error(
                Code::TypeMismatch,
                format!(
                    "the result has {} dimensions but the array updated in place has {}",
                    r.ndim, a.ndim
                ),
                span,
                "in-place update",
                "NumPy raises ValueError (non-broadcastable output operand): assign the result to a new name",
            );
            return None;
        }
        if !same_kind(r.dtype, a.dtype) {
            self.error(
                Code::TypeMismatch,
                format!(
                    "the result of this in-place `{}=` is {} and cannot be stored into {} array",
                    op.symbol(),
                    r.dtype.name(),
                    crate::numeric::with_article(&Ty::Scalar(a.dtype))
                ),
                span,
                format!("{} result", r.dtype.name()),
                format!(
                    "NumPy refuses this cast (UFuncTypeError): put the result in a new array instead, `c = a {} b`",
                    op.symbol()
                ),
            );
            return None;
        }
        let body = crate::numeric::to_dtype(*body, a.dtype);
        let value = Expr {
            kind: ExprKind::Map {
                inputs,
                body: Box::new(body),
            },
            ty: Ty::Array(ArrayTy {
                dtype: a.dtype,
                ndim: r.ndim,
                contig: true,
            }),
            span,
        };
        Some(StmtKind::StoreEach { target, value })
    }

    /// `a[view] = value`: an array value is broadcast to the view and cast as NumPy's array
    /// assignment casts (C casts, never an error); a scalar is converted once, as item assignment does.
    pub(crate) fn store_view(&mut self, target: Expr, value: Expr) -> Option<StmtKind> {
        let Ty::Array(t) = target.ty else {
            unreachable!("a view is an array")
        };
        // `row[:] = 0, 0` stores the tuple as NumPy's array of it.
        let value = self.tuple_as_array(value)?;
        let span = value.span;
        let (inputs, body, ndim) = match &value.ty {
            Ty::Array(v) => {
                if v.ndim > t.ndim {
                    self.error(
                        Code::TypeMismatch,
                        format!(
                            "cannot assign a {}-D array to a {}-D view",
                            v.ndim, t.ndim
                        ),
                        span,
                        format!("this is {}", value.ty),
                        "NumPy raises ValueError unless the extra axes have length 1: index the value first",
                    );
                    return None;
                }
                let ndim = v.ndim;
                let mut m = merge(vec![value]);
                let body = m.elems.pop().expect("one operand");
                (m.inputs, crate::numeric::to_dtype(body, t.dtype), ndim)
            }
            ty if ty.is_numeric()
                || matches!(ty, Ty::Scalar(_))
                || (*ty == Ty::Complex && t.dtype.is_complex()) =>
            {
                let input = crate::numeric::to_item(value, t.dtype);
                (vec![input], elem(0, Ty::Scalar(t.dtype), span), 0)
            }
            other => {
                self.error(
                    Code::TypeMismatch,
                    format!("cannot store a {other} into an array"),
                    span,
                    format!("this is {other}"),
                    "store a number or an array",
                );
                return None;
            }
        };
        let value = Expr {
            kind: ExprKind::Map {
                inputs,
                body: Box::new(body),
            },
            ty: Ty::Array(ArrayTy {
                dtype: t.dtype,
                ndim,
                contig: true,
            }),
            span,
        };
        Some(StmtKind::StoreEach { target, value })
    }

    /// Wraps the body of one operation over merged operands into a map.
    pub(crate) fn finish_map(&mut self, mut m: Merged, mut body: Expr, span: Span) -> Option<Expr> {
        hoist_scalar_casts(&mut body, &mut m.inputs, &m.scalar);
        let Ty::Scalar(dtype) = body.ty else {
            self.error(
                Code::TypeMismatch,
                format!(
                    "this element-wise operation gives {}, not a number",
                    body.ty
                ),
                span,
                "element-wise operation",
                "use numbers",
            );
            return None;
        };
        Some(Expr {
            ty: Ty::Array(ArrayTy {
                dtype,
                ndim: m.ndim,
                contig: true,
            }),
            kind: ExprKind::Map {
                inputs: m.inputs,
                body: Box::new(body),
            },
            span,
        })
    }

    /// `l op r` where an operand is an array: NumPy's element-wise operator with broadcasting.
    pub(crate) fn array_binary(
        &mut self,
        op: BinaryOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Expr> {
        let mut m = merge(vec![l, r]);
        let rhs = m.elems.pop().expect("two operands");
        let lhs = m.elems.pop().expect("two operands");
        let body = self.np_binary(op, lhs, rhs, span)?;
        self.finish_map(m, body, span)
    }

    /// A unary `-`, `+` or `~` of an array.
    pub(crate) fn array_unary(&mut self, op: Option<UnaryOp>, v: Expr, span: Span) -> Option<Expr> {
        let mut m = merge(vec![v]);
        let e = m.elems.pop().expect("one operand");
        let body = self.np_unary(op, e, span)?;
        self.finish_map(m, body, span)
    }

    /// `l op r` where an operand is an array: a boolean array.
    pub(crate) fn array_compare(
        &mut self,
        op: CmpOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Expr> {
        let mut m = merge(vec![l, r]);
        let elems = std::mem::take(&mut m.elems);
        let (converted, kind) = self.np_compare_operands(elems, span)?;
        let body = Expr {
            kind: ExprKind::Compare {
                operands: converted,
                ops: vec![(op, kind)],
            },
            ty: Ty::Scalar(Dtype::B1),
            span,
        };
        self.finish_map(m, body, span)
    }
}
