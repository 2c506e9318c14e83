//! Semantic analysis: turns the syntax tree of one file into typed HIR, or into diagnostics.
//!
//! [`check_module`] collects the module's items (imports, constants, functions), gives every exported
//! function its signature from the annotations, then checks each body: names are resolved with Python's
//! scoping rule (a name assigned anywhere in a function is local to it), local types are inferred from
//! their assignments, and unannotated helpers are specialised for the argument types at each call.
//! Once sema accepts a program, later stages report no user errors.

mod annot;
mod array;
mod array_stmt;
mod arraylike;
mod blas;
mod call;
mod closures;
mod complex;
mod dicts;
mod effects;
mod elementwise;
mod expr;
mod func;
mod funcs;
mod generator;
mod gpu;
mod items;
mod iterate;
mod list;
mod numeric;
mod reach;
mod scope;
mod strings;
mod surface;
mod tuple_ops;
mod ufunc;
mod unsupported;

use pyaot_diagnostics::Diagnostic;
use pyaot_syntax::ast;

pub use items::{LibraryModule, SiblingModule};
pub use surface::{numpy_surface, surface_table, Origin, SurfaceEntry};

/// Checks a parsed module named `name`, which may import the bundled library modules `libs`; returns
/// the HIR of every function that checked cleanly (library functions it calls included) and all diagnostics.
pub fn check_module(
    name: &str,
    module: &ast::Module,
    libs: &[LibraryModule<'_>],
) -> (pyaot_hir::Module, Vec<Diagnostic>) {
    check_package_module(name, name, module, libs, &[])
}

/// As [`check_module`], for module `dotted` (`mypkg.kernels`) of a package whose other modules
/// are `siblings`: functions and constants imported from them (`from .util import clamp`,
/// `from . import util`) are compiled into this module and called directly.
pub fn check_package_module(
    name: &str,
    dotted: &str,
    module: &ast::Module,
    libs: &[LibraryModule<'_>],
    siblings: &[SiblingModule<'_>],
) -> (pyaot_hir::Module, Vec<Diagnostic>) {
    let (module, lifted_diags) = closures::lift(module);
    let lifted: Vec<ast::Module> = siblings.iter().map(|s| closures::lift(s.ast).0).collect();
    let siblings: Vec<SiblingModule<'_>> = siblings
        .iter()
        .zip(&lifted)
        .map(|(s, ast)| SiblingModule { name: s.name, ast })
        .collect();
    let mut cx = items::ModuleCx::collect(dotted, &module, libs, &siblings);
    cx.diags.extend(lifted_diags);
    cx.check_all();
    let (mut hir, diags) = cx.finish(name, module.doc.clone());
    effects::compute(&mut hir);
    (hir, diags)
}

#[cfg(test)]
mod tests;
