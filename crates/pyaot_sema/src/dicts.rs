//! Dicts and sets: displays, subscripts, stores, `del`, `in`, `len`, the methods, the set
//! operators and comparisons, and the types of `d = {}` / `s = set()` from their first store.
//!
//! A dict or set is the CPython object itself (`Ty::Dict`, `Ty::Set`), so hashing, insertion
//! order, `KeyError` and every method are CPython's; keys and values are boxed on the way in and
//! unboxed by their static types on the way out.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Expr, ExprKind, ObjOp, StmtKind, Ty};
use pyaot_syntax::ast;

use crate::func::FnCx;

/// The element and clauses that walk an iterable: a generator expression's own, or
/// `x for x in iterable`.
fn comprehension_of(x: &ast::Expr) -> (ast::Expr, Vec<ast::Comprehension>) {
    if let ast::ExprKind::Generator { elt, clauses } = &x.kind {
        return ((**elt).clone(), clauses.clone());
    }
    let var = ast::Expr {
        kind: ast::ExprKind::Name(format!("$it{}", x.span.start)),
        span: x.span,
    };
    let clause = ast::Comprehension {
        target: var.clone(),
        iter: x.clone(),
        ifs: Vec::new(),
        is_async: false,
        span: x.span,
    };
    (var, vec![clause])
}

/// A dict or set operation node.
pub(crate) fn obj_node(op: ObjOp, args: Vec<Expr>, ty: Ty, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Obj { op, args },
        ty,
        span,
    }
}

/// Whether values of this type can be dict keys and values and set items: numbers, strings, and
/// tuples of them.
pub(crate) fn boxable(t: &Ty) -> bool {
    match t {
        Ty::Int | Ty::Float | Ty::Bool | Ty::Complex | Ty::Str => true,
        Ty::Tuple(items) => !items.is_empty() && items.iter().all(boxable),
        _ => false,
    }
}

impl FnCx<'_, '_> {
    /// `v` as a key or value of type `want`: the same type, or an int where a float is held.
    fn as_entry(&mut self, v: Expr, want: &Ty, what: &str) -> Option<Expr> {
        if v.ty == *want {
            return Some(v);
        }
        if let (Ty::Int, Ty::Float) = (&v.ty, want) {
            return Some(crate::expr::to_float(v));
        }
        self.error(
            Code::TypeMismatch,
            format!("a {what} of type {want} cannot be {}", v.ty),
            v.span,
            format!("this is {}", v.ty),
            format!("convert this value to {want}"),
        );
        None
    }

    /// A key only looked up (`d[k]`, `k in d`, `del d[k]`, `d.get(k, ...)`, `d.pop(k)`): a bool
    /// where an int is held, or an int or bool where a float is, is looked up as it is, since
    /// CPython finds `True` under `1` and `1` under `1.0`.
    fn as_lookup_key(&mut self, k: Expr, want: &Ty) -> Option<Expr> {
        match (&k.ty, want) {
            (Ty::Bool, Ty::Int) | (Ty::Int | Ty::Bool, Ty::Float) => Some(k),
            _ => self.as_entry(k, want, "key"),
        }
    }

    /// Refuses key, value and item types that cannot be boxed.
    fn check_boxable(&mut self, t: &Ty, span: Span) -> bool {
        if boxable(t) {
            return true;
        }
        self.error(
            Code::UnsupportedType,
            format!("a dict or set of {t} is not supported"),
            span,
            format!("this is {t}"),
            "keys, values and set items are numbers, strings or tuples of them",
        );
        false
    }

    /// `{k: v, ...}` with the key and value types of `expect` or of the first item.
    pub(crate) fn dict_display(
        &mut self,
        items: &[(ast::Expr, ast::Expr)],
        expect: Option<&Ty>,
        span: Span,
    ) -> Option<Expr> {
        let mut kvs = Vec::new();
        for (k, v) in items {
            let k = self.expr(k)?;
            let v = self.expr(v)?;
            kvs.push((k, v));
        }
        let (kt, vt) = match (expect, kvs.first()) {
            (Some(Ty::Dict(k, v)), _) => ((**k).clone(), (**v).clone()),
            (_, Some((k, v))) => (k.ty.clone(), v.ty.clone()),
            (_, None) => {
                self.error(
                    Code::UnsupportedSyntax,
                    "the key and value types of this empty dict are not known",
                    span,
                    "empty dict",
                    "annotate the variable, such as `d: dict[str, int] = {}`, or store into it in this function",
                );
                return None;
            }
        };
        if !self.check_boxable(&kt, span) || !self.check_boxable(&vt, span) {
            return None;
        }
        let mut args = Vec::new();
        for (k, v) in kvs {
            args.push(self.as_entry(k, &kt, "key")?);
            args.push(self.as_entry(v, &vt, "value")?);
        }
        let ty = Ty::Dict(Box::new(kt), Box::new(vt));
        Some(obj_node(ObjOp::New, args, ty, span))
    }

    /// `{a, b, ...}` (and `set()` with `items` empty) with the item type of `expect` or of the
    /// first item.
    pub(crate) fn set_display(
        &mut self,
        items: &[ast::Expr],
        expect: Option<&Ty>,
        span: Span,
    ) -> Option<Expr> {
        let mut vals = Vec::new();
        for x in items {
            vals.push(self.expr(x)?);
        }
        let t = match (expect, vals.first()) {
            (Some(Ty::Set(t)), _) => (**t).clone(),
            (_, Some(v)) => v.ty.clone(),
            (_, None) => {
                self.error(
                    Code::UnsupportedSyntax,
                    "the item type of this empty set is not known",
                    span,
                    "empty set",
                    "annotate the variable, such as `s: set[int] = set()`, or add to it in this function",
                );
                return None;
            }
        };
        if !self.check_boxable(&t, span) {
            return None;
        }
        let mut args = Vec::new();
        for v in vals {
            args.push(self.as_entry(v, &t, "set item")?);
        }
        Some(obj_node(ObjOp::New, args, Ty::Set(Box::new(t)), span))
    }

    /// `d[k]` of a dict.
    pub(crate) fn dict_subscript(
        &mut self,
        d: Expr,
        index: &ast::Expr,
        span: Span,
    ) -> Option<Expr> {
        let Ty::Dict(kt, vt) = d.ty.clone() else {
            return None;
        };
        let k = self.expr(index)?;
        let k = self.as_lookup_key(k, &kt)?;
        Some(obj_node(ObjOp::Get, vec![d, k], *vt, span))
    }

    /// `d[k] = v`.
    pub(crate) fn dict_store(
        &mut self,
        d: Expr,
        index: &ast::Expr,
        v: Expr,
        span: Span,
    ) -> Option<StmtKind> {
        let Ty::Dict(kt, vt) = d.ty.clone() else {
            return None;
        };
        let k = self.expr(index)?;
        let k = self.as_entry(k, &kt, "key")?;
        let v = self.as_entry(v, &vt, "value")?;
        Some(StmtKind::Expr(obj_node(
            ObjOp::Set,
            vec![d, k, v],
            Ty::None,
            span,
        )))
    }

    /// `del d[k]`.
    pub(crate) fn dict_del(&mut self, d: Expr, index: &ast::Expr, span: Span) -> Option<StmtKind> {
        let Ty::Dict(kt, _) = d.ty.clone() else {
            return None;
        };
        let k = self.expr(index)?;
        let k = self.as_lookup_key(k, &kt)?;
        Some(StmtKind::Expr(obj_node(
            ObjOp::Del,
            vec![d, k],
            Ty::None,
            span,
        )))
    }

    /// `d[k] op= v`: `d` and `k` evaluated once.
    pub(crate) fn dict_aug_store(
        &mut self,
        d: Expr,
        index: &ast::Expr,
        op: ast::BinOp,
        value: &ast::Expr,
        span: Span,
        out: &mut Vec<pyaot_hir::Stmt>,
    ) {
        let Ty::Dict(kt, vt) = d.ty.clone() else {
            return;
        };
        let d = self.hidden("dict", d, span, out);
        let Some(k) = self.expr(index) else { return };
        let Some(k) = self.as_entry(k, &kt, "key") else {
            return;
        };
        let k = self.hidden("dkey", k, span, out);
        let cur = obj_node(ObjOp::Get, vec![d.clone(), k.clone()], (*vt).clone(), span);
        let Some(rhs) = self.expr(value) else { return };
        let Some(v) = self.binary(op, cur, rhs, span) else {
            return;
        };
        let Some(v) = self.as_entry(v, &vt, "value") else {
            return;
        };
        out.push(pyaot_hir::Stmt {
            kind: StmtKind::Expr(obj_node(ObjOp::Set, vec![d, k, v], Ty::None, span)),
            span,
        });
    }

    /// The checked arguments of a method.
    fn obj_args(
        &mut self,
        what: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        want: &[Ty],
        span: Span,
    ) -> Option<Vec<Expr>> {
        let lookup = what.ends_with(".get()") || what.ends_with(".pop()");
        if !keywords.is_empty() || args.len() != want.len() {
            self.error(
                Code::ArgumentMismatch,
                format!("{what} takes {} positional arguments here", want.len()),
                span,
                "call",
                "see docs/language.md for the dict and set methods",
            );
            return None;
        }
        let mut out = Vec::new();
        for (i, (a, t)) in args.iter().zip(want).enumerate() {
            let v = match t {
                Ty::Dict(..) | Ty::Set(_) => self.expr_expecting(a, Some(t))?,
                _ => self.expr(a)?,
            };
            out.push(if lookup && i == 0 {
                self.as_lookup_key(v, t)?
            } else {
                self.as_entry(v, t, "argument")?
            });
        }
        Some(out)
    }

    /// `o.name(...)` of a dict or set.
    pub(crate) fn obj_method(
        &mut self,
        o: Expr,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let ty = o.ty.clone();
        let what = format!(
            "{}.{name}()",
            if matches!(ty, Ty::Dict(..)) {
                "dict"
            } else {
                "set"
            }
        );
        let method = |cx: &mut Self, want: &[Ty], ret: Ty, o: Expr| {
            let mut a = vec![o];
            a.extend(cx.obj_args(&what, args, keywords, want, span)?);
            Some(obj_node(ObjOp::Method(name.to_string()), a, ret, span))
        };
        let update = |cx: &mut Self, code: u8, want: &[Ty], o: Expr| {
            let mut a = vec![o];
            a.extend(cx.obj_args(&what, args, keywords, want, span)?);
            Some(obj_node(ObjOp::Update(code), a, Ty::None, span))
        };
        match (&ty, name) {
            (Ty::Dict(k, v), "get" | "setdefault") if args.len() == 2 => {
                let (k, v) = ((**k).clone(), (**v).clone());
                method(self, &[k, v.clone()], v, o)
            }
            (Ty::Dict(..), "get") => {
                self.error(
                    Code::ArgumentMismatch,
                    "dict.get() needs a default here",
                    span,
                    "no default",
                    "give a default of the value type: d.get(k, 0); compiled code has no None values",
                );
                None
            }
            (Ty::Dict(k, v), "pop") => {
                let want = if args.len() == 2 {
                    vec![(**k).clone(), (**v).clone()]
                } else {
                    vec![(**k).clone()]
                };
                method(self, &want, (**v).clone(), o)
            }
            (Ty::Dict(k, v), "keys" | "values" | "items") => {
                self.obj_args(&what, args, keywords, &[], span)?;
                let (which, item) = match name {
                    "keys" => (0, (**k).clone()),
                    "values" => (1, (**v).clone()),
                    _ => (2, Ty::Tuple(vec![(**k).clone(), (**v).clone()])),
                };
                Some(obj_node(
                    ObjOp::Items(which),
                    vec![o],
                    Ty::List(Box::new(item)),
                    span,
                ))
            }
            (Ty::Dict(..), "update") => update(self, 3, std::slice::from_ref(&ty), o),
            (Ty::Dict(..) | Ty::Set(_), "clear") => update(self, 4, &[], o),
            (Ty::Dict(..) | Ty::Set(_), "copy") => {
                self.obj_args(&what, args, keywords, &[], span)?;
                Some(obj_node(ObjOp::Copy, vec![o], ty, span))
            }
            (Ty::Set(t), "add" | "discard" | "remove") => {
                let code = match name {
                    "add" => 0,
                    "discard" => 1,
                    _ => 2,
                };
                let t = (**t).clone();
                update(self, code, &[t], o)
            }
            (Ty::Set(t), "pop") => {
                let t = (**t).clone();
                method(self, &[], t, o)
            }
            (Ty::Set(_), "union" | "intersection" | "difference" | "symmetric_difference") => {
                method(self, std::slice::from_ref(&ty), ty.clone(), o)
            }
            (Ty::Set(_), "issubset" | "issuperset" | "isdisjoint") => {
                method(self, std::slice::from_ref(&ty), Ty::Bool, o)
            }
            _ => {
                self.error(
                    Code::UnknownName,
                    format!("{ty} has no supported method `{name}`"),
                    span,
                    "unknown method",
                    "see docs/language.md for the dict and set methods",
                );
                None
            }
        }
    }

    /// Set operators `| & - ^` (and `|` of dicts); `None` when no dict or set is involved.
    pub(crate) fn obj_binary(
        &mut self,
        op: ast::BinOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        if !matches!(l.ty, Ty::Dict(..) | Ty::Set(_)) && !matches!(r.ty, Ty::Dict(..) | Ty::Set(_))
        {
            return None;
        }
        let code = match (op, &l.ty) {
            (ast::BinOp::BitOr, _) => 6,
            (ast::BinOp::BitAnd, Ty::Set(_)) => 7,
            (ast::BinOp::Sub, Ty::Set(_)) => 8,
            (ast::BinOp::BitXor, Ty::Set(_)) => 9,
            _ => 0,
        };
        if code == 0 || l.ty != r.ty {
            self.error(
                Code::TypeMismatch,
                format!(
                    "unsupported operand types for {}: {} and {}",
                    op.symbol(),
                    l.ty,
                    r.ty
                ),
                span,
                format!("{} {} {}", l.ty, op.symbol(), r.ty),
                "sets of one type support | & - ^; dicts of one type support |",
            );
            return Some(None);
        }
        let ty = l.ty.clone();
        Some(Some(obj_node(ObjOp::Binary(code), vec![l, r], ty, span)))
    }

    /// `x in o`, and `==`, `!=` (dicts and sets) and the subset orderings of sets; `None` when no
    /// dict or set is on the right.
    pub(crate) fn obj_compare(
        &mut self,
        op: ast::CmpOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        use ast::CmpOp::*;
        let key = match &r.ty {
            Ty::Dict(k, _) => (**k).clone(),
            Ty::Set(t) => (**t).clone(),
            _ if matches!(l.ty, Ty::Dict(..) | Ty::Set(_)) => Ty::None,
            _ => return None,
        };
        let code = match op {
            In | NotIn => {
                let x = match (&l.ty, &key) {
                    (Ty::Int | Ty::Bool, Ty::Float) | (Ty::Bool, Ty::Int) => l,
                    _ => match self.as_lookup_key(l, &key) {
                        Some(x) => x,
                        None => return Some(None),
                    },
                };
                let found = obj_node(ObjOp::Contains, vec![r, x], Ty::Bool, span);
                return Some(Some(if op == In {
                    found
                } else {
                    Expr {
                        span,
                        ty: Ty::Bool,
                        kind: ExprKind::Not(Box::new(found)),
                    }
                }));
            }
            Lt => 0,
            LtE => 1,
            Eq => 2,
            NotEq => 3,
            Gt => 4,
            GtE => 5,
            _ => 255,
        };
        let ordered = matches!(code, 0 | 1 | 4 | 5);
        if code == 255 || l.ty != r.ty || (ordered && matches!(l.ty, Ty::Dict(..))) {
            self.error(
                Code::TypeMismatch,
                format!("a {} cannot be compared with a {} here", l.ty, r.ty),
                span,
                "comparison",
                "compare dicts with == and !=, and sets of one type with == != < <= > >=",
            );
            return Some(None);
        }
        Some(Some(obj_node(
            ObjOp::Binary(code),
            vec![l, r],
            Ty::Bool,
            span,
        )))
    }

    /// `len(o) != 0`.
    pub(crate) fn obj_truth(&mut self, o: Expr) -> Expr {
        let span = o.span;
        crate::expr::len_truth(obj_node(ObjOp::Len, vec![o], Ty::Int, span))
    }

    /// `set()` / `set(iterable)` / `dict()`; `None` for other calls.
    pub(crate) fn container_builtin(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Option<Expr>> {
        if !matches!(name, "set" | "dict" | "tuple") || !keywords.is_empty() {
            return None;
        }
        if let ("tuple", [x]) = (name, args) {
            // tuple(iterable): its items, as a `tuple[T, ...]`.
            let (elt, clauses) = comprehension_of(x);
            let made = self.list_comprehension(&elt, &clauses, span);
            return Some(made.map(|mut v| {
                if let Ty::List(item) = v.ty {
                    v.ty = Ty::TupleOf(item);
                }
                v
            }));
        }
        match (name, args) {
            ("set", []) => Some(self.set_display(&[], None, span)),
            ("dict", []) => Some(self.dict_display(&[], None, span)),
            ("set", [x]) => {
                // set(iterable): the items of any iterable, as a set comprehension would give.
                let (elt, clauses) = comprehension_of(x);
                Some(self.set_comprehension(&elt, &clauses, span))
            }
            _ => None,
        }
    }

    /// `name = {}` or `name = set()` where `name`'s type may come from a later store.
    pub(crate) fn empty_container_type(&mut self, name: &str) -> Option<Ty> {
        let id = self.by_name.get(name)?;
        match &self.locals[id.index()].ty {
            t @ (Ty::Dict(..) | Ty::Set(_)) => Some(t.clone()),
            _ => None,
        }
    }

    /// `d[k] = v` or `s.add(x)` where `d = {}` / `s = set()` was met but its type is not known
    /// yet: the stored key and value (or item) decide it.
    pub(crate) fn infer_empty_container(&mut self, name: &str, key: &ast::Expr, value: Option<Ty>) {
        if self.by_name.contains_key(name) || !self.empty_lists.contains(name) {
            return;
        }
        let Some(k) = self.expr(key) else { return };
        let ty = match value {
            Some(v) => Ty::Dict(Box::new(k.ty), Box::new(v)),
            None => Ty::Set(Box::new(k.ty)),
        };
        let ok = match &ty {
            Ty::Dict(k, v) => boxable(k) && boxable(v),
            Ty::Set(t) => boxable(t),
            _ => false,
        };
        if ok {
            let span = key.span;
            self.declare(name, ty, span);
        }
    }

    /// `name = {...}`, `name = {a, ...}`, `name = set()` or `name = dict()`: the type comes from
    /// the name's type when it has one; an empty one waits for a store to decide it.
    pub(crate) fn assign_container(
        &mut self,
        name: &str,
        target: &ast::Expr,
        value: &ast::Expr,
    ) -> Option<Option<StmtKind>> {
        let empty = match &value.kind {
            ast::ExprKind::Dict(items) => items.is_empty(),
            ast::ExprKind::Set(_) => false,
            ast::ExprKind::Call {
                func,
                args,
                keywords,
            } if args.is_empty()
                && keywords.is_empty()
                && (self.is_builtin(func, "set") || self.is_builtin(func, "dict")) =>
            {
                true
            }
            _ => return None,
        };
        let known = self.empty_container_type(name);
        if empty && known.is_none() {
            self.empty_lists.insert(name.to_string());
            if self.quiet {
                self.errors += 1;
                self.poison(target);
                return Some(None);
            }
        }
        let Some(v) = self.expr_expecting(value, known.as_ref()) else {
            self.poison(target);
            return Some(None);
        };
        Some(self.assign(target, v))
    }

    /// A `key=` function as written, except `d.get` of a dict, which becomes `lambda k: d[k]`:
    /// the keys it is given are the dict's own (`max(counts, key=counts.get)`).
    pub(crate) fn key_function(&mut self, k: &ast::Expr) -> ast::Expr {
        if let ast::ExprKind::Attribute { value, attr, .. } = &k.kind {
            if attr == "get" && self.is_dict(value) {
                let param = format!("$key{}", k.span.start);
                let name = ast::Expr {
                    kind: ast::ExprKind::Name(param.clone()),
                    span: k.span,
                };
                return ast::Expr {
                    kind: ast::ExprKind::Lambda {
                        params: vec![param],
                        body: Box::new(ast::Expr {
                            kind: ast::ExprKind::Subscript {
                                value: value.clone(),
                                index: Box::new(name),
                            },
                            span: k.span,
                        }),
                    },
                    span: k.span,
                };
            }
        }
        k.clone()
    }
}
