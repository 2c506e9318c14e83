//! A differential fuzzer for GPU kernels that needs no GPU.
//!
//! Each round writes a module of random kernels (int and float arithmetic with Python's errors,
//! `int()`, `math.floor`, `round`, shifts, `min`/`max`/`abs`, `math.sqrt`, conditional
//! expressions, device helpers, `while` loops, local arrays and atomics), then:
//! - runs every kernel under `pyaot.cuda.simulate` (CPython's semantics) on inputs with special
//!   values (`fixtures/cuda/kernel_fuzz_runner.py`);
//! - compiles the module's MIR and replays each launch with the interpreter's grid runs, as
//!   lowered (`-O0`) and optimised (`-O2`): the arrays must match bit for bit, or both raise an
//!   exception of the same type;
//! - emits the kernels' PTX and assembles it with `ptxas` for `sm_70`.
//!
//! The only difference allowed is the documented one: compiled ints are 64-bit, so a result
//! beyond 64 bits raises OverflowError where CPython's int grows. `PYAOT_KERNEL_FUZZ_ROUNDS` and
//! `PYAOT_KERNEL_FUZZ_SEED` run longer or other programs (docs/fuzzing.md); a failing round's
//! module is kept in `target/kernel-fuzz/`.

use libtest_mimic::{Arguments, Failed, Trial};
#[path = "common/kernel_cases.rs"]
mod kernel_cases;

use proptest::prelude::Rng as _;
use proptest::test_runner::{RngAlgorithm, TestRng};
use pyaot_driver::BuildOptions;
use pyaot_interp::Outcome;
use pyaot_testsuite::{python, python_works, run_capture, testsuite_dir, workspace_root};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const KERNELS_PER_ROUND: usize = 8;

fn main() {
    let args = Arguments::from_args();
    let trial = Trial::test("kernel_fuzz", run);
    libtest_mimic::run(&args, vec![trial]).exit();
}

/// proptest's deterministic ChaCha generator, seeded from the round's seed.
struct Rng(TestRng);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        Rng(TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
    }

    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A float expression (a Python float) of at most `depth` levels.
fn float_expr(r: &mut Rng, depth: u32) -> String {
    if depth == 0 || r.below(4) == 0 {
        return match r.below(5) {
            0 => "float(x[i])".into(),
            1 => format!("float(y[(i + {}) % y.shape[0]])", r.below(7)),
            2 => "s".into(),
            3 => r
                .pick(&["1.5", "-0.25", "3.0", "0.0", "-2.0", "1e300"])
                .into(),
            _ => format!("float({})", int_expr(r, 0)),
        };
    }
    let d = depth - 1;
    match r.below(11) {
        0..=3 => {
            let op = r.pick(&["+", "-", "*", "/"]);
            let (x, y) = (float_expr(r, d), float_expr(r, d));
            if op == "/" && r.below(4) != 0 {
                format!("({x} / ({y} or 1.0))")
            } else {
                format!("({x} {op} {y})")
            }
        }
        4 => format!(
            "{}({}, {})",
            r.pick(&["min", "max", "math.copysign"]),
            float_expr(r, d),
            float_expr(r, d)
        ),
        5 => format!("{}({})", r.pick(&["abs", "math.fabs"]), float_expr(r, d)),
        6 => format!("math.sqrt(abs({}))", float_expr(r, d)),
        7 => format!("fh({}, {})", float_expr(r, d), float_expr(r, d)),
        // A square by multiplication, as `x ** 2` in a kernel is (CPython's `pow` may differ in
        // the last bit, a documented difference the bitwise comparison would report).
        9 => format!("sq({})", float_expr(r, d)),
        8 => format!(
            "({} if {} else {})",
            float_expr(r, d),
            condition(r, d),
            float_expr(r, d)
        ),
        _ => format!("({} * 0.5)", float_expr(r, d)),
    }
}

/// An int expression (a Python int) of at most `depth` levels.
fn int_expr(r: &mut Rng, depth: u32) -> String {
    if depth == 0 || r.below(4) == 0 {
        return match r.below(4) {
            0 => "int(n[i % n.shape[0]])".into(),
            1 => "m".into(),
            2 => "i".into(),
            _ => format!("{}", r.below(41) as i64 - 20),
        };
    }
    let d = depth - 1;
    match r.below(11) {
        0..=2 => {
            let op = r.pick(&["+", "-", "*", "//", "%"]);
            let (x, y) = (int_expr(r, d), int_expr(r, d));
            // Mostly a nonzero divisor, so most launches run to the end.
            if matches!(op, "//" | "%") && r.below(4) != 0 {
                format!("({x} {op} ({y} or 1))")
            } else {
                format!("({x} {op} {y})")
            }
        }
        3 => format!("({} << abs({}) % 9)", int_expr(r, d), int_expr(r, d)),
        4 => format!("({} >> abs({}) % 70)", int_expr(r, d), int_expr(r, d)),
        5 => format!(
            "{}({}, {})",
            r.pick(&["min", "max"]),
            int_expr(r, d),
            int_expr(r, d)
        ),
        6 => format!("abs({})", int_expr(r, d)),
        7 => format!(
            "{}({})",
            r.pick(&["int", "math.floor", "math.ceil", "round", "math.trunc"]),
            float_expr(r, d)
        ),
        8 => format!("ih({}, {})", int_expr(r, d), int_expr(r, d)),
        9 => format!(
            "({} if {} else {})",
            int_expr(r, d),
            condition(r, d),
            int_expr(r, d)
        ),
        _ => format!("(-{})", int_expr(r, d)),
    }
}

fn condition(r: &mut Rng, depth: u32) -> String {
    match r.below(3) {
        0 => format!(
            "{} {} {}",
            int_expr(r, depth),
            r.pick(&["<", "<=", "==", "!="]),
            int_expr(r, depth)
        ),
        1 => format!(
            "{} {} {}",
            float_expr(r, depth),
            r.pick(&["<", ">=", "==", "!="]),
            float_expr(r, depth)
        ),
        _ => format!("{} < {}", int_expr(r, depth), float_expr(r, depth)),
    }
}

/// One kernel `k<n>`: its parameters are those `kernel_fuzz_runner.py` passes.
fn kernel(r: &mut Rng, n: usize) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "    a = {}", float_expr(r, 3));
    let _ = writeln!(body, "    b = {}", int_expr(r, 3));
    if r.below(3) == 0 {
        let _ = writeln!(
            body,
            "    loc = cuda.local.array(4, np.float64)\n    for q in range(4):\n        loc[q] = a * q\n    a = loc[abs(b) % 4] + {}",
            float_expr(r, 1)
        );
    }
    if r.below(3) == 0 {
        let _ = writeln!(
            body,
            "    t = 0\n    while t < abs(b) % 5:\n        a = a {} {}\n        t += 1",
            r.pick(&["+", "-", "*"]),
            float_expr(r, 2)
        );
    }
    if r.below(3) == 0 {
        let _ = writeln!(body, "    cuda.atomic.add(cnt, abs(b) % cnt.shape[0], 1)");
    }
    let _ = writeln!(body, "    out[i] = a\n    outi[i] = b");
    let indented: String = body.lines().map(|l| format!("    {l}\n")).collect();
    format!(
        "@cuda.kernel\ndef k{n}(x: f64[:], y: f64[:], n: i64[:], out: f64[:], outi: i64[:], cnt: i64[:], s: float, m: int):\n    i = cuda.grid(1)\n    if i < out.shape[0]:\n{indented}\n"
    )
}

fn module(r: &mut Rng) -> String {
    let mut src = String::from(
        "import math\n\nimport numpy as np\n\nfrom pyaot import cuda, f64, i64\n\n\ndef fh(p, q):\n    return p * 0.5 + q\n\n\ndef ih(p, q):\n    return p - 2 * q\n\n\ndef sq(p):\n    return p * p\n\n\n",
    );
    for n in 0..KERNELS_PER_ROUND {
        src.push_str(&kernel(r, n));
        src.push('\n');
    }
    src
}

/// Whether an interpreter outcome is the documented difference: a 64-bit int overflow.
fn int_overflow(o: &Outcome) -> bool {
    matches!(o, Outcome::Raised { exc, msg } if exc.name() == "OverflowError" && msg.contains("64 bits"))
}

/// One round: the problems found, and how many launches were compared and allowed to differ.
fn round(
    src: &str,
    dir: &Path,
    python: &str,
    ptxas: &Path,
) -> Result<(Vec<String>, usize, usize, usize), String> {
    let file = dir.join("fuzzed.py");
    std::fs::write(&file, src).map_err(|e| format!("write: {e}"))?;
    let fixtures = testsuite_dir().join("fixtures/cuda");
    let mut cmd = Command::new(python);
    cmd.arg(fixtures.join("kernel_fuzz_runner.py"))
        .arg(&file)
        .current_dir(&fixtures)
        .env("PYTHONPATH", workspace_root().join("stdlib"));
    let (ok, text) = run_capture(&mut cmd)?;
    if !ok {
        return Err(format!("the runner failed:\n{text}"));
    }
    let cases = kernel_cases::parse(&text)?;
    if cases.len() != KERNELS_PER_ROUND {
        return Err(format!(
            "{} launches for {KERNELS_PER_ROUND} kernels",
            cases.len()
        ));
    }
    let mut problems = Vec::new();
    let (mut compared, mut documented) = (0, 0);
    let raised = cases.iter().filter(|c| c.raises.is_some()).count();
    for level in [0, 2] {
        let opts = BuildOptions {
            opt_level: level,
            ..BuildOptions::default()
        };
        let (_, module) =
            pyaot_driver::mir_of(&file, &opts).map_err(|e| format!("does not compile: {e}"))?;
        if level == 2 {
            let kernels: Vec<&pyaot_mir::Body> = module.funcs.iter().filter(|b| b.kernel).collect();
            let ptx = pyaot_ptx::emit_module(&kernels, pyaot_ptx::Target::default())?;
            let ptx_file = dir.join("fuzzed.ptx");
            std::fs::write(&ptx_file, &ptx).map_err(|e| format!("write: {e}"))?;
            let out = Command::new(ptxas)
                .args(["-arch=sm_70", "-o"])
                .arg(dir.join("fuzzed.cubin"))
                .arg(&ptx_file)
                .output()
                .map_err(|e| format!("run ptxas: {e}"))?;
            if !out.status.success() {
                problems.push(format!(
                    "ptxas rejected the PTX:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
        for case in &cases {
            if let Ok(Err(o)) = kernel_cases::replay(&module, case) {
                if int_overflow(&o) {
                    documented += 1;
                    continue;
                }
            }
            compared += 1;
            if let Err(e) = kernel_cases::compare(&module, case) {
                problems.push(format!("{} at -O{level}: {e}", case.kernel));
            }
        }
    }
    Ok((problems, compared, documented, raised))
}

fn run() -> Result<(), Failed> {
    let python = python();
    python_works(&python)?;
    let ptxas = kernel_cases::ptxas(&python)?;
    let rounds: usize = std::env::var("PYAOT_KERNEL_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    let seed: u64 = std::env::var("PYAOT_KERNEL_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut rng = Rng::new(seed);
    let (mut compared, mut documented, mut raised) = (0, 0, 0);
    for n in 0..rounds {
        let src = module(&mut rng);
        if let Some(dump) = std::env::var_os("PYAOT_KERNEL_FUZZ_DUMP") {
            let _ = std::fs::write(PathBuf::from(dump).join(format!("round{n}.py")), &src);
        }
        let dir = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
        let outcome = round(&src, dir.path(), &python, &ptxas);
        let problems = match outcome {
            Ok((p, c, d, e)) => {
                compared += c;
                documented += d;
                raised += e;
                p
            }
            Err(e) => vec![e],
        };
        if !problems.is_empty() {
            let keep = workspace_root().join("target/kernel-fuzz");
            let _ = std::fs::create_dir_all(&keep);
            let kept = keep.join(format!("seed{seed}_round{n}.py"));
            let _ = std::fs::write(&kept, &src);
            return Err(format!(
                "round {n} (kept in {}):\n{}",
                kept.display(),
                problems.join("\n")
            )
            .into());
        }
    }
    eprintln!(
        "kernel_fuzz: seed {seed}, {rounds} rounds of {KERNELS_PER_ROUND} kernels: {compared} launches compared ({raised} of the launches raise in CPython), {documented} 64-bit overflows (documented)"
    );
    if compared < rounds * KERNELS_PER_ROUND {
        return Err(format!("only {compared} launches were compared").into());
    }
    Ok(())
}
