//! Builds an extension whose hand-written "compiled" C functions take and return arrays and
//! fixed-width scalars, and checks it from Python against NumPy.

mod common;

use pyaot_pywrap::{ArrayTy, Const, Dtype, ExportFn, ExportParam, Ty, WrapperInput};

fn param(name: &str, ty: Ty) -> ExportParam {
    ExportParam {
        name: name.into(),
        ty,
        default: None,
        writes: false,
    }
}

fn written(name: &str, ty: Ty) -> ExportParam {
    ExportParam {
        writes: true,
        ..param(name, ty)
    }
}

fn with_default(name: &str, ty: Ty, c: Const) -> ExportParam {
    ExportParam {
        default: Some(c),
        ..param(name, ty)
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

fn arr(dtype: Dtype, ndim: u8) -> Ty {
    Ty::Array(ArrayTy {
        dtype,
        ndim,
        contig: false,
    })
}

fn carr(dtype: Dtype, ndim: u8) -> Ty {
    Ty::Array(ArrayTy {
        dtype,
        ndim,
        contig: true,
    })
}

fn input() -> WrapperInput {
    use Dtype::*;
    let f64_1 = arr(F64, 1);
    let mut scale = func(
        "scale",
        vec![written("x", f64_1.clone()), param("k", Ty::Float)],
        Ty::None,
    );
    scale.release_gil = true;
    let mut arange = func("arange", vec![param("n", Ty::Int)], f64_1.clone());
    arange.release_gil = true;
    let mut index_error = func(
        "index_error",
        vec![
            param("index", Ty::Int),
            param("axis", Ty::Int),
            param("size", Ty::Int),
        ],
        Ty::Int,
    );
    index_error.symbol = "pyaot_rt_index_error".into();
    let mut functions = vec![
        func("sum1", vec![param("x", f64_1.clone())], Ty::Float),
        func("sum2", vec![param("m", arr(F64, 2))], Ty::Float),
        func("sum4", vec![param("x", arr(F64, 4))], Ty::Float),
        func(
            "sum_c",
            vec![param("m", carr(F64, 2))],
            Ty::Tuple(vec![Ty::Float, Ty::Int, Ty::Int]),
        ),
        scale,
        func(
            "axpy",
            vec![
                param("a", Ty::Float),
                param("x", f64_1.clone()),
                written("y", f64_1.clone()),
            ],
            Ty::None,
        ),
        arange,
        func("zeros_u8", vec![param("n", Ty::Int)], arr(U8, 1)),
        func("reversed_range", vec![param("n", Ty::Int)], arr(I64, 1)),
        func(
            "twice",
            vec![param("n", Ty::Int)],
            Ty::Tuple(vec![f64_1.clone(), f64_1.clone()]),
        ),
        func("alloc_fail", vec![param("x", f64_1.clone())], f64_1.clone()),
        func("ident", vec![param("m", arr(F64, 2))], arr(F64, 2)),
        func("tail", vec![param("x", f64_1.clone())], f64_1.clone()),
        func(
            "grid",
            vec![param("x", carr(I32, 1))],
            Ty::Tuple(vec![carr(F64, 2), carr(I32, 1), Ty::Int]),
        ),
        func("no_owner", vec![], f64_1),
        func("first_u8", vec![param("x", arr(U8, 1))], Ty::Int),
        func(
            "fill_u8",
            vec![written("x", arr(U8, 1)), param("v", Ty::Scalar(U8))],
            Ty::None,
        ),
        func("count_b1", vec![param("x", arr(B1, 1))], Ty::Int),
        func("sum_f32", vec![param("x", arr(F32, 1))], Ty::Scalar(F32)),
        func(
            "defaults",
            vec![
                with_default("x", Ty::Scalar(F32), Const::Float(0.1)),
                with_default("n", Ty::Scalar(I16), Const::Int(-3)),
                with_default("flag", Ty::Scalar(B1), Const::Bool(true)),
            ],
            Ty::Tuple(vec![
                Ty::Scalar(F32),
                Ty::Scalar(I16),
                Ty::Scalar(B1),
                Ty::Scalar(F64),
            ]),
        ),
        index_error,
    ];
    for d in Dtype::ALL {
        functions.push(func(
            &format!("echo_{}", d.name()),
            vec![param("x", Ty::Scalar(d))],
            Ty::Scalar(d),
        ));
    }
    WrapperInput {
        module: "arrays".into(),
        doc: None,
        functions,
        messages: vec![],
        python: None,
        kernels: Vec::new(),
        ptx: None,
    }
}

#[test]
fn arrays_and_fixed_width_scalars_cross_the_wrapper_like_numpy() {
    common::check_fixture("arrays", &input(), "arrays.c", "arrays_check.py");
}

#[test]
fn array_wrappers_compile_without_warnings_and_deterministically() {
    let a = pyaot_pywrap::generate(&input());
    assert_eq!(a, pyaot_pywrap::generate(&input()));
    // Every array parameter is released on the common exit path.
    assert!(a.contains("pyaot_release(&b1);"));
    let dir = common::scratch("warnings_arrays");
    common::assert_warning_free(&a, &dir);
}

#[test]
fn array_params_with_defaults_are_left_out() {
    let mut f = func("bad", vec![param("x", arr(Dtype::F64, 1))], Ty::None);
    f.params[0].default = Some(Const::None);
    let c = pyaot_pywrap::generate(&WrapperInput {
        module: "m".into(),
        doc: None,
        functions: vec![f],
        messages: vec![],
        python: None,
        kernels: Vec::new(),
        ptx: None,
    });
    assert!(!c.contains("pyaot_f_bad"));
}
