//! Builds each `reject/<name>.py` and compares the diagnostics with `reject/<name>.stderr`.
//!
//! The expected file holds `exit: N` on its first line and then the rendered diagnostics.
//! Run with `PYAOT_BLESS=1` to write the expected files from the current output.

use libtest_mimic::{Arguments, Failed, Trial};
use pyaot_driver::{build_file, BuildOptions};
use pyaot_testsuite::{python, python_files, test_name, testsuite_dir};
use std::path::Path;

fn main() {
    let args = Arguments::from_args();
    let dir = testsuite_dir();
    let rejects = dir.join("reject");
    let python = python();
    let bless = std::env::var("PYAOT_BLESS").is_ok_and(|v| v == "1");
    let trials = python_files(&rejects)
        .into_iter()
        .map(|file| {
            let name = test_name(&rejects, &file);
            let python = python.clone();
            let base = dir.clone();
            Trial::test(name, move || check_reject(&file, &base, &python, bless))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// The one check of this harness: the program is rejected exactly as recorded.
fn check_reject(file: &Path, base: &Path, python: &str, bless: bool) -> Result<(), Failed> {
    let out_dir = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let opts = BuildOptions {
        out_dir: out_dir.path().to_path_buf(),
        python: python.to_string(),
        ..BuildOptions::default()
    };
    let outcome = build_file(file, &opts);
    let actual = normalize(
        &format!("exit: {}\n{}", outcome.exit_code, outcome.stderr),
        base,
        out_dir.path(),
    );
    if outcome.exit_code == 0 {
        return Err(format!(
            "the program was accepted, but a reject test must fail to build\n{actual}"
        )
        .into());
    }
    let expected_path = file.with_extension("stderr");
    if bless {
        std::fs::write(&expected_path, &actual)
            .map_err(|e| format!("write {}: {e}", expected_path.display()))?;
        return Ok(());
    }
    let Ok(expected) = std::fs::read_to_string(&expected_path) else {
        return Err(format!(
            "missing {}; run with PYAOT_BLESS=1 to create it. Actual output:\n{actual}",
            expected_path.display()
        )
        .into());
    };
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "diagnostics differ from {} (PYAOT_BLESS=1 rewrites it)\n{}",
            expected_path.display(),
            line_diff(&expected, &actual)
        )
        .into())
    }
}

/// Makes the output independent of where the checkout and the temp dir are.
fn normalize(text: &str, base: &Path, out_dir: &Path) -> String {
    let mut text = text.replace(&format!("{}/", base.display()), "");
    text = text.replace(&out_dir.display().to_string(), "$OUT_DIR");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// A small line diff: `-` expected, `+` actual, for the lines that differ position by position.
fn line_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => out.push_str(&format!("  {x}\n")),
            (x, y) => {
                if let Some(x) = x {
                    out.push_str(&format!("- {x}\n"));
                }
                if let Some(y) = y {
                    out.push_str(&format!("+ {y}\n"));
                }
            }
        }
    }
    out
}
