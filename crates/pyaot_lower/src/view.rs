//! Views: basic indexing (`a[1:-1]`, `m[i]`, `m[:, j]`, `a[::-1]`, `a[None]`) as new words over
//! the same memory and the same owner.
//!
//! A view is not a new reference: like a local read, it borrows its base's owner, which the base's
//! holder keeps alive for as long as the expression runs; a local or a return that keeps the view
//! takes its own reference.

use pyaot_hir::{ArrayTy, Expr, ViewItem};
use pyaot_mir::{BinOp, Cmp, ExcKind, MTy, Operand, RtFn, Rvalue, Terminator};
use pyaot_types::Ty;

use crate::builder::int;
use crate::func::FnLower;

impl FnLower<'_> {
    /// The words of `array[items]`.
    pub fn view(&mut self, array: &Expr, items: &[ViewItem]) -> Vec<Operand> {
        let Ty::Array(a) = array.ty else {
            self.ice("a view of a non-array")
        };
        let ops = self.expr(array);
        let n = a.ndim as usize;
        let mut data = ops[1];
        let mut dims = Vec::new();
        let mut strides = Vec::new();
        let mut axis = 0;
        for item in items {
            match item {
                ViewItem::NewAxis => {
                    dims.push(int(1));
                    strides.push(int(0));
                }
                ViewItem::Index(i) => {
                    let i = self.scalar(i);
                    let (len, stride) = (ops[2 + axis], self.axis_stride(a, &ops, axis));
                    let j = self.checked_index(i, axis, len);
                    let off = self.b.binary(BinOp::IMul, j, stride);
                    data = self.b.binary(BinOp::IAdd, data, off);
                    axis += 1;
                }
                ViewItem::Slice { start, stop, step } => {
                    let start = start.as_ref().map(|e| self.scalar(e));
                    let stop = stop.as_ref().map(|e| self.scalar(e));
                    let step = step.as_ref().map(|e| self.scalar(e));
                    let (len, stride) = (ops[2 + axis], self.axis_stride(a, &ops, axis));
                    let (first, count, step) = self.slice_indices(len, start, stop, step);
                    let off = self.b.binary(BinOp::IMul, first, stride);
                    data = self.b.binary(BinOp::IAdd, data, off);
                    dims.push(count);
                    strides.push(self.b.binary(BinOp::IMul, stride, step));
                    axis += 1;
                }
            }
        }
        for k in axis..n {
            dims.push(ops[2 + k]);
            strides.push(self.axis_stride(a, &ops, k));
        }
        let mut words = vec![ops[0], data];
        words.extend(dims);
        words.extend(strides);
        words
    }

    /// The byte stride of an axis (a constant for the last axis of a C-contiguous array).
    fn axis_stride(&self, a: ArrayTy, ops: &[Operand], k: usize) -> Operand {
        let n = a.ndim as usize;
        if a.contig && k + 1 == n {
            int(a.dtype.itemsize())
        } else {
            ops[2 + n + k]
        }
    }

    /// An index into an axis of length `len`, negative counting from the end; IndexError outside
    /// (checked even with bounds checks off: a view escapes to Python).
    fn checked_index(&mut self, i: Operand, axis: usize, len: Operand) -> Operand {
        let neg = self.b.cmp(Cmp::Lt, i, int(0));
        let wrapped = self.b.binary(BinOp::IAdd, i, len);
        let j = self.b.emit(MTy::I64, Rvalue::Select(neg, wrapped, i));
        let ok = self.b.binary(BinOp::UCmp(Cmp::Lt), j, len);
        let good = self.b.new_block();
        let bad = self.b.new_block();
        self.b.branch(ok, good, bad);
        self.b.switch_to(bad);
        self.b
            .call_rt(RtFn::IndexError, vec![i, int(axis as i64), len]);
        self.b.terminate(Terminator::Unreachable);
        self.b.switch_to(good);
        j
    }

    /// Python's `slice(start, stop, step).indices(len)` and the slice's length: the first index, the
    /// number of elements and the step. A zero step raises ValueError.
    fn slice_indices(
        &mut self,
        len: Operand,
        start: Option<Operand>,
        stop: Option<Operand>,
        step: Option<Operand>,
    ) -> (Operand, Operand, Operand) {
        let step = step.unwrap_or(int(1));
        let zero = self.b.cmp(Cmp::Eq, step, int(0));
        let msg = self.msg("slice step cannot be zero");
        self.b.raise_if(zero, ExcKind::ValueError, msg);
        let up = self.b.cmp(Cmp::Gt, step, int(0));
        // Bounds: [0, len] going up, [-1, len - 1] going down.
        let lower = self.b.emit(MTy::I64, Rvalue::Select(up, int(0), int(-1)));
        let last = self.b.binary(BinOp::ISub, len, int(1));
        let upper = self.b.emit(MTy::I64, Rvalue::Select(up, len, last));
        let first = match start {
            Some(s) => self.clamp_slice_bound(s, len, lower, upper),
            None => self.b.emit(MTy::I64, Rvalue::Select(up, int(0), last)),
        };
        let end = match stop {
            Some(s) => self.clamp_slice_bound(s, len, lower, upper),
            None => self.b.emit(MTy::I64, Rvalue::Select(up, len, int(-1))),
        };
        // Count: ceil(|end - first| / |step|) when the range runs the step's way, else 0.
        let (dist, more) = {
            let d_up = self.b.binary(BinOp::ISub, end, first);
            let d_down = self.b.binary(BinOp::ISub, first, end);
            let d = self.b.emit(MTy::I64, Rvalue::Select(up, d_up, d_down));
            (d, self.b.cmp(Cmp::Gt, d, int(0)))
        };
        let neg_step = self.b.binary(BinOp::ISub, int(0), step);
        let mag = self.b.emit(MTy::I64, Rvalue::Select(up, step, neg_step));
        let d1 = self.b.binary(BinOp::ISub, dist, int(1));
        let safe = self.b.emit(MTy::I64, Rvalue::Select(more, d1, int(0)));
        let q = self.b.binary(BinOp::UDiv, safe, mag);
        let q1 = self.b.binary(BinOp::IAdd, q, int(1));
        let count = self.b.emit(MTy::I64, Rvalue::Select(more, q1, int(0)));
        (first, count, step)
    }

    /// A slice bound: negative counts from the end, then clamped to `[lower, upper]`.
    fn clamp_slice_bound(
        &mut self,
        v: Operand,
        len: Operand,
        lower: Operand,
        upper: Operand,
    ) -> Operand {
        let neg = self.b.cmp(Cmp::Lt, v, int(0));
        let shifted = self.b.binary(BinOp::IAdd, v, len);
        let v = self.b.emit(MTy::I64, Rvalue::Select(neg, shifted, v));
        let below = self.b.cmp(Cmp::Lt, v, lower);
        let v = self.b.emit(MTy::I64, Rvalue::Select(below, lower, v));
        let above = self.b.cmp(Cmp::Gt, v, upper);
        self.b.emit(MTy::I64, Rvalue::Select(above, upper, v))
    }
}
