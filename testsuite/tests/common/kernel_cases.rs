//! Kernel launches dumped by `fixtures/cuda/cases.py` (arguments before and after a run of
//! `pyaot.cuda.simulate`), replayed by the MIR interpreter's grid runs and compared.

use pyaot_interp::{run_kernel, Launch, Limits, Memory, Outcome, Val};
use pyaot_mir::Module;
use std::path::PathBuf;
use std::process::Command;

/// `ptxas` of the test venv's `nvidia-cuda-nvcc-cu12`.
pub fn ptxas(python: &str) -> Result<PathBuf, String> {
    let out = Command::new(python)
        .args([
            "-c",
            "import nvidia.cuda_nvcc, os; print(os.path.join(list(nvidia.cuda_nvcc.__path__)[0], 'bin', 'ptxas'))",
        ])
        .output()
        .map_err(|e| format!("run {python}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "nvidia-cuda-nvcc-cu12 is not installed for {python} (cargo xtask test installs it): {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// One array argument of a launch: dtype code, shape, bytes before and after `simulate`.
pub struct ArrayArg {
    pub dtype: String,
    pub shape: Vec<i64>,
    pub before: Vec<u8>,
    pub after: Vec<u8>,
}

pub enum Arg {
    Array(ArrayArg),
    Int(i64),
    Float(f64),
    F32(f32),
}

/// One launch of `dump_cases.py`.
pub struct Case {
    pub kernel: String,
    pub launch: Launch,
    pub args: Vec<Arg>,
    /// The exception type `simulate` raised.
    pub raises: Option<String>,
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect()
}

pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    for line in text.lines() {
        let w: Vec<&str> = line.split_whitespace().collect();
        let num = |s: &str| s.parse::<i64>().map_err(|e| format!("{line}: {e}"));
        match w.first().copied() {
            Some("case") if w.len() == 8 => {
                let n: Vec<i64> = w[2..].iter().map(|s| num(s)).collect::<Result<_, _>>()?;
                cases.push(Case {
                    kernel: w[1].to_string(),
                    launch: Launch {
                        grid: [n[0], n[1], n[2]],
                        block: [n[3], n[4], n[5]],
                    },
                    args: Vec::new(),
                    raises: None,
                });
            }
            Some(kind) => {
                let case = cases.last_mut().ok_or("an argument before any case")?;
                match kind {
                    "array" => {
                        let ndim = num(w[2])? as usize;
                        let shape = w[3..3 + ndim]
                            .iter()
                            .map(|s| num(s))
                            .collect::<Result<_, _>>()?;
                        case.args.push(Arg::Array(ArrayArg {
                            dtype: w[1].to_string(),
                            shape,
                            before: unhex(w[3 + ndim]),
                            after: unhex(w[4 + ndim]),
                        }));
                    }
                    "int" => case.args.push(Arg::Int(num(w[1])?)),
                    "f32" => {
                        let bits: [u8; 4] = unhex(w[1]).try_into().map_err(|_| "f32 bits")?;
                        case.args.push(Arg::F32(f32::from_le_bytes(bits)));
                    }
                    "float" => {
                        let bits: [u8; 8] = unhex(w[1]).try_into().map_err(|_| "float bits")?;
                        case.args.push(Arg::Float(f64::from_le_bytes(bits)));
                    }
                    "raises" => case.raises = Some(w[1].to_string()),
                    "end" => {}
                    other => return Err(format!("unknown line kind `{other}`")),
                }
            }
            None => {}
        }
    }
    Ok(cases)
}

/// What the interpreter's run of `case` gave: the array arguments' bytes afterwards, or why it stopped.
pub fn replay(module: &Module, case: &Case) -> Result<Result<Vec<Vec<u8>>, Outcome>, String> {
    let func = module
        .funcs
        .iter()
        .position(|b| b.kernel && b.name == case.kernel)
        .ok_or_else(|| format!("no kernel `{}` in the MIR", case.kernel))?;
    let mut mem = Memory::new();
    let mut vals = Vec::new();
    let mut bases = Vec::new();
    for a in &case.args {
        match a {
            Arg::Array(arr) => {
                let base = mem.add_bytes(&arr.before, 8);
                vals.push(Val::Ref(mem.borrow_owner()));
                vals.push(Val::I64(base));
                vals.extend(arr.shape.iter().map(|&d| Val::I64(d)));
                // `f8`, `i8`: the item size follows the kind.
                let item: i64 = arr.dtype[1..].parse().map_err(|_| "an array dtype")?;
                let mut strides = vec![item; arr.shape.len()];
                for k in (0..arr.shape.len().saturating_sub(1)).rev() {
                    strides[k] = strides[k + 1] * arr.shape[k + 1];
                }
                vals.extend(strides.into_iter().map(Val::I64));
                bases.push((base, arr.before.len()));
            }
            Arg::Int(v) => vals.push(Val::I64(*v)),
            Arg::Float(v) => vals.push(Val::F64(*v)),
            Arg::F32(v) => vals.push(Val::F32(*v)),
        }
    }
    let limits = Limits {
        max_steps: 50_000_000,
        ..Limits::default()
    };
    if let Err(e) = run_kernel(module, func, case.launch, &vals, &mut mem, &limits) {
        return Ok(Err(e));
    }
    bases
        .iter()
        .map(|(base, len)| mem.read_bytes(*base, *len))
        .collect::<Result<Vec<_>, _>>()
        .map(Ok)
}

/// Runs `kernel(x, out)` over one thread per element of the 1-D array `x` (its bytes, of
/// `dtype` with items of `item` bytes): the bytes of `out` afterwards, or why the run stopped.
#[allow(dead_code)] // Used by cuda_reference.rs, not by kernel_fuzz.rs.
pub fn map_1d(
    module: &Module,
    kernel: &str,
    dtype: &str,
    item: usize,
    x: Vec<u8>,
) -> Result<Result<Vec<u8>, Outcome>, String> {
    let n = x.len() / item;
    let array = |b: Vec<u8>| {
        Arg::Array(ArrayArg {
            dtype: dtype.into(),
            shape: vec![n as i64],
            before: b,
            after: Vec::new(),
        })
    };
    let case = Case {
        kernel: kernel.into(),
        launch: Launch {
            grid: [(n as i64 + 127) / 128, 1, 1],
            block: [128, 1, 1],
        },
        args: vec![array(x), array(vec![0; item * n])],
        raises: None,
    };
    Ok(replay(module, &case)?.map(|mut arrays| arrays.swap_remove(1)))
}

/// Whether two arrays' bytes hold the same elements: bit for bit, except that any NaN equals any
/// NaN (its sign and payload depend on the machine and the order of operands).
fn same(dtype: &str, got: &[u8], want: &[u8]) -> Option<usize> {
    if got.len() != want.len() {
        return Some(0);
    }
    for (k, (g, w)) in got.chunks(8).zip(want.chunks(8)).enumerate() {
        let nan =
            |b: &[u8]| dtype == "f8" && f64::from_le_bytes(b.try_into().unwrap_or([0; 8])).is_nan();
        if g != w && !(nan(g) && nan(w)) {
            return Some(k * 8);
        }
    }
    None
}

/// Replays `case` and compares with `simulate`: the same arrays (bit for bit, NaN equal to NaN),
/// or an exception of the same type.
pub fn compare(module: &Module, case: &Case) -> Result<(), String> {
    let after: Vec<&ArrayArg> = case
        .args
        .iter()
        .filter_map(|a| match a {
            Arg::Array(arr) => Some(arr),
            _ => None,
        })
        .collect();
    match (replay(module, case)?, &case.raises) {
        (Ok(got), None) => {
            for (k, (g, want)) in got.iter().zip(after).enumerate() {
                if let Some(at) = same(&want.dtype, g, &want.after) {
                    let word = |b: &[u8]| {
                        b.get(at..at + 8)
                            .map(|w| {
                                format!(
                                    "{:016x}",
                                    u64::from_le_bytes(w.try_into().unwrap_or([0; 8]))
                                )
                            })
                            .unwrap_or_default()
                    };
                    return Err(format!(
                        "array argument {k} differs from simulate's at byte {at}: {} != {}",
                        word(g),
                        word(&want.after)
                    ));
                }
            }
            Ok(())
        }
        (Err(Outcome::Raised { exc, .. }), Some(want)) if exc.name() == want => Ok(()),
        (got, want) => Err(format!(
            "the interpreter gave {:?}, simulate {}",
            got.err(),
            want.as_deref().unwrap_or("no exception")
        )),
    }
}
