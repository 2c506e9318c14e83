//! Strings: every operation is a runtime helper over the CPython string object (the `ref` word).
//!
//! A helper that makes an object (a string, a boxed number) gives a new reference, owned by a
//! hidden slot of the expression that made it, released when the slot is reused or the function
//! exits, as for arrays and lists.

use pyaot_hir::{CmpOp, Expr, StrOp};
use pyaot_mir::{Operand, RtFn, Terminator};
use pyaot_types::{ExcKind, Ty};

use crate::builder::int;
use crate::func::FnLower;

/// CPython's rich comparison code of an operator (`Py_LT` is 0 ... `Py_GE` 5).
fn rich_op(op: CmpOp) -> i64 {
    match op {
        CmpOp::Lt => 0,
        CmpOp::Le => 1,
        CmpOp::Eq => 2,
        CmpOp::Ne => 3,
        CmpOp::Gt => 4,
        CmpOp::Ge => 5,
    }
}

impl FnLower<'_> {
    /// Lowers a string operation of type `ty`.
    pub(crate) fn str_op(&mut self, ty: &Ty, op: &StrOp, args: &[Expr]) -> Vec<Operand> {
        let vals: Vec<Vec<Operand>> = args.iter().map(|a| self.expr(a)).collect();
        let one = |k: usize| vals[k][0];
        match op {
            StrOp::Lit(s) => {
                let id = self.msg(s);
                vec![self.owned_object(RtFn::StrConst, vec![int(id.0 as i64)])]
            }
            StrOp::Len => vec![self.b.call_rt(RtFn::StrLen, vec![one(0)])],
            StrOp::Concat => vec![self.owned_object(RtFn::StrConcat, vec![one(0), one(1)])],
            StrOp::Repeat => vec![self.owned_object(RtFn::StrRepeat, vec![one(0), one(1)])],
            StrOp::Compare(c) => vec![self
                .b
                .call_rt(RtFn::StrCompare, vec![one(0), one(1), int(rich_op(*c))])],
            StrOp::Contains => vec![self.b.call_rt(RtFn::ObjContains, vec![one(0), one(1)])],
            StrOp::Get => vec![self.owned_object(RtFn::StrGet, vec![one(0), one(1)])],
            StrOp::Slice { omitted } => {
                let a = vec![one(0), one(1), one(2), one(3), int(*omitted as i64)];
                vec![self.owned_object(RtFn::StrSlice, a)]
            }
            StrOp::ToInt => vec![self.b.call_rt(RtFn::StrToInt, vec![one(0)])],
            StrOp::ToFloat => vec![self.b.call_rt(RtFn::StrToFloat, vec![one(0)])],
            StrOp::Ord => vec![self.b.call_rt(RtFn::StrOrd, vec![one(0)])],
            StrOp::Chr => vec![self.owned_object(RtFn::StrChr, vec![one(0)])],
            StrOp::Format { conv } => {
                let obj = self.box_value(&args[0].ty, &vals[0]);
                let conv = conv.map_or(0, |c| c as i64);
                vec![self.owned_object(RtFn::Format, vec![obj, int(conv), one(1)])]
            }
            StrOp::Method(name) => {
                let objs: Vec<Operand> = args
                    .iter()
                    .zip(&vals)
                    .map(|(a, v)| self.box_value(&a.ty, v))
                    .collect();
                let id = self.msg(name);
                let none = Operand::Const(pyaot_mir::MConst::Null);
                let n = objs.len() as i64 - 1;
                let call = vec![
                    int(id.0 as i64),
                    objs[0],
                    int(n),
                    objs.get(1).copied().unwrap_or(none),
                    objs.get(2).copied().unwrap_or(none),
                ];
                match ty {
                    Ty::Str => vec![self.owned_object(RtFn::CallMethod, call)],
                    Ty::Int => {
                        let r = self.b.call_rt(RtFn::CallMethod, call);
                        vec![self.b.call_rt(RtFn::ObjToInt, vec![r])]
                    }
                    Ty::Bool => {
                        let r = self.b.call_rt(RtFn::CallMethod, call);
                        vec![self.b.call_rt(RtFn::ObjToBool, vec![r])]
                    }
                    Ty::List(_) => {
                        let r = self.b.call_rt(RtFn::CallMethod, call);
                        let slot = self.new_ref_slot(ty);
                        let l = self.b.call_rt(RtFn::StrsFromPy, vec![r]);
                        self.copy_into(&slot, &[l]);
                        vec![Operand::Local(slot[0])]
                    }
                    t => self.ice(&format!("a string method giving {t}")),
                }
            }
            StrOp::Write => {
                self.b.call_rt(RtFn::WriteStdout, vec![one(0)]);
                vec![]
            }
            StrOp::Raise(exc) => {
                let obj = self.box_value(&args[0].ty, &vals[0]);
                self.b
                    .call_rt(RtFn::RaiseMsg, vec![int(exc_code(*exc)), obj]);
                // The statement never completes: what follows it is dead code.
                self.b.terminate(Terminator::Unreachable);
                vec![]
            }
        }
    }
}

/// The ABI code of an exception kind.
fn exc_code(e: ExcKind) -> i64 {
    e as u8 as i64
}
