//! Runs the C compiler on the wrapper (and on the runtime, unless its object is cached) and the
//! linker on all objects, through the cc crate's tool discovery.

use crate::{cache, CSources, LinkError, LinkReport, PythonConfig};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Instant;

/// The fixed file names inside the work directory (fixed so nothing random reaches the binary).
const SOURCE: &str = "pyaot_module.c";
const OBJECT: &str = "pyaot_module.o";
const RUNTIME_SOURCE: &str = "pyaot_runtime.c";
const RUNTIME_OBJECT: &str = "pyaot_runtime.o";
const EXPORTS: &str = "pyaot_exports.map";
const HEADER: &str = "pyaot_runtime.h";

/// Keeps only the module's init function in the dynamic symbol table.
const VERSION_SCRIPT: &str = "{\n  global: PyInit_*;\n  local: *;\n};\n";

pub fn link_extension(
    sources: &CSources,
    objects: &[PathBuf],
    work_dir: &Path,
    output: &Path,
    py: &PythonConfig,
    cache_dir: Option<&Path>,
) -> Result<LinkReport, LinkError> {
    start(sources, work_dir, py, cache_dir)?.finish(objects, output)
}

/// A build whose wrapper is being compiled by a C compiler running in the background.
pub struct PendingLink {
    tool: cc::Tool,
    work_dir: PathBuf,
    runtime: PathBuf,
    child: Option<Child>,
    started: Instant,
    report: LinkReport,
}

/// Takes the runtime's object and header (from the cache, or compiled now) and starts the C
/// compiler on the wrapper without waiting for it.
pub fn start(
    sources: &CSources,
    work_dir: &Path,
    py: &PythonConfig,
    cache_dir: Option<&Path>,
) -> Result<PendingLink, LinkError> {
    std::fs::create_dir_all(work_dir).map_err(|e| io_error("create", work_dir, e))?;
    let work_dir = std::path::absolute(work_dir).map_err(|e| io_error("resolve", work_dir, e))?;
    write(&work_dir.join(SOURCE), sources.module)?;
    write(&work_dir.join(EXPORTS), VERSION_SCRIPT)?;
    let tool = compiler(py)?;
    let mut report = LinkReport::default();

    let begin = Instant::now();
    let (runtime, cached) = runtime_object(sources.runtime, &tool, py, &work_dir, cache_dir)?;
    report.runtime_cached = cached;
    report.runtime_secs = begin.elapsed().as_secs_f64();

    // Compile inside the work directory with relative names, so its path never reaches the object.
    let include = header_dir(sources.header, &tool, py, &work_dir, cache_dir)?;
    let mut cc = tool.to_command();
    cc.current_dir(&work_dir)
        .arg(format!("-ffile-prefix-map={}=.", work_dir.display()))
        .arg("-I")
        .arg(&include)
        .args(["-c", SOURCE, "-o", OBJECT])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let child = cc.spawn().map_err(|e| {
        LinkError::new(format!(
            "cannot run the C compiler `{}`: {e}",
            tool.path().display()
        ))
    })?;
    Ok(PendingLink {
        tool,
        work_dir,
        runtime,
        child: Some(child),
        started,
        report,
    })
}

impl PendingLink {
    /// Waits for the wrapper's object and links it with the runtime and `objects` into `output`.
    pub fn finish(mut self, objects: &[PathBuf], output: &Path) -> Result<LinkReport, LinkError> {
        let child = self.child.take().expect("finish runs once");
        let out = child.wait_with_output().map_err(|e| {
            LinkError::new(format!(
                "cannot wait for the C compiler `{}`: {e}",
                self.tool.path().display()
            ))
        })?;
        checked(&out, "C compiler", &self.tool)?;
        self.report.module_secs = self.started.elapsed().as_secs_f64();

        let begin = Instant::now();
        let mut ld = self.tool.to_command();
        ld.arg("-shared")
            .arg("-o")
            .arg(output)
            .arg(self.work_dir.join(OBJECT))
            .arg(&self.runtime)
            .args(objects)
            .arg("-lm")
            .arg("-ldl")
            .arg(format!(
                "-Wl,--version-script={}",
                self.work_dir.join(EXPORTS).display()
            ));
        run(ld, "linker", &self.tool)?;
        self.report.link_secs = begin.elapsed().as_secs_f64();
        Ok(self.report.clone())
    }
}

impl Drop for PendingLink {
    /// A build abandoned before `finish` (code generation failed) stops its C compiler.
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Compiles `source` in `dir` to `object`, with the directory mapped to `.` in debug paths.
fn compile(tool: &cc::Tool, dir: &Path, source: &str, object: &str) -> Result<(), LinkError> {
    let mut cc = tool.to_command();
    cc.current_dir(dir)
        .arg(format!("-ffile-prefix-map={}=.", dir.display()))
        .args(["-c", source, "-o", object]);
    run(cc, "C compiler", tool)
}

/// The runtime's object: from the cache when present, else compiled (into the cache when it is
/// writable, else into the work directory). Returns its path and whether it came from the cache.
fn runtime_object(
    runtime_c: &str,
    tool: &cc::Tool,
    py: &PythonConfig,
    work_dir: &Path,
    cache_dir: Option<&Path>,
) -> Result<(PathBuf, bool), LinkError> {
    let Some(dir) = cache_dir.filter(|d| std::fs::create_dir_all(d).is_ok()) else {
        write(&work_dir.join(RUNTIME_SOURCE), runtime_c)?;
        compile(tool, work_dir, RUNTIME_SOURCE, RUNTIME_OBJECT)?;
        return Ok((work_dir.join(RUNTIME_OBJECT), false));
    };
    let name = cache::object_name(runtime_c, tool.path(), &tool_args(tool), &py.include_dir);
    let cached = dir.join(&name);
    if cached.is_file() {
        return Ok((cached, true));
    }
    in_scratch(dir, &name, |tmp| {
        write(&tmp.join(RUNTIME_SOURCE), runtime_c)?;
        compile(tool, tmp, RUNTIME_SOURCE, RUNTIME_OBJECT)?;
        std::fs::rename(tmp.join(RUNTIME_OBJECT), &cached)
            .map_err(|e| io_error("store", &cached, e))
    })?;
    Ok((cached, false))
}

/// The directory holding `pyaot_runtime.h` for the wrapper: in the cache, with the header
/// precompiled (GCC and Clang read `pyaot_runtime.h.gch` in its place, and the object is the same);
/// without a cache, the work directory with the header alone.
fn header_dir(
    header: &str,
    tool: &cc::Tool,
    py: &PythonConfig,
    work_dir: &Path,
    cache_dir: Option<&Path>,
) -> Result<PathBuf, LinkError> {
    let Some(dir) = cache_dir.filter(|d| std::fs::create_dir_all(d).is_ok()) else {
        write(&work_dir.join(HEADER), header)?;
        return Ok(work_dir.to_path_buf());
    };
    let name = cache::object_name(header, tool.path(), &tool_args(tool), &py.include_dir);
    let cached = dir.join(format!(
        "header-{}",
        name.trim_start_matches("runtime-").trim_end_matches(".o")
    ));
    if cached.join(HEADER).is_file() {
        return Ok(cached);
    }
    in_scratch(dir, "header", |tmp| {
        write(&tmp.join(HEADER), header)?;
        let mut cc = tool.to_command();
        cc.current_dir(tmp)
            .arg(format!("-ffile-prefix-map={}=.", tmp.display()))
            .args(["-x", "c-header", HEADER, "-o"])
            .arg(format!("{HEADER}.gch"));
        run(cc, "C compiler", tool)?;
        // A directory moves into place whole; another build may have stored it first.
        match std::fs::rename(tmp, &cached) {
            Ok(()) => Ok(()),
            Err(_) if cached.join(HEADER).is_file() => Ok(()),
            Err(e) => Err(io_error("store", &cached, e)),
        }
    })?;
    Ok(cached)
}

/// Runs `job` in a fresh private directory under `dir` (named for `label`), then removes it.
fn in_scratch(
    dir: &Path,
    label: &str,
    job: impl FnOnce(&Path) -> Result<(), LinkError>,
) -> Result<(), LinkError> {
    let tmp = dir.join(format!("tmp-{}-{label}", unique()));
    std::fs::create_dir_all(&tmp).map_err(|e| io_error("create", &tmp, e))?;
    let tmp = std::path::absolute(&tmp).map_err(|e| io_error("resolve", &tmp, e))?;
    let result = job(&tmp);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

/// The compiler's flags, as text (part of the cache key).
fn tool_args(tool: &cc::Tool) -> Vec<String> {
    tool.args()
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// A name no other build running now uses: the process id and a per-process count.
pub(crate) fn unique() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{}.{n}", std::process::id())
}

/// The C compiler for the host, configured for position-independent -O2 code against Python's headers.
fn compiler(py: &PythonConfig) -> Result<cc::Tool, LinkError> {
    let target = target_lexicon::HOST.to_string();
    let mut build = cc::Build::new();
    build
        .target(&target)
        .host(&target)
        .opt_level(2)
        .debug(false)
        .cargo_metadata(false)
        .cargo_warnings(false)
        .inherit_rustflags(false)
        .pic(true)
        .include(&py.include_dir)
        .flag("-fvisibility=hidden")
        // The runtime follows CPython's float code exactly: no contraction into fused multiply-adds.
        .flag("-ffp-contract=off")
        .flag("-frandom-seed=pyaot");
    if py.limited_api {
        // The stable ABI of CPython 3.11, the oldest that has the buffer protocol in it.
        build.define("Py_LIMITED_API", "0x030B0000");
    }
    Ok(build.try_get_compiler()?)
}

/// Runs a tool, turning a failure into a LinkError that carries its output.
fn run(mut cmd: Command, what: &str, tool: &cc::Tool) -> Result<(), LinkError> {
    let program = tool.path().display().to_string();
    let output = cmd
        .output()
        .map_err(|e| LinkError::new(format!("cannot run the {what} `{program}`: {e}")))?;
    checked(&output, what, tool)
}

/// A LinkError carrying the tool's output, unless it succeeded.
fn checked(output: &Output, what: &str, tool: &cc::Tool) -> Result<(), LinkError> {
    if output.status.success() {
        return Ok(());
    }
    Err(LinkError::new(format!(
        "the {what} `{}` failed ({}):\n{}{}",
        tool.path().display(),
        output.status,
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    )))
}

fn write(path: &Path, text: &str) -> Result<(), LinkError> {
    std::fs::write(path, text).map_err(|e| io_error("write", path, e))
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> LinkError {
    LinkError::new(format!("cannot {what} {}: {e}", path.display()))
}
