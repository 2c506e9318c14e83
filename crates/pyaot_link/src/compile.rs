//! Runs the C compiler on the wrapper and the linker on all objects, through the cc crate's tool discovery.

use crate::{LinkError, PythonConfig};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixed file names inside the work directory (fixed so nothing random reaches the binary).
const SOURCE: &str = "pyaot_module.c";
const OBJECT: &str = "pyaot_module.o";
const EXPORTS: &str = "pyaot_exports.map";

/// Keeps only the module's init function in the dynamic symbol table.
const VERSION_SCRIPT: &str = "{\n  global: PyInit_*;\n  local: *;\n};\n";

pub fn link_extension(
    c_source: &str,
    objects: &[PathBuf],
    work_dir: &Path,
    output: &Path,
    py: &PythonConfig,
) -> Result<(), LinkError> {
    std::fs::create_dir_all(work_dir).map_err(|e| io_error("create", work_dir, e))?;
    let work_dir = std::path::absolute(work_dir).map_err(|e| io_error("resolve", work_dir, e))?;
    write(&work_dir.join(SOURCE), c_source)?;
    write(&work_dir.join(EXPORTS), VERSION_SCRIPT)?;
    let tool = compiler(&work_dir, py)?;

    // Compile inside the work directory with relative names, so its path never reaches the object.
    let mut cc = tool.to_command();
    cc.current_dir(&work_dir).args(["-c", SOURCE, "-o", OBJECT]);
    run(cc, "C compiler", &tool)?;

    let mut ld = tool.to_command();
    ld.arg("-shared")
        .arg("-o")
        .arg(output)
        .arg(work_dir.join(OBJECT))
        .args(objects)
        .arg("-lm")
        .arg("-ldl")
        .arg(format!(
            "-Wl,--version-script={}",
            work_dir.join(EXPORTS).display()
        ));
    run(ld, "linker", &tool)
}

/// The C compiler for the host, configured for position-independent -O2 code against Python's headers.
fn compiler(work_dir: &Path, py: &PythonConfig) -> Result<cc::Tool, LinkError> {
    let target = target_lexicon::HOST.to_string();
    let mut build = cc::Build::new();
    build
        .target(&target)
        .host(&target)
        .opt_level(2)
        .debug(false)
        .out_dir(work_dir)
        .cargo_metadata(false)
        .cargo_warnings(false)
        .inherit_rustflags(false)
        .pic(true)
        .include(&py.include_dir)
        .flag("-fvisibility=hidden")
        // The runtime follows CPython's float code exactly: no contraction into fused multiply-adds.
        .flag("-ffp-contract=off")
        .flag("-frandom-seed=pyaot")
        .flag(format!("-ffile-prefix-map={}=.", work_dir.display()));
    Ok(build.try_get_compiler()?)
}

/// Runs a tool, turning a failure into a LinkError that carries its output.
fn run(mut cmd: Command, what: &str, tool: &cc::Tool) -> Result<(), LinkError> {
    let program = tool.path().display().to_string();
    let output = cmd
        .output()
        .map_err(|e| LinkError::new(format!("cannot run the {what} `{program}`: {e}")))?;
    if output.status.success() {
        return Ok(());
    }
    Err(LinkError::new(format!(
        "the {what} `{program}` failed ({}):\n{}{}",
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
