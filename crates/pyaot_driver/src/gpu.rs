//! GPU kernels of a build: their PTX (or the diagnostic of a kernel PTX cannot express) and
//! their descriptions for the wrapper's launcher.

use pyaot_diagnostics::{Code, Diagnostic};
use pyaot_pywrap::ExportKernel;

/// The PTX of the module's kernels for `sm_<arch>`, or `None` when it has none.
///
/// # Errors
/// A diagnostic at the kernel that uses what the PTX backend cannot express.
pub(crate) fn kernels_ptx(
    hir: &pyaot_hir::Module,
    mir: &pyaot_mir::Module,
    arch: u32,
) -> Result<Option<String>, Diagnostic> {
    let target = pyaot_ptx::Target { sm: arch };
    let kernels: Vec<(&pyaot_hir::Function, &pyaot_mir::Body)> = hir
        .funcs
        .iter()
        .zip(&mir.funcs)
        .filter(|(f, _)| f.kernel)
        .collect();
    if kernels.is_empty() {
        return Ok(None);
    }
    for (f, body) in &kernels {
        if let Err(e) = pyaot_ptx::emit_module(&[body], target) {
            return Err(Diagnostic::error(
                Code::GpuKernel,
                format!("kernel `{}` cannot be compiled for the GPU: {e}", f.name),
                f.span,
                "GPU kernel",
            )
            .with_help("see docs/gpu.md for what kernels can do; pyaot.cuda.simulate runs any kernel on the CPU"));
        }
    }
    let bodies: Vec<&pyaot_mir::Body> = kernels.iter().map(|(_, b)| *b).collect();
    let ptx = pyaot_ptx::emit_module(&bodies, target).map_err(|e| {
        Diagnostic::error(Code::GpuKernel, e, kernels[0].0.span, "GPU kernel")
            .with_help("see docs/gpu.md")
    })?;
    Ok(Some(ptx))
}

/// The launcher's view of each kernel: its name, PTX entry and parameters.
pub(crate) fn kernel_exports(
    hir: &pyaot_hir::Module,
    mir: &pyaot_mir::Module,
) -> Vec<ExportKernel> {
    hir.funcs
        .iter()
        .zip(&mir.funcs)
        .enumerate()
        .filter(|(_, (f, _))| f.kernel)
        .map(|(i, (_, body))| {
            // A kernel's parameters are described as an exported function's are.
            let f = crate::exports::export(hir, i, &body.symbol);
            ExportKernel {
                name: f.name,
                entry: f.symbol,
                doc: f.doc,
                params: f.params,
            }
        })
        .collect()
}
