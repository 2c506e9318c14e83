//! Walks over the syntax tree: every expression of a statement list, mutably, parents first.
//! One exhaustive match per node kind, so a new kind cannot be skipped by a walk.

use crate::ast::{Comprehension, Expr, ExprKind, FPart, Stmt, StmtKind};

impl Expr {
    /// The direct subexpressions, mutably (comprehension clauses included).
    pub fn children_mut(&mut self) -> Vec<&mut Expr> {
        fn clauses(cs: &mut [Comprehension]) -> Vec<&mut Expr> {
            let mut out = Vec::new();
            for c in cs {
                out.push(&mut c.target);
                out.push(&mut c.iter);
                out.extend(c.ifs.iter_mut());
            }
            out
        }
        fn fparts(parts: &mut [FPart]) -> Vec<&mut Expr> {
            let mut out = Vec::new();
            for p in parts {
                if let FPart::Field { value, spec, .. } = p {
                    out.push(&mut **value);
                    out.extend(fparts(spec));
                }
            }
            out
        }
        match &mut self.kind {
            ExprKind::Name(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imaginary(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
            | ExprKind::Str(_)
            | ExprKind::Ellipsis
            | ExprKind::Unsupported(_) => vec![],
            ExprKind::BinOp { left, right, .. } => vec![left, right],
            ExprKind::UnaryOp { operand, .. } => vec![operand],
            ExprKind::Starred(e) => vec![e],
            ExprKind::BoolOp { values, .. } => values.iter_mut().collect(),
            ExprKind::Compare {
                left, comparators, ..
            } => std::iter::once(&mut **left)
                .chain(comparators.iter_mut())
                .collect(),
            ExprKind::IfExp { test, body, orelse } => vec![test, body, orelse],
            ExprKind::Call {
                func,
                args,
                keywords,
            } => std::iter::once(&mut **func)
                .chain(args.iter_mut())
                .chain(keywords.iter_mut().map(|k| &mut k.value))
                .collect(),
            ExprKind::Attribute { value, .. } => vec![value],
            ExprKind::Subscript { value, index } => vec![value, index],
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                items.iter_mut().collect()
            }
            ExprKind::Dict(items) => items.iter_mut().flat_map(|(k, v)| [k, v]).collect(),
            ExprKind::Slice { lower, upper, step } => [lower, upper, step]
                .into_iter()
                .filter_map(|b| b.as_deref_mut())
                .collect(),
            ExprKind::Lambda { body, .. } => vec![body],
            ExprKind::Generator { elt, clauses: cs }
            | ExprKind::ListComp { elt, clauses: cs }
            | ExprKind::SetComp { elt, clauses: cs } => {
                let mut out = clauses(cs);
                out.push(elt);
                out
            }
            ExprKind::DictComp {
                key,
                value,
                clauses: cs,
            } => {
                let mut out = clauses(cs);
                out.push(key);
                out.push(value);
                out
            }
            ExprKind::FString(parts) => fparts(parts),
        }
    }

    /// Calls `f` on this expression and every expression inside it, parents first; `f` returns
    /// whether to descend into the expression it was given.
    pub fn walk_mut(&mut self, f: &mut dyn FnMut(&mut Expr) -> bool) {
        if f(self) {
            for c in self.children_mut() {
                c.walk_mut(f);
            }
        }
    }
}

/// The expressions of a statement itself (not those of statements nested in it).
pub fn stmt_exprs_mut(s: &mut Stmt) -> Vec<&mut Expr> {
    match &mut s.kind {
        StmtKind::Assign { targets, value } => targets.iter_mut().chain([value]).collect(),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => [target, annotation]
            .into_iter()
            .chain(value.as_mut())
            .collect(),
        StmtKind::AugAssign { target, value, .. } => vec![target, value],
        StmtKind::Expr(e) => vec![e],
        StmtKind::Return(v) => v.iter_mut().collect(),
        StmtKind::If { test, .. } | StmtKind::While { test, .. } => vec![test],
        StmtKind::For { target, iter, .. } => vec![target, iter],
        StmtKind::Delete(targets) => targets.iter_mut().collect(),
        StmtKind::Assert { test, msg } => std::iter::once(test).chain(msg.as_mut()).collect(),
        StmtKind::Raise { exc, .. } => exc.iter_mut().collect(),
        StmtKind::FunctionDef(_)
        | StmtKind::ClassDef { .. }
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Nonlocal(_)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Unsupported(_) => vec![],
    }
}

/// The statement lists nested in a statement (not a nested function's body).
pub fn stmt_bodies_mut(s: &mut Stmt) -> Vec<&mut Vec<Stmt>> {
    match &mut s.kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => vec![body, orelse],
        StmtKind::FunctionDef(_)
        | StmtKind::ClassDef { .. }
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Assign { .. }
        | StmtKind::AnnAssign { .. }
        | StmtKind::AugAssign { .. }
        | StmtKind::Expr(_)
        | StmtKind::Return(_)
        | StmtKind::Delete(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Assert { .. }
        | StmtKind::Raise { .. }
        | StmtKind::Unsupported(_) => vec![],
    }
}

/// Calls `f` on every expression of the statements (nested statement lists too, nested
/// functions' bodies not), parents first; `f` says whether to descend.
pub fn walk_body_mut(body: &mut [Stmt], f: &mut dyn FnMut(&mut Expr) -> bool) {
    for s in body {
        for e in stmt_exprs_mut(s) {
            e.walk_mut(f);
        }
        for b in stmt_bodies_mut(s) {
            walk_body_mut(b, f);
        }
    }
}
