//! The runtime object cache: the runtime's C is compiled once per (runtime source, C compiler and
//! flags, Python headers) and the object reused by every later build.
//!
//! Objects live in `$PYAOT_CACHE_DIR`, else `$XDG_CACHE_HOME/pyaot`, else `~/.cache/pyaot`, as
//! `runtime-<key>.o`. An object is written under a temporary name and renamed into place, so
//! concurrent builds never see half an object. Deleting the directory (`pyaot cache --clear`) is always safe.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The cache directory from the environment, if one can be named.
pub fn default_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    env("PYAOT_CACHE_DIR")
        .or_else(|| env("XDG_CACHE_HOME").map(|d| d.join("pyaot")))
        .or_else(|| env("HOME").map(|h| h.join(".cache").join("pyaot")))
}

/// The file name of the runtime object for these inputs.
pub fn object_name(
    runtime_c: &str,
    compiler: &Path,
    args: &[String],
    include_dir: &Path,
) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    runtime_c.hash(&mut h);
    compiler.hash(&mut h);
    args.hash(&mut h);
    include_dir.hash(&mut h);
    // A reinstalled compiler or interpreter changes the key: size and modification time.
    for file in [compiler.to_path_buf(), include_dir.join("Python.h")] {
        let found = which(&file).and_then(|p| std::fs::metadata(p).ok());
        if let Some(m) = found {
            m.len().hash(&mut h);
            let t = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok());
            t.map(|d| d.as_nanos()).hash(&mut h);
        }
    }
    format!("runtime-{:016x}.o", h.finish())
}

/// The cache file name of an interpreter's configuration, when the interpreter is a native
/// binary (not a script that chooses one at run time).
pub fn interpreter_key(python: &str) -> Option<String> {
    let path = which(Path::new(python))?;
    let real = std::fs::canonicalize(&path).ok()?;
    let mut magic = [0u8; 4];
    use std::io::Read;
    std::fs::File::open(&real)
        .ok()?
        .read_exact(&mut magic)
        .ok()?;
    if &magic != b"\x7fELF" {
        return None;
    }
    let meta = std::fs::metadata(&real).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    python.hash(&mut h);
    path.hash(&mut h);
    real.hash(&mut h);
    meta.len().hash(&mut h);
    let t = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok());
    t.map(|d| d.as_nanos()).hash(&mut h);
    Some(format!("python-{:016x}.txt", h.finish()))
}

/// A program named without a directory, found on `PATH`; a path as it is.
fn which(p: &Path) -> Option<PathBuf> {
    if p.components().count() > 1 {
        return Some(p.to_path_buf());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(p))
        .find(|c| c.is_file())
}
