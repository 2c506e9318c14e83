//! Built modules replace their sources: the uncompiled parts of `fixtures/dropin/shapes.py`
//! (constants, a class, imports, plain functions, module-level statements) run at import, so the
//! built module offers the same names and behaviour as the source (`fixtures/dropin/compare.py`).

use libtest_mimic::{Arguments, Failed, Trial};
mod common;

use common::build;
use pyaot_testsuite::{python, python_works, run_capture, testsuite_dir};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::test("dropin/shapes", check_dropin);
    libtest_mimic::run(&args, vec![trial]).exit();
}

fn check_dropin() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/dropin");
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&dir.join("shapes.py"), out.path(), &python)?;
    let (ok, text) = run_capture(
        Command::new(&python)
            .arg(dir.join("compare.py"))
            .arg(out.path())
            .arg(&dir),
    )?;
    if ok {
        Ok(())
    } else {
        Err(text.into())
    }
}
