//! Shared helpers of the integration tests: building a real extension module and running Python on it.

#![allow(dead_code)]

use pyaot_pywrap::{generate, WrapperInput};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The interpreter to test against: `PYAOT_PYTHON`, or `python3` from PATH.
pub fn python() -> String {
    std::env::var("PYAOT_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// A fresh scratch directory under the target directory, named for the test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pyaot_pywrap_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// The host C compiler as the cc crate finds it.
pub fn c_compiler(out_dir: &Path) -> cc::Tool {
    let target = target_lexicon::HOST.to_string();
    cc::Build::new()
        .target(&target)
        .host(&target)
        .opt_level(2)
        .debug(false)
        .out_dir(out_dir)
        .cargo_metadata(false)
        .cargo_warnings(false)
        .pic(true)
        .try_get_compiler()
        .expect("C compiler")
}

/// Compiles a C fixture (standing in for Cranelift output) to an object file.
pub fn compile_object(src: &Path, dir: &Path) -> PathBuf {
    let obj = dir.join(format!("{}.o", src.file_stem().unwrap().to_string_lossy()));
    let status = c_compiler(dir)
        .to_command()
        .args(["-Wall", "-Wextra", "-Werror", "-c"])
        .arg(src)
        .arg("-o")
        .arg(&obj)
        .status()
        .expect("run C compiler");
    assert!(
        status.success(),
        "fixture {} did not compile",
        src.display()
    );
    obj
}

/// Generates the wrapper for `input`, links it with `objects` and returns the directory holding the module.
pub fn build_module(input: &WrapperInput, objects: &[PathBuf], dir: &Path) -> PathBuf {
    let py = pyaot_link::python_config(&python()).expect("python config");
    let c = generate(input);
    let runtime = pyaot_pywrap::runtime_source();
    let sources = pyaot_link::CSources {
        module: &c,
        header: pyaot_pywrap::RUNTIME_HEADER,
        runtime: &runtime,
    };
    let out = dir.join(format!("{}{}", input.module, py.ext_suffix));
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pyaot_cache");
    let linked = pyaot_link::link_extension(
        &sources,
        objects,
        &dir.join("work"),
        &out,
        &py,
        Some(&cache),
    );
    if let Err(e) = linked {
        panic!("link failed: {e}");
    }
    dir.to_path_buf()
}

/// Links the wrapper of `input` with the hand-written "compiled" functions of `tests/fixtures/<c_file>`,
/// then runs `tests/fixtures/<script>` against the module; the script prints `ok` when every check holds.
pub fn check_fixture(name: &str, input: &WrapperInput, c_file: &str, script: &str) {
    let dir = scratch(name);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let obj = compile_object(&fixtures.join(c_file), &dir);
    build_module(input, &[obj], &dir);
    let out = run_python(&dir, &fixtures.join(script), &[]);
    assert!(out.starts_with("ok"), "{out}");
}

/// Runs a Python script with `dir` first on sys.path; panics with its output unless it exits 0.
pub fn run_python(dir: &Path, script: &Path, args: &[&str]) -> String {
    let out = Command::new(python())
        .arg(script)
        .args(args)
        .env("PYTHONPATH", dir)
        .output()
        .expect("run python");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "python script failed:\n{text}");
    text
}

/// Compiles a module's generated C, and the runtime's, with `-Wall -Wextra -Werror` against the
/// interpreter's headers: with the full C API, and with the stable ABI of CPython 3.11 (`--abi3`).
pub fn assert_warning_free(c_source: &str, dir: &Path) {
    std::fs::write(dir.join("pyaot_runtime.h"), pyaot_pywrap::RUNTIME_HEADER)
        .expect("write header");
    for limited in [false, true] {
        assert_compiles_cleanly(c_source, dir, "module", limited);
        assert_compiles_cleanly(&pyaot_pywrap::runtime_source(), dir, "runtime", limited);
    }
}

fn assert_compiles_cleanly(c_source: &str, dir: &Path, name: &str, limited: bool) {
    let src = dir.join(format!("{name}.c"));
    std::fs::write(&src, c_source).expect("write C source");
    let py = pyaot_link::python_config(&python()).expect("python config");
    let out = c_compiler(dir)
        .to_command()
        .args(["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-c"])
        .args(limited.then_some("-DPy_LIMITED_API=0x030B0000"))
        .arg("-I")
        .arg(&py.include_dir)
        .arg(&src)
        .arg("-o")
        .arg(dir.join(format!("{name}.o")))
        .output()
        .expect("run C compiler");
    assert!(
        out.status.success(),
        "warnings or errors:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
