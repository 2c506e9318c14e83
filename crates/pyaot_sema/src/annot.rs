//! Annotations to types: `int`, `float`, `bool`, `None` and `tuple[...]`.

use pyaot_diagnostics::{Code, Diagnostic};
use pyaot_hir::Ty;
use pyaot_syntax::ast::{Expr, ExprKind};

use crate::items::{Global, ModuleCx};

impl ModuleCx<'_> {
    /// The type an annotation names, or a diagnostic saying why it names none.
    pub(crate) fn annotation(&self, e: &Expr) -> Result<Ty, Diagnostic> {
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
            ExprKind::Name(n) => match (n.as_str(), self.globals.get(n.as_str())) {
                (_, Some(Global::PyaotMember(m))) => Err(unsupported(
                    &format!("`{m}`"),
                    "fixed-width NumPy scalars and arrays are not supported yet; use int, float or bool",
                )),
                ("int", None) => Ok(Ty::Int),
                ("float", None) => Ok(Ty::Float),
                ("bool", None) => Ok(Ty::Bool),
                ("complex", None) => Err(unsupported("`complex`", "complex numbers are not supported yet")),
                _ => Err(unsupported(&format!("`{n}`"), "use int, float, bool, None or tuple[...]")),
            },
            ExprKind::Subscript { value, index } => {
                let ExprKind::Name(base) = &value.kind else {
                    return Err(unsupported("this annotation", "use int, float, bool, None or tuple[...]"));
                };
                if let Some(Global::PyaotMember(m)) = self.globals.get(base.as_str()) {
                    return Err(unsupported(
                        &format!("the array type `{m}[...]`"),
                        "arrays are not supported yet; use int, float or bool parameters",
                    ));
                }
                if base != "tuple" {
                    return Err(unsupported(&format!("`{base}[...]`"), "use int, float, bool, None or tuple[...]"));
                }
                let items: Vec<&Expr> = match &index.kind {
                    ExprKind::Tuple(items) => items.iter().collect(),
                    _ => vec![&**index],
                };
                let mut tys = Vec::new();
                for item in items {
                    match self.annotation(item)? {
                        Ty::None => return Err(unsupported("`None` inside a tuple", "tuple items are int, float, bool or tuples")),
                        t => tys.push(t),
                    }
                }
                if tys.is_empty() {
                    return Err(unsupported("the empty tuple", "return at least one value"));
                }
                Ok(Ty::Tuple(tys))
            }
            ExprKind::Str(_) => Err(unsupported("a string annotation", "write the annotation without quotes")),
            _ => Err(unsupported("this annotation", "use int, float, bool, None or tuple[...]")),
        }
    }
}
