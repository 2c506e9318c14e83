//! Pass tests: each `tests/mir/<name>.mir` names the passes it runs on its first line
//! (`// passes: copy_prop const_fold`), and the MIR they leave must equal `<name>.expected`.
//! A line `// options: fastmath` runs them as `--fastmath` does.
//! `PYAOT_BLESS=1` rewrites the expected files.

use std::path::Path;

#[test]
fn pass_filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mir");
    let bless = std::env::var_os("PYAOT_BLESS").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/mir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "mir"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no pass tests in {}", dir.display());
    let mut failures = Vec::new();
    for input in &inputs {
        let text = std::fs::read_to_string(input).expect("read input");
        let passes: Vec<&str> = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// passes:"))
            .map(|l| l.split_whitespace().collect())
            .unwrap_or_default();
        assert!(
            !passes.is_empty(),
            "{}: no `// passes:` line",
            input.display()
        );
        let mut module =
            pyaot_mir::parse_module(&text).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        pyaot_mir::verify(&module).unwrap_or_else(|e| panic!("{}: input: {e}", input.display()));
        let opts = pyaot_opt::OptOptions {
            fastmath: text.lines().any(|l| l == "// options: fastmath"),
            ..Default::default()
        };
        pyaot_opt::run_passes(&mut module, &passes, &opts)
            .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let got = module.to_string();
        let expected_path = input.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            failures.push(format!(
                "{} (after {}):\n--- expected\n{want}\n--- got\n{got}",
                input.display(),
                passes.join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
