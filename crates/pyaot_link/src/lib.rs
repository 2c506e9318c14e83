//! Compiles the generated C wrapper and links it with the compiled objects into a CPython extension module.

mod compile;
mod config;
mod error;

use std::path::{Path, PathBuf};

pub use error::LinkError;

/// What the target interpreter says about building extensions for it.
pub struct PythonConfig {
    pub include_dir: PathBuf,
    pub ext_suffix: String,
}

/// Asks the interpreter (e.g. "python3" or a path) for its sysconfig include dir and EXT_SUFFIX.
pub fn python_config(python: &str) -> Result<PythonConfig, LinkError> {
    config::query(python)
}

/// Compiles `c_source` (written to a file in `work_dir`) with the cc crate at -O2 with -fPIC against `py.include_dir`,
/// links it with the `objects` (Cranelift .o files) into `output` as a shared library (-shared, -lm, no -lpython),
/// keeping only PyInit_* exported (the C wrapper's helpers are hidden). Deterministic output: same inputs, same bytes.
pub fn link_extension(
    c_source: &str,
    objects: &[PathBuf],
    work_dir: &Path,
    output: &Path,
    py: &PythonConfig,
) -> Result<(), LinkError> {
    compile::link_extension(c_source, objects, work_dir, output, py)
}
