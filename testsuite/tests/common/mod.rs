//! Shared by the harnesses that compile test programs: building one file into an extension module.

use libtest_mimic::Failed;
use pyaot_driver::{build_file, BuildOptions};
use std::path::{Path, PathBuf};

/// Builds `file` into `out_dir` and returns the path of the extension module.
pub fn build(file: &Path, out_dir: &Path, python: &str) -> Result<PathBuf, Failed> {
    build_at(file, out_dir, python, BuildOptions::default().opt_level)
}

/// Builds a program at an optimisation level (`0` runs no MIR pass).
pub fn build_at(
    file: &Path,
    out_dir: &Path,
    python: &str,
    opt_level: u8,
) -> Result<PathBuf, Failed> {
    let opts = BuildOptions {
        out_dir: out_dir.to_path_buf(),
        python: python.to_string(),
        opt_level,
        ..BuildOptions::default()
    };
    build_with(file, &opts)
}

/// Builds a program with `--fastmath`.
#[allow(dead_code)]
pub fn build_fastmath(file: &Path, out_dir: &Path, python: &str) -> Result<PathBuf, Failed> {
    let opts = BuildOptions {
        out_dir: out_dir.to_path_buf(),
        python: python.to_string(),
        fastmath: true,
        ..BuildOptions::default()
    };
    build_with(file, &opts)
}

fn build_with(file: &Path, opts: &BuildOptions) -> Result<PathBuf, Failed> {
    let outcome = build_file(file, opts);
    match outcome.output {
        Some(so) if outcome.exit_code == 0 => Ok(so),
        _ => Err(format!(
            "build of {} failed with exit code {}:\n{}",
            file.display(),
            outcome.exit_code,
            outcome.stderr
        )
        .into()),
    }
}
