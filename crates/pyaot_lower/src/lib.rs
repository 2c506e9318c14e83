//! Lowering: HIR (typed trees) to MIR (control-flow graphs), making every Python rule explicit.
//!
//! Overflow checks, zero-division checks, floor-division signs, `range` iteration without overflow and
//! `UnboundLocalError` checks all become plain MIR operations, branches and raises here.
//! HIR is valid by construction, so lowering reports no user errors; a broken invariant panics
//! (an internal compiler error) with a message naming the function.

mod arith;
mod array;
mod builder;
mod complex;
mod expr;
mod func;
mod gpu;
mod intrinsic;
mod list;
mod loops;
mod map;
mod numeric;
mod objects;
mod stmt;
mod strings;
mod unbound;
mod view;

/// Options that change the generated code.
#[derive(Clone, Debug)]
pub struct LowerOptions {
    /// Whether array indexing is bounds-checked (for future array work; unused now).
    pub boundscheck: bool,
}

impl Default for LowerOptions {
    /// Bounds checks on, as the design's default.
    fn default() -> LowerOptions {
        LowerOptions { boundscheck: true }
    }
}

/// Lowers a checked module: one MIR body per HIR function, same order (hir FuncId i == mir FuncId i).
pub fn lower_module(module: &pyaot_hir::Module, opts: &LowerOptions) -> pyaot_mir::Module {
    let mut out = pyaot_mir::Module {
        name: module.name.clone(),
        funcs: Vec::with_capacity(module.funcs.len()),
        messages: Vec::new(),
    };
    for (index, func) in module.funcs.iter().enumerate() {
        let body = func::lower_function(module, &mut out, index, func, opts);
        out.funcs.push(body);
    }
    if cfg!(debug_assertions) {
        if let Err(e) = pyaot_mir::verify(&out) {
            panic!("internal compiler error: lowering produced invalid MIR: {e}\n{out}");
        }
    }
    out
}

/// The linker symbol of function `index`: `pyaot_<index>_<display name with non-alphanumerics as _>`.
pub fn symbol_name(index: usize, display_name: &str) -> String {
    let clean: String = display_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("pyaot_{index}_{clean}")
}
