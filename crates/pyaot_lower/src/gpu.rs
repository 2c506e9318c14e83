//! GPU kernel operations: thread registers, barriers, fixed-size arrays and atomics as MIR.
//!
//! A shared or local array is the usual array words with no owner (its memory is the kernel's),
//! its data the address MIR's `special shared<id>[bytes]` or `local<id>[bytes]` gives, and its
//! constant shape and C strides. Atomics find the element as indexing does (with its bounds
//! check) and call the `gpu_atomic_*` helper of the dtype, which the PTX backend writes inline.

use pyaot_hir::{AtomicOp, Expr, GpuOp, GpuReg};
use pyaot_mir::{Dtype, MConst, MTy, Operand, RtFn, Rvalue, SpecialReg};
use pyaot_types::Ty;

use crate::builder::int;
use crate::func::FnLower;

impl FnLower<'_> {
    /// A GPU operation of type `ty`.
    pub fn gpu_op(&mut self, ty: &Ty, op: &GpuOp, args: &[Expr]) -> Vec<Operand> {
        match op {
            GpuOp::Reg(r, axis) => {
                let reg = match r {
                    GpuReg::ThreadIdx => SpecialReg::ThreadIdx(*axis),
                    GpuReg::BlockIdx => SpecialReg::BlockIdx(*axis),
                    GpuReg::BlockDim => SpecialReg::BlockDim(*axis),
                    GpuReg::GridDim => SpecialReg::GridDim(*axis),
                };
                let v = self.b.emit(MTy::I64, Rvalue::Special(reg));
                if let Operand::Local(l) = v {
                    self.b.mark_nonneg(l);
                }
                vec![v]
            }
            GpuOp::SyncThreads => {
                self.b.call_rt(RtFn::GpuSyncThreads, Vec::new());
                Vec::new()
            }
            GpuOp::Array { shared, id, dims } => {
                let Ty::Array(a) = ty else {
                    self.ice("a kernel array without an array type");
                };
                let item = a.dtype.itemsize();
                let bytes = dims.iter().product::<usize>() as u32 * item as u32;
                let reg = if *shared {
                    SpecialReg::Shared { id: *id, bytes }
                } else {
                    SpecialReg::Local { id: *id, bytes }
                };
                let data = self.b.emit(MTy::I64, Rvalue::Special(reg));
                let mut words = vec![Operand::Const(MConst::Null), data];
                words.extend(dims.iter().map(|&d| int(d as i64)));
                let mut strides = vec![item; dims.len()];
                for k in (0..dims.len().saturating_sub(1)).rev() {
                    strides[k] = strides[k + 1] * dims[k + 1] as i64;
                }
                words.extend(strides.into_iter().map(int));
                words
            }
            GpuOp::Atomic(op) => {
                let Ty::Array(a) = args[0].ty else {
                    self.ice("an atomic operation without an array");
                };
                let n = a.ndim as usize;
                let ops = self.expr(&args[0]);
                let idx: Vec<Operand> = args[1..1 + n].iter().map(|i| self.scalar(i)).collect();
                let values: Vec<Operand> = args[1 + n..].iter().map(|v| self.scalar(v)).collect();
                let addr = self.element_addr(a, &ops, &idx);
                let rt = atomic_fn(*op, a.dtype)
                    .unwrap_or_else(|| self.ice(&format!("atomic {op:?} of {}", a.dtype.name())));
                let mut call_args = vec![addr];
                call_args.extend(values);
                vec![self.b.call_rt(rt, call_args)]
            }
        }
    }
}

/// The helper of an atomic operation on elements of `d` (sema admits only these).
fn atomic_fn(op: AtomicOp, d: Dtype) -> Option<RtFn> {
    use RtFn::*;
    Some(match (op, d) {
        (AtomicOp::Add, Dtype::I64) => GpuAtomicAddI64,
        (AtomicOp::Add, Dtype::I32) => GpuAtomicAddI32,
        (AtomicOp::Add, Dtype::F64) => GpuAtomicAddF64,
        (AtomicOp::Add, Dtype::F32) => GpuAtomicAddF32,
        (AtomicOp::Max, Dtype::I64) => GpuAtomicMaxI64,
        (AtomicOp::Max, Dtype::I32) => GpuAtomicMaxI32,
        (AtomicOp::Min, Dtype::I64) => GpuAtomicMinI64,
        (AtomicOp::Min, Dtype::I32) => GpuAtomicMinI32,
        (AtomicOp::Cas, Dtype::I64) => GpuAtomicCasI64,
        (AtomicOp::Cas, Dtype::I32) => GpuAtomicCasI32,
        _ => return None,
    })
}
