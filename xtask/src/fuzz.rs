//! `cargo xtask fuzz`: random programs compiled by pyaot and compared with CPython.
//!
//! This side prepares: the test suite's Python environment (`.venv`, with NumPy) and, unless
//! `PYAOT` or `--pyaot` names a compiler already, a release build of pyaot. Then it hands over to
//! `xtask/fuzz/fuzz.py`, which generates, builds, runs, compares and minimises (docs/fuzzing.md).

use std::ffi::OsString;
use std::process::Command;

use crate::bench::build_pyaot;
use crate::{ensure_venv, exit_code, root};

/// `cargo xtask fuzz [FUZZER ARGS...]`: the fuzzer's exit status (0: nothing found).
pub fn fuzz(extra: &[OsString]) -> Result<u8, String> {
    let root = root();
    let python = ensure_venv(&root)?;
    let mut cmd = Command::new(&python);
    cmd.current_dir(&root).arg(root.join("xtask/fuzz/fuzz.py"));
    let informative = extra
        .iter()
        .any(|a| a == "-h" || a == "--help" || a == "--list-features");
    let named = std::env::var_os("PYAOT").is_some_and(|p| !p.is_empty())
        || extra
            .iter()
            .any(|a| a.to_string_lossy().starts_with("--pyaot"));
    if !informative && !named {
        cmd.arg("--pyaot").arg(build_pyaot(&root)?);
    }
    cmd.args(extra);
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run the fuzzer: {e}"))?;
    Ok(exit_code(status))
}
