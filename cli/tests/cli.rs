//! The command line as CI uses it: message formats, the summary line, `-q`, and `check`
//! writing nothing.

use std::path::Path;
use std::process::{Command, Output};

fn pyaot(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyaot"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("pyaot runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const BROKEN: &str = "def f(x: int) -> int:\n    return y\n\ndef h(a, b):\n    return a\n";
const GOOD: &str = "def inc(x: int) -> int:\n    return x + 1\n\ndef dbl(x: float) -> float:\n    return 2.0 * x\n";

fn project(src: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("k.py"), src).expect("write");
    dir
}

#[test]
fn json_lines_name_code_place_and_help() {
    let dir = project(BROKEN);
    let out = pyaot(&["check", "k.py", "--message-format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let error = lines
        .iter()
        .find(|v| v["severity"] == "error")
        .expect("an error record");
    assert_eq!(error["code"], "unknown-name");
    assert_eq!(error["file"], "k.py");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(2), Some(12))
    );
    assert!(error["help"].is_string());
    assert!(lines
        .iter()
        .any(|v| v["severity"] == "warning" && v["line"] == 4));
    let last = lines.last().expect("a summary record");
    assert_eq!(
        (last["type"].as_str(), last["success"].as_bool()),
        (Some("check"), Some(false))
    );
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn github_format_annotates_lines() {
    let dir = project(BROKEN);
    let out = pyaot(
        &["check", "k.py", "--message-format", "github", "-q"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("::error file=k.py,line=2,col=12,endLine=2,endColumn=13,title=pyaot unknown-name::unknown name `y`"),
        "{stdout}"
    );
    assert!(stdout.contains("::warning file=k.py,line=4,"), "{stdout}");
    assert_eq!(
        stdout.lines().count(),
        2,
        "-q leaves only the diagnostics: {stdout}"
    );
}

#[test]
fn check_writes_nothing_and_reports_success() {
    let dir = project(GOOD);
    let out = pyaot(&["check", "k.py"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("checked k.py: 2 exported function(s), no errors"),
        "{stderr}"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(files.len(), 1, "check wrote files");
}

#[test]
fn build_prints_one_summary_line_unless_quiet() {
    let python = std::env::var("PYAOT_PYTHON").unwrap_or_else(|_| "python3".into());
    let dir = project(GOOD);
    let out = pyaot(
        &["build", "k.py", "-o", "out", "--python", &python],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("built k.py -> out/k."), "{stderr}");
    assert!(stderr.contains(": 2 exported function(s) in "), "{stderr}");
    let quiet = pyaot(
        &["build", "k.py", "-o", "out", "-q", "--python", &python],
        dir.path(),
    );
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "{}", text(&quiet.stderr));
    let json = pyaot(
        &[
            "build",
            "k.py",
            "-o",
            "out",
            "--message-format",
            "json",
            "--python",
            &python,
        ],
        dir.path(),
    );
    let record: serde_json::Value =
        serde_json::from_str(text(&json.stdout).trim()).expect("one build record");
    assert_eq!(record["type"], "build");
    assert_eq!(record["functions"], 2);
    assert!(Path::new(record["output"].as_str().expect("output path")).starts_with("out"));
}

#[test]
fn allow_python_keeps_failing_functions_as_python() {
    let python = std::env::var("PYAOT_PYTHON").unwrap_or_else(|_| "python3".into());
    let src = "class Box:\n    def __init__(self, v):\n        self.v = v\n\n\ndef boxed(x: int) -> int:\n    return Box(x).v * 2\n\n\ndef twice(x: int) -> int:\n    return boxed(x) + 1\n\n\ndef inc(x: int) -> int:\n    return x + 1\n";
    let dir = project(src);
    let refused = pyaot(
        &["build", "k.py", "-o", "out", "-q", "--python", &python],
        dir.path(),
    );
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    let out = pyaot(
        &[
            "build",
            "k.py",
            "-o",
            "out",
            "--allow-python",
            "--python",
            &python,
        ],
        dir.path(),
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // `boxed` fails; `twice` calls it, so it stays Python too; `inc` is compiled.
    assert!(
        stderr.contains("function `boxed` is not compiled and runs as Python"),
        "{stderr}"
    );
    assert!(
        stderr.contains("function `twice` is not compiled and runs as Python"),
        "{stderr}"
    );
    assert!(stderr.contains(": 1 exported function(s)"), "{stderr}");
    let run = Command::new(&python)
        .current_dir(dir.path().join("out"))
        .args([
            "-c",
            "import k; print(k.twice(3), k.inc(3), type(k.boxed).__name__, type(k.inc).__name__)",
        ])
        .output()
        .expect("python runs");
    assert_eq!(
        text(&run.stdout).trim(),
        "7 4 function builtin_function_or_method",
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn unchanged_modules_are_not_built_again() {
    let python = std::env::var("PYAOT_PYTHON").unwrap_or_else(|_| "python3".into());
    let dir = project(GOOD);
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "k.py", "-o", "out", "--python", python.as_str()];
        args.extend_from_slice(extra);
        let out = pyaot(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stderr)
    };
    assert!(build(&[]).starts_with("built k.py"));
    assert!(build(&[]).starts_with("k.py is up to date: out/k."));
    // Another option, then the source, then --force: each builds again.
    assert!(build(&["--fastmath"]).starts_with("built k.py"));
    assert!(build(&["--fastmath"]).contains("is up to date"));
    std::fs::write(dir.path().join("k.py"), format!("{GOOD}\n# changed\n")).expect("write");
    assert!(build(&["--fastmath"]).starts_with("built k.py"));
    assert!(build(&["--fastmath", "--force"]).starts_with("built k.py"));
    // A removed output is built again.
    for e in std::fs::read_dir(dir.path().join("out")).expect("out") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "so") {
            std::fs::remove_file(p).expect("remove");
        }
    }
    assert!(build(&["--fastmath"]).starts_with("built k.py"));
}

#[test]
fn without_files_the_configured_modules_are_taken() {
    let dir = project(GOOD);
    let none = pyaot(&["check"], dir.path());
    assert_eq!(none.status.code(), Some(2), "{}", text(&none.stderr));
    std::fs::write(
        dir.path().join("pyproject.toml"),
        "[tool.pyaot]\nmodules = [\"k.py\"]\n",
    )
    .expect("write");
    let out = pyaot(&["check"], dir.path());
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("k.py: 2 exported function(s), no errors"),
        "{stderr}"
    );
}

#[test]
fn version_names_the_commit() {
    let out = pyaot(&["--version"], Path::new("."));
    let v = text(&out.stdout);
    assert!(
        v.starts_with(concat!("pyaot ", env!("CARGO_PKG_VERSION"), " (")),
        "{v}"
    );
    assert!(v.trim_end().ends_with(')'), "{v}");
}

const KERNEL: &str = "from pyaot import cuda, f64\n\n@cuda.kernel\ndef fill(out: f64[:], v: float):\n    i = cuda.grid(1)\n    if i < out.shape[0]:\n        out[i] = v\n";

#[test]
fn emit_ptx_writes_the_kernels_for_the_chosen_architecture() {
    let python = std::env::var("PYAOT_PYTHON").unwrap_or_else(|_| "python3".into());
    let dir = project(KERNEL);
    let out = pyaot(
        &[
            "build",
            "k.py",
            "-o",
            "out",
            "-q",
            "--emit",
            "ptx",
            "--cuda-arch",
            "sm_80",
            "--python",
            &python,
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ptx = std::fs::read_to_string(dir.path().join("out/k.ptx")).expect("k.ptx is written");
    assert!(ptx.contains(".target sm_80"), "{ptx}");
    assert!(
        ptx.contains(".visible .entry") && ptx.contains("fill"),
        "{ptx}"
    );
    let bad = pyaot(
        &["build", "k.py", "--cuda-arch", "sm_35", "--python", &python],
        dir.path(),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("sm_60 or later"),
        "{}",
        text(&bad.stderr)
    );
    // `check` reports what the GPU backend cannot compile, as `build` does.
    let exp = project(
        &KERNEL
            .replace("out[i] = v", "out[i] = math.sin(v)")
            .replace("from", "import math\nfrom"),
    );
    let checked = pyaot(&["check", "k.py"], exp.path());
    assert_eq!(checked.status.code(), Some(1), "{}", text(&checked.stderr));
    assert!(
        text(&checked.stderr).contains("error[gpu-kernel]")
            && text(&checked.stderr).contains("math_sin"),
        "{}",
        text(&checked.stderr)
    );
}
