//! Strings: literals, f-strings, `str`/`repr`/`format`/`print`, `len`, indexing, slicing, `+`,
//! `*`, comparisons, `in`, `int(s)`/`float(s)`, `ord`/`chr`, the common methods, and exception
//! messages made of any string expression.
//!
//! A string is a CPython string object (`Ty::Str`), and every operation is a HIR `Str` node that
//! the runtime carries out with CPython's own functions, so results and messages are CPython's.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{CmpOp, Const, ExcKind, Expr, ExprKind, Stmt, StmtKind, StrOp, Ty};
use pyaot_syntax::ast;

use crate::expr::not;
use crate::func::FnCx;

/// A string operation node.
pub(crate) fn str_node(op: StrOp, args: Vec<Expr>, ty: Ty, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Str { op, args },
        ty,
        span,
    }
}

/// A string literal.
pub(crate) fn lit(s: &str, span: Span) -> Expr {
    str_node(StrOp::Lit(s.to_string()), vec![], Ty::Str, span)
}

/// Whether values of this type have a Python object a string operation can use.
pub(crate) fn has_object(t: &Ty) -> bool {
    match t {
        Ty::Int | Ty::Float | Ty::Bool | Ty::Complex | Ty::Str | Ty::Dict(..) | Ty::Set(_) => true,
        Ty::List(item) | Ty::TupleOf(item) => item.item_desc().is_some(),
        Ty::Tuple(items) => !items.is_empty() && items.iter().all(has_object),
        _ => false,
    }
}

/// The methods of `str`: their argument lists (one per accepted arity) and result type.
fn method_sig(name: &str) -> Option<(Vec<Vec<Ty>>, Ty)> {
    let strs = || Ty::List(Box::new(Ty::Str));
    let (none, one_str) = (vec![vec![]], vec![vec![Ty::Str]]);
    let opt_str = vec![vec![], vec![Ty::Str]];
    Some(match name {
        "lower" | "upper" | "title" | "capitalize" | "casefold" | "swapcase" => (none, Ty::Str),
        "strip" | "lstrip" | "rstrip" => (opt_str, Ty::Str),
        "removeprefix" | "removesuffix" => (one_str, Ty::Str),
        "isdigit" | "isalpha" | "isalnum" | "isspace" | "islower" | "isupper" | "isnumeric"
        | "isdecimal" | "istitle" | "isidentifier" | "isascii" => (none, Ty::Bool),
        "startswith" | "endswith" => (one_str, Ty::Bool),
        "find" | "rfind" | "count" | "index" | "rindex" => (one_str, Ty::Int),
        "replace" => (vec![vec![Ty::Str, Ty::Str]], Ty::Str),
        "zfill" => (vec![vec![Ty::Int]], Ty::Str),
        "center" | "ljust" | "rjust" => (vec![vec![Ty::Int], vec![Ty::Int, Ty::Str]], Ty::Str),
        "split" | "rsplit" => (opt_str, strs()),
        "splitlines" => (none, strs()),
        "join" => (vec![vec![strs()]], Ty::Str),
        _ => return None,
    })
}

impl FnCx<'_, '_> {
    /// An f-string: its parts formatted and joined.
    pub(crate) fn fstring(&mut self, parts: &[ast::FPart], span: Span) -> Option<Expr> {
        let mut pieces = Vec::new();
        for p in parts {
            match p {
                ast::FPart::Lit(s) => pieces.push(lit(s, span)),
                ast::FPart::Field {
                    value,
                    conversion,
                    spec,
                    debug,
                } => {
                    if let Some(d) = debug {
                        pieces.push(lit(d, span));
                    }
                    let v = self.expr(value)?;
                    let spec = self.fstring(spec, span)?;
                    // `{x=}` with neither conversion nor spec shows the repr.
                    let conv = match (conversion, debug, spec_is_empty(&spec)) {
                        (None, Some(_), true) => Some('r'),
                        (c, _, _) => *c,
                    };
                    pieces.push(self.format_value(v, conv, spec, span)?);
                }
            }
        }
        let mut it = pieces.into_iter();
        let first = it.next().unwrap_or_else(|| lit("", span));
        Some(it.fold(first, |acc, p| {
            str_node(StrOp::Concat, vec![acc, p], Ty::Str, span)
        }))
    }

    /// `format(conv(v), spec)`.
    fn format_value(
        &mut self,
        v: Expr,
        conv: Option<char>,
        spec: Expr,
        span: Span,
    ) -> Option<Expr> {
        let v = crate::numeric::to_python(v);
        if !has_object(&v.ty) {
            self.error(
                Code::TypeMismatch,
                format!("a {} cannot be formatted yet", v.ty),
                v.span,
                format!("this is {}", v.ty),
                "format numbers, bools, strings, and tuples, lists, dicts and sets of them (convert NumPy values with float(...) or int(...))",
            );
            return None;
        }
        Some(str_node(
            StrOp::Format { conv },
            vec![v, spec],
            Ty::Str,
            span,
        ))
    }

    /// `str(x)`, `repr(x)`, `format(x[, spec])`, `ord(s)`, `chr(i)` and `print(...)`; `None` when
    /// `name` is none of them.
    pub(crate) fn string_builtin(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Option<Expr>> {
        if !matches!(
            name,
            "str" | "repr" | "format" | "ord" | "chr" | "print" | "bin" | "hex" | "oct"
        ) {
            return None;
        }
        if name == "print" {
            return Some(self.print(args, keywords, span));
        }
        if !keywords.is_empty() {
            self.error(
                Code::ArgumentMismatch,
                format!("{name}() takes no keyword arguments here"),
                span,
                "call",
                "pass the arguments by position",
            );
            return Some(None);
        }
        let counts: &[usize] = match name {
            "str" => &[0, 1],
            "format" => &[1, 2],
            _ => &[1],
        };
        if !counts.contains(&args.len()) {
            self.error(
                Code::ArgumentMismatch,
                format!("{name}() takes {counts:?} arguments, got {}", args.len()),
                span,
                "call",
                "see docs/language.md for the string builtins",
            );
            return Some(None);
        }
        let mut vals = Vec::new();
        for a in args {
            match self.expr(a) {
                Some(v) => vals.push(v),
                None => return Some(None),
            }
        }
        let empty = || lit("", span);
        Some(match name {
            "str" if vals.is_empty() => Some(empty()),
            "str" => {
                let v = vals.remove(0);
                if v.ty == Ty::Str {
                    return Some(Some(v));
                }
                self.format_value(v, Some('s'), empty(), span)
            }
            "repr" => {
                let v = vals.remove(0);
                self.format_value(v, Some('r'), empty(), span)
            }
            "format" => {
                let v = vals.remove(0);
                let spec = match vals.pop() {
                    Some(s) => self.str_arg(s, "format()"),
                    None => Some(empty()),
                };
                spec.and_then(|spec| self.format_value(v, None, spec, span))
            }
            "bin" | "hex" | "oct" => {
                // bin(n) is format(n, '#b'), as CPython defines it; likewise hex and oct.
                let v = vals.remove(0);
                let spec = match name {
                    "bin" => "#b",
                    "hex" => "#x",
                    _ => "#o",
                };
                self.int_arg(v, &format!("{name}()"))
                    .and_then(|v| self.format_value(v, None, lit(spec, span), span))
            }
            "ord" => {
                let v = vals.remove(0);
                self.str_arg(v, "ord()")
                    .map(|s| str_node(StrOp::Ord, vec![s], Ty::Int, span))
            }
            _ => {
                let v = vals.remove(0);
                self.int_arg(v, "chr()")
                    .map(|i| str_node(StrOp::Chr, vec![i], Ty::Str, span))
            }
        })
    }

    /// An argument that must be a string.
    pub(crate) fn str_arg(&mut self, v: Expr, what: &str) -> Option<Expr> {
        if v.ty == Ty::Str {
            return Some(v);
        }
        self.error(
            Code::TypeMismatch,
            format!("{what} needs a str, got {}", v.ty),
            v.span,
            format!("this is {}", v.ty),
            "pass a string",
        );
        None
    }

    /// `print(a, b, ..., sep=..., end=...)`: each value's `str` written to `sys.stdout`.
    fn print(&mut self, args: &[ast::Expr], keywords: &[ast::Keyword], span: Span) -> Option<Expr> {
        let mut sep = None;
        let mut end = None;
        for k in keywords {
            let slot = match k.name.as_deref() {
                Some("sep") => &mut sep,
                Some("end") => &mut end,
                _ => {
                    self.error(
                        Code::ArgumentMismatch,
                        "print() takes only sep= and end= here",
                        k.span,
                        "keyword argument",
                        "print to standard output with sep= and end=",
                    );
                    return None;
                }
            };
            *slot = Some(&k.value);
        }
        let mut stmts = Vec::new();
        let mut texts = Vec::new();
        for a in args {
            let v = self.expr(a)?;
            let t = if v.ty == Ty::Str {
                v
            } else {
                self.format_value(v, Some('s'), lit("", span), span)?
            };
            texts.push(t);
        }
        // sep and end are evaluated after the values, as arguments are; None means the default.
        let text_of = |cx: &mut Self, e: Option<&ast::Expr>, default: &str| match e {
            None
            | Some(ast::Expr {
                kind: ast::ExprKind::NoneLit,
                ..
            }) => Some(lit(default, span)),
            Some(e) => {
                let v = cx.expr(e)?;
                cx.str_arg(v, "print()")
            }
        };
        let sep = text_of(self, sep, " ")?;
        let end = text_of(self, end, "\n")?;
        let mut held = Vec::new();
        for (i, t) in texts.into_iter().enumerate() {
            held.push(self.hidden_as(format!("$print{}_{i}", span.start), t, span, &mut stmts));
        }
        let sep = self.hidden_as(format!("$psep{}", span.start), sep, span, &mut stmts);
        let end = self.hidden_as(format!("$pend{}", span.start), end, span, &mut stmts);
        let write = |e: Expr| Stmt {
            kind: StmtKind::Expr(str_node(StrOp::Write, vec![e], Ty::None, span)),
            span,
        };
        for (i, t) in held.into_iter().enumerate() {
            if i > 0 {
                stmts.push(write(sep.clone()));
            }
            stmts.push(write(t));
        }
        stmts.push(write(end));
        let free_from = stmts.len();
        Some(Expr {
            kind: ExprKind::Block {
                stmts,
                value: Box::new(crate::expr::konst(Const::None, span)),
                free_from,
            },
            ty: Ty::None,
            span,
        })
    }

    /// `s.name(args)` of a string.
    pub(crate) fn str_method(
        &mut self,
        s: Expr,
        name: &str,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        span: Span,
    ) -> Option<Expr> {
        let Some((sigs, ret)) = method_sig(name) else {
            self.error(
                Code::UnknownName,
                format!("str has no supported method `{name}`"),
                span,
                "unknown method",
                "see docs/language.md for the supported string methods",
            );
            return None;
        };
        if let Some(k) = keywords.first() {
            self.error(
                Code::ArgumentMismatch,
                format!("str.{name}() takes no keyword arguments here"),
                k.span,
                "keyword argument",
                "pass the arguments by position",
            );
            return None;
        }
        let Some(sig) = sigs.iter().find(|s| s.len() == args.len()) else {
            self.error(
                Code::ArgumentMismatch,
                format!("str.{name}() does not take {} arguments", args.len()),
                span,
                "call",
                "see docs/language.md for the supported string methods",
            );
            return None;
        };
        let mut vals = vec![s];
        for (a, want) in args.iter().zip(sig.iter()) {
            let v = self.expr_expecting(a, Some(want))?;
            let v = match want {
                Ty::Int => self.int_arg(v, &format!("str.{name}()"))?,
                _ if v.ty == *want => v,
                _ => {
                    self.error(
                        Code::TypeMismatch,
                        format!("str.{name}() needs a {want}, got {}", v.ty),
                        v.span,
                        format!("this is {}", v.ty),
                        format!("pass a {want}"),
                    );
                    return None;
                }
            };
            vals.push(v);
        }
        Some(str_node(StrOp::Method(name.to_string()), vals, ret, span))
    }

    /// `s[i]` and `s[start:stop:step]`.
    pub(crate) fn str_subscript(&mut self, s: Expr, index: &ast::Expr, span: Span) -> Option<Expr> {
        if let ast::ExprKind::Slice { lower, upper, step } = &index.kind {
            let mut args = vec![s];
            let mut omitted = 0u8;
            for (k, b) in [lower, upper, step].into_iter().enumerate() {
                match b.as_deref() {
                    Some(e) if !matches!(e.kind, ast::ExprKind::NoneLit) => {
                        let v = self.expr(e)?;
                        args.push(self.int_arg(v, "a slice bound")?);
                    }
                    _ => {
                        omitted |= 1 << k;
                        args.push(crate::expr::konst(Const::Int(0), span));
                    }
                }
            }
            return Some(str_node(StrOp::Slice { omitted }, args, Ty::Str, span));
        }
        let i = self.expr(index)?;
        let i = self.int_arg(i, "a string index")?;
        Some(str_node(StrOp::Get, vec![s, i], Ty::Str, span))
    }

    /// `a + b`, `s * n`, `n * s` with a string operand; `None` when neither is a string.
    pub(crate) fn str_binary(
        &mut self,
        op: ast::BinOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        match (op, &l.ty, &r.ty) {
            (ast::BinOp::Add, Ty::Str, Ty::Str) => {
                Some(Some(str_node(StrOp::Concat, vec![l, r], Ty::Str, span)))
            }
            (ast::BinOp::Mod, Ty::Str, _) => {
                // printf-style formatting: CPython's own `str.__mod__`.
                if !has_object(&r.ty) {
                    self.error(
                        Code::TypeMismatch,
                        format!("a {} cannot be formatted with %", r.ty),
                        r.span,
                        format!("this is {}", r.ty),
                        "format numbers, strings, or a tuple of them",
                    );
                    return Some(None);
                }
                Some(Some(str_node(
                    StrOp::Method("__mod__".to_string()),
                    vec![l, r],
                    Ty::Str,
                    span,
                )))
            }
            (ast::BinOp::Mul, Ty::Str, _) => {
                let n = self.int_arg(r, "str *")?;
                Some(Some(str_node(StrOp::Repeat, vec![l, n], Ty::Str, span)))
            }
            (ast::BinOp::Mul, _, Ty::Str) => {
                // n * s: n is evaluated first, then the repetition (the same either way).
                let n = self.int_arg(l, "str *")?;
                let mut stmts = Vec::new();
                let n = self.hidden_as(format!("$srep{}", span.start), n, span, &mut stmts);
                let value = str_node(StrOp::Repeat, vec![r, n], Ty::Str, span);
                Some(Some(Expr {
                    kind: ExprKind::Block {
                        free_from: stmts.len(),
                        stmts,
                        value: Box::new(value),
                    },
                    ty: Ty::Str,
                    span,
                }))
            }
            (_, Ty::Str, _) | (_, _, Ty::Str) => {
                self.error(
                    Code::TypeMismatch,
                    format!(
                        "unsupported operand types for {}: {} and {}",
                        op.symbol(),
                        l.ty,
                        r.ty
                    ),
                    span,
                    format!("{} {} {}", l.ty, op.symbol(), r.ty),
                    "strings support + (another str) and * (an int)",
                );
                Some(None)
            }
            _ => None,
        }
    }

    /// `a OP b` of strings and `sub in s`; `None` when no string is involved.
    pub(crate) fn str_compare(
        &mut self,
        op: ast::CmpOp,
        l: Expr,
        r: Expr,
        span: Span,
    ) -> Option<Option<Expr>> {
        use ast::CmpOp::*;
        if !matches!(l.ty, Ty::Str) && !matches!(r.ty, Ty::Str) {
            return None;
        }
        let cmp = match op {
            In | NotIn => {
                let (Ty::Str, Ty::Str) = (&l.ty, &r.ty) else {
                    self.error(
                        Code::TypeMismatch,
                        format!("`in <{}>` needs a str on the left, got {}", r.ty, l.ty),
                        span,
                        "membership",
                        "test a substring: \"ab\" in s",
                    );
                    return Some(None);
                };
                let found = str_node(StrOp::Contains, vec![r, l], Ty::Bool, span);
                return Some(Some(if op == In { found } else { not(found) }));
            }
            Eq => CmpOp::Eq,
            NotEq => CmpOp::Ne,
            Lt => CmpOp::Lt,
            LtE => CmpOp::Le,
            Gt => CmpOp::Gt,
            GtE => CmpOp::Ge,
            _ => return None,
        };
        if l.ty != r.ty {
            // CPython: == and != of a str and a number are False and True; orderings raise.
            self.error(
                Code::TypeMismatch,
                format!("a {} is compared with a {}", l.ty, r.ty),
                span,
                "comparison",
                "compare strings with strings",
            );
            return Some(None);
        }
        Some(Some(str_node(
            StrOp::Compare(cmp),
            vec![l, r],
            Ty::Bool,
            span,
        )))
    }

    /// The truth of a string: not empty.
    pub(crate) fn str_truth(&mut self, s: Expr) -> Expr {
        let span = s.span;
        crate::expr::len_truth(str_node(StrOp::Len, vec![s], Ty::Int, span))
    }

    /// `raise E(message)` with a message that is any expression of a type with a Python object:
    /// the exception gets that object as its argument, as in CPython (`str(e)` is its `str`).
    pub(crate) fn raise_with(
        &mut self,
        exc: ExcKind,
        msg: &ast::Expr,
        span: Span,
    ) -> Option<StmtKind> {
        let v = self.expr(msg)?;
        let v = crate::numeric::to_python(v);
        if !has_object(&v.ty) {
            self.error(
                Code::TypeMismatch,
                format!("a {} cannot be an exception message", v.ty),
                v.span,
                format!("this is {}", v.ty),
                "pass a string, a number or a bool",
            );
            return None;
        }
        Some(StmtKind::Expr(str_node(
            StrOp::Raise(exc),
            vec![v],
            Ty::None,
            span,
        )))
    }
}

/// Whether a format spec is the empty literal.
fn spec_is_empty(spec: &Expr) -> bool {
    matches!(&spec.kind, ExprKind::Str { op: StrOp::Lit(s), .. } if s.is_empty())
}
