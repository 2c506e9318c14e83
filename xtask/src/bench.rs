//! `cargo xtask bench`: pyaot against Numba and C on the loop kernels of `xtask/bench/`, and
//! against plain NumPy, Numba and Pythran on its NumPy-style kernels.
//!
//! This side prepares: it builds the pyaot CLI in release mode and a venv with NumPy, Numba,
//! Pythran and the OpenBLAS that Pythran links for `a @ b` (`target/bench/venv`), then hands over
//! to `xtask/bench/driver.py`, which builds, checks and times the kernels and writes
//! `target/bench/results.{json,md}`. See docs/benchmarks.md.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{exit_code, root, run};

/// What the bench venv gets from PyPI; the stamp file remembers it so later runs skip pip (and a
/// changed list installs again). `scipy-openblas64` gives Pythran a CBLAS without system packages.
const PACKAGES: &[&str] = &["numpy", "numba", "pythran", "scipy-openblas64"];

/// `cargo xtask bench [DRIVER ARGS...]`: exit status 0 only when every loop kernel built, agreed and
/// ran, and pyaot built, ran and agreed with NumPy on every NumPy-style kernel.
pub fn bench(extra: &[OsString]) -> Result<u8, String> {
    let root = root();
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;

    // A CLI that does not compile is reported; the driver still times Numba and C.
    let help = extra.iter().any(|a| a == "-h" || a == "--help");
    let pyaot = (!help).then(|| build_pyaot(&root));
    let python = ensure_bench_venv(&out.join("venv"))?;

    let mut cmd = Command::new(&python);
    cmd.current_dir(&root)
        .arg(root.join("xtask/bench/driver.py"))
        .arg("--out")
        .arg(&out)
        .env("PYTHONPATH", python_path(&root));
    match pyaot {
        Some(Ok(path)) => _ = cmd.arg("--pyaot").arg(path),
        Some(Err(e)) => {
            eprintln!("xtask: warning: {e}; the pyaot columns stay empty");
            cmd.args(["--pyaot-missing", "the pyaot CLI did not compile"]);
        }
        None => {}
    }
    // The user's arguments come last so that theirs win (`--pyaot OTHER`, `--out DIR`).
    cmd.args(extra);
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run the bench driver: {e}"))?;
    Ok(exit_code(status))
}

/// `cargo build --release -p pyaot`; the binary's path, honouring `CARGO_TARGET_DIR`.
pub(crate) fn build_pyaot(root: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("xtask: cargo build --release -p pyaot");
    run(Command::new(cargo)
        .current_dir(root)
        .args(["build", "--release", "-p", "pyaot"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root.join(t) })
        .unwrap_or_else(|| root.join("target"));
    let bin = target.join("release/pyaot");
    if bin.exists() {
        Ok(bin)
    } else {
        Err(format!("{} is missing after the build", bin.display()))
    }
}

/// Creates the bench venv if missing and installs `PACKAGES` into it, once.
fn ensure_bench_venv(venv: &Path) -> Result<PathBuf, String> {
    let python = venv.join("bin/python");
    if !python.exists() {
        let base = std::env::var("PYAOT_BOOTSTRAP_PYTHON").unwrap_or_else(|_| "python3".into());
        eprintln!("xtask: creating {} with {base}", venv.display());
        run(Command::new(&base).args(["-m", "venv"]).arg(venv))?;
    }
    let wanted = PACKAGES.join("\n");
    let stamp = venv.join(".pyaot-bench-packages");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        eprintln!(
            "xtask: installing {} into {}",
            PACKAGES.join(", "),
            venv.display()
        );
        run(Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(PACKAGES))?;
        std::fs::write(&stamp, &wanted)
            .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    }
    Ok(python)
}

/// `stdlib/` (the `pyaot` annotation package) ahead of any PYTHONPATH the user set.
fn python_path(root: &Path) -> OsString {
    let mut paths = vec![root.join("stdlib")];
    if let Some(old) = std::env::var_os("PYTHONPATH") {
        paths.extend(std::env::split_paths(&old));
    }
    std::env::join_paths(paths).unwrap_or_else(|_| root.join("stdlib").into_os_string())
}
