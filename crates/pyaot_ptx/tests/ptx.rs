//! The PTX of `kernels.mir` (a vector add with a bounds check, and floor division and modulo as
//! `legalize` writes them) equals `kernels.ptx` (`PYAOT_BLESS=1` rewrites it), and `ptxas` (from
//! the PyPI package `nvidia-cuda-nvcc-cu12` in the test venv) assembles it for sm_70, sm_80 and
//! sm_90. What PTX cannot express yet is refused with the kernel's name.

use std::path::{Path, PathBuf};
use std::process::Command;

use pyaot_mir::{parse_module, Module};
use pyaot_ptx::{emit_module, Target};

fn kernels() -> Module {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let text = std::fs::read_to_string(dir.join("kernels.mir")).expect("read kernels.mir");
    let mut m = parse_module(&text).expect("kernels.mir parses");
    pyaot_mir::verify(&m).expect("kernels.mir verifies");
    // Python's integer rules are written in MIR before any backend sees them.
    pyaot_opt::run_passes(&mut m, &["legalize"], &pyaot_opt::OptOptions::default())
        .expect("legalize");
    m
}

#[test]
fn kernels_match_the_snapshot() {
    let m = kernels();
    let bodies: Vec<&pyaot_mir::Body> = m.funcs.iter().collect();
    let ptx = emit_module(&bodies, Target::default()).expect("emits");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/kernels.ptx");
    if std::env::var_os("PYAOT_BLESS").is_some() {
        std::fs::write(&path, &ptx).expect("bless");
    }
    let want = std::fs::read_to_string(&path).expect("read kernels.ptx (PYAOT_BLESS=1 writes it)");
    assert_eq!(
        ptx, want,
        "the PTX changed (PYAOT_BLESS=1 rewrites kernels.ptx)"
    );
    assert!(!ptx.contains("ifloordiv") && ptx.contains("div.s64") && ptx.contains("rem.s64"));
}

/// `ptxas` of the test venv's `nvidia-cuda-nvcc-cu12`.
fn ptxas() -> PathBuf {
    let python = std::env::var("PYAOT_PYTHON").unwrap_or_else(|_| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../.venv/bin/python")
            .display()
            .to_string()
    });
    let out = Command::new(&python)
        .args([
            "-c",
            "import nvidia.cuda_nvcc, os; print(os.path.join(list(nvidia.cuda_nvcc.__path__)[0], 'bin', 'ptxas'))",
        ])
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "nvidia-cuda-nvcc-cu12 is not installed for {python} (cargo xtask test installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

#[test]
fn ptxas_assembles_the_kernels_for_every_target() {
    let m = kernels();
    let bodies: Vec<&pyaot_mir::Body> = m.funcs.iter().collect();
    let ptxas = ptxas();
    let dir = tempfile::tempdir().expect("tempdir");
    for sm in [70, 80, 90] {
        let ptx = emit_module(&bodies, Target { sm }).expect("emits");
        let src = dir.path().join(format!("k{sm}.ptx"));
        std::fs::write(&src, &ptx).expect("write");
        let out = Command::new(&ptxas)
            .arg(format!("--gpu-name=sm_{sm}"))
            .arg(&src)
            .arg("-o")
            .arg(dir.path().join(format!("k{sm}.cubin")))
            .output()
            .expect("run ptxas");
        assert!(
            out.status.success(),
            "ptxas sm_{sm}: {}\n{ptx}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn what_ptx_cannot_express_is_refused() {
    let text = "// MIR of module x\n\nfn call_out(_0: f64) -> () {  // symbol call_out\n    let _1: f64;\nbb0:\n    (_1) = call rt.float_pow(_0, _0) -> bb1\nbb1:\n    return\n}\n";
    let m = parse_module(text).expect("parses");
    let e = emit_module(&[&m.funcs[0]], Target::default()).expect_err("refused");
    assert!(e.contains("call_out"), "{e}");
}
