//! Views: basic indexing (`a[1:-1]`, `m[i]`, `m[:, j]`, `a[::-1]`, `a[None]`) as new words over
//! the same memory and the same owner.
//!
//! A view is not a new reference: like a local read, it borrows its base's owner, which the base's
//! holder keeps alive for as long as the expression runs; a local or a return that keeps the view
//! takes its own reference.

use pyaot_hir::{ArrayTy, Expr, ViewItem};
use pyaot_mir::{BinOp, Cmp, ExcKind, MTy, Operand, Rvalue};
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
        self.b.bounds_check(j, len, i, axis as i64);
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

impl FnLower<'_> {
    /// `array.reshape(dims)` in C order: a view of a C-contiguous array, else of a C-contiguous copy;
    /// the result is a new reference either way.
    pub fn reshape(&mut self, ty: &Ty, array: &Expr, dims: &[Expr]) -> Vec<Operand> {
        let (Ty::Array(a), Ty::Array(out)) = (&array.ty, ty) else {
            self.ice("a reshape of a non-array")
        };
        let (a, out) = (*a, *out);
        let src = self.expr(array);
        let want: Vec<Operand> = dims.iter().map(|d| self.scalar(d)).collect();
        let n = a.ndim as usize;
        let mut size = int(1);
        for k in 0..n {
            size = self.b.binary(BinOp::IMul, size, src[2 + k]);
        }
        let new_dims = self.reshape_dims(size, &want);
        let contiguous = if a.contig {
            Operand::Const(pyaot_mir::MConst::Bool(true))
        } else {
            self.is_c_contiguous(a, &src)
        };
        let slot = self.new_ref_slot(ty);
        let view_bb = self.b.new_block();
        let copy_bb = self.b.new_block();
        let join = self.b.new_block();
        self.b.branch(contiguous, view_bb, copy_bb);
        for (bb, copy) in [(view_bb, false), (copy_bb, true)] {
            self.b.switch_to(bb);
            let base = if copy {
                let c = ArrayTy { contig: true, ..a };
                self.copy_array(&Ty::Array(c), &array.ty, src.clone())
            } else {
                src.clone()
            };
            self.b.incref(base[0]);
            let mut words = vec![base[0], base[1]];
            words.extend(&new_dims);
            let m = out.ndim as usize;
            let mut strides = vec![int(a.dtype.itemsize()); m];
            for k in (0..m.saturating_sub(1)).rev() {
                strides[k] = self.b.binary(BinOp::IMul, strides[k + 1], new_dims[k + 1]);
            }
            words.extend(strides);
            self.copy_into(&slot, &words);
            self.b.goto(join);
        }
        self.b.switch_to(join);
        slot.into_iter().map(Operand::Local).collect()
    }

    /// The dims of a reshape of `size` elements: one -1 is inferred; ValueError when the dims are
    /// invalid or do not hold exactly `size` elements.
    fn reshape_dims(&mut self, size: Operand, want: &[Operand]) -> Vec<Operand> {
        let msg = self.msg("cannot reshape array into the requested shape");
        let mut unknown = int(0);
        let mut known = int(1);
        for &d in want {
            let below = self.b.cmp(Cmp::Lt, d, int(-1));
            self.b.raise_if(below, ExcKind::ValueError, msg);
            let is_unknown = self.b.cmp(Cmp::Eq, d, int(-1));
            let one = self
                .b
                .emit(MTy::I64, Rvalue::Cast(pyaot_mir::CastOp::BToI, is_unknown));
            unknown = self.b.binary(BinOp::IAdd, unknown, one);
            let factor = self.b.emit(MTy::I64, Rvalue::Select(is_unknown, int(1), d));
            let over = self.b.binary(BinOp::IMulOverflows, known, factor);
            self.b.raise_if(over, ExcKind::ValueError, msg);
            known = self.b.binary(BinOp::IMul, known, factor);
        }
        let many = self.b.cmp(Cmp::Gt, unknown, int(1));
        self.b.raise_if(many, ExcKind::ValueError, msg);
        let has_unknown = self.b.cmp(Cmp::Eq, unknown, int(1));
        // With an unknown dim: known must be non-zero and divide the size.
        let zero_known = self.b.cmp(Cmp::Eq, known, int(0));
        let bad_zero = self.b.binary(BinOp::And, has_unknown, zero_known);
        self.b.raise_if(bad_zero, ExcKind::ValueError, msg);
        let divisor = self
            .b
            .emit(MTy::I64, Rvalue::Select(zero_known, int(1), known));
        let inferred = self.b.binary(BinOp::UDiv, size, divisor);
        let total = self
            .b
            .emit(MTy::I64, Rvalue::Select(has_unknown, size, known));
        let check = self.b.binary(BinOp::IMul, inferred, divisor);
        let exact = self.b.cmp(Cmp::Eq, check, size);
        let fits_unknown = self.b.emit(
            MTy::Bool,
            Rvalue::Select(
                has_unknown,
                exact,
                Operand::Const(pyaot_mir::MConst::Bool(true)),
            ),
        );
        let same = self.b.cmp(Cmp::Eq, total, size);
        let ok = self.b.binary(BinOp::And, fits_unknown, same);
        let bad = self.b.negate(ok);
        self.b.raise_if(bad, ExcKind::ValueError, msg);
        want.iter()
            .map(|&d| {
                let u = self.b.cmp(Cmp::Eq, d, int(-1));
                self.b.emit(MTy::I64, Rvalue::Select(u, inferred, d))
            })
            .collect()
    }

    /// Whether an array's elements lie in C order without gaps (size-1 axes ignored; empty arrays count).
    pub(crate) fn is_c_contiguous(&mut self, a: ArrayTy, ops: &[Operand]) -> Operand {
        let n = a.ndim as usize;
        let mut ok = Operand::Const(pyaot_mir::MConst::Bool(true));
        let mut empty = Operand::Const(pyaot_mir::MConst::Bool(false));
        let mut expect = int(a.dtype.itemsize());
        for k in (0..n).rev() {
            let (d, s) = (ops[2 + k], ops[2 + n + k]);
            let one = self.b.cmp(Cmp::Eq, d, int(1));
            let matches = self.b.cmp(Cmp::Eq, s, expect);
            let fine = self.b.binary(BinOp::Or, one, matches);
            ok = self.b.binary(BinOp::And, ok, fine);
            let zero = self.b.cmp(Cmp::Eq, d, int(0));
            empty = self.b.binary(BinOp::Or, empty, zero);
            expect = self.b.binary(BinOp::IMul, expect, d);
        }
        self.b.binary(BinOp::Or, ok, empty)
    }
}

impl FnLower<'_> {
    /// `array.transpose(axes)`: the same memory with the axes permuted.
    pub fn transpose(&mut self, array: &Expr, axes: &[Expr]) -> Vec<Operand> {
        let Ty::Array(a) = array.ty else {
            self.ice("a transpose of a non-array")
        };
        let src = self.expr(array);
        let n = a.ndim as usize;
        let msg = self.msg("axes don't match array");
        let mut picked = Vec::new();
        for e in axes {
            let ax = self.scalar(e);
            let neg = self.b.cmp(Cmp::Lt, ax, int(0));
            let shifted = self.b.binary(BinOp::IAdd, ax, int(n as i64));
            let ax = self.b.emit(MTy::I64, Rvalue::Select(neg, shifted, ax));
            let ok = self.b.binary(BinOp::UCmp(Cmp::Lt), ax, int(n as i64));
            let bad = self.b.negate(ok);
            self.b.raise_if(bad, ExcKind::ValueError, msg);
            for &prev in &picked {
                let same = self.b.cmp(Cmp::Eq, prev, ax);
                self.b.raise_if(same, ExcKind::ValueError, msg);
            }
            picked.push(ax);
        }
        let strides: Vec<Operand> = (0..n).map(|k| self.axis_stride(a, &src, k)).collect();
        let choose = |cx: &mut Self, ax: Operand, from: &dyn Fn(usize) -> Operand| {
            let mut v = from(n - 1);
            for j in (0..n - 1).rev() {
                let here = cx.b.cmp(Cmp::Eq, ax, int(j as i64));
                v = cx.b.emit(MTy::I64, Rvalue::Select(here, from(j), v));
            }
            v
        };
        let mut dims = Vec::new();
        let mut new_strides = Vec::new();
        for &ax in &picked {
            dims.push(choose(self, ax, &|j| src[2 + j]));
            new_strides.push(choose(self, ax, &|j| strides[j]));
        }
        let mut words = vec![src[0], src[1]];
        words.extend(dims);
        words.extend(new_strides);
        words
    }

    /// `a.real` / `a.imag` of a complex array: the same owner and strides, the data moved to the part.
    pub fn part_view(&mut self, array: &Expr, imag: bool) -> Vec<Operand> {
        let Ty::Array(a) = array.ty else {
            self.ice("a part view of a non-array")
        };
        let n = a.ndim as usize;
        let mut ops = self.expr(array);
        if a.contig {
            ops[2 + 2 * n - 1] = int(a.dtype.itemsize());
        }
        if imag {
            ops[1] = self
                .b
                .binary(BinOp::IAdd, ops[1], int(a.dtype.part().itemsize()));
        }
        ops
    }
}
