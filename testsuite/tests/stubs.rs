//! The `.pyi` stub beside each built module: mypy accepts the fixture's source and the code that
//! uses the built module, refuses the misuses the stub describes, and the using code runs.

use libtest_mimic::{Arguments, Failed, Trial};
mod common;

use common::build;
use pyaot_testsuite::{python, python_works, run_capture, testsuite_dir};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::test("stubs/mypy", check_stubs);
    libtest_mimic::run(&args, vec![trial]).exit();
}

fn check_stubs() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let fixtures = testsuite_dir().join("fixtures/typing");
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&fixtures.join("typed.py"), out.path(), &python)?;
    build(&fixtures.join("kernels_typed.py"), out.path(), &python)?;
    let stub = out.path().join("typed.pyi");
    if !stub.exists() {
        return Err("no typed.pyi beside the module".into());
    }
    for f in ["use_typed.py", "misuse_typed.py", "use_kernels_typed.py"] {
        std::fs::copy(fixtures.join(f), out.path().join(f)).map_err(|e| format!("copy: {e}"))?;
    }
    let mypy = |args: &[&str]| {
        run_capture(
            Command::new(&python)
                .current_dir(out.path())
                .args([
                    "-m",
                    "mypy",
                    "--strict",
                    "--no-error-summary",
                    "--cache-dir",
                ])
                .arg(out.path().join(".mypy_cache"))
                .args(args),
        )
    };
    // The source itself, in the annotation forms type checkers accept.
    let (ok, text) = mypy(&[fixtures.join("typed.py").to_str().unwrap_or_default()])?;
    if !ok {
        return Err(format!("mypy refuses the fixture's source:\n{text}").into());
    }
    // Code using the built module: typed through the stub, and it runs.
    let (ok, text) = mypy(&["use_typed.py"])?;
    if !ok {
        return Err(format!("mypy refuses code using the stub:\n{text}").into());
    }
    let (ok, text) = run_capture(
        Command::new(&python)
            .current_dir(out.path())
            .arg("use_typed.py"),
    )?;
    if !ok {
        return Err(format!("the code using the module fails:\n{text}").into());
    }
    // Misuses: one mypy error per marked line, and on no other line. A kernel is the stub's
    // launcher type: indexing and `ptx()` type-check, using it as an int does not.
    for f in ["misuse_typed.py", "use_kernels_typed.py"] {
        let (ok, text) = mypy(&[f])?;
        let marked: Vec<usize> = std::fs::read_to_string(fixtures.join(f))
            .map_err(|e| format!("read: {e}"))?
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("# error"))
            .map(|(i, _)| i + 1)
            .collect();
        let mut reported: Vec<usize> = text
            .lines()
            .filter(|l| l.contains(": error:"))
            .filter_map(|l| l.split(':').nth(1)?.parse().ok())
            .collect();
        reported.dedup();
        if ok || reported != marked {
            return Err(format!(
                "mypy should report lines {marked:?} of {f}, reported {reported:?}:\n{text}"
            )
            .into());
        }
    }
    let (ok, text) = run_capture(
        Command::new(&python)
            .current_dir(out.path())
            .env("PYAOT_LIBCUDA", out.path().join("no-libcuda.so"))
            .arg("use_kernels_typed.py"),
    )?;
    if !ok || !text.contains("True") {
        return Err(format!("the code using the kernel fails:\n{text}").into());
    }
    Ok(())
}
