//! A short, deterministic run of the differential fuzzer (`xtask/fuzz/fuzz.py`, docs/fuzzing.md).
//!
//! The fuzzer calls a compiler binary; this test binary is one. Started with `PYAOT_FUZZ_COMPILER`
//! set, as `<this binary> build FILE.py -o DIR --python PY`, it builds through `pyaot_driver`, the
//! same code the CLI runs, so the test needs no separately built `pyaot`.
//! Known classes of mismatch are left out with `--avoid` (see AVOID); remove a switch when its bug
//! is fixed.

use libtest_mimic::{Arguments, Failed, Trial};
use pyaot_driver::{build_file, BuildOptions};
use pyaot_testsuite::{python, python_works, workspace_root};
use std::path::PathBuf;
use std::process::Command;

/// Set in the fuzzer's environment: this binary then compiles instead of testing.
const COMPILER_MODE: &str = "PYAOT_FUZZ_COMPILER";
const SEED: &str = "1";
const PROGRAMS: &str = "500";

/// Features the run leaves out (xtask/fuzz/features.py, docs/fuzzing.md).
const AVOID: &[&str] = &[
    // Documented differences the fuzzer's model does not capture (docs/language.md):
    // a running total is fixed-width from its first assignment in compiled code, a Python
    // number in CPython until then;
    "accumulate",
    // a fixed-width integer meeting a Python int outside its range raises OverflowError.
    "weak-int-range",
    // NumPy itself disagrees between its SIMD and scalar loops for float-to-uint32 casts, and
    // writes garbage into `a_i16 **= np.int32(-1)` before raising.
    "float-u32-cast",
    "int-power-store",
    // NumPy's SIMD loop for the absolute value of complex arrays rounds differently from hypot
    // in the last bit on this CPU kind (docs/fuzzing.md).
    "complex-array-abs",
];

fn main() {
    if std::env::var_os(COMPILER_MODE).is_some() {
        std::process::exit(compile(std::env::args().skip(1).collect()));
    }
    let args = Arguments::from_args();
    let trial = Trial::test(format!("seed_{SEED}_{PROGRAMS}_programs"), run);
    libtest_mimic::run(&args, vec![trial]).exit();
}

/// `build FILE.py -o DIR [--python PY]`, as the fuzzer calls `pyaot`; returns the exit code.
fn compile(args: Vec<String>) -> i32 {
    let mut opts = BuildOptions::default();
    let mut file = None;
    let mut it = args.into_iter().skip_while(|a| a == "build");
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" => opts.out_dir = it.next().map(PathBuf::from).unwrap_or_default(),
            "--python" => opts.python = it.next().unwrap_or_default(),
            _ => file = Some(PathBuf::from(a)),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: build FILE.py -o DIR [--python PY]");
        return 2;
    };
    let outcome = build_file(&file, &opts);
    eprint!("{}", outcome.stderr);
    outcome.exit_code
}

/// The fuzzer with a fixed seed; any mismatch, crash or ill-made program fails the test.
fn run() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let exe = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let jobs = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut cmd = Command::new(&python);
    cmd.arg(workspace_root().join("xtask/fuzz/fuzz.py"))
        .args([
            "--seed",
            SEED,
            "--programs",
            PROGRAMS,
            "--minimize-seconds",
            "60",
        ])
        .arg("--jobs")
        .arg(jobs.to_string())
        .arg("--pyaot")
        .arg(&exe)
        .arg("--out")
        .arg(out.path())
        .env(COMPILER_MODE, "1");
    for feature in AVOID {
        cmd.args(["--avoid", feature]);
    }
    let output = cmd
        .output()
        .map_err(|e| format!("cannot run the fuzzer: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    let mut report = String::from_utf8_lossy(&output.stdout).into_owned();
    report.push_str(&String::from_utf8_lossy(&output.stderr));
    for finding in pyaot_testsuite::python_files(&out.path().join("findings")) {
        let text = std::fs::read_to_string(&finding).unwrap_or_default();
        report.push_str(&format!("\n--- {}\n{text}", finding.display()));
    }
    Err(report.into())
}
