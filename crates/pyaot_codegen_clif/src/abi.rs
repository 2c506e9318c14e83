//! The mapping of MIR machine types and signatures onto Cranelift's.

use cranelift_codegen::ir::{types, AbiParam, Signature, Type};
use cranelift_codegen::isa::CallConv;
use pyaot_mir::{Body, MTy, RtFn};

/// The Cranelift type of a MIR machine type; `Bool` is an `i8` holding 0 or 1.
pub(crate) fn clif_ty(ty: MTy) -> Type {
    match ty {
        MTy::I64 | MTy::Ref => types::I64,
        MTy::F64 => types::F64,
        MTy::F32 => types::F32,
        MTy::Bool => types::I8,
        MTy::F64x2 => types::F64X2,
        MTy::I64x2 => types::I64X2,
    }
}

/// The size in bytes of a value of the type in memory.
pub(crate) fn size_of(ty: MTy) -> u32 {
    match ty {
        MTy::I64 | MTy::F64 | MTy::Ref => 8,
        MTy::F32 => 4,
        MTy::Bool => 1,
        MTy::F64x2 | MTy::I64x2 => 16,
    }
}

/// A value parameter; booleans are zero-extended as C compilers expect of `_Bool`.
fn value_param(ty: MTy) -> AbiParam {
    let p = AbiParam::new(clif_ty(ty));
    if ty == MTy::Bool {
        p.uext()
    } else {
        p
    }
}

/// `int32_t f(params..., T *out...)`.
pub(crate) fn mir_signature(
    call_conv: CallConv,
    ptr: Type,
    params: &[MTy],
    n_outs: usize,
) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params.extend(params.iter().map(|t| value_param(*t)));
    sig.params.extend((0..n_outs).map(|_| AbiParam::new(ptr)));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

/// The signature of a MIR body.
pub(crate) fn body_signature(call_conv: CallConv, ptr: Type, body: &Body) -> Signature {
    mir_signature(call_conv, ptr, &body.param_tys(), body.rets.len())
}

/// The signature of a runtime helper.
pub(crate) fn rt_signature(call_conv: CallConv, ptr: Type, rt: RtFn) -> Signature {
    mir_signature(call_conv, ptr, rt.params(), rt.results().len())
}

/// `void pyaot_rt_raise(int32_t exc_code, int32_t msg_id)`.
pub(crate) fn raise_signature(call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(types::I32));
    sig.params.push(AbiParam::new(types::I32));
    sig
}

/// The symbol of the runtime's raise function.
pub(crate) const RAISE_SYMBOL: &str = "pyaot_rt_raise";
