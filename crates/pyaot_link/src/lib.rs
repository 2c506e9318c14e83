//! Compiles the generated C wrapper and links it with the compiled objects into a CPython extension module.

mod cache;
mod compile;
mod config;
mod error;

use std::path::{Path, PathBuf};

pub use compile::PendingLink;
pub use error::LinkError;

/// What the target interpreter says about building extensions for it.
pub struct PythonConfig {
    pub include_dir: PathBuf,
    pub ext_suffix: String,
    /// Build against the stable ABI of CPython 3.11 (`Py_LIMITED_API`): one `.abi3.so` that
    /// loads on every later CPython.
    pub limited_api: bool,
}

impl PythonConfig {
    /// This configuration for a stable-ABI build: the limited API and the `.abi3.so` suffix.
    pub fn stable_abi(mut self) -> PythonConfig {
        self.limited_api = true;
        self.ext_suffix = ".abi3.so".to_string();
        self
    }
}

/// Asks the interpreter (e.g. "python3" or a path) for its sysconfig include dir and EXT_SUFFIX.
pub fn python_config(python: &str) -> Result<PythonConfig, LinkError> {
    config::query(python)
}

/// As [`python_config`], remembered in `cache_dir` for interpreters that are native binaries.
pub fn python_config_cached(
    python: &str,
    cache_dir: Option<&Path>,
) -> Result<PythonConfig, LinkError> {
    config::query_cached(python, cache_dir)
}

/// The two C translation units of a module.
pub struct CSources<'a> {
    /// The module's wrapper (generated per module); it includes `pyaot_runtime.h`.
    pub module: &'a str,
    /// The text of `pyaot_runtime.h`, the interface of the runtime.
    pub header: &'a str,
    /// The runtime (the same for every module of one pyaot version).
    pub runtime: &'a str,
}

/// What linking did and how long each step took.
#[derive(Clone, Debug, Default)]
pub struct LinkReport {
    /// Whether the runtime's object came from the cache.
    pub runtime_cached: bool,
    pub runtime_secs: f64,
    pub module_secs: f64,
    pub link_secs: f64,
}

pub use cache::default_dir as default_cache_dir;

/// Compiles the wrapper (written to a file in `work_dir`) with the cc crate at -O2 with -fPIC against
/// `py.include_dir`, takes the runtime's object and the precompiled runtime header from `cache_dir`
/// (compiling and storing them there first when missing; `None` compiles in `work_dir`), and links both with the `objects`
/// (Cranelift .o files) into `output` as a shared library (-shared, -lm, no -lpython), keeping only
/// PyInit_* exported. Deterministic output: same inputs, same bytes, cached runtime or not.
pub fn link_extension(
    sources: &CSources,
    objects: &[PathBuf],
    work_dir: &Path,
    output: &Path,
    py: &PythonConfig,
    cache_dir: Option<&Path>,
) -> Result<LinkReport, LinkError> {
    compile::link_extension(sources, objects, work_dir, output, py, cache_dir)
}

/// As [`link_extension`] in two steps, so the caller can generate `objects` while the C compiler
/// runs: this starts compiling the wrapper in the background; [`PendingLink::finish`] waits for
/// it and links.
pub fn start_link(
    sources: &CSources,
    work_dir: &Path,
    py: &PythonConfig,
    cache_dir: Option<&Path>,
) -> Result<PendingLink, LinkError> {
    compile::start(sources, work_dir, py, cache_dir)
}
