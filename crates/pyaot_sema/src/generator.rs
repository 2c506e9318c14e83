//! Generator expressions reduced where they stand.
//!
//! `sum`, `any`, `all`, `min` and `max` of `(elt for target in iter if cond ...)`, or of a plain
//! iterable, become nested counted loops inside a block expression: no intermediate sequence is
//! made. The comprehension's targets are locals of their own, as in Python 3, and the first
//! iterable is evaluated in the enclosing scope before anything else, as when CPython makes the
//! generator.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Const, ExcKind, Expr, ExprKind, ListOp, LocalId, ObjOp, Stmt, StmtKind, Ty};
use pyaot_syntax::ast;

use crate::expr::konst;
use crate::expr::not;
use crate::func::FnCx;
use crate::iterate::{local, target_names, Seq};

/// What a reduction computes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Sum,
    Any,
    All,
    Min,
    Max,
    /// A new list of the items (a list comprehension, `list(...)`, `sorted(...)`).
    Collect,
    /// A new set of the items (a set comprehension, `set(...)`).
    CollectSet,
    /// A new dict of the (key, value) items (a dict comprehension).
    CollectDict,
}

/// The keyword arguments of a reduction.
struct Extras<'e> {
    start: Option<&'e ast::Expr>,
    default: Option<&'e ast::Expr>,
    key: Option<&'e ast::Expr>,
}

impl Extras<'_> {
    /// No keyword arguments (a comprehension).
    const NONE: Extras<'static> = Extras {
        start: None,
        default: None,
        key: None,
    };
}

/// One `for` clause, checked.
struct Level {
    /// Evaluates the clause's iterable (empty for the first clause, evaluated up front in the
    /// enclosing scope).
    setup: Vec<Stmt>,
    counter: LocalId,
    len: Expr,
    bind: Vec<Stmt>,
    conds: Vec<Expr>,
    /// Runs when the clause's loop ends without `break` (a strict zip's length check).
    exhausted: Vec<Stmt>,
}

/// The names a comprehension rebinds (its targets), restored when it ends.
struct Saved {
    key: u32,
    names: Vec<String>,
    shadowed: crate::func::Shadowed,
}

fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

fn assign(target: LocalId, value: Expr, span: Span) -> Stmt {
    stmt(StmtKind::Assign { target, value }, span)
}

fn if_then(cond: Expr, then_body: Vec<Stmt>, span: Span) -> Stmt {
    stmt(
        StmtKind::If {
            cond,
            then_body,
            else_body: Vec::new(),
        },
        span,
    )
}

impl FnCx<'_, '_> {
    /// `name(args)` when it reduces an iterable (`sum(x for x in a)`, `max(t)`, `any(a)`):
    /// `None` when the call is something else.
    pub(crate) fn reduction(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Option<Expr>> {
        let op = match (name, args.len()) {
            ("list" | "sorted", 1) => Op::Collect,
            ("sum", 1 | 2) => Op::Sum,
            ("any", 1) => Op::Any,
            ("all", 1) => Op::All,
            ("min", 1) => Op::Min,
            ("max", 1) => Op::Max,
            _ => return None,
        };
        let mut start = args.get(1);
        let mut default = None;
        let mut key_fn = None;
        let mut reverse = None;
        let mut sort_key = None;
        for k in keywords {
            match (op, k.name.as_deref()) {
                (Op::Collect, Some("reverse")) if name == "sorted" => reverse = Some(&k.value),
                (Op::Collect, Some("key")) if name == "sorted" => sort_key = Some(&k.value),
                (Op::Sum, Some("start")) if start.is_none() => start = Some(&k.value),
                (Op::Min | Op::Max, Some("default")) => default = Some(&k.value),
                (Op::Min | Op::Max, Some("key")) => key_fn = Some(&k.value),
                _ => {
                    self.error(
                        Code::ArgumentMismatch,
                        format!("{name}() does not take this keyword argument here"),
                        k.span,
                        "keyword argument",
                        "see the signature of this builtin",
                    );
                    return Some(None);
                }
            }
        }
        let source = &args[0];
        let synthetic;
        let (elt, clauses) = match &source.kind {
            ast::ExprKind::Generator { elt, clauses } => (&**elt, clauses.as_slice()),
            _ => {
                // `max(a)` walks `a` as `max(x for x in a)` would.
                let var = ast::Expr {
                    kind: ast::ExprKind::Name(format!("$it{}", source.span.start)),
                    span: source.span,
                };
                synthetic = (
                    var.clone(),
                    vec![ast::Comprehension {
                        target: var,
                        iter: source.clone(),
                        ifs: Vec::new(),
                        is_async: false,
                        span: source.span,
                    }],
                );
                (&synthetic.0, synthetic.1.as_slice())
            }
        };
        let key_made = key_fn.map(|k| self.key_function(k));
        let extras = Extras {
            start,
            default,
            key: key_made.as_ref(),
        };
        let made = self.reduce(op, name, elt, clauses, extras, span);
        if name != "sorted" {
            return Some(made);
        }
        // `sorted(x)`: a new list of the items, sorted in place.
        let list = made?;
        let mut stmts = Vec::new();
        let held = self.hidden("sorted", list, span, &mut stmts);
        let sort = self.sort_list(held.clone(), sort_key, reverse, span)?;
        stmts.push(stmt(StmtKind::Expr(sort), span));
        Some(Some(Expr {
            ty: held.ty.clone(),
            kind: ExprKind::Block {
                free_from: stmts.len(),
                stmts,
                value: Box::new(held),
            },
            span,
        }))
    }

    /// `{elt for target in iter if cond ...}`.
    pub(crate) fn set_comprehension(
        &mut self,
        elt: &ast::Expr,
        clauses: &[ast::Comprehension],
        span: Span,
    ) -> Option<Expr> {
        self.reduce(Op::CollectSet, "set", elt, clauses, Extras::NONE, span)
    }

    /// `{key: value for target in iter if cond ...}`.
    pub(crate) fn dict_comprehension(
        &mut self,
        key: &ast::Expr,
        value: &ast::Expr,
        clauses: &[ast::Comprehension],
        span: Span,
    ) -> Option<Expr> {
        let pair = ast::Expr {
            kind: ast::ExprKind::Tuple(vec![key.clone(), value.clone()]),
            span: key.span,
        };
        self.reduce(Op::CollectDict, "dict", &pair, clauses, Extras::NONE, span)
    }

    /// `[elt for target in iter if cond ...]`.
    pub(crate) fn list_comprehension(
        &mut self,
        elt: &ast::Expr,
        clauses: &[ast::Comprehension],
        span: Span,
    ) -> Option<Expr> {
        self.reduce(Op::Collect, "list", elt, clauses, Extras::NONE, span)
    }

    #[allow(clippy::too_many_arguments)]
    fn reduce(
        &mut self,
        op: Op,
        name: &str,
        elt: &ast::Expr,
        clauses: &[ast::Comprehension],
        extras: Extras<'_>,
        span: Span,
    ) -> Option<Expr> {
        let Extras {
            start,
            default,
            key: key_fn,
        } = extras;
        if let Some(c) = clauses.iter().find(|c| c.is_async) {
            self.error(
                Code::UnsupportedSyntax,
                "`async for` is not supported",
                c.span,
                "async comprehension",
                "use a plain `for`",
            );
            return None;
        }
        let mut stmts = Vec::new();
        let first = self.seq(&clauses[0].iter, &mut stmts)?;
        let start = match start {
            Some(s) => Some(self.expr(s)?),
            None => None,
        };
        if let Some(k) = key_fn {
            if let ast::ExprKind::Name(b) = &k.kind {
                if self.global(b).is_none() && !self.local_names.contains(b) {
                    self.error(
                        Code::UnsupportedSyntax,
                        format!("the builtin `{b}` cannot be passed as a value yet"),
                        k.span,
                        "builtin",
                        format!("wrap it in a lambda: key=lambda x: {b}(x)"),
                    );
                    return None;
                }
            }
            // The key is an argument: made before any item (a lambda, a function's name).
            let made = self.expr(k)?;
            if !matches!(made.ty, Ty::Func(_)) {
                self.error(
                    Code::TypeMismatch,
                    format!("the key of {name}() is {}, not a function", made.ty),
                    k.span,
                    format!("this is {}", made.ty),
                    "pass a function, or a lambda: key=lambda i: a[i]",
                );
                return None;
            }
            stmts.push(stmt(StmtKind::Expr(made), span));
        }
        // The default is an argument: evaluated before any item, used only if there is none.
        let default = match default {
            Some(d) => {
                let v = self.expr(d)?;
                Some(self.hidden("default", v, span, &mut stmts))
            }
            None => None,
        };
        let saved = self.enter_comprehension(clauses, span.start);
        let value = self.reduce_loops(
            op, name, elt, clauses, first, start, default, key_fn, span, &mut stmts,
        );
        self.leave_comprehension(saved);
        let (value, free_from) = value?;
        Some(Expr {
            ty: value.ty.clone(),
            kind: ExprKind::Block {
                stmts,
                value: Box::new(value),
                free_from,
            },
            span,
        })
    }

    /// Gives the comprehension's target names locals of their own (hidden names keyed by
    /// `key`, kept from one inference pass to the next).
    fn enter_comprehension(&mut self, clauses: &[ast::Comprehension], key: u32) -> Saved {
        let mut names = Vec::new();
        for c in clauses {
            target_names(&c.target, &mut names);
        }
        names.sort();
        names.dedup();
        // A target met in an earlier pass has its hidden local; a new one is declared under
        // its plain name when bound, and renamed when the comprehension ends.
        let bindings = names
            .iter()
            .map(|n| (n.clone(), self.by_name.get(&format!("{n}$c{key}")).copied()))
            .collect();
        let shadowed = self.shadow(bindings);
        Saved {
            key,
            names,
            shadowed,
        }
    }

    fn leave_comprehension(&mut self, saved: Saved) {
        for n in &saved.names {
            let hidden = format!("{n}$c{}", saved.key);
            if let Some(id) = self.by_name.get(n).copied() {
                if !self.by_name.contains_key(&hidden) {
                    self.locals[id.index()].name = hidden.clone();
                    self.by_name.insert(hidden, id);
                }
            }
        }
        self.unshadow(saved.shadowed);
    }

    #[allow(clippy::too_many_arguments)]
    fn reduce_loops(
        &mut self,
        op: Op,
        name: &str,
        elt: &ast::Expr,
        clauses: &[ast::Comprehension],
        first: Seq,
        start: Option<Expr>,
        default: Option<Expr>,
        key_fn: Option<&ast::Expr>,
        span: Span,
        stmts: &mut Vec<Stmt>,
    ) -> Option<(Expr, usize)> {
        let mut levels = Vec::new();
        for (i, c) in clauses.iter().enumerate() {
            let mut setup = Vec::new();
            let seq = if i == 0 {
                first.clone()
            } else {
                self.seq(&c.iter, &mut setup)?
            };
            let counter = self.counter(&format!("$g{}", c.span.start), c.span);
            let mut bind = Vec::new();
            let item = seq.item(local(counter, Ty::Int, c.span), c.iter.span);
            let errors = self.errors;
            self.bind(&c.target, item, &mut bind);
            if self.errors > errors {
                return None;
            }
            let mut conds = Vec::new();
            for t in &c.ifs {
                conds.push(self.condition(t)?);
            }
            levels.push(Level {
                setup,
                counter,
                len: seq.len(c.iter.span),
                bind,
                conds,
                exhausted: seq.exhausted(c.iter.span),
            });
        }
        let expect = if op == Op::Collect {
            self.comp_expect.take()
        } else {
            None
        };
        let elt = match &expect {
            Some(t) => {
                let v = self.expr_expecting(elt, Some(t))?;
                let s = v.span;
                self.as_item(v, t, s)?
            }
            // Arrays are held in lists as strided ones, which every array of the dtype and rank is.
            None if op == Op::Collect => {
                let v = self.expr(elt)?;
                let t = crate::list::list_item_ty(&v.ty);
                crate::numeric::as_array_param(v, &t)
            }
            None => self.expr(elt)?,
        };
        if op == Op::Collect && !crate::annot::list_item_ok(&elt.ty) {
            self.error(
                Code::UnsupportedType,
                format!("a list of {} is not supported", elt.ty),
                elt.span,
                format!("this is {}", elt.ty),
                "list items are numbers, strings, arrays, tuples of them or lists",
            );
            return None;
        }
        let pair_ok = match (&elt.kind, op) {
            (ExprKind::Tuple(kv), Op::CollectDict) => {
                kv.len() == 2 && kv.iter().all(|x| crate::dicts::boxable(&x.ty))
            }
            (_, Op::CollectSet) => crate::dicts::boxable(&elt.ty),
            _ => true,
        };
        if !pair_ok {
            self.error(
                Code::UnsupportedType,
                format!("a {name} of {} is not supported", elt.ty),
                elt.span,
                format!("this is {}", elt.ty),
                "keys, values and set items are numbers, strings or tuples of them",
            );
            return None;
        }
        let numeric = matches!(op, Op::Collect | Op::CollectSet | Op::CollectDict)
            || matches!(
                elt.ty,
                Ty::Int | Ty::Float | Ty::Bool | Ty::Complex | Ty::Scalar(_)
            );
        let ordered = numeric && !crate::complex::is_complex(&elt.ty);
        // min/max of strings or tuples compare the items themselves: an identity key.
        let identity;
        let key_fn = match key_fn {
            None if matches!(op, Op::Min | Op::Max) && matches!(elt.ty, Ty::Str | Ty::Tuple(_)) => {
                let p = format!("$id{}", span.start);
                identity = ast::Expr {
                    kind: ast::ExprKind::Lambda {
                        params: vec![p.clone()],
                        body: Box::new(ast::Expr {
                            kind: ast::ExprKind::Name(p),
                            span,
                        }),
                    },
                    span,
                };
                Some(&identity)
            }
            k => k,
        };
        let keyed = key_fn.is_some() && matches!(op, Op::Min | Op::Max);
        if !keyed && (!numeric || (matches!(op, Op::Min | Op::Max) && !ordered)) {
            let want = if numeric { "real numbers" } else { "numbers" };
            self.error(
                Code::TypeMismatch,
                format!("{name}() of {} items: only {want} are supported", elt.ty),
                elt.span,
                format!("this is {}", elt.ty),
                match elt.ty {
                    Ty::Array(_) => "reduce arrays with NumPy (np.sum(a, axis=0), np.max(...))",
                    _ => "reduce numbers",
                },
            );
            return None;
        }
        let key = span.start;
        let (acc, init, update, post) = match op {
            Op::Collect => {
                let ty = Ty::List(Box::new(elt.ty.clone()));
                let acc = self.scratch(format!("$acc{key}"), &ty, span);
                let empty = crate::list::list_node(ListOp::New, vec![], ty.clone(), span);
                let add = crate::list::list_node(
                    ListOp::Append,
                    vec![local(acc, ty.clone(), span), elt],
                    Ty::None,
                    span,
                );
                (
                    acc,
                    vec![assign(acc, empty, span)],
                    vec![stmt(StmtKind::Expr(add), span)],
                    vec![],
                )
            }
            Op::CollectSet | Op::CollectDict => {
                let (ty, args) = match (&elt.kind, op) {
                    (ExprKind::Tuple(kv), Op::CollectDict) => (
                        Ty::Dict(Box::new(kv[0].ty.clone()), Box::new(kv[1].ty.clone())),
                        kv.clone(),
                    ),
                    _ => (Ty::Set(Box::new(elt.ty.clone())), vec![elt.clone()]),
                };
                let acc = self.scratch(format!("$acc{key}"), &ty, span);
                let empty = crate::dicts::obj_node(ObjOp::New, vec![], ty.clone(), span);
                let (add_op, mut add_args) = if op == Op::CollectDict {
                    (ObjOp::Set, vec![local(acc, ty.clone(), span)])
                } else {
                    (ObjOp::Update(0), vec![local(acc, ty.clone(), span)])
                };
                add_args.extend(args);
                let add = crate::dicts::obj_node(add_op, add_args, Ty::None, span);
                (
                    acc,
                    vec![assign(acc, empty, span)],
                    vec![stmt(StmtKind::Expr(add), span)],
                    vec![],
                )
            }
            Op::Sum => {
                let start = start.unwrap_or_else(|| konst(Const::Int(0), span));
                let probe = |cx: &mut Self, ty: &Ty| {
                    let acc = local(LocalId(u32::MAX), ty.clone(), span);
                    cx.binary(ast::BinOp::Add, acc, elt.clone(), span)
                };
                let ty = probe(self, &start.ty)?.ty;
                let again = probe(self, &ty)?.ty;
                if again != ty || !matches!(ty, Ty::Int | Ty::Float | Ty::Complex | Ty::Scalar(_)) {
                    self.error(
                        Code::TypeMismatch,
                        format!("sum() of {} items from a {} start", elt.ty, start.ty),
                        span,
                        "the running total would change type",
                        "give the start the type of the total, for example sum(..., 0.0)",
                    );
                    return None;
                }
                let acc = self.scratch(format!("$acc{key}"), &ty, span);
                let init = match &ty {
                    t if *t == start.ty => start,
                    Ty::Scalar(d) => crate::numeric::to_dtype(start, *d),
                    Ty::Float => crate::expr::to_float(start),
                    Ty::Complex => crate::complex::to_complex(start),
                    _ => unreachable!("checked above"),
                };
                let total =
                    self.binary(ast::BinOp::Add, local(acc, ty.clone(), span), elt, span)?;
                (
                    acc,
                    vec![assign(acc, init, span)],
                    vec![assign(acc, total, span)],
                    vec![],
                )
            }
            Op::Any | Op::All => {
                let acc = self.scratch(format!("$acc{key}"), &Ty::Bool, span);
                let any = op == Op::Any;
                let truth = self.truth(elt)?;
                let hit = if any { truth } else { not(truth) };
                let update = vec![if_then(
                    hit,
                    vec![
                        assign(acc, konst(Const::Bool(any), span), span),
                        stmt(StmtKind::Break, span),
                    ],
                    span,
                )];
                let init = vec![assign(acc, konst(Const::Bool(!any), span), span)];
                (acc, init, update, vec![])
            }
            Op::Min | Op::Max => {
                let ty = elt.ty.clone();
                let acc = self.scratch(format!("$acc{key}"), &ty, span);
                let item = self.scratch(format!("$item{key}"), &ty, span);
                let seen = self.scratch(format!("$seen{key}"), &Ty::Bool, span);
                let update = match key_fn {
                    None => {
                        let pick = self.builtin(
                            name,
                            vec![local(acc, ty.clone(), span), local(item, ty.clone(), span)],
                            span,
                            span,
                        )?;
                        vec![
                            assign(item, elt, span),
                            stmt(
                                StmtKind::If {
                                    cond: local(seen, Ty::Bool, span),
                                    then_body: vec![assign(acc, pick, span)],
                                    else_body: vec![
                                        assign(acc, local(item, ty.clone(), span), span),
                                        assign(seen, konst(Const::Bool(true), span), span),
                                    ],
                                },
                                span,
                            ),
                        ]
                    }
                    Some(k) => self.keyed_update(op, k, (acc, item, seen), elt, key, span)?,
                };
                let empty = match default {
                    Some(d) if d.ty == ty => assign(acc, d, span),
                    Some(d) => {
                        self.error(
                            Code::TypeMismatch,
                            format!("the default of {name}() is {} but the items are {ty}", d.ty),
                            d.span,
                            format!("this is {}", d.ty),
                            format!("give a {ty} default"),
                        );
                        return None;
                    }
                    None => stmt(
                        StmtKind::Raise {
                            exc: ExcKind::ValueError,
                            msg: Some(format!("{name}() arg is an empty sequence")),
                        },
                        span,
                    ),
                };
                let init = vec![assign(seen, konst(Const::Bool(false), span), span)];
                let post = vec![if_then(not(local(seen, Ty::Bool, span)), vec![empty], span)];
                (acc, init, update, post)
            }
        };
        // Any and all stop at their answer: every enclosing loop then breaks too.
        let stop = match op {
            Op::Any => Some(local(acc, Ty::Bool, span)),
            Op::All => Some(not(local(acc, Ty::Bool, span))),
            _ => None,
        };
        let mut inner = update;
        let n = levels.len();
        for (i, lvl) in levels.into_iter().enumerate().rev() {
            let mut body = lvl.bind;
            for c in lvl.conds.into_iter().rev() {
                inner = vec![if_then(c, inner, span)];
            }
            body.extend(inner);
            let mut wrapped = lvl.setup;
            wrapped.push(stmt(
                StmtKind::ForRange {
                    var: lvl.counter,
                    start: konst(Const::Int(0), span),
                    stop: lvl.len,
                    step: konst(Const::Int(1), span),
                    body,
                    orelse: lvl.exhausted,
                },
                span,
            ));
            if let (Some(s), true) = (&stop, i > 0 && n > 1) {
                wrapped.push(if_then(s.clone(), vec![stmt(StmtKind::Break, span)], span));
            }
            inner = wrapped;
        }
        stmts.extend(init);
        let free_from = stmts.len();
        stmts.extend(inner);
        stmts.extend(post);
        let ty = self.locals[acc.index()].ty.clone();
        Some((local(acc, ty, span), free_from))
    }
}

impl FnCx<'_, '_> {
    /// One item of `min`/`max` with `key=`: the key of each item is computed once, and an item
    /// replaces the best so far when its key compares strictly better (`>` for max), as in CPython.
    fn keyed_update(
        &mut self,
        op: Op,
        key_fn: &ast::Expr,
        (acc, item, seen): (LocalId, LocalId, LocalId),
        elt: Expr,
        key: u32,
        span: Span,
    ) -> Option<Vec<Stmt>> {
        let ty = elt.ty.clone();
        let e = |kind| ast::Expr { kind, span };
        let named = |cx: &mut Self, id: LocalId| {
            let n = cx.locals[id.index()].name.clone();
            cx.local_names.insert(n.clone());
            e(ast::ExprKind::Name(n))
        };
        let item_name = named(self, item);
        let call = e(ast::ExprKind::Call {
            func: Box::new(key_fn.clone()),
            args: vec![item_name],
            keywords: Vec::new(),
        });
        let key_value = self.expr(&call)?;
        let kty = key_value.ty.clone();
        let kv = self.scratch(format!("$kv{key}"), &kty, span);
        let best = self.scratch(format!("$best{key}"), &kty, span);
        let cmp = if op == Op::Max {
            ast::CmpOp::Gt
        } else {
            ast::CmpOp::Lt
        };
        let better = e(ast::ExprKind::Compare {
            left: Box::new(named(self, kv)),
            ops: vec![cmp],
            comparators: vec![named(self, best)],
        });
        let better = self.condition(&better)?;
        let take = |seen_too: bool| {
            let mut v = vec![
                assign(acc, local(item, ty.clone(), span), span),
                assign(best, local(kv, kty.clone(), span), span),
            ];
            if seen_too {
                v.push(assign(seen, konst(Const::Bool(true), span), span));
            }
            v
        };
        Some(vec![
            assign(item, elt, span),
            assign(kv, key_value, span),
            stmt(
                StmtKind::If {
                    cond: local(seen, Ty::Bool, span),
                    then_body: vec![if_then(better, take(false), span)],
                    else_body: take(true),
                },
                span,
            ),
        ])
    }
}
