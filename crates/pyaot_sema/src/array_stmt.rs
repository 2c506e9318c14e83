//! Array statements: element stores, augmented element stores and `for x in a`.

use pyaot_diagnostics::{Code, Span};
use pyaot_hir::{Const, Expr, ExprKind, LocalId, Stmt, StmtKind, Ty};
use pyaot_syntax::ast;

use crate::func::FnCx;
use crate::numeric::to_dtype;

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

    /// `for x in a` over a 1-D array: a range loop over a hidden copy of the array reference.
    /// Returns false when `iter` is not an array (the caller reports the error).
    pub(crate) fn for_array(
        &mut self,
        target: &ast::Expr,
        index_target: Option<&ast::Expr>,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> bool {
        let quiet = self.quiet;
        self.quiet = true;
        let probe = self.expr(iter);
        self.quiet = quiet;
        let a = match probe.map(|p| p.ty) {
            Some(Ty::Array(a)) => a,
            Some(Ty::Tuple(items)) if !items.is_empty() && items.iter().all(|t| *t == items[0]) => {
                return self.for_tuple(target, index_target, iter, body, orelse, span, out);
            }
            _ => return false,
        };
        let Some(array) = self.expr(iter) else {
            return true;
        };
        let ast::ExprKind::Name(name) = &target.kind else {
            self.error(
                Code::UnsupportedSyntax,
                "the loop variable must be a plain name",
                target.span,
                "loop target",
                "write `for x in a`",
            );
            return true;
        };
        let arr = self.hidden("iter", array, span, out);
        let counter = format!("$i{}", iter.span.start);
        let i = match self.by_name.get(&counter) {
            Some(&id) => id,
            None => self.declare(&counter, Ty::Int, span),
        };
        // A 1-D array gives its elements, a deeper one its rows (views), as in NumPy.
        let (elem_ty, kind) = if a.ndim == 1 {
            (
                Ty::Scalar(a.dtype),
                ExprKind::Index {
                    array: Box::new(arr.clone()),
                    indices: vec![local(i, Ty::Int, span)],
                },
            )
        } else {
            let row = pyaot_hir::ArrayTy {
                ndim: a.ndim - 1,
                ..a
            };
            (
                Ty::Array(row),
                ExprKind::View {
                    array: Box::new(arr.clone()),
                    items: vec![pyaot_hir::ViewItem::Index(local(i, Ty::Int, span))],
                },
            )
        };
        let Some(var) = self.assign_local(name, &elem_ty, target.span) else {
            return true;
        };
        let var_ty = self.locals[var.index()].ty.clone();
        let element = Expr {
            kind,
            ty: elem_ty,
            span: iter.span,
        };
        let element = match var_ty {
            Ty::Scalar(d) => to_dtype(element, d),
            ref want @ Ty::Array(_) => crate::numeric::as_array_param(element, want),
            _ => element,
        };
        self.loop_depth += 1;
        let mut inner = self.position(index_target, i, span);
        inner.push(Stmt {
            kind: StmtKind::Assign {
                target: var,
                value: element,
            },
            span,
        });
        inner.extend(self.block(body));
        self.loop_depth -= 1;
        let orelse = self.block(orelse);
        let len = self.array_len(arr, span).expect("a 1-D array has a length");
        let int = |v: i64| Expr {
            kind: ExprKind::Const(Const::Int(v)),
            ty: Ty::Int,
            span,
        };
        out.push(Stmt {
            kind: StmtKind::ForRange {
                var: i,
                start: int(0),
                stop: len,
                step: int(1),
                body: inner,
                orelse,
            },
            span,
        });
        true
    }
}

impl FnCx<'_, '_> {
    /// `i = counter` at the start of an `enumerate` loop's body (nothing without an index target).
    fn position(
        &mut self,
        index_target: Option<&ast::Expr>,
        counter: LocalId,
        span: Span,
    ) -> Vec<Stmt> {
        let Some(t) = index_target else {
            return Vec::new();
        };
        let ast::ExprKind::Name(name) = &t.kind else {
            self.error(
                Code::UnsupportedSyntax,
                "the loop variables must be plain names",
                t.span,
                "loop target",
                "write `for i, x in enumerate(a)`",
            );
            return Vec::new();
        };
        let Some(var) = self.assign_local(name, &Ty::Int, t.span) else {
            return Vec::new();
        };
        vec![Stmt {
            kind: StmtKind::Assign {
                target: var,
                value: local(counter, Ty::Int, span),
            },
            span,
        }]
    }

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
        let differs = Expr {
            kind: ExprKind::Compare {
                operands: vec![len, int(n)],
                ops: vec![(pyaot_hir::CmpOp::Ne, pyaot_hir::CmpKind::Int)],
            },
            ty: Ty::Bool,
            span,
        };
        out.push(Stmt {
            kind: StmtKind::If {
                cond: differs,
                then_body: vec![Stmt {
                    kind: StmtKind::Raise {
                        exc: pyaot_hir::ExcKind::ValueError,
                        msg: Some(format!(
                            "the array does not hold exactly {n} values to unpack"
                        )),
                    },
                    span,
                }],
                else_body: Vec::new(),
            },
            span,
        });
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
            if let Some(kind) = self.assign(t, item) {
                out.push(Stmt { kind, span });
            }
        }
    }

    /// `for x in t` over a tuple of items of one type: a range loop over a hidden copy of the tuple.
    fn for_tuple(
        &mut self,
        target: &ast::Expr,
        index_target: Option<&ast::Expr>,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) -> bool {
        let Some(tuple) = self.expr(iter) else {
            return true;
        };
        let Ty::Tuple(items) = tuple.ty.clone() else {
            unreachable!("probed as a tuple")
        };
        let ast::ExprKind::Name(name) = &target.kind else {
            self.error(
                Code::UnsupportedSyntax,
                "the loop variable must be a plain name",
                target.span,
                "loop target",
                "write `for x in (a, b, c)`",
            );
            return true;
        };
        let tup = self.hidden("tuple", tuple, span, out);
        let counter = format!("$i{}", iter.span.start);
        let i = match self.by_name.get(&counter) {
            Some(&id) => id,
            None => self.declare(&counter, Ty::Int, span),
        };
        let elem_ty = items[0].clone();
        let Some(var) = self.assign_local(name, &elem_ty, target.span) else {
            return true;
        };
        let var_ty = self.locals[var.index()].ty.clone();
        let element = Expr {
            kind: ExprKind::TupleAt {
                tuple: Box::new(tup),
                index: Box::new(local(i, Ty::Int, span)),
            },
            ty: elem_ty,
            span: iter.span,
        };
        let element = match var_ty {
            Ty::Scalar(d) => to_dtype(element, d),
            ref want @ Ty::Array(_) => crate::numeric::as_array_param(element, want),
            _ => element,
        };
        self.loop_depth += 1;
        let mut inner = self.position(index_target, i, span);
        inner.push(Stmt {
            kind: StmtKind::Assign {
                target: var,
                value: element,
            },
            span,
        });
        inner.extend(self.block(body));
        self.loop_depth -= 1;
        let orelse = self.block(orelse);
        let int = |v: i64| Expr {
            kind: ExprKind::Const(Const::Int(v)),
            ty: Ty::Int,
            span,
        };
        out.push(Stmt {
            kind: StmtKind::ForRange {
                var: i,
                start: int(0),
                stop: int(items.len() as i64),
                step: int(1),
                body: inner,
                orelse,
            },
            span,
        });
        true
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
