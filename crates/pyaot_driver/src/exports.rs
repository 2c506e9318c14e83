//! The Python-visible description of exported functions, for the wrapper generator.

use pyaot_hir::{ExprKind, Function, Stmt, StmtKind};
use pyaot_pywrap::{ExportFn, ExportParam};

/// The wrapper's view of an exported function compiled as `symbol`.
pub(crate) fn export(f: &Function, symbol: &str) -> ExportFn {
    ExportFn {
        name: f.name.clone(),
        symbol: symbol.to_string(),
        doc: f.doc.clone(),
        params: f
            .params
            .iter()
            .map(|p| ExportParam {
                name: p.name.clone(),
                ty: p.ty.clone(),
                default: p.default,
                writes: false,
            })
            .collect(),
        ret: f.ret.clone(),
        release_gil: may_run_long(&f.body),
    }
}

/// Whether a body loops or calls compiled functions: only then is releasing the GIL worth its cost
/// (a few tens of nanoseconds per call, more than a short function takes).
fn may_run_long(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::While { .. } | StmtKind::ForRange { .. } => true,
        StmtKind::If {
            cond,
            then_body,
            else_body,
        } => calls(cond) || may_run_long(then_body) || may_run_long(else_body),
        StmtKind::Assign { value, .. }
        | StmtKind::AssignTuple { value, .. }
        | StmtKind::Expr(value) => calls(value),
        StmtKind::Return(Some(value)) => calls(value),
        StmtKind::Assert { cond, .. } => calls(cond),
        _ => false,
    })
}

fn calls(e: &pyaot_hir::Expr) -> bool {
    match &e.kind {
        ExprKind::Call { .. } => true,
        ExprKind::Const(_) | ExprKind::Local(_) => false,
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logic { lhs, rhs, .. } => {
            calls(lhs) || calls(rhs)
        }
        ExprKind::Unary { operand, .. }
        | ExprKind::Not(operand)
        | ExprKind::Cast { operand, .. } => calls(operand),
        ExprKind::TupleGet { tuple, .. } => calls(tuple),
        ExprKind::Compare { operands, .. }
        | ExprKind::Tuple(operands)
        | ExprKind::Intrinsic { args: operands, .. } => operands.iter().any(calls),
        ExprKind::IfExp {
            cond,
            then_expr,
            else_expr,
        } => calls(cond) || calls(then_expr) || calls(else_expr),
    }
}
