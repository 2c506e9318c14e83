//! Arrays: element addresses with bounds checks, element loads and stores, new arrays and references.
//!
//! An array value is its flattened words `owner, data, shape..., strides...` (strides in bytes).
//! A local holding an array owns a reference on its owner; a new array is owned by a hidden slot
//! of the expression that made it, released when the slot is reused or the function exits.

use pyaot_hir::{ArrayInit, ArrayTy, Expr};
use pyaot_mir::{BinOp, CastOp, Cmp, Dtype, ExcKind, Local, MConst, MTy, Operand, RtFn, Rvalue};
use pyaot_types::Ty;

use crate::builder::int;
use crate::func::{owner_positions, FnLower};

/// Bytes before the data of a block allocated by `array_alloc`.
const BLOCK_HEADER: i64 = 64;

fn array_ty(ty: &Ty) -> ArrayTy {
    match ty {
        Ty::Array(a) => *a,
        _ => unreachable!("an array expression has an array type"),
    }
}

impl FnLower<'_> {
    /// The address of `array[indices]`, raising IndexError for an index out of bounds (when checked).
    pub fn element_addr(&mut self, a: ArrayTy, ops: &[Operand], indices: &[Operand]) -> Operand {
        let n = a.ndim as usize;
        let mut addr = ops[1];
        for (k, &i) in indices.iter().enumerate() {
            let size = ops[2 + k];
            let neg = self.b.cmp(Cmp::Lt, i, int(0));
            let wrapped = self.b.binary(BinOp::IAdd, i, size);
            let j = self.b.emit(MTy::I64, Rvalue::Select(neg, wrapped, i));
            if self.boundscheck {
                self.b.bounds_check(j, size, i, k as i64);
            }
            let stride = if a.contig && k + 1 == n {
                int(a.dtype.itemsize())
            } else {
                ops[2 + n + k]
            };
            let off = self.b.binary(BinOp::IMul, j, stride);
            addr = self.b.binary(BinOp::IAdd, addr, off);
        }
        addr
    }

    /// Loads the element of dtype `d` at `addr`: one operand, or the two parts of a complex one.
    pub fn load_elem(&mut self, d: Dtype, addr: Operand) -> Vec<Operand> {
        if !d.is_complex() {
            return vec![self.b.emit(pyaot_mir::dtype_mty(d), Rvalue::Load(d, addr))];
        }
        let p = d.part();
        let re = self.b.emit(pyaot_mir::dtype_mty(p), Rvalue::Load(p, addr));
        let at = self.b.binary(BinOp::IAdd, addr, int(p.itemsize()));
        let im = self.b.emit(pyaot_mir::dtype_mty(p), Rvalue::Load(p, at));
        vec![re, im]
    }

    /// Stores the element `v` of dtype `d` at `addr` (a complex one part by part).
    pub fn store_elem(&mut self, d: Dtype, addr: Operand, v: &[Operand]) {
        match (d.is_complex(), v) {
            (false, [x]) => self.b.store(d, addr, *x),
            (true, [re, im]) => {
                let p = d.part();
                self.b.store(p, addr, *re);
                let at = self.b.binary(BinOp::IAdd, addr, int(p.itemsize()));
                self.b.store(p, at, *im);
            }
            _ => self.ice(&format!("a store of {} operands to {}", v.len(), d.name())),
        }
    }

    /// `array[indices]`.
    pub fn index(&mut self, array: &Expr, indices: &[Expr]) -> Vec<Operand> {
        let a = array_ty(&array.ty);
        let ops = self.expr(array);
        let idx: Vec<Operand> = indices.iter().map(|i| self.scalar(i)).collect();
        let addr = self.element_addr(a, &ops, &idx);
        self.load_elem(a.dtype, addr)
    }

    /// `array[indices] = value`.
    /// `array[indices] = value`: Python evaluates the value first, then the target; NumPy converts
    /// the value to the element type only once the element is found (an IndexError comes first).
    pub fn store(&mut self, array: &Expr, indices: &[Expr], value: &Expr) {
        let a = array_ty(&array.ty);
        let (raw, casts) = crate::expr::split_casts(value);
        let raw = self.expr(raw);
        let ops = self.expr(array);
        let idx: Vec<Operand> = indices.iter().map(|i| self.scalar(i)).collect();
        let addr = self.element_addr(a, &ops, &idx);
        let v = self.apply_casts(&casts, raw);
        self.store_elem(a.dtype, addr, &v);
    }

    /// The shape words of an array value.
    pub fn shape(&mut self, array: &Expr) -> Vec<Operand> {
        let a = array_ty(&array.ty);
        let ops = self.expr(array);
        ops[2..2 + a.ndim as usize].to_vec()
    }

    /// The stride words of an array value (in bytes).
    pub fn strides(&mut self, array: &Expr) -> Vec<Operand> {
        let a = array_ty(&array.ty);
        let ops = self.expr(array);
        let n = a.ndim as usize;
        (0..n)
            .map(|k| {
                if a.contig && k + 1 == n {
                    int(a.dtype.itemsize())
                } else {
                    ops[2 + n + k]
                }
            })
            .collect()
    }

    /// The product of the shape.
    pub fn size(&mut self, array: &Expr) -> Operand {
        let dims = self.shape(array);
        let mut acc = int(1);
        for d in dims {
            acc = self.b.binary(BinOp::IMul, acc, d);
        }
        acc
    }

    /// Copies `ops` into `dests` (a value of type `ty`), taking references on the new array owners
    /// and dropping those on the old ones.
    pub fn assign_counted(&mut self, ty: &Ty, dests: &[Local], ops: &[Operand]) {
        let owners = owner_positions(ty);
        for &p in &owners {
            self.b.incref(ops[p]);
            self.b.decref(Operand::Local(dests[p]));
        }
        self.assign_all(dests, ops.to_vec());
    }

    /// Takes a reference on every array owner of a value about to be returned.
    pub fn incref_all(&mut self, ty: &Ty, ops: &[Operand]) {
        for p in owner_positions(ty) {
            self.b.incref(ops[p]);
        }
    }

    /// Fresh locals for a new reference of type `ty` made at one place in the code: the previous
    /// value made there (a loop) is released first, and the function releases the last one.
    pub fn new_ref_slot(&mut self, ty: &Ty) -> Vec<Local> {
        let locals = self.fresh(ty);
        for p in owner_positions(ty) {
            self.owned.push(locals[p]);
            self.b.decref(Operand::Local(locals[p]));
            // Until the new value arrives the slot holds nothing: if making it raises, the exit
            // path must not release the old value a second time.
            self.b
                .assign(locals[p], Rvalue::Use(Operand::Const(MConst::Null)));
        }
        locals
    }

    /// A new C-contiguous array of `dims` with the dtype of `ty`, filled as `init` says.
    pub fn new_array(&mut self, ty: &Ty, init: &ArrayInit, dims: Vec<Operand>) -> Vec<Operand> {
        let a = array_ty(ty);
        let fill = match init {
            ArrayInit::Full(v) => Some(self.expr(v)),
            ArrayInit::Ones => Some(self.one(a.dtype)),
            _ => None,
        };
        let (slot, count) = self.allocate(ty, &dims, matches!(init, ArrayInit::Zeros));
        if let Some(v) = fill {
            let data = Operand::Local(slot[1]);
            let item = a.dtype.itemsize();
            self.counted_loop(count, |cx, i| {
                let off = cx.b.binary(BinOp::IMul, i, int(item));
                let addr = cx.b.binary(BinOp::IAdd, data, off);
                cx.store_elem(a.dtype, addr, &v);
            });
        }
        slot.into_iter().map(Operand::Local).collect()
    }

    /// `np.array([...])`: the items evaluated in order, then stored into a new array.
    pub fn array_literal(&mut self, ty: &Ty, dims: &[usize], items: &[Expr]) -> Vec<Operand> {
        let a = array_ty(ty);
        let vals: Vec<Vec<Operand>> = items.iter().map(|i| self.expr(i)).collect();
        let shape: Vec<Operand> = dims.iter().map(|&d| int(d as i64)).collect();
        let (slot, _) = self.allocate(ty, &shape, false);
        let data = Operand::Local(slot[1]);
        for (k, v) in vals.into_iter().enumerate() {
            let addr = self
                .b
                .binary(BinOp::IAdd, data, int(k as i64 * a.dtype.itemsize()));
            self.store_elem(a.dtype, addr, &v);
        }
        slot.into_iter().map(Operand::Local).collect()
    }

    /// The value 1 of a dtype (`1+0j` for a complex one).
    fn one(&self, d: Dtype) -> Vec<Operand> {
        use pyaot_mir::MConst;
        let c = |v: f64| {
            Operand::Const(match pyaot_mir::dtype_mty(d) {
                MTy::Bool => MConst::Bool(v != 0.0),
                MTy::F32 => MConst::F32(v as f32),
                MTy::F64 | MTy::F64x2 => MConst::F64(v),
                MTy::I64 | MTy::I64x2 => MConst::I64(v as i64),
                MTy::Ref => unreachable!("no element is a reference"),
            })
        };
        if d.is_complex() {
            vec![c(1.0), c(0.0)]
        } else {
            vec![c(1.0)]
        }
    }

    /// Allocates a C-contiguous array of `dims` into a new-reference slot; returns it and the element count.
    /// Negative dimensions raise ValueError, as does a size beyond the address space.
    pub(crate) fn allocate(
        &mut self,
        ty: &Ty,
        dims: &[Operand],
        zeroed: bool,
    ) -> (Vec<Local>, Operand) {
        let a = array_ty(ty);
        let neg_msg = self.msg("negative dimensions are not allowed");
        let big_msg = self.msg(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        );
        for &d in dims {
            let neg = self.b.cmp(Cmp::Lt, d, int(0));
            self.b.raise_if(neg, ExcKind::ValueError, neg_msg);
        }
        let mut nbytes = int(a.dtype.itemsize());
        let mut count = int(1);
        for &d in dims {
            let over = self.b.binary(BinOp::IMulOverflows, nbytes, d);
            self.b.raise_if(over, ExcKind::ValueError, big_msg);
            nbytes = self.b.binary(BinOp::IMul, nbytes, d);
            count = self.b.binary(BinOp::IMul, count, d);
        }
        let slot = self.new_ref_slot(ty);
        let rt = if zeroed {
            RtFn::ArrayAllocZeroed
        } else {
            RtFn::ArrayAlloc
        };
        let owner = self.b.call_rt(rt, vec![nbytes]);
        let block = self.b.emit(MTy::I64, Rvalue::Cast(CastOp::RefAddr, owner));
        let data = self.b.binary(BinOp::IAdd, block, int(BLOCK_HEADER));
        let n = dims.len();
        let mut words = vec![owner, data];
        words.extend_from_slice(dims);
        let mut strides = vec![int(a.dtype.itemsize()); n];
        for k in (0..n.saturating_sub(1)).rev() {
            strides[k] = self.b.binary(BinOp::IMul, strides[k + 1], dims[k + 1]);
        }
        words.extend(strides);
        self.copy_into(&slot, &words);
        (slot, count)
    }

    /// `for i in range(count): body(i)` in MIR.
    pub fn counted_loop(&mut self, count: Operand, mut body: impl FnMut(&mut Self, Operand)) {
        let i = self.b.temp(MTy::I64);
        self.b.assign(i, Rvalue::Use(int(0)));
        let head = self.b.new_block();
        let inner = self.b.new_block();
        let done = self.b.new_block();
        self.b.goto(head);
        self.b.switch_to(head);
        let more = self.b.cmp(Cmp::Lt, Operand::Local(i), count);
        self.b.branch(more, inner, done);
        self.b.switch_to(inner);
        body(self, Operand::Local(i));
        let next = self.b.binary(BinOp::IAdd, Operand::Local(i), int(1));
        self.b.assign(i, Rvalue::Use(next));
        self.b.goto(head);
        self.b.switch_to(done);
    }

    /// A C-contiguous copy of an array (`a.copy()`, or the `_like` constructors with a source).
    pub fn copy_array(&mut self, ty: &Ty, src_ty: &Ty, src: Vec<Operand>) -> Vec<Operand> {
        let a = array_ty(src_ty);
        let n = a.ndim as usize;
        let dims: Vec<Operand> = src[2..2 + n].to_vec();
        let (slot, _) = self.allocate(ty, &dims, false);
        let dst: Vec<Operand> = slot.iter().map(|l| Operand::Local(*l)).collect();
        let dst_ty = array_ty(ty);
        self.nest(&dims, &mut Vec::new(), &mut |cx, idx| {
            let from = cx.unchecked_addr(a, &src, idx);
            let v = cx.load_elem(a.dtype, from);
            let to = cx.unchecked_addr(dst_ty, &dst, idx);
            cx.store_elem(a.dtype, to, &v);
        });
        dst
    }

    /// The address of an element at in-range indices.
    fn unchecked_addr(&mut self, a: ArrayTy, ops: &[Operand], idx: &[Operand]) -> Operand {
        let n = a.ndim as usize;
        let mut addr = ops[1];
        for (k, &i) in idx.iter().enumerate() {
            let off = self.b.binary(BinOp::IMul, i, ops[2 + n + k]);
            addr = self.b.binary(BinOp::IAdd, addr, off);
        }
        addr
    }

    /// Nested loops over every index of `dims`, outermost first.
    fn nest(
        &mut self,
        dims: &[Operand],
        idx: &mut Vec<Operand>,
        body: &mut dyn FnMut(&mut Self, &[Operand]),
    ) {
        if idx.len() == dims.len() {
            body(self, idx);
            return;
        }
        let d = dims[idx.len()];
        self.counted_loop(d, |cx, i| {
            idx.push(i);
            cx.nest(dims, idx, body);
            idx.pop();
        });
    }

    /// `np.arange(start, stop, step)` for int64 or float64.
    pub fn arange(&mut self, ty: &Ty, start: &Expr, stop: &Expr, step: &Expr) -> Vec<Operand> {
        let a = array_ty(ty);
        let (s0, s1, st) = (self.scalar(start), self.scalar(stop), self.scalar(step));
        let float = a.dtype == Dtype::F64;
        let zero = if float {
            crate::builder::float(0.0)
        } else {
            int(0)
        };
        let is_zero = self.b.cmp(Cmp::Eq, st, zero);
        let zmsg = self.msg(if float {
            "float division by zero"
        } else {
            "division by zero"
        });
        self.b.raise_if(is_zero, ExcKind::ZeroDivisionError, zmsg);
        let len = if float {
            let span = self.b.binary(BinOp::FSub, s1, s0);
            let q = self.b.binary(BinOp::FDiv, span, st);
            let c = self.b.unary(pyaot_mir::UnOp::FCeil, q);
            // NaN, or a length past any memory, is an error; a negative length is empty.
            let ok = self.b.cmp(Cmp::Lt, c, crate::builder::float(4.0e18));
            let msg = self.msg("Maximum allowed size exceeded");
            let bad = self.b.negate(ok);
            self.b.raise_if(bad, ExcKind::ValueError, msg);
            let pos = self.b.cmp(Cmp::Gt, c, crate::builder::float(0.0));
            let c = self
                .b
                .emit(MTy::F64, Rvalue::Select(pos, c, crate::builder::float(0.0)));
            self.b
                .emit(MTy::I64, Rvalue::Cast(pyaot_mir::CastOp::FToIUnchecked, c))
        } else {
            self.b.call_rt(RtFn::RangeLen, vec![s0, s1, st])
        };
        let (slot, count) = self.allocate(ty, &[len], false);
        let data = Operand::Local(slot[1]);
        // NumPy fills a[0] = start, a[1] = start + step, then a[i] = start + i * (a[1] - a[0]).
        let (second, delta) = if float {
            let second = self.b.binary(BinOp::FAdd, s0, st);
            (second, self.b.binary(BinOp::FSub, second, s0))
        } else {
            (st, st)
        };
        self.counted_loop(count, |cx, i| {
            let v = if float {
                let fi =
                    cx.b.emit(MTy::F64, Rvalue::Cast(pyaot_mir::CastOp::IToF, i));
                let is_one = cx.b.cmp(Cmp::Eq, i, int(1));
                let m = cx.b.binary(BinOp::FMul, fi, delta);
                let general = cx.b.binary(BinOp::FAdd, s0, m);
                cx.b.emit(MTy::F64, Rvalue::Select(is_one, second, general))
            } else {
                let m = cx.b.binary(BinOp::IMul, i, delta);
                cx.b.binary(BinOp::IAdd, s0, m)
            };
            let off = cx.b.binary(BinOp::IMul, i, int(a.dtype.itemsize()));
            let addr = cx.b.binary(BinOp::IAdd, data, off);
            cx.b.store(a.dtype, addr, v);
        });
        slot.into_iter().map(Operand::Local).collect()
    }

    /// `_blas_gemm(a, b, out)`: the runtime's BLAS product into `out`, true when it ran.
    pub fn blas_gemm(&mut self, args: &[Expr]) -> Operand {
        let [a, b, out] = args else {
            self.ice("a matrix product has three arrays")
        };
        let (ta, tb) = (array_ty(&a.ty), array_ty(&b.ty));
        let (va, vb, vo) = (self.expr(a), self.expr(b), self.expr(out));
        let stride = |t: ArrayTy, v: &[Operand], k: usize| {
            if t.contig && k == 1 {
                int(t.dtype.itemsize())
            } else {
                v[4 + k]
            }
        };
        let call = vec![
            int(i64::from(ta.dtype.code())),
            va[1],
            stride(ta, &va, 0),
            stride(ta, &va, 1),
            vb[1],
            stride(tb, &vb, 0),
            stride(tb, &vb, 1),
            vo[1],
            va[2],
            vb[3],
            va[3],
        ];
        self.b.call_rt(RtFn::BlasGemm, call)
    }
}
