//! Functions as values: a module function or a `math` function passed to a helper
//! (`integrate(square, 0.0, 1.0, n)`) is a value known when compiling, with no run-time value.
//!
//! A call through such a value is a direct call of the function it names; a helper that
//! receives one is specialised for it like for any other argument type, so each call site
//! costs what a direct call costs.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Const, Expr, FuncValue, Ty};
use pyaot_syntax::ast;

use crate::expr::{konst, with_effect};
use crate::func::FnCx;

/// The functions of `math` that compiled code calls (also through a value).
const MATH_FUNCTIONS: &[&str] = &[
    "sqrt",
    "exp",
    "exp2",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "atan2",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
    "erf",
    "erfc",
    "gamma",
    "lgamma",
    "pow",
    "fmod",
    "hypot",
    "copysign",
    "fabs",
    "floor",
    "ceil",
    "trunc",
    "isnan",
    "isinf",
    "isfinite",
    "degrees",
    "radians",
    "ldexp",
    "gcd",
    "factorial",
    "isqrt",
    "comb",
    "perm",
    "lcm",
];

/// `math.NAME` as a value, if it is a function compiled code calls.
pub(crate) fn math_function(name: &str, span: Span) -> Option<Expr> {
    MATH_FUNCTIONS.contains(&name).then(|| {
        konst(
            Const::Func(FuncValue {
                def: None,
                name: name.to_string(),
            }),
            span,
        )
    })
}

/// Module function `d` (named `name`) as a value.
pub(crate) fn def_value(d: usize, name: &str, span: Span) -> Expr {
    konst(
        Const::Func(FuncValue {
            def: Some(d as u32),
            name: name.to_string(),
        }),
        span,
    )
}

impl FnCx<'_, '_> {
    /// `f(args)` where `f` is a local or parameter holding a function: a call of that function.
    /// `None` when `func` is not such a name.
    pub(crate) fn call_through_value(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Option<Expr>> {
        let ast::ExprKind::Name(n) = &func.kind else {
            return None;
        };
        if !self.local_names.contains(n) {
            return None;
        }
        let id = *self.by_name.get(n)?;
        let Ty::Func(target) = self.locals[id.index()].ty.clone() else {
            return None;
        };
        // Reading the local may raise UnboundLocalError, before any argument is evaluated.
        let Some(callee) = self.expr(func) else {
            return Some(None);
        };
        let result = match target.def {
            Some(d) => self.call_def(d as usize, func, args, keywords, span),
            None => {
                if let Some(r) = self.math_library_call(&target.name, func, args, keywords, span) {
                    return Some(r.map(|r| with_effect(callee, r)));
                }
                if let Some(k) = keywords.first() {
                    self.error(
                        Code::ArgumentMismatch,
                        "keyword arguments are not supported for math functions",
                        k.span,
                        "keyword argument",
                        "pass the arguments by position",
                    );
                    return Some(None);
                }
                let vals: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a)).collect();
                match vals.into_iter().collect::<Option<Vec<_>>>() {
                    Some(vals) => self.math(&target.name, vals, func.span, span),
                    None => None,
                }
            }
        };
        Some(result.map(|r| with_effect(callee, r)))
    }
}
