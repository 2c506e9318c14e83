//! Parameter effects: which array parameters a function may store into, and whether a call may run long.
//!
//! Computed over the whole checked module with HIR's one exhaustive walk, so every expression that can
//! hold a call (a fill value, a tuple element, a cast operand) is seen; the results are carried on
//! [`pyaot_hir::Function::effects`] for the wrapper.

use std::collections::HashSet;

use pyaot_hir::{walk_exprs, walk_stmts, Expr, ExprKind, LocalId, Module, StmtKind, Ty};

/// Fills in the effects of every function of `m`.
pub(crate) fn compute(m: &mut Module) {
    let all: Vec<pyaot_hir::Effects> = (0..m.funcs.len())
        .map(|f| pyaot_hir::Effects {
            writes: (0..m.funcs[f].params.len())
                .map(|p| {
                    let ty = &m.funcs[f].params[p].ty;
                    if in_list_holds_array(ty) {
                        // Arrays inside lists are not tracked: any store may write into them.
                        return stores_anywhere(m, f, &mut HashSet::new());
                    }
                    holds_array(ty) && param_writes(m, f, p, &mut HashSet::new())
                })
                .collect(),
            may_run_long: may_run_long(m, f),
            uses_objects: false,
        })
        .collect();
    let objects = uses_objects(m);
    for ((f, mut fx), o) in m.funcs.iter_mut().zip(all).zip(objects) {
        fx.uses_objects = o;
        f.effects = fx;
    }
}

/// Whether a type holds a CPython object.
fn holds_object(t: &Ty) -> bool {
    match t {
        Ty::Str | Ty::Dict(..) | Ty::Set(_) => true,
        Ty::Tuple(items) => items.iter().any(holds_object),
        Ty::List(t) | Ty::TupleOf(t) => holds_object(t),
        _ => false,
    }
}

/// For each function: whether it, or any function it calls, holds CPython objects.
fn uses_objects(m: &Module) -> Vec<bool> {
    let mut uses: Vec<bool> = m
        .funcs
        .iter()
        .map(|f| {
            let mut u = f.locals.iter().any(|l| holds_object(&l.ty)) || holds_object(&f.ret);
            walk_exprs(&f.body, &mut |e| {
                u |= matches!(e.kind, ExprKind::Str { .. } | ExprKind::Obj { .. })
                    || holds_object(&e.ty);
            });
            u
        })
        .collect();
    let callees: Vec<Vec<usize>> = m
        .funcs
        .iter()
        .map(|f| {
            let mut c = Vec::new();
            walk_exprs(&f.body, &mut |e| {
                if let ExprKind::Call { func, .. } = &e.kind {
                    c.push(func.index());
                }
            });
            c
        })
        .collect();
    loop {
        let mut changed = false;
        for f in 0..uses.len() {
            if !uses[f]
                && callees[f]
                    .iter()
                    .any(|&g| uses.get(g).copied().unwrap_or(false))
            {
                uses[f] = true;
                changed = true;
            }
        }
        if !changed {
            return uses;
        }
    }
}

/// Whether a value of this type holds an array (a tuple parameter may).
fn holds_array(t: &Ty) -> bool {
    match t {
        Ty::Array(_) => true,
        Ty::Tuple(items) => items.iter().any(holds_array),
        _ => false,
    }
}

/// Whether a value of this type holds a list (or `tuple[T, ...]`) that holds arrays.
fn in_list_holds_array(t: &Ty) -> bool {
    match t {
        Ty::List(item) | Ty::TupleOf(item) => {
            matches!(**item, Ty::Array(_)) || holds_array(item) || in_list_holds_array(item)
        }
        Ty::Tuple(items) => items.iter().any(in_list_holds_array),
        _ => false,
    }
}

/// Whether function `f`, or a function it calls, stores into any array.
fn stores_anywhere(m: &Module, f: usize, visiting: &mut HashSet<usize>) -> bool {
    if !visiting.insert(f) {
        return false;
    }
    let body = &m.funcs[f].body;
    let mut stores = false;
    walk_stmts(body, &mut |s| {
        stores |= matches!(s.kind, StmtKind::Store { .. } | StmtKind::StoreEach { .. });
    });
    let mut callees = Vec::new();
    walk_exprs(body, &mut |e| match &e.kind {
        ExprKind::Call { func, .. } => callees.push(func.index()),
        ExprKind::Gpu {
            op: pyaot_hir::GpuOp::Atomic(_),
            ..
        } => stores = true,
        _ => {}
    });
    stores || callees.into_iter().any(|g| stores_anywhere(m, g, visiting))
}

/// Whether an expression may evaluate to (or contain) an array held by one of `locals`.
fn mentions(e: &Expr, locals: &HashSet<LocalId>) -> bool {
    match &e.kind {
        ExprKind::Local(l) | ExprKind::LocalUnchecked(l) => locals.contains(l),
        // These make new arrays or scalars; the source array does not flow through them.
        ExprKind::Index { .. }
        | ExprKind::Shape(_)
        | ExprKind::Strides(_)
        | ExprKind::CopyArray(_)
        | ExprKind::NewArray { .. }
        | ExprKind::NewArrayLike { .. }
        | ExprKind::Arange { .. }
        | ExprKind::Map { .. }
        | ExprKind::ArrayLiteral { .. }
        | ExprKind::Elem(_) => false,
        _ => e.children().into_iter().any(|c| mentions(c, locals)),
    }
}

/// Whether function `f` (or a function it passes the array to) may store into its parameter `p`.
/// Aliases are tracked through assignments, flow-insensitively; a recursive cycle counts as a write.
fn param_writes(m: &Module, f: usize, p: usize, visiting: &mut HashSet<(usize, usize)>) -> bool {
    if !visiting.insert((f, p)) {
        return true;
    }
    let func = &m.funcs[f];
    let mut assigns: Vec<(Vec<LocalId>, &Expr)> = Vec::new();
    let mut stores: Vec<&Expr> = Vec::new();
    walk_stmts(&func.body, &mut |s| match &s.kind {
        StmtKind::Assign { target, value } => assigns.push((vec![*target], value)),
        StmtKind::AssignTuple { targets, value } => assigns.push((targets.clone(), value)),
        StmtKind::Store { array, .. } => stores.push(array),
        StmtKind::StoreEach { target, .. } => stores.push(target),
        _ => {}
    });
    let mut calls: Vec<(usize, &[Expr])> = Vec::new();
    walk_exprs(&func.body, &mut |e| match &e.kind {
        ExprKind::Call { func, args } => calls.push((func.index(), args)),
        // A GPU atomic writes the element of its array.
        ExprKind::Gpu {
            op: pyaot_hir::GpuOp::Atomic(_),
            args,
        } => stores.push(&args[0]),
        _ => {}
    });
    let mut alias: HashSet<LocalId> = HashSet::from([func.params[p].local]);
    loop {
        let before = alias.len();
        for (targets, value) in &assigns {
            if mentions(value, &alias) {
                alias.extend(targets.iter().copied());
            }
        }
        if alias.len() == before {
            break;
        }
    }
    let result = stores.iter().any(|a| mentions(a, &alias))
        || calls.iter().any(|(g, args)| {
            args.iter().enumerate().any(|(j, a)| {
                mentions(a, &alias)
                    && matches!(m.funcs[*g].params[j].ty, Ty::Array(_))
                    && param_writes(m, *g, j, visiting)
            })
        });
    visiting.remove(&(f, p));
    result
}

/// Whether function `f` loops, calls compiled functions or makes arrays.
fn may_run_long(m: &Module, f: usize) -> bool {
    let body = &m.funcs[f].body;
    let mut long = false;
    walk_stmts(body, &mut |s| {
        long |= matches!(
            s.kind,
            StmtKind::While { .. } | StmtKind::ForRange { .. } | StmtKind::StoreEach { .. }
        );
    });
    walk_exprs(body, &mut |e| {
        long |= matches!(
            e.kind,
            ExprKind::Call { .. }
                | ExprKind::NewArray { .. }
                | ExprKind::NewArrayLike { .. }
                | ExprKind::CopyArray(_)
                | ExprKind::Arange { .. }
                | ExprKind::Map { .. }
                | ExprKind::Reshape { .. }
        );
    });
    long
}
