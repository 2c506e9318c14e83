//! Python's scoping rule and control-flow facts read off the syntax tree.

use std::collections::HashSet;

use pyaot_syntax::ast::{Expr, ExprKind, Stmt, StmtKind};

/// The names a function body assigns anywhere (targets of `=`, `+=`, annotated assignments and `for`):
/// by Python's rule they are local to the whole function.
pub(crate) fn assigned_names(body: &[Stmt]) -> HashSet<String> {
    let mut names = HashSet::new();
    for s in body {
        collect_stmt(s, &mut names);
    }
    names
}

fn collect_target(e: &Expr, names: &mut HashSet<String>) {
    match &e.kind {
        ExprKind::Name(n) => {
            names.insert(n.clone());
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|i| collect_target(i, names))
        }
        ExprKind::Starred(inner) => collect_target(inner, names),
        _ => {}
    }
}

fn collect_stmt(s: &Stmt, names: &mut HashSet<String>) {
    match &s.kind {
        StmtKind::Assign { targets, .. } => targets.iter().for_each(|t| collect_target(t, names)),
        StmtKind::AnnAssign { target, .. } | StmtKind::AugAssign { target, .. } => {
            collect_target(target, names)
        }
        StmtKind::For {
            target,
            body,
            orelse,
            ..
        } => {
            collect_target(target, names);
            body.iter()
                .chain(orelse)
                .for_each(|s| collect_stmt(s, names));
        }
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } => body
            .iter()
            .chain(orelse)
            .for_each(|s| collect_stmt(s, names)),
        StmtKind::FunctionDef(f) => {
            names.insert(f.name.clone());
        }
        _ => {}
    }
}

/// Whether a body has a `return` with a value other than `None`.
pub(crate) fn returns_value(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::Return(Some(e)) => !matches!(e.kind, ExprKind::NoneLit),
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => returns_value(body) || returns_value(orelse),
        _ => false,
    })
}

/// Whether control can reach the end of a statement list (the end of a function, say).
pub(crate) fn can_fall_through(body: &[Stmt]) -> bool {
    !body.iter().any(terminates)
}

/// Whether a statement never completes normally (it always returns, raises or loops forever).
fn terminates(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Raise { .. } => true,
        StmtKind::Assert { test, .. } => matches!(test.kind, ExprKind::Bool(false)),
        StmtKind::If { test, body, orelse } => match test.kind {
            ExprKind::Bool(true) => !can_fall_through(body),
            ExprKind::Bool(false) => !can_fall_through(orelse),
            _ => !can_fall_through(body) && !can_fall_through(orelse),
        },
        StmtKind::While { test, body, orelse } => {
            if is_always_true(test) {
                !breaks(body)
            } else {
                !breaks(body) && !can_fall_through(orelse)
            }
        }
        StmtKind::For { body, orelse, .. } => !breaks(body) && !can_fall_through(orelse),
        _ => false,
    }
}

fn is_always_true(test: &Expr) -> bool {
    match test.kind {
        ExprKind::Bool(b) => b,
        ExprKind::Int(Some(v)) => v != 0,
        _ => false,
    }
}

/// Whether a loop body contains a `break` for this loop (not for nested loops).
fn breaks(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::Break => true,
        StmtKind::If { body, orelse, .. } => breaks(body) || breaks(orelse),
        StmtKind::While { orelse, .. } | StmtKind::For { orelse, .. } => breaks(orelse),
        _ => false,
    })
}

/// The starts of the assignment targets that give a None parameter (`none_params`) a value on
/// every path: plain assignments at the top level of the body, or in the branch of an
/// `if p is None` / `if p is not None` on such a parameter that this variant always takes.
pub(crate) fn rebindable(body: &[Stmt], none_params: &[&str], out: &mut HashSet<u32>) {
    let is_param =
        |e: &Expr| matches!(&e.kind, ExprKind::Name(n) if none_params.contains(&n.as_str()));
    for s in body {
        match &s.kind {
            StmtKind::Assign { targets, .. } if targets.len() == 1 && is_param(&targets[0]) => {
                out.insert(targets[0].span.start);
            }
            StmtKind::AnnAssign { target, .. } if is_param(target) => {
                out.insert(target.span.start);
            }
            StmtKind::If { test, body, orelse } => {
                if let ExprKind::Compare {
                    left,
                    ops,
                    comparators,
                } = &test.kind
                {
                    let none_test = ops.len() == 1
                        && is_param(left)
                        && matches!(comparators[0].kind, ExprKind::NoneLit);
                    match ops.first() {
                        Some(pyaot_syntax::ast::CmpOp::Is) if none_test => {
                            rebindable(body, none_params, out)
                        }
                        Some(pyaot_syntax::ast::CmpOp::IsNot) if none_test => {
                            rebindable(orelse, none_params, out)
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}
