//! The README's first set-up command, in-process: the bundled example builds and agrees with CPython.

use libtest_mimic::{Arguments, Failed, Trial};
mod common;

use common::build;
use pyaot_testsuite::{python, python_works, run_capture, workspace_root};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::test("examples/kernels", check_example);
    libtest_mimic::run(&args, vec![trial]).exit();
}

/// Builds `examples/kernels.py` and runs `examples/run_kernels.py` on the result.
fn check_example() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let root = workspace_root();
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&root.join("examples/kernels.py"), out.path(), &python)?;
    let (ok, text) = run_capture(
        Command::new(&python)
            .arg(root.join("examples/run_kernels.py"))
            .arg(out.path()),
    )?;
    if ok && !text.contains("MISMATCH") {
        Ok(())
    } else {
        Err(text.into())
    }
}
