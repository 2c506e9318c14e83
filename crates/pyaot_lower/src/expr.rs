//! Expressions: every HIR expression becomes MIR operands, one per scalar leaf of its type.

use pyaot_hir::{CastKind, CmpKind, CmpOp, Const, Expr, ExprKind, LogicOp};
use pyaot_mir::{
    BinOp, Callee, CastOp, Cmp, ExcKind, FuncId, Local, MTy, Operand, RtFn, Rvalue, UnOp,
};
use pyaot_types::Ty;

use crate::builder::{boolean, float, int};
use crate::complex::is_complex;
use crate::func::FnLower;

impl FnLower<'_> {
    /// Lowers an expression to its flattened operands, evaluating it exactly once.
    pub fn expr(&mut self, e: &Expr) -> Vec<Operand> {
        match &e.kind {
            ExprKind::Const(c) => const_operands(c),
            ExprKind::Local(l) => {
                if self.unbound.checked_reads.contains(&(e as *const Expr)) {
                    let free = self.unbound.free_reads.contains(&(e as *const Expr));
                    self.check_assigned(*l, free);
                }
                self.var(*l).iter().map(|x| Operand::Local(*x)).collect()
            }
            // Zero when the local has no value (codegen initialises every local).
            ExprKind::LocalUnchecked(l) => {
                self.var(*l).iter().map(|x| Operand::Local(*x)).collect()
            }
            // Without a flag, the analysis found the local assigned wherever this is asked.
            ExprKind::Assigned(l) => vec![match self.flags[l.index()] {
                Some(flag) => Operand::Local(flag),
                None => boolean(true),
            }],
            ExprKind::Binary { op, lhs, rhs } => {
                let (a, b) = self.operands(lhs, rhs);
                if is_complex(&lhs.ty) {
                    return self.complex_binary(*op, &lhs.ty, &a, &b);
                }
                vec![self.binary(*op, &lhs.ty, a[0], b[0])]
            }
            ExprKind::Unary { op, operand } => {
                if is_complex(&operand.ty) {
                    let a = self.expr(operand);
                    return self.complex_neg(*op, &a);
                }
                let a = self.scalar(operand);
                vec![self.unary(*op, &operand.ty, a)]
            }
            ExprKind::Not(operand) => {
                let a = self.scalar(operand);
                vec![self.not(a)]
            }
            ExprKind::Compare { operands, ops } => vec![self.compare(operands, ops)],
            ExprKind::Logic { op, lhs, rhs } => self.logic(*op, lhs, rhs, &e.ty),
            ExprKind::Seq { effect, value } => {
                self.expr(effect);
                self.expr(value)
            }
            ExprKind::Block { stmts, value, .. } => {
                self.stmts(stmts);
                if self.b.cur.is_none() {
                    self.ice("a block expression whose statements never finish");
                }
                self.expr(value)
            }
            ExprKind::IfExp {
                cond,
                then_expr,
                else_expr,
            } => {
                let c = self.scalar(cond);
                let res = self.fresh(&e.ty);
                let then_bb = self.b.new_block();
                let else_bb = self.b.new_block();
                let join = self.b.new_block();
                self.b.branch(c, then_bb, else_bb);
                for (bb, arm) in [(then_bb, then_expr), (else_bb, else_expr)] {
                    self.b.switch_to(bb);
                    let v = self.expr(arm);
                    self.copy_into(&res, &v);
                    self.b.goto(join);
                }
                self.b.switch_to(join);
                res.into_iter().map(Operand::Local).collect()
            }
            ExprKind::Call { func, args } => {
                let mut ops = Vec::new();
                for a in args {
                    ops.extend(self.expr(a));
                }
                let dests: Vec<Local> = if crate::func::owner_positions(&e.ty).is_empty() {
                    self.callee_rets(*func)
                        .into_iter()
                        .map(|t| self.b.temp(t))
                        .collect()
                } else {
                    self.new_ref_slot(&e.ty)
                };
                self.b
                    .call(Callee::Func(FuncId(func.0)), ops, dests.clone());
                dests.into_iter().map(Operand::Local).collect()
            }
            ExprKind::Intrinsic {
                func: pyaot_hir::Intrinsic::ArraySize,
                args,
            } => vec![self.size(&args[0])],
            ExprKind::Index { array, indices } => self.index(array, indices),
            ExprKind::Shape(array) => self.shape(array),
            ExprKind::Strides(array) => self.strides(array),
            ExprKind::PartView { array, imag } => self.part_view(array, *imag),
            ExprKind::NewArray { init, dims } => {
                let d: Vec<Operand> = dims.iter().map(|x| self.scalar(x)).collect();
                self.new_array(&e.ty, init, d)
            }
            ExprKind::NewArrayLike { init, source } => {
                let d = self.shape(source);
                self.new_array(&e.ty, init, d)
            }
            ExprKind::CopyArray(source) => {
                let src = self.expr(source);
                self.copy_array(&e.ty, &source.ty, src)
            }
            ExprKind::Arange { start, stop, step } => self.arange(&e.ty, start, stop, step),
            ExprKind::Map { inputs, body } => self.map(&e.ty, inputs, body),
            ExprKind::ArrayLiteral { dims, items } => self.array_literal(&e.ty, dims, items),
            ExprKind::View { array, items } => self.view(array, items),
            ExprKind::Reshape { array, dims } => self.reshape(&e.ty, array, dims),
            ExprKind::Transpose { array, axes } => self.transpose(array, axes),
            ExprKind::List { op, args } => self.list_op(&e.ty, *op, args),
            ExprKind::Str { op, args } => self.str_op(&e.ty, op, args),
            ExprKind::Obj { op, args } => self.obj_op(&e.ty, op, args),
            ExprKind::Gpu { op, args } => self.gpu_op(&e.ty, op, args),
            ExprKind::Elem(k) => {
                let elems = self
                    .elems
                    .last()
                    .unwrap_or_else(|| self.ice("an element outside a map"));
                elems[*k as usize].clone()
            }
            ExprKind::Intrinsic {
                func: pyaot_hir::Intrinsic::BlasGemm,
                args,
            } => vec![self.blas_gemm(args)],
            ExprKind::Intrinsic { func, args } => {
                let tys: Vec<Ty> = args.iter().map(|a| a.ty.clone()).collect();
                if is_complex(&e.ty) || tys.iter().any(is_complex) {
                    let ops: Vec<Vec<Operand>> = args.iter().map(|a| self.expr(a)).collect();
                    return self.complex_intrinsic(*func, &tys, &e.ty, ops);
                }
                let mut ops = Vec::new();
                for a in args {
                    ops.push(self.scalar(a));
                }
                vec![self.intrinsic(*func, &tys, ops)]
            }
            ExprKind::Cast { kind, operand, .. } => {
                let a = self.expr(operand);
                self.convert(*kind, &operand.ty, &e.ty, a)
            }
            ExprKind::Tuple(items) => {
                let mut ops = Vec::new();
                for it in items {
                    ops.extend(self.expr(it));
                }
                ops
            }
            ExprKind::TupleAt { tuple, index } => self.tuple_at(tuple, index),
            ExprKind::TupleGet { tuple, index } => {
                let ops = self.expr(tuple);
                let Some(items) = tuple.ty.parts() else {
                    self.ice(&format!("tuple index into a {}", tuple.ty))
                };
                if *index >= items.len() {
                    self.ice(&format!(
                        "tuple index {index} out of range for {}",
                        tuple.ty
                    ));
                }
                let start: usize = items[..*index].iter().map(|t| t.flatten().len()).sum();
                let len = items[*index].flatten().len();
                ops[start..start + len].to_vec()
            }
        }
    }

    /// `tuple[index]` of a tuple of equal items, the index known at run time.
    fn tuple_at(&mut self, tuple: &Expr, index: &Expr) -> Vec<Operand> {
        let Ty::Tuple(items) = &tuple.ty else {
            self.ice("indexing a non-tuple")
        };
        let n = items.len();
        let ops = self.expr(tuple);
        let i = self.scalar(index);
        let neg = self.b.cmp(Cmp::Lt, i, int(0));
        let wrapped = self.b.binary(BinOp::IAdd, i, int(n as i64));
        let j = self.b.emit(MTy::I64, Rvalue::Select(neg, wrapped, i));
        let ok = self.b.binary(BinOp::UCmp(Cmp::Lt), j, int(n as i64));
        let bad = self.b.negate(ok);
        let msg = self.msg("tuple index out of range");
        self.b.raise_if(bad, ExcKind::IndexError, msg);
        if n == 0 {
            self.b.terminate(pyaot_mir::Terminator::Unreachable);
            self.b.cur = None;
            return Vec::new();
        }
        let width = ops.len() / n;
        let leaves = self.leaf_mtys(&items[0]);
        (0..width)
            .map(|p| {
                let t = leaves[p];
                let mut v = ops[(n - 1) * width + p];
                for k in (0..n - 1).rev() {
                    let here = self.b.cmp(Cmp::Eq, j, int(k as i64));
                    v = self.b.emit(t, Rvalue::Select(here, ops[k * width + p], v));
                }
                v
            })
            .collect()
    }

    /// Lowers an expression of scalar type to its one operand.
    pub fn scalar(&mut self, e: &Expr) -> Operand {
        let ops = self.expr(e);
        match ops.as_slice() {
            [op] => *op,
            _ => self.ice(&format!(
                "expected a scalar expression, found one of type {}",
                e.ty
            )),
        }
    }

    /// Fresh temporaries for a value of type `ty`.
    pub fn fresh(&mut self, ty: &Ty) -> Vec<Local> {
        self.leaf_mtys(ty)
            .into_iter()
            .map(|m| self.b.temp(m))
            .collect()
    }

    /// Assigns operands to locals in order (the caller guarantees they do not overlap).
    pub fn copy_into(&mut self, dests: &[Local], ops: &[Operand]) {
        if dests.len() != ops.len() {
            self.ice("value and target have different shapes");
        }
        for (d, o) in dests.iter().zip(ops) {
            self.b.assign(*d, Rvalue::Use(*o));
        }
    }

    /// Raises UnboundLocalError unless the local's flag is set.
    /// Raises UnboundLocalError when `local` is unassigned (NameError for a `free` read, one
    /// from inside a comprehension), with CPython's message.
    fn check_assigned(&mut self, local: pyaot_hir::LocalId, free: bool) {
        let Some(flag) = self.flags[local.index()] else {
            self.ice("checked read of a local without a flag")
        };
        let name = &self.func.locals[local.index()].name;
        let (exc, text) = if free {
            (
                ExcKind::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            (
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        };
        let msg = self.msg(&text);
        let fail = self.b.raise_block(exc, msg);
        let ok = self.b.new_block();
        self.b.branch(Operand::Local(flag), ok, fail);
        self.b.switch_to(ok);
    }

    /// `not x` of a `Bool`.
    fn not(&mut self, a: Operand) -> Operand {
        match a {
            Operand::Const(pyaot_mir::MConst::Bool(v)) => boolean(!v),
            _ => self.b.unary(UnOp::BNot, a),
        }
    }

    /// Python truthiness of a scalar (`x != 0`; NaN is true); a complex one is true when either part is.
    pub fn truth_of(&mut self, ty: &Ty, a: &[Operand]) -> Operand {
        match a {
            [x] => self.truth(ty, *x),
            [re, im] if is_complex(ty) => {
                let part = ty.flatten().remove(0);
                let r = self.truth(&part, *re);
                let i = self.truth(&part, *im);
                self.b.binary(BinOp::Or, r, i)
            }
            _ => self.ice(&format!("truth test of a {ty}")),
        }
    }

    /// Python truthiness of a scalar (`x != 0`; NaN is true).
    pub fn truth(&mut self, ty: &Ty, a: Operand) -> Operand {
        match ty {
            Ty::Bool => a,
            Ty::Int => self.b.cmp(Cmp::Ne, a, int(0)),
            Ty::Float => self.b.cmp(Cmp::Ne, a, float(0.0)),
            Ty::Scalar(d) => match pyaot_mir::dtype_mty(*d) {
                MTy::Bool => a,
                MTy::F32 => self
                    .b
                    .cmp(Cmp::Ne, a, Operand::Const(pyaot_mir::MConst::F32(0.0))),
                MTy::F64 | MTy::F64x2 => self.b.cmp(Cmp::Ne, a, float(0.0)),
                MTy::I64 | MTy::I64x2 => self.b.cmp(Cmp::Ne, a, int(0)),
                MTy::Ref => self.ice("truth test of a reference"),
            },
            _ => self.ice(&format!("truth test of a {ty}")),
        }
    }

    /// The two operands of a binary operator, evaluated left to right and completely before any
    /// conversion that combines them: in `1000 * a[5]` with an int8 `a`, the IndexError of `a[5]`
    /// comes before the range check of 1000 against int8, as in CPython.
    fn operands(&mut self, lhs: &Expr, rhs: &Expr) -> (Vec<Operand>, Vec<Operand>) {
        let (inner, casts) = split_casts(lhs);
        let a = self.expr(inner);
        let b = self.expr(rhs);
        (self.apply_casts(&casts, a), b)
    }

    /// Applies conversions found by [`split_casts`] to the value of the expression inside them.
    pub(crate) fn apply_casts(
        &mut self,
        casts: &[Conversion],
        mut a: Vec<Operand>,
    ) -> Vec<Operand> {
        for &(kind, from, to) in casts.iter().rev() {
            a = self.convert(kind, from, to, a);
        }
        a
    }

    /// The value `a` of type `from` converted by `kind` to `to`.
    fn convert(&mut self, kind: CastKind, from: &Ty, to: &Ty, a: Vec<Operand>) -> Vec<Operand> {
        if is_complex(from) || is_complex(to) {
            return self.complex_convert(kind, from, to, &a);
        }
        let [x] = a[..] else {
            self.ice(&format!("a conversion of a {from}"))
        };
        vec![match kind {
            CastKind::ToDtype => self.convert_to_dtype(from, to, x),
            CastKind::ToItem => self.convert_to_item(from, to, x),
            CastKind::FromDtype => self.convert_from_dtype(from, to, x),
            _ => self.cast(kind, from, x),
        }]
    }

    /// An explicit conversion.
    fn cast(&mut self, kind: CastKind, from: &Ty, a: Operand) -> Operand {
        match kind {
            CastKind::IntToFloat => self.b.emit(MTy::F64, Rvalue::Cast(CastOp::IToF, a)),
            CastKind::BoolToInt => self.b.emit(MTy::I64, Rvalue::Cast(CastOp::BToI, a)),
            CastKind::BoolToFloat => self.b.emit(MTy::F64, Rvalue::Cast(CastOp::BToF, a)),
            CastKind::Truth => self.truth(from, a),
            CastKind::FloatToInt => self.float_to_int(a),
            CastKind::ToDtype | CastKind::ToItem | CastKind::FromDtype | CastKind::ToComplex => {
                self.ice("these conversions are lowered with their target type")
            }
        }
    }

    /// `a and b` / `a or b`: the deciding operand, evaluating `b` only when needed.
    fn logic(&mut self, op: LogicOp, lhs: &Expr, rhs: &Expr, ty: &Ty) -> Vec<Operand> {
        let a = self.expr(lhs);
        let t = match ty {
            // A tuple is true when it is non-empty; sema should not produce this, but it is well defined.
            Ty::Tuple(items) => boolean(!items.is_empty()),
            _ => self.truth_of(ty, &a),
        };
        let res = self.fresh(ty);
        self.copy_into(&res, &a);
        let rhs_bb = self.b.new_block();
        let join = self.b.new_block();
        match op {
            LogicOp::And => self.b.branch(t, rhs_bb, join),
            LogicOp::Or => self.b.branch(t, join, rhs_bb),
        }
        self.b.switch_to(rhs_bb);
        let v = self.expr(rhs);
        self.copy_into(&res, &v);
        self.b.goto(join);
        self.b.switch_to(join);
        res.into_iter().map(Operand::Local).collect()
    }

    /// A comparison chain: each operand once, left to right, stopping at the first false comparison.
    fn compare(&mut self, operands: &[Expr], ops: &[(CmpOp, CmpKind)]) -> Operand {
        if operands.len() != ops.len() + 1 || ops.is_empty() {
            self.ice("malformed comparison chain");
        }
        // The first two operands are both evaluated before the first one's conversion can raise.
        let (mut lhs, first_rhs) = self.operands(&operands[0], &operands[1]);
        if ops.len() == 1 {
            return self.compare_one(ops[0].0, ops[0].1, &lhs, &first_rhs);
        }
        let res = self.b.temp(MTy::Bool);
        let done = self.b.new_block();
        for (i, (op, kind)) in ops.iter().enumerate() {
            let rhs = if i == 0 {
                first_rhs.clone()
            } else {
                self.expr(&operands[i + 1])
            };
            let c = self.compare_one(*op, *kind, &lhs, &rhs);
            self.b.assign(res, Rvalue::Use(c));
            if i + 1 == ops.len() {
                self.b.goto(done);
            } else {
                let next = self.b.new_block();
                self.b.branch(c, next, done);
                self.b.switch_to(next);
            }
            lhs = rhs;
        }
        self.b.switch_to(done);
        Operand::Local(res)
    }

    /// One comparison of two scalars.
    fn compare_one(&mut self, op: CmpOp, kind: CmpKind, a: &[Operand], b: &[Operand]) -> Operand {
        if kind == CmpKind::Complex {
            return self.complex_eq(op, a, b);
        }
        let (a, b) = (a[0], b[0]);
        match kind {
            CmpKind::Int | CmpKind::Float | CmpKind::Bool => self.b.cmp(cmp_of(op), a, b),
            CmpKind::UInt => self.b.binary(BinOp::UCmp(cmp_of(op)), a, b),
            CmpKind::IntFloat => {
                let r = self.b.call_rt(RtFn::CmpIntFloat, vec![a, b]);
                self.cmp_result(op, r)
            }
            CmpKind::FloatInt => {
                let r = self.b.call_rt(RtFn::CmpIntFloat, vec![b, a]);
                self.cmp_result(mirror(op), r)
            }
            CmpKind::Complex => unreachable!("handled above"),
        }
    }

    /// Interprets a `CmpIntFloat` result (-1, 0, 1, or 2 for NaN, where only `!=` holds).
    fn cmp_result(&mut self, op: CmpOp, r: Operand) -> Operand {
        match op {
            CmpOp::Eq => self.b.cmp(Cmp::Eq, r, int(0)),
            CmpOp::Ne => self.b.cmp(Cmp::Ne, r, int(0)),
            CmpOp::Lt => self.b.cmp(Cmp::Eq, r, int(-1)),
            CmpOp::Le => self.b.cmp(Cmp::Le, r, int(0)),
            CmpOp::Gt => self.b.cmp(Cmp::Eq, r, int(1)),
            // 0 or 1: unsigned `r < 2` excludes -1 and 2.
            CmpOp::Ge => self.b.binary(BinOp::UCmp(Cmp::Lt), r, int(2)),
        }
    }
}

/// The MIR comparison of a HIR comparison operator.
fn cmp_of(op: CmpOp) -> Cmp {
    match op {
        CmpOp::Eq => Cmp::Eq,
        CmpOp::Ne => Cmp::Ne,
        CmpOp::Lt => Cmp::Lt,
        CmpOp::Le => Cmp::Le,
        CmpOp::Gt => Cmp::Gt,
        CmpOp::Ge => Cmp::Ge,
    }
}

/// The operator with its operands swapped: `a < b` is `b > a`.
fn mirror(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => CmpOp::Ne,
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
    }
}

/// One conversion: its kind, the type it converts from and the type it gives.
pub(crate) type Conversion<'a> = (CastKind, &'a Ty, &'a Ty);

/// `e` without its outer implicit conversions, and those conversions from the outermost in.
/// An explicit conversion (`int(x)`) is part of the value: the split stops there.
pub(crate) fn split_casts(mut e: &Expr) -> (&Expr, Vec<Conversion<'_>>) {
    let mut casts = Vec::new();
    while let ExprKind::Cast {
        kind,
        operand,
        explicit: false,
    } = &e.kind
    {
        casts.push((*kind, &operand.ty, &e.ty));
        e = operand;
    }
    (e, casts)
}

/// The operands of a constant, one per scalar leaf of its type.
fn const_operands(c: &Const) -> Vec<Operand> {
    match c {
        Const::Int(v) => vec![int(*v)],
        Const::Float(v) => vec![float(*v)],
        Const::Bool(v) => vec![boolean(*v)],
        Const::Complex(re, im) => vec![float(*re), float(*im)],
        Const::Tuple(items) => items.iter().flat_map(const_operands).collect(),
        Const::None | Const::Dtype(_) | Const::ScalarType(_) | Const::Func(_) => vec![],
    }
}
