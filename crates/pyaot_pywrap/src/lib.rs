//! Generates the C sources of a CPython extension module: the runtime (the same for every module,
//! compiled once and cached by `pyaot_link`) and the module's wrapper, with one wrapper function per
//! exported function and `PyInit_<module>`.

mod cstr;
mod dispatch;
mod kernels;
mod module;
mod prelude;
mod wrapper;

pub use pyaot_types::{ArrayTy, Const, Dtype, Ty};

/// One exported function.
///
/// Parameters must be scalars (`int`, `float`, `bool`), fixed-width scalars or arrays (without a
/// default); a function with any other parameter type is left out of the module (the generated C
/// names it in a comment), as callers never pass one.
pub struct ExportFn {
    pub name: String,        // Python name
    pub symbol: String,      // compiled function's linker symbol
    pub doc: Option<String>, // docstring
    pub params: Vec<ExportParam>,
    pub ret: Ty,
    pub release_gil: bool, // release the GIL around the native call
}

pub struct ExportParam {
    pub name: String,
    pub ty: Ty,
    pub default: Option<Const>,
    /// For an array parameter: whether compiled code may write into it (a writable buffer is required).
    pub writes: bool,
}

pub struct WrapperInput {
    pub module: String, // module name (PyInit_<module>)
    pub doc: Option<String>,
    pub functions: Vec<ExportFn>,
    pub messages: Vec<String>, // exception messages by MsgId (index)
    /// The Python the module runs when imported (the source without its compiled functions).
    pub python: Option<PythonPart>,
    /// GPU kernels, launched from Python over a grid.
    pub kernels: Vec<ExportKernel>,
    /// The PTX module holding the kernels' entries.
    pub ptx: Option<String>,
}

/// One GPU kernel: a module attribute that launches the PTX entry (`kernel[blocks, threads](args)`).
pub struct ExportKernel {
    pub name: String,
    /// The `.entry` name in the PTX.
    pub entry: String,
    pub doc: Option<String>,
    /// Arrays (of real dtypes) and `int`, `float`, `bool`, `f32` or `f64` numbers.
    pub params: Vec<ExportParam>,
}

/// The uncompiled rest of a module's source, run in the module's namespace at import.
#[derive(Clone, Debug)]
pub struct PythonPart {
    /// The source's path, for tracebacks.
    pub filename: String,
    pub source: String,
}

pub use prelude::{runtime_source, RUNTIME_H as RUNTIME_HEADER};

/// The C source of the module's wrapper (wrappers + module init; it includes `pyaot_runtime.h`,
/// [`RUNTIME_HEADER`], and links with the runtime's object). Deterministic: same input, same bytes.
pub fn generate(input: &WrapperInput) -> String {
    let mut out = String::new();
    prelude::emit(input, &mut out);
    let exported: Vec<(usize, &ExportFn)> = input
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| wrapper::supported(f))
        .collect();
    wrapper::emit_prototypes(&exported, &mut out);
    for f in input.functions.iter().filter(|f| !wrapper::supported(f)) {
        out.push_str(&format!(
            "/* {}: left out, a parameter type is not supported by the wrapper. */\n",
            cstr::comment_safe(&f.name)
        ));
    }
    for (i, f) in &exported {
        wrapper::emit(*i, f, &mut out);
    }
    // Functions exported several times under one name (union parameters) get a dispatcher,
    // which the module table lists once.
    let mut listed: Vec<(usize, &ExportFn)> = Vec::new();
    for (i, f) in &exported {
        if listed.iter().any(|(_, g)| g.name == f.name) {
            continue;
        }
        let group: Vec<(usize, &ExportFn)> = exported
            .iter()
            .filter(|(_, g)| g.name == f.name)
            .copied()
            .collect();
        if group.len() > 1 {
            dispatch::emit(*i, &group, &mut out);
        }
        listed.push((*i, f));
    }
    let groups: Vec<(usize, &ExportFn, bool)> = listed
        .iter()
        .map(|(i, f)| {
            (
                *i,
                *f,
                exported.iter().filter(|(_, g)| g.name == f.name).count() > 1,
            )
        })
        .collect();
    module::emit(input, &groups, &mut out);
    out
}
