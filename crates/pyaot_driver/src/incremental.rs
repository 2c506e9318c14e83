//! Incremental builds: a module whose inputs are unchanged is not built again.
//!
//! The fingerprint covers the source text, the options that change the output, the compiler
//! (its executable, the bundled library and runtime sources) and the target interpreter (its
//! headers and extension suffix). A stamp beside the output keeps it; the next build with the
//! same fingerprint, whose outputs are still there, stops before parsing.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::BuildOptions;

/// The fingerprint of building `text` with `opts` for the interpreter `py`.
pub(crate) fn fingerprint(text: &str, opts: &BuildOptions, py: &pyaot_link::PythonConfig) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    (
        opts.boundscheck,
        opts.opt_level,
        opts.fastmath,
        opts.native_cpu,
        opts.allow_python,
        opts.cuda_arch,
    )
        .hash(&mut h);
    py.limited_api.hash(&mut h);
    py.include_dir.hash(&mut h);
    py.ext_suffix.hash(&mut h);
    compiler_identity().hash(&mut h);
    h.finish()
}

/// What identifies this compiler: its executable's size and time, and the sources it embeds.
fn compiler_identity() -> u64 {
    let mut h = DefaultHasher::new();
    if let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) {
        meta.len().hash(&mut h);
        meta.modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .hash(&mut h);
    }
    for m in pyaot_stdlib::MODULES {
        m.source.hash(&mut h);
    }
    pyaot_pywrap::runtime_source().hash(&mut h);
    h.finish()
}

/// The stamp file of module `stem` in `out_dir`.
fn stamp_path(out_dir: &Path, stem: &str) -> PathBuf {
    out_dir.join(format!(".{stem}.pyaot-stamp"))
}

/// The output and its number of exported functions, when a build with fingerprint `key` is
/// already there.
pub(crate) fn up_to_date(
    out_dir: &Path,
    stem: &str,
    ext_suffix: &str,
    key: u64,
) -> Option<(PathBuf, usize)> {
    let text = std::fs::read_to_string(stamp_path(out_dir, stem)).ok()?;
    let mut lines = text.lines();
    let stamped = u64::from_str_radix(lines.next()?, 16).ok()?;
    let functions = lines.next()?.parse().ok()?;
    let output = out_dir.join(format!("{stem}{ext_suffix}"));
    let fresh = stamped == key && output.exists() && out_dir.join(format!("{stem}.pyi")).exists();
    fresh.then_some((output, functions))
}

/// Records a finished build with fingerprint `key`.
pub(crate) fn record(out_dir: &Path, stem: &str, key: u64, functions: usize) {
    // A stamp that cannot be written only costs a rebuild next time.
    let _ = std::fs::write(
        stamp_path(out_dir, stem),
        format!("{key:016x}\n{functions}\n"),
    );
}

/// Forgets the build of `stem` (before building it again, so a failed build is not taken for a
/// finished one).
pub(crate) fn forget(out_dir: &Path, stem: &str) {
    let _ = std::fs::remove_file(stamp_path(out_dir, stem));
}
