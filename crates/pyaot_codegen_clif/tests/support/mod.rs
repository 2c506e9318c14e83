//! Shared test helpers: a MIR builder and a C harness that links an object and calls its functions.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyaot_codegen_clif::{compile_module, CodegenOptions};
use pyaot_mir::{
    BlockData, BlockId, Body, Local, LocalDecl, MTy, Module, Operand, Rvalue, Stmt, Terminator,
};

/// Builds one MIR body step by step.
pub struct FnBuilder {
    pub body: Body,
}

impl FnBuilder {
    /// A body named `name` with symbol `t_<name>`.
    pub fn new(name: &str) -> Self {
        FnBuilder {
            body: Body {
                name: name.to_string(),
                symbol: format!("t_{name}"),
                params: vec![],
                rets: vec![],
                locals: vec![],
                blocks: vec![],
                owned: vec![],
                kernel: false,
                cleanup: None,
            },
        }
    }

    pub fn local(&mut self, ty: MTy) -> Local {
        self.body.locals.push(LocalDecl::temp(ty));
        Local(self.body.locals.len() as u32 - 1)
    }

    pub fn param(&mut self, ty: MTy) -> Local {
        let l = self.local(ty);
        self.body.params.push(l);
        l
    }

    pub fn ret(&mut self, ty: MTy) -> Local {
        let l = self.local(ty);
        self.body.rets.push(l);
        l
    }

    /// A new block ending in `Unreachable` until [`FnBuilder::term`] sets its terminator.
    pub fn block(&mut self) -> BlockId {
        self.body.blocks.push(BlockData {
            stmts: vec![],
            terminator: Terminator::Unreachable,
        });
        BlockId(self.body.blocks.len() as u32 - 1)
    }

    pub fn assign(&mut self, b: BlockId, dest: Local, value: Rvalue) {
        self.body.blocks[b.index()]
            .stmts
            .push(Stmt::Assign { dest, value });
    }

    pub fn term(&mut self, b: BlockId, t: Terminator) {
        self.body.blocks[b.index()].terminator = t;
    }

    pub fn finish(self) -> Body {
        self.body
    }
}

/// A body `t_<name>(params) -> r` computing `r = make(params)` in one block.
pub fn simple(
    name: &str,
    params: &[MTy],
    ret: MTy,
    make: impl FnOnce(&[Operand]) -> Rvalue,
) -> Body {
    let mut b = FnBuilder::new(name);
    let ops: Vec<Operand> = params.iter().map(|t| Operand::Local(b.param(*t))).collect();
    let r = b.ret(ret);
    let bb = b.block();
    b.assign(bb, r, make(&ops));
    b.term(bb, Terminator::Return);
    b.finish()
}

/// A value passed to or returned from a compiled function.
#[derive(Clone, Copy, Debug)]
pub enum Val {
    I(i64),
    F(f64),
    B(bool),
}

/// What a call should give.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Status 0 and these results.
    Ok(Vec<Val>),
    /// This nonzero status, and the (exception code, message id) recorded by the raise stub, if any.
    Err(i32, Option<(i32, i32)>),
}

/// One call of a compiled function and its expected outcome.
#[derive(Clone, Debug)]
pub struct Case {
    pub symbol: String,
    pub args: Vec<Val>,
    pub expect: Outcome,
}

impl Case {
    /// A call of `t_<name>` expected to succeed with one result.
    pub fn ok(name: &str, args: Vec<Val>, result: Val) -> Case {
        Case {
            symbol: format!("t_{name}"),
            args,
            expect: Outcome::Ok(vec![result]),
        }
    }
}

/// The C runtime stubs: the raise hook records its arguments; two helpers follow the MIR ABI.
pub const C_STUBS: &str = r#"
#include <stdint.h>
#include <math.h>
int32_t last_exc = -1, last_msg = -1;
void pyaot_rt_raise(int32_t exc, int32_t msg) { last_exc = exc; last_msg = msg; }
int32_t pyaot_rt_math_sqrt(double x, double *out) {
    if (x < 0) { pyaot_rt_raise(11, 1000); return 1; }
    *out = sqrt(x);
    return 0;
}
int32_t pyaot_rt_math_gcd(int64_t a, int64_t b, int64_t *out) {
    if (a == 0 && b == 0) return 7; /* an odd status, to check it is propagated unchanged */
    while (b != 0) { int64_t t = a % b; a = b; b = t; }
    *out = a < 0 ? -a : a;
    return 0;
}
int32_t pyaot_rt_int_pow(int64_t a, int64_t b, int64_t *out) {
    if (b < 0) { pyaot_rt_raise(11, 1001); return 1; }
    int64_t r = 1;
    while (b-- > 0) r *= a;
    *out = r;
    return 0;
}
"#;

fn c_ty(ty: MTy) -> &'static str {
    match ty {
        MTy::I64 | MTy::Ref => "int64_t",
        MTy::F64 => "double",
        MTy::F32 => "float",
        MTy::Bool => "uint8_t",
        MTy::F64x2 | MTy::I64x2 => unreachable!("vectors never cross a call"),
    }
}

fn c_val(v: Val) -> String {
    match v {
        Val::I(i) => format!("(int64_t)UINT64_C({:#x})", i as u64),
        Val::F(f) => format!("f64_from_bits(UINT64_C({:#x}))", f.to_bits()),
        Val::B(b) => format!("(uint8_t){}", b as u8),
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh scratch directory under cargo's per-target temporary directory.
pub fn scratch_dir(tag: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("pyaot_codegen_clif")
        .join(format!("{tag}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Runs a command and panics with its output when it fails.
pub fn run_ok(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The C compiler to use.
pub fn cc() -> Command {
    Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".to_string()))
}

/// Writes the object of `module` compiled with `opts` into `dir` and returns its path.
pub fn write_object(module: &Module, opts: &CodegenOptions, dir: &Path) -> PathBuf {
    // Floor division and modulo reach code generation as machine divisions, as in a build.
    let mut module = module.clone();
    pyaot_opt::run_passes(
        &mut module,
        &["legalize"],
        &pyaot_opt::OptOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let code = compile_module(&module, opts).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("module.o");
    std::fs::write(&path, &code.bytes).expect("write object");
    path
}

/// The C driver calling every case; `prelude` is C code run first in `main` (it sees argc/argv).
fn driver_source(module: &Module, cases: &[Case], prelude: &str) -> String {
    let mut c = String::from("#include <stdio.h>\n#include <string.h>\n#include <inttypes.h>\n");
    c.push_str("extern int32_t last_exc, last_msg;\n");
    c.push_str(
        "static double f64_from_bits(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }\n",
    );
    c.push_str("static uint64_t f64_bits(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }\n");
    for body in &module.funcs {
        let mut params: Vec<String> = body
            .param_tys()
            .iter()
            .map(|t| c_ty(*t).to_string())
            .collect();
        params.extend(body.ret_tys().iter().map(|t| format!("{} *", c_ty(*t))));
        if params.is_empty() {
            params.push("void".into());
        }
        let _ = writeln!(c, "int32_t {}({});", body.symbol, params.join(", "));
    }
    let chunks: Vec<&[Case]> = cases.chunks(64).collect();
    for (k, chunk) in chunks.iter().enumerate() {
        let _ = writeln!(c, "static void run{k}(void) {{");
        for case in *chunk {
            let body = module
                .funcs
                .iter()
                .find(|b| b.symbol == case.symbol)
                .unwrap_or_else(|| panic!("no function {}", case.symbol));
            let rets = body.ret_tys();
            let mut args: Vec<String> = case.args.iter().map(|v| c_val(*v)).collect();
            c.push_str("  {\n");
            for (i, t) in rets.iter().enumerate() {
                let init = match t {
                    MTy::Bool => "0xAA",
                    _ => "0",
                };
                let _ = writeln!(c, "    {} o{i} = {init};", c_ty(*t));
                args.push(format!("&o{i}"));
            }
            let _ = writeln!(c, "    last_exc = -1; last_msg = -1;");
            let _ = writeln!(c, "    int32_t st = {}({});", case.symbol, args.join(", "));
            let _ = writeln!(
                c,
                "    printf(\"%d %d %d\", (int)st, (int)last_exc, (int)last_msg);"
            );
            c.push_str("    if (st == 0) {\n");
            for (i, t) in rets.iter().enumerate() {
                let _ = match t {
                    MTy::I64 | MTy::Ref => {
                        writeln!(c, "      printf(\" i%\" PRIx64, (uint64_t)o{i});")
                    }
                    MTy::F64 => writeln!(c, "      printf(\" f%\" PRIx64, f64_bits(o{i}));"),
                    MTy::Bool => writeln!(c, "      printf(\" b%u\", (unsigned)o{i});"),
                    MTy::F32 => {
                        writeln!(c, "      printf(\" f%\" PRIx64, f64_bits((double)o{i}));")
                    }
                    MTy::F64x2 | MTy::I64x2 => unreachable!("vectors never cross a call"),
                };
            }
            c.push_str("    }\n    printf(\"\\n\");\n  }\n");
        }
        c.push_str("}\n");
    }
    c.push_str("int main(int argc, char **argv) {\n  (void)argc; (void)argv;\n");
    c.push_str(prelude);
    for k in 0..chunks.len() {
        let _ = writeln!(c, "  run{k}();");
    }
    c.push_str("  return 0;\n}\n");
    c
}

/// Compiles `module`, links it with the stubs and a driver for `cases`, and returns the executable.
pub fn build_driver(
    module: &Module,
    opts: &CodegenOptions,
    cases: &[Case],
    prelude: &str,
    tag: &str,
) -> PathBuf {
    let dir = scratch_dir(tag);
    let obj = write_object(module, opts, &dir);
    std::fs::write(dir.join("driver.c"), driver_source(module, cases, prelude)).unwrap();
    std::fs::write(dir.join("stubs.c"), C_STUBS).unwrap();
    let exe = dir.join("driver");
    run_ok(
        cc().arg("-O0")
            .arg("-o")
            .arg(&exe)
            .arg(dir.join("driver.c"))
            .arg(dir.join("stubs.c"))
            .arg(&obj)
            .arg("-lm"),
        "linking the test driver",
    );
    exe
}

fn same(got: &str, want: Val) -> bool {
    let Some((kind, hex)) = got.split_at_checked(1) else {
        return false;
    };
    match (kind, want) {
        ("i", Val::I(i)) => u64::from_str_radix(hex, 16) == Ok(i as u64),
        ("f", Val::F(f)) => match u64::from_str_radix(hex, 16) {
            Ok(bits) => {
                let g = f64::from_bits(bits);
                (g.is_nan() && f.is_nan()) || bits == f.to_bits()
            }
            Err(_) => false,
        },
        ("b", Val::B(b)) => hex == if b { "1" } else { "0" },
        _ => false,
    }
}

fn check_line(line: &str, case: &Case) -> bool {
    let parts: Vec<&str> = line.split(' ').collect();
    if parts.len() < 3 {
        return false;
    }
    let (st, exc, msg) = (parts[0], parts[1], parts[2]);
    match &case.expect {
        Outcome::Ok(vals) => {
            st == "0"
                && exc == "-1"
                && parts.len() == 3 + vals.len()
                && parts[3..].iter().zip(vals).all(|(g, w)| same(g, *w))
        }
        Outcome::Err(status, raised) => {
            let (e, m) = raised.unwrap_or((-1, -1));
            parts.len() == 3
                && st == status.to_string()
                && exc == e.to_string()
                && msg == m.to_string()
        }
    }
}

/// Compiles and runs every case, panicking with a list of the mismatches.
pub fn run_cases(module: &Module, opts: &CodegenOptions, cases: &[Case], tag: &str) {
    let exe = build_driver(module, opts, cases, "", tag);
    let out = run_ok(&mut Command::new(&exe), "the test driver");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), cases.len(), "driver printed a line per case");
    let bad: Vec<String> = lines
        .iter()
        .zip(cases)
        .filter(|(l, c)| !check_line(l, c))
        .map(|(l, c)| format!("{}({:?}): got `{l}`, want {:?}", c.symbol, c.args, c.expect))
        .collect();
    assert!(
        bad.is_empty(),
        "{} of {} cases failed (opt_level {}, portable {}):\n{}",
        bad.len(),
        cases.len(),
        opts.opt_level,
        opts.portable,
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The option sets every behaviour test runs under.
pub fn all_options() -> Vec<CodegenOptions> {
    vec![
        CodegenOptions {
            opt_level: 0,
            portable: true,
        },
        CodegenOptions {
            opt_level: 2,
            portable: false,
        },
        CodegenOptions {
            opt_level: 1,
            portable: true,
        },
    ]
}
