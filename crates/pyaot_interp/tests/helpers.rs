//! Runtime helpers against values CPython 3.11 gives on this machine, bit for bit.

use pyaot_interp::{run, Limits, Memory, Outcome, Val};
use pyaot_mir::{
    BlockData, BlockId, Body, Callee, ExcKind, Local, LocalDecl, Module, Operand, RtFn, Terminator,
};

/// A module whose one function calls the helper on its parameters and returns its results.
fn helper_module(rt: RtFn) -> Module {
    let n = rt.params().len();
    let locals: Vec<LocalDecl> = rt
        .params()
        .iter()
        .chain(rt.results())
        .map(|t| LocalDecl::temp(*t))
        .collect();
    let params: Vec<Local> = (0..n as u32).map(Local).collect();
    let rets: Vec<Local> = (n as u32..locals.len() as u32).map(Local).collect();
    let call = Terminator::Call {
        callee: Callee::Runtime(rt),
        args: params.iter().map(|l| Operand::Local(*l)).collect(),
        dests: rets.clone(),
        next: BlockId(1),
    };
    let body = Body {
        name: "f".into(),
        symbol: "f".into(),
        params,
        rets,
        locals,
        blocks: vec![
            BlockData {
                stmts: vec![],
                terminator: call,
            },
            BlockData {
                stmts: vec![],
                terminator: Terminator::Return,
            },
        ],
        owned: vec![],
        kernel: false,
        cleanup: None,
    };
    Module {
        name: "m".into(),
        funcs: vec![body],
        messages: vec![],
    }
}

fn call(rt: RtFn, args: &[Val]) -> Result<Vec<Val>, Outcome> {
    run(
        &helper_module(rt),
        0usize,
        args,
        &mut Memory::new(),
        &Limits::default(),
    )
}

fn f64_of(rt: RtFn, args: &[Val]) -> u64 {
    match call(rt, args) {
        Ok(v) => match v[..] {
            [Val::F64(x)] => x.to_bits(),
            _ => panic!("{rt:?}: {v:?}"),
        },
        Err(e) => panic!("{rt:?} of {args:?}: {e}"),
    }
}

#[test]
fn math_functions_of_one_float_match_cpython() {
    let cases: &[(RtFn, f64, u64)] = &[
        (RtFn::Gamma, 0.5, 0x3ffc5bf891b4ef6a),
        (RtFn::Gamma, 4.5, 0x40274371e7866c64),
        (RtFn::Gamma, -2.5, 0xbfee3ff812e32181),
        (RtFn::Gamma, 171.5, 0x7fe0e1863dcad78a),
        (RtFn::Gamma, 1e-05, 0x40f869f6c3c3e0ba),
        (RtFn::Lgamma, 0.5, 0x3fe250d048e7a1c0),
        (RtFn::Lgamma, 100.25, 0x4076848d8e681f59),
        (RtFn::Lgamma, -3.5, 0xbff4f1b0fe64a5d7),
        (RtFn::Erf, 0.3, 0x3fd50838881dea0f),
        (RtFn::Erf, -1.7, 0xbfef7b3620b8747b),
        (RtFn::Erfc, 0.3, 0x3fe57be3bbf10af8),
        (RtFn::Erfc, 5.5, 0x3d009182b326b229),
        (RtFn::Asinh, 0.7, 0x3fe4e2a4fe9085dd),
        (RtFn::Asinh, -3.25, 0xbffe5093baa48d15),
        (RtFn::Acosh, 1.5, 0x3feecc2caec5160a),
        (RtFn::Acosh, 10.0, 0x4007f21ed1ce05d4),
        (RtFn::Atanh, 0.3, 0x3fd3cf2b50617c96),
        (RtFn::Atanh, -0.9, 0xbff78e360604b32d),
        (RtFn::Sin, 1e+22, 0xbfeb453ab76bf397),
        (RtFn::Sin, 0.5, 0x3fdeaee8744b05f0),
        (RtFn::Exp, 0.1, 0x3ff1aec7b35a00d4),
        (RtFn::Exp, -700.5, 0xc4ff475c68ca02),
        (RtFn::Log1p, 1e-10, 0x3ddb7cdfd9d1d693),
        (RtFn::Log1p, 3.5, 0x3ff810b375dce91e),
        (RtFn::Tan, 1.3, 0x400cd11b1696e97e),
        (RtFn::Cosh, 2.5, 0x40188776e4b30aa3),
    ];
    for &(rt, x, want) in cases {
        assert_eq!(f64_of(rt, &[Val::F64(x)]), want, "{rt:?}({x})");
    }
}

#[test]
fn float_functions_of_two_floats_match_cpython() {
    let cases: &[(RtFn, f64, f64, u64)] = &[
        (RtFn::Hypot, 3.0, 4.0, 0x4014000000000000),
        (RtFn::Hypot, 1e-300, 3e-301, 0x1a65fae82bd10c2),
        (RtFn::Hypot, 1.1, 2.3, 0x400465655f122ff6),
        (RtFn::Atan2, 1.0, -2.0, 0x40056c6e7397f5ae),
        (RtFn::Pow, 1.5, 2.7, 0x4007e859efb1238c),
        (RtFn::FloatPow, 2.5, -3.5, 0x3fa4b96be9c2da2c),
        (RtFn::FloatPow, -2.0, 3.0, 0xc020000000000000),
        (RtFn::FloatFloorDiv, 7.5, -2.0, 0xc010000000000000),
        (RtFn::FloatFloorDiv, -0.0, 3.0, 0x8000000000000000),
        (RtFn::FloatFloorDiv, 1e+308, 1e-308, 0x7ff0000000000000),
        (RtFn::FloatMod, 7.5, -2.0, 0xbfe0000000000000),
        (RtFn::FloatMod, -1e-300, 1e+300, 0x7e37e43c8800759c),
        (RtFn::Fmod, 7.5, -2.0, 0x3ff8000000000000),
        (RtFn::LogBase, 100.0, 10.0, 0x4000000000000000),
        (RtFn::LogBase, 8.0, 2.0, 0x4008000000000000),
    ];
    for &(rt, x, y, want) in cases {
        assert_eq!(
            f64_of(rt, &[Val::F64(x), Val::F64(y)]),
            want,
            "{rt:?}({x}, {y})"
        );
    }
}

#[test]
fn int_true_division_is_correctly_rounded() {
    let cases: &[(i64, i64, u64)] = &[
        (9007199254740993, 3, 0x4325555555555556),
        (i64::MIN, 7, 0xc3b2492492492492),
        (
            4611686018427400249,
            -2305843009213693953,
            0xc00000000000000c,
        ),
        (1000000000000000001, 999999999999999999, 0x3ff0000000000000),
    ];
    for &(a, b, want) in cases {
        assert_eq!(
            f64_of(RtFn::IntTrueDiv, &[Val::I64(a), Val::I64(b)]),
            want,
            "{a} / {b}"
        );
    }
}

#[test]
fn round_with_digits_matches_cpython() {
    let cases: &[(f64, i64, u64)] = &[
        (2.675, 2, 0x40055c28f5c28f5c),
        (0.125, 2, 0x3fbeb851eb851eb8),
        (1234.5, -1, 0x4093380000000000),
        (1250.0, -2, 0x4092c00000000000),
        (1e+300, 5, 0x7e37e43c8800759c),
        (5e-324, 400, 0x1),
        (-0.5, 0, 0x8000000000000000),
        (2500000000000000.0, -15, 0x431c6bf526340000),
    ];
    for &(x, n, want) in cases {
        assert_eq!(
            f64_of(RtFn::RoundDigits, &[Val::F64(x), Val::I64(n)]),
            want,
            "round({x}, {n})"
        );
    }
}

#[test]
fn raising_helpers_give_the_runtime_messages() {
    let raised = |rt: RtFn, args: &[Val]| match call(rt, args) {
        Err(Outcome::Raised { exc, msg }) => (exc, msg),
        other => panic!("{rt:?} of {args:?}: {other:?}"),
    };
    assert_eq!(
        raised(RtFn::IndexError, &[Val::I64(5), Val::I64(0), Val::I64(3)]),
        (
            ExcKind::IndexError,
            "index 5 is out of bounds for axis 0 with size 3".into()
        )
    );
    assert_eq!(
        raised(RtFn::Sqrt, &[Val::F64(-1.0)]),
        (ExcKind::ValueError, "math domain error".into())
    );
    assert_eq!(
        raised(RtFn::Exp, &[Val::F64(1000.0)]),
        (ExcKind::OverflowError, "math range error".into())
    );
    assert_eq!(
        raised(RtFn::IntPow, &[Val::I64(3), Val::I64(40)]).0,
        ExcKind::OverflowError
    );
    assert_eq!(
        raised(RtFn::FloatMod, &[Val::F64(1.0), Val::F64(0.0)]),
        (ExcKind::ZeroDivisionError, "float modulo".into())
    );
    assert_eq!(
        raised(RtFn::RangeLen, &[Val::I64(0), Val::I64(1), Val::I64(0)]),
        (ExcKind::ValueError, "range() arg 3 must not be zero".into())
    );
    assert_eq!(
        call(
            RtFn::CPow,
            &[
                Val::I64(0),
                Val::F64(1.0),
                Val::F64(0.0),
                Val::F64(2.0),
                Val::F64(0.0)
            ]
        ),
        Err(Outcome::Unsupported("runtime helper c_pow".into()))
    );
}

#[test]
fn int_helpers_follow_python() {
    let int = |rt: RtFn, args: &[Val]| match call(rt, args) {
        Ok(v) => v[0],
        Err(e) => panic!("{rt:?}: {e}"),
    };
    assert_eq!(
        int(RtFn::Isqrt, &[Val::I64(i64::MAX)]),
        Val::I64(3037000499)
    );
    assert_eq!(
        int(RtFn::Factorial, &[Val::I64(20)]),
        Val::I64(2432902008176640000)
    );
    assert_eq!(int(RtFn::Gcd, &[Val::I64(-12), Val::I64(18)]), Val::I64(6));
    assert_eq!(
        int(
            RtFn::RangeLen,
            &[Val::I64(i64::MIN), Val::I64(i64::MAX), Val::I64(i64::MAX)]
        ),
        Val::I64(3)
    );
    assert_eq!(
        int(RtFn::IntRshift, &[Val::I64(-5), Val::I64(70)]),
        Val::I64(-1)
    );
    assert_eq!(
        int(RtFn::CmpIntFloat, &[Val::I64(3), Val::F64(3.5)]),
        Val::I64(-1)
    );
    assert_eq!(
        int(RtFn::RoundIntDigits, &[Val::I64(-25), Val::I64(-1)]),
        Val::I64(-20)
    );
    assert_eq!(
        int(RtFn::NpIntPow, &[Val::I64(3), Val::I64(41)]),
        Val::I64(3i64.wrapping_pow(41))
    );
}
