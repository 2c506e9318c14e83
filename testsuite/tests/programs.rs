//! Compiles each `programs/<area>/<name>.py` and compares it with CPython through `oracle/runner.py`.
//!
//! Each program is one test.
//! It is built twice into fresh directories, and the two extension modules must be byte-identical;
//! it is built once more at `-O0` (no MIR pass), and both builds must agree with CPython.
//! A program with a `# pyaot: fastmath` line is built with `--fastmath` too, and must agree as well
//! (its data make every order of evaluation exact).
//! A program with a `# pyaot: xfail REASON` line must fail, and its passing is reported,
//! so known gaps stay visible without breaking the suite.

use libtest_mimic::{Arguments, Failed, Trial};
mod common;

use common::{build, build_at, build_fastmath};
use pyaot_testsuite::{python, python_files, python_works, run_capture, test_name, testsuite_dir};
use std::path::Path;
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let dir = testsuite_dir();
    let programs = dir.join("programs");
    let python = python();
    let trials = python_files(&programs)
        .into_iter()
        .map(|file| {
            let name = test_name(&programs, &file);
            let python = python.clone();
            let runner = dir.join("oracle/runner.py");
            Trial::test(name, move || {
                let result = check_program(&file, &runner, &python);
                match (xfail_reason(&file), result) {
                    (None, result) => result,
                    (Some(_), Err(_)) => Ok(()),
                    (Some(reason), Ok(())) => {
                        Err(format!("passes now: remove its `# pyaot: xfail {reason}` line").into())
                    }
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// The reason of a `# pyaot: xfail REASON` line: the program is known to fail (a FIXME).
fn xfail_reason(file: &Path) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("# pyaot: xfail"))
        .map(|r| r.trim().to_string())
}

/// The one check of this harness: build twice, compare bytes, then run the oracle.
fn check_program(file: &Path, runner: &Path, python: &str) -> Result<(), Failed> {
    python_works(python)?;
    let first = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let second = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let so = build(file, first.path(), python)?;
    let again = build(file, second.path(), python)?;
    let a = std::fs::read(&so).map_err(|e| format!("read {}: {e}", so.display()))?;
    let b = std::fs::read(&again).map_err(|e| format!("read {}: {e}", again.display()))?;
    if so.file_name() != again.file_name() || a != b {
        return Err(format!(
            "nondeterministic build: {} ({} bytes) and {} ({} bytes) differ",
            so.display(),
            a.len(),
            again.display(),
            b.len()
        )
        .into());
    }
    let (ok, out) = run_capture(Command::new(python).arg(runner).arg(file).arg(&so))?;
    if !ok {
        return Err(out.into());
    }
    let unoptimised = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let so0 = build_at(file, unoptimised.path(), python, 0)?;
    let (ok, out) = run_capture(Command::new(python).arg(runner).arg(file).arg(&so0))?;
    if !ok {
        return Err(format!("at -O0 (no MIR pass):\n{out}").into());
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("read: {e}"))?;
    if text.lines().any(|l| l == "# pyaot: fastmath") {
        let fast = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
        let so = build_fastmath(file, fast.path(), python)?;
        let (ok, out) = run_capture(Command::new(python).arg(runner).arg(file).arg(&so))?;
        if !ok {
            return Err(format!("with --fastmath:\n{out}").into());
        }
    }
    Ok(())
}
