//! Builds a real extension around hand-written "compiled" C functions and checks it from Python.

mod common;

use pyaot_pywrap::{Const, Dtype, ExportFn, ExportParam, Ty, WrapperInput};

fn param(name: &str, ty: Ty, default: Option<Const>) -> ExportParam {
    ExportParam {
        name: name.into(),
        ty,
        default,
        writes: false,
    }
}

fn func(name: &str, params: Vec<ExportParam>, ret: Ty) -> ExportFn {
    ExportFn {
        name: name.into(),
        symbol: format!("pyaot_f_{name}"),
        doc: None,
        params,
        ret,
        release_gil: false,
    }
}

fn input() -> WrapperInput {
    let mut add = func(
        "add",
        vec![
            param("a", Ty::Int, None),
            param("b", Ty::Int, Some(Const::Int(1))),
        ],
        Ty::Int,
    );
    add.doc = Some("Adds \"two\" ints.\nSecond line \\ with ünïcode.".into());
    let mut answer = func("answer", vec![], Ty::Int);
    answer.release_gil = true;
    answer.doc = Some(String::new());
    let mut unsupported = func(
        "unsupported",
        vec![param("t", Ty::DtypeOf(Dtype::F64), None)],
        Ty::None,
    );
    unsupported.symbol = "pyaot_f_missing_symbol".into();
    WrapperInput {
        module: "wrapped".into(),
        doc: Some("Test module.\nSecond line.".into()),
        functions: vec![
            add,
            func(
                "scale",
                vec![
                    param("x", Ty::Float, None),
                    param("factor", Ty::Float, Some(Const::Float(2.0))),
                ],
                Ty::Float,
            ),
            func(
                "pick",
                vec![param("flag", Ty::Bool, None), param("n", Ty::Int, None)],
                Ty::Bool,
            ),
            func(
                "split",
                vec![param("x", Ty::Float, None)],
                Ty::Tuple(vec![
                    Ty::Float,
                    Ty::Tuple(vec![Ty::Int, Ty::Bool]),
                    Ty::Tuple(vec![]),
                ]),
            ),
            func("check", vec![param("n", Ty::Int, None)], Ty::None),
            answer,
            func("fails", vec![], Ty::Int),
            unsupported,
        ],
        messages: vec![
            "integer overflow in add".into(),
            "n must be \"non-negative\"\n\\ naïve ✓".into(),
        ],
        python: None,
        kernels: Vec::new(),
        ptx: None,
    }
}

#[test]
fn extension_calls_convert_and_raise_like_python() {
    common::check_fixture("extension", &input(), "compiled.c", "extension_check.py");
}

#[test]
fn generation_is_deterministic_and_skips_unsupported_params() {
    let a = pyaot_pywrap::generate(&input());
    let b = pyaot_pywrap::generate(&input());
    assert_eq!(a, b);
    assert!(!a.contains("pyaot_f_missing_symbol"));
    assert!(a.contains("\"add($module, a, b=1)\\n\""));
}

#[test]
fn generated_c_compiles_without_warnings() {
    let dir = common::scratch("warnings_ext");
    common::assert_warning_free(&pyaot_pywrap::generate(&input()), &dir);
}
