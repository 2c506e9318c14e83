//! The compiler pipeline as one function: read, parse, check, lower, generate code, wrap and link.
//!
//! The driver is a library so that the CLI and the test suite run exactly the same code in-process.
//! It is the only place that reads input files and writes outputs (besides `pyaot_link`, which runs `cc`).

mod dropin;
mod emit;
mod exports;
mod incremental;
mod pipeline;
mod stub;
mod timing;

use std::path::{Path, PathBuf};

pub use pyaot_diagnostics::{render_plain, MessageFormat, RenderOptions};
pub use pyaot_syntax::MAX_NESTING;

/// Options of `pyaot build` and `pyaot check`.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Where the extension (and `--emit` files) are written.
    pub out_dir: PathBuf,
    /// The target interpreter, asked for its include directory and extension suffix.
    pub python: String,
    /// Intermediate forms to write next to the output: `hir`, `mir`, `clif`, `asm`, `c`.
    pub emit: Vec<String>,
    /// Bounds checks on array indexing (no arrays yet: accepted for the future).
    pub boundscheck: bool,
    /// 0: no optimisation; 1 and 2: optimise for speed.
    pub opt_level: u8,
    /// Let float reductions be reassociated so they vectorise (see `pyaot_opt::OptOptions`).
    pub fastmath: bool,
    /// Tune code for this machine's CPU instead of a portable x86-64 baseline.
    pub native_cpu: bool,
    /// Where the compiled runtime object is cached; `None` compiles it in every build.
    pub cache_dir: Option<PathBuf>,
    /// Report the time of each stage on stderr.
    pub verbose: bool,
    /// Keep annotated functions that do not compile as Python, with a warning, instead of failing.
    pub allow_python: bool,
    /// Build even when the inputs are those of the build already in `out_dir`.
    pub force: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            out_dir: PathBuf::from("."),
            python: "python3".into(),
            emit: Vec::new(),
            boundscheck: true,
            opt_level: 2,
            fastmath: false,
            native_cpu: false,
            cache_dir: pyaot_link::default_cache_dir(),
            verbose: false,
            allow_python: false,
            force: false,
        }
    }
}

/// The exit status of a build, as the CLI reports it.
pub mod exit {
    /// Success.
    pub const OK: i32 = 0;
    /// The user's program has errors.
    pub const USER_ERROR: i32 = 1;
    /// Bad command line or unreadable input.
    pub const USAGE: i32 = 2;
    /// Internal compiler error.
    pub const INTERNAL: i32 = 101;
}

/// What a build produced.
#[derive(Clone, Debug)]
pub struct BuildOutcome {
    /// 0 ok, 1 user errors, 2 I/O or usage, 101 internal.
    pub exit_code: i32,
    /// The extension module, on success.
    pub output: Option<PathBuf>,
    /// The rendered diagnostics (warnings included), exactly as the CLI prints them.
    pub stderr: String,
    /// The number of functions the module exports (also for `check`).
    pub functions: usize,
    /// The wall time of the build.
    pub seconds: f64,
    /// The output was already built from the same inputs, so nothing was done.
    pub up_to_date: bool,
}

pub use pyaot_link::default_cache_dir;

/// Removes every cached runtime object and interpreter configuration from `dir`; returns how
/// many runtime objects went.
///
/// # Errors
/// A directory that exists but cannot be read or emptied.
pub fn clear_cache(dir: &Path) -> std::io::Result<usize> {
    let mut n = 0;
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = ["runtime-", "header-", "python-", "tmp-"]
            .iter()
            .any(|p| name.starts_with(p));
        if !ours {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
        n += usize::from(name.starts_with("runtime-"));
    }
    Ok(n)
}

/// The kinds `--emit` accepts.
pub const EMIT_KINDS: &[&str] = &["hir", "mir", "mir-opt", "clif", "asm", "c"];

/// Builds one file into an extension module, rendering diagnostics without colour at width 80.
pub fn build_file(path: &Path, opts: &BuildOptions) -> BuildOutcome {
    build_file_with(path, opts, RenderOptions::default())
}

/// Builds one file, rendering diagnostics as asked.
pub fn build_file_with(path: &Path, opts: &BuildOptions, render: RenderOptions) -> BuildOutcome {
    on_compiler_stack(|| pipeline::run(path, opts, render, pipeline::Mode::Build))
}

/// Checks one file and reports every diagnostic, writing nothing.
pub fn check_file(path: &Path, opts: &BuildOptions, render: RenderOptions) -> BuildOutcome {
    on_compiler_stack(|| pipeline::run(path, opts, render, pipeline::Mode::Check))
}

/// The stack the compiler runs on: every stage recurses over the tree, at most
/// `pyaot_syntax::MAX_NESTING` levels deep, whatever thread the caller has (test threads get 2 MiB).
const COMPILER_STACK: usize = 256 << 20;

/// Runs `job` on a thread with [`COMPILER_STACK`] bytes of stack (reserved, touched only as used).
fn on_compiler_stack(job: impl FnOnce() -> BuildOutcome + Send) -> BuildOutcome {
    on_big_stack(job).unwrap_or_else(|| BuildOutcome {
        exit_code: exit::INTERNAL,
        output: None,
        stderr: "error[internal-error]: internal compiler error: the compiler thread failed\n"
            .into(),
        functions: 0,
        seconds: 0.0,
        up_to_date: false,
    })
}

/// Runs `job` on a thread with [`COMPILER_STACK`] bytes of stack; `None` if it panicked.
fn on_big_stack<T: Send>(job: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("pyaot-compiler".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(s, job)
            .expect("cannot start the compiler thread")
            .join()
            .ok()
    })
}

/// The MIR of a file as lowered and after the pass pipeline at `opts.opt_level`, or the rendered
/// errors (for tests and tools).
///
/// # Errors
/// The diagnostics of a program that does not compile, or an internal error.
pub fn mir_of(
    path: &Path,
    opts: &BuildOptions,
) -> Result<(pyaot_mir::Module, pyaot_mir::Module), String> {
    on_big_stack(|| pipeline::mir(path, opts))
        .unwrap_or_else(|| Err("internal compiler error: the compiler thread failed".into()))
}
