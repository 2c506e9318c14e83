//! Calls: compiled functions (with keyword arguments and defaults), builtins and `math` functions.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{CastKind, Const, Dtype, Expr, ExprKind, Intrinsic, MathFn, Ty};
use pyaot_syntax::ast;

use crate::expr::{cast, konst, to_float};
use crate::func::{conversion_help, FnCx};
use crate::items::{DefKind, Global};
use crate::numeric::to_python;

/// What a call's callee names.
enum Callee {
    Def(usize),
    Builtin(String),
    Math(String),
    Cmath(String),
}

impl FnCx<'_, '_> {
    pub(crate) fn call(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        if let Some(path) = self.cuda_path(func) {
            return self.cuda_call(&path, args, keywords, span);
        }
        if let Some((module, name)) = self.numpy_submodule_member(func) {
            // `np.linalg.norm(...)`: a function of a bundled NumPy submodule.
            if let Some(Global::Func(d)) = self
                .m
                .library(&module)
                .and_then(|l| self.m.global(l, &name))
            {
                return self.call_def(*d, func, args, keywords, span);
            }
            self.error(
                Code::UnknownName,
                format!("`{module}.{name}` is not supported in compiled code"),
                func.span,
                "not supported",
                "see docs/numpy.md for the supported NumPy functions",
            );
            return None;
        }
        if let Some(mut name) = self.numpy_member(func) {
            // `np.where(c)` with only the condition is `np.nonzero(c)`, as in NumPy.
            if name == "where" && args.len() == 1 && keywords.is_empty() {
                name = "nonzero".to_string();
            }
            // A function of the bundled NumPy library, else one the compiler knows itself.
            if let Some(Global::Func(d)) = self
                .m
                .library("numpy")
                .and_then(|l| self.m.global(l, &name))
            {
                return self.call_def(*d, func, args, keywords, span);
            }
            return self.numpy_call(&name, func.span, args, keywords, span);
        }
        if matches!(&func.kind, ast::ExprKind::Attribute { attr, .. } if attr == "type") {
            if let Some(Ty::ScalarType(d)) = self.dtype_value_type(func) {
                let conversion =
                    self.numpy_call(d.numpy_name(), func.span, args, keywords, span)?;
                let f = self.expr(func)?;
                return Some(crate::expr::with_effect(f, conversion));
            }
        }
        if let Some(result) = self.method_call(func, args, keywords, span) {
            return result;
        }
        if let Some(result) = self.call_through_value(func, args, keywords, span) {
            return result;
        }
        let callee = match &func.kind {
            ast::ExprKind::Name(n) if !self.local_names.contains(n) => {
                match self.global(n.as_str()) {
                    Some(Global::Class) => {
                        self.error(
                            Code::UnsupportedSyntax,
                            format!("`{n}` is a class, and classes are not compiled"),
                            func.span,
                            "class",
                            crate::unsupported::alternative("class definition"),
                        );
                        return None;
                    }
                    Some(Global::Func(d)) => Some(Callee::Def(*d)),
                    Some(Global::MathMember(m)) => Some(Callee::Math(m.clone())),
                    Some(Global::CmathMember(m)) => Some(Callee::Cmath(m.clone())),
                    Some(_) => None,
                    None => Some(Callee::Builtin(n.clone())),
                }
            }
            ast::ExprKind::Attribute { value, attr, .. } => match &value.kind {
                // `util.clamp(x)`: a function of another module of the package.
                ast::ExprKind::Name(m)
                    if !self.local_names.contains(m)
                        && matches!(self.global(m.as_str()), Some(Global::Sibling(_))) =>
                {
                    match self.global(m.as_str()) {
                        Some(&Global::Sibling(s)) => match self.m.global(s, attr) {
                            Some(&Global::Func(d)) => Some(Callee::Def(d)),
                            _ => None,
                        },
                        _ => None,
                    }
                }
                ast::ExprKind::Name(m)
                    if !self.local_names.contains(m)
                        && matches!(self.global(m.as_str()), Some(Global::MathModule)) =>
                {
                    Some(Callee::Math(attr.clone()))
                }
                ast::ExprKind::Name(m)
                    if !self.local_names.contains(m)
                        && matches!(self.global(m.as_str()), Some(Global::CmathModule)) =>
                {
                    Some(Callee::Cmath(attr.clone()))
                }
                _ => None,
            },
            _ => None,
        };
        let Some(callee) = callee else {
            if matches!(&func.kind, ast::ExprKind::Name(n) if self.poisoned.contains(n)) {
                self.errors += 1;
                return None;
            }
            // A dtype value (`t = a.dtype; t(0)`) converts like the NumPy scalar type it names.
            if let Some(Ty::ScalarType(d)) = self.dtype_value_type(func) {
                let conversion =
                    self.numpy_call(d.numpy_name(), func.span, args, keywords, span)?;
                let f = self.expr(func)?;
                return Some(crate::expr::with_effect(f, conversion));
            }
            self.error(
                Code::NotCallable,
                "this cannot be called",
                func.span,
                "not a function",
                "call a function of this module, a builtin or a `math` function",
            );
            return None;
        };
        if let Callee::Def(d) = callee {
            return self.call_def(d, func, args, keywords, span);
        }
        if let Callee::Math(name) = &callee {
            if let Some(r) = self.math_library_call(name, func, args, keywords, span) {
                return r;
            }
        }
        if let Callee::Cmath(name) = &callee {
            // A function of the bundled cmath module, else a compiler intrinsic.
            if let Some(Global::Func(d)) =
                self.m.library("cmath").and_then(|l| self.m.global(l, name))
            {
                return self.call_def(*d, func, args, keywords, span);
            }
        }
        if let (Callee::Builtin(b), [arg]) = (&callee, args) {
            if let ast::ExprKind::Call {
                func: inner,
                args: range_args,
                keywords: kws,
            } = &arg.kind
            {
                if b == "len" && kws.is_empty() && self.is_range(inner) {
                    return self.range_len(range_args, span);
                }
            }
        }
        if let Callee::Builtin(b) = &callee {
            if let Some(r) = self.reduction(b, args, keywords, span) {
                return r;
            }
            if let Some(r) = self.string_builtin(b, args, keywords, span) {
                return r;
            }
            if let Some(r) = self.container_builtin(b, args, keywords, span) {
                return r;
            }
        }
        if let (Callee::Builtin(b), [x, types]) = (&callee, args) {
            if b == "isinstance" && keywords.is_empty() {
                return self.isinstance(x, types, span);
            }
            if b == "divmod" && keywords.is_empty() {
                return self.divmod(x, types, span);
            }
        }
        if let Some(k) = keywords.first() {
            self.error(
                Code::ArgumentMismatch,
                "keyword arguments are not supported for builtins",
                k.span,
                "keyword argument",
                "pass the arguments by position",
            );
            return None;
        }
        // `float("inf")` and friends are constants.
        if let (
            Callee::Builtin(b),
            [ast::Expr {
                kind: ast::ExprKind::Str(s),
                ..
            }],
        ) = (&callee, args)
        {
            if b == "float" {
                return match parse_float_literal(s) {
                    Some(v) => Some(konst(Const::Float(v), span)),
                    None => {
                        self.error(
                            Code::InvalidConstant,
                            format!("could not convert string to float: {s:?}"),
                            args[0].span,
                            "not a float",
                            "use a literal such as \"inf\", \"nan\" or \"1.5\"",
                        );
                        None
                    }
                };
            }
        }
        let vals: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a)).collect();
        let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
        match callee {
            Callee::Builtin(name) => {
                let result = self.builtin(&name, vals, func.span, span);
                // `int(x)`, `float(x)`, `bool(x)` convert where they stand.
                match name.as_str() {
                    "int" | "float" | "bool" => result.map(crate::expr::explicit_conversion),
                    _ => result,
                }
            }
            Callee::Math(name) => self.math(&name, vals, func.span, span),
            Callee::Cmath(name) => self.cmath_call(&name, vals, func.span, span),
            Callee::Def(_) => unreachable!("handled above"),
        }
    }

    /// `isinstance(x, T)` (`T` one of `int float bool complex tuple`, or a tuple of them): every
    /// value has a type known when compiling, so it is a constant; `x` is still evaluated.
    fn isinstance(&mut self, x: &ast::Expr, types: &ast::Expr, span: Span) -> Option<Expr> {
        let names: Vec<&ast::Expr> = match &types.kind {
            ast::ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![types],
        };
        let mut wanted = Vec::new();
        for t in names {
            match &t.kind {
                ast::ExprKind::Name(n)
                    if matches!(
                        n.as_str(),
                        "int"
                            | "float"
                            | "bool"
                            | "complex"
                            | "tuple"
                            | "str"
                            | "list"
                            | "dict"
                            | "set"
                    ) && !self.local_names.contains(n)
                        && self.global(n).is_none() =>
                {
                    wanted.push(n.as_str())
                }
                _ => {
                    self.error(
                        Code::UnsupportedSyntax,
                        "isinstance() is supported against int, float, bool, complex, str, tuple, list, dict and set",
                        t.span,
                        "type",
                        "test against one of these builtin types",
                    );
                    return None;
                }
            }
        }
        let v = self.expr(x)?;
        let holds = wanted.iter().any(|t| is_instance(&v.ty, t));
        Some(crate::expr::with_effect(
            v,
            crate::expr::konst(Const::Bool(holds), span),
        ))
    }

    /// `divmod(a, b)` as `(a // b, a % b)`, which CPython computes alike (floats by one `fmod`);
    /// the operands are evaluated twice, so they must give the same value each time.
    fn divmod(&mut self, a: &ast::Expr, b: &ast::Expr, span: Span) -> Option<Expr> {
        if !(crate::expr::pure(a) && crate::expr::pure(b)) {
            let at = if crate::expr::pure(a) { b } else { a };
            self.error(
                Code::UnsupportedSyntax,
                "divmod() takes names, literals and arithmetic of them",
                at.span,
                "operand",
                "assign the operand to a name first",
            );
            return None;
        }
        let op = |op| ast::Expr {
            kind: ast::ExprKind::BinOp {
                left: Box::new(a.clone()),
                op,
                right: Box::new(b.clone()),
            },
            span,
        };
        let pair = ast::Expr {
            kind: ast::ExprKind::Tuple(vec![op(ast::BinOp::FloorDiv), op(ast::BinOp::Mod)]),
            span,
        };
        self.expr(&pair)
    }

    /// A call of a function of this module: binds arguments as Python does.
    pub(crate) fn call_def(
        &mut self,
        d: usize,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        self.call_def_with(d, func, None, None, args, keywords, span)
    }

    /// A call through closure `env` of helper `d`: its free-variable parameters take the
    /// values the closure carries.
    pub(crate) fn call_def_env(
        &mut self,
        d: usize,
        func: &ast::Expr,
        env: Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        self.call_def_with(d, func, None, Some(env), args, keywords, span)
    }

    /// A call of definition `d`; `receiver`, when given, is the first argument, already checked
    /// (a method call `a.sum()` of the library function `sum(a)`).
    pub(crate) fn call_def_with(
        &mut self,
        d: usize,
        func: &ast::Expr,
        receiver: Option<Expr>,
        env: Option<Expr>,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let f = self.m.defs[d].ast;
        if matches!(self.m.defs[d].kind, DefKind::Kernel { .. }) {
            self.error(
                Code::GpuKernel,
                format!("kernel `{}` is called like a function", f.name),
                func.span,
                "GPU kernel",
                format!(
                    "launch it from Python over a grid: {}[blocks, threads](args)",
                    f.name
                ),
            );
            return None;
        }
        let defaults = self.m.defs[d].defaults.clone();
        let name = f.name.clone();
        let first = usize::from(receiver.is_some());
        let n = f.params.len();
        let mut slots: Vec<Option<&ast::Expr>> = vec![None; n];
        let mut receiver = receiver;
        if args.len() + first > n {
            self.error(
                Code::ArgumentMismatch,
                format!(
                    "{name}() takes {n} positional argument{} but {} were given",
                    if n == 1 { "" } else { "s" },
                    args.len()
                ),
                args[n - first].span,
                "extra argument",
                format!(
                    "`{name}` is defined {} with {n} parameter{}",
                    self.m.def_location(d),
                    if n == 1 { "" } else { "s" }
                ),
            );
            return None;
        }
        for (i, a) in args.iter().enumerate() {
            if let ast::ExprKind::Starred(_) = a.kind {
                self.error(
                    Code::UnsupportedSyntax,
                    "`*args` in calls is not supported",
                    a.span,
                    "star-argument",
                    "pass arguments one by one",
                );
                return None;
            }
            slots[i + first] = Some(a);
        }
        for k in keywords {
            let Some(kname) = &k.name else {
                self.error(
                    Code::UnsupportedSyntax,
                    "`**kwargs` in calls is not supported",
                    k.span,
                    "double-star argument",
                    "pass keyword arguments one by one",
                );
                return None;
            };
            let Some(i) = f.params.iter().position(|p| &p.name == kname) else {
                self.error(
                    Code::ArgumentMismatch,
                    format!("{name}() got an unexpected keyword argument '{kname}'"),
                    k.span,
                    "unknown keyword",
                    format!("`{name}` has no parameter `{kname}`"),
                );
                return None;
            };
            if slots[i].is_some() || i < first {
                self.error(
                    Code::ArgumentMismatch,
                    format!("{name}() got multiple values for argument '{kname}'"),
                    k.span,
                    "duplicate argument",
                    "pass each argument once",
                );
                return None;
            }
            slots[i] = Some(&k.value);
        }
        let mut vals = Vec::new();
        let mut ok = true;
        for (i, slot) in slots.iter().enumerate() {
            if i == 0 {
                if let Some(r) = receiver.take() {
                    vals.push(r);
                    continue;
                }
            }
            // The free variables of a lifted function and their flags: from the closure
            // that carries them, or read here without the check that they have a value.
            let free_from = n - 2 * f.free_params;
            if let (None, Some(env)) = (slot, &env) {
                if i >= free_from {
                    let index = i - free_from;
                    let ty = env.ty.parts().and_then(|p| p.get(index)).cloned();
                    if let Some(ty) = ty {
                        vals.push(Expr {
                            kind: ExprKind::TupleGet {
                                tuple: Box::new(env.clone()),
                                index,
                            },
                            ty,
                            span,
                        });
                        continue;
                    }
                }
            }
            if f.free_params > 0 && i >= free_from && env.is_none() {
                let var = if i < n - f.free_params {
                    *slot
                } else {
                    slots[i - f.free_params]
                };
                let (value, flag) = match var.map(|e| self.free_variable(e)) {
                    Some(Some(pair)) => pair,
                    Some(None) => {
                        ok = false;
                        continue;
                    }
                    None => {
                        self.missing_argument(&name, &f.params[i].name, span);
                        return None;
                    }
                };
                vals.push(if i < n - f.free_params { value } else { flag });
                continue;
            }
            match (slot, defaults.get(i).cloned().flatten()) {
                // `None` passed to a helper is a compile-time value, like a `None` default.
                (Some(e), _) if matches!(e.kind, ast::ExprKind::NoneLit) => {
                    vals.push(konst(Const::None, e.span))
                }
                // The bundled library reads list displays as NumPy does: numbers as an array,
                // others (`np.concatenate([a, b])`) as a tuple, since it never changes them.
                (Some(e), _) if self.m.scopes[self.m.defs[d].scope].library => {
                    match self.library_arg(e) {
                        Some(v) => vals.push(strided_items(v)),
                        None => ok = false,
                    }
                }
                (Some(e), _) => match self.expr(e).and_then(|v| self.closure(v)) {
                    Some(v) => vals.push(v),
                    None => ok = false,
                },
                (None, Some(c)) => vals.push(konst(c, span)),
                (None, None) => {
                    let pname = &f.params[i].name;
                    if f.params[i].default.is_some() {
                        // The default failed to check; already reported.
                        ok = false;
                        continue;
                    }
                    self.missing_argument(&name, pname, span);
                    return None;
                }
            }
        }
        if !ok {
            return None;
        }
        match self.m.defs[d].kind.clone() {
            DefKind::Exported { id, params, ret } => {
                let vals: Vec<Expr> = vals
                    .into_iter()
                    .zip(&params)
                    .map(|(v, want)| crate::numeric::as_array_param(v, want))
                    .collect();
                for (i, (v, want)) in vals.iter().zip(&params).enumerate() {
                    if v.ty != *want {
                        let pname = &f.params[i].name;
                        self.error(
                            Code::TypeMismatch,
                            format!(
                                "argument `{pname}` of {name}() must be {want}, not {}",
                                v.ty
                            ),
                            v.span,
                            format!("this is {}", v.ty),
                            conversion_help(&v.ty, want),
                        );
                        return None;
                    }
                }
                Some(Expr {
                    kind: ExprKind::Call {
                        func: id,
                        args: vals,
                    },
                    ty: ret,
                    span,
                })
            }
            DefKind::Broken | DefKind::Kernel { .. } => {
                self.errors += 1;
                None
            }
            DefKind::Helper | DefKind::ExportedInferred { .. } | DefKind::ExportedUnion { .. } => {
                let tys: Vec<Ty> = vals.iter().map(|v| v.ty.clone()).collect();
                let (id, ret) = self.instance(d, tys, func.span)?;
                Some(Expr {
                    kind: ExprKind::Call {
                        func: id,
                        args: vals,
                    },
                    ty: ret,
                    span,
                })
            }
        }
    }

    /// `f() missing required argument 'x'`, as CPython says it.
    fn missing_argument(&mut self, name: &str, pname: &str, span: Span) {
        self.error(
            Code::ArgumentMismatch,
            format!("{name}() missing required argument '{pname}'"),
            span,
            "missing argument",
            format!("pass `{pname}`"),
        );
    }

    /// A variable of the enclosing function passed to the function lifted from a nested one:
    /// its value, read without the check that it has one, and whether it has one, so the
    /// nested function raises NameError only where it reads it, as a closure would.
    pub(crate) fn free_variable(&mut self, e: &ast::Expr) -> Option<(Expr, Expr)> {
        let span = e.span;
        if let ast::ExprKind::Name(v) = &e.kind {
            if self.local_names.contains(v) {
                if let Some(&id) = self.by_name.get(v) {
                    let ty = self.locals[id.index()].ty.clone();
                    let value = Expr {
                        kind: ExprKind::LocalUnchecked(id),
                        ty,
                        span,
                    };
                    let flag = Expr {
                        kind: ExprKind::Assigned(id),
                        ty: Ty::Bool,
                        span,
                    };
                    return Some((value, flag));
                }
            }
        }
        let value = self.expr(e)?;
        Some((value, konst(Const::Bool(true), span)))
    }

    /// A call of helper `d` on arguments already checked (`a @ b` calling the library's matmul).
    pub(crate) fn call_def_values(
        &mut self,
        d: usize,
        vals: Vec<Expr>,
        span: Span,
    ) -> Option<Expr> {
        let tys: Vec<Ty> = vals.iter().map(|v| v.ty.clone()).collect();
        let (id, ret) = self.instance(d, tys, span)?;
        Some(Expr {
            kind: ExprKind::Call {
                func: id,
                args: vals,
            },
            ty: ret,
            span,
        })
    }

    /// The type of a callee expression when it is a dtype value (a local, or a call returning one).
    fn dtype_value_type(&mut self, func: &ast::Expr) -> Option<Ty> {
        let ty = match &func.kind {
            ast::ExprKind::Name(n) if self.local_names.contains(n) => {
                let id = *self.by_name.get(n)?;
                self.locals[id.index()].ty.clone()
            }
            ast::ExprKind::Call { .. } | ast::ExprKind::Attribute { .. } => {
                let quiet = self.quiet;
                self.quiet = true;
                let t = self.expr(func).map(|e| e.ty);
                self.quiet = quiet;
                t?
            }
            _ => return None,
        };
        matches!(ty, Ty::ScalarType(_)).then_some(ty)
    }

    /// `len(range(...))`, computed exactly as CPython does (a zero step raises, a length beyond 64 bits overflows).
    fn range_len(&mut self, args: &[ast::Expr], span: Span) -> Option<Expr> {
        if args.is_empty() || args.len() > 3 {
            let n = args.len();
            self.error(
                Code::ArgumentMismatch,
                format!("range expected 1 to 3 arguments, got {n}"),
                span,
                "range call",
                "call range(stop), range(start, stop) or range(start, stop, step)",
            );
            return None;
        }
        let vals: Vec<Option<Expr>> = args
            .iter()
            .map(|a| self.expr(a).and_then(|v| self.int_arg(v, "range")))
            .collect();
        let mut vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
        let int = |v: i64| konst(Const::Int(v), span);
        if vals.len() == 1 {
            vals.insert(0, int(0));
        }
        if vals.len() == 2 {
            vals.push(int(1));
        }
        Some(Expr {
            kind: ExprKind::Intrinsic {
                func: Intrinsic::RangeLen,
                args: vals,
            },
            ty: Ty::Int,
            span,
        })
    }

    fn arity(&mut self, name: &str, vals: &[Expr], allowed: &[usize], span: Span) -> bool {
        if allowed.contains(&vals.len()) {
            return true;
        }
        let want: Vec<String> = allowed.iter().map(|n| n.to_string()).collect();
        self.error(
            Code::ArgumentMismatch,
            format!(
                "{name}() takes {} argument(s), got {}",
                want.join(" or "),
                vals.len()
            ),
            span,
            "wrong number of arguments",
            format!("see the signature of {name}()"),
        );
        false
    }

    fn number(&mut self, name: &str, v: &Expr) -> bool {
        if v.ty.is_numeric() {
            return true;
        }
        self.error(
            Code::TypeMismatch,
            format!("{name}() needs a number, got {}", v.ty),
            v.span,
            format!("this is {}", v.ty),
            "pass an int, float or bool",
        );
        false
    }

    pub(crate) fn builtin(
        &mut self,
        name: &str,
        mut vals: Vec<Expr>,
        fspan: Span,
        span: Span,
    ) -> Option<Expr> {
        let intrinsic = |func: Intrinsic, args: Vec<Expr>, ty: Ty| {
            Some(Expr {
                kind: ExprKind::Intrinsic { func, args },
                ty,
                span,
            })
        };
        if name == "len" && vals.len() == 1 && matches!(vals[0].ty, Ty::Dict(..) | Ty::Set(_)) {
            let o = vals.remove(0);
            return Some(crate::dicts::obj_node(
                pyaot_hir::ObjOp::Len,
                vec![o],
                Ty::Int,
                span,
            ));
        }
        if name == "len" && vals.len() == 1 && vals[0].ty == Ty::Str {
            let s = vals.remove(0);
            return Some(crate::strings::str_node(
                pyaot_hir::StrOp::Len,
                vec![s],
                Ty::Int,
                span,
            ));
        }
        if matches!(name, "int" | "float") && vals.len() == 1 && vals[0].ty == Ty::Str {
            let s = vals.remove(0);
            let (op, ty) = if name == "int" {
                (pyaot_hir::StrOp::ToInt, Ty::Int)
            } else {
                (pyaot_hir::StrOp::ToFloat, Ty::Float)
            };
            return Some(crate::strings::str_node(op, vec![s], ty, span));
        }
        if name == "len" && vals.len() == 1 && crate::list::is_seq(&vals[0].ty) {
            let l = vals.remove(0);
            return Some(crate::list::list_node(
                pyaot_hir::ListOp::Len,
                vec![l],
                Ty::Int,
                span,
            ));
        }
        if name == "len" && vals.len() == 1 && matches!(vals[0].ty, Ty::Array(_)) {
            return self.array_len(vals.remove(0), span);
        }
        if name == "abs" && vals.len() == 1 && matches!(vals[0].ty, Ty::Array(_)) {
            return self.elementwise(vals, span, |cx, elems| {
                cx.ufunc_body("absolute", elems, span)
            });
        }
        // `bool(x)` of a fixed-width scalar tests it directly: a u64 beyond the int range is fine.
        if name == "bool" && vals.len() == 1 && matches!(vals[0].ty, Ty::Scalar(_)) {
            return self.truth(vals.remove(0));
        }
        if name == "abs" && vals.len() == 1 && crate::complex::is_complex(&vals[0].ty) {
            return Some(self.complex_abs(vals.remove(0), span));
        }
        if name == "complex" {
            return self.complex_builtin(vals, span);
        }
        let fixed = vals.iter().any(|v| matches!(v.ty, Ty::Scalar(_)));
        if fixed && name == "abs" && vals.len() == 1 && vals[0].ty != Ty::Scalar(Dtype::B1) {
            let v = vals.remove(0);
            let func = match v.ty {
                Ty::Scalar(d) if d.is_float() => Intrinsic::AbsFloat,
                _ => Intrinsic::AbsInt,
            };
            let ty = v.ty.clone();
            return intrinsic(func, vec![v], ty);
        }
        let same_fixed = vals
            .iter()
            .all(|v| matches!(v.ty, Ty::Scalar(_)) && v.ty == vals[0].ty);
        if !(fixed && same_fixed && matches!(name, "min" | "max")) {
            vals = vals.into_iter().map(to_python).collect();
        }
        match name {
            "abs" => {
                if !self.arity(name, &vals, &[1], span) || !self.number(name, &vals[0]) {
                    return None;
                }
                let v = vals.remove(0);
                match v.ty {
                    Ty::Float => intrinsic(Intrinsic::AbsFloat, vec![v], Ty::Float),
                    Ty::Bool => intrinsic(
                        Intrinsic::AbsInt,
                        vec![cast(CastKind::BoolToInt, v, Ty::Int)],
                        Ty::Int,
                    ),
                    _ => intrinsic(Intrinsic::AbsInt, vec![v], Ty::Int),
                }
            }
            "min" | "max" => {
                if vals.len() < 2 {
                    self.error(
                        Code::ArgumentMismatch,
                        format!("{name}() needs at least two arguments"),
                        span,
                        "too few arguments",
                        "iterables are not supported yet: pass the values",
                    );
                    return None;
                }
                let ty = vals[0].ty.clone();
                for v in &vals {
                    if !(v.ty.is_scalar() || matches!(v.ty, Ty::Scalar(_))) || v.ty != ty {
                        self.error(
                            Code::TypeMismatch,
                            format!("{name}() of {} and {}: the result's type would depend on the values", ty, v.ty),
                            v.span,
                            format!("this is {}", v.ty),
                            "give all arguments one type (for example 0.0 instead of 0)",
                        );
                        return None;
                    }
                }
                let func = if name == "min" {
                    Intrinsic::Min
                } else {
                    Intrinsic::Max
                };
                let mut it = vals.into_iter();
                let mut acc = it.next()?;
                for v in it {
                    acc = Expr {
                        kind: ExprKind::Intrinsic {
                            func,
                            args: vec![acc, v],
                        },
                        ty: ty.clone(),
                        span,
                    };
                }
                Some(acc)
            }
            "int" => {
                if !self.arity(name, &vals, &[0, 1], span) {
                    return None;
                }
                let Some(v) = vals.pop() else {
                    return Some(konst(Const::Int(0), span));
                };
                match v.ty {
                    Ty::Int => Some(v),
                    Ty::Bool => Some(cast(CastKind::BoolToInt, v, Ty::Int)),
                    Ty::Float => Some(cast(CastKind::FloatToInt, v, Ty::Int)),
                    _ => self.number(name, &v).then_some(v),
                }
            }
            "float" => {
                if !self.arity(name, &vals, &[0, 1], span) {
                    return None;
                }
                let Some(v) = vals.pop() else {
                    return Some(konst(Const::Float(0.0), span));
                };
                if !self.number(name, &v) {
                    return None;
                }
                Some(to_float(v))
            }
            "bool" => {
                if !self.arity(name, &vals, &[0, 1], span) {
                    return None;
                }
                let Some(v) = vals.pop() else {
                    return Some(konst(Const::Bool(false), span));
                };
                self.truth(v)
            }
            "round" => {
                if !self.arity(name, &vals, &[1, 2], span) || !self.number(name, &vals[0]) {
                    return None;
                }
                let x = vals.remove(0);
                if vals.is_empty() {
                    return match x.ty {
                        Ty::Float => intrinsic(Intrinsic::RoundToInt, vec![x], Ty::Int),
                        Ty::Bool => Some(cast(CastKind::BoolToInt, x, Ty::Int)),
                        _ => Some(x),
                    };
                }
                let n = self.int_arg(vals.remove(0), "round()'s ndigits")?;
                match x.ty {
                    Ty::Float => intrinsic(Intrinsic::RoundDigits, vec![x, n], Ty::Float),
                    Ty::Bool => intrinsic(
                        Intrinsic::RoundIntDigits,
                        vec![cast(CastKind::BoolToInt, x, Ty::Int), n],
                        Ty::Int,
                    ),
                    _ => intrinsic(Intrinsic::RoundIntDigits, vec![x, n], Ty::Int),
                }
            }
            "pow" => {
                if !self.arity(name, &vals, &[2], span) {
                    return None;
                }
                let r = vals.pop()?;
                let l = vals.pop()?;
                self.binary(ast::BinOp::Pow, l, r, span)
            }
            "len" => {
                if !self.arity(name, &vals, &[1], span) {
                    return None;
                }
                match &vals[0].ty {
                    Ty::Tuple(items) => {
                        let n = konst(Const::Int(items.len() as i64), span);
                        let tuple = vals.remove(0);
                        // The elements are still evaluated: they may raise or call functions.
                        if crate::expr::is_pure(&tuple) {
                            return Some(n);
                        }
                        Some(Expr {
                            kind: ExprKind::Seq {
                                effect: Box::new(tuple),
                                value: Box::new(n),
                            },
                            ty: Ty::Int,
                            span,
                        })
                    }
                    t => {
                        let t = t.clone();
                        self.error(
                            Code::TypeMismatch,
                            format!("object of type '{t}' has no len()"),
                            vals[0].span,
                            format!("this is {t}"),
                            "len() works on tuples (and arrays, later)",
                        );
                        None
                    }
                }
            }
            "range" => {
                self.error(
                    Code::UnsupportedSyntax,
                    "range() is only supported as the iterable of a `for` loop",
                    fspan,
                    "range value",
                    "write `for i in range(...)`",
                );
                None
            }
            "print" | "input" | "open" | "str" | "repr" | "list" | "dict" | "set" | "tuple"
            | "sum" | "sorted" | "enumerate" | "zip" | "isinstance" | "divmod" | "hash" | "id" => {
                self.error(
                    Code::UnsupportedSyntax,
                    format!("{name}() is not supported in compiled code"),
                    fspan,
                    "unsupported builtin",
                    "see docs/language.md for the supported builtins",
                );
                None
            }
            _ if pyaot_hir::ExcKind::from_name(name).is_some() => {
                self.error(
                    Code::BadRaise,
                    format!("exception `{name}` used outside `raise`"),
                    fspan,
                    "exception",
                    "exceptions can only be raised",
                );
                None
            }
            _ => {
                self.error(
                    Code::UnknownName,
                    format!("unknown function `{name}`"),
                    fspan,
                    "not defined",
                    "define it in this module, or use a supported builtin or math function",
                );
                None
            }
        }
    }

    pub(crate) fn math(
        &mut self,
        name: &str,
        vals: Vec<Expr>,
        fspan: Span,
        span: Span,
    ) -> Option<Expr> {
        let mut vals: Vec<Expr> = vals.into_iter().map(to_python).collect();
        let one = |f| (f, 1usize);
        let two = |f| (f, 2usize);
        let float_fn = match name {
            "sqrt" => Some(one(MathFn::Sqrt)),
            "exp" => Some(one(MathFn::Exp)),
            "exp2" => Some(one(MathFn::Exp2)),
            "expm1" => Some(one(MathFn::Expm1)),
            "log2" => Some(one(MathFn::Log2)),
            "log10" => Some(one(MathFn::Log10)),
            "log1p" => Some(one(MathFn::Log1p)),
            "sin" => Some(one(MathFn::Sin)),
            "cos" => Some(one(MathFn::Cos)),
            "tan" => Some(one(MathFn::Tan)),
            "asin" => Some(one(MathFn::Asin)),
            "acos" => Some(one(MathFn::Acos)),
            "atan" => Some(one(MathFn::Atan)),
            "sinh" => Some(one(MathFn::Sinh)),
            "cosh" => Some(one(MathFn::Cosh)),
            "tanh" => Some(one(MathFn::Tanh)),
            "asinh" => Some(one(MathFn::Asinh)),
            "acosh" => Some(one(MathFn::Acosh)),
            "atanh" => Some(one(MathFn::Atanh)),
            "erf" => Some(one(MathFn::Erf)),
            "erfc" => Some(one(MathFn::Erfc)),
            "gamma" => Some(one(MathFn::Gamma)),
            "lgamma" => Some(one(MathFn::Lgamma)),
            "atan2" => Some(two(MathFn::Atan2)),
            "hypot" => Some(two(MathFn::Hypot)),
            "fmod" => Some(two(MathFn::Fmod)),
            "pow" => Some(two(MathFn::Pow)),
            _ => None,
        };
        let fname = format!("math.{name}");
        let float_args = |cx: &mut Self, vals: Vec<Expr>| -> Option<Vec<Expr>> {
            let mut out = Vec::new();
            for v in vals {
                if !cx.number(&fname, &v) {
                    return None;
                }
                out.push(to_float(v));
            }
            Some(out)
        };
        let mk = |func: Intrinsic, args: Vec<Expr>, ty: Ty| {
            Some(Expr {
                kind: ExprKind::Intrinsic { func, args },
                ty,
                span,
            })
        };
        if let Some((f, n)) = float_fn {
            if !self.arity(&fname, &vals, &[n], span) {
                return None;
            }
            let args = float_args(self, vals)?;
            return mk(Intrinsic::Math(f), args, Ty::Float);
        }
        match name {
            "log" => {
                if !self.arity(&fname, &vals, &[1, 2], span) {
                    return None;
                }
                let f = if vals.len() == 1 {
                    MathFn::Log
                } else {
                    MathFn::LogBase
                };
                let args = float_args(self, vals)?;
                mk(Intrinsic::Math(f), args, Ty::Float)
            }
            "fabs" | "isnan" | "isinf" | "isfinite" | "degrees" | "radians" => {
                if !self.arity(&fname, &vals, &[1], span) {
                    return None;
                }
                let args = float_args(self, vals)?;
                let (f, ty) = match name {
                    "fabs" => (Intrinsic::AbsFloat, Ty::Float),
                    "isnan" => (Intrinsic::IsNan, Ty::Bool),
                    "isinf" => (Intrinsic::IsInf, Ty::Bool),
                    "isfinite" => (Intrinsic::IsFinite, Ty::Bool),
                    "degrees" => (Intrinsic::Degrees, Ty::Float),
                    _ => (Intrinsic::Radians, Ty::Float),
                };
                mk(f, args, ty)
            }
            "copysign" => {
                if !self.arity(&fname, &vals, &[2], span) {
                    return None;
                }
                let args = float_args(self, vals)?;
                mk(Intrinsic::Copysign, args, Ty::Float)
            }
            "floor" | "ceil" | "trunc" => {
                if !self.arity(&fname, &vals, &[1], span) || !self.number(&fname, &vals[0]) {
                    return None;
                }
                let v = vals.remove(0);
                let f = match name {
                    "floor" => Intrinsic::FloorToInt,
                    "ceil" => Intrinsic::CeilToInt,
                    _ => Intrinsic::TruncToInt,
                };
                match v.ty {
                    Ty::Float => mk(f, vec![v], Ty::Int),
                    Ty::Bool => Some(cast(CastKind::BoolToInt, v, Ty::Int)),
                    _ => Some(v),
                }
            }
            "ldexp" => {
                if !self.arity(&fname, &vals, &[2], span) {
                    return None;
                }
                let i = self.int_arg(vals.pop()?, "math.ldexp()'s exponent")?;
                let x = float_args(self, vals)?.pop()?;
                mk(Intrinsic::Ldexp, vec![x, i], Ty::Float)
            }
            "gcd" if vals.len() != 2 => {
                // gcd() is 0, gcd(a) is abs(a), and more arguments fold left to right.
                let mut args = Vec::new();
                for v in vals {
                    args.push(self.int_arg(v, &fname)?);
                }
                let mut it = args.into_iter();
                let Some(first) = it.next() else {
                    return Some(konst(Const::Int(0), span));
                };
                let zero = konst(Const::Int(0), span);
                let mut acc = mk(Intrinsic::Gcd, vec![first, zero], Ty::Int)?;
                for v in it {
                    acc = mk(Intrinsic::Gcd, vec![acc, v], Ty::Int)?;
                }
                Some(acc)
            }
            "gcd" | "factorial" | "isqrt" => {
                let n = if name == "gcd" { 2 } else { 1 };
                if !self.arity(&fname, &vals, &[n], span) {
                    return None;
                }
                let mut args = Vec::new();
                for v in vals {
                    args.push(self.int_arg(v, &fname)?);
                }
                let f = match name {
                    "gcd" => Intrinsic::Gcd,
                    "factorial" => Intrinsic::Factorial,
                    _ => Intrinsic::Isqrt,
                };
                mk(f, args, Ty::Int)
            }
            _ => {
                if crate::expr::math_constant(name).is_some() {
                    self.error(
                        Code::NotCallable,
                        format!("`math.{name}` is a constant, not a function"),
                        fspan,
                        "constant",
                        "use it without parentheses",
                    );
                } else {
                    self.error(
                        Code::UnknownAttribute,
                        format!("`math.{name}` is not supported"),
                        fspan,
                        "unsupported math function",
                        "see docs/language.md for the supported math functions",
                    );
                }
                None
            }
        }
    }
}

/// Python's `float(str)` for the literals worth allowing at compile time.
fn parse_float_literal(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase().replace('_', "");
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest.to_string()),
        None => (1.0, t.strip_prefix('+').unwrap_or(&t).to_string()),
    };
    let v = match body.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        other => other.parse::<f64>().ok()?,
    };
    Some(sign * v)
}

/// A tuple of arrays of one dtype and rank, some contiguous and some not, typed as a tuple of
/// strided arrays (the same words), so the library can index and iterate it.
fn strided_items(v: Expr) -> Expr {
    let Ty::Tuple(items) = &v.ty else { return v };
    let Some(Ty::Array(first)) = items.first() else {
        return v;
    };
    let same = items
        .iter()
        .all(|t| matches!(t, Ty::Array(a) if a.dtype == first.dtype && a.ndim == first.ndim));
    if !same {
        return v;
    }
    let strided = Ty::Array(pyaot_hir::ArrayTy {
        contig: false,
        ..*first
    });
    Expr {
        ty: Ty::Tuple(vec![strided; items.len()]),
        ..v
    }
}

/// Whether every value of the type is an instance of the builtin type `t`, as CPython says:
/// bool is an int, `np.float64` a float and `np.complex128` a complex (their subclasses), the
/// other NumPy scalars are none of these.
fn is_instance(ty: &Ty, t: &str) -> bool {
    matches!(
        (ty, t),
        (Ty::Int, "int")
            | (Ty::Bool, "int" | "bool")
            | (Ty::Float, "float")
            | (Ty::Complex, "complex")
            | (Ty::Tuple(_) | Ty::TupleOf(_), "tuple")
            | (Ty::Str, "str")
            | (Ty::List(_), "list")
            | (Ty::Dict(..), "dict")
            | (Ty::Set(_), "set")
            | (Ty::Scalar(Dtype::F64), "float")
            | (Ty::Scalar(Dtype::C128), "complex")
    )
}

impl FnCx<'_, '_> {
    /// `math.comb`, `math.perm` and `math.lcm`: functions of the bundled math module. `perm(n)`
    /// is `factorial(n)`; `lcm()` is 1, and one or more than two arguments go to the library's
    /// `_lcm_all`.
    pub(crate) fn math_library_call(
        &mut self,
        name: &str,
        func: &ast::Expr,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Option<Expr>> {
        let lib = self.m.library("math")?;
        let def = |cx: &Self, n: &str| match cx.m.global(lib, n) {
            Some(Global::Func(d)) => Some(*d),
            _ => None,
        };
        if name.starts_with('_') {
            return None;
        }
        if name == "perm" && args.len() == 1 && keywords.is_empty() {
            let v = self.expr(&args[0]);
            return Some(v.and_then(|v| self.math("factorial", vec![v], func.span, span)));
        }
        if name == "lcm" && args.len() != 2 && keywords.is_empty() {
            if args.is_empty() {
                return Some(Some(konst(Const::Int(1), span)));
            }
            // Every argument is evaluated first, as in CPython; the library folds them.
            let d = def(self, "_lcm_all")?;
            let mut vals = Vec::new();
            for a in args {
                match self.expr(a).and_then(|v| self.int_arg(v, "math.lcm()")) {
                    Some(v) => vals.push(v),
                    None => return Some(None),
                }
            }
            let tuple = Expr {
                ty: Ty::Tuple(vec![Ty::Int; vals.len()]),
                kind: ExprKind::Tuple(vals),
                span,
            };
            return Some(self.call_def_values(d, vec![tuple], span));
        }
        let d = def(self, name)?;
        Some(self.call_def(d, func, args, keywords, span))
    }
}
