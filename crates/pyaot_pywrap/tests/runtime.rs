//! Exports every runtime helper through generated wrappers and compares each with CPython on many inputs.

mod common;

use pyaot_mir::{MTy, RtFn};
use pyaot_pywrap::{Dtype, ExportFn, ExportParam, Ty, WrapperInput};
use std::path::Path;

fn ty(m: MTy) -> Ty {
    match m {
        MTy::I64 => Ty::Int,
        MTy::F64 => Ty::Float,
        MTy::Bool => Ty::Bool,
        MTy::F32 => Ty::Scalar(Dtype::F32),
        MTy::F64x2 | MTy::I64x2 => unreachable!("no helper takes or returns a vector"),
        MTy::Ref => unreachable!("the helpers of references are tested in arrays.rs"),
    }
}

/// Helpers about arrays and the index error, tested with arrays in `arrays.rs` instead, the
/// BLAS product, tested by `testsuite/programs/numpy_lib/matmul_blas.py`, and the helpers of
/// references (lists, strings, dicts and sets), tested by the programs under
/// `testsuite/programs/lists/`, `strings/` and `dicts/` and by the leak test. The GPU helpers
/// have no C implementation: the PTX backend writes them (tested in `cuda_reference.rs`).
fn skipped(f: RtFn) -> bool {
    f.is_gpu()
        || matches!(
            f,
            RtFn::ArrayAlloc | RtFn::ArrayAllocZeroed | RtFn::IndexError | RtFn::BlasGemm
        )
        || f.params().contains(&MTy::Ref)
        || f.results().contains(&MTy::Ref)
}

/// The helpers checked against CPython and NumPy here.
fn checked() -> impl Iterator<Item = RtFn> {
    RtFn::ALL.iter().copied().filter(|f| !skipped(*f))
}

/// A module `rtcheck` whose function `<name>` calls `pyaot_rt_<name>` directly.
fn input() -> WrapperInput {
    let functions = checked()
        .map(|f| ExportFn {
            name: f.name().into(),
            symbol: f.symbol(),
            doc: None,
            params: f
                .params()
                .iter()
                .enumerate()
                .map(|(i, p)| ExportParam {
                    name: format!("p{i}"),
                    ty: ty(*p),
                    default: None,
                    writes: false,
                })
                .collect(),
            ret: match f.results() {
                [r] => ty(*r),
                rs => Ty::Tuple(rs.iter().map(|r| ty(*r)).collect()),
            },
            release_gil: false,
        })
        .collect();
    WrapperInput {
        module: "rtcheck".into(),
        doc: None,
        functions,
        messages: vec![],
        python: None,
        kernels: Vec::new(),
        ptx: None,
    }
}

#[test]
fn every_runtime_helper_matches_cpython() {
    let dir = common::scratch("runtime");
    common::build_module(&input(), &[], &dir);
    let names: Vec<&str> = checked().map(|f| f.name()).collect();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/runtime_check.py");
    let out = common::run_python(&dir, &script, &[&names.join(",")]);
    assert!(out.contains("checked"), "{out}");
    println!("{out}");
}

#[test]
fn generated_c_compiles_without_warnings() {
    let dir = common::scratch("warnings_rt");
    let mut input = input();
    input.messages = vec!["a \"quoted\"\nmessage".into()];
    input.doc = Some("Module doc.".into());
    common::assert_warning_free(&pyaot_pywrap::generate(&input), &dir);
}
