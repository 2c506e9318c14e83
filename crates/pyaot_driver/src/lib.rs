//! The compiler pipeline as one function: read, parse, check, lower, generate code, wrap and link.
//!
//! The driver is a library so that the CLI and the test suite run exactly the same code in-process.
//! It is the only place that reads input files and writes outputs (besides `pyaot_link`, which runs `cc`).

mod dropin;
mod emit;
mod exports;
mod gpu;
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
    /// Build against the stable ABI of CPython 3.11: one `.abi3.so` for every later CPython.
    pub abi3: bool,
    /// The compute capability GPU kernels are compiled for (`--cuda-arch sm_80`: 80).
    pub cuda_arch: u32,
    /// The package the file is a module of, when a package is built: its compiled functions
    /// call those of the other modules directly.
    pub package: Option<Package>,
}

/// A module of a package build: its dotted name and the package's other modules.
#[derive(Clone, Debug)]
pub struct Package {
    /// The module's dotted name (`mypkg.kernels`).
    pub module: String,
    /// Every other module of the package: its file and dotted name.
    pub siblings: Vec<(PathBuf, String)>,
}

/// The modules of the package (tree) in directory `dir`: each `.py` file but `__init__.py`,
/// with its dotted name (the directories with an `__init__.py` above it, `dir` included when it
/// has one), sorted.
///
/// # Errors
/// A directory that cannot be read.
pub fn package_modules(dir: &Path) -> std::io::Result<Vec<(PathBuf, String)>> {
    let mut files = Vec::new();
    collect_py(dir, &mut files)?;
    files.sort();
    Ok(files
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "__init__.py"))
        .map(|f| {
            let mut parts = vec![f
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string()];
            let mut d = f.parent().map(Path::to_path_buf);
            while let Some(p) = d {
                if !p.join("__init__.py").exists() {
                    break;
                }
                match p.file_name().and_then(|n| n.to_str()) {
                    Some(n) => parts.push(n.to_string()),
                    None => break,
                }
                d = p.parent().map(Path::to_path_buf);
            }
            parts.reverse();
            (f, parts.join("."))
        })
        .collect())
}

/// The builds of the package in `dir`: each module with options that know the others. The
/// output goes beside each source, or, with `under_out_dir`, under `opts.out_dir` mirroring the
/// package's tree, where the packages' `__init__.py` files are copied so the tree imports.
///
/// # Errors
/// A directory that cannot be read, or an `__init__.py` that cannot be copied.
pub fn package_builds(
    dir: &Path,
    opts: &BuildOptions,
    under_out_dir: bool,
) -> std::io::Result<Vec<(PathBuf, BuildOptions)>> {
    let modules = package_modules(dir)?;
    let mut out = Vec::new();
    for (file, dotted) in &modules {
        let siblings = modules.iter().filter(|(f, _)| f != file).cloned().collect();
        let mut o = opts.clone();
        if under_out_dir {
            let parts: Vec<&str> = dotted.split('.').collect();
            o.out_dir = opts.out_dir.clone();
            o.out_dir.extend(&parts[..parts.len() - 1]);
            // The packages above the module import from the output tree too.
            let (mut src, mut dst) = (
                file.parent().map(Path::to_path_buf),
                Some(o.out_dir.clone()),
            );
            while let (Some(s), Some(d)) = (src, dst) {
                let init = s.join("__init__.py");
                if !init.exists() || d == opts.out_dir.parent().unwrap_or(Path::new("")) {
                    break;
                }
                std::fs::create_dir_all(&d)?;
                std::fs::copy(&init, d.join("__init__.py"))?;
                if d == opts.out_dir {
                    break;
                }
                (src, dst) = (
                    s.parent().map(Path::to_path_buf),
                    d.parent().map(Path::to_path_buf),
                );
            }
        } else {
            o.out_dir = file
                .parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        }
        o.package = Some(Package {
            module: dotted.clone(),
            siblings,
        });
        out.push((file.clone(), o));
    }
    Ok(out)
}

/// The options to build file `path` with: when it is a module of a package (its directory has
/// an `__init__.py`), `package` knows the package's other modules, so its imports of them work
/// as in a package build.
pub fn file_build(path: &Path, opts: &BuildOptions) -> BuildOptions {
    let mut o = opts.clone();
    let Some(mut top) = path.parent().map(Path::to_path_buf) else {
        return o;
    };
    if !top.join("__init__.py").exists() {
        return o;
    }
    while let Some(up) = top.parent() {
        if !up.join("__init__.py").exists() {
            break;
        }
        top = up.to_path_buf();
    }
    let Ok(modules) = package_modules(&top) else {
        return o;
    };
    let same = |f: &Path| f.canonicalize().ok() == path.canonicalize().ok();
    if let Some((_, dotted)) = modules.iter().find(|(f, _)| same(f)) {
        o.package = Some(Package {
            module: dotted.clone(),
            siblings: modules.iter().filter(|(f, _)| !same(f)).cloned().collect(),
        });
    }
    o
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            if p.join("__init__.py").exists() {
                collect_py(&p, out)?;
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
    Ok(())
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
            abi3: false,
            cuda_arch: 70,
            package: None,
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
pub const EMIT_KINDS: &[&str] = &["hir", "mir", "mir-opt", "clif", "asm", "c", "ptx"];

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
