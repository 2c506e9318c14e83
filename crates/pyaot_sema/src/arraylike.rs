//! Python sequences where NumPy takes an array ("array-likes"): list displays of numbers given to
//! the bundled library (`np.concatenate(([1], a))`), and tuples of numbers meeting an array in an
//! operator, a comparison, an element-wise function or a store (`row[:] = 0, 0`).

use pyaot_diagnostics::Span;
use pyaot_hir::{Expr, ExprKind, Ty};
use pyaot_syntax::ast;

use crate::array::contiguous;
use crate::func::FnCx;
use crate::numeric::to_dtype;

/// Whether a type is a number NumPy makes an array element of.
fn is_number(t: &Ty) -> bool {
    t.is_numeric() || matches!(t, Ty::Complex | Ty::Scalar(_))
}

/// Whether a value is a tuple of numbers (of at least one item).
pub(crate) fn is_number_tuple(t: &Ty) -> bool {
    matches!(t, Ty::Tuple(items) if !items.is_empty() && items.iter().all(is_number))
}

impl FnCx<'_, '_> {
    /// An argument of a bundled library function: list displays of numbers, also inside tuple
    /// and list displays, become 1-D arrays as NumPy reads them; other list displays become tuples.
    pub(crate) fn library_arg(&mut self, e: &ast::Expr) -> Option<Expr> {
        let items = match &e.kind {
            ast::ExprKind::List(items) | ast::ExprKind::Tuple(items) => items,
            _ => return self.expr(e),
        };
        let vals: Vec<Option<Expr>> = items.iter().map(|i| self.library_arg(i)).collect();
        let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
        let list = matches!(e.kind, ast::ExprKind::List(_));
        if list && !vals.is_empty() && vals.iter().all(|v| is_number(&v.ty)) {
            return self.numbers_array(vals, e.span);
        }
        let vals = self.common_dtype_arrays(vals)?;
        let ty = Ty::Tuple(vals.iter().map(|v| v.ty.clone()).collect());
        Some(Expr {
            kind: ExprKind::Tuple(vals),
            ty,
            span: e.span,
        })
    }

    /// A sequence of arrays of one rank and several dtypes, each converted to their common
    /// dtype, as NumPy's functions of sequences of arrays (`concatenate`, `stack`, ...) do.
    fn common_dtype_arrays(&mut self, vals: Vec<Expr>) -> Option<Vec<Expr>> {
        let arrays: Vec<pyaot_hir::ArrayTy> = vals
            .iter()
            .filter_map(|v| match v.ty {
                Ty::Array(a) => Some(a),
                _ => None,
            })
            .collect();
        if arrays.len() != vals.len()
            || arrays.is_empty()
            || arrays.iter().any(|a| a.ndim != arrays[0].ndim)
            || arrays.iter().all(|a| a.dtype == arrays[0].dtype)
        {
            return Some(vals);
        }
        let d = arrays
            .iter()
            .skip(1)
            .fold(arrays[0].dtype, |d, a| crate::numeric::promote(d, a.dtype));
        let mut out = Vec::new();
        for v in vals {
            let span = v.span;
            if matches!(v.ty, Ty::Array(a) if a.dtype == d) {
                out.push(v);
                continue;
            }
            out.push(self.elementwise(vec![v], span, |_, mut e| Some(to_dtype(e.pop()?, d)))?);
        }
        Some(out)
    }

    /// A 1-D array of numbers, with the dtype `np.array` gives them.
    fn numbers_array(&mut self, vals: Vec<Expr>, span: Span) -> Option<Expr> {
        let d = self.literal_dtype(&vals, span)?;
        let n = vals.len();
        Some(Expr {
            ty: contiguous(d, 1),
            kind: ExprKind::ArrayLiteral {
                dims: vec![n],
                items: vals.into_iter().map(|v| to_dtype(v, d)).collect(),
            },
            span,
        })
    }

    /// A tuple of numbers as the 1-D array NumPy makes of it; other values unchanged. A tuple
    /// display gives its items; another tuple value is read item by item, so it must be a local.
    pub(crate) fn tuple_as_array(&mut self, v: Expr) -> Option<Expr> {
        if !is_number_tuple(&v.ty) {
            return Some(v);
        }
        let span = v.span;
        let Ty::Tuple(tys) = v.ty.clone() else {
            unreachable!("checked above")
        };
        let items = match v.kind {
            ExprKind::Tuple(items) => items,
            ExprKind::Local(_) => (0..tys.len())
                .map(|index| Expr {
                    kind: ExprKind::TupleGet {
                        tuple: Box::new(v.clone()),
                        index,
                    },
                    ty: tys[index].clone(),
                    span,
                })
                .collect(),
            _ => {
                self.error(
                    pyaot_diagnostics::Code::UnsupportedSyntax,
                    "this tuple cannot be used as an array here",
                    span,
                    "tuple value",
                    "assign it to a variable first, or write np.array(...)",
                );
                return None;
            }
        };
        self.numbers_array(items, span)
    }
}
