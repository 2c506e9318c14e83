//! Dicts and sets: CPython objects holding boxed keys and values; values are boxed on the way in
//! and unboxed on the way out, by their types.

use pyaot_hir::{Expr, ObjOp};
use pyaot_mir::{MConst, Operand, RtFn};
use pyaot_types::Ty;

use crate::builder::int;
use crate::func::FnLower;

impl FnLower<'_> {
    /// A new object reference from a helper, owned by a hidden slot.
    pub(crate) fn owned_object(&mut self, rt: RtFn, args: Vec<Operand>) -> Operand {
        let slot = self.new_ref_slot(&Ty::Str);
        let r = self.b.call_rt(rt, args);
        self.copy_into(&slot, &[r]);
        Operand::Local(slot[0])
    }

    /// A Python object for a value of type `ty` (a borrowed reference for strings, dicts and
    /// sets; a new one, owned by a hidden slot, for numbers and tuples).
    pub(crate) fn box_value(&mut self, ty: &Ty, v: &[Operand]) -> Operand {
        match ty {
            Ty::Str | Ty::Dict(..) | Ty::Set(_) => v[0],
            Ty::Int => self.owned_object(RtFn::BoxInt, vec![v[0]]),
            Ty::Float => self.owned_object(RtFn::BoxFloat, vec![v[0]]),
            Ty::Bool => self.owned_object(RtFn::BoxBool, vec![v[0]]),
            Ty::Complex => self.owned_object(RtFn::BoxComplex, vec![v[0], v[1]]),
            Ty::List(item) | Ty::TupleOf(item) => {
                let Some(desc) = item.item_desc() else {
                    self.ice(&format!("no Python object for a {ty}"))
                };
                let id = self.msg(&desc);
                let tuple = int(i64::from(matches!(ty, Ty::TupleOf(_))));
                self.owned_object(RtFn::BoxList, vec![v[0], int(id.0 as i64), tuple])
            }
            Ty::Tuple(items) => {
                let mut at = 0;
                let mut objs = Vec::new();
                for t in items {
                    let n = self.leaf_mtys(t).len();
                    objs.push(self.box_value(t, &v[at..at + n]));
                    at += n;
                }
                let t = self.owned_object(RtFn::TupleNew, vec![int(objs.len() as i64)]);
                for (k, o) in objs.into_iter().enumerate() {
                    self.b.call_rt(RtFn::TupleSet, vec![t, int(k as i64), o]);
                }
                t
            }
            t => self.ice(&format!("no Python object for a {t}")),
        }
    }

    /// The value of type `ty` of the new reference `obj` (which this takes over).
    pub(crate) fn unbox_value(&mut self, ty: &Ty, obj: Operand) -> Vec<Operand> {
        match ty {
            Ty::Int => vec![self.b.call_rt(RtFn::ObjToInt, vec![obj])],
            Ty::Float => vec![self.b.call_rt(RtFn::ObjToFloat, vec![obj])],
            Ty::Bool => vec![self.b.call_rt(RtFn::ObjToBool, vec![obj])],
            Ty::Complex => self.b.call_rt_multi(RtFn::ObjToComplex, vec![obj]),
            Ty::Str | Ty::Dict(..) | Ty::Set(_) => {
                let slot = self.new_ref_slot(ty);
                self.copy_into(&slot, &[obj]);
                vec![Operand::Local(slot[0])]
            }
            Ty::Tuple(items) => {
                let slot = self.new_ref_slot(&Ty::Str);
                self.copy_into(&slot, &[obj]);
                let held = Operand::Local(slot[0]);
                let mut out = Vec::new();
                for (k, t) in items.iter().enumerate() {
                    let item = self.b.call_rt(RtFn::TupleItem, vec![held, int(k as i64)]);
                    out.extend(self.unbox_value(t, item));
                }
                out
            }
            t => self.ice(&format!("no value of type {t} from a Python object")),
        }
    }

    /// Lowers a dict or set operation of type `ty`.
    pub(crate) fn obj_op(&mut self, ty: &Ty, op: &ObjOp, args: &[Expr]) -> Vec<Operand> {
        let vals: Vec<Vec<Operand>> = args.iter().map(|a| self.expr(a)).collect();
        let objs: Vec<Operand> = args
            .iter()
            .zip(&vals)
            .map(|(a, v)| self.box_value(&a.ty, v))
            .collect();
        match op {
            ObjOp::New => {
                let dict = matches!(ty, Ty::Dict(..));
                let o = self.owned_object(RtFn::ObjNew, vec![int(if dict { 0 } else { 1 })]);
                if dict {
                    for kv in objs.chunks(2) {
                        self.b.call_rt(RtFn::DictSet, vec![o, kv[0], kv[1]]);
                    }
                } else {
                    for x in &objs {
                        self.b.call_rt(RtFn::ObjUpdate, vec![o, *x, int(0)]);
                    }
                }
                vec![o]
            }
            ObjOp::Get => {
                let r = self.b.call_rt(RtFn::DictGet, vec![objs[0], objs[1]]);
                self.unbox_value(ty, r)
            }
            ObjOp::Set => {
                self.b
                    .call_rt(RtFn::DictSet, vec![objs[0], objs[1], objs[2]]);
                vec![]
            }
            ObjOp::Del => {
                self.b.call_rt(RtFn::ObjDelItem, vec![objs[0], objs[1]]);
                vec![]
            }
            ObjOp::Contains => vec![self.b.call_rt(RtFn::ObjContains, vec![objs[0], objs[1]])],
            ObjOp::Len => vec![self.b.call_rt(RtFn::ObjLen, vec![objs[0]])],
            ObjOp::Binary(code) => {
                let r = self
                    .b
                    .call_rt(RtFn::ObjBinary, vec![objs[0], objs[1], int(*code as i64)]);
                self.unbox_value(ty, r)
            }
            ObjOp::Items(which) => {
                let snap = self.owned_object(RtFn::ObjSnapshot, vec![objs[0], int(*which as i64)]);
                let item = match ty {
                    Ty::List(t) => t.item_desc(),
                    _ => None,
                };
                let Some(desc) = item else {
                    self.ice(&format!("dict items as a {ty}"))
                };
                let id = self.msg(&desc);
                let slot = self.new_ref_slot(ty);
                let l = self
                    .b
                    .call_rt(RtFn::PyListToList, vec![snap, int(id.0 as i64)]);
                self.copy_into(&slot, &[l]);
                vec![Operand::Local(slot[0])]
            }
            ObjOp::Method(name) if name == "get" && objs.len() == 3 => {
                let r = self
                    .b
                    .call_rt(RtFn::DictGetOr, vec![objs[0], objs[1], objs[2]]);
                self.unbox_value(ty, r)
            }
            ObjOp::Method(name) => {
                let id = self.msg(name);
                let null = Operand::Const(MConst::Null);
                let call = vec![
                    int(id.0 as i64),
                    objs[0],
                    int(objs.len() as i64 - 1),
                    objs.get(1).copied().unwrap_or(null),
                    objs.get(2).copied().unwrap_or(null),
                ];
                let r = self.b.call_rt(RtFn::CallMethod, call);
                if *ty == Ty::None {
                    // The result (None) is dropped.
                    let slot = self.new_ref_slot(&Ty::Str);
                    self.copy_into(&slot, &[r]);
                    return vec![];
                }
                self.unbox_value(ty, r)
            }
            ObjOp::Update(code) => {
                let x = objs.get(1).copied().unwrap_or(Operand::Const(MConst::Null));
                self.b
                    .call_rt(RtFn::ObjUpdate, vec![objs[0], x, int(*code as i64)]);
                vec![]
            }
            ObjOp::Copy => {
                let kind = int(if matches!(ty, Ty::Dict(..)) { 0 } else { 1 });
                vec![self.owned_object(RtFn::ObjCopy, vec![objs[0], kind])]
            }
        }
    }
}
