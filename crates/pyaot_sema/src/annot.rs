//! Annotations to types: `int`, `float`, `bool`, `None` and `tuple[...]`.

use pyaot_diagnostics::{Code, Diagnostic};
use pyaot_hir::Ty;
use pyaot_syntax::ast::{Expr, ExprKind};

use crate::items::{Global, ModuleCx};

impl ModuleCx<'_> {
    /// The type an annotation names, or a diagnostic saying why it names none.
    pub(crate) fn annotation(&self, scope: usize, e: &Expr) -> Result<Ty, Diagnostic> {
        let unsupported = |what: &str, help: &str| {
            Diagnostic::error(
                Code::UnsupportedType,
                format!("{what} is not a supported type"),
                e.span,
                "unsupported annotation",
            )
            .with_help(help.to_string())
        };
        match &e.kind {
            ExprKind::NoneLit => Ok(Ty::None),
            ExprKind::Name(n) => match (n.as_str(), self.global(scope, n)) {
                (_, Some(Global::PyaotMember(m))) => match pyaot_dtype(m) {
                    Some(d) => Ok(Ty::Scalar(d)),
                    None => Err(unsupported(
                        &format!("`{m}`"),
                        "use a fixed-width type such as f64, i32 or b1",
                    )),
                },
                ("int", None) => Ok(Ty::Int),
                ("float", None) => Ok(Ty::Float),
                ("bool", None) => Ok(Ty::Bool),
                ("complex", None) => Err(unsupported(
                    "`complex`",
                    "complex numbers are not supported yet",
                )),
                _ => Err(unsupported(
                    &format!("`{n}`"),
                    "use int, float, bool, None or tuple[...]",
                )),
            },
            ExprKind::Subscript { value, index } => {
                let ExprKind::Name(base) = &value.kind else {
                    return Err(unsupported(
                        "this annotation",
                        "use int, float, bool, None or tuple[...]",
                    ));
                };
                if let Some(Global::PyaotMember(m)) = self.global(scope, base) {
                    let Some(dtype) = pyaot_dtype(m) else {
                        return Err(unsupported(
                            &format!("`{m}[...]`"),
                            "index a fixed-width type such as f64[:]",
                        ));
                    };
                    return array_dims(index, dtype).ok_or_else(|| {
                        unsupported(
                            "this array annotation",
                            "write one `:` per dimension (1 to 4), with `::1` only on the last for a C-contiguous array: f64[:, ::1]",
                        )
                    });
                }
                if base != "tuple" {
                    return Err(unsupported(
                        &format!("`{base}[...]`"),
                        "use int, float, bool, None or tuple[...]",
                    ));
                }
                let items: Vec<&Expr> = match &index.kind {
                    ExprKind::Tuple(items) => items.iter().collect(),
                    _ => vec![&**index],
                };
                let mut tys = Vec::new();
                for item in items {
                    match self.annotation(scope, item)? {
                        Ty::None => {
                            return Err(unsupported(
                                "`None` inside a tuple",
                                "tuple items are int, float, bool or tuples",
                            ))
                        }
                        t => tys.push(t),
                    }
                }
                if tys.is_empty() {
                    return Err(unsupported("the empty tuple", "return at least one value"));
                }
                Ok(Ty::Tuple(tys))
            }
            ExprKind::Str(_) => Err(unsupported(
                "a string annotation",
                "write the annotation without quotes",
            )),
            _ => Err(unsupported(
                "this annotation",
                "use int, float, bool, None or tuple[...]",
            )),
        }
    }
}

/// The dtype a name imported from `pyaot` spells (`f64`, not `float64`).
fn pyaot_dtype(name: &str) -> Option<pyaot_hir::Dtype> {
    pyaot_hir::Dtype::ALL.into_iter().find(|d| d.name() == name)
}

/// The array type of `dtype[index]`: one `:` per dimension, `::1` allowed on the last.
fn array_dims(index: &Expr, dtype: pyaot_hir::Dtype) -> Option<Ty> {
    let items: Vec<&Expr> = match &index.kind {
        ExprKind::Tuple(items) => items.iter().collect(),
        _ => vec![index],
    };
    if items.is_empty() || items.len() > 4 {
        return None;
    }
    let mut contig = false;
    for (i, item) in items.iter().enumerate() {
        let ExprKind::Slice {
            lower: None,
            upper: None,
            step,
        } = &item.kind
        else {
            return None;
        };
        match step {
            None => {}
            Some(s) if matches!(s.kind, ExprKind::Int(Some(1))) && i + 1 == items.len() => {
                contig = true
            }
            Some(_) => return None,
        }
    }
    Some(Ty::Array(pyaot_hir::ArrayTy {
        dtype,
        ndim: items.len() as u8,
        contig,
    }))
}
