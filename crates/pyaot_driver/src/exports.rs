//! The Python-visible description of exported functions, for the wrapper generator.

use pyaot_hir::Module;
use pyaot_pywrap::{ExportFn, ExportParam};

/// The wrapper's view of function `index` of the module, compiled as `symbol`.
pub(crate) fn export(m: &Module, index: usize, symbol: &str) -> ExportFn {
    let f = &m.funcs[index];
    ExportFn {
        name: f.name.clone(),
        symbol: symbol.to_string(),
        doc: f.doc.clone(),
        params: f
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| ExportParam {
                name: p.name.clone(),
                ty: p.ty.clone(),
                // A default of another type belongs to another variant of a union parameter.
                default: p.default.clone().filter(|d| d.ty() == p.ty),
                writes: f.effects.writes[i],
            })
            .collect(),
        ret: f.ret.clone(),
        // A function working on CPython objects keeps the GIL: each object operation takes
        // it, which costs little only while the thread already holds it.
        release_gil: f.effects.may_run_long && !f.effects.uses_objects,
    }
}
