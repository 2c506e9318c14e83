//! Functions as values: a module function or a `math` function passed to a helper
//! (`integrate(square, 0.0, 1.0, n)`) is a value known when compiling, with no run-time value.
//!
//! A call through such a value is a direct call of the function it names; a helper that
//! receives one is specialised for it like for any other argument type, so each call site
//! costs what a direct call costs.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Const, Expr, ExprKind, FuncKind, FuncValue, Stmt, StmtKind, Ty};
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
                kind: FuncKind::Math,
                name: name.to_string(),
                captures: Vec::new(),
            }),
            span,
        )
    })
}

/// Module function `d` (named `name`) as a value.
pub(crate) fn def_value(d: usize, name: &str, span: Span) -> Expr {
    konst(
        Const::Func(FuncValue {
            kind: FuncKind::Def(d as u32),
            name: name.to_string(),
            captures: Vec::new(),
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
        if let ast::ExprKind::Lambda { .. } = &func.kind {
            // `(lambda x: ...)(v)`: the lambda is made, then called at once.
            let made = self.expr(func)?;
            let Ty::Func(FuncValue {
                kind: FuncKind::Lambda(at),
                ..
            }) = made.ty
            else {
                return None;
            };
            return Some(self.call_lambda(at, func, args, keywords, span));
        }
        if let ast::ExprKind::Call { .. } = &func.kind {
            return self.call_made_function(func, args, keywords, span);
        }
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
        Some(self.call_function_value(target, callee, func, args, keywords, span))
    }

    /// `make_adder(k)(x)`: a call whose callee is a call returning a function. `None` when the
    /// callee returns something else.
    fn call_made_function(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Option<Expr>> {
        let quiet = self.quiet;
        self.quiet = true;
        let probe = self.expr(func).map(|e| e.ty);
        self.quiet = quiet;
        let target = match probe {
            Some(Ty::Func(target)) => target,
            Some(_) => return None,
            // The callee's own errors are reported once, not as "not callable".
            None => {
                let _ = self.expr(func);
                return Some(None);
            }
        };
        let Some(made) = self.expr(func) else {
            return Some(None);
        };
        let mut stmts = Vec::new();
        let callee = self.hidden_as(format!("$callee{}", span.start), made, span, &mut stmts);
        let Some(value) = self.call_function_value(target, callee, func, args, keywords, span)
        else {
            return Some(None);
        };
        let free_from = stmts.len();
        Some(Some(Expr {
            ty: value.ty.clone(),
            kind: ExprKind::Block {
                stmts,
                value: Box::new(value),
                free_from,
            },
            span,
        }))
    }

    /// A call of function value `callee`, which names `target`.
    fn call_function_value(
        &mut self,
        target: FuncValue,
        callee: Expr,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let result = match target.kind {
            FuncKind::Def(d) if !target.captures.is_empty() => {
                let env = callee.clone();
                self.call_def_env(d as usize, func, env, args, keywords, span)
            }
            FuncKind::Def(d) => self.call_def(d as usize, func, args, keywords, span),
            FuncKind::Lambda(at) => self.call_lambda(at, func, args, keywords, span),
            FuncKind::Math => {
                if let Some(r) = self.math_library_call(&target.name, func, args, keywords, span) {
                    return r.map(|r| with_effect(callee, r));
                }
                if let Some(k) = keywords.first() {
                    self.error(
                        Code::ArgumentMismatch,
                        "keyword arguments are not supported for math functions",
                        k.span,
                        "keyword argument",
                        "pass the arguments by position",
                    );
                    return None;
                }
                let vals: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a)).collect();
                match vals.into_iter().collect::<Option<Vec<_>>>() {
                    Some(vals) => self.math(&target.name, vals, func.span, span),
                    None => None,
                }
            }
        };
        result.map(|r| with_effect(callee, r))
    }
}

impl FnCx<'_, '_> {
    /// A call of the lambda that starts at `at`: its arguments are evaluated here, then its body
    /// in a scope of its own, where the function's other locals are free variables read when the
    /// call runs (Python's late binding).
    pub(crate) fn call_lambda(
        &mut self,
        at: u32,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let (params, body) = self.lambdas.get(&at).cloned()?;
        if let Some(k) = keywords.first() {
            self.error(
                Code::ArgumentMismatch,
                "keyword arguments are not supported for lambdas",
                k.span,
                "keyword argument",
                "pass the arguments by position",
            );
            return None;
        }
        if args.len() != params.len() {
            self.error(
                Code::ArgumentMismatch,
                format!(
                    "<lambda>() takes {} argument(s) but {} were given",
                    params.len(),
                    args.len()
                ),
                span,
                "wrong number of arguments",
                "pass one argument per parameter of the lambda",
            );
            return None;
        }
        if self.lambda_depth >= 16 {
            self.error(
                Code::UnsupportedSyntax,
                "lambdas call each other more than 16 deep here",
                func.span,
                "lambda call",
                "a lambda is written out where it is called: use a module-level function for recursion",
            );
            return None;
        }
        let vals: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a)).collect();
        let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
        // Hidden locals are named by the call site (and nesting): two calls in one expression
        // keep their results apart, and each result is copied out before another call runs.
        let depth = self.lambda_depth;
        let site = span.start;
        let mut stmts = Vec::new();
        let mut bindings = Vec::new();
        for (p, v) in params.iter().zip(vals) {
            let hidden = self.hidden_as(format!("{p}$l{site}.{depth}"), v, span, &mut stmts);
            if let pyaot_hir::ExprKind::Local(id) = hidden.kind {
                bindings.push((p.clone(), Some(id)));
            }
        }
        // All parameters take their values before any of them names the new ones.
        let shadowed = self.shadow(bindings);
        let free_from = stmts.len();
        self.lambda_depth += 1;
        let value = self.expr(&body);
        self.lambda_depth -= 1;
        self.unshadow(shadowed);
        let value = value?;
        let ty = value.ty.clone();
        let result = self.hidden_as(format!("$lambda{site}.{depth}"), value, span, &mut stmts);
        Some(Expr {
            kind: pyaot_hir::ExprKind::Block {
                stmts,
                value: Box::new(result),
                free_from,
            },
            ty,
            span,
        })
    }
}

impl FnCx<'_, '_> {
    /// A lambda leaving the function that defines it (passed to another function, returned)
    /// becomes a closure: the helper lifted from it, carrying the current values of the
    /// function's variables it reads. Other values are returned as they are.
    pub(crate) fn closure(&mut self, v: Expr) -> Option<Expr> {
        let Ty::Func(FuncValue {
            kind: FuncKind::Lambda(at),
            ..
        }) = &v.ty
        else {
            return Some(v);
        };
        let span = v.span;
        let def = self.m.defs[self.def].ast;
        let owner = def.nested_in.clone().unwrap_or_else(|| def.name.clone());
        let helper = crate::closures::lambda_helper(&owner, *at);
        let Some(&crate::items::Global::Func(d)) = self.m.global(self.scope, &helper) else {
            self.error(
                Code::UnsupportedSyntax,
                "this lambda can only be called in the function that defines it",
                span,
                "lambda passed on",
                "define a module-level function and pass that",
            );
            return None;
        };
        let f = self.m.defs[d].ast;
        let n = f.params.len();
        let free: Vec<String> = f.params[n - 2 * f.free_params..n - f.free_params]
            .iter()
            .map(|p| p.name.clone())
            .collect();
        // The lambda value itself has no run-time part. The captured values are read now,
        // each with whether it has a value: the helper raises NameError only where it reads
        // one that has none, as CPython's closure would when called.
        let mut stmts = vec![Stmt {
            kind: StmtKind::Expr(v),
            span,
        }];
        let mut values = Vec::new();
        let mut flags = Vec::new();
        for (j, name) in free.iter().enumerate() {
            let (value, flag) = self.free_variable(&ast::Expr {
                kind: ast::ExprKind::Name(name.clone()),
                span,
            })?;
            values.push(self.hidden_as(format!("$cap{}.{j}", span.start), value, span, &mut stmts));
            flags.push(self.hidden_as(format!("$capf{}.{j}", span.start), flag, span, &mut stmts));
        }
        let items: Vec<Expr> = values.into_iter().chain(flags).collect();
        let ty = Ty::Func(FuncValue {
            kind: FuncKind::Def(d as u32),
            name: "<lambda>".into(),
            captures: items.iter().map(|e| e.ty.clone()).collect(),
        });
        Some(Expr {
            kind: ExprKind::Block {
                stmts,
                value: Box::new(Expr {
                    kind: ExprKind::Tuple(items),
                    ty: ty.clone(),
                    span,
                }),
                free_from: 0,
            },
            ty,
            span,
        })
    }
}
