//! End-to-end tests of pyaot: shared helpers for the harnesses in `tests/`.
//!
//! The test data lives beside this crate:
//! `programs/<area>/<name>.py` run against CPython through `oracle/runner.py`,
//! and `reject/<name>.py` with the expected diagnostics in `reject/<name>.stderr`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The `testsuite/` directory.
pub fn testsuite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root, one level above `testsuite/`.
pub fn workspace_root() -> PathBuf {
    testsuite_dir()
        .parent()
        .expect("testsuite/ has a parent")
        .to_path_buf()
}

/// The interpreter for the oracle and for sysconfig.
///
/// `PYAOT_PYTHON` wins, then `<workspace>/.venv/bin/python`, then `python3` on PATH.
pub fn python() -> String {
    if let Ok(p) = std::env::var("PYAOT_PYTHON") {
        if !p.is_empty() {
            return p;
        }
    }
    let venv = workspace_root().join(".venv/bin/python");
    if venv.exists() {
        return venv.to_string_lossy().into_owned();
    }
    "python3".to_string()
}

/// Checks that the interpreter starts, so a missing Python is one clear failure.
pub fn python_works(python: &str) -> Result<(), String> {
    match Command::new(python).arg("-c").arg("import sys").output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "`{python}` failed to start: {}",
            String::from_utf8_lossy(&out.stderr)
        )),
        Err(e) => Err(format!(
            "cannot run `{python}`: {e} (set PYAOT_PYTHON or run `cargo xtask test`)"
        )),
    }
}

/// All `*.py` files under `dir`, recursively, sorted for a stable test order.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    collect(dir, &mut out);
    out.sort();
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// The test name of a data file: its path below `base`, without `.py`, with `/` separators.
pub fn test_name(base: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(base).unwrap_or(file).with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Seconds one oracle run may take: `PYAOT_TEST_TIMEOUT`, else 120.
pub fn timeout() -> Duration {
    let secs = std::env::var("PYAOT_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    Duration::from_secs(secs)
}

/// Runs a command and returns its exit success with stdout and stderr joined.
///
/// A command still running after [`timeout`] is killed and reported as a failure,
/// so compiled code that loops forever fails one test instead of hanging the suite.
pub fn run_capture(cmd: &mut Command) -> Result<(bool, String), String> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let limit = timeout();
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("waiting for {cmd:?}: {e}")),
        }
    };
    let mut text = stdout.join().unwrap_or_default();
    text.push_str(&stderr.join().unwrap_or_default());
    match status {
        Some(status) => Ok((status.success(), text)),
        None => Ok((
            false,
            format!(
                "{text}\nkilled after {}s (PYAOT_TEST_TIMEOUT)",
                limit.as_secs()
            ),
        )),
    }
}

/// Reads a child's pipe to the end on a thread, so a full pipe never blocks the child.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    })
}
