//! The Python part of a built module: the source without the functions compiled into it.
//!
//! A built module replaces its source: when it is imported, this text runs in the module's
//! namespace (constants, classes, uncompiled functions, imports, module-level statements, in
//! source order), with the compiled functions already there under their own names.

use std::collections::HashSet;

use pyaot_syntax::ast::{Module, StmtKind};

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
        let last = line_of((s.span.end as usize).saturating_sub(1).max(s.span.start as usize));
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
