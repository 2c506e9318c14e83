//! Runtime checks of compiled array code: no memory leaks over a million calls, and the GIL released.
//!
//! Both build `fixtures/leaks.py` and run `fixtures/runtime_checks.py` against the extension;
//! that script also runs against the source itself (`runtime_checks.py gil fixtures/leaks.py`
//! must fail: CPython holds the GIL), which is how it was validated.

use libtest_mimic::{Arguments, Failed, Trial};
mod common;

use common::build;
use pyaot_testsuite::{python, python_works, run_capture, testsuite_dir};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let trials = ["leaks", "gil"]
        .into_iter()
        .map(|check| Trial::test(check, move || run_check(check)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// Builds the fixture and runs one check of `runtime_checks.py` against it.
fn run_check(check: &str) -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir();
    let out_dir = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let so = build(&dir.join("fixtures/leaks.py"), out_dir.path(), &python)?;
    let script = dir.join("fixtures/runtime_checks.py");
    let (ok, out) = run_capture(Command::new(&python).arg(script).arg(check).arg(&so))?;
    if ok {
        // Shown with --nocapture: the measurements, or the note that the check was skipped.
        print!("{out}");
        Ok(())
    } else {
        Err(out.into())
    }
}
