//! Module-level properties: determinism, the CLIF and assembly text, symbols and linking, errors.

mod support;

use std::process::Command;

use pyaot_codegen_clif::{compile_module, CodegenOptions};
use pyaot_mir::{BinOp, Callee, FuncId, MTy, Module, Operand, RtFn, Rvalue, Terminator};
use support::{all_options, cc, run_ok, scratch_dir, simple, write_object, FnBuilder, C_STUBS};

/// A small module: float add, integer floor modulo, and a caller of both plus a runtime helper.
fn module() -> Module {
    use MTy::*;
    let mut m = Module {
        name: "objtest".into(),
        ..Default::default()
    };
    m.funcs.push(simple("fadd", &[F64, F64], F64, |p| {
        Rvalue::Binary(BinOp::FAdd, p[0], p[1])
    }));
    m.funcs.push(simple("imod", &[I64, I64], I64, |p| {
        Rvalue::Binary(BinOp::IMod, p[0], p[1])
    }));
    let mut b = FnBuilder::new("both");
    let x = b.param(F64);
    let r = b.ret(F64);
    let (bb0, bb1, bb2) = (b.block(), b.block(), b.block());
    b.term(
        bb0,
        Terminator::Call {
            callee: Callee::Func(FuncId(0)),
            args: vec![Operand::Local(x), Operand::Local(x)],
            dests: vec![r],
            next: bb1,
        },
    );
    b.term(
        bb1,
        Terminator::Call {
            callee: Callee::Runtime(RtFn::Sqrt),
            args: vec![Operand::Local(r)],
            dests: vec![r],
            next: bb2,
        },
    );
    b.term(bb2, Terminator::Return);
    m.funcs.push(b.finish());
    // Floor division and modulo reach code generation as machine divisions, as in a build.
    pyaot_opt::run_passes(&mut m, &["legalize"], &pyaot_opt::OptOptions::default())
        .expect("legalizes");
    m
}

#[test]
fn output_is_deterministic() {
    let m = module();
    for opts in all_options() {
        let a = compile_module(&m, &opts).expect("compiles");
        let b = compile_module(&m, &opts).expect("compiles");
        assert_eq!(a.bytes, b.bytes, "object bytes differ for {opts:?}");
        assert_eq!(a.clif, b.clif);
        assert_eq!(a.asm, b.asm);
    }
}

#[test]
fn clif_and_asm_name_every_function() {
    let m = module();
    let code = compile_module(&m, &CodegenOptions::default()).expect("compiles");
    let mut last = 0;
    for body in &m.funcs {
        let header = format!("; fn {} (symbol {}", body.name, body.symbol);
        let at = code
            .clif
            .find(&header)
            .unwrap_or_else(|| panic!("no header for {}:\n{}", body.name, code.clif));
        assert!(at >= last, "functions appear in FuncId order");
        last = at;
    }
    assert!(code.clif.contains("function u0:0("), "{}", code.clif);
    assert!(code.clif.contains("srem"), "{}", code.clif);
    let asm = code.asm.expect("assembly listing");
    for body in &m.funcs {
        assert!(asm.contains(&format!("{}:", body.symbol)), "{asm}");
    }
}

#[test]
fn portable_code_avoids_vex_encodings() {
    let m = module();
    let portable = compile_module(
        &m,
        &CodegenOptions {
            opt_level: 2,
            portable: true,
        },
    )
    .expect("compiles");
    let asm = portable.asm.expect("assembly listing");
    assert!(asm.contains("addsd"), "{asm}");
    assert!(!asm.contains("vaddsd"), "x86-64-v2 has no AVX:\n{asm}");
}

/// The object links into a shared library without text relocations and exports none of its functions.
#[test]
fn links_into_a_shared_library_with_hidden_symbols() {
    let m = module();
    for (i, opts) in all_options().iter().enumerate() {
        let dir = scratch_dir(&format!("shared{i}"));
        let obj = write_object(&m, opts, &dir);
        std::fs::write(dir.join("stubs.c"), C_STUBS).unwrap();
        let so = dir.join("libt.so");
        run_ok(
            cc().args(["-shared", "-fPIC", "-Wl,-z,text", "-Wl,-z,defs", "-o"])
                .arg(&so)
                .arg(dir.join("stubs.c"))
                .arg(&obj)
                .arg("-lm"),
            "linking the shared library",
        );
        if let Ok(out) = Command::new("nm")
            .args(["-D", "--defined-only"])
            .arg(&so)
            .output()
        {
            let dynsyms = String::from_utf8_lossy(&out.stdout);
            let exported = |name: &str| {
                dynsyms
                    .lines()
                    .any(|l| l.split_whitespace().last() == Some(name))
            };
            assert!(
                !m.funcs.iter().any(|b| exported(&b.symbol)),
                "hidden functions were exported:\n{dynsyms}"
            );
            assert!(exported("pyaot_rt_raise"), "{dynsyms}");
        }
        if let Ok(out) = Command::new("nm").arg(&obj).output() {
            let syms = String::from_utf8_lossy(&out.stdout);
            for body in &m.funcs {
                assert!(syms.contains(&format!("T {}", body.symbol)), "{syms}");
            }
            assert!(syms.contains("U pyaot_rt_math_sqrt"), "{syms}");
        }
    }
}

#[test]
fn invalid_mir_is_an_error_not_a_panic() {
    let mut m = module();
    m.funcs[0].blocks[0].terminator = Terminator::Goto(pyaot_mir::BlockId(9));
    let e = compile_module(&m, &CodegenOptions::default()).expect_err("invalid MIR");
    assert!(e.message.contains("bb9"), "{e}");
    assert!(e.to_string().contains("code generation failed"), "{e}");
}

#[test]
fn duplicate_symbols_are_an_error() {
    let mut m = module();
    m.funcs[1] = simple("fadd2", &[MTy::F64, MTy::F64], MTy::F64, |p| {
        Rvalue::Binary(BinOp::FSub, p[0], p[1])
    });
    m.funcs[1].symbol = m.funcs[0].symbol.clone();
    let e = compile_module(&m, &CodegenOptions::default()).expect_err("duplicate symbol");
    assert_eq!(e.function, "fadd2", "{e}");
}
