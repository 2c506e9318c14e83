//! Element-wise array expressions (`Map`): broadcasting, the result array and one loop nest.
//!
//! The inputs are evaluated once, left to right. The result shape is NumPy's broadcast of the array
//! inputs' shapes, checked before any element is computed. The loop nest runs over the result in C
//! order; each level advances one address per array input by that input's stride along the level
//! (0 where the input is broadcast), so an element costs one load per input and no index arithmetic.

use pyaot_hir::{ArrayTy, Expr};
use pyaot_mir::{BinOp, Cmp, ExcKind, MTy, Operand, Rvalue};
use pyaot_types::Ty;

use crate::builder::int;
use crate::func::FnLower;

/// One evaluated input of a map.
pub(crate) enum Input {
    /// A scalar, read as it is (two operands for a complex number).
    Scalar(Vec<Operand>),
    /// An array's words and type.
    Array(ArrayTy, Vec<Operand>),
}

impl FnLower<'_> {
    /// A map materialised into a new C-contiguous array.
    pub fn map(&mut self, ty: &Ty, inputs: &[Expr], body: &Expr) -> Vec<Operand> {
        let Ty::Array(out) = *ty else {
            self.ice("a map has an array type")
        };
        let vals = self.map_inputs(inputs);
        let dims = self.broadcast_shape(out.ndim as usize, &vals);
        let (slot, _) = self.allocate(ty, &dims, false);
        let dst: Vec<Operand> = slot.into_iter().map(Operand::Local).collect();
        self.map_into(out, &dst, &vals, body);
        dst
    }

    /// Evaluates the inputs of a map in order.
    pub(crate) fn map_inputs(&mut self, inputs: &[Expr]) -> Vec<Input> {
        inputs
            .iter()
            .map(|i| match &i.ty {
                Ty::Array(a) => {
                    let a = *a;
                    Input::Array(a, self.expr(i))
                }
                _ => Input::Scalar(self.expr(i)),
            })
            .collect()
    }

    /// NumPy's broadcast of the array inputs' shapes to `ndim` dimensions (aligned on the right);
    /// ValueError when two sizes differ and neither is 1.
    pub(crate) fn broadcast_shape(&mut self, ndim: usize, vals: &[Input]) -> Vec<Operand> {
        let msg = self.msg("operands could not be broadcast together");
        let mut dims = vec![int(1); ndim];
        for v in vals {
            let Input::Array(a, ops) = v else { continue };
            let m = a.ndim as usize;
            for k in 0..m {
                let j = ndim - m + k;
                let d = ops[2 + k];
                if matches!(dims[j], Operand::Const(_)) && dims[j] == int(1) {
                    dims[j] = d;
                    continue;
                }
                let r = dims[j];
                let d_not_one = self.b.cmp(Cmp::Ne, d, int(1));
                let r_not_one = self.b.cmp(Cmp::Ne, r, int(1));
                let differ = self.b.cmp(Cmp::Ne, r, d);
                let both = self.b.binary(BinOp::And, d_not_one, r_not_one);
                let bad = self.b.binary(BinOp::And, both, differ);
                self.b.raise_if(bad, ExcKind::ValueError, msg);
                dims[j] = self.b.emit(MTy::I64, Rvalue::Select(d_not_one, d, r));
            }
        }
        dims
    }

    /// Computes a map into the array `dst` (of type `out`), whose shape the inputs broadcast to.
    pub(crate) fn map_into(&mut self, out: ArrayTy, dst: &[Operand], vals: &[Input], body: &Expr) {
        let n = out.ndim as usize;
        let dims: Vec<Operand> = dst[2..2 + n].to_vec();
        // The stride of every array (the destination last) along each result dimension.
        let mut strides: Vec<Vec<Operand>> = Vec::new();
        let mut bases: Vec<Operand> = Vec::new();
        for v in vals {
            if let Input::Array(a, ops) = v {
                strides.push(self.aligned_strides(*a, ops, n));
                bases.push(ops[1]);
            }
        }
        strides.push((0..n).map(|k| self.stride_of(out, dst, k)).collect());
        bases.push(dst[1]);
        let all_contig = out.contig
            && vals.iter().all(|v| {
                matches!(
                    v,
                    Input::Scalar(_) | Input::Array(ArrayTy { contig: true, .. }, _)
                )
            });
        if n == 0 || (n == 1 && all_contig) {
            self.map_level(out, &dims, &strides, &bases, vals, body, 0);
            return;
        }
        // When every array is C-contiguous with the result's shape (no broadcasting), one flat
        // loop with constant strides does: the usual case, and much cheaper per element.
        let mut flat = self.is_c_contiguous(out, dst);
        for v in vals {
            if let Input::Array(a, ops) = v {
                if a.ndim as usize != n {
                    flat = Operand::Const(pyaot_mir::MConst::Bool(false));
                    continue;
                }
                let c = self.is_c_contiguous(*a, ops);
                flat = self.b.binary(BinOp::And, flat, c);
                for k in 0..n {
                    let same = self.b.cmp(Cmp::Eq, ops[2 + k], dims[k]);
                    flat = self.b.binary(BinOp::And, flat, same);
                }
            }
        }
        let flat_bb = self.b.new_block();
        let nest_bb = self.b.new_block();
        let join = self.b.new_block();
        self.b.branch(flat, flat_bb, nest_bb);
        self.b.switch_to(flat_bb);
        let mut total = int(1);
        for &d in &dims {
            total = self.b.binary(BinOp::IMul, total, d);
        }
        let flat_strides: Vec<Vec<Operand>> = vals
            .iter()
            .filter_map(|v| match v {
                Input::Array(a, _) => Some(vec![int(a.dtype.itemsize())]),
                Input::Scalar(_) => None,
            })
            .chain(std::iter::once(vec![int(out.dtype.itemsize())]))
            .collect();
        self.map_level(out, &[total], &flat_strides, &bases, vals, body, 0);
        self.b.goto(join);
        self.b.switch_to(nest_bb);
        self.map_level(out, &dims, &strides, &bases, vals, body, 0);
        self.b.goto(join);
        self.b.switch_to(join);
    }

    /// The byte stride of dimension `k` (a constant for the last one of a C-contiguous array).
    fn stride_of(&self, a: ArrayTy, ops: &[Operand], k: usize) -> Operand {
        let n = a.ndim as usize;
        if a.contig && k + 1 == n {
            int(a.dtype.itemsize())
        } else {
            ops[2 + n + k]
        }
    }

    /// An input's strides along the `n` result dimensions: 0 where it has no such dimension or size 1.
    fn aligned_strides(&mut self, a: ArrayTy, ops: &[Operand], n: usize) -> Vec<Operand> {
        let m = a.ndim as usize;
        let mut out = vec![int(0); n - m];
        for k in 0..m {
            let s = self.stride_of(a, ops, k);
            let one = self.b.cmp(Cmp::Eq, ops[2 + k], int(1));
            out.push(self.b.emit(MTy::I64, Rvalue::Select(one, int(0), s)));
        }
        out
    }

    /// The loops from dimension `level` inward, with the current address of every array.
    #[allow(clippy::too_many_arguments)]
    fn map_level(
        &mut self,
        out: ArrayTy,
        dims: &[Operand],
        strides: &[Vec<Operand>],
        bases: &[Operand],
        vals: &[Input],
        body: &Expr,
        level: usize,
    ) {
        if level == dims.len() {
            let mut elems = Vec::new();
            let mut arrays = 0;
            for v in vals {
                match v {
                    Input::Scalar(ops) => elems.push(ops.clone()),
                    Input::Array(a, _) => {
                        elems.push(self.load_elem(a.dtype, bases[arrays]));
                        arrays += 1;
                    }
                }
            }
            self.elems.push(elems);
            let v = self.expr(body);
            self.elems.pop();
            self.store_elem(out.dtype, bases[arrays], &v);
            return;
        }
        self.counted_loop(dims[level], |cx, i| {
            let next: Vec<Operand> = bases
                .iter()
                .zip(strides)
                .map(|(&base, s)| {
                    let off = cx.b.binary(BinOp::IMul, i, s[level]);
                    cx.b.binary(BinOp::IAdd, base, off)
                })
                .collect();
            cx.map_level(out, dims, strides, &next, vals, body, level + 1);
        });
    }

    /// `target[...] = value` where `value` is a map: broadcast checks against the target's shape,
    /// inputs that overlap the target copied first, then the loop writing into the target.
    pub fn store_each(&mut self, target: &Expr, value: &Expr) {
        let (Ty::Array(t), pyaot_hir::ExprKind::Map { inputs, body }) = (&target.ty, &value.kind)
        else {
            self.ice("an element-wise store writes a map into an array")
        };
        let t = *t;
        if may_raise(body) {
            // NumPy computes such a value into a temporary before writing: an error leaves the
            // target unchanged.
            let Ty::Array(v) = value.ty else {
                self.ice("a map has an array type")
            };
            let tmp = self.map(&value.ty, inputs, body);
            let dst = self.expr(target);
            self.check_broadcast_into(v, &tmp, t, &dst);
            let elem = Expr {
                kind: pyaot_hir::ExprKind::Elem(0),
                ty: Ty::Scalar(v.dtype),
                span: value.span,
            };
            self.map_into(t, &dst, &[Input::Array(v, tmp)], &elem);
            return;
        }
        // Python evaluates the value, then the target; NumPy converts a scalar value only once
        // the target is found (an IndexError or UnboundLocalError comes before an OverflowError).
        let mut pending = Vec::new();
        let mut vals = Vec::new();
        for i in inputs {
            match &i.ty {
                Ty::Array(a) => {
                    let a = *a;
                    vals.push(Input::Array(a, self.expr(i)));
                    pending.push(Vec::new());
                }
                _ => {
                    let (raw, casts) = crate::expr::split_casts(i);
                    vals.push(Input::Scalar(self.expr(raw)));
                    pending.push(casts);
                }
            }
        }
        let dst = self.expr(target);
        for (v, casts) in vals.iter_mut().zip(&pending) {
            if let Input::Scalar(ops) = v {
                *ops = self.apply_casts(casts, std::mem::take(ops));
            }
        }
        let mut safe = Vec::new();
        for v in vals {
            let Input::Array(a, ops) = v else {
                safe.push(v);
                continue;
            };
            self.check_broadcast_into(a, &ops, t, &dst);
            safe.push(self.unaliased(a, ops, t, &dst));
        }
        self.map_into(t, &dst, &safe, body);
    }

    /// ValueError unless array `a` broadcasts to the shape of `dst` (of type `t`).
    fn check_broadcast_into(&mut self, a: ArrayTy, ops: &[Operand], t: ArrayTy, dst: &[Operand]) {
        let n = t.ndim as usize;
        let msg = self.msg("could not broadcast input array into the shape of the output");
        let m = a.ndim as usize;
        for k in 0..m {
            let (d, want) = (ops[2 + k], dst[2 + n - m + k]);
            let one = self.b.cmp(Cmp::Eq, d, int(1));
            let same = self.b.cmp(Cmp::Eq, d, want);
            let ok = self.b.binary(BinOp::Or, one, same);
            let bad = self.b.negate(ok);
            self.b.raise_if(bad, ExcKind::ValueError, msg);
        }
    }

    /// An input that may share memory with the destination `dst` (other than element for element)
    /// is replaced by a copy, so every element is read before any is written, as NumPy guarantees.
    fn unaliased(&mut self, a: ArrayTy, ops: Vec<Operand>, t: ArrayTy, dst: &[Operand]) -> Input {
        let n = t.ndim as usize;
        let (lo_a, hi_a, empty_a) = self.extent(a, &ops);
        let (lo_t, hi_t, empty_t) = self.extent(t, dst);
        let c1 = self.b.cmp(Cmp::Lt, lo_a, hi_t);
        let c2 = self.b.cmp(Cmp::Lt, lo_t, hi_a);
        let mut overlap = self.b.binary(BinOp::And, c1, c2);
        for e in [empty_a, empty_t] {
            let ne = self.b.negate(e);
            overlap = self.b.binary(BinOp::And, overlap, ne);
        }
        let mut identical = self.b.cmp(Cmp::Eq, ops[1], dst[1]);
        let aligned = self.aligned_strides(a, &ops, n);
        for (k, s) in aligned.into_iter().enumerate() {
            let ts = self.stride_of(t, dst, k);
            let eq = self.b.cmp(Cmp::Eq, s, ts);
            identical = self.b.binary(BinOp::And, identical, eq);
        }
        let distinct = self.b.negate(identical);
        let mut copy = self.b.binary(BinOp::And, overlap, distinct);
        if n == 1 && a.ndim == 1 {
            // A 1-D input of the target's length and positive stride that starts at or after it
            // is only read ahead of the (forward) writes: `u[1:-1] += u[2:]` copies no `u[2:]`.
            let (sa, st) = (self.stride_of(a, &ops, 0), self.stride_of(t, dst, 0));
            let same = self.b.cmp(Cmp::Eq, sa, st);
            let forward = self.b.cmp(Cmp::Gt, st, int(0));
            let after = self.b.cmp(Cmp::Ge, ops[1], dst[1]);
            let full = self.b.cmp(Cmp::Eq, ops[2], dst[2]);
            let ahead = self.b.binary(BinOp::And, same, forward);
            let ahead = self.b.binary(BinOp::And, ahead, after);
            let ahead = self.b.binary(BinOp::And, ahead, full);
            let behind = self.b.negate(ahead);
            copy = self.b.binary(BinOp::And, copy, behind);
        }
        let strided = ArrayTy { contig: false, ..a };
        let ty = Ty::Array(strided);
        let words = self.fresh(&ty);
        let copy_bb = self.b.new_block();
        let keep_bb = self.b.new_block();
        let join = self.b.new_block();
        self.b.branch(copy, copy_bb, keep_bb);
        self.b.switch_to(copy_bb);
        let copied = self.copy_array(
            &Ty::Array(ArrayTy { contig: true, ..a }),
            &Ty::Array(a),
            ops.clone(),
        );
        self.copy_into(&words, &copied);
        self.b.goto(join);
        self.b.switch_to(keep_bb);
        self.copy_into(&words, &ops);
        self.b.goto(join);
        self.b.switch_to(join);
        Input::Array(strided, words.into_iter().map(Operand::Local).collect())
    }

    /// The byte range `[lo, hi)` an array's elements lie in, and whether it has no elements.
    fn extent(&mut self, a: ArrayTy, ops: &[Operand]) -> (Operand, Operand, Operand) {
        let n = a.ndim as usize;
        let mut lo = ops[1];
        let mut hi = self.b.binary(BinOp::IAdd, ops[1], int(a.dtype.itemsize()));
        let mut empty = pyaot_mir::Operand::Const(pyaot_mir::MConst::Bool(false));
        for k in 0..n {
            let d = ops[2 + k];
            let s = self.stride_of(a, ops, k);
            let zero = self.b.cmp(Cmp::Eq, d, int(0));
            empty = self.b.binary(BinOp::Or, empty, zero);
            let last = self.b.binary(BinOp::ISub, d, int(1));
            let span = self.b.binary(BinOp::IMul, last, s);
            let neg = self.b.cmp(Cmp::Lt, span, int(0));
            let down = self.b.emit(MTy::I64, Rvalue::Select(neg, span, int(0)));
            let up = self.b.emit(MTy::I64, Rvalue::Select(neg, int(0), span));
            lo = self.b.binary(BinOp::IAdd, lo, down);
            hi = self.b.binary(BinOp::IAdd, hi, up);
        }
        (lo, hi, empty)
    }
}

/// Whether computing a map's elements can raise (an integer power with a negative exponent):
/// then the value is computed into a temporary before the target is written.
fn may_raise(body: &Expr) -> bool {
    let mut raises = false;
    body.walk(&mut |e| {
        if let pyaot_hir::ExprKind::Binary {
            op: pyaot_hir::BinaryOp::Pow,
            lhs,
            ..
        } = &e.kind
        {
            raises |= matches!(lhs.ty, Ty::Scalar(d) if !d.is_float()) || lhs.ty == Ty::Int;
        }
    });
    raises
}
