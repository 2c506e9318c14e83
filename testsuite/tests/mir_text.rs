//! The MIR reader reads back exactly what the printer writes, and what it reads verifies: for every
//! test program, its MIR as lowered and after the pass pipeline.

use libtest_mimic::{Arguments, Failed, Trial};
use pyaot_driver::BuildOptions;
use pyaot_testsuite::{python_files, test_name, testsuite_dir};
use std::path::Path;

fn main() {
    let args = Arguments::from_args();
    let programs = testsuite_dir().join("programs");
    let trials = python_files(&programs)
        .into_iter()
        .map(|file| {
            let name = test_name(&programs, &file);
            Trial::test(name, move || round_trip(&file))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn round_trip(file: &Path) -> Result<(), Failed> {
    let (lowered, optimised) = pyaot_driver::mir_of(file, &BuildOptions::default())?;
    for (what, m) in [("lowered", &lowered), ("optimised", &optimised)] {
        let text = m.to_string();
        let back = pyaot_mir::parse_module(&text)
            .map_err(|e| format!("{what} MIR does not read back: {e}\n{text}"))?;
        // Text, not structure: NaN constants are unequal to themselves.
        let again = back.to_string();
        if again != text {
            let line = text
                .lines()
                .zip(again.lines())
                .position(|(a, b)| a != b)
                .map_or(0, |i| i + 1);
            return Err(format!("{what} MIR reads back differently from line {line}").into());
        }
        pyaot_mir::verify(&back).map_err(|e| format!("{what}: {e}"))?;
    }
    Ok(())
}
