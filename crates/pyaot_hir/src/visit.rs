//! The one exhaustive walk over HIR: every analysis finds subexpressions and nested bodies here.
//!
//! The matches below list every variant without a wildcard, so a new node kind does not compile
//! until it says what its children are.

use crate::{ArrayInit, Expr, ExprKind, Stmt, StmtKind};

impl Expr {
    /// The direct subexpressions, in evaluation order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Elem(_)
            | ExprKind::Assigned(_)
            | ExprKind::LocalUnchecked(_) => vec![],
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logic { lhs, rhs, .. } => {
                vec![lhs, rhs]
            }
            ExprKind::Unary { operand, .. }
            | ExprKind::Not(operand)
            | ExprKind::Cast { operand, .. } => vec![operand],
            ExprKind::Compare { operands: v, .. }
            | ExprKind::ArrayLiteral { items: v, .. }
            | ExprKind::Tuple(v)
            | ExprKind::Call { args: v, .. }
            | ExprKind::List { args: v, .. }
            | ExprKind::Str { args: v, .. }
            | ExprKind::Obj { args: v, .. }
            | ExprKind::Gpu { args: v, .. }
            | ExprKind::Intrinsic { args: v, .. } => v.iter().collect(),
            ExprKind::IfExp {
                cond,
                then_expr,
                else_expr,
            } => vec![cond, then_expr, else_expr],
            ExprKind::Seq { effect, value } => vec![effect, value],
            ExprKind::Block { stmts, value, .. } => {
                let mut v = Vec::new();
                walk_exprs_shallow(stmts, &mut |e| v.push(e));
                v.push(value);
                v
            }
            ExprKind::TupleAt { tuple, index } => vec![tuple, index],
            ExprKind::TupleGet { tuple: a, .. }
            | ExprKind::Shape(a)
            | ExprKind::Strides(a)
            | ExprKind::PartView { array: a, .. }
            | ExprKind::CopyArray(a) => {
                vec![a]
            }
            ExprKind::Index { array, indices } => {
                std::iter::once(&**array).chain(indices).collect()
            }
            ExprKind::NewArray { init, dims } => dims.iter().chain(init.value()).collect(),
            ExprKind::NewArrayLike { init, source } => {
                std::iter::once(&**source).chain(init.value()).collect()
            }
            ExprKind::Arange { start, stop, step } => vec![start, stop, step],
            ExprKind::Map { inputs, body } => {
                inputs.iter().chain(std::iter::once(&**body)).collect()
            }
            ExprKind::View { array, items } => std::iter::once(&**array)
                .chain(items.iter().flat_map(|i| i.exprs()))
                .collect(),
            ExprKind::Reshape { array, dims } | ExprKind::Transpose { array, axes: dims } => {
                std::iter::once(&**array).chain(dims).collect()
            }
        }
    }

    /// The direct subexpressions, mutably, in the order of [`Expr::children`].
    pub fn children_mut(&mut self) -> Vec<&mut Expr> {
        match &mut self.kind {
            ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Elem(_)
            | ExprKind::Assigned(_)
            | ExprKind::LocalUnchecked(_) => vec![],
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logic { lhs, rhs, .. } => {
                vec![lhs, rhs]
            }
            ExprKind::Unary { operand, .. }
            | ExprKind::Not(operand)
            | ExprKind::Cast { operand, .. } => vec![operand],
            ExprKind::Compare { operands: v, .. }
            | ExprKind::ArrayLiteral { items: v, .. }
            | ExprKind::Tuple(v)
            | ExprKind::Call { args: v, .. }
            | ExprKind::List { args: v, .. }
            | ExprKind::Str { args: v, .. }
            | ExprKind::Obj { args: v, .. }
            | ExprKind::Gpu { args: v, .. }
            | ExprKind::Intrinsic { args: v, .. } => v.iter_mut().collect(),
            ExprKind::IfExp {
                cond,
                then_expr,
                else_expr,
            } => vec![cond, then_expr, else_expr],
            ExprKind::Seq { effect, value } => vec![effect, value],
            ExprKind::Block { stmts, value, .. } => {
                let mut v = Vec::new();
                stmt_exprs_mut(stmts, &mut v);
                v.push(value);
                v
            }
            ExprKind::TupleAt { tuple, index } => vec![tuple, index],
            ExprKind::TupleGet { tuple: a, .. }
            | ExprKind::Shape(a)
            | ExprKind::Strides(a)
            | ExprKind::PartView { array: a, .. }
            | ExprKind::CopyArray(a) => {
                vec![a]
            }
            ExprKind::Index { array, indices } => {
                std::iter::once(&mut **array).chain(indices).collect()
            }
            ExprKind::NewArray { init, dims } => dims.iter_mut().chain(init.value_mut()).collect(),
            ExprKind::NewArrayLike { init, source } => std::iter::once(&mut **source)
                .chain(init.value_mut())
                .collect(),
            ExprKind::Arange { start, stop, step } => vec![start, stop, step],
            ExprKind::Map { inputs, body } => inputs
                .iter_mut()
                .chain(std::iter::once(&mut **body))
                .collect(),
            ExprKind::View { array, items } => std::iter::once(&mut **array)
                .chain(items.iter_mut().flat_map(|i| i.exprs_mut()))
                .collect(),
            ExprKind::Reshape { array, dims } | ExprKind::Transpose { array, axes: dims } => {
                std::iter::once(&mut **array)
                    .chain(dims.iter_mut())
                    .collect()
            }
        }
    }

    /// Calls `f` on this expression and every expression inside it, parents first.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        for c in self.children() {
            c.walk(f);
        }
    }
}

impl ArrayInit {
    /// The fill value of `Full`, mutably.
    pub fn value_mut(&mut self) -> Option<&mut Expr> {
        match self {
            ArrayInit::Full(v) => Some(v),
            ArrayInit::Empty | ArrayInit::Zeros | ArrayInit::Ones => None,
        }
    }

    /// The fill value of `Full`, the only initialiser that holds an expression.
    pub fn value(&self) -> Option<&Expr> {
        match self {
            ArrayInit::Full(v) => Some(v),
            ArrayInit::Empty | ArrayInit::Zeros | ArrayInit::Ones => None,
        }
    }
}

impl Stmt {
    /// The expressions of the statement itself (not of nested bodies), in evaluation order.
    pub fn exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            StmtKind::Assign { value, .. } | StmtKind::AssignTuple { value, .. } => vec![value],
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Assert { cond: e, .. } => {
                vec![e]
            }
            StmtKind::If { cond, .. } | StmtKind::While { cond, .. } => vec![cond],
            StmtKind::ForRange {
                start, stop, step, ..
            } => vec![start, stop, step],
            StmtKind::Store {
                array,
                indices,
                value,
            } => std::iter::once(array)
                .chain(indices)
                .chain(std::iter::once(value))
                .collect(),
            StmtKind::StoreEach { target, value } => vec![value, target],
            StmtKind::Return(None)
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Raise { .. } => vec![],
        }
    }

    /// The expressions and the nested statement lists of the statement, mutably.
    pub fn parts_mut(&mut self) -> (Vec<&mut Expr>, Vec<&mut Vec<Stmt>>) {
        match &mut self.kind {
            StmtKind::Assign { value, .. } | StmtKind::AssignTuple { value, .. } => {
                (vec![value], vec![])
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Assert { cond: e, .. } => {
                (vec![e], vec![])
            }
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => (vec![cond], vec![then_body, else_body]),
            StmtKind::While { cond, body, orelse } => (vec![cond], vec![body, orelse]),
            StmtKind::ForRange {
                start,
                stop,
                step,
                body,
                orelse,
                ..
            } => (vec![start, stop, step], vec![body, orelse]),
            StmtKind::Store {
                array,
                indices,
                value,
            } => (
                std::iter::once(array)
                    .chain(indices)
                    .chain(std::iter::once(value))
                    .collect(),
                vec![],
            ),
            StmtKind::StoreEach { target, value } => (vec![value, target], vec![]),
            StmtKind::Return(None)
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Raise { .. } => (vec![], vec![]),
        }
    }

    /// The statement lists nested in this statement.
    pub fn bodies(&self) -> Vec<&[Stmt]> {
        match &self.kind {
            StmtKind::If {
                then_body,
                else_body,
                ..
            } => vec![then_body, else_body],
            StmtKind::While { body, orelse, .. } | StmtKind::ForRange { body, orelse, .. } => {
                vec![body, orelse]
            }
            StmtKind::Assign { .. }
            | StmtKind::AssignTuple { .. }
            | StmtKind::Expr(_)
            | StmtKind::Return(_)
            | StmtKind::Store { .. }
            | StmtKind::StoreEach { .. }
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Assert { .. }
            | StmtKind::Raise { .. } => vec![],
        }
    }
}

/// Calls `f` on every statement of `body` and of the bodies nested in it, parents first,
/// including the statements of `Block` expressions.
pub fn walk_stmts<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    walk_stmts_shallow(body, f);
    // Every block at any depth is an expression reached once by the walk over expressions
    // (a block's children are the expressions of its statements).
    walk_exprs(body, &mut |x| {
        if let ExprKind::Block { stmts, .. } = &x.kind {
            walk_stmts_shallow(stmts, f);
        }
    });
}

/// The statements of `body` and of the bodies nested in them, parents first (not those inside
/// expressions).
fn walk_stmts_shallow<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    for s in body {
        f(s);
        for b in s.bodies() {
            walk_stmts_shallow(b, f);
        }
    }
}

/// The top-level expressions of `body` and of the bodies nested in its statements, in order
/// (not those inside expressions).
fn walk_exprs_shallow<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Expr)) {
    for s in body {
        for e in s.exprs() {
            f(e);
        }
        for b in s.bodies() {
            walk_exprs_shallow(b, f);
        }
    }
}

/// [`walk_exprs_shallow`], mutably, collected into `out`.
fn stmt_exprs_mut<'a>(body: &'a mut [Stmt], out: &mut Vec<&'a mut Expr>) {
    for s in body {
        let (exprs, bodies) = s.parts_mut();
        out.extend(exprs);
        for b in bodies {
            stmt_exprs_mut(b, out);
        }
    }
}

/// Calls `f` on every expression anywhere in `body`, nested ones included (each once).
pub fn walk_exprs<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Expr)) {
    walk_exprs_shallow(body, &mut |e| e.walk(f));
}
