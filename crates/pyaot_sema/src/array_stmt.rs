//! Array statements: element stores, augmented element stores and `for x in a`.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Const, Expr, ExprKind, LocalId, Stmt, StmtKind, Ty};
use pyaot_syntax::ast;

use crate::func::FnCx;

impl FnCx<'_, '_> {
    /// `a[i, j] = value`: the value is converted to the element type as NumPy's item assignment does.
    pub(crate) fn store(
        &mut self,
        array: Expr,
        indices: Vec<Expr>,
        value: Expr,
    ) -> Option<StmtKind> {
        let Ty::Array(a) = array.ty else {
            unreachable!("stores go into arrays")
        };
        let complex_ok = value.ty == Ty::Complex && a.dtype.is_complex();
        if !(value.ty.is_numeric() || matches!(value.ty, Ty::Scalar(_)) || complex_ok) {
            self.error(
                Code::TypeMismatch,
                format!(
                    "cannot store a {} into a {} array",
                    value.ty,
                    a.dtype.numpy_name()
                ),
                value.span,
                format!("this is {}", value.ty),
                if value.ty == Ty::Complex {
                    "NumPy raises TypeError here: store z.real, or make the array complex"
                } else {
                    "store a number"
                },
            );
            return None;
        }
        Some(StmtKind::Store {
            array,
            indices,
            value: crate::numeric::to_item(value, a.dtype),
        })
    }

    /// A hidden local holding `value`, assigned in `out` (names start with `$`, so they never clash).
    pub(crate) fn hidden(
        &mut self,
        what: &str,
        value: Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Expr {
        let name = format!("${what}{}", value.span.start);
        let ty = value.ty.clone();
        let id = match self.by_name.get(&name) {
            Some(&id) => id,
            None => self.declare(&name, ty.clone(), span),
        };
        out.push(Stmt {
            kind: StmtKind::Assign { target: id, value },
            span,
        });
        local(id, ty, span)
    }

    /// The hidden local `name` of type `ty`, declared on first use (retyped when an earlier
    /// inference pass saw another type).
    pub(crate) fn scratch(&mut self, name: String, ty: &Ty, span: Span) -> LocalId {
        match self.by_name.get(&name).copied() {
            Some(id) => {
                if self.locals[id.index()].ty != *ty {
                    self.locals[id.index()].ty = ty.clone();
                    self.upgraded = true;
                }
                id
            }
            None => self.declare(&name, ty.clone(), span),
        }
    }

    /// `name = value` into the hidden local `name` (see [`FnCx::scratch`]); a read of it.
    pub(crate) fn hidden_as(
        &mut self,
        name: String,
        value: Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> Expr {
        let ty = value.ty.clone();
        let id = self.scratch(name, &ty, span);
        out.push(Stmt {
            kind: StmtKind::Assign { target: id, value },
            span,
        });
        local(id, ty, span)
    }

    /// `a[i] op= v`: the array and the indices are evaluated once.
    pub(crate) fn aug_store(
        &mut self,
        base: &ast::Expr,
        index: &ast::Expr,
        op: ast::BinOp,
        value: &ast::Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let Some(array) = self.expr(base) else { return };
        let Ty::Array(a) = array.ty else {
            self.error(
                Code::UnsupportedSyntax,
                format!("item assignment into a {} is not supported", array.ty),
                base.span,
                "not an array",
                "only array elements can be assigned",
            );
            return;
        };
        if self.is_fancy_index(index) {
            // `a[mask] op= v` is `a[mask] = a[mask] op v`, with `a` and `mask` evaluated once.
            let mut pre = Vec::new();
            let arr = self.hidden("arr", array, span, &mut pre);
            let Some(idx) = self.expr(index) else { return };
            let idx = self.hidden("idx", idx, span, &mut pre);
            let Some(current) = self.fancy_get_of(arr.clone(), idx.clone(), span) else {
                return;
            };
            let Some(rhs) = self.expr(value) else { return };
            let Some(v) = self.binary(op, current, rhs, span) else {
                return;
            };
            if let Some(call) = self.fancy_set(arr, idx, v, span) {
                out.extend(pre);
                out.push(Stmt {
                    kind: StmtKind::Expr(call),
                    span,
                });
            }
            return;
        }
        let Some(place) = self.index(array, a, index, span) else {
            return;
        };
        let Expr {
            kind: ExprKind::Index { array, indices },
            ty,
            span: ispan,
        } = place
        else {
            // `a[1:] += b`: the view is evaluated once and updated in place.
            let mut pre = Vec::new();
            let view = self.hidden("view", place, span, &mut pre);
            if let Some(k) = self.array_aug_assign(view, op, value, span) {
                out.extend(pre);
                out.push(Stmt { kind: k, span });
            }
            return;
        };
        let mut pre = Vec::new();
        // Python evaluates the array before the indices: hoisting an index hoists the array first,
        // so reading an unbound array local raises before an index does.
        let array = if simple(&array) && indices.iter().all(simple) {
            *array
        } else {
            self.hidden("arr", *array, span, &mut pre)
        };
        let indices: Vec<Expr> = indices
            .into_iter()
            .map(|i| {
                if simple(&i) {
                    i
                } else {
                    self.hidden("idx", i, span, &mut pre)
                }
            })
            .collect();
        let current = Expr {
            kind: ExprKind::Index {
                array: Box::new(array.clone()),
                indices: indices.clone(),
            },
            ty,
            span: ispan,
        };
        let Some(rhs) = self.expr(value) else { return };
        let Some(v) = self.binary(op, current, rhs, span) else {
            return;
        };
        if let Some(k) = self.store(array, indices, v) {
            out.extend(pre);
            out.push(Stmt { kind: k, span });
        }
    }
}

impl FnCx<'_, '_> {
    /// `for idx in np.ndindex(shape)` (or `np.ndindex(n, m)`, `for i, j in ...`): one loop over
    /// every index in C order, the index tuple computed from the position.
    pub(crate) fn for_ndindex(
        &mut self,
        target: &ast::Expr,
        args: &[ast::Expr],
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let mut dims = Vec::new();
        if let [one] = args {
            let Some(v) = self.expr(one) else { return };
            match v.ty.clone() {
                Ty::Tuple(items) if items.iter().all(|t| *t == Ty::Int) => {
                    let t = self.hidden("shape", v, span, out);
                    for k in 0..items.len() {
                        dims.push(Expr {
                            kind: ExprKind::TupleGet {
                                tuple: Box::new(t.clone()),
                                index: k,
                            },
                            ty: Ty::Int,
                            span,
                        });
                    }
                }
                _ => {
                    let Some(d) = self.int_arg(v, "np.ndindex") else {
                        return;
                    };
                    dims.push(self.hidden("dim", d, span, out));
                }
            }
        } else {
            for a in args {
                let Some(v) = self.expr(a) else { return };
                let Some(d) = self.int_arg(v, "np.ndindex") else {
                    return;
                };
                dims.push(self.hidden("dim", d, span, out));
            }
        }
        if dims.is_empty() || dims.len() > 4 {
            self.error(
                Code::ArgumentMismatch,
                "np.ndindex() takes 1 to 4 dimensions here",
                span,
                "np.ndindex",
                "pass a shape such as a.shape, or the sizes",
            );
            return;
        }
        let int = |v: i64| Expr {
            kind: ExprKind::Const(Const::Int(v)),
            ty: Ty::Int,
            span,
        };
        // total = d0 * d1 * ...; stride_k = d_{k+1} * ...
        let mut total = int(1);
        for d in &dims {
            let Some(t) = self.binary(ast::BinOp::Mul, total, d.clone(), span) else {
                return;
            };
            total = t;
        }
        let counter = format!("$k{}", span.start);
        let k = match self.by_name.get(&counter) {
            Some(&id) => id,
            None => self.declare(&counter, Ty::Int, span),
        };
        let mut parts = Vec::new();
        for j in 0..dims.len() {
            let mut stride = int(1);
            for d in &dims[j + 1..] {
                let Some(s) = self.binary(ast::BinOp::Mul, stride, d.clone(), span) else {
                    return;
                };
                stride = s;
            }
            let pos = local(k, Ty::Int, span);
            let Some(q) = self.binary(ast::BinOp::FloorDiv, pos, stride, span) else {
                return;
            };
            let Some(r) = self.binary(ast::BinOp::Mod, q, dims[j].clone(), span) else {
                return;
            };
            parts.push(r);
        }
        self.loop_depth += 1;
        let mut inner = Vec::new();
        match &target.kind {
            ast::ExprKind::Name(name) => {
                let ty = Ty::Tuple(vec![Ty::Int; parts.len()]);
                let Some(var) = self.assign_local(name, &ty, target.span) else {
                    self.loop_depth -= 1;
                    return;
                };
                inner.push(Stmt {
                    kind: StmtKind::Assign {
                        target: var,
                        value: Expr {
                            kind: ExprKind::Tuple(parts),
                            ty,
                            span,
                        },
                    },
                    span,
                });
            }
            ast::ExprKind::Tuple(names) if names.len() == parts.len() => {
                for (n, p) in names.iter().zip(parts) {
                    let ast::ExprKind::Name(name) = &n.kind else {
                        self.error(
                            Code::UnsupportedSyntax,
                            "the loop variables must be plain names",
                            n.span,
                            "loop target",
                            "write `for i, j in np.ndindex(n, m)`",
                        );
                        self.loop_depth -= 1;
                        return;
                    };
                    let Some(var) = self.assign_local(name, &Ty::Int, n.span) else {
                        self.loop_depth -= 1;
                        return;
                    };
                    inner.push(Stmt {
                        kind: StmtKind::Assign {
                            target: var,
                            value: p,
                        },
                        span,
                    });
                }
            }
            _ => {
                self.error(
                    Code::UnsupportedSyntax,
                    "this loop target does not match the index tuples of np.ndindex",
                    target.span,
                    "loop target",
                    "write `for idx in np.ndindex(shape)` or one name per dimension",
                );
                self.loop_depth -= 1;
                return;
            }
        }
        inner.extend(self.block(body));
        self.loop_depth -= 1;
        let orelse = self.block(orelse);
        out.push(Stmt {
            kind: StmtKind::ForRange {
                var: k,
                start: int(0),
                stop: total,
                step: int(1),
                body: inner,
                orelse,
            },
            span,
        });
    }

    /// `x, y, z = a` for an array: its elements (or rows), after checking that it has exactly that
    /// many (ValueError otherwise, as CPython's unpacking).
    pub(crate) fn unpack_array(
        &mut self,
        names: &[ast::Expr],
        value: Expr,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let Ty::Array(a) = value.ty else {
            unreachable!("called for arrays")
        };
        let arr = self.hidden("unpack", value, span, out);
        let Some(len) = self.array_len(arr.clone(), span) else {
            return;
        };
        let n = names.len() as i64;
        let int = |v: i64| Expr {
            kind: ExprKind::Const(Const::Int(v)),
            ty: Ty::Int,
            span,
        };
        // CPython's messages: the length decides which, and a short one is named.
        let cmp = |op, l: Expr, r: Expr| Expr {
            kind: ExprKind::Compare {
                operands: vec![l, r],
                ops: vec![(op, pyaot_hir::CmpKind::Int)],
            },
            ty: Ty::Bool,
            span,
        };
        let raise = |msg: String| Stmt {
            kind: StmtKind::Raise {
                exc: pyaot_hir::ExcKind::ValueError,
                msg: Some(msg),
            },
            span,
        };
        let branch = |cond, then: Stmt, otherwise: Vec<Stmt>| Stmt {
            kind: StmtKind::If {
                cond,
                then_body: vec![then],
                else_body: otherwise,
            },
            span,
        };
        let mut short = Vec::new();
        for got in (0..n).rev() {
            let msg = format!("not enough values to unpack (expected {n}, got {got})");
            short = vec![branch(
                cmp(pyaot_hir::CmpOp::Eq, len.clone(), int(got)),
                raise(msg),
                short,
            )];
        }
        let long = raise(format!("too many values to unpack (expected {n})"));
        out.push(branch(
            cmp(pyaot_hir::CmpOp::Gt, len.clone(), int(n)),
            long,
            short,
        ));
        for (k, t) in names.iter().enumerate() {
            let (ty, kind) = if a.ndim == 1 {
                (
                    Ty::Scalar(a.dtype),
                    ExprKind::Index {
                        array: Box::new(arr.clone()),
                        indices: vec![int(k as i64)],
                    },
                )
            } else {
                (
                    Ty::Array(pyaot_hir::ArrayTy {
                        ndim: a.ndim - 1,
                        ..a
                    }),
                    ExprKind::View {
                        array: Box::new(arr.clone()),
                        items: vec![pyaot_hir::ViewItem::Index(int(k as i64))],
                    },
                )
            };
            let item = Expr { kind, ty, span };
            self.bind(t, item, out);
        }
    }
}

/// A local read.
fn local(id: LocalId, ty: Ty, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Local(id),
        ty,
        span,
    }
}

/// Whether re-evaluating the expression is free of effects and cheap.
fn simple(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Local(_) | ExprKind::Const(_))
}
