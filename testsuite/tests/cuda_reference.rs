//! The GPU test kernels of `fixtures/cuda/gpu_kernels.py`, checked without a GPU:
//!
//! - `cuda/reference`: `pyaot.cuda.simulate` (CPython's semantics) agrees with NumPy on each
//!   kernel, from the source and from the built module (whose kernels keep their Python
//!   function as `py_func`).
//! - `cuda/interp-O0`, `cuda/interp-O2`: the kernels' MIR, as lowered and after the pass
//!   pipeline, run over each launch's grid by the MIR interpreter (`pyaot_interp::run_kernel`)
//!   leaves every array argument bit for bit as `simulate` does, and raises where it raises.
//! - `cuda/ptxas`: the PTX (`--emit ptx`) of the test kernels and of `math_kernels.py` assembles
//!   with `ptxas` (from the PyPI package `nvidia-cuda-nvcc-cu12` in the test venv) for sm_70,
//!   sm_80 and sm_90.
//! - `cuda/math-O0`, `cuda/math-O2`: `math.exp`, `math.log`, `np.exp` and `np.log` in kernels
//!   (`fixtures/cuda/math_kernels.py`), which pyaot writes out in MIR, replayed by the interpreter
//!   over 40,000 arguments: within one unit in the last place of the C library's results (those
//!   of CPython and NumPy), exact special values, and Python's errors; `x ** 2` is the exact
//!   product.
//! - `cuda/ptx-snapshot`: the PTX of the small kernels of `fixtures/cuda/snapshot.py` equals
//!   `snapshot.ptx` (`PYAOT_BLESS=1` rewrites it) and assembles for sm_70.
//! - `cuda/no-driver`: the built module imports, and a launch without a driver raises
//!   RuntimeError naming it (the driver is pointed at a missing file, so this holds everywhere).
//! - `cuda/fake-driver`: the launcher against `fixtures/cuda/fake_libcuda.c`, a CPU stand-in for
//!   the driver that runs `vector_add` from the parameter words it is given: NumPy and device
//!   arrays, copies back into strided views, the kernel's IndexError, and argument errors.
//! - `cuda/device`: where an NVIDIA GPU and its driver are present, every test kernel is launched
//!   on it, with NumPy arrays and with device arrays, and compared with NumPy. Elsewhere it
//!   prints why it was skipped and passes.

use libtest_mimic::{Arguments, Failed, Trial};
mod common;
#[path = "common/kernel_cases.rs"]
mod kernel_cases;

use common::build;
use pyaot_driver::BuildOptions;
use pyaot_interp::Outcome;
use pyaot_testsuite::{python, python_works, run_capture, testsuite_dir, workspace_root};
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let trials = vec![
        Trial::test("cuda/reference", check_reference),
        Trial::test("cuda/interp-O0", || check_interp(0)),
        Trial::test("cuda/interp-O2", || check_interp(2)),
        Trial::test("cuda/ptxas", check_ptxas),
        Trial::test("cuda/ptx-snapshot", check_snapshot),
        Trial::test("cuda/math-O0", || check_math(0)),
        Trial::test("cuda/math-O2", || check_math(2)),
        Trial::test("cuda/no-driver", check_no_driver),
        Trial::test("cuda/fake-driver", check_fake_driver),
        Trial::test("cuda/device", check_device),
    ];
    libtest_mimic::run(&args, trials).exit();
}

fn kernels_file() -> PathBuf {
    testsuite_dir().join("fixtures/cuda/gpu_kernels.py")
}

fn check_reference() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/cuda");
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&kernels_file(), out.path(), &python)?;
    let stdlib = workspace_root().join("stdlib");
    for built in [None, Some(out.path())] {
        let mut cmd = Command::new(&python);
        cmd.arg(dir.join("check_kernels.py"))
            .args(built)
            .env("PYTHONPATH", &stdlib);
        if built.is_none() {
            cmd.current_dir(&dir);
        }
        let (ok, text) = run_capture(&mut cmd)?;
        if !ok {
            return Err(text.into());
        }
    }
    Ok(())
}

fn check_interp(level: u8) -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/cuda");
    let mut cmd = Command::new(&python);
    cmd.arg(dir.join("dump_cases.py"))
        .current_dir(&dir)
        .env("PYTHONPATH", workspace_root().join("stdlib"));
    let (ok, text) = run_capture(&mut cmd)?;
    if !ok {
        return Err(text.into());
    }
    let cases = kernel_cases::parse(&text)?;
    if cases.len() < 15 {
        return Err(format!("only {} launches were dumped:\n{text}", cases.len()).into());
    }
    let opts = BuildOptions {
        opt_level: level,
        ..BuildOptions::default()
    };
    // -O0 still runs the level-0 passes (kernels, legalize, drops): what the backend sees.
    let (_, module) = pyaot_driver::mir_of(&kernels_file(), &opts)?;
    let mut problems = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let what = format!("launch {n} ({}, -O{level})", case.kernel);
        if let Err(e) = kernel_cases::compare(&module, case) {
            problems.push(format!("{what}: {e}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn check_ptxas() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let ptxas = kernel_cases::ptxas(&python)?;
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let math = testsuite_dir().join("fixtures/cuda/math_kernels.py");
    for (file, stem, kernels) in [
        (kernels_file(), "gpu_kernels", 12),
        (math, "math_kernels", 7),
    ] {
        for arch in [70, 80, 90] {
            let opts = BuildOptions {
                out_dir: out.path().to_path_buf(),
                python: python.clone(),
                emit: vec!["ptx".into()],
                cuda_arch: arch,
                force: true,
                ..BuildOptions::default()
            };
            let outcome = pyaot_driver::build_file(&file, &opts);
            if outcome.exit_code != 0 {
                return Err(
                    format!("build of {stem} for sm_{arch} failed:\n{}", outcome.stderr).into(),
                );
            }
            let ptx = out.path().join(format!("{stem}.ptx"));
            let text = std::fs::read_to_string(&ptx).map_err(|e| format!("read the PTX: {e}"))?;
            let entries = text.matches(".visible .entry").count();
            if entries != kernels || !text.contains(&format!(".target sm_{arch}")) {
                return Err(format!("{stem}, sm_{arch}: {entries} entries in\n{text}").into());
            }
            assemble(&ptxas, &ptx, arch, out.path())?;
        }
    }
    Ok(())
}

fn assemble(ptxas: &Path, ptx: &Path, arch: u32, dir: &Path) -> Result<(), String> {
    let cubin = dir.join(format!("sm_{arch}.cubin"));
    let out = Command::new(ptxas)
        .arg(format!("-arch=sm_{arch}"))
        .arg(ptx)
        .arg("-o")
        .arg(&cubin)
        .output()
        .map_err(|e| format!("run {}: {e}", ptxas.display()))?;
    if !out.status.success() {
        return Err(format!(
            "ptxas -arch=sm_{arch} rejected the PTX:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

fn check_no_driver() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&kernels_file(), out.path(), &python)?;
    let script = r#"
import sys
import numpy as np
import gpu_kernels as k
a = np.ones(4)
try:
    k.vector_add[1, 4](a, a, np.zeros(4))
except RuntimeError as e:
    assert "libcuda-missing.so" in str(e) and "simulate" in str(e), e
else:
    sys.exit("a launch without a driver did not raise")
try:
    k.vector_add(a, a, a)
except TypeError as e:
    assert "vector_add[blocks, threads]" in str(e), e
else:
    sys.exit("a call without a grid did not raise")
assert k.host_total(np.arange(4.0)) == 6.0
print("ok")
"#;
    let mut cmd = Command::new(&python);
    cmd.args(["-c", script])
        .current_dir(out.path())
        .env("PYAOT_LIBCUDA", out.path().join("libcuda-missing.so"));
    let (ok, text) = run_capture(&mut cmd)?;
    if !ok || !text.contains("ok") {
        return Err(text.into());
    }
    Ok(())
}

fn check_fake_driver() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/cuda");
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&kernels_file(), out.path(), &python)?;
    let fake = out.path().join("libfakecuda.so");
    let cc = Command::new("cc")
        .args(["-shared", "-fPIC", "-O1", "-o"])
        .arg(&fake)
        .arg(dir.join("fake_libcuda.c"))
        .output()
        .map_err(|e| format!("run cc: {e}"))?;
    if !cc.status.success() {
        return Err(String::from_utf8_lossy(&cc.stderr).into_owned().into());
    }
    let log = out.path().join("launches.log");
    let mut cmd = Command::new(&python);
    cmd.arg(dir.join("fake_driver_check.py"))
        .arg(out.path())
        .env("PYAOT_LIBCUDA", &fake)
        .env("FAKE_CUDA_LOG", &log)
        .env(
            "FAKE_CUDA_INDEX_ERROR",
            pyaot_mir::ExcKind::IndexError.code().to_string(),
        );
    let (ok, text) = run_capture(&mut cmd)?;
    if !ok || !text.contains("ok") {
        return Err(text.into());
    }
    Ok(())
}

fn check_device() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/cuda");
    let stdlib = workspace_root().join("stdlib");
    let probe = "from pyaot import cuda\ntry:\n    cuda._lib()\n    print('gpu')\nexcept RuntimeError as e:\n    print(e)\n";
    let mut cmd = Command::new(&python);
    cmd.args(["-c", probe]).env("PYTHONPATH", &stdlib);
    let (ok, text) = run_capture(&mut cmd)?;
    if !ok {
        return Err(text.into());
    }
    if text.trim() != "gpu" {
        eprintln!("cuda/device skipped: {}", text.trim());
        return Ok(());
    }
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    build(&kernels_file(), out.path(), &python)?;
    let mut cmd = Command::new(&python);
    cmd.arg(dir.join("check_kernels.py"))
        .arg(out.path())
        .arg("--gpu")
        .env("PYTHONPATH", &stdlib);
    let (ok, text) = run_capture(&mut cmd)?;
    if !ok {
        return Err(text.into());
    }
    eprintln!("cuda/device: {}", text.trim());
    Ok(())
}

fn check_snapshot() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let dir = testsuite_dir().join("fixtures/cuda");
    let (_, module) = pyaot_driver::mir_of(&dir.join("snapshot.py"), &BuildOptions::default())?;
    let kernels: Vec<&pyaot_mir::Body> = module.funcs.iter().filter(|b| b.kernel).collect();
    let ptx = pyaot_ptx::emit_module(&kernels, pyaot_ptx::Target::default())?;
    let path = dir.join("snapshot.ptx");
    if std::env::var_os("PYAOT_BLESS").is_some() {
        std::fs::write(&path, &ptx).map_err(|e| format!("bless: {e}"))?;
    }
    let want = std::fs::read_to_string(&path)
        .map_err(|e| format!("read snapshot.ptx (PYAOT_BLESS=1 writes it): {e}"))?;
    if ptx != want {
        return Err(format!(
            "the PTX of snapshot.py changed (PYAOT_BLESS=1 rewrites snapshot.ptx):\n{ptx}"
        )
        .into());
    }
    let out = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    assemble(&kernel_cases::ptxas(&python)?, &path, 70, out.path())?;
    Ok(())
}

/// The distance in units in the last place between two floats of one sign (0 for two NaNs).
fn ulps(a: f64, b: f64) -> u64 {
    if a.is_nan() && b.is_nan() || a == b {
        return 0;
    }
    if a.is_sign_negative() != b.is_sign_negative() {
        return u64::MAX;
    }
    a.to_bits().abs_diff(b.to_bits())
}

fn check_math(level: u8) -> Result<(), Failed> {
    use proptest::prelude::Rng as _;
    use proptest::test_runner::{RngAlgorithm, TestRng};
    let file = testsuite_dir().join("fixtures/cuda/math_kernels.py");
    let opts = BuildOptions {
        opt_level: level,
        ..BuildOptions::default()
    };
    let (_, module) = pyaot_driver::mir_of(&file, &opts)?;
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut unit = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let n = 10_000;
    let specials = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        5e-324,
        2.2e-308,
        f64::MAX,
        709.78,
        709.79,
        -745.1,
        -745.2,
        -708.4,
        1e-300,
        0.5,
        2.0,
    ];
    let mut exp_arg = |k: usize| match k % 3 {
        0 => unit() * 1454.0 - 745.0,
        1 => unit() * 2.0 - 1.0,
        _ => (unit() - 0.5) * 1e-6,
    };
    let exp_args: Vec<f64> = (0..n).map(&mut exp_arg).collect();
    let mut log_arg = |k: usize| match k % 3 {
        0 => 10f64.powf(unit() * 600.0 - 300.0),
        1 => 0.9 + unit() * 0.2,
        _ => f64::from_bits(1 + (unit() * (1u64 << 52) as f64) as u64),
    };
    let log_args: Vec<f64> = (0..n).map(&mut log_arg).collect();
    let mut problems = Vec::new();
    let run = |kernel: &str, x: &[f64]| {
        let bytes: Vec<u8> = x.iter().flat_map(|v| v.to_le_bytes()).collect();
        kernel_cases::map_1d(&module, kernel, "f8", 8, bytes).map(|r| {
            r.map(|out| {
                out.chunks(8)
                    .map(|c| f64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
                    .collect::<Vec<f64>>()
            })
        })
    };
    for (kernel, args, reference) in [
        ("exps", &exp_args, f64::exp as fn(f64) -> f64),
        ("logs", &log_args, f64::ln),
        ("np_exps", &exp_args, f64::exp),
        ("np_logs", &log_args, f64::ln),
    ] {
        let mut xs = args.clone();
        if kernel.starts_with("np_") {
            xs.extend(specials);
        }
        match run(kernel, &xs)? {
            Ok(got) => {
                let worst = xs
                    .iter()
                    .zip(&got)
                    .map(|(x, g)| (ulps(*g, reference(*x)), *x, *g))
                    .max_by_key(|t| t.0);
                if let Some((u, x, g)) = worst {
                    if u > 1 {
                        problems.push(format!(
                            "{kernel} at -O{level}: {g:e} for {x:e} is {u} ulps from {:e}",
                            reference(x)
                        ));
                    }
                }
                for (x, g) in xs.iter().zip(&got) {
                    let r = reference(*x);
                    // Exact: infinities, NaN, zeros, exp(0) = 1 and log(1) = 0.
                    let exact = !r.is_finite() || r == 0.0 || *x == 0.0 || r == 1.0;
                    if exact && ulps(*g, r) != 0 {
                        problems.push(format!("{kernel}: {g:e} for {x:e}, not {r:e}"));
                    }
                }
            }
            Err(e) => problems.push(format!("{kernel} at -O{level}: {e}")),
        }
    }
    // Single precision: within one float32 ulp of the correctly rounded result.
    let xs32: Vec<f32> = exp_args.iter().map(|v| (*v / 8.0) as f32).collect();
    let ls32: Vec<f32> = log_args
        .iter()
        .map(|v| *v as f32)
        .filter(|v| *v > 0.0 && v.is_finite())
        .collect();
    for (kernel, xs, reference) in [
        ("np_exps32", &xs32, f64::exp as fn(f64) -> f64),
        ("np_logs32", &ls32, f64::ln),
    ] {
        let bytes: Vec<u8> = xs.iter().flat_map(|v| v.to_le_bytes()).collect();
        match kernel_cases::map_1d(&module, kernel, "f4", 4, bytes)? {
            Ok(out) => {
                for (x, c) in xs.iter().zip(out.chunks(4)) {
                    let g = f32::from_le_bytes(c.try_into().unwrap_or([0; 4]));
                    let r = reference(f64::from(*x)) as f32;
                    if g.to_bits().abs_diff(r.to_bits()) > 1 {
                        problems.push(format!("{kernel}: {g:e} for {x:e}, not {r:e}"));
                        break;
                    }
                }
            }
            Err(e) => problems.push(format!("{kernel} at -O{level}: {e}")),
        }
    }
    // `x ** 2` is the correctly rounded square.
    match run("squares", &exp_args)? {
        Ok(got) => {
            if let Some((x, g)) = exp_args
                .iter()
                .zip(&got)
                .find(|(x, g)| g.to_bits() != (*x * *x).to_bits())
            {
                problems.push(format!(
                    "squares at -O{level}: {g:e} for {x:e}, not {:e}",
                    x * x
                ));
            }
        }
        Err(e) => problems.push(format!("squares at -O{level}: {e}")),
    }
    // Python's errors, and its special values.
    for (kernel, x, raises) in [
        ("exps", 710.0, Some("OverflowError")),
        ("exps", 1e308, Some("OverflowError")),
        ("exps", f64::INFINITY, None),
        ("exps", f64::NEG_INFINITY, None),
        ("exps", f64::NAN, None),
        ("logs", 0.0, Some("ValueError")),
        ("logs", -0.0, Some("ValueError")),
        ("logs", -1.0, Some("ValueError")),
        ("logs", f64::NEG_INFINITY, Some("ValueError")),
        ("logs", f64::INFINITY, None),
        ("logs", f64::NAN, None),
        ("squares", 1e200, Some("OverflowError")),
        ("squares", f64::INFINITY, None),
        ("squares", f64::NAN, None),
        ("squares", -0.0, None),
    ] {
        let got = run(kernel, &[x])?;
        let ok = match (&got, raises) {
            (Err(Outcome::Raised { exc, .. }), Some(want)) => exc.name() == want,
            (Ok(v), None) => {
                let r = match kernel {
                    "exps" => x.exp(),
                    "logs" => x.ln(),
                    _ => x * x,
                };
                ulps(v[0], r) == 0
            }
            _ => false,
        };
        if !ok {
            problems.push(format!(
                "{kernel}({x:e}) at -O{level} gave {got:?}, want {}",
                raises.unwrap_or("a value")
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}
