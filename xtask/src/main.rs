//! Project automation: `cargo xtask test`, `cargo xtask bench` and `cargo xtask fuzz`.
//!
//! `test` prepares the Python environment the oracle needs, then runs the whole workspace's tests.
//! It depends on nothing but the standard library.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

mod bench;
mod fuzz;
mod package;

const USAGE: &str = "usage: cargo xtask <command> [args]

commands:
  test [ARGS...]   create .venv if missing, install testsuite/requirements.txt,
                   then `cargo test --workspace --no-fail-fast ARGS...` with PYAOT_PYTHON set,
                   then the install check: the wheel `pip install .` builds (dev profile),
                   installed into a fresh venv, builds and runs the bundled example
  install-check    the install check alone (after a `cargo build`)
  bench [ARGS...]  build pyaot (release) and target/bench/venv (numpy, numba), then run
                   xtask/bench/driver.py ARGS... (--kernel NAME, --rounds N, --gpu for the
                   GPU triad bandwidth; see --help); results in target/bench/results.{md,json}
  fuzz [ARGS...]   build pyaot (release; $PYAOT or --pyaot PATH skips it), then run
                   xtask/fuzz/fuzz.py ARGS...: random programs compiled and compared with
                   CPython (--seed N, --programs N | --seconds N, --jobs N, --keep,
                   --avoid FEATURE; see --help and docs/fuzzing.md); findings in
                   target/fuzz/findings/";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let cmd = args.next().map(|a| a.to_string_lossy().into_owned());
    let rest: Vec<OsString> = args.collect();
    let result = match cmd.as_deref() {
        Some("test") => test(&rest),
        Some("bench") => bench::bench(&rest),
        Some("fuzz") => fuzz::fuzz(&rest),
        Some("install-check") => {
            let root = root();
            ensure_venv(&root).and_then(|python| package::check_install(&root, &python).map(|()| 0))
        }
        Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            Ok(0)
        }
        _ => {
            eprintln!("{USAGE}");
            Ok(2)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::from(1)
        }
    }
}

/// The workspace root: the parent of `xtask/`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ has a parent")
        .to_path_buf()
}

/// `cargo xtask test`: Python environment first, then `cargo test --workspace`.
fn test(extra: &[OsString]) -> Result<u8, String> {
    let root = root();
    let python = ensure_venv(&root)?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut child = Command::new(cargo)
        .current_dir(&root)
        .args(["test", "--workspace", "--no-fail-fast"])
        .args(extra)
        .env("PYAOT_PYTHON", &python)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    // Echo cargo's output while adding up its `test result:` lines for one closing summary.
    let (mut passed, mut failed) = (0u64, 0u64);
    let stdout = child.stdout.take().expect("piped stdout");
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("cannot read cargo's output: {e}"))?;
        println!("{line}");
        if let Some(rest) = line.strip_prefix("test result: ") {
            passed += count_before(rest, " passed");
            failed += count_before(rest, " failed");
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cannot wait for cargo: {e}"))?;
    // The install check runs after the tests, on the build they used.
    let installed = package::check_install(&root, &python);
    match &installed {
        Ok(()) => passed += 1,
        Err(e) => {
            println!("install check FAILED: {e}");
            failed += 1;
        }
    }
    println!("summary: {passed} passed, {failed} failed");
    let code = exit_code(status);
    Ok(if code == 0 && installed.is_err() {
        1
    } else {
        code
    })
}

/// The number just before `word` in a `test result:` line (`ok. 12 passed; 0 failed; ...`).
fn count_before(text: &str, word: &str) -> u64 {
    text.find(word)
        .and_then(|end| text[..end].rsplit([' ', '.']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Creates `<root>/.venv` if missing and installs the testsuite requirements into it.
///
/// A stamp file holding the installed requirements lets later runs skip pip entirely.
fn ensure_venv(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join(".venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        let base = std::env::var("PYAOT_BOOTSTRAP_PYTHON").unwrap_or_else(|_| "python3".into());
        eprintln!("xtask: creating {} with {base}", venv.display());
        run(Command::new(&base).args(["-m", "venv"]).arg(&venv))?;
    }
    let requirements = root.join("testsuite/requirements.txt");
    let wanted = std::fs::read_to_string(&requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let stamp = venv.join(".pyaot-requirements");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        eprintln!("xtask: installing {}", requirements.display());
        run(Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(&requirements))?;
        std::fs::write(&stamp, &wanted)
            .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    }
    Ok(python)
}

/// Runs a command to completion and turns a failure into an error message.
fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

/// The exit code of a child, 1 when it was killed by a signal.
fn exit_code(status: std::process::ExitStatus) -> u8 {
    status.code().map_or(1, |c| u8::try_from(c).unwrap_or(1))
}
