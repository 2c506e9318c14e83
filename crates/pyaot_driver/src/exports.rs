//! The Python-visible description of exported functions, for the wrapper generator.

use std::collections::HashSet;

use pyaot_hir::{Expr, ExprKind, Function, LocalId, Module, Stmt, StmtKind, Ty};
use pyaot_pywrap::{ExportFn, ExportParam};

/// The wrapper's view of function `index` of the module, compiled as `symbol`.
pub(crate) fn export(m: &Module, index: usize, symbol: &str) -> ExportFn {
    let f = &m.funcs[index];
    ExportFn {
        name: f.name.clone(),
        symbol: symbol.to_string(),
        doc: f.doc.clone(),
        params: f
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| ExportParam {
                name: p.name.clone(),
                ty: p.ty.clone(),
                default: p.default,
                writes: matches!(p.ty, Ty::Array(_))
                    && param_writes(m, index, i, &mut HashSet::new()),
            })
            .collect(),
        ret: f.ret.clone(),
        release_gil: may_run_long(&f.body),
    }
}

/// What a body does with values, gathered from every statement and nested expression.
#[derive(Default)]
struct Effects<'a> {
    /// Assignments: the targets and the assigned value.
    assigns: Vec<(Vec<LocalId>, &'a Expr)>,
    /// The array expressions stored into.
    stores: Vec<&'a Expr>,
    /// Calls of compiled functions: callee index and arguments.
    calls: Vec<(usize, &'a [Expr])>,
    /// Whether any expression makes a new array.
    allocates: bool,
}

fn collect_stmts<'a>(body: &'a [Stmt], fx: &mut Effects<'a>) {
    for s in body {
        match &s.kind {
            StmtKind::Assign { target, value } => {
                fx.assigns.push((vec![*target], value));
                collect_expr(value, fx);
            }
            StmtKind::AssignTuple { targets, value } => {
                fx.assigns.push((targets.clone(), value));
                collect_expr(value, fx);
            }
            StmtKind::Store {
                array,
                indices,
                value,
            } => {
                fx.stores.push(array);
                collect_expr(array, fx);
                indices.iter().for_each(|i| collect_expr(i, fx));
                collect_expr(value, fx);
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Assert { cond: e, .. } => {
                collect_expr(e, fx)
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => {
                collect_expr(cond, fx);
                collect_stmts(then_body, fx);
                collect_stmts(else_body, fx);
            }
            StmtKind::While { cond, body, orelse } => {
                collect_expr(cond, fx);
                collect_stmts(body, fx);
                collect_stmts(orelse, fx);
            }
            StmtKind::ForRange {
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => {
                collect_expr(start, fx);
                collect_expr(stop, fx);
                collect_expr(step, fx);
                collect_stmts(body, fx);
                collect_stmts(orelse, fx);
            }
            StmtKind::Return(None)
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Raise { .. } => {}
        }
    }
}

fn collect_expr<'a>(e: &'a Expr, fx: &mut Effects<'a>) {
    match &e.kind {
        ExprKind::Call { func, args } => fx.calls.push((func.index(), args)),
        ExprKind::NewArray { .. }
        | ExprKind::NewArrayLike { .. }
        | ExprKind::CopyArray(_)
        | ExprKind::Arange { .. } => fx.allocates = true,
        _ => {}
    }
    children(e).into_iter().for_each(|c| collect_expr(c, fx));
}

/// The direct subexpressions of an expression.
fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Const(_) | ExprKind::Local(_) => vec![],
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logic { lhs, rhs, .. } => vec![lhs, rhs],
        ExprKind::Unary { operand, .. }
        | ExprKind::Not(operand)
        | ExprKind::Cast { operand, .. } => {
            vec![operand]
        }
        ExprKind::Compare { operands: v, .. }
        | ExprKind::Tuple(v)
        | ExprKind::Call { args: v, .. }
        | ExprKind::Intrinsic { args: v, .. } => v.iter().collect(),
        ExprKind::IfExp {
            cond,
            then_expr,
            else_expr,
        } => vec![cond, then_expr, else_expr],
        ExprKind::TupleGet { tuple: a, .. }
        | ExprKind::Shape(a)
        | ExprKind::CopyArray(a)
        | ExprKind::NewArrayLike { source: a, .. } => vec![a],
        ExprKind::Index { array, indices } => std::iter::once(&**array).chain(indices).collect(),
        ExprKind::NewArray { dims, .. } => dims.iter().collect(),
        ExprKind::Arange { start, stop, step } => vec![start, stop, step],
    }
}

/// Whether an expression may evaluate to (or contain) an array held by one of `locals`.
fn mentions(e: &Expr, locals: &HashSet<LocalId>) -> bool {
    match &e.kind {
        ExprKind::Local(l) => locals.contains(l),
        // These make new arrays or scalars; the source array does not flow through them.
        ExprKind::Index { .. }
        | ExprKind::Shape(_)
        | ExprKind::CopyArray(_)
        | ExprKind::NewArray { .. }
        | ExprKind::NewArrayLike { .. }
        | ExprKind::Arange { .. } => false,
        _ => children(e).into_iter().any(|c| mentions(c, locals)),
    }
}

/// Whether function `f` (or a function it passes the array to) may store into its parameter `p`.
/// Aliases are tracked through assignments, flow-insensitively; a recursive cycle counts as a write.
fn param_writes(m: &Module, f: usize, p: usize, visiting: &mut HashSet<(usize, usize)>) -> bool {
    if !visiting.insert((f, p)) {
        return true;
    }
    let func: &Function = &m.funcs[f];
    let mut fx = Effects::default();
    collect_stmts(&func.body, &mut fx);
    let mut alias: HashSet<LocalId> = HashSet::from([func.params[p].local]);
    loop {
        let before = alias.len();
        for (targets, value) in &fx.assigns {
            if mentions(value, &alias) {
                alias.extend(targets.iter().copied());
            }
        }
        if alias.len() == before {
            break;
        }
    }
    let result = fx.stores.iter().any(|a| mentions(a, &alias))
        || fx.calls.iter().any(|(g, args)| {
            args.iter().enumerate().any(|(j, a)| {
                mentions(a, &alias)
                    && matches!(m.funcs[*g].params[j].ty, Ty::Array(_))
                    && param_writes(m, *g, j, visiting)
            })
        });
    visiting.remove(&(f, p));
    result
}

/// Whether a body loops, calls compiled functions or makes arrays: only then is releasing the GIL
/// worth its cost (a few tens of nanoseconds per call, more than a short function takes).
fn may_run_long(body: &[Stmt]) -> bool {
    let mut fx = Effects::default();
    collect_stmts(body, &mut fx);
    has_loop(body) || !fx.calls.is_empty() || fx.allocates
}

fn has_loop(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::While { .. } | StmtKind::ForRange { .. } => true,
        StmtKind::If {
            then_body,
            else_body,
            ..
        } => has_loop(then_body) || has_loop(else_body),
        _ => false,
    })
}
