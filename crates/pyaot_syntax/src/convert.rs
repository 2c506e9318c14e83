//! Conversion from ruff's syntax tree to [`crate::ast`].

use ruff_python_ast as r;
use ruff_text_size::{Ranged, TextRange};

use crate::ast::*;

/// Stamps ruff's text ranges with the file they come from.
#[derive(Clone, Copy)]
pub(crate) struct Converter {
    pub file: FileId,
}

impl Converter {
    pub(crate) fn span(&self, range: TextRange) -> Span {
        Span::new(self.file, range.start().to_u32(), range.end().to_u32())
    }

    fn sp(&self, node: &impl Ranged) -> Span {
        self.span(node.range())
    }

    /// The `for` clauses of a comprehension.
    fn clauses(&self, gens: &[r::Comprehension]) -> Vec<Comprehension> {
        gens.iter()
            .map(|c| Comprehension {
                target: self.expr(&c.target),
                iter: self.expr(&c.iter),
                ifs: c.ifs.iter().map(|x| self.expr(x)).collect(),
                is_async: c.is_async,
                span: self.sp(c),
            })
            .collect()
    }

    /// The parts of an f-string's elements, appended to `out`.
    fn fparts(&self, elements: &r::InterpolatedStringElements, out: &mut Vec<FPart>) {
        for e in elements.iter() {
            match e {
                r::InterpolatedStringElement::Literal(l) => {
                    out.push(FPart::Lit(l.value.to_string()))
                }
                r::InterpolatedStringElement::Interpolation(x) => {
                    let mut spec = Vec::new();
                    if let Some(s) = &x.format_spec {
                        self.fparts(&s.elements, &mut spec);
                    }
                    let conversion = match x.conversion {
                        r::ConversionFlag::None => None,
                        r::ConversionFlag::Str => Some('s'),
                        r::ConversionFlag::Repr => Some('r'),
                        r::ConversionFlag::Ascii => Some('a'),
                    };
                    let debug = x
                        .debug_text
                        .as_ref()
                        .map(|d| format!("{}{}{}", d.leading(), d.expression(), d.trailing()));
                    out.push(FPart::Field {
                        value: self.boxed(&x.expression),
                        conversion,
                        spec,
                        debug,
                    });
                }
            }
        }
    }

    pub(crate) fn module(&self, m: &r::ModModule) -> Module {
        let (doc, body) = split_docstring(&m.body);
        Module {
            doc,
            body: self.stmts(body),
            line_starts: Vec::new(),
        }
    }

    fn stmts(&self, body: &[r::Stmt]) -> Vec<Stmt> {
        body.iter().map(|x| self.stmt(x)).collect()
    }

    fn stmt(&self, s: &r::Stmt) -> Stmt {
        let kind = match s {
            r::Stmt::FunctionDef(f) => StmtKind::FunctionDef(Box::new(self.function_def(f))),
            r::Stmt::ClassDef(c) => StmtKind::ClassDef {
                name: c.name.id.to_string(),
            },
            r::Stmt::Return(ret) => StmtKind::Return(ret.value.as_deref().map(|x| self.expr(x))),
            r::Stmt::Delete(d) => {
                StmtKind::Delete(d.targets.iter().map(|t| self.expr(t)).collect())
            }
            r::Stmt::TypeAlias(_) => StmtKind::Unsupported("type alias"),
            r::Stmt::Assign(a) => StmtKind::Assign {
                targets: a.targets.iter().map(|x| self.expr(x)).collect(),
                value: self.expr(&a.value),
            },
            r::Stmt::AugAssign(a) => StmtKind::AugAssign {
                target: self.expr(&a.target),
                op: bin_op(a.op),
                value: self.expr(&a.value),
            },
            r::Stmt::AnnAssign(a) => StmtKind::AnnAssign {
                target: self.expr(&a.target),
                annotation: self.expr(&a.annotation),
                value: a.value.as_deref().map(|x| self.expr(x)),
            },
            r::Stmt::For(f) if f.is_async => StmtKind::Unsupported("`async for` loop"),
            r::Stmt::For(f) => StmtKind::For {
                target: self.expr(&f.target),
                iter: self.expr(&f.iter),
                body: self.stmts(&f.body),
                orelse: self.stmts(&f.orelse),
            },
            r::Stmt::While(w) => StmtKind::While {
                test: self.expr(&w.test),
                body: self.stmts(&w.body),
                orelse: self.stmts(&w.orelse),
            },
            r::Stmt::If(i) => self.if_chain(&i.test, &i.body, &i.elif_else_clauses),
            r::Stmt::With(_) => StmtKind::Unsupported("`with` statement"),
            r::Stmt::Match(_) => StmtKind::Unsupported("`match` statement"),
            r::Stmt::Raise(raise) => StmtKind::Raise {
                exc: raise.exc.as_deref().map(|x| self.expr(x)),
                has_cause: raise.cause.is_some(),
            },
            r::Stmt::Try(_) => StmtKind::Unsupported("`try` statement"),
            r::Stmt::Assert(a) => StmtKind::Assert {
                test: self.expr(&a.test),
                msg: a.msg.as_deref().map(|x| self.expr(x)),
            },
            r::Stmt::Import(i) => StmtKind::Import(i.names.iter().map(|x| self.alias(x)).collect()),
            // A relative import keeps its dots: `from ..util import f` has module `..util`.
            r::Stmt::ImportFrom(i) => StmtKind::ImportFrom {
                module: format!(
                    "{}{}",
                    ".".repeat(i.level as usize),
                    i.module.as_ref().map(|m| m.id.as_str()).unwrap_or_default()
                ),
                names: i.names.iter().map(|x| self.alias(x)).collect(),
            },
            r::Stmt::Global(_) => StmtKind::Unsupported("`global` statement"),
            r::Stmt::Nonlocal(n) => {
                StmtKind::Nonlocal(n.names.iter().map(|i| i.id.to_string()).collect())
            }
            r::Stmt::Expr(e) => StmtKind::Expr(self.expr(&e.value)),
            r::Stmt::Pass(_) => StmtKind::Pass,
            r::Stmt::Break(_) => StmtKind::Break,
            r::Stmt::Continue(_) => StmtKind::Continue,
            r::Stmt::IpyEscapeCommand(_) => StmtKind::Unsupported("IPython escape command"),
        };
        Stmt {
            kind,
            span: self.sp(s),
        }
    }

    /// `if`/`elif`/`else` as nested `If` statements.
    fn if_chain(
        &self,
        test: &r::Expr,
        body: &[r::Stmt],
        clauses: &[r::ElifElseClause],
    ) -> StmtKind {
        let orelse = match clauses.split_first() {
            None => Vec::new(),
            Some((first, rest)) => match &first.test {
                None => self.stmts(&first.body),
                Some(t) => vec![Stmt {
                    kind: self.if_chain(t, &first.body, rest),
                    span: self.sp(first),
                }],
            },
        };
        StmtKind::If {
            test: self.expr(test),
            body: self.stmts(body),
            orelse,
        }
    }

    fn alias(&self, a: &r::Alias) -> Alias {
        Alias {
            name: a.name.id.to_string(),
            asname: a.asname.as_ref().map(|n| n.id.to_string()),
            span: self.sp(a),
        }
    }

    fn function_def(&self, f: &r::StmtFunctionDef) -> FunctionDef {
        let p = &f.parameters;
        let mut unsupported = Vec::new();
        if let Some(v) = &p.vararg {
            unsupported.push((self.sp(&**v), "`*args` parameter"));
        }
        if let Some(k) = &p.kwarg {
            unsupported.push((self.sp(&**k), "`**kwargs` parameter"));
        }
        for a in &p.posonlyargs {
            unsupported.push((self.sp(a), "positional-only parameter"));
        }
        for a in &p.kwonlyargs {
            unsupported.push((self.sp(a), "keyword-only parameter"));
        }
        if let Some(tp) = &f.type_params {
            unsupported.push((self.sp(&**tp), "type parameter list"));
        }
        let params = p
            .args
            .iter()
            .map(|a| Param {
                name: a.parameter.name.id.to_string(),
                span: self.sp(&a.parameter),
                annotation: a.parameter.annotation.as_deref().map(|x| self.expr(x)),
                default: a.default.as_deref().map(|x| self.expr(x)),
            })
            .collect();
        let (doc, body) = split_docstring(&f.body);
        FunctionDef {
            name: f.name.id.to_string(),
            name_span: self.sp(&f.name),
            params,
            unsupported_params: unsupported,
            returns: f.returns.as_deref().map(|x| self.expr(x)),
            decorators: f
                .decorator_list
                .iter()
                .map(|d| self.expr(&d.expression))
                .collect(),
            doc,
            body: self.stmts(body),
            is_async: f.is_async,
            nested_in: None,
            free_params: 0,
        }
    }

    fn boxed(&self, e: &r::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn expr(&self, e: &r::Expr) -> Expr {
        let kind = match e {
            r::Expr::BoolOp(b) => ExprKind::BoolOp {
                op: match b.op {
                    r::BoolOp::And => BoolOp::And,
                    r::BoolOp::Or => BoolOp::Or,
                },
                values: b.values.iter().map(|x| self.expr(x)).collect(),
            },
            r::Expr::Named(_) => ExprKind::Unsupported("assignment expression (`:=`)"),
            r::Expr::BinOp(b) => ExprKind::BinOp {
                left: self.boxed(&b.left),
                op: bin_op(b.op),
                right: self.boxed(&b.right),
            },
            r::Expr::UnaryOp(u) => ExprKind::UnaryOp {
                op: match u.op {
                    r::UnaryOp::Invert => UnaryOp::Invert,
                    r::UnaryOp::Not => UnaryOp::Not,
                    r::UnaryOp::UAdd => UnaryOp::Pos,
                    r::UnaryOp::USub => UnaryOp::Neg,
                },
                operand: self.boxed(&u.operand),
            },
            r::Expr::Lambda(l) => match l.parameters.as_deref() {
                Some(p)
                    if !p.posonlyargs.is_empty()
                        || p.vararg.is_some()
                        || !p.kwonlyargs.is_empty()
                        || p.kwarg.is_some()
                        || p.args.iter().any(|a| a.default.is_some()) =>
                {
                    ExprKind::Unsupported("lambda with defaults or special parameters")
                }
                p => ExprKind::Lambda {
                    params: p.map_or_else(Vec::new, |p| {
                        p.args
                            .iter()
                            .map(|a| a.parameter.name.id.to_string())
                            .collect()
                    }),
                    body: self.boxed(&l.body),
                },
            },
            r::Expr::If(i) => ExprKind::IfExp {
                test: self.boxed(&i.test),
                body: self.boxed(&i.body),
                orelse: self.boxed(&i.orelse),
            },
            r::Expr::Dict(d) if d.items.iter().all(|i| i.key.is_some()) => ExprKind::Dict(
                d.items
                    .iter()
                    .filter_map(|i| i.key.as_ref().map(|k| (self.expr(k), self.expr(&i.value))))
                    .collect(),
            ),
            r::Expr::Dict(_) => ExprKind::Unsupported("`**` in a dict display"),
            r::Expr::Set(s) => ExprKind::Set(s.elts.iter().map(|x| self.expr(x)).collect()),
            r::Expr::ListComp(g) => ExprKind::ListComp {
                elt: self.boxed(&g.elt),
                clauses: self.clauses(&g.generators),
            },
            r::Expr::SetComp(g) => ExprKind::SetComp {
                elt: self.boxed(&g.elt),
                clauses: self.clauses(&g.generators),
            },
            r::Expr::DictComp(g) => match &g.key {
                Some(key) => ExprKind::DictComp {
                    key: self.boxed(key),
                    value: self.boxed(&g.value),
                    clauses: self.clauses(&g.generators),
                },
                None => ExprKind::Unsupported("`**` in a dict comprehension"),
            },
            r::Expr::Generator(g) => ExprKind::Generator {
                elt: self.boxed(&g.elt),
                clauses: self.clauses(&g.generators),
            },
            r::Expr::Await(_) => ExprKind::Unsupported("`await`"),
            r::Expr::Yield(_) | r::Expr::YieldFrom(_) => {
                ExprKind::Unsupported("`yield` (generator function)")
            }
            r::Expr::Compare(c) => ExprKind::Compare {
                left: self.boxed(&c.left),
                ops: c.ops.iter().map(|o| cmp_op(*o)).collect(),
                comparators: c.comparators.iter().map(|x| self.expr(x)).collect(),
            },
            r::Expr::Call(c) => ExprKind::Call {
                func: self.boxed(&c.func),
                args: c.arguments.args.iter().map(|x| self.expr(x)).collect(),
                keywords: c
                    .arguments
                    .keywords
                    .iter()
                    .map(|k| Keyword {
                        name: k.arg.as_ref().map(|a| a.id.to_string()),
                        value: self.expr(&k.value),
                        span: self.sp(k),
                    })
                    .collect(),
            },
            r::Expr::FString(f) => {
                let mut parts = Vec::new();
                for part in f.value.iter() {
                    match part {
                        r::FStringPart::Literal(s) => parts.push(FPart::Lit(s.value.to_string())),
                        r::FStringPart::FString(fs) => self.fparts(&fs.elements, &mut parts),
                    }
                }
                ExprKind::FString(parts)
            }
            r::Expr::TString(_) => ExprKind::Unsupported("template string"),
            r::Expr::StringLiteral(s) => ExprKind::Str(s.value.to_str().to_string()),
            r::Expr::BytesLiteral(_) => ExprKind::Unsupported("bytes literal"),
            r::Expr::NumberLiteral(n) => match &n.value {
                r::Number::Int(i) => ExprKind::Int(int_literal(i)),
                r::Number::Float(f) => ExprKind::Float(*f),
                r::Number::Complex { imag, .. } => ExprKind::Imaginary(*imag),
            },
            r::Expr::BooleanLiteral(b) => ExprKind::Bool(b.value),
            r::Expr::NoneLiteral(_) => ExprKind::NoneLit,
            r::Expr::EllipsisLiteral(_) => ExprKind::Ellipsis,
            r::Expr::Attribute(a) => ExprKind::Attribute {
                value: self.boxed(&a.value),
                attr: a.attr.id.to_string(),
                attr_span: self.sp(&a.attr),
            },
            r::Expr::Subscript(s) => ExprKind::Subscript {
                value: self.boxed(&s.value),
                index: self.boxed(&s.slice),
            },
            r::Expr::Starred(s) => ExprKind::Starred(self.boxed(&s.value)),
            r::Expr::Name(n) => ExprKind::Name(n.id.to_string()),
            r::Expr::List(l) => ExprKind::List(l.elts.iter().map(|x| self.expr(x)).collect()),
            r::Expr::Tuple(t) => ExprKind::Tuple(t.elts.iter().map(|x| self.expr(x)).collect()),
            r::Expr::Slice(s) => ExprKind::Slice {
                lower: s.lower.as_deref().map(|x| self.boxed(x)),
                upper: s.upper.as_deref().map(|x| self.boxed(x)),
                step: s.step.as_deref().map(|x| self.boxed(x)),
            },
            r::Expr::IpyEscapeCommand(_) => ExprKind::Unsupported("IPython escape command"),
        };
        Expr {
            kind,
            span: self.sp(e),
        }
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

#[cfg(test)]
mod tests {
    use crate::ast::*;

    #[test]
    fn converts_functions_docstrings_and_elif() {
        let src = "def f(x: int, y=2) -> int:\n    \"doc\"\n    if x:\n        return 1\n    elif y:\n        return 2\n    else:\n        return 3\n";
        let (m, errs) = crate::parse(src, FileId(0));
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
        let (_, errs) = crate::parse("def f(:\n    pass\nx = = 1\n", FileId(0));
        assert!(errs.len() >= 2, "{errs:?}");
        let (m, _) = crate::parse("x = 0x1_0000_0000_0000_0000_0000\n", FileId(0));
        let StmtKind::Assign { value, .. } = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(value.kind, ExprKind::Int(Some(1i128 << 80)));
    }
}
