//! The parser boundary: the only crate that names ruff's types.
//!
//! [`parse`] runs `ruff_python_parser` and converts its tree into pyaot's own [`ast`],
//! turning every syntax error into a [`Diagnostic`] and every construct outside the subset into an
//! `Unsupported` node, so that later stages never see ruff and never fail on exotic syntax.

pub mod ast;
mod convert;
mod depth;
pub mod visit;

pub use depth::MAX_NESTING;

use pyaot_diagnostics::{Code, Diagnostic, FileId};

/// Parses a whole file; every span names `file`. Syntax errors come back as diagnostics next to the
/// (possibly partial) tree.
pub fn parse(source: &str, file: FileId) -> (ast::Module, Vec<Diagnostic>) {
    let cv = convert::Converter { file };
    let parsed =
        ruff_python_parser::parse_unchecked_source(source, ruff_python_ast::PySourceType::Python);
    let diagnostics: Vec<Diagnostic> = parsed
        .errors()
        .iter()
        .map(|e| {
            let span = cv.span(e.location);
            Diagnostic::error(
                Code::SyntaxError,
                format!("invalid syntax: {}", e.error),
                span,
                "here",
            )
            .with_help("this file must be valid Python 3 before pyaot can compile it")
        })
        .collect();
    if let Some(range) = depth::too_deep(parsed.syntax()) {
        let diag = Diagnostic::error(
            Code::NestingTooDeep,
            format!(
                "this file nests statements or expressions more than {MAX_NESTING} levels deep"
            ),
            cv.span(range),
            "too deeply nested",
        )
        .with_help("split the expression into several statements with intermediate variables");
        // Dropping ruff's tree recurses once per level, which could exhaust the stack: leak it instead.
        std::mem::forget(parsed);
        let mut all = diagnostics;
        all.push(diag);
        return (ast::Module::default(), all);
    }
    let mut module = cv.module(parsed.syntax());
    module.line_starts = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i as u32 + 1))
        .collect();
    (module, diagnostics)
}
