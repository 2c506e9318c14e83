//! Lists: the header words compiled code reads, item loads and stores, and the runtime helpers
//! behind every operation that changes a list's length.
//!
//! A list value is one `ref` word, the address of its header (`pyaot_mir::list`). An item is one
//! 8-byte word per leaf of the item type; a list holds a reference on each item that is a list.
//! Reading an item that is a list gives a counted reference in a hidden slot, unless the read
//! item is used at once by an operation with nothing in between that could change the outer list.

use pyaot_hir::{Expr, ExprKind, ListOp};
use pyaot_mir::{
    list as layout, BinOp, CastOp, CheckKind, Cmp, Dtype, ExcKind, MTy, Operand, RtFn, Rvalue,
};
use pyaot_types::Ty;

use crate::builder::int;
use crate::func::{owner_positions, FnLower};

/// The item type of a list type.
pub(crate) fn item_ty(ty: &Ty) -> &Ty {
    match ty.seq_item() {
        Some(t) => t,
        None => unreachable!("a list operation on a list"),
    }
}

/// The dtype an item leaf of machine type `t` is stored as.
fn leaf_dtype(t: MTy) -> Dtype {
    match t {
        MTy::F64 => Dtype::F64,
        MTy::F32 => Dtype::F32,
        MTy::Bool => Dtype::B1,
        _ => Dtype::I64,
    }
}

/// Whether evaluating `e` can change or free a list that exists before it: a call, a block, or a
/// list operation that changes a list.
fn may_touch_lists(e: &Expr) -> bool {
    let mut touches = false;
    e.walk(&mut |x| {
        touches |= match &x.kind {
            ExprKind::Call { .. } | ExprKind::Block { .. } => true,
            ExprKind::List { op, .. } => !matches!(
                op,
                ListOp::New
                    | ListOp::Len
                    | ListOp::Get
                    | ListOp::Slice { .. }
                    | ListOp::Concat
                    | ListOp::Repeat
            ),
            _ => false,
        }
    });
    touches
}

impl FnLower<'_> {
    /// The list operand of an operation whose other operands are `rest`: an item read from another
    /// list is borrowed when nothing in `rest` can change lists.
    fn list_operand(&mut self, list: &Expr, rest: &[Expr]) -> Operand {
        if let ExprKind::List {
            op: ListOp::Get,
            args,
        } = &list.kind
        {
            if !rest.iter().any(may_touch_lists) {
                let outer = self.list_operand(&args[0], &args[1..]);
                let i = self.scalar(&args[1]);
                let tuple = matches!(args[0].ty, Ty::TupleOf(_));
                return self.get_item(&list.ty, outer, i, false, tuple)[0];
            }
        }
        self.scalar(list)
    }

    /// The address of a list's header.
    fn header(&mut self, l: Operand) -> Operand {
        self.b.emit(MTy::I64, Rvalue::Cast(CastOp::RefAddr, l))
    }

    /// `len(l)`.
    pub(crate) fn list_len(&mut self, l: Operand) -> Operand {
        let h = self.header(l);
        let at = self.b.binary(BinOp::IAdd, h, int(layout::LEN));
        self.b.emit(MTy::I64, Rvalue::Load(Dtype::I64, at))
    }

    /// The address of item `i` (already in range) of a list of items of type `item`.
    fn item_addr(&mut self, l: Operand, i: Operand, item: &Ty) -> Operand {
        let h = self.header(l);
        let at = self.b.binary(BinOp::IAdd, h, int(layout::ITEMS));
        let items = self.b.emit(MTy::I64, Rvalue::Load(Dtype::I64, at));
        let size = layout::WORD * self.leaf_mtys(item).len() as i64;
        let off = self.b.binary(BinOp::IMul, i, int(size));
        self.b.binary(BinOp::IAdd, items, off)
    }

    /// `i` made non-negative (`i + len` below zero) and checked against `len`; IndexError
    /// with `msg` otherwise.
    fn list_index(&mut self, i: Operand, len: Operand, msg: &str) -> Operand {
        let neg = self.b.cmp(Cmp::Lt, i, int(0));
        let wrapped = self.b.binary(BinOp::IAdd, i, len);
        let j = self.b.emit(MTy::I64, Rvalue::Select(neg, wrapped, i));
        let fails = self.b.binary(BinOp::UCmp(Cmp::Ge), j, len);
        let msg = self.msg(msg);
        self.b
            .check_if(CheckKind::Bounds, fails, ExcKind::IndexError, msg);
        j
    }

    /// Loads the leaves of the item at `addr` (references uncounted).
    fn load_item(&mut self, addr: Operand, item: &Ty) -> Vec<Operand> {
        let tys = self.leaf_mtys(item);
        tys.iter()
            .enumerate()
            .map(|(k, &t)| {
                let at = self
                    .b
                    .binary(BinOp::IAdd, addr, int(layout::WORD * k as i64));
                let d = leaf_dtype(t);
                let v = self.b.emit(pyaot_mir::dtype_mty(d), Rvalue::Load(d, at));
                if t == MTy::Ref {
                    self.b.emit(MTy::Ref, Rvalue::Cast(CastOp::AddrRef, v))
                } else {
                    v
                }
            })
            .collect()
    }

    /// Stores the leaves of an item at `addr` (references uncounted).
    fn store_item(&mut self, addr: Operand, item: &Ty, v: &[Operand]) {
        let tys = self.leaf_mtys(item);
        for (k, (&t, &x)) in tys.iter().zip(v).enumerate() {
            let at = self
                .b
                .binary(BinOp::IAdd, addr, int(layout::WORD * k as i64));
            let x = if t == MTy::Ref {
                self.b.emit(MTy::I64, Rvalue::Cast(CastOp::RefAddr, x))
            } else {
                x
            };
            self.b.store(leaf_dtype(t), at, x);
        }
    }

    /// Takes a reference on each list an item value holds.
    fn incref_item(&mut self, item: &Ty, v: &[Operand]) {
        for p in owner_positions(item) {
            self.b.incref(v[p]);
        }
    }

    /// Drops the reference on each list an item value holds.
    fn decref_item(&mut self, item: &Ty, v: &[Operand]) {
        for p in owner_positions(item) {
            self.b.decref(v[p]);
        }
    }

    /// Item `i` of list `l` (a tuple's when `tuple`): counted into a hidden slot when `counted`
    /// and the item holds references.
    fn get_item(
        &mut self,
        ty: &Ty,
        l: Operand,
        i: Operand,
        counted: bool,
        tuple: bool,
    ) -> Vec<Operand> {
        let len = self.list_len(l);
        let msg = if tuple {
            "tuple index out of range"
        } else {
            "list index out of range"
        };
        let j = self.list_index(i, len, msg);
        let addr = self.item_addr(l, j, ty);
        let v = self.load_item(addr, ty);
        if !counted || owner_positions(ty).is_empty() {
            return v;
        }
        let slot = self.new_ref_slot(ty);
        self.incref_item(ty, &v);
        self.copy_into(&slot, &v);
        slot.into_iter().map(Operand::Local).collect()
    }

    /// A new list value from a helper's result, owned by a hidden slot.
    fn list_result(&mut self, ty: &Ty, rt: RtFn, args: Vec<Operand>) -> Vec<Operand> {
        let slot = self.new_ref_slot(ty);
        let r = self.b.call_rt(rt, args);
        self.copy_into(&slot, &[r]);
        vec![Operand::Local(slot[0])]
    }

    /// Slice bounds: the three operands, omitted ones as 0.
    fn slice_bounds(&mut self, args: &[Expr]) -> Vec<Operand> {
        args.iter().map(|a| self.scalar(a)).collect()
    }

    /// Lowers a list operation of type `ty`.
    pub(crate) fn list_op(&mut self, ty: &Ty, op: ListOp, args: &[Expr]) -> Vec<Operand> {
        match op {
            ListOp::New => {
                let item = item_ty(ty).clone();
                let vals: Vec<Vec<Operand>> = args.iter().map(|a| self.expr(a)).collect();
                let words = self.leaf_mtys(&item).len() as i64;
                let refmask: i64 = owner_positions(&item)
                    .iter()
                    .filter(|&&p| p < 64)
                    .map(|&p| 1i64 << p)
                    .fold(0, |a, b| a | b);
                let l = self.list_result(
                    ty,
                    RtFn::ListNew,
                    vec![int(words), int(refmask), int(vals.len() as i64)],
                )[0];
                for (i, v) in vals.iter().enumerate() {
                    let addr = self.item_addr(l, int(i as i64), &item);
                    self.incref_item(&item, v);
                    self.store_item(addr, &item, v);
                }
                vec![l]
            }
            ListOp::Len => {
                let l = self.list_operand(&args[0], &[]);
                vec![self.list_len(l)]
            }
            ListOp::Get => {
                let l = self.list_operand(&args[0], &args[1..]);
                let i = self.scalar(&args[1]);
                let tuple = matches!(args[0].ty, Ty::TupleOf(_));
                self.get_item(ty, l, i, true, tuple)
            }
            ListOp::Pop => {
                let l = self.list_operand(&args[0], &args[1..]);
                let len = self.list_len(l);
                let j = match args.get(1) {
                    Some(i) => {
                        let i = self.scalar(i);
                        let empty = self.b.cmp(Cmp::Eq, len, int(0));
                        let msg = self.msg("pop from empty list");
                        self.b.raise_if(empty, ExcKind::IndexError, msg);
                        self.list_index(i, len, "pop index out of range")
                    }
                    None => {
                        let empty = self.b.cmp(Cmp::Eq, len, int(0));
                        let msg = self.msg("pop from empty list");
                        self.b.raise_if(empty, ExcKind::IndexError, msg);
                        self.b.binary(BinOp::ISub, len, int(1))
                    }
                };
                let addr = self.item_addr(l, j, ty);
                let v = self.load_item(addr, ty);
                // The item's references move from the list to the result.
                let v = if owner_positions(ty).is_empty() {
                    let tmp = self.fresh(ty);
                    self.copy_into(&tmp, &v);
                    tmp
                } else {
                    let slot = self.new_ref_slot(ty);
                    self.copy_into(&slot, &v);
                    slot
                };
                self.b.call_rt(RtFn::ListRemove, vec![l, j]);
                v.into_iter().map(Operand::Local).collect()
            }
            ListOp::Slice { omitted } => {
                let l = self.list_operand(&args[0], &args[1..]);
                let mut a = vec![l];
                a.extend(self.slice_bounds(&args[1..4]));
                a.push(int(omitted as i64));
                self.list_result(ty, RtFn::ListSlice, a)
            }
            ListOp::Concat | ListOp::Repeat => {
                let a = self.scalar(&args[0]);
                let b = self.scalar(&args[1]);
                let rt = if op == ListOp::Concat {
                    RtFn::ListConcat
                } else {
                    RtFn::ListRepeat
                };
                self.list_result(ty, rt, vec![a, b])
            }
            ListOp::Append => {
                let item = item_ty(&args[0].ty).clone();
                let l = self.scalar(&args[0]);
                let v = self.expr(&args[1]);
                let addr = self.b.call_rt(RtFn::ListPush, vec![l]);
                self.incref_item(&item, &v);
                self.store_item(addr, &item, &v);
                vec![]
            }
            ListOp::Insert => {
                let item = item_ty(&args[0].ty).clone();
                let l = self.scalar(&args[0]);
                let i = self.scalar(&args[1]);
                let v = self.expr(&args[2]);
                let addr = self.b.call_rt(RtFn::ListInsert, vec![l, i]);
                self.incref_item(&item, &v);
                self.store_item(addr, &item, &v);
                vec![]
            }
            ListOp::Extend => {
                let a = self.scalar(&args[0]);
                let b = self.scalar(&args[1]);
                self.b.call_rt(RtFn::ListExtend, vec![a, b]);
                vec![]
            }
            ListOp::Clear | ListOp::Reverse => {
                let l = self.scalar(&args[0]);
                let rt = if op == ListOp::Clear {
                    RtFn::ListClear
                } else {
                    RtFn::ListReverse
                };
                self.b.call_rt(rt, vec![l]);
                vec![]
            }
            ListOp::SetItem => {
                // Python evaluates the value, then the list, then the index.
                let item = item_ty(&args[0].ty).clone();
                let v = self.expr(&args[2]);
                let l = self.list_operand(&args[0], &args[1..2]);
                let i = self.scalar(&args[1]);
                let len = self.list_len(l);
                let j = self.list_index(i, len, "list assignment index out of range");
                let addr = self.item_addr(l, j, &item);
                let old = if owner_positions(&item).is_empty() {
                    vec![]
                } else {
                    self.load_item(addr, &item)
                };
                self.incref_item(&item, &v);
                self.store_item(addr, &item, &v);
                let h = self.header(l);
                let flag = self.b.binary(BinOp::IAdd, h, int(layout::DIRTY));
                self.b.store(Dtype::I64, flag, int(1));
                if !old.is_empty() {
                    self.decref_item(&item, &old);
                }
                vec![]
            }
            ListOp::DelItem => {
                let item = item_ty(&args[0].ty).clone();
                let l = self.list_operand(&args[0], &args[1..]);
                let i = self.scalar(&args[1]);
                let len = self.list_len(l);
                let j = self.list_index(i, len, "list assignment index out of range");
                let old = if owner_positions(&item).is_empty() {
                    vec![]
                } else {
                    let addr = self.item_addr(l, j, &item);
                    let v = self.load_item(addr, &item);
                    let tmp = self.fresh(&item);
                    self.copy_into(&tmp, &v);
                    tmp.into_iter().map(Operand::Local).collect()
                };
                self.b.call_rt(RtFn::ListRemove, vec![l, j]);
                self.decref_item(&item, &old);
                vec![]
            }
            ListOp::SetSlice { omitted } => {
                // The value first, as Python evaluates it.
                let v = self.scalar(&args[4]);
                let l = self.list_operand(&args[0], &args[1..4]);
                let mut a = vec![l];
                a.extend(self.slice_bounds(&args[1..4]));
                a.push(int(omitted as i64));
                a.push(v);
                self.b.call_rt(RtFn::ListSetSlice, a);
                vec![]
            }
            ListOp::DelSlice { omitted } => {
                let l = self.list_operand(&args[0], &args[1..4]);
                let mut a = vec![l];
                a.extend(self.slice_bounds(&args[1..4]));
                a.push(int(omitted as i64));
                self.b.call_rt(RtFn::ListDelSlice, a);
                vec![]
            }
        }
    }
}
