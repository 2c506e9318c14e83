//! The parser boundary: the only crate that names ruff's types.
//!
//! [`parse`] runs `ruff_python_parser` and converts its tree into pyaot's own [`ast`],
//! turning every syntax error into a [`Diagnostic`] and every construct outside the subset into an
//! `Unsupported` node, so that later stages never see ruff and never fail on exotic syntax.

pub mod ast;
mod convert;

use pyaot_diagnostics::{Code, Diagnostic, Span};

/// Parses a whole file. Syntax errors come back as diagnostics next to the (possibly partial) tree.
pub fn parse(source: &str) -> (ast::Module, Vec<Diagnostic>) {
    let parsed =
        ruff_python_parser::parse_unchecked_source(source, ruff_python_ast::PySourceType::Python);
    let diagnostics: Vec<Diagnostic> = parsed
        .errors()
        .iter()
        .map(|e| {
            let span = convert::span(e.location);
            // An error at the very end of the file still gets a one-character label.
            let span = if span.start == span.end {
                Span::new(span.start, span.end)
            } else {
                span
            };
            Diagnostic::error(
                Code::SyntaxError,
                format!("invalid syntax: {}", e.error),
                span,
                "here",
            )
            .with_help("this file must be valid Python 3 before pyaot can compile it")
        })
        .collect();
    let module = convert::module(parsed.syntax());
    (module, diagnostics)
}
