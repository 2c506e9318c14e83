//! Cranelift backend: turns MIR bodies into a native relocatable object file.
//!
//! This is the only crate that names Cranelift types.
//! Every MIR body becomes a hidden function with the C ABI `int32_t f(params..., T *out...)`.

mod abi;
mod function;
mod isa;
mod loops;
mod object;
mod ops;

use std::fmt;

/// How to generate code.
#[derive(Clone, Debug, Default)]
pub struct CodegenOptions {
    /// 0: no optimisation; 1 and above: optimise for speed.
    pub opt_level: u8,
    /// false: tune for the build host's CPU; true: a fixed x86-64-v2 baseline.
    pub portable: bool,
}

/// The result of compiling a module.
#[derive(Clone, Debug)]
pub struct ObjectCode {
    /// The relocatable object file (ELF on Linux).
    pub bytes: Vec<u8>,
    /// The annotated CLIF text of every function, for `--emit clif`.
    pub clif: String,
    /// Cranelift's listing of the machine instructions of every function (its VCode, before
    /// final branch simplification, so it may show `jmp` to the next block and `uninit` pseudo-ops).
    pub asm: Option<String>,
}

/// An internal compiler error from the backend: Cranelift rejected or failed on a function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodegenError {
    /// The MIR name of the function, or `<module>` for module-level failures.
    pub function: String,
    /// What went wrong, with Cranelift's own message (and the CLIF for verifier errors).
    pub message: String,
}

impl CodegenError {
    pub(crate) fn new(function: impl Into<String>, message: impl Into<String>) -> Self {
        CodegenError {
            function: function.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "code generation failed in {}: {}",
            self.function, self.message
        )
    }
}

impl std::error::Error for CodegenError {}

/// Compiles every body of `module` into one object file.
///
/// Output is deterministic: the same module and options give byte-identical objects.
pub fn compile_module(
    module: &pyaot_mir::Module,
    opts: &CodegenOptions,
) -> Result<ObjectCode, CodegenError> {
    object::compile_module(module, opts)
}
