//! The target ISA and the shared Cranelift flags.

use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};

use crate::{CodegenError, CodegenOptions};

/// Builds the ISA for the host triple from the options.
pub(crate) fn build_isa(opts: &CodegenOptions) -> Result<OwnedTargetIsa, CodegenError> {
    let err = |m: String| CodegenError::new("<module>", m);
    let mut flags = settings::builder();
    let opt = if opts.opt_level == 0 { "none" } else { "speed" };
    let debug = if cfg!(debug_assertions) {
        "true"
    } else {
        "false"
    };
    for (name, value) in [
        ("opt_level", opt),
        ("is_pic", "true"),
        ("enable_verifier", debug),
        // Unwind tables carry absolute relocations that break `-z text` links.
        ("unwind_info", "false"),
    ] {
        flags
            .set(name, value)
            .map_err(|e| err(format!("setting {name}={value}: {e}")))?;
    }
    let mut isa = cranelift_native::builder_with_options(!opts.portable)
        .map_err(|e| err(format!("host ISA: {e}")))?;
    if opts.portable && cfg!(target_arch = "x86_64") {
        isa.enable("x86-64-v2")
            .map_err(|e| err(format!("x86-64-v2 preset: {e}")))?;
    }
    isa.finish(settings::Flags::new(flags))
        .map_err(|e| err(format!("building the ISA: {e}")))
}
