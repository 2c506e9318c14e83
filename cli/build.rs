//! Records the commit pyaot is built from, for `pyaot --version`.

use std::process::Command;

fn main() {
    // A build from a git checkout names its commit; one from a source archive says so.
    let commit = std::env::var("PYAOT_COMMIT").ok().or_else(|| {
        let out = Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
            .filter(|c| !c.is_empty())
    });
    let commit = commit.unwrap_or_else(|| "unknown commit".to_string());
    println!("cargo:rustc-env=PYAOT_COMMIT={commit}");
    println!("cargo:rerun-if-env-changed=PYAOT_COMMIT");
    // HEAD names the branch; the branch's ref file (or packed-refs) moves with each commit.
    for f in ["../.git/HEAD", "../.git/refs/heads", "../.git/packed-refs"] {
        println!("cargo:rerun-if-changed={f}");
    }
}
