//! Conversion from ruff's syntax tree to [`crate::ast`].

use ruff_python_ast as r;
use ruff_text_size::{Ranged, TextRange};

use crate::ast::*;

pub(crate) fn span(range: TextRange) -> Span {
    Span::new(range.start().to_u32(), range.end().to_u32())
}

fn sp(node: &impl Ranged) -> Span {
    span(node.range())
}

pub(crate) fn module(m: &r::ModModule) -> Module {
    let (doc, body) = split_docstring(&m.body);
    Module {
        doc,
        body: stmts(body),
        line_starts: Vec::new(),
    }
}

/// Takes a leading string-literal statement out of a body as its docstring.
fn split_docstring(body: &[r::Stmt]) -> (Option<String>, &[r::Stmt]) {
    if let Some(r::Stmt::Expr(e)) = body.first() {
        if let r::Expr::StringLiteral(s) = &*e.value {
            return (Some(s.value.to_str().to_string()), &body[1..]);
        }
    }
    (None, body)
}

fn stmts(body: &[r::Stmt]) -> Vec<Stmt> {
    body.iter().map(stmt).collect()
}

fn stmt(s: &r::Stmt) -> Stmt {
    let kind = match s {
        r::Stmt::FunctionDef(f) => StmtKind::FunctionDef(Box::new(function_def(f))),
        r::Stmt::ClassDef(_) => StmtKind::Unsupported("class definition"),
        r::Stmt::Return(ret) => StmtKind::Return(ret.value.as_deref().map(expr)),
        r::Stmt::Delete(_) => StmtKind::Unsupported("`del` statement"),
        r::Stmt::TypeAlias(_) => StmtKind::Unsupported("type alias"),
        r::Stmt::Assign(a) => StmtKind::Assign {
            targets: a.targets.iter().map(expr).collect(),
            value: expr(&a.value),
        },
        r::Stmt::AugAssign(a) => StmtKind::AugAssign {
            target: expr(&a.target),
            op: bin_op(a.op),
            value: expr(&a.value),
        },
        r::Stmt::AnnAssign(a) => StmtKind::AnnAssign {
            target: expr(&a.target),
            annotation: expr(&a.annotation),
            value: a.value.as_deref().map(expr),
        },
        r::Stmt::For(f) if f.is_async => StmtKind::Unsupported("`async for` loop"),
        r::Stmt::For(f) => StmtKind::For {
            target: expr(&f.target),
            iter: expr(&f.iter),
            body: stmts(&f.body),
            orelse: stmts(&f.orelse),
        },
        r::Stmt::While(w) => StmtKind::While {
            test: expr(&w.test),
            body: stmts(&w.body),
            orelse: stmts(&w.orelse),
        },
        r::Stmt::If(i) => if_chain(&i.test, &i.body, &i.elif_else_clauses),
        r::Stmt::With(_) => StmtKind::Unsupported("`with` statement"),
        r::Stmt::Match(_) => StmtKind::Unsupported("`match` statement"),
        r::Stmt::Raise(raise) => StmtKind::Raise {
            exc: raise.exc.as_deref().map(expr),
            has_cause: raise.cause.is_some(),
        },
        r::Stmt::Try(_) => StmtKind::Unsupported("`try` statement"),
        r::Stmt::Assert(a) => StmtKind::Assert {
            test: expr(&a.test),
            msg: a.msg.as_deref().map(expr),
        },
        r::Stmt::Import(i) => StmtKind::Import(i.names.iter().map(alias).collect()),
        r::Stmt::ImportFrom(i) if i.level > 0 => StmtKind::Unsupported("relative import"),
        r::Stmt::ImportFrom(i) => StmtKind::ImportFrom {
            module: i
                .module
                .as_ref()
                .map(|m| m.id.to_string())
                .unwrap_or_default(),
            names: i.names.iter().map(alias).collect(),
        },
        r::Stmt::Global(_) => StmtKind::Unsupported("`global` statement"),
        r::Stmt::Nonlocal(_) => StmtKind::Unsupported("`nonlocal` statement"),
        r::Stmt::Expr(e) => StmtKind::Expr(expr(&e.value)),
        r::Stmt::Pass(_) => StmtKind::Pass,
        r::Stmt::Break(_) => StmtKind::Break,
        r::Stmt::Continue(_) => StmtKind::Continue,
        r::Stmt::IpyEscapeCommand(_) => StmtKind::Unsupported("IPython escape command"),
    };
    Stmt { kind, span: sp(s) }
}

/// `if`/`elif`/`else` as nested `If` statements.
fn if_chain(test: &r::Expr, body: &[r::Stmt], clauses: &[r::ElifElseClause]) -> StmtKind {
    let orelse = match clauses.split_first() {
        None => Vec::new(),
        Some((first, rest)) => match &first.test {
            None => stmts(&first.body),
            Some(t) => vec![Stmt {
                kind: if_chain(t, &first.body, rest),
                span: sp(first),
            }],
        },
    };
    StmtKind::If {
        test: expr(test),
        body: stmts(body),
        orelse,
    }
}

fn alias(a: &r::Alias) -> Alias {
    Alias {
        name: a.name.id.to_string(),
        asname: a.asname.as_ref().map(|n| n.id.to_string()),
        span: sp(a),
    }
}

fn function_def(f: &r::StmtFunctionDef) -> FunctionDef {
    let p = &f.parameters;
    let mut unsupported = Vec::new();
    if let Some(v) = &p.vararg {
        unsupported.push((sp(&**v), "`*args` parameter"));
    }
    if let Some(k) = &p.kwarg {
        unsupported.push((sp(&**k), "`**kwargs` parameter"));
    }
    for a in &p.posonlyargs {
        unsupported.push((sp(a), "positional-only parameter"));
    }
    for a in &p.kwonlyargs {
        unsupported.push((sp(a), "keyword-only parameter"));
    }
    if let Some(tp) = &f.type_params {
        unsupported.push((sp(&**tp), "type parameter list"));
    }
    let params = p
        .args
        .iter()
        .map(|a| Param {
            name: a.parameter.name.id.to_string(),
            span: sp(&a.parameter),
            annotation: a.parameter.annotation.as_deref().map(expr),
            default: a.default.as_deref().map(expr),
        })
        .collect();
    let (doc, body) = split_docstring(&f.body);
    FunctionDef {
        name: f.name.id.to_string(),
        name_span: sp(&f.name),
        params,
        unsupported_params: unsupported,
        returns: f.returns.as_deref().map(expr),
        decorators: f
            .decorator_list
            .iter()
            .map(|d| expr(&d.expression))
            .collect(),
        doc,
        body: stmts(body),
        is_async: f.is_async,
    }
}

fn bin_op(op: r::Operator) -> BinOp {
    match op {
        r::Operator::Add => BinOp::Add,
        r::Operator::Sub => BinOp::Sub,
        r::Operator::Mult => BinOp::Mul,
        r::Operator::MatMult => BinOp::MatMul,
        r::Operator::Div => BinOp::Div,
        r::Operator::Mod => BinOp::Mod,
        r::Operator::Pow => BinOp::Pow,
        r::Operator::LShift => BinOp::LShift,
        r::Operator::RShift => BinOp::RShift,
        r::Operator::BitOr => BinOp::BitOr,
        r::Operator::BitXor => BinOp::BitXor,
        r::Operator::BitAnd => BinOp::BitAnd,
        r::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmp_op(op: r::CmpOp) -> CmpOp {
    match op {
        r::CmpOp::Eq => CmpOp::Eq,
        r::CmpOp::NotEq => CmpOp::NotEq,
        r::CmpOp::Lt => CmpOp::Lt,
        r::CmpOp::LtE => CmpOp::LtE,
        r::CmpOp::Gt => CmpOp::Gt,
        r::CmpOp::GtE => CmpOp::GtE,
        r::CmpOp::Is => CmpOp::Is,
        r::CmpOp::IsNot => CmpOp::IsNot,
        r::CmpOp::In => CmpOp::In,
        r::CmpOp::NotIn => CmpOp::NotIn,
    }
}

fn int_literal(i: &r::Int) -> Option<i128> {
    if let Some(v) = i.as_i64() {
        return Some(v as i128);
    }
    let text = i.to_string().replace('_', "");
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = match lower.get(..2) {
        Some("0x") => (&lower[2..], 16),
        Some("0o") => (&lower[2..], 8),
        Some("0b") => (&lower[2..], 2),
        _ => (&lower[..], 10),
    };
    i128::from_str_radix(digits, radix).ok()
}

fn boxed(e: &r::Expr) -> Box<Expr> {
    Box::new(expr(e))
}

fn expr(e: &r::Expr) -> Expr {
    let kind = match e {
        r::Expr::BoolOp(b) => ExprKind::BoolOp {
            op: match b.op {
                r::BoolOp::And => BoolOp::And,
                r::BoolOp::Or => BoolOp::Or,
            },
            values: b.values.iter().map(expr).collect(),
        },
        r::Expr::Named(_) => ExprKind::Unsupported("assignment expression (`:=`)"),
        r::Expr::BinOp(b) => ExprKind::BinOp {
            left: boxed(&b.left),
            op: bin_op(b.op),
            right: boxed(&b.right),
        },
        r::Expr::UnaryOp(u) => ExprKind::UnaryOp {
            op: match u.op {
                r::UnaryOp::Invert => UnaryOp::Invert,
                r::UnaryOp::Not => UnaryOp::Not,
                r::UnaryOp::UAdd => UnaryOp::Pos,
                r::UnaryOp::USub => UnaryOp::Neg,
            },
            operand: boxed(&u.operand),
        },
        r::Expr::Lambda(_) => ExprKind::Unsupported("lambda"),
        r::Expr::If(i) => ExprKind::IfExp {
            test: boxed(&i.test),
            body: boxed(&i.body),
            orelse: boxed(&i.orelse),
        },
        r::Expr::Dict(_) => ExprKind::Unsupported("dict display"),
        r::Expr::Set(_) => ExprKind::Unsupported("set display"),
        r::Expr::ListComp(_) => ExprKind::Unsupported("list comprehension"),
        r::Expr::SetComp(_) => ExprKind::Unsupported("set comprehension"),
        r::Expr::DictComp(_) => ExprKind::Unsupported("dict comprehension"),
        r::Expr::Generator(_) => ExprKind::Unsupported("generator expression"),
        r::Expr::Await(_) => ExprKind::Unsupported("`await`"),
        r::Expr::Yield(_) | r::Expr::YieldFrom(_) => {
            ExprKind::Unsupported("`yield` (generator function)")
        }
        r::Expr::Compare(c) => ExprKind::Compare {
            left: boxed(&c.left),
            ops: c.ops.iter().map(|o| cmp_op(*o)).collect(),
            comparators: c.comparators.iter().map(expr).collect(),
        },
        r::Expr::Call(c) => ExprKind::Call {
            func: boxed(&c.func),
            args: c.arguments.args.iter().map(expr).collect(),
            keywords: c
                .arguments
                .keywords
                .iter()
                .map(|k| Keyword {
                    name: k.arg.as_ref().map(|a| a.id.to_string()),
                    value: expr(&k.value),
                    span: sp(k),
                })
                .collect(),
        },
        r::Expr::FString(_) | r::Expr::TString(_) => ExprKind::Unsupported("f-string"),
        r::Expr::StringLiteral(s) => ExprKind::Str(s.value.to_str().to_string()),
        r::Expr::BytesLiteral(_) => ExprKind::Unsupported("bytes literal"),
        r::Expr::NumberLiteral(n) => match &n.value {
            r::Number::Int(i) => ExprKind::Int(int_literal(i)),
            r::Number::Float(f) => ExprKind::Float(*f),
            r::Number::Complex { .. } => ExprKind::Unsupported("complex literal"),
        },
        r::Expr::BooleanLiteral(b) => ExprKind::Bool(b.value),
        r::Expr::NoneLiteral(_) => ExprKind::NoneLit,
        r::Expr::EllipsisLiteral(_) => ExprKind::Unsupported("`...`"),
        r::Expr::Attribute(a) => ExprKind::Attribute {
            value: boxed(&a.value),
            attr: a.attr.id.to_string(),
            attr_span: sp(&a.attr),
        },
        r::Expr::Subscript(s) => ExprKind::Subscript {
            value: boxed(&s.value),
            index: boxed(&s.slice),
        },
        r::Expr::Starred(s) => ExprKind::Starred(boxed(&s.value)),
        r::Expr::Name(n) => ExprKind::Name(n.id.to_string()),
        r::Expr::List(l) => ExprKind::List(l.elts.iter().map(expr).collect()),
        r::Expr::Tuple(t) => ExprKind::Tuple(t.elts.iter().map(expr).collect()),
        r::Expr::Slice(s) => ExprKind::Slice {
            lower: s.lower.as_deref().map(boxed),
            upper: s.upper.as_deref().map(boxed),
            step: s.step.as_deref().map(boxed),
        },
        r::Expr::IpyEscapeCommand(_) => ExprKind::Unsupported("IPython escape command"),
    };
    Expr { kind, span: sp(e) }
}

#[cfg(test)]
mod tests {
    use crate::ast::*;

    #[test]
    fn converts_functions_docstrings_and_elif() {
        let src = "def f(x: int, y=2) -> int:\n    \"doc\"\n    if x:\n        return 1\n    elif y:\n        return 2\n    else:\n        return 3\n";
        let (m, errs) = crate::parse(src);
        assert!(errs.is_empty(), "{errs:?}");
        let StmtKind::FunctionDef(f) = &m.body[0].kind else {
            panic!("not a def")
        };
        assert_eq!(f.doc.as_deref(), Some("doc"));
        assert_eq!(f.params.len(), 2);
        assert!(f.params[1].default.is_some());
        let StmtKind::If { orelse, .. } = &f.body[0].kind else {
            panic!("not an if")
        };
        assert!(matches!(orelse[0].kind, StmtKind::If { .. }));
    }

    #[test]
    fn reports_every_syntax_error_and_big_ints() {
        let (_, errs) = crate::parse("def f(:\n    pass\nx = = 1\n");
        assert!(errs.len() >= 2, "{errs:?}");
        let (m, _) = crate::parse("x = 0x1_0000_0000_0000_0000_0000\n");
        let StmtKind::Assign { value, .. } = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(value.kind, ExprKind::Int(Some(1i128 << 80)));
    }
}
