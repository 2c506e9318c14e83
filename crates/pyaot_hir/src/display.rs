//! The text form of HIR, written by `--emit hir`.
//!
//! A deterministic, indented Python-like dump in which every expression shows its type:
//!
//! ```text
//! def add(a: int, b: int) -> int:  # exported
//!     return (a: int + b: int): int
//! ```
//!
//! Locals print by name, with a `#id` suffix when a function has several locals of that name.

use std::fmt::{self, Write as _};

use crate::{
    ArrayInit, BinaryOp, CastKind, CmpOp, Expr, ExprKind, Function, Intrinsic, LogicOp, MathFn,
    Module, Stmt, StmtKind, UnaryOp, ViewItem,
};

impl fmt::Display for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# HIR of module {}", self.name)?;
        if let Some(doc) = &self.doc {
            writeln!(f, "# doc: {doc:?}")?;
        }
        for (i, func) in self.funcs.iter().enumerate() {
            writeln!(f, "\n# fn{i}")?;
            Printer::new(self, func).function(f)?;
        }
        Ok(())
    }
}

impl fmt::Display for Function {
    /// The function alone; calls print as `fn<index>` since the module is not at hand.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Printer::new_alone(self).function(f)
    }
}

/// Prints one function with its local names resolved.
/// The statements of a `Block` expression, printed two levels deep.
struct Stmts<'p, 'a>(&'p Printer<'a>, &'p [Stmt]);

impl fmt::Display for Stmts<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.block(f, self.1, 2)
    }
}

struct Printer<'a> {
    module: Option<&'a Module>,
    func: &'a Function,
    names: Vec<String>,
}

impl<'a> Printer<'a> {
    fn new(module: &'a Module, func: &'a Function) -> Printer<'a> {
        Printer {
            module: Some(module),
            ..Printer::new_alone(func)
        }
    }

    fn new_alone(func: &'a Function) -> Printer<'a> {
        let names = func
            .locals
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let repeated = func.locals.iter().filter(|o| o.name == l.name).count() > 1;
                if repeated {
                    format!("{}#{i}", l.name)
                } else {
                    l.name.clone()
                }
            })
            .collect();
        Printer {
            module: None,
            func,
            names,
        }
    }

    fn local(&self, id: crate::LocalId) -> String {
        self.names
            .get(id.index())
            .cloned()
            .unwrap_or_else(|| format!("<bad local #{}>", id.0))
    }

    fn function(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let func = self.func;
        let params: Vec<String> = func
            .params
            .iter()
            .map(|p| {
                let mut s = format!("{}: {}", self.local(p.local), p.ty);
                if let Some(d) = &p.default {
                    write!(s, " = {d}").expect("write to string");
                }
                s
            })
            .collect();
        write!(
            f,
            "def {}({}) -> {}:",
            func.display_name,
            params.join(", "),
            func.ret
        )?;
        if func.exported {
            write!(f, "  # exported")?;
        }
        writeln!(f)?;
        if let Some(doc) = &func.doc {
            writeln!(f, "    # doc: {doc:?}")?;
        }
        let locals: Vec<String> = func
            .locals
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{}: {}", self.names[i], l.ty))
            .collect();
        writeln!(f, "    # locals: {}", locals.join(", "))?;
        let written: Vec<&str> = func
            .params
            .iter()
            .zip(&func.effects.writes)
            .filter(|(_, w)| **w)
            .map(|(p, _)| p.name.as_str())
            .collect();
        if !written.is_empty() {
            writeln!(f, "    # writes: {}", written.join(", "))?;
        }
        if func.effects.may_run_long {
            writeln!(f, "    # may run long")?;
        }
        self.block(f, &func.body, 1)
    }

    fn block(&self, f: &mut fmt::Formatter<'_>, stmts: &[Stmt], depth: usize) -> fmt::Result {
        if stmts.is_empty() {
            return writeln!(f, "{}pass", "    ".repeat(depth));
        }
        stmts.iter().try_for_each(|s| self.stmt(f, s, depth))
    }

    fn stmt(&self, f: &mut fmt::Formatter<'_>, s: &Stmt, depth: usize) -> fmt::Result {
        let pad = "    ".repeat(depth);
        match &s.kind {
            StmtKind::Assign { target, value } => {
                writeln!(f, "{pad}{} = {}", self.local(*target), self.expr(value))
            }
            StmtKind::AssignTuple { targets, value } => {
                let t: Vec<String> = targets.iter().map(|t| self.local(*t)).collect();
                writeln!(f, "{pad}{} = {}", t.join(", "), self.expr(value))
            }
            StmtKind::Expr(e) => writeln!(f, "{pad}{}", self.expr(e)),
            StmtKind::Return(None) => writeln!(f, "{pad}return"),
            StmtKind::Return(Some(e)) => writeln!(f, "{pad}return {}", self.expr(e)),
            StmtKind::If {
                cond,
                then_body,
                else_body,
            } => {
                writeln!(f, "{pad}if {}:", self.expr(cond))?;
                self.block(f, then_body, depth + 1)?;
                if !else_body.is_empty() {
                    writeln!(f, "{pad}else:")?;
                    self.block(f, else_body, depth + 1)?;
                }
                Ok(())
            }
            StmtKind::While { cond, body, orelse } => {
                writeln!(f, "{pad}while {}:", self.expr(cond))?;
                self.block(f, body, depth + 1)?;
                self.orelse(f, orelse, depth)
            }
            StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            } => {
                writeln!(
                    f,
                    "{pad}for {} in range({}, {}, {}):",
                    self.local(*var),
                    self.expr(start),
                    self.expr(stop),
                    self.expr(step)
                )?;
                self.block(f, body, depth + 1)?;
                self.orelse(f, orelse, depth)
            }
            StmtKind::Store {
                array,
                indices,
                value,
            } => writeln!(
                f,
                "{pad}{}[{}] = {}",
                self.expr(array),
                self.list(indices),
                self.expr(value)
            ),
            StmtKind::StoreEach { target, value } => {
                writeln!(f, "{pad}{}[...] = {}", self.expr(target), self.expr(value))
            }
            StmtKind::Break => writeln!(f, "{pad}break"),
            StmtKind::Continue => writeln!(f, "{pad}continue"),
            StmtKind::Assert { cond, msg: None } => writeln!(f, "{pad}assert {}", self.expr(cond)),
            StmtKind::Assert { cond, msg: Some(m) } => {
                writeln!(f, "{pad}assert {}, {m:?}", self.expr(cond))
            }
            StmtKind::Raise { exc, msg: None } => writeln!(f, "{pad}raise {}", exc.name()),
            StmtKind::Raise { exc, msg: Some(m) } => {
                writeln!(f, "{pad}raise {}({m:?})", exc.name())
            }
        }
    }

    fn orelse(&self, f: &mut fmt::Formatter<'_>, orelse: &[Stmt], depth: usize) -> fmt::Result {
        if orelse.is_empty() {
            return Ok(());
        }
        writeln!(f, "{}else:", "    ".repeat(depth))?;
        self.block(f, orelse, depth + 1)
    }

    /// The fill value of `np.full`, as a trailing argument.
    fn fill(&self, init: &ArrayInit) -> String {
        match init {
            ArrayInit::Full(v) => format!(", {}", self.expr(v)),
            _ => String::new(),
        }
    }

    fn list(&self, items: &[Expr]) -> String {
        items
            .iter()
            .map(|e| self.expr(e))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An expression followed by `: type`.
    fn expr(&self, e: &Expr) -> String {
        let body = match &e.kind {
            ExprKind::Const(c) => c.to_string(),
            ExprKind::Local(l) => self.local(*l),
            ExprKind::Binary { op, lhs, rhs } => {
                format!("({} {} {})", self.expr(lhs), binary_op(*op), self.expr(rhs))
            }
            ExprKind::Unary { op, operand } => {
                let s = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Invert => "~",
                };
                format!("({s}{})", self.expr(operand))
            }
            ExprKind::Not(operand) => format!("(not {})", self.expr(operand)),
            ExprKind::Compare { operands, ops } => {
                let mut s = String::from("(");
                for (i, x) in operands.iter().enumerate() {
                    if i > 0 {
                        let op = ops.get(i - 1).map_or("<bad op>", |(op, _)| cmp_op(*op));
                        write!(s, " {op} ").expect("write to string");
                    }
                    s.push_str(&self.expr(x));
                }
                s.push(')');
                s
            }
            ExprKind::Logic { op, lhs, rhs } => {
                let op = match op {
                    LogicOp::And => "and",
                    LogicOp::Or => "or",
                };
                format!("({} {op} {})", self.expr(lhs), self.expr(rhs))
            }
            ExprKind::IfExp {
                cond,
                then_expr,
                else_expr,
            } => format!(
                "({} if {} else {})",
                self.expr(then_expr),
                self.expr(cond),
                self.expr(else_expr)
            ),
            ExprKind::Seq { effect, value } => {
                format!("seq({}, {})", self.expr(effect), self.expr(value))
            }
            ExprKind::Block { stmts, value, .. } => {
                format!("block {{\n{}}} -> {}", Stmts(self, stmts), self.expr(value))
            }
            ExprKind::Call { func, args } => {
                let name = self
                    .module
                    .and_then(|m| m.funcs.get(func.index()))
                    .map_or_else(|| format!("fn{}", func.0), |f| f.display_name.clone());
                format!("{name}({})", self.list(args))
            }
            ExprKind::Intrinsic { func, args } => {
                format!("{}({})", intrinsic_name(*func), self.list(args))
            }
            ExprKind::List {
                op: crate::ListOp::New,
                args,
            } => format!("[{}]", self.list(args)),
            ExprKind::List { op, args } => {
                format!("list.{op:?}({})", self.list(args))
            }
            ExprKind::Str {
                op: crate::StrOp::Lit(s),
                ..
            } => format!("{s:?}"),
            ExprKind::Str { op, args } => format!("str.{op:?}({})", self.list(args)),
            ExprKind::Obj { op, args } => format!("obj.{op:?}({})", self.list(args)),
            ExprKind::Gpu { op, args } => format!("cuda.{op:?}({})", self.list(args)),
            ExprKind::Cast { kind, operand, .. } => {
                let name = match kind {
                    CastKind::IntToFloat | CastKind::BoolToFloat => "float",
                    CastKind::BoolToInt | CastKind::FloatToInt => "int",
                    CastKind::Truth => "truth",
                    CastKind::ToDtype => "as_dtype",
                    CastKind::ToItem => "as_item",
                    CastKind::FromDtype => "as_python",
                    CastKind::ToComplex => "complex",
                };
                format!("{name}({})", self.expr(operand))
            }
            ExprKind::Tuple(items) if items.len() == 1 => format!("({},)", self.expr(&items[0])),
            ExprKind::Tuple(items) => format!("({})", self.list(items)),
            ExprKind::TupleGet { tuple, index } => format!("({})[{index}]", self.expr(tuple)),
            ExprKind::TupleAt { tuple, index } => {
                format!("({})[{}]", self.expr(tuple), self.expr(index))
            }
            ExprKind::Index { array, indices } => {
                format!("{}[{}]", self.expr(array), self.list(indices))
            }
            ExprKind::Shape(a) => format!("({}).shape", self.expr(a)),
            ExprKind::Strides(a) => format!("({}).strides", self.expr(a)),
            ExprKind::PartView { array, imag } => format!(
                "({}).{}",
                self.expr(array),
                if *imag { "imag" } else { "real" }
            ),
            ExprKind::NewArray { init, dims } => {
                format!(
                    "np.{}(({},){})",
                    init_name(init),
                    self.list(dims),
                    self.fill(init)
                )
            }
            ExprKind::NewArrayLike { init, source } => {
                format!(
                    "np.{}_like({}{})",
                    init_name(init),
                    self.expr(source),
                    self.fill(init)
                )
            }
            ExprKind::CopyArray(a) => format!("({}).copy()", self.expr(a)),
            ExprKind::Arange { start, stop, step } => format!(
                "np.arange({}, {}, {})",
                self.expr(start),
                self.expr(stop),
                self.expr(step)
            ),
            ExprKind::Map { inputs, body } => {
                format!("map[{}]({})", self.list(inputs), self.expr(body))
            }
            ExprKind::Elem(k) => format!("${k}"),
            ExprKind::Assigned(l) => format!("assigned({})", self.local(*l)),
            ExprKind::LocalUnchecked(l) => format!("unchecked({})", self.local(*l)),
            ExprKind::ArrayLiteral { dims, items } => {
                let dims: Vec<String> = dims.iter().map(|d| d.to_string()).collect();
                format!("np.array[{}]({})", dims.join(", "), self.list(items))
            }
            ExprKind::Reshape { array, dims } => {
                format!("({}).reshape({})", self.expr(array), self.list(dims))
            }
            ExprKind::Transpose { array, axes } => {
                format!("({}).transpose({})", self.expr(array), self.list(axes))
            }
            ExprKind::View { array, items } => {
                let opt = |e: &Option<Expr>| e.as_ref().map_or(String::new(), |e| self.expr(e));
                let items: Vec<String> = items
                    .iter()
                    .map(|i| match i {
                        ViewItem::Index(e) => self.expr(e),
                        ViewItem::Slice { start, stop, step } => {
                            format!("{}:{}:{}", opt(start), opt(stop), opt(step))
                        }
                        ViewItem::NewAxis => "None".to_string(),
                    })
                    .collect();
                format!("{}[{}]", self.expr(array), items.join(", "))
            }
        };
        format!("{body}: {}", e.ty)
    }
}

fn init_name(init: &ArrayInit) -> &'static str {
    match init {
        ArrayInit::Empty => "empty",
        ArrayInit::Zeros => "zeros",
        ArrayInit::Ones => "ones",
        ArrayInit::Full(_) => "full",
    }
}

fn binary_op(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::TrueDiv => "/",
        BinaryOp::FloorDiv => "//",
        BinaryOp::Mod => "%",
        BinaryOp::Pow => "**",
        BinaryOp::LShift => "<<",
        BinaryOp::RShift => ">>",
        BinaryOp::BitAnd => "&",
        BinaryOp::BitOr => "|",
        BinaryOp::BitXor => "^",
    }
}

fn cmp_op(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

/// The Python spelling of an intrinsic.
fn intrinsic_name(i: Intrinsic) -> &'static str {
    match i {
        Intrinsic::AbsInt => "abs",
        Intrinsic::AbsFloat => "math.fabs",
        Intrinsic::Min => "min",
        Intrinsic::Max => "max",
        Intrinsic::RoundToInt | Intrinsic::RoundDigits | Intrinsic::RoundIntDigits => "round",
        Intrinsic::FloorToInt => "math.floor",
        Intrinsic::CeilToInt => "math.ceil",
        Intrinsic::TruncToInt => "math.trunc",
        Intrinsic::IsNan => "math.isnan",
        Intrinsic::IsInf => "math.isinf",
        Intrinsic::IsFinite => "math.isfinite",
        Intrinsic::Copysign => "math.copysign",
        Intrinsic::Degrees => "math.degrees",
        Intrinsic::Radians => "math.radians",
        Intrinsic::Math(f) => math_name(f),
        Intrinsic::Ldexp => "math.ldexp",
        Intrinsic::Gcd => "math.gcd",
        Intrinsic::Factorial => "math.factorial",
        Intrinsic::IntPowFloat => "float_of_int_pow",
        Intrinsic::Isqrt => "math.isqrt",
        Intrinsic::RangeLen => "len_range",
        Intrinsic::ArraySize => "size",
        Intrinsic::Np(f) => f.name(),
        Intrinsic::Select => "np.where",
        Intrinsic::Real => "real",
        Intrinsic::Imag => "imag",
        Intrinsic::Conj => "conjugate",
        Intrinsic::MakeComplex => "complex",
        Intrinsic::AbsComplex => "abs",
        Intrinsic::Angle => "np.angle",
        Intrinsic::BlasGemm => "np._blas_gemm",
    }
}

fn math_name(f: MathFn) -> &'static str {
    match f {
        MathFn::Sqrt => "math.sqrt",
        MathFn::Exp => "math.exp",
        MathFn::Exp2 => "math.exp2",
        MathFn::Expm1 => "math.expm1",
        MathFn::Log | MathFn::LogBase => "math.log",
        MathFn::Log2 => "math.log2",
        MathFn::Log10 => "math.log10",
        MathFn::Log1p => "math.log1p",
        MathFn::Sin => "math.sin",
        MathFn::Cos => "math.cos",
        MathFn::Tan => "math.tan",
        MathFn::Asin => "math.asin",
        MathFn::Acos => "math.acos",
        MathFn::Atan => "math.atan",
        MathFn::Sinh => "math.sinh",
        MathFn::Cosh => "math.cosh",
        MathFn::Tanh => "math.tanh",
        MathFn::Asinh => "math.asinh",
        MathFn::Acosh => "math.acosh",
        MathFn::Atanh => "math.atanh",
        MathFn::Erf => "math.erf",
        MathFn::Erfc => "math.erfc",
        MathFn::Gamma => "math.gamma",
        MathFn::Lgamma => "math.lgamma",
        MathFn::Atan2 => "math.atan2",
        MathFn::Hypot => "math.hypot",
        MathFn::Fmod => "math.fmod",
        MathFn::Pow => "math.pow",
    }
}

#[cfg(test)]
mod tests {
    use crate::{
        BinaryOp, Expr, ExprKind, FuncId, Function, LocalDecl, LocalId, Module, Param, Span, Stmt,
        StmtKind, Ty,
    };

    fn local(id: u32, ty: Ty) -> Expr {
        Expr {
            kind: ExprKind::Local(LocalId(id)),
            ty,
            span: Span::default(),
        }
    }

    fn decl(name: &str, ty: Ty) -> LocalDecl {
        LocalDecl {
            name: name.into(),
            ty,
            span: Span::default(),
        }
    }

    #[test]
    fn prints_types_names_and_calls() {
        let sum = Expr {
            kind: ExprKind::Binary {
                op: BinaryOp::Add,
                lhs: Box::new(local(0, Ty::Int)),
                rhs: Box::new(local(1, Ty::Int)),
            },
            ty: Ty::Int,
            span: Span::default(),
        };
        let add = Function {
            name: "add".into(),
            display_name: "add".into(),
            span: Span::default(),
            params: ["a", "b"]
                .iter()
                .enumerate()
                .map(|(i, n)| Param {
                    local: LocalId(i as u32),
                    name: (*n).into(),
                    ty: Ty::Int,
                    default: None,
                })
                .collect(),
            ret: Ty::Int,
            locals: vec![decl("a", Ty::Int), decl("b", Ty::Int)],
            body: vec![Stmt {
                kind: StmtKind::Return(Some(sum)),
                span: Span::default(),
            }],
            exported: true,
            doc: None,
            effects: Default::default(),
            free_flags: Vec::new(),
            kernel: false,
        };
        let call = Expr {
            kind: ExprKind::Call {
                func: FuncId(0),
                args: vec![local(0, Ty::Int), local(1, Ty::Int)],
            },
            ty: Ty::Int,
            span: Span::default(),
        };
        let caller = Function {
            name: "twice".into(),
            display_name: "twice[int]".into(),
            params: vec![],
            ret: Ty::None,
            exported: false,
            locals: vec![decl("x", Ty::Int), decl("x", Ty::Int)],
            body: vec![Stmt {
                kind: StmtKind::Assign {
                    target: LocalId(1),
                    value: call,
                },
                span: Span::default(),
            }],
            ..add.clone()
        };
        let module = Module {
            name: "m".into(),
            doc: None,
            funcs: vec![add.clone(), caller],
        };
        let text = module.to_string();
        assert!(
            text.contains("def add(a: int, b: int) -> int:  # exported\n    # locals: a: int, b: int\n    return (a: int + b: int): int\n"),
            "{text}"
        );
        assert!(
            text.contains("    x#1 = add(x#0: int, x#1: int): int\n"),
            "{text}"
        );
        assert_eq!(module.to_string(), text, "deterministic");
        assert!(add
            .to_string()
            .starts_with("def add(a: int, b: int) -> int:"));
    }
}
