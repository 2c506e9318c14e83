//! The GPU test kernels of `fixtures/cuda/gpu_kernels.py` on the CPU reference
//! (`pyaot.cuda.simulate`): each agrees with NumPy, from the source and from the built module,
//! where the kernels stay Python beside a compiled host function until the PTX backend lands.

use libtest_mimic::{Arguments, Failed, Trial};
mod common;

use common::build;
use pyaot_testsuite::{python, python_works, run_capture, testsuite_dir, workspace_root};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::test("cuda/reference", check_reference);
    libtest_mimic::run(&args, vec![trial]).exit();
}

fn check_reference() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/cuda");
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&dir.join("gpu_kernels.py"), out.path(), &python)?;
    let stdlib = workspace_root().join("stdlib");
    for built in [None, Some(out.path())] {
        let mut cmd = Command::new(&python);
        cmd.arg(dir.join("check_kernels.py"))
            .args(built)
            .env("PYTHONPATH", &stdlib);
        if built.is_none() {
            cmd.current_dir(&dir);
        }
        let (ok, text) = run_capture(&mut cmd)?;
        if !ok {
            return Err(text.into());
        }
    }
    Ok(())
}
