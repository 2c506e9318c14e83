//! What to write instead: the help line of each construct outside the compiled subset.

/// The supported alternative to an unsupported construct, named as the syntax layer names it.
pub(crate) fn alternative(what: &str) -> &'static str {
    match what {
        "class definition" => {
            "classes are not compiled: keep the data in tuples or arrays and write module-level functions over them"
        }
        "lambda" => "define a module-level function and call it by name",
        "lambda with defaults or special parameters" => {
            "give the lambda plain parameters, or define a module-level function"
        }
        "`**` in a dict display" | "`**` in a dict comprehension" => {
            "copy the dict with d.copy() and add the other items with update(...)"
        }
        "`yield` (generator function)" => {
            "generator functions are not compiled: return an array or a tuple of the values, or reduce them where they are made (sum(f(x) for x in a))"
        }
        "`try` statement" => {
            "exceptions cannot be caught in compiled code: test the condition first, or let the exception reach the Python caller"
        }
        "`with` statement" => "context managers are not compiled: do this part in Python",
        "`global` statement" => "pass the value as an argument and return the new value",
        "bytes literal" => "use a str: bytes are not supported in compiled code",
        "template string" => "use an f-string: template strings are not compiled",
        "assignment expression (`:=`)" => "assign to the name in a statement of its own first",
        "`match` statement" => "use `if`/`elif`/`else`",
        "type alias" => "write the annotation out where it is used",
        "relative import" => {
            "only `math`, `cmath`, `numpy` and `pyaot` are imported by compiled code; pass values from other modules as arguments"
        }
        "`async for` loop" | "`await`" => "write a plain loop; asynchronous code is not compiled",
        "`*args` parameter" | "`**kwargs` parameter" => {
            "give every parameter a name (defaults are supported)"
        }
        "positional-only parameter" | "keyword-only parameter" => {
            "use plain parameters: compiled functions take their arguments by position or by name"
        }
        "type parameter list" => "annotate with concrete types; helpers without annotations are specialised per call",
        _ => "rewrite it with the supported subset (see docs/language.md)",
    }
}

#[cfg(test)]
mod tests {
    /// Every construct the syntax layer refuses has its own help line.
    #[test]
    fn every_refused_construct_names_an_alternative() {
        let convert = include_str!("../../pyaot_syntax/src/convert.rs");
        let mut names = Vec::new();
        for part in convert.split("Unsupported(\"").skip(1) {
            names.push(part.split("\")").next().unwrap_or_default().to_string());
        }
        for part in convert.split("unsupported.push((").skip(1) {
            if let Some(name) = part.split('"').nth(1) {
                names.push(name.to_string());
            }
        }
        assert!(names.len() > 20, "found {names:?}");
        for name in names.iter().filter(|n| !n.contains("IPython")) {
            assert_ne!(
                super::alternative(name),
                super::alternative("an unknown construct"),
                "no alternative for {name}"
            );
        }
    }
}
