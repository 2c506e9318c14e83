//! Checks the oracle itself: the runner's self-test, and every program's directives under CPython alone.
//!
//! This harness needs no compiler, so it shows broken test programs even while the compiler is broken.

use libtest_mimic::{Arguments, Failed, Trial};
use pyaot_testsuite::{python, python_files, python_works, run_capture, test_name, testsuite_dir};
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
        let name = format!("cpython/{}", test_name(&programs, &file));
        let py = python.clone();
        let runner = dir.join("oracle/runner.py");
        trials.push(Trial::test(name, move || {
            python_works(&py)?;
            let (ok, out) = run_capture(Command::new(&py).arg(&runner).arg("--self").arg(&file))?;
            if ok {
                Ok(())
            } else {
                Err(Failed::from(out))
            }
        }));
    }

    libtest_mimic::run(&args, trials).exit();
}
