//! Lists: displays, indexing and slicing, item and slice assignment, `del`, the methods, `+`,
//! `*`, comparisons and `in`.
//!
//! A list is a reference to a runtime object (`Ty::List`), so `b = a` makes an alias and a change
//! through one name is seen through the other, as in CPython. Operations with a fixed meaning are
//! HIR `List` nodes; the ones that compare items (`==`, `<`, `in`, `index`, `count`, `remove`,
//! `sort`) are Python functions of the bundled `builtins` library, specialised per item type.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Const, Expr, ExprKind, ListOp, StmtKind, Ty};
use pyaot_syntax::ast;

use crate::expr::konst;
use crate::expr::not;
use crate::func::FnCx;

/// A list operation node.
pub(crate) fn list_node(op: ListOp, args: Vec<Expr>, ty: Ty, span: Span) -> Expr {
    Expr {
        kind: ExprKind::List { op, args },
        ty,
        span,
    }
}

/// The item type of a list type.
pub(crate) fn item_of(ty: &Ty) -> Option<&Ty> {
    ty.seq_item()
}

/// Whether a type is held as a runtime list: a list or a `tuple[T, ...]`.
pub(crate) fn is_seq(ty: &Ty) -> bool {
    ty.seq_item().is_some()
}

impl FnCx<'_, '_> {
    /// A function of the bundled `builtins` library called on checked arguments.
    pub(crate) fn builtins_call(
        &mut self,
        name: &str,
        args: Vec<Expr>,
        span: Span,
    ) -> Option<Expr> {
        self.bundled_call("builtins", name, args, span)
    }

    /// An expression whose type is expected to be `expect` (a list display takes its item type
    /// from it, so `[]` and `[0, 1]` can be a `list[float]`).
    pub(crate) fn expr_expecting(&mut self, e: &ast::Expr, expect: Option<&Ty>) -> Option<Expr> {
        match (&e.kind, expect) {
            (ast::ExprKind::List(items), Some(t @ Ty::List(_))) => {
                self.list_display(items, Some(t), e.span)
            }
            (ast::ExprKind::ListComp { elt, clauses }, Some(Ty::List(item))) => {
                // The items take the expected item type (`[[] for _ in range(n)]`).
                self.comp_expect = Some((**item).clone());
                let r = self.list_comprehension(elt, clauses, e.span);
                self.comp_expect = None;
                r
            }
            (ast::ExprKind::Tuple(items), Some(Ty::TupleOf(item))) => {
                // A tuple display where a `tuple[T, ...]` is expected.
                let list = Ty::List(item.clone());
                let mut v = self.list_display(items, Some(&list), e.span)?;
                v.ty = Ty::TupleOf(item.clone());
                Some(v)
            }
            (ast::ExprKind::Dict(items), Some(t @ Ty::Dict(..))) => {
                self.dict_display(items, Some(t), e.span)
            }
            (ast::ExprKind::Set(items), Some(t @ Ty::Set(_))) => {
                self.set_display(items, Some(t), e.span)
            }
            (ast::ExprKind::Call { func, args, .. }, Some(t @ Ty::Set(_)))
                if args.is_empty() && self.is_builtin(func, "set") =>
            {
                self.set_display(&[], Some(t), e.span)
            }
            (ast::ExprKind::Call { func, args, .. }, Some(t @ Ty::Dict(..)))
                if args.is_empty() && self.is_builtin(func, "dict") =>
            {
                self.dict_display(&[], Some(t), e.span)
            }
            _ => self.expr(e),
        }
    }

    /// `v` as an item of type `item`: the same type, or an int where a float is held (converted,
    /// as a float parameter converts an int).
    pub(crate) fn as_item(&mut self, v: Expr, item: &Ty, span: Span) -> Option<Expr> {
        let v = crate::numeric::as_array_param(v, item);
        if v.ty == *item {
            return Some(v);
        }
        if let (Ty::Int, Ty::Float) = (&v.ty, item) {
            return Some(crate::expr::to_float(v));
        }
        self.error(
            Code::TypeMismatch,
            format!("a list[{item}] cannot hold {}", v.ty),
            span,
            format!("this is {}", v.ty),
            format!("a list holds items of one type; convert this value to {item}"),
        );
        None
    }

    /// `[a, b, ...]`: the item type is `expect`'s, else the items' common type.
    pub(crate) fn list_display(
        &mut self,
        items: &[ast::Expr],
        expect: Option<&Ty>,
        span: Span,
    ) -> Option<Expr> {
        let want_item = expect.and_then(item_of).cloned();
        let mut vals = Vec::new();
        let mut ok = true;
        for i in items {
            match self.expr_expecting(i, want_item.as_ref()) {
                Some(v) => vals.push(v),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let item = match want_item {
            Some(t) => t,
            None => {
                let Some(first) = vals.first() else {
                    self.error(
                        Code::UnsupportedSyntax,
                        "the item type of this empty list is not known",
                        span,
                        "empty list",
                        "annotate the variable, such as `xs: list[int] = []`, or append to it in this function",
                    );
                    return None;
                };
                let t = list_item_ty(&first.ty);
                let vals_held: Vec<Expr> = vals
                    .drain(..)
                    .map(|v| crate::numeric::as_array_param(v, &t))
                    .collect();
                vals = vals_held;
                if let Some(other) = vals.iter().find(|v| v.ty != t) {
                    let help = if matches!(
                        (&t, &other.ty),
                        (Ty::Int, Ty::Float) | (Ty::Float, Ty::Int)
                    ) {
                        "a list holds items of one type: write the ints as floats (`1.0`), or annotate the variable `list[float]`"
                    } else {
                        "a list holds items of one type"
                    };
                    self.error(
                        Code::TypeMismatch,
                        format!("this list mixes {t} and {} items", other.ty),
                        other.span,
                        format!("this is {}", other.ty),
                        help,
                    );
                    return None;
                }
                t
            }
        };
        if !crate::annot::list_item_ok(&item) {
            self.error(
                Code::UnsupportedType,
                format!("a list of {item} is not supported"),
                span,
                "list",
                "list items are numbers, strings, arrays, tuples of them or lists",
            );
            return None;
        }
        let mut out = Vec::new();
        for v in vals {
            let s = v.span;
            out.push(self.as_item(v, &item, s)?);
        }
        Some(list_node(ListOp::New, out, Ty::List(Box::new(item)), span))
    }

    /// The three bounds of a slice (omitted ones as 0) and the bits saying which were omitted.
    fn slice_bounds(
        &mut self,
        lower: Option<&ast::Expr>,
        upper: Option<&ast::Expr>,
        step: Option<&ast::Expr>,
        span: Span,
    ) -> Option<(Vec<Expr>, u8)> {
        let mut out = Vec::new();
        let mut omitted = 0u8;
        for (k, b) in [lower, upper, step].into_iter().enumerate() {
            match b {
                Some(e) if !matches!(e.kind, ast::ExprKind::NoneLit) => {
                    let v = self.expr(e)?;
                    out.push(self.int_arg(v, "a slice bound")?);
                }
                _ => {
                    omitted |= 1 << k;
                    out.push(konst(Const::Int(0), span));
                }
            }
        }
        Some((out, omitted))
    }

    /// `l[i]` and `l[start:stop:step]`.
    pub(crate) fn list_subscript(
        &mut self,
        l: Expr,
        index: &ast::Expr,
        span: Span,
    ) -> Option<Expr> {
        let item = item_of(&l.ty)?.clone();
        if let ast::ExprKind::Slice { lower, upper, step } = &index.kind {
            let (bounds, omitted) =
                self.slice_bounds(lower.as_deref(), upper.as_deref(), step.as_deref(), span)?;
            let ty = l.ty.clone();
            let mut args = vec![l];
            args.extend(bounds);
            return Some(list_node(ListOp::Slice { omitted }, args, ty, span));
        }
        let i = self.expr(index)?;
        let i = self.int_arg(i, "a list index")?;
        Some(list_node(ListOp::Get, vec![l, i], item, span))
    }

    /// `l[i] = v` and `l[start:stop:step] = other`; `value` is the checked right-hand side.
    pub(crate) fn list_store(
        &mut self,
        l: Expr,
        index: &ast::Expr,
        value: Expr,
        span: Span,
    ) -> Option<StmtKind> {
        let item = item_of(&l.ty)?.clone();
        if let ast::ExprKind::Slice { lower, upper, step } = &index.kind {
            if value.ty != l.ty {
                self.error(
                    Code::TypeMismatch,
                    format!("a slice of a {} is assigned a {}", l.ty, value.ty),
                    value.span,
                    format!("this is {}", value.ty),
                    format!("assign a {}", l.ty),
                );
                return None;
            }
            let (bounds, omitted) =
                self.slice_bounds(lower.as_deref(), upper.as_deref(), step.as_deref(), span)?;
            let mut args = vec![l];
            args.extend(bounds);
            args.push(value);
            return Some(StmtKind::Expr(list_node(
                ListOp::SetSlice { omitted },
                args,
                Ty::None,
                span,
            )));
        }
        let i = self.expr(index)?;
        let i = self.int_arg(i, "a list index")?;
        let vspan = value.span;
        let v = self.as_item(value, &item, vspan)?;
        Some(StmtKind::Expr(list_node(
            ListOp::SetItem,
            vec![l, i, v],
            Ty::None,
            span,
        )))
    }

    /// `del l[i]` and `del l[start:stop:step]`.
    pub(crate) fn list_del(&mut self, l: Expr, index: &ast::Expr, span: Span) -> Option<StmtKind> {
        if let ast::ExprKind::Slice { lower, upper, step } = &index.kind {
            let (bounds, omitted) =
                self.slice_bounds(lower.as_deref(), upper.as_deref(), step.as_deref(), span)?;
            let mut args = vec![l];
            args.extend(bounds);
            return Some(StmtKind::Expr(list_node(
                ListOp::DelSlice { omitted },
                args,
                Ty::None,
                span,
            )));
        }
        let i = self.expr(index)?;
        let i = self.int_arg(i, "a list index")?;
        Some(StmtKind::Expr(list_node(
            ListOp::DelItem,
            vec![l, i],
            Ty::None,
            span,
        )))
    }

    /// The checked arguments of a method, refusing keywords other than `allowed`.
    fn method_args(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        counts: &[usize],
        allowed: &[&str],
        span: Span,
    ) -> bool {
        if let Some(k) = keywords
            .iter()
            .find(|k| !allowed.contains(&k.name.as_deref().unwrap_or("**")))
        {
            self.error(
                Code::ArgumentMismatch,
                format!("list.{name}() got an unsupported keyword argument"),
                k.span,
                "keyword argument",
                "pass the arguments by position",
            );
            return false;
        }
        if !counts.contains(&args.len()) {
            self.error(
                Code::ArgumentMismatch,
                format!(
                    "list.{name}() takes {counts:?} arguments, got {}",
                    args.len()
                ),
                span,
                "call",
                "see docs/language.md for the list methods",
            );
            return false;
        }
        true
    }

    /// `l.method(...)` of a list `l`.
    pub(crate) fn list_method(
        &mut self,
        l: Expr,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let item = item_of(&l.ty)?.clone();
        let lt = l.ty.clone();
        let none = |op, args| Some(list_node(op, args, Ty::None, span));
        if matches!(lt, Ty::TupleOf(_)) && !matches!(name, "index" | "count") {
            self.error(
                Code::UnknownName,
                format!("a {lt} has no method `{name}`"),
                span,
                "unknown method",
                "tuples are immutable: their methods are index and count",
            );
            return None;
        }
        match name {
            "append" => {
                if !self.method_args(name, args, keywords, &[1], &[], span) {
                    return None;
                }
                let v = self.expr_expecting(&args[0], Some(&item))?;
                let s = v.span;
                let v = self.as_item(v, &item, s)?;
                none(ListOp::Append, vec![l, v])
            }
            "insert" => {
                if !self.method_args(name, args, keywords, &[2], &[], span) {
                    return None;
                }
                let i = self.expr(&args[0])?;
                let i = self.int_arg(i, "list.insert()")?;
                let v = self.expr_expecting(&args[1], Some(&item))?;
                let s = v.span;
                let v = self.as_item(v, &item, s)?;
                none(ListOp::Insert, vec![l, i, v])
            }
            "extend" => {
                if !self.method_args(name, args, keywords, &[1], &[], span) {
                    return None;
                }
                let other = self.expr_expecting(&args[0], Some(&lt))?;
                let other = self.list_operand(other, &lt, "list.extend()")?;
                none(ListOp::Extend, vec![l, other])
            }
            "pop" => {
                if !self.method_args(name, args, keywords, &[0, 1], &[], span) {
                    return None;
                }
                let mut a = vec![l];
                if let Some(i) = args.first() {
                    let i = self.expr(i)?;
                    a.push(self.int_arg(i, "list.pop()")?);
                }
                Some(list_node(ListOp::Pop, a, item, span))
            }
            "clear" | "reverse" => {
                if !self.method_args(name, args, keywords, &[0], &[], span) {
                    return None;
                }
                let op = if name == "clear" {
                    ListOp::Clear
                } else {
                    ListOp::Reverse
                };
                none(op, vec![l])
            }
            "copy" => {
                if !self.method_args(name, args, keywords, &[0], &[], span) {
                    return None;
                }
                Some(self.list_copy(l, span))
            }
            "index" | "count" | "remove" => {
                if !self.method_args(name, args, keywords, &[1], &[], span) {
                    return None;
                }
                let v = self.expr(&args[0])?;
                let s = v.span;
                let v = self.as_item(v, &item, s)?;
                let kind = if matches!(lt, Ty::TupleOf(_)) && name == "index" {
                    "tuple"
                } else {
                    "list"
                };
                self.builtins_call(&format!("_{kind}_{name}"), vec![l, v], span)
            }
            "sort" => {
                if !self.method_args(name, args, keywords, &[0], &["reverse", "key"], span) {
                    return None;
                }
                let kw = |n: &str| keywords.iter().find(|k| k.name.as_deref() == Some(n));
                let (key, reverse) = (kw("key"), kw("reverse"));
                self.sort_list(l, key.map(|k| &k.value), reverse.map(|k| &k.value), span)
            }
            _ => {
                self.error(
                    Code::UnknownName,
                    format!("list has no supported method `{name}`"),
                    span,
                    "unknown method",
                    "the list methods are append, extend, insert, pop, remove, index, count, clear, copy, reverse and sort",
                );
                None
            }
        }
    }

    /// Sorts the list `l` in place (`l.sort(key=..., reverse=...)`): the keys are computed first,
    /// one per item in order (a lambda runs here, where it is defined), then compared only.
    pub(crate) fn sort_list(
        &mut self,
        l: Expr,
        key: Option<&ast::Expr>,
        reverse: Option<&ast::Expr>,
        span: Span,
    ) -> Option<Expr> {
        let mut stmts = Vec::new();
        let held = self.hidden("sortl", l, span, &mut stmts);
        let keys = match key {
            None => None,
            Some(ast::Expr {
                kind: ast::ExprKind::NoneLit,
                ..
            }) => None,
            Some(k) => {
                let k = &self.key_function(k);
                // [key(item) for item in held]
                let ExprKind::Local(id) = held.kind else {
                    return None;
                };
                let list_name = self.locals[id.index()].name.clone();
                let item = format!("$sortitem{}", span.start);
                // The hidden names are locals of this function for the names they are read by.
                self.local_names.insert(list_name.clone());
                self.local_names.insert(item.clone());
                let named = |n: &str, s: Span| ast::Expr {
                    kind: ast::ExprKind::Name(n.to_string()),
                    span: s,
                };
                let elt = ast::Expr {
                    kind: ast::ExprKind::Call {
                        func: Box::new(k.clone()),
                        args: vec![named(&item, k.span)],
                        keywords: vec![],
                    },
                    span: k.span,
                };
                let clause = ast::Comprehension {
                    target: named(&item, k.span),
                    iter: named(&list_name, span),
                    ifs: vec![],
                    is_async: false,
                    span: k.span,
                };
                let keys = self.list_comprehension(&elt, &[clause], k.span)?;
                Some(keys)
            }
        };
        let reverse = match reverse {
            Some(r) => {
                let r = self.expr(r)?;
                self.truth(r)?
            }
            None => konst(Const::Bool(false), span),
        };
        let sort = match keys {
            None => self.builtins_call("_list_sort", vec![held.clone(), reverse], span)?,
            Some(keys) => {
                self.builtins_call("_list_sort_keyed", vec![held.clone(), keys, reverse], span)?
            }
        };
        stmts.push(pyaot_hir::Stmt {
            kind: StmtKind::Expr(sort),
            span,
        });
        let free_from = stmts.len();
        Some(Expr {
            kind: ExprKind::Block {
                stmts,
                value: Box::new(konst(Const::None, span)),
                free_from,
            },
            ty: Ty::None,
            span,
        })
    }

    /// A new list with the items of `l`.
    pub(crate) fn list_copy(&mut self, l: Expr, span: Span) -> Expr {
        let ty = l.ty.clone();
        let zero = || konst(Const::Int(0), span);
        list_node(
            ListOp::Slice { omitted: 7 },
            vec![l, zero(), zero(), zero()],
            ty,
            span,
        )
    }

    /// An operand that must be a list of type `want`.
    fn list_operand(&mut self, v: Expr, want: &Ty, what: &str) -> Option<Expr> {
        if v.ty == *want {
            return Some(v);
        }
        self.error(
            Code::TypeMismatch,
            format!("{what} needs a {want}, got {}", v.ty),
            v.span,
            format!("this is {}", v.ty),
            format!("pass a {want}"),
        );
        None
    }

    /// `a + b` and `a * n` / `n * a` with a list operand; `None` when neither operand is a list.
    pub(crate) fn list_binary(
        &mut self,
        op: ast::BinOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        let (lt, rt) = (l.ty.clone(), r.ty.clone());
        match (op, &lt, &rt) {
            (ast::BinOp::Add, l_ty, _) if is_seq(l_ty) => {
                let r = self.list_operand(r, &lt, "list +")?;
                Some(Some(list_node(ListOp::Concat, vec![l, r], lt, span)))
            }
            (ast::BinOp::Mul, l_ty, _) if is_seq(l_ty) => {
                let n = self.int_arg(r, "list *")?;
                Some(Some(list_node(ListOp::Repeat, vec![l, n], lt, span)))
            }
            (ast::BinOp::Mul, _, r_ty) if is_seq(r_ty) => {
                // `n * a`: n is evaluated first, as Python does.
                let n = self.int_arg(l, "list *")?;
                let name = format!("$rep{}", span.start);
                let mut stmts = Vec::new();
                let n = self.hidden_as(name, n, span, &mut stmts);
                let value = list_node(ListOp::Repeat, vec![r, n], rt.clone(), span);
                Some(Some(Expr {
                    kind: ExprKind::Block {
                        stmts,
                        value: Box::new(value),
                        free_from: 1,
                    },
                    ty: rt,
                    span,
                }))
            }
            (_, l_ty, r_ty) if is_seq(l_ty) || is_seq(r_ty) => {
                self.error(
                    Code::TypeMismatch,
                    format!(
                        "unsupported operand types for {}: {} and {}",
                        op.symbol(),
                        lt,
                        rt
                    ),
                    span,
                    format!("{} {} {}", lt, op.symbol(), rt),
                    "lists support + (another list of the same type) and * (an int)",
                );
                Some(None)
            }
            _ => None,
        }
    }

    /// `a == b`, `a < b`, ... of two lists, and `x in l`; `None` when no list is involved.
    pub(crate) fn list_compare(
        &mut self,
        op: ast::CmpOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        use ast::CmpOp::*;
        match (op, &l.ty, &r.ty) {
            (In | NotIn, _, Ty::List(item) | Ty::TupleOf(item)) => {
                let item = (**item).clone();
                let s = l.span;
                let x = match (&l.ty, &item) {
                    (Ty::Int | Ty::Bool, Ty::Float) | (Ty::Bool, Ty::Int) => l,
                    _ => self.as_item(l, &item, s)?,
                };
                let found = self.builtins_call("_list_contains", vec![r, x], span)?;
                Some(Some(if op == In { found } else { not(found) }))
            }
            (Eq | NotEq | Lt | LtE | Gt | GtE, l_ty, r_ty) if is_seq(l_ty) || is_seq(r_ty) => {
                if l.ty != r.ty {
                    self.error(
                        Code::TypeMismatch,
                        format!("a {} is compared with a {}", l.ty, r.ty),
                        span,
                        "comparison",
                        "compare lists of the same item type",
                    );
                    return Some(None);
                }
                let (name, negate) = match op {
                    Eq => ("_list_eq", false),
                    NotEq => ("_list_eq", true),
                    Lt => ("_list_lt", false),
                    LtE => ("_list_le", false),
                    Gt => ("_list_gt", false),
                    _ => ("_list_ge", false),
                };
                let v = self.builtins_call(name, vec![l, r], span)?;
                Some(Some(if negate { not(v) } else { v }))
            }
            _ => None,
        }
    }

    /// The type of an expression, checked quietly.
    pub(crate) fn probe_type(&mut self, e: &ast::Expr) -> Option<Ty> {
        let quiet = self.quiet;
        self.quiet = true;
        let errors = self.errors;
        let probe = self.expr(e);
        self.quiet = quiet;
        self.errors = errors;
        probe.map(|p| p.ty)
    }

    /// Whether an expression has a list type (checked quietly).
    pub(crate) fn is_list(&mut self, e: &ast::Expr) -> bool {
        matches!(self.probe_type(e), Some(Ty::List(_)))
    }

    /// Whether an expression has a dict type (checked quietly).
    pub(crate) fn is_dict(&mut self, e: &ast::Expr) -> bool {
        matches!(self.probe_type(e), Some(Ty::Dict(..)))
    }

    /// `len(l) != 0`: the truth of a list.
    pub(crate) fn list_truth(&mut self, l: Expr) -> Expr {
        let span = l.span;
        crate::expr::len_truth(list_node(ListOp::Len, vec![l], Ty::Int, span))
    }
}

impl FnCx<'_, '_> {
    /// `name.append(x)` / `name.insert(i, x)` where `name = []` was met but its type is not known
    /// yet: the item's type decides it (`Some(None)` when the item does not check).
    pub(crate) fn infer_empty_list(
        &mut self,
        value: &ast::Expr,
        attr: &str,
        args: &[ast::Expr],
    ) -> Option<Option<Expr>> {
        let ast::ExprKind::Name(n) = &value.kind else {
            return None;
        };
        if self.by_name.contains_key(n) || !self.empty_lists.contains(n) {
            return None;
        }
        let item = match (attr, args) {
            ("append", [x]) | ("insert", [_, x]) => x,
            _ => return None,
        };
        let v = self.expr(item)?;
        if !crate::annot::list_item_ok(&v.ty) {
            return None;
        }
        let span = value.span;
        self.declare(n, Ty::List(Box::new(list_item_ty(&v.ty))), span);
        None
    }

    /// `name = []` (or any list display) where `name`'s type may come from elsewhere.
    pub(crate) fn assign_list_display(
        &mut self,
        name: &str,
        target: &ast::Expr,
        items: &[ast::Expr],
        span: Span,
    ) -> Option<StmtKind> {
        let known = self
            .by_name
            .get(name)
            .map(|id| self.locals[id.index()].ty.clone());
        if items.is_empty() && !matches!(known, Some(Ty::List(_))) {
            self.empty_lists.insert(name.to_string());
            if self.quiet {
                self.errors += 1;
                self.poison(target);
                return None;
            }
        }
        let expect = known.as_ref().filter(|t| matches!(t, Ty::List(_)));
        let Some(v) = self.list_display(items, expect, span) else {
            self.poison(target);
            return None;
        };
        self.assign(target, v)
    }

    /// `del target, ...`.
    pub(crate) fn delete(&mut self, targets: &[ast::Expr], span: Span) -> Vec<StmtKind> {
        let mut out = Vec::new();
        for t in targets {
            let ast::ExprKind::Subscript { value, index } = &t.kind else {
                self.error(
                    Code::UnsupportedSyntax,
                    "only list items and slices can be deleted",
                    t.span,
                    "del target",
                    "delete list items (`del xs[i]`) or slices (`del xs[i:j]`)",
                );
                continue;
            };
            let Some(l) = self.expr(value) else { continue };
            if let Ty::Dict(..) = l.ty {
                if let Some(k) = self.dict_del(l, index, span) {
                    out.push(k);
                }
                continue;
            }
            if !matches!(l.ty, Ty::List(_)) {
                self.error(
                    Code::UnsupportedSyntax,
                    format!("items of a {} cannot be deleted", l.ty),
                    value.span,
                    format!("this is {}", l.ty),
                    "delete list items (`del xs[i]`) or slices (`del xs[i:j]`)",
                );
                continue;
            }
            if let Some(k) = self.list_del(l, index, span) {
                out.push(k);
            }
        }
        out
    }

    /// `l[i] op= v`: `l` and `i` evaluated once, then `l[i] = l[i] op v`.
    pub(crate) fn list_aug_store(
        &mut self,
        l: Expr,
        index: &ast::Expr,
        op: ast::BinOp,
        value: &ast::Expr,
        span: Span,
        out: &mut Vec<pyaot_hir::Stmt>,
    ) {
        if let ast::ExprKind::Slice { .. } = index.kind {
            self.error(
                Code::UnsupportedSyntax,
                "augmented assignment to a list slice is not supported",
                index.span,
                "slice",
                "assign the slice: `xs[i:j] = xs[i:j] + ys`",
            );
            return;
        }
        let item = match item_of(&l.ty) {
            Some(t) => t.clone(),
            None => return,
        };
        let l = self.hidden("lst", l, span, out);
        let Some(i) = self.expr(index) else { return };
        let Some(i) = self.int_arg(i, "a list index") else {
            return;
        };
        let i = self.hidden("li", i, span, out);
        let cur = list_node(ListOp::Get, vec![l.clone(), i.clone()], item.clone(), span);
        let Some(rhs) = self.expr(value) else { return };
        let Some(v) = self.binary(op, cur, rhs, span) else {
            return;
        };
        let vspan = v.span;
        let Some(v) = self.as_item(v, &item, vspan) else {
            return;
        };
        out.push(pyaot_hir::Stmt {
            kind: StmtKind::Expr(list_node(ListOp::SetItem, vec![l, i, v], Ty::None, span)),
            span,
        });
    }
}

impl FnCx<'_, '_> {
    /// A value of a fixed tuple type whose items all have type `item` as a `tuple[item, ...]`
    /// (the value is evaluated once); any other value unchanged.
    pub(crate) fn as_var_tuple(&mut self, v: Expr, item: &Ty) -> Expr {
        let Ty::Tuple(items) = &v.ty else {
            return v;
        };
        if items.is_empty() || !items.iter().all(|t| t == item) {
            return v;
        }
        let n = items.len();
        let span = v.span;
        let mut stmts = Vec::new();
        let held = self.hidden("vtup", v, span, &mut stmts);
        let parts = (0..n)
            .map(|index| Expr {
                kind: ExprKind::TupleGet {
                    tuple: Box::new(held.clone()),
                    index,
                },
                ty: item.clone(),
                span,
            })
            .collect();
        let ty = Ty::TupleOf(Box::new(item.clone()));
        let value = list_node(ListOp::New, parts, ty.clone(), span);
        Expr {
            kind: ExprKind::Block {
                free_from: stmts.len(),
                stmts,
                value: Box::new(value),
            },
            ty,
            span,
        }
    }
}

/// The item type a list made from values of type `t` holds: arrays become strided ones (every
/// array of the dtype and rank is one, with the same words), so contiguous and strided arrays
/// share a list.
pub(crate) fn list_item_ty(t: &Ty) -> Ty {
    match t {
        Ty::Array(a) => Ty::Array(pyaot_hir::ArrayTy {
            contig: false,
            ..*a
        }),
        Ty::Tuple(items) => Ty::Tuple(items.iter().map(list_item_ty).collect()),
        t => t.clone(),
    }
}
