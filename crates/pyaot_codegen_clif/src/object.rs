//! The module driver: declares every symbol, defines each function and emits the object file.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use cranelift_codegen::ir::UserFuncName;
use cranelift_codegen::{print_errors, CodegenError as ClifError, Context};
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::{default_libcall_names, FuncId, Linkage, Module as _, ModuleError};
use cranelift_object::{ObjectBuilder, ObjectModule};
use pyaot_mir::{Body, Callee, Module, RtFn, Stmt, Terminator};

use crate::abi;
use crate::{CodegenError, CodegenOptions, ObjectCode};

/// The Cranelift ids of every function a body may reference.
pub(crate) struct Decls {
    /// The id of each MIR body, by `FuncId` index.
    pub bodies: Vec<FuncId>,
    /// The imported runtime helpers the module calls.
    pub runtime: BTreeMap<RtFn, FuncId>,
    /// `pyaot_rt_raise`, if any body raises.
    pub raise: Option<FuncId>,
}

fn module_err(e: impl std::fmt::Display) -> CodegenError {
    CodegenError::new("<module>", e.to_string())
}

/// See [`crate::compile_module`].
pub(crate) fn compile_module(
    module: &Module,
    opts: &CodegenOptions,
) -> Result<ObjectCode, CodegenError> {
    pyaot_mir::verify(module).map_err(module_err)?;
    let isa = crate::isa::build_isa(opts)?;
    let name = if module.name.is_empty() {
        "pyaot_module"
    } else {
        &module.name
    };
    let builder = ObjectBuilder::new(isa, name, default_libcall_names()).map_err(module_err)?;
    let mut obj = ObjectModule::new(builder);
    let decls = declare_all(&mut obj, module)?;

    let mut ctx = obj.make_context();
    let mut fbctx = FunctionBuilderContext::new();
    let mut clif = String::new();
    let mut asm = String::new();
    for (body, &id) in module.funcs.iter().zip(&decls.bodies) {
        ctx.set_disasm(true);
        ctx.func.signature = abi::body_signature(
            obj.isa().default_call_conv(),
            obj.isa().pointer_type(),
            body,
        );
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        crate::function::translate(&mut obj, &decls, module, body, &mut ctx.func, &mut fbctx)?;
        obj.define_function(id, &mut ctx)
            .map_err(|e| define_error(body, &ctx, e))?;
        let _ = writeln!(
            clif,
            "; fn {} (symbol {}, u0:{})",
            body.name,
            body.symbol,
            id.as_u32()
        );
        let _ = writeln!(clif, "{}", ctx.func.display());
        if let Some(vcode) = ctx.compiled_code().and_then(|c| c.vcode.as_deref()) {
            let _ = writeln!(
                asm,
                "; fn {} (symbol {})\n{}:\n{vcode}",
                body.name, body.symbol, body.symbol
            );
        }
        obj.clear_context(&mut ctx);
    }
    let bytes = obj.finish().emit().map_err(module_err)?;
    Ok(ObjectCode {
        bytes,
        clif,
        asm: Some(asm),
    })
}

/// Declares the bodies in `FuncId` order, then the runtime imports in first-use order.
fn declare_all(obj: &mut ObjectModule, module: &Module) -> Result<Decls, CodegenError> {
    let call_conv = obj.isa().default_call_conv();
    let ptr = obj.isa().pointer_type();
    let mut decls = Decls {
        bodies: Vec::with_capacity(module.funcs.len()),
        runtime: BTreeMap::new(),
        raise: None,
    };
    for body in &module.funcs {
        let sig = abi::body_signature(call_conv, ptr, body);
        let id = obj
            .declare_function(&body.symbol, Linkage::Hidden, &sig)
            .map_err(|e| {
                CodegenError::new(&body.name, format!("declaring {}: {e}", body.symbol))
            })?;
        decls.bodies.push(id);
    }
    for body in &module.funcs {
        for block in &body.blocks {
            // `incref` and `decref` call the runtime's incref and decref.
            let stmt_calls = block.stmts.iter().filter_map(|s| match s {
                Stmt::Call { callee, .. } => Some(*callee),
                Stmt::IncRef(_) => Some(RtFn::Incref),
                Stmt::DecRef(_) => Some(RtFn::Decref),
                _ => None,
            });
            let term_call = match &block.terminator {
                Terminator::Call {
                    callee: Callee::Runtime(rt),
                    ..
                } => Some(*rt),
                _ => None,
            };
            for rt in stmt_calls.chain(term_call) {
                if decls.runtime.contains_key(&rt) {
                    continue;
                }
                let sig = abi::rt_signature(call_conv, ptr, rt);
                let id = obj
                    .declare_function(&rt.symbol(), Linkage::Import, &sig)
                    .map_err(|e| {
                        CodegenError::new(&body.name, format!("declaring {}: {e}", rt.symbol()))
                    })?;
                decls.runtime.insert(rt, id);
            }
            if matches!(block.terminator, Terminator::Raise { .. }) && decls.raise.is_none() {
                let sig = abi::raise_signature(call_conv);
                let id = obj
                    .declare_function(abi::RAISE_SYMBOL, Linkage::Import, &sig)
                    .map_err(|e| {
                        CodegenError::new(
                            &body.name,
                            format!("declaring {}: {e}", abi::RAISE_SYMBOL),
                        )
                    })?;
                decls.raise = Some(id);
            }
        }
    }
    Ok(decls)
}

/// Turns a failure of `define_function` into an error naming the body, with the CLIF for verifier errors.
fn define_error(body: &Body, ctx: &Context, e: ModuleError) -> CodegenError {
    let message = match e {
        ModuleError::Compilation(ClifError::Verifier(errors)) => {
            format!(
                "Cranelift verifier errors:\n{}",
                print_errors::pretty_verifier_error(&ctx.func, None, errors)
            )
        }
        ModuleError::Compilation(err) => {
            format!("Cranelift: {err}\n{}", ctx.func.display())
        }
        other => other.to_string(),
    };
    CodegenError::new(&body.name, message)
}
