//! Test helpers: a tiny HIR builder, and runs of the lowered MIR in `pyaot_interp`.
#![allow(dead_code)]

use pyaot_hir::*;
use pyaot_interp::{Limits, Memory, Outcome, Val};

/// Runs function `func` of the module in the MIR interpreter: its results or the exception it
/// raised; undefined behaviour (a read of a never-assigned local included) fails the test.
pub fn run(
    m: &pyaot_mir::Module,
    func: usize,
    args: &[Val],
) -> Result<Vec<Val>, (ExcKind, String)> {
    let mut mem = Memory::new();
    let limits = Limits {
        strict_locals: true,
        ..Limits::default()
    };
    match pyaot_interp::run(m, func, args, &mut mem, &limits) {
        Ok(v) => Ok(v),
        Err(Outcome::Raised { exc, msg }) => Err((exc, msg)),
        Err(other) => panic!("{} of {args:?}: {other}", m.funcs[func].name),
    }
}

/// Python's floor division of ints.
pub fn floordiv(a: i64, b: i64) -> i64 {
    pyaot_interp::floordiv(a, b).expect("a nonzero divisor")
}

/// Python's modulo of ints.
pub fn modulo(a: i64, b: i64) -> i64 {
    pyaot_interp::modulo(a, b).expect("a nonzero divisor")
}

/// A typed local of the function being built.
#[derive(Clone)]
pub struct V(pub LocalId, pub Ty);

impl V {
    /// A read of the local.
    pub fn e(&self) -> Expr {
        ex(ExprKind::Local(self.0), self.1.clone())
    }
}

/// Builds one HIR function.
pub struct FnB {
    f: Function,
}

impl FnB {
    pub fn new(name: &str, ret: Ty) -> FnB {
        FnB {
            f: Function {
                name: name.into(),
                display_name: name.into(),
                span: Span::default(),
                params: vec![],
                ret,
                locals: vec![],
                body: vec![],
                exported: true,
                doc: None,
                effects: Default::default(),
                free_flags: Vec::new(),
                kernel: false,
            },
        }
    }

    pub fn local(&mut self, name: &str, ty: Ty) -> V {
        self.f.locals.push(LocalDecl {
            name: name.into(),
            ty: ty.clone(),
            span: Span::default(),
        });
        V(LocalId(self.f.locals.len() as u32 - 1), ty)
    }

    pub fn param(&mut self, name: &str, ty: Ty) -> V {
        let v = self.local(name, ty.clone());
        self.f.params.push(Param {
            local: v.0,
            name: name.into(),
            ty,
            default: None,
        });
        v
    }

    pub fn finish(mut self, body: Vec<Stmt>) -> Function {
        self.f.body = body;
        self.f
    }
}

pub fn module(funcs: Vec<Function>) -> Module {
    Module {
        name: "m".into(),
        doc: None,
        funcs,
    }
}

pub fn ex(kind: ExprKind, ty: Ty) -> Expr {
    Expr {
        kind,
        ty,
        span: Span::default(),
    }
}

pub fn st(kind: StmtKind) -> Stmt {
    Stmt {
        kind,
        span: Span::default(),
    }
}

pub fn ci(v: i64) -> Expr {
    ex(ExprKind::Const(Const::Int(v)), Ty::Int)
}

pub fn cf(v: f64) -> Expr {
    ex(ExprKind::Const(Const::Float(v)), Ty::Float)
}

pub fn cb(v: bool) -> Expr {
    ex(ExprKind::Const(Const::Bool(v)), Ty::Bool)
}

pub fn bin(op: BinaryOp, a: Expr, b: Expr) -> Expr {
    let ty = if op == BinaryOp::TrueDiv {
        Ty::Float
    } else {
        a.ty.clone()
    };
    ex(
        ExprKind::Binary {
            op,
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        ty,
    )
}

pub fn un(op: UnaryOp, a: Expr) -> Expr {
    let ty = a.ty.clone();
    ex(
        ExprKind::Unary {
            op,
            operand: Box::new(a),
        },
        ty,
    )
}

pub fn not(a: Expr) -> Expr {
    ex(ExprKind::Not(Box::new(a)), Ty::Bool)
}

pub fn chain(operands: Vec<Expr>, ops: Vec<(CmpOp, CmpKind)>) -> Expr {
    ex(ExprKind::Compare { operands, ops }, Ty::Bool)
}

pub fn cmp(op: CmpOp, kind: CmpKind, a: Expr, b: Expr) -> Expr {
    chain(vec![a, b], vec![(op, kind)])
}

pub fn logic(op: LogicOp, a: Expr, b: Expr) -> Expr {
    let ty = a.ty.clone();
    ex(
        ExprKind::Logic {
            op,
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        ty,
    )
}

pub fn ifexp(c: Expr, a: Expr, b: Expr) -> Expr {
    let ty = a.ty.clone();
    ex(
        ExprKind::IfExp {
            cond: Box::new(c),
            then_expr: Box::new(a),
            else_expr: Box::new(b),
        },
        ty,
    )
}

pub fn call(func: u32, args: Vec<Expr>, ty: Ty) -> Expr {
    ex(
        ExprKind::Call {
            func: FuncId(func),
            args,
        },
        ty,
    )
}

pub fn intr(func: Intrinsic, args: Vec<Expr>, ty: Ty) -> Expr {
    ex(ExprKind::Intrinsic { func, args }, ty)
}

pub fn cast(kind: CastKind, a: Expr, ty: Ty) -> Expr {
    ex(
        ExprKind::Cast {
            kind,
            operand: Box::new(a),
            explicit: false,
        },
        ty,
    )
}

pub fn tuple(items: Vec<Expr>) -> Expr {
    let ty = Ty::Tuple(items.iter().map(|e| e.ty.clone()).collect());
    ex(ExprKind::Tuple(items), ty)
}

pub fn get(t: Expr, index: usize) -> Expr {
    let Ty::Tuple(items) = &t.ty else {
        panic!("not a tuple")
    };
    let ty = items[index].clone();
    ex(
        ExprKind::TupleGet {
            tuple: Box::new(t),
            index,
        },
        ty,
    )
}

pub fn assign(t: &V, e: Expr) -> Stmt {
    st(StmtKind::Assign {
        target: t.0,
        value: e,
    })
}

pub fn assign_tuple(ts: &[&V], e: Expr) -> Stmt {
    st(StmtKind::AssignTuple {
        targets: ts.iter().map(|v| v.0).collect(),
        value: e,
    })
}

pub fn ret(e: Expr) -> Stmt {
    st(StmtKind::Return(Some(e)))
}

pub fn if_(c: Expr, then_body: Vec<Stmt>, else_body: Vec<Stmt>) -> Stmt {
    st(StmtKind::If {
        cond: c,
        then_body,
        else_body,
    })
}

pub fn while_(c: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    st(StmtKind::While {
        cond: c,
        body,
        orelse,
    })
}

pub fn for_(
    var: &V,
    start: Expr,
    stop: Expr,
    step: Expr,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
) -> Stmt {
    st(StmtKind::ForRange {
        var: var.0,
        start,
        stop,
        step,
        body,
        orelse,
    })
}

pub fn brk() -> Stmt {
    st(StmtKind::Break)
}

pub fn cont() -> Stmt {
    st(StmtKind::Continue)
}

pub fn raise(exc: ExcKind, msg: &str) -> Stmt {
    st(StmtKind::Raise {
        exc,
        msg: Some(msg.into()),
    })
}

/// `x = x + e` for ints.
pub fn add_to(x: &V, e: Expr) -> Stmt {
    assign(x, bin(BinaryOp::Add, x.e(), e))
}

/// Lowers a module with the default options (verifying it in debug builds).
pub fn lower(m: &Module) -> pyaot_mir::Module {
    pyaot_lower::lower_module(m, &pyaot_lower::LowerOptions::default())
}
