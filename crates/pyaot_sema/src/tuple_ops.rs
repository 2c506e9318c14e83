//! Operators on tuples, whose lengths are known when compiling: slicing with constant bounds,
//! `+`, `*` by a constant, `==`, `!=` and the orderings (lexicographic, as CPython's), and `in`.
//!
//! Each operand is evaluated once, into a hidden local when it is not one already; the result is
//! then made of its items (`TupleGet`). Comparisons are written as comparisons of the items,
//! checked by the number rules, in a block expression that holds the hidden assignments.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Const, Expr, ExprKind, Stmt, Ty};
use pyaot_syntax::ast;

use crate::func::FnCx;

/// The items `range(start, stop, step)` picks from `n`, with Python's rules for slice bounds.
fn slice_positions(n: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<usize> {
    let (lower, upper) = if step > 0 { (0, n) } else { (-1, n - 1) };
    let clamp = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => (v + n).max(lower),
        Some(v) => v.min(upper),
    };
    let start = clamp(start, if step > 0 { lower } else { upper });
    let stop = clamp(stop, if step > 0 { upper } else { lower });
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// What is known of where a tuple's item comes from: the same local, or the same item of the same
/// local, on both sides of a comparison is the same object in CPython, whose item comparisons
/// check identity first (`t == t` holds with a NaN inside).
#[derive(PartialEq)]
enum Origin {
    Local(pyaot_hir::LocalId),
    Item(pyaot_hir::LocalId, usize),
    Unknown,
}

/// The origin of each item of a tuple operand.
fn origins(e: &Expr, n: usize) -> Vec<Origin> {
    match &e.kind {
        ExprKind::Local(id) => (0..n).map(|k| Origin::Item(*id, k)).collect(),
        ExprKind::Tuple(items) => items
            .iter()
            .map(|i| match i.kind {
                ExprKind::Local(id) => Origin::Local(id),
                ExprKind::TupleGet { ref tuple, index } => match tuple.kind {
                    ExprKind::Local(id) => Origin::Item(id, index),
                    _ => Origin::Unknown,
                },
                _ => Origin::Unknown,
            })
            .collect(),
        _ => (0..n).map(|_| Origin::Unknown).collect(),
    }
}

fn block(stmts: Vec<Stmt>, value: Expr) -> Expr {
    if stmts.is_empty() {
        return value;
    }
    let (ty, span) = (value.ty.clone(), value.span);
    let free_from = stmts.len();
    Expr {
        kind: ExprKind::Block {
            stmts,
            value: Box::new(value),
            free_from,
        },
        ty,
        span,
    }
}

impl FnCx<'_, '_> {
    /// A tuple value as its items, evaluating it once (into a hidden local unless it is a local).
    fn items_of(&mut self, v: Expr, stmts: &mut Vec<Stmt>) -> Vec<Expr> {
        let Ty::Tuple(tys) = v.ty.clone() else {
            unreachable!("called for tuples")
        };
        let span = v.span;
        let t = if matches!(v.kind, ExprKind::Local(_)) {
            v
        } else {
            // Nested operations start at one place (`(a, b) + (c,)` and its slice): the type
            // in the name keeps their hidden locals apart.
            let name = format!("$tup{}:{}", span.start, v.ty);
            self.hidden_as(name, v, span, stmts)
        };
        tys.into_iter()
            .enumerate()
            .map(|(index, ty)| Expr {
                kind: ExprKind::TupleGet {
                    tuple: Box::new(t.clone()),
                    index,
                },
                ty,
                span,
            })
            .collect()
    }

    fn tuple_of(&mut self, items: Vec<Expr>, span: Span) -> Option<Expr> {
        if items.is_empty() {
            self.error(
                Code::UnsupportedSyntax,
                "this gives the empty tuple, which is not supported",
                span,
                "empty tuple",
                "keep at least one item",
            );
            return None;
        }
        Some(Expr {
            ty: Ty::Tuple(items.iter().map(|i| i.ty.clone()).collect()),
            kind: ExprKind::Tuple(items),
            span,
        })
    }

    /// `t[a:b:c]` with bounds known when compiling.
    pub(crate) fn tuple_slice(
        &mut self,
        t: Expr,
        lower: Option<&ast::Expr>,
        upper: Option<&ast::Expr>,
        step: Option<&ast::Expr>,
        span: Span,
    ) -> Option<Expr> {
        let bound = |e: Option<&ast::Expr>| -> Result<Option<i64>, Span> {
            match e {
                None => Ok(None),
                Some(e) => match crate::expr::fold_const(e, &|_| None) {
                    Some(Const::Int(v)) => Ok(Some(v)),
                    Some(Const::Bool(b)) => Ok(Some(i64::from(b))),
                    _ => Err(e.span),
                },
            }
        };
        let parts = [bound(lower), bound(upper), bound(step)];
        if let Some(Err(at)) = parts.iter().find(|p| p.is_err()) {
            self.error(
                Code::UnsupportedSyntax,
                "a tuple is sliced with int literals only",
                *at,
                "not a literal",
                "the length of a tuple is fixed when compiling: write the bounds as literals",
            );
            return None;
        }
        let [start, stop, step] = parts.map(|p| p.unwrap_or(None));
        let step = step.unwrap_or(1);
        if step == 0 {
            self.error(
                Code::InvalidConstant,
                "slice step cannot be zero",
                span,
                "zero step",
                "use a nonzero step",
            );
            return None;
        }
        let n = match &t.ty {
            Ty::Tuple(items) => items.len() as i64,
            _ => unreachable!("called for tuples"),
        };
        let mut stmts = Vec::new();
        let items = self.items_of(t, &mut stmts);
        let picked: Vec<Expr> = slice_positions(n, start, stop, step)
            .into_iter()
            .map(|k| items[k].clone())
            .collect();
        let value = self.tuple_of(picked, span)?;
        Some(block(stmts, value))
    }

    /// `t1 + t2` and `t * k` / `k * t`; `None` when neither operand is a tuple.
    pub(crate) fn tuple_binary(
        &mut self,
        op: ast::BinOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        let is_tuple = |e: &Expr| matches!(e.ty, Ty::Tuple(_));
        if !is_tuple(&l) && !is_tuple(&r) {
            return None;
        }
        let mut stmts = Vec::new();
        match op {
            ast::BinOp::Add if is_tuple(&l) && is_tuple(&r) => {
                let mut items = self.items_of(l, &mut stmts);
                items.extend(self.items_of(r, &mut stmts));
                let value = self.tuple_of(items, span);
                Some(value.map(|v| block(stmts, v)))
            }
            ast::BinOp::Mul => {
                let (t, k) = if is_tuple(&l) { (l, r) } else { (r, l) };
                let count = match &k.kind {
                    ExprKind::Const(Const::Int(v)) => Some(*v),
                    ExprKind::Const(Const::Bool(b)) => Some(i64::from(*b)),
                    _ => None,
                };
                let Some(count) = count.filter(|c| (1..=64).contains(c)) else {
                    self.error(
                        Code::UnsupportedSyntax,
                        "a tuple is repeated by an int literal from 1 to 64",
                        k.span,
                        "repeat count",
                        "the length of a tuple is fixed when compiling: write the count as a literal",
                    );
                    return Some(None);
                };
                let items = self.items_of(t, &mut stmts);
                let mut all = Vec::new();
                for _ in 0..count {
                    all.extend(items.iter().cloned());
                }
                let value = self.tuple_of(all, span);
                Some(value.map(|v| block(stmts, v)))
            }
            _ => {
                self.error(
                    Code::TypeMismatch,
                    format!(
                        "unsupported operand types for {}: {} and {}",
                        op.symbol(),
                        l.ty,
                        r.ty
                    ),
                    span,
                    "tuple operand",
                    "tuples support + with a tuple and * by an int",
                );
                Some(None)
            }
        }
    }

    /// A hidden local holding `v`, readable by name from syntax built here. `side` and the
    /// nesting depth tell apart the operands of comparisons written at one place.
    fn named(&mut self, v: Expr, side: char, span: Span, stmts: &mut Vec<Stmt>) -> ast::Expr {
        let name = format!("$cmp{}.{}{side}", span.start, self.tuple_depth);
        self.hidden_as(name.clone(), v, span, stmts);
        self.local_names.insert(name.clone());
        ast::Expr {
            kind: ast::ExprKind::Name(name),
            span,
        }
    }

    /// `l OP r` with a tuple operand (`==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`);
    /// `None` when no operand is a tuple.
    pub(crate) fn tuple_compare(
        &mut self,
        op: ast::CmpOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        let (lt, rt) = (l.ty.clone(), r.ty.clone());
        let len = |t: &Ty| match t {
            Ty::Tuple(items) => Some(items.len()),
            _ => None,
        };
        let (ln, rn) = (len(&lt), len(&rt));
        if ln.is_none() && rn.is_none() {
            return None;
        }
        let mut stmts = Vec::new();
        let e = |kind| ast::Expr { kind, span };
        let item = |name: &ast::Expr, k: usize| {
            e(ast::ExprKind::Subscript {
                value: Box::new(name.clone()),
                index: Box::new(e(ast::ExprKind::Int(Some(k as i128)))),
            })
        };
        let cmp = |a: ast::Expr, op, b: ast::Expr| {
            e(ast::ExprKind::Compare {
                left: Box::new(a),
                ops: vec![op],
                comparators: vec![b],
            })
        };
        let boolean = |v| e(ast::ExprKind::Bool(v));
        let syntax = match (op, ln, rn) {
            (ast::CmpOp::In | ast::CmpOp::NotIn, _, Some(n)) => {
                let is_in = op == ast::CmpOp::In;
                // An item that is the very object tested is found by identity (a NaN too).
                let found = match l.kind {
                    ExprKind::Local(id) => origins(&r, n).contains(&Origin::Local(id)),
                    _ => false,
                };
                let x = self.named(l, 'l', span, &mut stmts);
                let t = self.named(r, 'r', span, &mut stmts);
                let (test, join) = if is_in {
                    (ast::CmpOp::Eq, ast::BoolOp::Or)
                } else {
                    (ast::CmpOp::NotEq, ast::BoolOp::And)
                };
                let values: Vec<ast::Expr> =
                    (0..n).map(|k| cmp(x.clone(), test, item(&t, k))).collect();
                if found {
                    boolean(is_in)
                } else if values.len() == 1 {
                    values.into_iter().next().expect("one item")
                } else {
                    e(ast::ExprKind::BoolOp { op: join, values })
                }
            }
            (
                ast::CmpOp::Eq
                | ast::CmpOp::NotEq
                | ast::CmpOp::Lt
                | ast::CmpOp::LtE
                | ast::CmpOp::Gt
                | ast::CmpOp::GtE,
                Some(ln),
                Some(rn),
            ) => {
                let fixed = |t: &Ty| match t {
                    Ty::Tuple(items) => items.iter().any(|i| matches!(i, Ty::Scalar(_))),
                    _ => false,
                };
                let ordering = !matches!(op, ast::CmpOp::Eq | ast::CmpOp::NotEq);
                if ordering && (fixed(&lt) || fixed(&rt)) {
                    self.error(
                        Code::UnsupportedSyntax,
                        "ordering tuples of NumPy scalars is not supported",
                        span,
                        "tuple ordering",
                        "CPython returns the deciding items' np.bool_ here: compare the items yourself",
                    );
                    return Some(None);
                }
                let same: Vec<bool> = origins(&l, ln)
                    .into_iter()
                    .zip(origins(&r, rn))
                    .map(|(x, y)| x == y && x != Origin::Unknown)
                    .collect();
                let a = self.named(l, 'l', span, &mut stmts);
                let b = self.named(r, 'r', span, &mut stmts);
                let common = ln.min(rn);
                // CPython: the first position whose items differ decides (by OP on those items);
                // when there is none, the lengths do.
                let by_length = match op {
                    ast::CmpOp::Eq => ln == rn,
                    ast::CmpOp::NotEq => ln != rn,
                    ast::CmpOp::Lt => ln < rn,
                    ast::CmpOp::LtE => ln <= rn,
                    ast::CmpOp::Gt => ln > rn,
                    _ => ln >= rn,
                };
                let mut acc = boolean(by_length);
                for k in (0..common).rev() {
                    if same[k] {
                        // The same object on both sides: equal, whatever its value.
                        continue;
                    }
                    let decided = match op {
                        ast::CmpOp::Eq => boolean(false),
                        ast::CmpOp::NotEq => boolean(true),
                        _ => cmp(item(&a, k), op, item(&b, k)),
                    };
                    acc = e(ast::ExprKind::IfExp {
                        test: Box::new(cmp(item(&a, k), ast::CmpOp::NotEq, item(&b, k))),
                        body: Box::new(decided),
                        orelse: Box::new(acc),
                    });
                }
                acc
            }
            _ => {
                self.error(
                    Code::TypeMismatch,
                    format!("cannot compare {lt} with {rt}"),
                    span,
                    "comparison",
                    "compare a tuple with a tuple, or test `x in t`",
                );
                return Some(None);
            }
        };
        self.tuple_depth += 1;
        let value = self.expr(&syntax);
        self.tuple_depth -= 1;
        Some(value.map(|v| block(stmts, v)))
    }
}
