//! `np._blas_gemm(a, b, out)`: the bundled library's access to the BLAS matrix product.
//!
//! Only library code may call it: `out` is written, and the effects analysis does not follow
//! intrinsics, so the library passes a new array it made itself.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Dtype, Expr, ExprKind, Intrinsic, Ty};
use pyaot_syntax::ast;

use crate::func::FnCx;

impl FnCx<'_, '_> {
    /// `_blas_gemm(a, b, out)` of 2-D arrays of one float dtype, `out` C-contiguous: `Bool`.
    pub(crate) fn blas_gemm(&mut self, args: &[ast::Expr], span: Span) -> Option<Expr> {
        let vals: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a)).collect();
        let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
        let ok = match vals.as_slice() {
            [a, b, out] => match (&a.ty, &b.ty, &out.ty) {
                (Ty::Array(x), Ty::Array(y), Ty::Array(z)) => {
                    matches!(x.dtype, Dtype::F32 | Dtype::F64)
                        && x.dtype == y.dtype
                        && y.dtype == z.dtype
                        && x.ndim == 2
                        && y.ndim == 2
                        && z.ndim == 2
                        && z.contig
                }
                _ => false,
            },
            _ => false,
        };
        if !ok {
            self.error(
                Code::TypeMismatch,
                "_blas_gemm() takes two 2-D float arrays and a C-contiguous result of their dtype",
                span,
                "bad operands",
                "call it as the library's matmul does",
            );
            return None;
        }
        Some(Expr {
            kind: ExprKind::Intrinsic {
                func: Intrinsic::BlasGemm,
                args: vals,
            },
            ty: Ty::Bool,
            span,
        })
    }
}
