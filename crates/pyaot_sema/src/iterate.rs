//! Iteration: what `for` loops and generator expressions walk over.
//!
//! An iterable is a [`Seq`]: a length known before the first item and the item at each position.
//! Ranges, arrays (their elements, or rows), tuples of one item type, and `enumerate`, `zip` and
//! `reversed` of them all are. A loop over one becomes a counted `range` loop whose body first
//! binds the target to the item at the counter.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{
    ArrayTy, BinaryOp, Const, Expr, ExprKind, Intrinsic, LocalId, Stmt, StmtKind, ViewItem,
};
use pyaot_hir::{Dtype, Ty};
use pyaot_syntax::ast;

use crate::expr::konst;
use crate::func::FnCx;
use crate::numeric::to_dtype;

/// A sequence whose parts (range bounds, the array or tuple iterated) sit in hidden locals or
/// are constants, so its length and items may be computed any number of times.
#[derive(Clone)]
pub(crate) enum Seq {
    /// `range(start, stop, step)`, its length computed (and a zero step rejected) up front.
    Range { start: Expr, step: Expr, len: Expr },
    /// The elements of a 1-D array, or the rows of a deeper one.
    Array { arr: Expr, a: ArrayTy },
    /// A tuple whose items share one type.
    Tuple { tup: Expr, item: Ty, n: i64 },
    /// A list (held in a hidden local); its length is read again before each item.
    List { list: Expr, item: Ty },
    /// A string (held in a hidden local): its characters.
    Str(Expr),
    /// A dict's keys (`which` 0), values (1) or items (2), or a set's items (3): the keys (or set
    /// items) as they were when the loop started, each value read when its item is; CPython's
    /// RuntimeError when the size changes meanwhile.
    Obj {
        keys: Expr,
        source: Expr,
        n0: Expr,
        which: u8,
        val: Ty,
    },
    /// `enumerate(inner, start)`: `(start + k, item k)`.
    Enumerate { inner: Box<Seq>, start: Expr },
    /// `zip(a, b, ...)`: as long as the shortest; with `strict=True` the lengths must agree.
    Zip { parts: Vec<Seq>, strict: bool },
    /// `reversed(inner)` of a range, an array or a tuple.
    Reversed(Box<Seq>),
}

pub(crate) fn local(id: LocalId, ty: Ty, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Local(id),
        ty,
        span,
    }
}

fn int(v: i64, span: Span) -> Expr {
    konst(Const::Int(v), span)
}

/// An int operation that cannot overflow for the operands it is used on (positions and items
/// of a sequence), written as wrapping int64 arithmetic.
fn wrapping(op: BinaryOp, a: Expr, b: Expr, span: Span) -> Expr {
    let i64 = Ty::Scalar(Dtype::I64);
    let e = Expr {
        kind: ExprKind::Binary {
            op,
            lhs: Box::new(to_dtype(a, Dtype::I64)),
            rhs: Box::new(to_dtype(b, Dtype::I64)),
        },
        ty: i64,
        span,
    };
    crate::numeric::to_python(e)
}

impl Seq {
    /// Whether a list is walked (its length can change while it is).
    pub(crate) fn has_list(&self) -> bool {
        match self {
            Seq::List { .. } => true,
            Seq::Enumerate { inner, .. } | Seq::Reversed(inner) => inner.has_list(),
            Seq::Zip { parts, .. } => parts.iter().any(Seq::has_list),
            Seq::Range { .. }
            | Seq::Array { .. }
            | Seq::Tuple { .. }
            | Seq::Str(_)
            | Seq::Obj { .. } => false,
        }
    }

    /// The number of items.
    pub(crate) fn len(&self, span: Span) -> Expr {
        match self {
            Seq::Range { len, .. } => len.clone(),
            Seq::Array { arr, a } => Expr {
                kind: ExprKind::TupleGet {
                    tuple: Box::new(Expr {
                        kind: ExprKind::Shape(Box::new(arr.clone())),
                        ty: Ty::Tuple(vec![Ty::Int; a.ndim as usize]),
                        span,
                    }),
                    index: 0,
                },
                ty: Ty::Int,
                span,
            },
            Seq::Tuple { n, .. } => int(*n, span),
            Seq::Obj { keys, .. } => {
                crate::list::list_node(pyaot_hir::ListOp::Len, vec![keys.clone()], Ty::Int, span)
            }
            Seq::Str(s) => {
                crate::strings::str_node(pyaot_hir::StrOp::Len, vec![s.clone()], Ty::Int, span)
            }
            Seq::List { list, .. } => {
                crate::list::list_node(pyaot_hir::ListOp::Len, vec![list.clone()], Ty::Int, span)
            }
            Seq::Enumerate { inner, .. } | Seq::Reversed(inner) => inner.len(span),
            Seq::Zip { parts, .. } => {
                let mut lens = parts.iter().map(|p| p.len(span));
                let first = lens.next().expect("zip of at least one iterable");
                lens.fold(first, |acc, l| Expr {
                    kind: ExprKind::Intrinsic {
                        func: Intrinsic::Min,
                        args: vec![acc, l],
                    },
                    ty: Ty::Int,
                    span,
                })
            }
        }
    }

    /// The item at position `k` (an int expression that may be evaluated more than once).
    pub(crate) fn item(&self, k: Expr, span: Span) -> Expr {
        match self {
            Seq::Range { start, step, .. } => {
                let off = wrapping(BinaryOp::Mul, k, step.clone(), span);
                wrapping(BinaryOp::Add, start.clone(), off, span)
            }
            Seq::Array { arr, a } => {
                let kind = if a.ndim == 1 {
                    ExprKind::Index {
                        array: Box::new(arr.clone()),
                        indices: vec![k],
                    }
                } else {
                    ExprKind::View {
                        array: Box::new(arr.clone()),
                        items: vec![ViewItem::Index(k)],
                    }
                };
                Expr {
                    kind,
                    ty: row_ty(*a),
                    span,
                }
            }
            Seq::Tuple { tup, item, .. } => Expr {
                kind: ExprKind::TupleAt {
                    tuple: Box::new(tup.clone()),
                    index: Box::new(k),
                },
                ty: item.clone(),
                span,
            },
            Seq::Str(s) => {
                crate::strings::str_node(pyaot_hir::StrOp::Get, vec![s.clone(), k], Ty::Str, span)
            }
            Seq::Obj {
                keys,
                source,
                which,
                val,
                ..
            } => {
                let key_ty = match &keys.ty {
                    Ty::List(t) => (**t).clone(),
                    t => t.clone(),
                };
                let key = crate::list::list_node(
                    pyaot_hir::ListOp::Get,
                    vec![keys.clone(), k],
                    key_ty.clone(),
                    span,
                );
                let value = |key: Expr| {
                    crate::dicts::obj_node(
                        pyaot_hir::ObjOp::Get,
                        vec![source.clone(), key],
                        val.clone(),
                        span,
                    )
                };
                let value = match which {
                    1 => value(key),
                    2 => Expr {
                        ty: Ty::Tuple(vec![key_ty, val.clone()]),
                        kind: ExprKind::Tuple(vec![key.clone(), value(key)]),
                        span,
                    },
                    _ => key,
                };
                let stmts = self.size_check(span);
                Expr {
                    ty: value.ty.clone(),
                    kind: ExprKind::Block {
                        free_from: stmts.len(),
                        stmts,
                        value: Box::new(value),
                    },
                    span,
                }
            }
            Seq::List { list, item } => crate::list::list_node(
                pyaot_hir::ListOp::Get,
                vec![list.clone(), k],
                item.clone(),
                span,
            ),
            Seq::Enumerate { inner, start } => {
                let pos = Expr {
                    kind: ExprKind::Binary {
                        op: BinaryOp::Add,
                        lhs: Box::new(start.clone()),
                        rhs: Box::new(k.clone()),
                    },
                    ty: Ty::Int,
                    span,
                };
                let item = inner.item(k, span);
                Expr {
                    ty: Ty::Tuple(vec![Ty::Int, item.ty.clone()]),
                    kind: ExprKind::Tuple(vec![pos, item]),
                    span,
                }
            }
            Seq::Zip { parts, .. } => {
                let items: Vec<Expr> = parts.iter().map(|p| p.item(k.clone(), span)).collect();
                Expr {
                    ty: Ty::Tuple(items.iter().map(|i| i.ty.clone()).collect()),
                    kind: ExprKind::Tuple(items),
                    span,
                }
            }
            Seq::Reversed(inner) => {
                let last = wrapping(BinaryOp::Sub, inner.len(span), int(1, span), span);
                let back = wrapping(BinaryOp::Sub, last, k, span);
                inner.item(back, span)
            }
        }
    }
}

impl Seq {
    /// CPython's RuntimeError when the walked dict or set no longer has its size.
    fn size_check(&self, span: Span) -> Vec<Stmt> {
        let Seq::Obj {
            source, n0, which, ..
        } = self
        else {
            return Vec::new();
        };
        let len =
            crate::dicts::obj_node(pyaot_hir::ObjOp::Len, vec![source.clone()], Ty::Int, span);
        let msg = if *which == 3 {
            "Set changed size during iteration"
        } else {
            "dictionary changed size during iteration"
        };
        vec![Stmt {
            kind: StmtKind::If {
                cond: int_compare(pyaot_hir::CmpOp::Ne, len, n0.clone(), span),
                then_body: vec![Stmt {
                    kind: StmtKind::Raise {
                        exc: pyaot_hir::ExcKind::RuntimeError,
                        msg: Some(msg.to_string()),
                    },
                    span,
                }],
                else_body: Vec::new(),
            },
            span,
        }]
    }

    /// What runs when the loop over the sequence ends without `break`: the last, failing
    /// request for an item, which a `zip(..., strict=True)` turns into CPython's ValueError when
    /// the lengths differ.
    pub(crate) fn exhausted(&self, span: Span) -> Vec<Stmt> {
        let m = self.len(span);
        self.probe(&m, span)
    }

    /// The effects of asking the sequence for one more item after it gave `m`: only a strict
    /// zip has any. As in CPython, a zip asks its arguments in order and stops at the first
    /// exhausted one; a strict zip then asks the rest, or reports the shorter one.
    fn probe(&self, m: &Expr, span: Span) -> Vec<Stmt> {
        match self {
            Seq::Zip { parts, strict } => probe_zip(parts, *strict, 0, m, span),
            Seq::Enumerate { inner, .. } => inner.probe(m, span),
            Seq::Range { .. }
            | Seq::Array { .. }
            | Seq::Tuple { .. }
            | Seq::List { .. }
            | Seq::Str(_)
            | Seq::Reversed(_) => Vec::new(),
            Seq::Obj { .. } => self.size_check(span),
        }
    }
}

fn int_compare(op: pyaot_hir::CmpOp, a: Expr, b: Expr, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Compare {
            operands: vec![a, b],
            ops: vec![(op, pyaot_hir::CmpKind::Int)],
        },
        ty: Ty::Bool,
        span,
    }
}

fn zip_error(message: String, span: Span) -> Stmt {
    Stmt {
        kind: StmtKind::Raise {
            exc: pyaot_hir::ExcKind::ValueError,
            msg: Some(message),
        },
        span,
    }
}

/// "argument 1" or "arguments 1-k": the arguments before argument `k + 1`.
fn before(k: usize) -> String {
    if k == 1 {
        "argument 1".to_string()
    } else {
        format!("arguments 1-{k}")
    }
}

/// A zip asked for an item after giving `m`, from argument `i` on.
fn probe_zip(parts: &[Seq], strict: bool, i: usize, m: &Expr, span: Span) -> Vec<Stmt> {
    let Some(part) = parts.get(i) else {
        return Vec::new();
    };
    let mut out = part.probe(m, span);
    let exhausted = int_compare(pyaot_hir::CmpOp::Eq, part.len(span), m.clone(), span);
    let stop = match (strict, i) {
        (false, _) => Vec::new(),
        (true, 0) => {
            // The first argument is exhausted: every other one must be too.
            let mut rest = Vec::new();
            for (j, other) in parts.iter().enumerate().skip(1) {
                rest.extend(other.probe(m, span));
                let longer = int_compare(pyaot_hir::CmpOp::Ne, other.len(span), m.clone(), span);
                let msg = format!("zip() argument {} is longer than {}", j + 1, before(j));
                rest.push(Stmt {
                    kind: StmtKind::If {
                        cond: longer,
                        then_body: vec![zip_error(msg, span)],
                        else_body: Vec::new(),
                    },
                    span,
                });
            }
            rest
        }
        (true, _) => vec![zip_error(
            format!("zip() argument {} is shorter than {}", i + 1, before(i)),
            span,
        )],
    };
    out.push(Stmt {
        kind: StmtKind::If {
            cond: exhausted,
            then_body: stop,
            else_body: probe_zip(parts, strict, i + 1, m, span),
        },
        span,
    });
    out
}

/// The item type of an array: its element, or a row one dimension down.
fn row_ty(a: ArrayTy) -> Ty {
    if a.ndim == 1 {
        Ty::Scalar(a.dtype)
    } else {
        Ty::Array(ArrayTy {
            ndim: a.ndim - 1,
            ..a
        })
    }
}

/// The names a target binds, in order.
pub(crate) fn target_names(t: &ast::Expr, out: &mut Vec<String>) {
    match &t.kind {
        ast::ExprKind::Name(n) => out.push(n.clone()),
        ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
            items.iter().for_each(|i| target_names(i, out))
        }
        _ => {}
    }
}

impl FnCx<'_, '_> {
    /// Whether `func` names the builtin `name` (not shadowed by a local or a global).
    pub(crate) fn is_builtin(&self, func: &ast::Expr, name: &str) -> bool {
        matches!(&func.kind, ast::ExprKind::Name(f) if f == name && self.global(f).is_none() && !self.local_names.contains(f))
    }

    /// `e` itself when it is a constant, else a hidden local assigned `e` now.
    fn keep(&mut self, what: &str, e: Expr, span: Span, out: &mut Vec<Stmt>) -> Expr {
        if matches!(e.kind, ExprKind::Const(_)) {
            return e;
        }
        self.hidden(what, e, span, out)
    }

    /// Evaluates an iterable (its parts go to hidden locals assigned in `out`), reporting what
    /// cannot be iterated.
    pub(crate) fn seq(&mut self, iter: &ast::Expr, out: &mut Vec<Stmt>) -> Option<Seq> {
        let span = iter.span;
        if let ast::ExprKind::Call {
            func,
            args,
            keywords,
        } = &iter.kind
        {
            if self.is_range(func) && keywords.is_empty() {
                return self.range_seq(args, span, out);
            }
            if self.is_builtin(func, "enumerate") {
                return self.enumerate_seq(args, keywords, span, out);
            }
            if self.is_builtin(func, "zip") {
                let mut strict = false;
                for k in keywords {
                    let flag = match (k.name.as_deref(), &k.value.kind) {
                        (Some("strict"), ast::ExprKind::Bool(b)) => Some(*b),
                        _ => None,
                    };
                    let Some(flag) = flag else {
                        self.error(
                            Code::ArgumentMismatch,
                            "zip() takes only `strict=True` or `strict=False` here",
                            k.span,
                            "keyword argument",
                            "zip stops at the shortest iterable; pass strict=True to require equal lengths",
                        );
                        return None;
                    };
                    strict = flag;
                }
                if args.is_empty() {
                    self.error(
                        Code::ArgumentMismatch,
                        "zip() needs at least one iterable",
                        span,
                        "empty zip",
                        "pass the iterables to walk together",
                    );
                    return None;
                }
                let parts: Vec<Option<Seq>> = args.iter().map(|a| self.seq(a, out)).collect();
                let parts = parts.into_iter().collect::<Option<_>>()?;
                return Some(Seq::Zip { parts, strict });
            }
            if self.is_builtin(func, "reversed") && keywords.is_empty() && args.len() == 1 {
                let inner = self.seq(&args[0], out)?;
                if matches!(inner, Seq::Enumerate { .. } | Seq::Zip { .. }) {
                    self.error(
                        Code::TypeMismatch,
                        "reversed() of enumerate or zip: they are not reversible sequences",
                        args[0].span,
                        "not reversible",
                        "reverse the inputs instead, for example zip(reversed(a), reversed(b))",
                    );
                    return None;
                }
                return Some(Seq::Reversed(Box::new(inner)));
            }
        }
        // d.keys(), d.values(), d.items() walk the dict itself.
        if let ast::ExprKind::Call {
            func,
            args,
            keywords,
        } = &iter.kind
        {
            if let ast::ExprKind::Attribute { value, attr, .. } = &func.kind {
                let which = match attr.as_str() {
                    "keys" => Some(0),
                    "values" => Some(1),
                    "items" => Some(2),
                    _ => None,
                };
                if let (Some(which), true) = (which, args.is_empty() && keywords.is_empty()) {
                    if self.is_dict(value) {
                        let d = self.expr(value)?;
                        return self.obj_seq(d, which, span, out);
                    }
                }
            }
        }
        let v = self.expr(iter)?;
        match v.ty.clone() {
            Ty::List(item) | Ty::TupleOf(item) => {
                let list = self.hidden("list", v, span, out);
                Some(Seq::List { list, item: *item })
            }
            Ty::Str => Some(Seq::Str(self.hidden("str", v, span, out))),
            Ty::Dict(..) | Ty::Set(_) => self.obj_seq(v, 0, span, out),
            Ty::Array(a) => {
                let arr = self.hidden("iter", v, span, out);
                Some(Seq::Array { arr, a })
            }
            Ty::Tuple(items) if !items.is_empty() && items.iter().all(|t| *t == items[0]) => {
                let tup = self.hidden("tuple", v, span, out);
                Some(Seq::Tuple {
                    tup,
                    item: items[0].clone(),
                    n: items.len() as i64,
                })
            }
            Ty::Tuple(_) => {
                self.error(
                    Code::UnsupportedSyntax,
                    format!(
                        "iterating over {} needs its items to share one type",
                        crate::numeric::with_article(&v.ty)
                    ),
                    span,
                    format!("this is {}", v.ty),
                    "give the items one type, or handle each item separately",
                );
                None
            }
            ty => {
                self.error(
                    Code::TypeMismatch,
                    format!(
                        "{} cannot be iterated over",
                        crate::numeric::with_article(&ty)
                    ),
                    span,
                    format!("this is {ty}"),
                    "iterate over range(...), a list, an array, a tuple, or enumerate/zip/reversed of them",
                );
                None
            }
        }
    }

    fn range_seq(&mut self, args: &[ast::Expr], span: Span, out: &mut Vec<Stmt>) -> Option<Seq> {
        if args.is_empty() || args.len() > 3 {
            self.error(
                Code::ArgumentMismatch,
                format!("range expected 1 to 3 arguments, got {}", args.len()),
                span,
                "range call",
                "call range(stop), range(start, stop) or range(start, stop, step)",
            );
            return None;
        }
        let mut vals = Vec::new();
        for a in args {
            let v = self.expr(a).and_then(|v| self.int_arg(v, "range"))?;
            vals.push(self.keep("range", v, span, out));
        }
        if vals.len() == 1 {
            vals.insert(0, int(0, span));
        }
        if vals.len() == 2 {
            vals.push(int(1, span));
        }
        let len = Expr {
            kind: ExprKind::Intrinsic {
                func: Intrinsic::RangeLen,
                args: vals.clone(),
            },
            ty: Ty::Int,
            span,
        };
        let len = self.keep("len", len, span, out);
        let step = vals.pop().expect("three range arguments");
        Some(Seq::Range {
            start: vals.swap_remove(0),
            step,
            len,
        })
    }

    fn enumerate_seq(
        &mut self,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Option<Seq> {
        let mut start_arg = args.get(1);
        for k in keywords {
            if k.name.as_deref() == Some("start") && start_arg.is_none() {
                start_arg = Some(&k.value);
            } else {
                self.error(
                    Code::ArgumentMismatch,
                    "enumerate() takes an iterable and `start`",
                    k.span,
                    "unexpected argument",
                    "write enumerate(seq) or enumerate(seq, start)",
                );
                return None;
            }
        }
        if args.is_empty() || args.len() > 2 {
            self.error(
                Code::ArgumentMismatch,
                format!("enumerate() takes 1 or 2 arguments, got {}", args.len()),
                span,
                "enumerate call",
                "write enumerate(seq) or enumerate(seq, start)",
            );
            return None;
        }
        let inner = self.seq(&args[0], out)?;
        let start = match start_arg {
            Some(s) => {
                let v = self.expr(s).and_then(|v| self.int_arg(v, "enumerate"))?;
                self.keep("start", v, span, out)
            }
            None => int(0, span),
        };
        Some(Seq::Enumerate {
            inner: Box::new(inner),
            start,
        })
    }

    /// Binds an assignment target (a name, or nested tuples of targets) to `value`.
    pub(crate) fn bind(&mut self, target: &ast::Expr, value: Expr, out: &mut Vec<Stmt>) {
        let span = target.span;
        if let ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) = &target.kind {
            let nested = items
                .iter()
                .any(|i| !matches!(i.kind, ast::ExprKind::Name(_)));
            if let Ty::Array(_) = value.ty {
                return self.unpack_array(items, value, span, out);
            }
            if nested {
                let Ty::Tuple(tys) = value.ty.clone() else {
                    self.error(
                        Code::TypeMismatch,
                        format!("cannot unpack a {}", value.ty),
                        value.span,
                        format!("this is {}", value.ty),
                        "unpack a tuple",
                    );
                    return;
                };
                if tys.len() != items.len() {
                    self.error(
                        Code::TypeMismatch,
                        format!(
                            "cannot unpack {} values into {} targets",
                            tys.len(),
                            items.len()
                        ),
                        span,
                        "targets",
                        "use as many targets as the tuple has items",
                    );
                    return;
                }
                let t = self.hidden("unpack", value, span, out);
                for (k, (item, ty)) in items.iter().zip(tys).enumerate() {
                    let part = Expr {
                        kind: ExprKind::TupleGet {
                            tuple: Box::new(t.clone()),
                            index: k,
                        },
                        ty,
                        span,
                    };
                    self.bind(item, part, out);
                }
                return;
            }
        }
        if let Some(kind) = self.assign(target, value) {
            out.push(Stmt { kind, span });
        }
    }

    /// `for target in iter: body else: orelse` over any [`Seq`].
    pub(crate) fn for_seq(
        &mut self,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let Some(seq) = self.seq(iter, out) else {
            self.poison(target);
            return;
        };
        let counter = self.counter(&format!("$i{}", iter.span.start), span);
        let item = seq.item(local(counter, Ty::Int, span), iter.span);
        let mut inner = Vec::new();
        self.bind(target, item, &mut inner);
        if seq.has_list() {
            // A list may change length while it is walked: its length is read before each
            // item, as CPython's list iterator does, and the counter moves before the body.
            inner.push(Stmt {
                kind: StmtKind::Assign {
                    target: counter,
                    value: wrapping(
                        BinaryOp::Add,
                        local(counter, Ty::Int, span),
                        int(1, span),
                        span,
                    ),
                },
                span,
            });
            self.loop_depth += 1;
            inner.extend(self.block(body));
            self.loop_depth -= 1;
            let mut after = seq.exhausted(iter.span);
            after.extend(self.block(orelse));
            out.push(Stmt {
                kind: StmtKind::Assign {
                    target: counter,
                    value: int(0, span),
                },
                span,
            });
            out.push(Stmt {
                kind: StmtKind::While {
                    cond: int_compare(
                        pyaot_hir::CmpOp::Lt,
                        local(counter, Ty::Int, span),
                        seq.len(iter.span),
                        span,
                    ),
                    body: inner,
                    orelse: after,
                },
                span,
            });
            return;
        }
        self.loop_depth += 1;
        inner.extend(self.block(body));
        self.loop_depth -= 1;
        let mut orelse_stmts = seq.exhausted(iter.span);
        orelse_stmts.extend(self.block(orelse));
        let orelse = orelse_stmts;
        out.push(Stmt {
            kind: StmtKind::ForRange {
                var: counter,
                start: int(0, span),
                stop: seq.len(iter.span),
                step: int(1, span),
                body: inner,
                orelse,
            },
            span,
        });
    }

    /// The walk over a dict (`which` as in `Seq::Obj`) or a set.
    fn obj_seq(&mut self, o: Expr, which: u8, span: Span, out: &mut Vec<Stmt>) -> Option<Seq> {
        let (key, val, which) = match &o.ty {
            Ty::Dict(k, v) => ((**k).clone(), (**v).clone(), which),
            Ty::Set(t) => ((**t).clone(), Ty::None, 3),
            _ => return None,
        };
        let source = self.hidden("obj", o, span, out);
        let keys = crate::dicts::obj_node(
            pyaot_hir::ObjOp::Items(0),
            vec![source.clone()],
            Ty::List(Box::new(key)),
            span,
        );
        let keys = self.hidden("keys", keys, span, out);
        let len =
            crate::dicts::obj_node(pyaot_hir::ObjOp::Len, vec![source.clone()], Ty::Int, span);
        let n0 = self.hidden("n0", len, span, out);
        Some(Seq::Obj {
            keys,
            source,
            n0,
            which,
            val,
        })
    }

    /// The hidden int local `name` (a loop counter), declared on first use.
    pub(crate) fn counter(&mut self, name: &str, span: Span) -> LocalId {
        match self.by_name.get(name) {
            Some(&id) => id,
            None => self.declare(name, Ty::Int, span),
        }
    }
}
