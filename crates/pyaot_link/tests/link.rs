//! Builds small extension modules: importability, exported symbols, determinism and error reporting.

use pyaot_link::{link_extension, python_config, CSources, PythonConfig};
use std::path::{Path, PathBuf};
use std::process::Command;

const MODULE_C: &str = r#"
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* Defined in the separate object, like Cranelift output. */
int64_t pyaot_f_twice(int64_t x);

int64_t not_exported_helper(int64_t x) { return x + 1; }

static PyObject *demo_twice(PyObject *self, PyObject *arg)
{
    (void)self;
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLongLong(not_exported_helper(pyaot_f_twice(v)));
}

static PyMethodDef demo_methods[] = {
    {"twice_plus_one", demo_twice, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef demo_module = {
    PyModuleDef_HEAD_INIT, "demo", NULL, -1, demo_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_demo(void) { return PyModule_Create(&demo_module); }
"#;

const OBJECT_C: &str = "#include <stdint.h>\nint64_t pyaot_f_twice(int64_t x) { return 2 * x; }\n";

fn python() -> String {
    std::env::var("PYAOT_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pyaot_link_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Compiles the stand-in for a Cranelift object.
fn object(dir: &Path) -> PathBuf {
    let src = dir.join("twice.c");
    std::fs::write(&src, OBJECT_C).unwrap();
    let obj = dir.join("twice.o");
    let target = target_lexicon::HOST.to_string();
    let tool = cc::Build::new()
        .target(&target)
        .host(&target)
        .opt_level(2)
        .debug(false)
        .out_dir(dir)
        .cargo_metadata(false)
        .cargo_warnings(false)
        .pic(true)
        .try_get_compiler()
        .unwrap();
    let status = tool
        .to_command()
        .arg("-c")
        .arg(&src)
        .arg("-o")
        .arg(&obj)
        .status()
        .unwrap();
    assert!(status.success());
    obj
}

fn build(dir: &Path, work: &str, py: &PythonConfig) -> PathBuf {
    let out_dir = dir.join(format!("out_{work}"));
    std::fs::create_dir_all(&out_dir).unwrap();
    let output = out_dir.join(format!("demo{}", py.ext_suffix));
    let obj = object(dir);
    let cache = dir.join("cache");
    if let Err(e) = link_extension(
        &sources(MODULE_C),
        &[obj],
        &dir.join(work),
        &output,
        py,
        Some(&cache),
    ) {
        panic!("{e}");
    }
    output
}

/// A module alone, with a one-function runtime and an empty runtime header.
fn sources(module: &str) -> CSources<'_> {
    CSources {
        module,
        header: "/* the runtime interface */\n",
        runtime: "int pyaot_runtime_marker(void) { return 7; }\n",
    }
}

#[test]
fn the_runtime_is_compiled_once_and_reused() {
    let py = python_config(&python()).expect("python config");
    let dir = scratch("cache");
    let first = std::fs::read(build(&dir, "one", &py)).unwrap();
    let cached: Vec<_> = std::fs::read_dir(dir.join("cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("runtime-"))
        .collect();
    assert_eq!(cached.len(), 1, "{cached:?}");
    let runtime = dir.join("cache").join(&cached[0]);
    let stamp = std::fs::metadata(&runtime).unwrap().modified().unwrap();
    let second = std::fs::read(build(&dir, "two", &py)).unwrap();
    assert_eq!(
        std::fs::metadata(&runtime).unwrap().modified().unwrap(),
        stamp
    );
    assert!(first == second, "a build from the cache differs");
    // Without a cache the runtime is compiled in the work directory: the same module again.
    let out = dir.join("nocache.so");
    link_extension(
        &sources(MODULE_C),
        &[object(&dir)],
        &dir.join("w3"),
        &out,
        &py,
        None,
    )
    .unwrap();
    assert!(
        std::fs::read(out).unwrap() == first,
        "a build without the cache differs"
    );
}

#[test]
fn extension_imports_and_exports_only_pyinit() {
    let py = python_config(&python()).expect("python config");
    assert!(py.include_dir.join("Python.h").is_file());
    assert!(py.ext_suffix.ends_with(".so"), "{}", py.ext_suffix);
    let dir = scratch("import");
    let output = build(&dir, "work", &py);
    let run = Command::new(python())
        .args([
            "-c",
            "import demo; assert demo.twice_plus_one(20) == 41; print('ok')",
        ])
        .env("PYTHONPATH", output.parent().unwrap())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let nm = Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(&output)
        .output()
        .expect("nm");
    let symbols = String::from_utf8_lossy(&nm.stdout);
    let names: Vec<&str> = symbols
        .lines()
        .filter_map(|l| l.split_whitespace().nth(2))
        .collect();
    assert_eq!(names, vec!["PyInit_demo"], "{symbols}");
}

#[test]
fn output_is_byte_identical_across_work_dirs() {
    let py = python_config(&python()).expect("python config");
    let dir = scratch("determinism");
    let a = std::fs::read(build(&dir, "first_work_dir", &py)).unwrap();
    let b = std::fs::read(build(&dir, "a/much/longer/second_work_dir", &py)).unwrap();
    assert!(a == b, "outputs differ");
    let text = String::from_utf8_lossy(&a);
    assert!(
        !text.contains("first_work_dir"),
        "the work dir leaks into the binary"
    );
}

#[test]
fn compiler_errors_are_reported_with_their_output() {
    let py = python_config(&python()).expect("python config");
    let dir = scratch("error");
    let output = dir.join(format!("broken{}", py.ext_suffix));
    let err = link_extension(
        &sources("int broken( {\n"),
        &[],
        &dir.join("work"),
        &output,
        &py,
        None,
    )
    .unwrap_err();
    assert!(err.to_string().contains("error"), "{err}");
    assert!(err.message.contains("pyaot_module.c"), "{err}");
}

#[test]
fn missing_interpreter_is_an_error() {
    let err = python_config("/nonexistent/python3")
        .err()
        .expect("an error");
    assert!(err.message.contains("/nonexistent/python3"), "{err}");
}
