//! The Python part of a built module: the source without the functions compiled into it.
//!
//! A built module replaces its source: when it is imported, this text runs in the module's
//! namespace (constants, classes, uncompiled functions, imports, module-level statements, in
//! source order), with the compiled functions already there under their own names.

use std::collections::HashSet;

use pyaot_diagnostics::{Code, Diagnostic};
use pyaot_syntax::ast::{Module, StmtKind};

/// With `--allow-python`: the top-level functions the errors of a check are in, each with the
/// first error's message; `None` when an error is outside every function (or there is none),
/// which keeping functions as Python cannot fix.
pub(crate) fn failing_functions(
    module: &Module,
    diags: &[Diagnostic],
) -> Option<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    for d in diags.iter().filter(|d| d.is_error()) {
        let f = module.body.iter().find_map(|s| match &s.kind {
            StmtKind::FunctionDef(f)
                if d.span.file == s.span.file
                    && s.span.start <= d.span.start
                    && d.span.start < s.span.end =>
            {
                Some(f)
            }
            _ => None,
        })?;
        if !out.iter().any(|(n, _)| *n == f.name) {
            out.push((f.name.clone(), d.message.clone()));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The warnings naming the functions `--allow-python` kept as Python, with why.
pub(crate) fn kept_as_python(module: &Module, kept: &[(String, String)]) -> Vec<Diagnostic> {
    kept.iter()
        .filter_map(|(name, why)| {
            let f = module.body.iter().find_map(|s| match &s.kind {
                StmtKind::FunctionDef(f) if f.name == *name => Some(f),
                _ => None,
            })?;
            Some(
                Diagnostic::warning(
                    Code::IgnoredModuleItem,
                    format!("function `{name}` is not compiled and runs as Python: {why}"),
                    f.name_span,
                    "kept as Python",
                )
                .with_help(
                    "without --allow-python this is an error; fix it to compile the function",
                ),
            )
        })
        .collect()
}

/// `text` with every top-level `def` of `compiled` (decorators and body) blanked out; line
/// numbers stay, so tracebacks point at the source's lines.
pub(crate) fn python_part(text: &str, module: &Module, compiled: &HashSet<&str>) -> String {
    let mut starts = vec![0usize];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset) - 1;
    let mut blank = vec![false; starts.len()];
    for s in &module.body {
        let StmtKind::FunctionDef(f) = &s.kind else {
            continue;
        };
        if !compiled.contains(f.name.as_str()) {
            continue;
        }
        let first = line_of(s.span.start as usize);
        let last = line_of(
            (s.span.end as usize)
                .saturating_sub(1)
                .max(s.span.start as usize),
        );
        for b in &mut blank[first..=last] {
            *b = true;
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if blank.get(i).copied().unwrap_or(false) {
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_compiled_functions_and_keeps_the_rest_in_place() {
        let src = "import math\nN = 3\n\n@deco\ndef f(x: int) -> int:\n    return x\n\ndef g(y):\n    return f(y)\n\nclass A:\n    pass\n";
        let (ast, errs) = pyaot_syntax::parse(src, pyaot_diagnostics::FileId(0));
        assert!(errs.is_empty());
        let out = python_part(src, &ast, &HashSet::from(["f"]));
        assert_eq!(
            out,
            "import math\nN = 3\n\n\n\n\n\ndef g(y):\n    return f(y)\n\nclass A:\n    pass\n"
        );
    }
}
