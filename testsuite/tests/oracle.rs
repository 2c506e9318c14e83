//! Checks the oracle itself: the runner's self-test, and every program's directives under CPython alone.
//!
//! This harness needs no compiler, so it shows broken test programs even while the compiler is broken.
//! Programs under `arrays/` and `scalars_fixed/` also run against `oracle/reference.py`, a model of
//! pyaot's argument rules, so their error-path check lines are validated too.

use libtest_mimic::{Arguments, Failed, Trial};
use pyaot_testsuite::{python, python_files, python_works, run_capture, test_name, testsuite_dir};
use std::path::Path;
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let dir = testsuite_dir();
    let python = python();
    let mut trials = Vec::new();

    let py = python.clone();
    let d = dir.clone();
    trials.push(Trial::test("selftest", move || {
        python_works(&py)?;
        let (ok, out) = run_capture(Command::new(&py).arg(d.join("oracle/selftest.py")))?;
        if ok {
            Ok(())
        } else {
            Err(Failed::from(out))
        }
    }));

    let programs = dir.join("programs");
    for file in python_files(&programs) {
        let rel = test_name(&programs, &file);
        let py = python.clone();
        let runner = dir.join("oracle/runner.py");
        trials.push(Trial::test(format!("cpython/{rel}"), {
            let (py, runner, file) = (py.clone(), runner.clone(), file.clone());
            move || runner_passes(&py, &runner, "--self", &file)
        }));
        // Array programs also run against a model of pyaot's argument rules, so check lines hold.
        if REFERENCE_AREAS.iter().any(|a| rel.starts_with(a)) {
            trials.push(Trial::test(format!("reference/{rel}"), move || {
                runner_passes(&py, &runner, "--reference", &file)
            }));
        }
    }

    libtest_mimic::run(&args, trials).exit();
}

/// Program areas whose tests also run under `runner.py --reference`.
const REFERENCE_AREAS: [&str; 2] = ["arrays/", "scalars_fixed/"];

/// Runs `runner.py MODE FILE` and passes when every directive passes.
fn runner_passes(python: &str, runner: &Path, mode: &str, file: &Path) -> Result<(), Failed> {
    python_works(python)?;
    let (ok, out) = run_capture(Command::new(python).arg(runner).arg(mode).arg(file))?;
    if ok {
        Ok(())
    } else {
        Err(Failed::from(out))
    }
}
