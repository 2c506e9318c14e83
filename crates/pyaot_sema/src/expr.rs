//! Expressions: names, literals, operators and comparisons, with Python's typing rules made explicit.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{
    BinaryOp, CastKind, CmpKind, CmpOp, Const, Dtype, Expr, ExprKind, LogicOp, Ty, UnaryOp,
};
use pyaot_syntax::ast;

use crate::elementwise::is_array;
use crate::func::FnCx;
use crate::items::Global;

/// Evaluates a constant expression (literals, module constants, arithmetic on them), as module constants need.
pub(crate) fn fold_const(e: &ast::Expr, lookup: &dyn Fn(&str) -> Option<Const>) -> Option<Const> {
    match &e.kind {
        ast::ExprKind::Int(Some(v)) => i64::try_from(*v).ok().map(Const::Int),
        ast::ExprKind::Float(v) => Some(Const::Float(*v)),
        ast::ExprKind::Imaginary(v) => Some(Const::Complex(0.0, *v)),
        ast::ExprKind::Bool(b) => Some(Const::Bool(*b)),
        ast::ExprKind::NoneLit => Some(Const::None),
        ast::ExprKind::Tuple(items) if !items.is_empty() => items
            .iter()
            .map(|i| fold_const(i, lookup))
            .collect::<Option<Vec<_>>>()
            .map(Const::Tuple),
        ast::ExprKind::Name(n) => lookup(n),
        ast::ExprKind::UnaryOp { op, operand } => {
            if let (ast::UnaryOp::Neg, ast::ExprKind::Int(Some(v))) = (op, &operand.kind) {
                return i64::try_from(-*v).ok().map(Const::Int);
            }
            match (op, fold_const(operand, lookup)?) {
                (ast::UnaryOp::Neg, Const::Int(v)) => v.checked_neg().map(Const::Int),
                (ast::UnaryOp::Neg, Const::Float(v)) => Some(Const::Float(-v)),
                (ast::UnaryOp::Neg, Const::Complex(re, im)) => Some(Const::Complex(-re, -im)),
                (ast::UnaryOp::Pos, c @ (Const::Int(_) | Const::Float(_))) => Some(c),
                (ast::UnaryOp::Not, Const::Bool(b)) => Some(Const::Bool(!b)),
                _ => None,
            }
        }
        ast::ExprKind::BinOp { left, op, right } => {
            fold_binary(*op, fold_const(left, lookup)?, fold_const(right, lookup)?)
        }
        ast::ExprKind::Attribute { value, attr, .. } => {
            match (&value.kind, lookup("math").is_none()) {
                (ast::ExprKind::Name(m), _) if m == "math" => math_constant(attr).map(Const::Float),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A binary operator on constants with Python's result, or `None` where folding is not exact or would raise.
fn fold_binary(op: ast::BinOp, l: Const, r: Const) -> Option<Const> {
    let (l, r) = (&l, &r);
    use ast::BinOp::*;
    let as_int = |c: &Const| match *c {
        Const::Int(v) => Some(v),
        Const::Bool(b) => Some(i64::from(b)),
        _ => None,
    };
    if let (Const::Bool(a), Const::Bool(b), BitAnd | BitOr | BitXor) = (l, r, op) {
        let (a, b) = (*a, *b);
        return Some(Const::Bool(match op {
            BitAnd => a & b,
            BitOr => a | b,
            _ => a ^ b,
        }));
    }
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        // Fold in 128 bits, then keep the result only if it fits in 64 bits as compiled code would.
        let (a, b) = (i128::from(a), i128::from(b));
        let floor_div =
            |a: i128, b: i128| a.div_euclid(b) - i128::from(b < 0 && a.rem_euclid(b) != 0);
        let int = |v: i128| i64::try_from(v).ok().map(Const::Int);
        return match op {
            Add => int(a + b),
            Sub => int(a - b),
            Mul => int(a * b),
            FloorDiv if b != 0 => int(floor_div(a, b)),
            Mod if b != 0 => int(a - floor_div(a, b) * b),
            Pow if b >= 0 => u32::try_from(b)
                .ok()
                .and_then(|e| a.checked_pow(e))
                .and_then(int),
            LShift if b >= 0 => match a {
                0 => int(0),
                _ if b < 64 => int(a << b),
                _ => None,
            },
            RShift if b >= 0 => int(a >> b.min(127)),
            BitAnd => int(a & b),
            BitOr => int(a | b),
            BitXor => int(a ^ b),
            Div if b != 0 && a.unsigned_abs() <= 1 << 53 && b.unsigned_abs() <= 1 << 53 => {
                Some(Const::Float(a as f64 / b as f64))
            }
            _ => None,
        };
    }
    if let (Const::Complex(..), _) | (_, Const::Complex(..)) = (l, r) {
        // Python widens the other operand to complex(x, 0.0) and works part by part.
        let ((a, b), (c, d)) = (as_complex(l)?, as_complex(r)?);
        return match op {
            Add => Some(Const::Complex(a + c, b + d)),
            Sub => Some(Const::Complex(a - c, b - d)),
            Mul => Some(Const::Complex(a * c - b * d, a * d + b * c)),
            _ => None,
        };
    }
    let (x, y) = (as_f64(l)?, as_f64(r)?);
    match op {
        Add => Some(Const::Float(x + y)),
        Sub => Some(Const::Float(x - y)),
        Mul => Some(Const::Float(x * y)),
        Div if y != 0.0 => Some(Const::Float(x / y)),
        _ => None,
    }
}

fn as_complex(c: &Const) -> Option<(f64, f64)> {
    match *c {
        Const::Complex(re, im) => Some((re, im)),
        _ => Some((as_f64(c)?, 0.0)),
    }
}

fn as_f64(c: &Const) -> Option<f64> {
    match *c {
        Const::Int(v) => Some(v as f64),
        Const::Bool(b) => Some(f64::from(u8::from(b))),
        Const::Float(v) => Some(v),
        _ => None,
    }
}

/// The value of a `math` constant.
pub(crate) fn math_constant(name: &str) -> Option<f64> {
    Some(match name {
        "pi" => std::f64::consts::PI,
        "e" => std::f64::consts::E,
        "tau" => std::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    })
}

/// Whether evaluating `e` can have no effect: it is made of constants (a local read may raise UnboundLocalError).
pub(crate) fn is_pure(e: &Expr) -> bool {
    let mut pure = true;
    e.walk(&mut |x| pure &= matches!(x.kind, ExprKind::Const(_) | ExprKind::Tuple(_)));
    pure
}

/// `not e` of a bool expression.
pub(crate) fn not(e: Expr) -> Expr {
    let span = e.span;
    Expr {
        kind: ExprKind::Not(Box::new(e)),
        ty: Ty::Bool,
        span,
    }
}

/// The truth of a container whose length `len` gives: `len != 0`.
pub(crate) fn len_truth(len: Expr) -> Expr {
    cast(CastKind::Truth, len, Ty::Bool)
}

pub(crate) fn konst(c: Const, span: Span) -> Expr {
    Expr {
        ty: c.ty(),
        kind: ExprKind::Const(c),
        span,
    }
}

/// `value` evaluated for its effects only, then `result`; just `result` when evaluating `value` does nothing.
pub(crate) fn with_effect(value: Expr, result: Expr) -> Expr {
    if matches!(value.kind, ExprKind::Const(_)) {
        return result;
    }
    let span = result.span;
    let ty = result.ty.clone();
    Expr {
        kind: ExprKind::Seq {
            effect: Box::new(value),
            value: Box::new(result),
        },
        ty,
        span,
    }
}

/// `a and b and c` (or `or`) of operands already of type `ty`, nested to the left.
pub(crate) fn fold_logic(op: LogicOp, vals: Vec<Expr>, ty: &Ty) -> Option<Expr> {
    // Leading operands known at compile time decide the result or drop out (keeping their effects),
    // so `d == np.float32 or d == np.float64` is a constant that `if` can branch on statically.
    let mut vals = std::collections::VecDeque::from(vals);
    let mut effects = Vec::new();
    while let (true, Some(b)) = (*ty == Ty::Bool, vals.front().and_then(static_value)) {
        let first = vals.pop_front()?;
        let decided = (op == LogicOp::And) != (b == Const::Bool(true));
        if decided || vals.is_empty() {
            return Some(
                effects
                    .into_iter()
                    .rev()
                    .fold(first, |acc, e| with_effect(e, acc)),
            );
        }
        if let ExprKind::Seq { effect, .. } = first.kind {
            effects.push(*effect);
        }
    }
    let mut it = vals.into_iter();
    let first = it.next()?;
    let folded = it.fold(first, |acc, v| {
        let span = acc.span.cover(v.span);
        Expr {
            kind: ExprKind::Logic {
                op,
                lhs: Box::new(acc),
                rhs: Box::new(v),
            },
            ty: ty.clone(),
            span,
        }
    });
    Some(
        effects
            .into_iter()
            .rev()
            .fold(folded, |acc, e| with_effect(e, acc)),
    )
}

/// A comparison chain of ints all known at compile time (`a.ndim == 2`), as a constant.
fn fold_int_compare(operands: &[Expr], ops: &[ast::CmpOp], span: Span) -> Option<Expr> {
    let vals: Vec<i64> = operands
        .iter()
        .map(|o| match static_value(o) {
            Some(Const::Int(v)) => Some(v),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let mut result = true;
    for (i, op) in ops.iter().enumerate() {
        let (a, b) = (vals[i], vals[i + 1]);
        result &= match op {
            ast::CmpOp::Eq => a == b,
            ast::CmpOp::NotEq => a != b,
            ast::CmpOp::Lt => a < b,
            ast::CmpOp::LtE => a <= b,
            ast::CmpOp::Gt => a > b,
            ast::CmpOp::GtE => a >= b,
            _ => return None,
        };
    }
    Some(konst(Const::Bool(result), span))
}

/// The value of an expression known at compile time: a constant, or a constant after effects.
pub(crate) fn static_value(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Const(c) => Some(c.clone()),
        ExprKind::Seq { value, .. } => static_value(value),
        _ => None,
    }
}

/// Marks the conversion at the top of `e` (if any) as one the program asked for.
pub(crate) fn explicit_conversion(mut e: Expr) -> Expr {
    if let ExprKind::Cast { explicit, .. } = &mut e.kind {
        *explicit = true;
    }
    e
}

pub(crate) fn cast(kind: CastKind, e: Expr, ty: Ty) -> Expr {
    let span = e.span;
    Expr {
        kind: ExprKind::Cast {
            kind,
            operand: Box::new(e),
            explicit: false,
        },
        ty,
        span,
    }
}

impl FnCx<'_, '_> {
    /// Checks an expression; `None` after an error (already reported) or while a local's type is unknown.
    pub(crate) fn expr(&mut self, e: &ast::Expr) -> Option<Expr> {
        let span = e.span;
        match &e.kind {
            ast::ExprKind::Int(v) => match v.and_then(|v| i64::try_from(v).ok()) {
                Some(v) => Some(konst(Const::Int(v), span)),
                None => {
                    self.error(
                        Code::InvalidConstant,
                        "this int does not fit in 64 bits",
                        span,
                        "too large",
                        "compiled ints are 64-bit; use a float if you need a larger magnitude",
                    );
                    None
                }
            },
            ast::ExprKind::Float(v) => Some(konst(Const::Float(*v), span)),
            ast::ExprKind::Imaginary(v) => Some(konst(Const::Complex(0.0, *v), span)),
            ast::ExprKind::Bool(b) => Some(konst(Const::Bool(*b), span)),
            ast::ExprKind::NoneLit => {
                self.error(
                    Code::TypeMismatch,
                    "`None` is only allowed as a return value",
                    span,
                    "None value",
                    "compiled code has no None values",
                );
                None
            }
            ast::ExprKind::Str(s) => Some(crate::strings::lit(s, span)),
            ast::ExprKind::FString(parts) => self.fstring(parts, span),
            ast::ExprKind::Name(n) => self.name(n, span),
            ast::ExprKind::UnaryOp { op, operand } => self.unary(*op, operand, span),
            ast::ExprKind::BinOp { left, op, right } => {
                let l = self.expr(left);
                let r = self.expr(right);
                let (l, r) = (l?, r?);
                if let Some(square) = self.complex_array_square(*op, &l, right, span) {
                    return square;
                }
                self.binary(*op, l, r, span)
            }
            ast::ExprKind::BoolOp { op, values } => {
                let vals: Vec<Option<Expr>> = values.iter().map(|v| self.expr(v)).collect();
                let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
                let op = logic_op(*op);
                let word = if op == LogicOp::And { "and" } else { "or" };
                let ty = vals.first()?.ty.clone();
                if let Some(v) = vals.iter().find(|v| is_array(&v.ty)) {
                    self.error(
                        Code::TypeMismatch,
                        format!("`{word}` needs the truth of an array ({})", v.ty),
                        v.span,
                        format!("this is {}", v.ty),
                        "NumPy raises ValueError for the truth of an array with more than one element: for element-wise logic use `&`, `|` or `~` on bool arrays",
                    );
                    return None;
                }
                for v in &vals[1..] {
                    let scalar = v.ty.is_scalar() || matches!(v.ty, Ty::Scalar(_));
                    if v.ty != ty || !scalar {
                        self.error(
                            Code::TypeMismatch,
                            format!("`{word}` of {} and {}: the result's type would depend on the values", ty, v.ty),
                            v.span,
                            format!("this is {}", v.ty),
                            if ty.is_bool_like() && v.ty.is_bool_like() {
                                format!("write the `{word}` straight into an `if`/`while` condition or a `-> bool` return, or convert the NumPy comparison with bool(...)")
                            } else {
                                format!("give both operands one type, or compare explicitly (`x != 0 {word} ...`)")
                            },
                        );
                        return None;
                    }
                }
                fold_logic(op, vals, &ty)
            }
            ast::ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators, span),
            ast::ExprKind::IfExp { test, body, orelse } => {
                let cond = self.condition(test);
                // A condition known when compiling (`k is None` of a None parameter) picks its
                // branch; the other is never evaluated, so it is not checked either.
                if let Some(c) = &cond {
                    if let Some(Const::Bool(t)) = static_value(c) {
                        let chosen = self.expr(if t { body } else { orelse })?;
                        return Some(if matches!(c.kind, ExprKind::Const(_)) {
                            chosen
                        } else {
                            with_effect(c.clone(), chosen)
                        });
                    }
                }
                let a = self.expr(body);
                let b = self.expr(orelse);
                let (cond, a, b) = (cond?, a?, b?);
                if a.ty != b.ty {
                    let functions = matches!((&a.ty, &b.ty), (Ty::Func(_), Ty::Func(_)));
                    self.error(
                        Code::TypeMismatch,
                        format!(
                            "the branches of this `if` expression are {} and {}",
                            a.ty, b.ty
                        ),
                        b.span,
                        format!("this is {}", b.ty),
                        if functions {
                            "which function a value names is fixed when compiling: call each function in its own branch (`f(x) if c else g(x)`)"
                        } else {
                            "give both branches one type (for example 0.0 instead of 0)"
                        },
                    );
                    return None;
                }
                let ty = a.ty.clone();
                Some(Expr {
                    kind: ExprKind::IfExp {
                        cond: Box::new(cond),
                        then_expr: Box::new(a),
                        else_expr: Box::new(b),
                    },
                    ty,
                    span,
                })
            }
            ast::ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, span),
            ast::ExprKind::Attribute {
                value,
                attr,
                attr_span,
            } => self.attribute(value, attr, *attr_span, span),
            ast::ExprKind::Subscript { value, index } => {
                let v = self.expr(value)?;
                if let Ty::Array(a) = v.ty {
                    return self.index(v, a, index, span);
                }
                if crate::list::is_seq(&v.ty) {
                    return self.list_subscript(v, index, span);
                }
                if let Ty::Str = v.ty {
                    return self.str_subscript(v, index, span);
                }
                if let Ty::Dict(..) = v.ty {
                    return self.dict_subscript(v, index, span);
                }
                if let (Ty::Tuple(_), ast::ExprKind::Slice { lower, upper, step }) =
                    (&v.ty, &index.kind)
                {
                    return self.tuple_slice(
                        v,
                        lower.as_deref(),
                        upper.as_deref(),
                        step.as_deref(),
                        span,
                    );
                }
                let Ty::Tuple(items) = &v.ty else {
                    self.error(
                        Code::TypeMismatch,
                        format!("a {} cannot be indexed", v.ty),
                        value.span,
                        format!("this is {}", v.ty),
                        "only tuples can be indexed for now",
                    );
                    return None;
                };
                let n = items.len() as i64;
                let idx = match crate::expr::fold_const(index, &|_| None) {
                    Some(Const::Int(i)) if (-n..n).contains(&i) => i.rem_euclid(n) as usize,
                    Some(Const::Int(i)) => {
                        self.error(
                            Code::TypeMismatch,
                            format!("tuple index {i} out of range for a tuple of {n} items"),
                            index.span,
                            "out of range",
                            "use an index within the tuple",
                        );
                        return None;
                    }
                    _ if !items.is_empty() && items.iter().all(|t| *t == items[0]) => {
                        // Items of one type: an index known at run time picks one.
                        let ty = items[0].clone();
                        let i = self.expr(index)?;
                        let i = self.int_arg(i, "a tuple index")?;
                        return Some(Expr {
                            kind: ExprKind::TupleAt {
                                tuple: Box::new(v),
                                index: Box::new(i),
                            },
                            ty,
                            span,
                        });
                    }
                    _ => {
                        self.error(
                            Code::UnsupportedSyntax,
                            "a tuple of mixed types can only be indexed with an int literal",
                            index.span,
                            "not a literal",
                            "index tuples with constants such as t[0], or make every item the same type",
                        );
                        return None;
                    }
                };
                let ty = items[idx].clone();
                Some(Expr {
                    kind: ExprKind::TupleGet {
                        tuple: Box::new(v),
                        index: idx,
                    },
                    ty,
                    span,
                })
            }
            ast::ExprKind::Tuple(items) => {
                let vals: Vec<Option<Expr>> = items.iter().map(|i| self.expr(i)).collect();
                let vals: Vec<Expr> = vals.into_iter().collect::<Option<_>>()?;
                if vals.is_empty() {
                    self.error(
                        Code::UnsupportedSyntax,
                        "the empty tuple is not supported",
                        span,
                        "empty tuple",
                        "use a tuple with items",
                    );
                    return None;
                }
                let ty = Ty::Tuple(vals.iter().map(|v| v.ty.clone()).collect());
                Some(Expr {
                    kind: ExprKind::Tuple(vals),
                    ty,
                    span,
                })
            }
            ast::ExprKind::List(items) => self.list_display(items, None, span),
            ast::ExprKind::ListComp { elt, clauses } => self.list_comprehension(elt, clauses, span),
            ast::ExprKind::SetComp { elt, clauses } => self.set_comprehension(elt, clauses, span),
            ast::ExprKind::DictComp {
                key,
                value,
                clauses,
            } => self.dict_comprehension(key, value, clauses, span),
            ast::ExprKind::Dict(items) => self.dict_display(items, None, span),
            ast::ExprKind::Set(items) => self.set_display(items, None, span),
            ast::ExprKind::Slice { .. } => {
                self.error(
                    Code::UnsupportedSyntax,
                    "slices are not supported yet",
                    span,
                    "slice",
                    "index with an int",
                );
                None
            }
            ast::ExprKind::Starred(_) => {
                self.error(
                    Code::UnsupportedSyntax,
                    "star-expressions are not supported",
                    span,
                    "star-expression",
                    "pass arguments one by one",
                );
                None
            }
            ast::ExprKind::Lambda { params, body } => {
                self.lambdas
                    .insert(span.start, (params.clone(), (**body).clone()));
                Some(konst(
                    Const::Func(pyaot_hir::FuncValue {
                        kind: pyaot_hir::FuncKind::Lambda(span.start),
                        name: "<lambda>".into(),
                        captures: Vec::new(),
                    }),
                    span,
                ))
            }
            ast::ExprKind::Generator { .. } => {
                self.error(
                    Code::UnsupportedSyntax,
                    "a generator expression is only supported as the argument of sum(), any(), all(), min() or max()",
                    span,
                    "generator expression",
                    "reduce it where it is made, or write the loop out",
                );
                None
            }
            ast::ExprKind::Ellipsis => {
                self.error(
                    Code::UnsupportedSyntax,
                    "`...` is only supported as an array index",
                    span,
                    "`...`",
                    "use `...` inside `a[...]`",
                );
                None
            }
            ast::ExprKind::Unsupported(what) => {
                self.error(
                    Code::UnsupportedSyntax,
                    format!("{what} is not supported in compiled functions"),
                    span,
                    *what,
                    crate::unsupported::alternative(what),
                );
                None
            }
        }
    }

    fn name(&mut self, n: &str, span: Span) -> Option<Expr> {
        if self.local_names.contains(n) {
            return match self.by_name.get(n) {
                Some(&id) => {
                    let ty = self.locals[id.index()].ty.clone();
                    Some(Expr {
                        kind: ExprKind::Local(id),
                        ty,
                        span,
                    })
                }
                None if self.poisoned.contains(n) => {
                    self.errors += 1;
                    None
                }
                None => {
                    self.error(
                        Code::UnknownName,
                        format!(
                            "local variable `{n}` is read before any assignment gives it a type"
                        ),
                        span,
                        "no value yet",
                        format!("assign `{n}` before this point"),
                    );
                    None
                }
            };
        }
        // A name imported from math or cmath is a constant, or a function that must be called.
        let member = match self.global(n) {
            Some(Global::MathMember(m)) => Some(math_constant(m).map(Const::Float)),
            Some(Global::CmathMember(m)) => Some(crate::complex::cmath_constant(m)),
            _ => None,
        };
        if let Some(Global::MathMember(m)) = self.global(n) {
            if let Some(f) = crate::funcs::math_function(m, span) {
                return Some(f);
            }
        }
        if let Some(c) = member {
            if c.is_none() {
                self.error(
                    Code::NotCallable,
                    format!("`{n}` is a function; call it"),
                    span,
                    "function",
                    "call it with arguments",
                );
            }
            return c.map(|c| konst(c, span));
        }
        match self.global(n) {
            Some(Global::Const(c)) => Some(konst(c.clone(), span)),
            Some(Global::MathMember(_) | Global::CmathMember(_)) => unreachable!("handled above"),
            Some(Global::Func(d)) => Some(crate::funcs::def_value(*d, n, span)),
            Some(Global::Sibling(_)) => {
                self.error(
                    Code::UnsupportedSyntax,
                    format!("the module `{n}` used as a value"),
                    span,
                    "module",
                    "use its functions or constants (`util.clamp(x)`, `util.LIMIT`)",
                );
                None
            }
            Some(Global::Class) => {
                self.error(
                    Code::UnsupportedSyntax,
                    format!("`{n}` is a class, and classes are not compiled"),
                    span,
                    "class",
                    crate::unsupported::alternative("class definition"),
                );
                None
            }
            Some(
                Global::MathModule
                | Global::CmathModule
                | Global::PyaotModule
                | Global::NumpyModule
                | Global::NumpyTyping
                | Global::NumpyMember(_)
                | Global::PyaotMember(_),
            ) => {
                self.error(
                    Code::UnsupportedSyntax,
                    format!("`{n}` used as a value"),
                    span,
                    "not a value",
                    "use its functions or constants",
                );
                None
            }
            None => {
                if let Some(what) = self.m.scopes[self.scope].python_names.get(n) {
                    let what = what.clone();
                    self.error(
                        Code::UnknownName,
                        format!("`{n}` ({what}) is set by the module's Python code when it is imported; compiled code cannot read it"),
                        span,
                        "Python value",
                        "pass it to the function as an argument, or make it a constant (a literal or arithmetic of constants)",
                    );
                    return None;
                }
                self.error(
                    Code::UnknownName,
                    format!("unknown name `{n}`"),
                    span,
                    "not defined",
                    "define it as a local, a parameter, a module constant or a function",
                );
                None
            }
        }
    }

    fn attribute(
        &mut self,
        value: &ast::Expr,
        attr: &str,
        attr_span: Span,
        span: Span,
    ) -> Option<Expr> {
        if let Some(mut path) = self.cuda_path(value) {
            path.push(attr);
            return self.cuda_attribute(&path, span);
        }
        if let ast::ExprKind::Name(m) = &value.kind {
            if !self.local_names.contains(m) {
                if let Some(&Global::Sibling(s)) = self.global(m.as_str()) {
                    // A constant or a function of another module of the package.
                    return match self.m.global(s, attr) {
                        Some(Global::Const(c)) => Some(konst(c.clone(), span)),
                        Some(&Global::Func(d)) => Some(crate::funcs::def_value(d, attr, span)),
                        _ => {
                            let module = self.m.scopes[s].name.clone();
                            self.error(
                                Code::UnknownAttribute,
                                format!("`{module}.{attr}` is not a compiled function or a constant of that module"),
                                attr_span,
                                "not compiled",
                                "compiled code calls the compiled functions and reads the constants of the package's other modules",
                            );
                            None
                        }
                    };
                }
                if let Some(Global::MathModule) = self.global(m.as_str()) {
                    if let Some(v) = math_constant(attr) {
                        return Some(konst(Const::Float(v), span));
                    }
                    if let Some(f) = crate::funcs::math_function(attr, span) {
                        return Some(f);
                    }
                    self.error(
                        Code::UnknownAttribute,
                        format!("`math.{attr}` is not a supported constant"),
                        attr_span,
                        "unknown",
                        "see docs/language.md for the supported math functions and constants",
                    );
                    return None;
                }
                if let Some(Global::CmathModule) = self.global(m.as_str()) {
                    if let Some(c) = crate::complex::cmath_constant(attr) {
                        return Some(konst(c, span));
                    }
                    self.error(
                        Code::UnknownAttribute,
                        format!("`cmath.{attr}` is not a supported constant"),
                        attr_span,
                        "unknown",
                        "see docs/language.md for the supported cmath functions and constants",
                    );
                    return None;
                }
            }
        }
        if let Some(c) = self.numpy_constant(value, attr) {
            return Some(konst(c, span));
        }
        let v = self.expr(value)?;
        if let Ty::Array(a) = v.ty {
            return self.array_attribute(v, a, attr, attr_span, span);
        }
        if let (Ty::DtypeOf(d), "type") = (&v.ty, attr) {
            let d = *d;
            return Some(with_effect(v, konst(Const::ScalarType(d), span)));
        }
        let number = v.ty.is_numeric() || matches!(v.ty, Ty::Complex | Ty::Scalar(_));
        if number && matches!(attr, "real" | "imag") {
            return self.number_part(v, attr == "imag", span);
        }
        self.error(
            Code::UnknownAttribute,
            format!("{} has no supported attribute `{attr}`", v.ty),
            attr_span,
            "unknown attribute",
            "scalars have no attributes in compiled code",
        );
        None
    }

    /// `np.float64` and the other scalar types as dtype values, and `np.pi`, `np.e`, `np.inf`, `np.nan`.
    fn numpy_constant(&self, value: &ast::Expr, attr: &str) -> Option<Const> {
        let ast::ExprKind::Name(m) = &value.kind else {
            return None;
        };
        if self.local_names.contains(m) || !matches!(self.global(m), Some(Global::NumpyModule)) {
            return None;
        }
        if let Some(d) = Dtype::from_name(attr) {
            return Some(Const::ScalarType(d));
        }
        let v = match attr {
            "pi" => std::f64::consts::PI,
            "e" => std::f64::consts::E,
            "inf" => f64::INFINITY,
            "nan" => f64::NAN,
            _ => return None,
        };
        Some(Const::Float(v))
    }

    fn unary(&mut self, op: ast::UnaryOp, operand: &ast::Expr, span: Span) -> Option<Expr> {
        // Fold `-literal` so that -9223372036854775808 and negative exponents are constants.
        if op == ast::UnaryOp::Neg {
            match operand.kind {
                ast::ExprKind::Int(Some(v)) => {
                    if let Ok(v) = i64::try_from(-v) {
                        return Some(konst(Const::Int(v), span));
                    }
                }
                ast::ExprKind::Float(v) => return Some(konst(Const::Float(-v), span)),
                _ => {}
            }
        }
        if op == ast::UnaryOp::Not {
            let t = self.condition(operand)?;
            // `not isinstance(x, int)`: a constant, so `if` can branch on it statically.
            if let Some(Const::Bool(b)) = static_value(&t) {
                let effect = match t.kind {
                    ExprKind::Seq { effect, .. } => Some(*effect),
                    _ => None,
                };
                let folded = konst(Const::Bool(!b), span);
                return Some(match effect {
                    Some(e) => with_effect(e, folded),
                    None => folded,
                });
            }
            return Some(Expr {
                kind: ExprKind::Not(Box::new(t)),
                ty: Ty::Bool,
                span,
            });
        }
        let v = self.expr(operand)?;
        if let Ty::Scalar(_) | Ty::Array(_) = v.ty {
            let op = match op {
                ast::UnaryOp::Neg => Some(UnaryOp::Neg),
                ast::UnaryOp::Invert => Some(UnaryOp::Invert),
                _ => None,
            };
            if let Ty::Array(_) = v.ty {
                return self.array_unary(op, v, span);
            }
            return self.np_unary(op, v, span);
        }
        if v.ty == Ty::Complex && op != ast::UnaryOp::Invert {
            if op == ast::UnaryOp::Pos {
                return Some(Expr { span, ..v });
            }
            return Some(Expr {
                kind: ExprKind::Unary {
                    op: UnaryOp::Neg,
                    operand: Box::new(v),
                },
                ty: Ty::Complex,
                span,
            });
        }
        let v = match v.ty {
            Ty::Bool => cast(CastKind::BoolToInt, v, Ty::Int),
            Ty::Int | Ty::Float => v,
            _ => {
                let sym = match op {
                    ast::UnaryOp::Neg => "-",
                    ast::UnaryOp::Pos => "+",
                    _ => "~",
                };
                self.error(
                    Code::TypeMismatch,
                    format!("bad operand type for unary {sym}: {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "use an int or a float",
                );
                return None;
            }
        };
        let ty = v.ty.clone();
        match op {
            ast::UnaryOp::Pos => Some(Expr { span, ..v }),
            ast::UnaryOp::Neg => Some(Expr {
                kind: ExprKind::Unary {
                    op: UnaryOp::Neg,
                    operand: Box::new(v),
                },
                ty,
                span,
            }),
            ast::UnaryOp::Invert if ty == Ty::Int => Some(Expr {
                kind: ExprKind::Unary {
                    op: UnaryOp::Invert,
                    operand: Box::new(v),
                },
                ty,
                span,
            }),
            _ => {
                self.error(
                    Code::TypeMismatch,
                    "bad operand type for unary ~: float",
                    v.span,
                    "this is float",
                    "`~` works on ints",
                );
                None
            }
        }
    }

    /// A binary operator applied to checked operands, with Python's promotions made explicit.
    pub(crate) fn binary(&mut self, op: ast::BinOp, l: Expr, r: Expr, span: Span) -> Option<Expr> {
        if crate::list::is_seq(&l.ty) || crate::list::is_seq(&r.ty) {
            return self.list_binary(op, l, r, span).flatten();
        }
        if matches!(l.ty, Ty::Str) || matches!(r.ty, Ty::Str) {
            return self.str_binary(op, l, r, span).flatten();
        }
        if let Some(r) = self.obj_binary(op, l.clone(), r.clone(), span) {
            return r;
        }
        // With an array operand a tuple is array-like (NumPy converts it).
        let tuple_op = matches!(l.ty, Ty::Tuple(_)) || matches!(r.ty, Ty::Tuple(_));
        if tuple_op && !is_array(&l.ty) && !is_array(&r.ty) {
            return self.tuple_binary(op, l, r, span).flatten();
        }
        let bad = |cx: &mut Self, l: &Expr, r: &Expr| {
            cx.error(
                Code::TypeMismatch,
                format!(
                    "unsupported operand types for {}: {} and {}",
                    op.symbol(),
                    l.ty,
                    r.ty
                ),
                span,
                format!("{} {} {}", l.ty, op.symbol(), r.ty),
                "this operator needs numbers of a supported kind",
            );
            None
        };
        let array = is_array(&l.ty) || is_array(&r.ty);
        // A tuple of numbers next to an array is NumPy's array of it (`a * (1, 2)`).
        let (l, r) = if array {
            (self.tuple_as_array(l)?, self.tuple_as_array(r)?)
        } else {
            (l, r)
        };
        let fixed = matches!(l.ty, Ty::Scalar(_)) || matches!(r.ty, Ty::Scalar(_));
        if op == ast::BinOp::MatMul && is_array(&l.ty) && is_array(&r.ty) {
            // `a @ b` is the bundled library's np.matmul.
            if let Some(d) =
                self.m
                    .library("numpy")
                    .and_then(|lib| match self.m.global(lib, "matmul") {
                        Some(crate::items::Global::Func(d)) => Some(*d),
                        _ => None,
                    })
            {
                return self.call_def_values(d, vec![l, r], span);
            }
        }
        let operands_ok =
            |t: &Ty| t.is_scalar() || matches!(t, Ty::Scalar(_) | Ty::Complex) || is_array(t);
        if !operands_ok(&l.ty) || !operands_ok(&r.ty) || op == ast::BinOp::MatMul {
            return bad(self, &l, &r);
        }
        let hop = match op {
            ast::BinOp::Add => BinaryOp::Add,
            ast::BinOp::Sub => BinaryOp::Sub,
            ast::BinOp::Mul => BinaryOp::Mul,
            ast::BinOp::Div => BinaryOp::TrueDiv,
            ast::BinOp::FloorDiv => BinaryOp::FloorDiv,
            ast::BinOp::Mod => BinaryOp::Mod,
            ast::BinOp::Pow => BinaryOp::Pow,
            ast::BinOp::LShift => BinaryOp::LShift,
            ast::BinOp::RShift => BinaryOp::RShift,
            ast::BinOp::BitAnd => BinaryOp::BitAnd,
            ast::BinOp::BitOr => BinaryOp::BitOr,
            ast::BinOp::BitXor => BinaryOp::BitXor,
            ast::BinOp::MatMul => unreachable!("rejected above"),
        };
        if array {
            return self.array_binary(hop, l, r, span);
        }
        // `complex op np.float64`: np.float64 is a subclass of float, so Python's complex takes the
        // operation first and gives a Python complex (the other order is NumPy's).
        if l.ty == Ty::Complex && r.ty == Ty::Scalar(Dtype::F64) {
            return self.complex_binary(hop, l, crate::numeric::to_python(r), span);
        }
        if fixed {
            return self.np_binary(hop, l, r, span);
        }
        if l.ty == Ty::Complex || r.ty == Ty::Complex {
            return self.complex_binary(hop, l, r, span);
        }
        let make = |l: Expr, r: Expr, ty: Ty| Expr {
            kind: ExprKind::Binary {
                op: hop,
                lhs: Box::new(l),
                rhs: Box::new(r),
            },
            ty,
            span,
        };
        let bitwise = matches!(hop, BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor);
        if bitwise && l.ty == Ty::Bool && r.ty == Ty::Bool {
            return Some(make(l, r, Ty::Bool));
        }
        let l = to_int_if_bool(l);
        let r = to_int_if_bool(r);
        if bitwise || matches!(hop, BinaryOp::LShift | BinaryOp::RShift) {
            if l.ty != Ty::Int || r.ty != Ty::Int {
                return bad(self, &l, &r);
            }
            return Some(make(l, r, Ty::Int));
        }
        let both_int = l.ty == Ty::Int && r.ty == Ty::Int;
        if both_int {
            return Some(match hop {
                BinaryOp::TrueDiv => make(l, r, Ty::Float),
                BinaryOp::Pow if matches!(r.kind, ExprKind::Const(Const::Int(e)) if e < 0) => make(
                    cast(CastKind::IntToFloat, l, Ty::Float),
                    cast(CastKind::IntToFloat, r, Ty::Float),
                    Ty::Float,
                ),
                _ => make(l, r, Ty::Int),
            });
        }
        Some(make(to_float(l), to_float(r), Ty::Float))
    }

    /// `x in range(a, b, s)` of an int `x`, as the test CPython's range makes without iterating:
    /// a nonzero step (else range()'s ValueError), `x` between the bounds on the step's side, and
    /// `(x - a) % s == 0` unless the step is 1 or -1. `x` and the arguments must be values that
    /// may be evaluated again.
    fn range_membership(
        &mut self,
        x: &ast::Expr,
        is_in: bool,
        range: &ast::Expr,
        span: Span,
    ) -> Option<ast::Expr> {
        let ast::ExprKind::Call {
            func,
            args,
            keywords,
        } = &range.kind
        else {
            return None;
        };
        if !keywords.is_empty() || !self.is_range(func) || !pure(x) || !args.iter().all(pure) {
            return None;
        }
        // Only ints: a float or a NumPy integer would compare in another arithmetic.
        let quiet = std::mem::replace(&mut self.quiet, true);
        let ty = self.expr(x).map(|v| v.ty);
        self.quiet = quiet;
        if !matches!(ty, Some(Ty::Int | Ty::Bool)) {
            return None;
        }
        let e = |kind| ast::Expr { kind, span };
        let int = |v| e(ast::ExprKind::Int(Some(v)));
        let cmp = |l: &ast::Expr, op, r: &ast::Expr| {
            e(ast::ExprKind::Compare {
                left: Box::new(l.clone()),
                ops: vec![op],
                comparators: vec![r.clone()],
            })
        };
        let between = |lo: &ast::Expr, lo_op, hi_op, hi: &ast::Expr| {
            e(ast::ExprKind::Compare {
                left: Box::new(lo.clone()),
                ops: vec![lo_op, hi_op],
                comparators: vec![x.clone(), hi.clone()],
            })
        };
        let (start, stop, step) = match args.as_slice() {
            [b] => (int(0), b.clone(), int(1)),
            [a, b] => (a.clone(), b.clone(), int(1)),
            [a, b, s] => (a.clone(), b.clone(), s.clone()),
            _ => return None,
        };
        let unit = match &step.kind {
            ast::ExprKind::Int(Some(1)) => Some(true),
            ast::ExprKind::UnaryOp {
                op: ast::UnaryOp::Neg,
                operand,
            } if matches!(operand.kind, ast::ExprKind::Int(Some(1))) => Some(false),
            _ => None,
        };
        // `len(range(0, s, s))` is 1, or raises range()'s ValueError for a zero step.
        let step_ok = e(ast::ExprKind::Call {
            func: Box::new(e(ast::ExprKind::Name("len".into()))),
            args: vec![e(ast::ExprKind::Call {
                func: func.clone(),
                args: vec![int(0), step.clone(), step.clone()],
                keywords: Vec::new(),
            })],
            keywords: Vec::new(),
        });
        let upward = between(&start, ast::CmpOp::LtE, ast::CmpOp::Lt, &stop);
        let downward = between(&stop, ast::CmpOp::Lt, ast::CmpOp::LtE, &start);
        let inside = match unit {
            Some(true) => upward,
            Some(false) => downward,
            None => e(ast::ExprKind::IfExp {
                test: Box::new(cmp(&step, ast::CmpOp::Gt, &int(0))),
                body: Box::new(upward),
                orelse: Box::new(downward),
            }),
        };
        // `x % step == start % step` rather than `(x - start) % step == 0`: the same test (Python's
        // `%` of one divisor), without a difference that can leave 64 bits in a range of more
        // than 2**63 values (found by the fuzzer: `1 in range(-2**63, 10**18, w)`).
        let modulo = |v: &ast::Expr| {
            e(ast::ExprKind::BinOp {
                left: Box::new(v.clone()),
                op: ast::BinOp::Mod,
                right: Box::new(step.clone()),
            })
        };
        let same_class = cmp(&modulo(x), ast::CmpOp::Eq, &modulo(&start));
        let test = match unit {
            // A step of 1 or -1 takes every int between the bounds.
            Some(_) => inside,
            None => e(ast::ExprKind::BoolOp {
                op: ast::BoolOp::And,
                values: vec![cmp(&step_ok, ast::CmpOp::Eq, &int(1)), inside, same_class],
            }),
        };
        Some(if is_in {
            test
        } else {
            e(ast::ExprKind::UnaryOp {
                op: ast::UnaryOp::Not,
                operand: Box::new(test),
            })
        })
    }

    fn compare(
        &mut self,
        left: &ast::Expr,
        ops: &[ast::CmpOp],
        comparators: &[ast::Expr],
        span: Span,
    ) -> Option<Expr> {
        if let ([op @ (ast::CmpOp::Is | ast::CmpOp::IsNot)], [right]) = (ops, comparators) {
            return self.is_none(left, *op == ast::CmpOp::Is, right, span);
        }
        if let ([op @ (ast::CmpOp::In | ast::CmpOp::NotIn)], [right]) = (ops, comparators) {
            let is_in = *op == ast::CmpOp::In;
            if let Some(e) = membership(left, is_in, right, span) {
                return self.expr(&e);
            }
            if let Some(e) = self.range_membership(left, is_in, right, span) {
                return self.expr(&e);
            }
        }
        let mut operands = Vec::new();
        let mut ok = true;
        for e in std::iter::once(left).chain(comparators) {
            match self.expr(e) {
                Some(v) => operands.push(v),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        if let ([op], [_, _]) = (ops, operands.as_slice()) {
            if operands
                .iter()
                .any(|o| matches!(o.ty, Ty::Dict(..) | Ty::Set(_)))
            {
                let r = operands.pop().expect("two operands");
                let l = operands.pop().expect("two operands");
                if let Some(result) = self.obj_compare(*op, l.clone(), r.clone(), span) {
                    return result;
                }
                operands = vec![l, r];
            }
            if operands.iter().any(|o| matches!(o.ty, Ty::Str)) {
                let r = operands.pop().expect("two operands");
                let l = operands.pop().expect("two operands");
                if let Some(result) = self.str_compare(*op, l.clone(), r.clone(), span) {
                    return result;
                }
                operands = vec![l, r];
            }
            if operands.iter().any(|o| crate::list::is_seq(&o.ty)) {
                let r = operands.pop().expect("two operands");
                let l = operands.pop().expect("two operands");
                if let Some(result) = self.list_compare(*op, l.clone(), r.clone(), span) {
                    return result;
                }
                operands = vec![l, r];
            }
            let tuple_op = operands.iter().any(|o| matches!(o.ty, Ty::Tuple(_)));
            if tuple_op && !operands.iter().any(|o| is_array(&o.ty)) {
                let r = operands.pop().expect("two operands");
                let l = operands.pop().expect("two operands");
                if let Some(result) = self.tuple_compare(*op, l, r, span) {
                    return result;
                }
                unreachable!("a tuple operand is compared as a tuple");
            }
        }
        if operands
            .iter()
            .any(|o| matches!(o.ty, Ty::DtypeOf(_) | Ty::ScalarType(_)))
        {
            return self.compare_dtypes(operands, ops, span);
        }
        if let Some(folded) = fold_int_compare(&operands, ops, span) {
            return Some(
                operands
                    .into_iter()
                    .rev()
                    .fold(folded, |acc, o| with_effect(o, acc)),
            );
        }
        let mut hops = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let hop = match cmp_op(*op) {
                Some(hop) => hop,
                None => {
                    let other = op;
                    self.error(
                        Code::UnsupportedSyntax,
                        format!("`{}` is not supported on numbers", other.symbol()),
                        span,
                        other.symbol(),
                        "compare numbers with ==, !=, <, <=, > or >=",
                    );
                    return None;
                }
            };
            let (a, b) = (&operands[i], &operands[i + 1]);
            if (is_array(&a.ty) || is_array(&b.ty)) && ops.len() == 1 {
                let r = operands.pop().expect("two operands");
                let l = operands.pop().expect("two operands");
                let (l, r) = (self.tuple_as_array(l)?, self.tuple_as_array(r)?);
                return self.array_compare(hop, l, r, span);
            }
            let number = |t: &Ty| t.is_scalar() || matches!(t, Ty::Scalar(_) | Ty::Complex);
            if !number(&a.ty) || !number(&b.ty) {
                self.error(
                    Code::TypeMismatch,
                    format!("cannot compare {} with {}", a.ty, b.ty),
                    a.span.cover(b.span),
                    "comparison",
                    "compare numbers or bools",
                );
                return None;
            }
            hops.push(hop);
        }
        if let [z, x] = operands.as_slice() {
            // `complex == np.float64`: np.float64 is a float, so Python's complex compares.
            if z.ty == Ty::Complex && x.ty == Ty::Scalar(Dtype::F64) {
                let x = crate::numeric::to_python(operands.pop().expect("two operands"));
                let z = operands.pop().expect("two operands");
                return self.complex_compare(vec![z, x], &hops, span);
            }
        }
        if operands.iter().any(|o| matches!(o.ty, Ty::Scalar(_))) {
            // A comparison with a NumPy scalar gives `np.bool_`; a chain whose links differ in that
            // would give either type depending on where it stops.
            let fixed = |o: &Expr| matches!(o.ty, Ty::Scalar(_));
            if let Some(w) = operands.windows(2).find(|w| !fixed(&w[0]) && !fixed(&w[1])) {
                self.error(
                    Code::TypeMismatch,
                    "this comparison chain mixes NumPy and Python comparisons",
                    w[0].span.cover(w[1].span),
                    "a Python comparison (gives bool)",
                    "the other links compare NumPy scalars (giving np.bool_): split the chain with `and`",
                );
                return None;
            }
            let (converted, kind) = self.np_compare_operands(operands, span)?;
            if kind == CmpKind::Complex && !self.complex_equality(&hops, span) {
                return None;
            }
            return Some(Expr {
                kind: ExprKind::Compare {
                    operands: converted,
                    ops: hops.into_iter().map(|h| (h, kind)).collect(),
                },
                ty: Ty::Scalar(Dtype::B1),
                span,
            });
        }
        if operands.iter().any(|o| o.ty == Ty::Complex) {
            return self.complex_compare(operands, &hops, span);
        }
        // Bools next to numbers compare as ints; an int literal next to floats only compares as an exact float.
        let tys: Vec<Ty> = operands.iter().map(|o| o.ty.clone()).collect();
        let n = operands.len();
        let mut converted = Vec::new();
        for (i, v) in operands.into_iter().enumerate() {
            let neighbours: Vec<&Ty> = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter(|&j| j < n)
                .map(|j| &tys[j])
                .collect();
            let v = match v.ty {
                Ty::Bool if neighbours.iter().all(|t| **t == Ty::Bool) => v,
                Ty::Bool if neighbours.iter().all(|t| **t == Ty::Float) => {
                    convert_for_compare(v, &Ty::Float)
                }
                Ty::Bool => to_int_if_bool(v),
                Ty::Int if neighbours.iter().all(|t| **t == Ty::Float) => {
                    convert_for_compare(v, &Ty::Float)
                }
                _ => v,
            };
            converted.push(v);
        }
        let final_kinds: Vec<CmpKind> = (0..hops.len())
            .map(|i| exact_kind(&converted[i].ty, &converted[i + 1].ty))
            .collect();
        let ops: Vec<(CmpOp, CmpKind)> = hops.into_iter().zip(final_kinds).collect();
        Some(Expr {
            kind: ExprKind::Compare {
                operands: converted,
                ops,
            },
            ty: Ty::Bool,
            span,
        })
    }

    /// `x is None` / `x is not None`: known from `x`'s type, so a compile-time constant
    /// (`x` is still evaluated for its effects).
    fn is_none(
        &mut self,
        left: &ast::Expr,
        is: bool,
        right: &ast::Expr,
        span: Span,
    ) -> Option<Expr> {
        let (value, none) = match (&left.kind, &right.kind) {
            (_, ast::ExprKind::NoneLit) => (left, right),
            (ast::ExprKind::NoneLit, _) => (right, left),
            _ => {
                self.error(
                    Code::UnsupportedSyntax,
                    "`is` is only supported with None",
                    span,
                    "identity test",
                    "compare values with `==`, or test `x is None`",
                );
                return None;
            }
        };
        let _ = none;
        let v = self.expr(value)?;
        let result = konst(Const::Bool((v.ty == Ty::None) == is), span);
        Some(with_effect(v, result))
    }

    /// `==`/`!=` of dtype objects (`a.dtype == np.float32`): a compile-time constant.
    fn compare_dtypes(
        &mut self,
        operands: Vec<Expr>,
        ops: &[ast::CmpOp],
        span: Span,
    ) -> Option<Expr> {
        let mut dtypes = Vec::new();
        for o in &operands {
            let (Ty::DtypeOf(d) | Ty::ScalarType(d)) = o.ty else {
                self.error(
                    Code::TypeMismatch,
                    format!("cannot compare a dtype with {}", o.ty),
                    o.span,
                    format!("this is {}", o.ty),
                    "compare dtypes with dtypes (`a.dtype == np.float64`)",
                );
                return None;
            };
            dtypes.push(d);
        }
        let mut result = true;
        for (i, op) in ops.iter().enumerate() {
            let same = dtypes[i] == dtypes[i + 1];
            result &= match op {
                ast::CmpOp::Eq => same,
                ast::CmpOp::NotEq => !same,
                other => {
                    self.error(
                        Code::UnsupportedSyntax,
                        format!("dtypes cannot be compared with `{}`", other.symbol()),
                        span,
                        other.symbol(),
                        "compare dtypes with == or !=",
                    );
                    return None;
                }
            };
        }
        let mut out = konst(Const::Bool(result), span);
        for o in operands.into_iter().rev() {
            out = with_effect(o, out);
        }
        Some(out)
    }

    /// Truthiness as a `bool` expression.
    pub(crate) fn truth(&mut self, v: Expr) -> Option<Expr> {
        match v.ty {
            Ty::Bool => Some(v),
            Ty::Int | Ty::Float | Ty::Complex | Ty::Scalar(_) => {
                Some(cast(CastKind::Truth, v, Ty::Bool))
            }
            Ty::List(_) | Ty::TupleOf(_) => Some(self.list_truth(v)),
            Ty::Str => Some(self.str_truth(v)),
            Ty::Dict(..) | Ty::Set(_) => Some(self.obj_truth(v)),
            Ty::Array(_) => {
                self.error(
                    Code::TypeMismatch,
                    format!("an array ({}) cannot be used as a condition", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "NumPy raises ValueError for the truth of an array with more than one element: test one element, or reduce with np.any(...) or np.all(...)",
                );
                None
            }
            _ => {
                self.error(
                    Code::TypeMismatch,
                    format!("a {} cannot be used as a condition", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "test a number or a bool",
                );
                None
            }
        }
    }

    /// An argument that must be an int (bools convert).
    pub(crate) fn int_arg(&mut self, v: Expr, what: &str) -> Option<Expr> {
        let v = match v.ty {
            Ty::Scalar(d) if d.is_int() && d != pyaot_hir::Dtype::U64 => {
                crate::numeric::to_python(v)
            }
            _ => v,
        };
        match v.ty {
            Ty::Int => Some(v),
            Ty::Bool => Some(cast(CastKind::BoolToInt, v, Ty::Int)),
            _ => {
                self.error(
                    Code::TypeMismatch,
                    format!("{what} needs an int, got {}", v.ty),
                    v.span,
                    format!("this is {}", v.ty),
                    "convert with int(...)",
                );
                None
            }
        }
    }
}

fn exact_kind(a: &Ty, b: &Ty) -> CmpKind {
    match (a, b) {
        (Ty::Bool, Ty::Bool) => CmpKind::Bool,
        (Ty::Float, Ty::Float) => CmpKind::Float,
        (Ty::Int, Ty::Float) => CmpKind::IntFloat,
        (Ty::Float, Ty::Int) => CmpKind::FloatInt,
        _ => CmpKind::Int,
    }
}

/// An int (or bool) literal that converts to float exactly, so the comparison can be done in floats.
fn exact_float_literal(e: &Expr) -> Option<f64> {
    match e.kind {
        ExprKind::Const(Const::Int(v)) if v.unsigned_abs() <= 1 << 53 => Some(v as f64),
        ExprKind::Const(Const::Bool(b)) => Some(f64::from(u8::from(b))),
        _ => None,
    }
}

fn convert_for_compare(v: Expr, want: &Ty) -> Expr {
    match (&v.ty, want) {
        (Ty::Bool, Ty::Int) => cast(CastKind::BoolToInt, v, Ty::Int),
        (Ty::Bool, Ty::Float) => cast(CastKind::BoolToFloat, v, Ty::Float),
        (Ty::Int, Ty::Float) => match exact_float_literal(&v) {
            Some(f) => konst(Const::Float(f), v.span),
            None => v,
        },
        _ => v,
    }
}

fn to_int_if_bool(v: Expr) -> Expr {
    if v.ty == Ty::Bool {
        cast(CastKind::BoolToInt, v, Ty::Int)
    } else {
        v
    }
}

/// Converts an int or bool operand to float, as Python's mixed arithmetic does.
pub(crate) fn to_float(v: Expr) -> Expr {
    match v.ty {
        Ty::Int => match v.kind {
            ExprKind::Const(Const::Int(i)) => konst(Const::Float(i as f64), v.span),
            // A fixed-width integer goes to float directly, as NumPy's `__float__` does:
            // through a Python int a u64 at or above 2**63 would overflow.
            ExprKind::Cast {
                kind: CastKind::FromDtype,
                operand,
                explicit,
            } => {
                let c = cast(CastKind::FromDtype, *operand, Ty::Float);
                if explicit {
                    explicit_conversion(c)
                } else {
                    c
                }
            }
            // CPython's int power gives a float for a negative exponent: where the result is
            // used as a float, that case needs no int at all.
            ExprKind::Binary {
                op: BinaryOp::Pow,
                lhs,
                rhs,
            } if lhs.ty == Ty::Int && rhs.ty == Ty::Int => Expr {
                kind: ExprKind::Intrinsic {
                    func: pyaot_hir::Intrinsic::IntPowFloat,
                    args: vec![*lhs, *rhs],
                },
                ty: Ty::Float,
                span: v.span,
            },
            _ => cast(CastKind::IntToFloat, v, Ty::Float),
        },
        Ty::Bool => cast(CastKind::BoolToFloat, v, Ty::Float),
        _ => v,
    }
}

/// The HIR operator for Python's `and`/`or`.
pub(crate) fn logic_op(op: ast::BoolOp) -> LogicOp {
    match op {
        ast::BoolOp::And => LogicOp::And,
        ast::BoolOp::Or => LogicOp::Or,
    }
}

/// The HIR comparison of a Python comparison operator (`None` for `is`, `in` and their negations).
pub(crate) fn cmp_op(op: ast::CmpOp) -> Option<CmpOp> {
    Some(match op {
        ast::CmpOp::Eq => CmpOp::Eq,
        ast::CmpOp::NotEq => CmpOp::Ne,
        ast::CmpOp::Lt => CmpOp::Lt,
        ast::CmpOp::LtE => CmpOp::Le,
        ast::CmpOp::Gt => CmpOp::Gt,
        ast::CmpOp::GtE => CmpOp::Ge,
        _ => return None,
    })
}

/// `x in (1, 2.5, -3)` of an `x` that may be evaluated again and literal items, as `x == 1 or
/// x == 2.5 or ...` (`not in`: `x != 1 and ...`); evaluating `x` again gives the same value (or
/// raises the same way the first time). Other tuples go through `tuple_compare`.
fn membership(x: &ast::Expr, is_in: bool, items: &ast::Expr, span: Span) -> Option<ast::Expr> {
    let ast::ExprKind::Tuple(items) = &items.kind else {
        return None;
    };
    // CPython builds the whole tuple before comparing, so an item that raises always raises; the
    // comparisons here stop at the first match, so the items must be literals (a variable may be
    // unassigned). Other tuples are compared item by item after evaluating all of them.
    fn cannot_raise(e: &ast::Expr) -> bool {
        match &e.kind {
            ast::ExprKind::UnaryOp {
                op: ast::UnaryOp::Neg | ast::UnaryOp::Pos,
                operand,
            } => matches!(
                operand.kind,
                ast::ExprKind::Int(_) | ast::ExprKind::Float(_)
            ),
            ast::ExprKind::Int(_) | ast::ExprKind::Float(_) | ast::ExprKind::Bool(_) => true,
            _ => false,
        }
    }
    if !pure(x) || !items.iter().all(cannot_raise) {
        return None;
    }
    let (cmp, join) = if is_in {
        (ast::CmpOp::Eq, ast::BoolOp::Or)
    } else {
        (ast::CmpOp::NotEq, ast::BoolOp::And)
    };
    let mut values: Vec<ast::Expr> = Vec::new();
    for item in items {
        values.push(ast::Expr {
            kind: ast::ExprKind::Compare {
                left: Box::new(x.clone()),
                ops: vec![cmp],
                comparators: vec![item.clone()],
            },
            span: item.span,
        });
    }
    let test = match values.len() {
        0 => {
            return Some(ast::Expr {
                kind: ast::ExprKind::Bool(!is_in),
                span,
            })
        }
        1 => values.pop().expect("one value"),
        _ => ast::Expr {
            kind: ast::ExprKind::BoolOp { op: join, values },
            span,
        },
    };
    // `in` gives a Python bool, also where `==` gives NumPy's.
    Some(ast::Expr {
        kind: ast::ExprKind::Call {
            func: Box::new(ast::Expr {
                kind: ast::ExprKind::Name("bool".into()),
                span,
            }),
            args: vec![test],
            keywords: Vec::new(),
        },
        span,
    })
}

/// Whether evaluating the expression again gives the same value, or raises the same way the first
/// time, when nothing is written in between: names, literals, arithmetic and subscripts of such,
/// `len(...)` of such, module constants (`math.inf`) and `float("nan")`.
pub(crate) fn pure(e: &ast::Expr) -> bool {
    match &e.kind {
        ast::ExprKind::Name(_)
        | ast::ExprKind::Int(_)
        | ast::ExprKind::Float(_)
        | ast::ExprKind::Bool(_) => true,
        ast::ExprKind::UnaryOp { operand, .. } => pure(operand),
        // Arithmetic of such operands gives the same value (or raises the same way) each time.
        ast::ExprKind::BinOp { left, right, .. } => pure(left) && pure(right),
        // `math.inf`, `float("nan")`.
        ast::ExprKind::Attribute { value, .. } => {
            matches!(value.kind, ast::ExprKind::Name(_))
        }
        // `a.shape[0]`, `t[1]`: reading the same element again, with nothing written between.
        ast::ExprKind::Subscript { value, index } => pure(value) && pure(index),
        ast::ExprKind::Tuple(items) => items.iter().all(pure),
        ast::ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let ast::ExprKind::Name(f) = &func.kind else {
                return false;
            };
            keywords.is_empty()
                && match args.as_slice() {
                    [a] if f == "float" => matches!(a.kind, ast::ExprKind::Str(_)),
                    [a] if f == "len" => pure(a),
                    _ => false,
                }
        }
        _ => false,
    }
}
