//! Every MIR operation, run natively and compared with Python semantics computed in Rust.

mod support;

use pyaot_mir::{BinOp, CastOp, Cmp, MConst, MTy, Module, Operand, Rvalue, UnOp};
use support::{all_options, run_cases, simple, Case, Val};

const INTS: [i64; 16] = [
    0,
    1,
    -1,
    2,
    -2,
    3,
    -7,
    7,
    10,
    -10,
    i64::MAX,
    i64::MIN,
    i64::MAX - 1,
    i64::MIN + 1,
    3_037_000_500,
    -3_037_000_500,
];

const FLOATS: [f64; 14] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    -0.5,
    1.5,
    2.5,
    -2.5,
    3.7,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    4_503_599_627_370_497.0,
];

/// A named operation with its expected semantics.
type Op<K, F> = (&'static str, K, F);
type IntOp = Op<BinOp, fn(i64, i64) -> Option<i64>>;
type FlagOp = Op<BinOp, fn(i64, i64) -> bool>;
type BoolOp = Op<BinOp, fn(bool, bool) -> bool>;
type FloatOp = Op<BinOp, fn(f64, f64) -> f64>;
type FloatUnOp = Op<UnOp, fn(f64) -> f64>;

const CMPS: [Cmp; 6] = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];

fn py_floordiv(a: i64, b: i64) -> i64 {
    let (a, b) = (a as i128, b as i128);
    let (q, r) = (a / b, a % b);
    let q = if r != 0 && (r < 0) != (b < 0) {
        q - 1
    } else {
        q
    };
    assert!(q * b <= a || b < 0, "floor property");
    q as i64
}

fn py_mod(a: i64, b: i64) -> i64 {
    let (a, b) = (a as i128, b as i128);
    let r = a % b;
    let r = if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    };
    assert!(r == 0 || (r < 0) == (b < 0), "sign of the divisor");
    r as i64
}

fn cmp_name(c: Cmp) -> &'static str {
    c.name()
}

fn holds<T: PartialOrd>(c: Cmp, a: T, b: T) -> bool {
    match c {
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::Lt => a < b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Ge => a >= b,
    }
}

fn bin(op: BinOp) -> impl FnOnce(&[Operand]) -> Rvalue {
    move |p| Rvalue::Binary(op, p[0], p[1])
}

fn c(v: MConst) -> Operand {
    Operand::Const(v)
}

/// Builds the module and the cases together so they cannot drift apart.
fn module_and_cases() -> (Module, Vec<Case>) {
    use MTy::*;
    let mut m = Module {
        name: "arith".into(),
        ..Default::default()
    };
    let mut cases = Vec::new();

    // Integer arithmetic on every pair.
    let int_ops: [IntOp; 8] = [
        ("iadd", BinOp::IAdd, |a, b| Some(a.wrapping_add(b))),
        ("isub", BinOp::ISub, |a, b| Some(a.wrapping_sub(b))),
        ("imul", BinOp::IMul, |a, b| Some(a.wrapping_mul(b))),
        ("ifloordiv", BinOp::IFloorDiv, |a, b| {
            (b != 0 && !(a == i64::MIN && b == -1)).then(|| py_floordiv(a, b))
        }),
        ("imod", BinOp::IMod, |a, b| (b != 0).then(|| py_mod(a, b))),
        ("iand", BinOp::And, |a, b| Some(a & b)),
        ("ior", BinOp::Or, |a, b| Some(a | b)),
        ("ixor", BinOp::Xor, |a, b| Some(a ^ b)),
    ];
    for (name, op, f) in int_ops {
        m.funcs.push(simple(name, &[I64, I64], I64, bin(op)));
        for a in INTS {
            for b in INTS {
                if let Some(r) = f(a, b) {
                    cases.push(Case::ok(name, vec![Val::I(a), Val::I(b)], Val::I(r)));
                }
            }
        }
    }

    // Overflow flags.
    let ovf_ops: [FlagOp; 3] = [
        ("add_ovf", BinOp::IAddOverflows, |a, b| {
            a.checked_add(b).is_none()
        }),
        ("sub_ovf", BinOp::ISubOverflows, |a, b| {
            a.checked_sub(b).is_none()
        }),
        ("mul_ovf", BinOp::IMulOverflows, |a, b| {
            a.checked_mul(b).is_none()
        }),
    ];
    for (name, op, f) in ovf_ops {
        m.funcs.push(simple(name, &[I64, I64], Bool, bin(op)));
        for a in INTS {
            for b in INTS {
                cases.push(Case::ok(name, vec![Val::I(a), Val::I(b)], Val::B(f(a, b))));
            }
        }
    }

    // Comparisons of every type.
    for cmp in CMPS {
        let n = cmp_name(cmp);
        m.funcs.push(simple(
            &format!("icmp_{n}"),
            &[I64, I64],
            Bool,
            bin(BinOp::Cmp(cmp)),
        ));
        m.funcs.push(simple(
            &format!("ucmp_{n}"),
            &[I64, I64],
            Bool,
            bin(BinOp::UCmp(cmp)),
        ));
        m.funcs.push(simple(
            &format!("bcmp_{n}"),
            &[Bool, Bool],
            Bool,
            bin(BinOp::Cmp(cmp)),
        ));
        m.funcs.push(simple(
            &format!("fcmp_{n}"),
            &[F64, F64],
            Bool,
            bin(BinOp::Cmp(cmp)),
        ));
        for a in INTS {
            for b in INTS {
                let args = vec![Val::I(a), Val::I(b)];
                cases.push(Case::ok(
                    &format!("icmp_{n}"),
                    args.clone(),
                    Val::B(holds(cmp, a, b)),
                ));
                cases.push(Case::ok(
                    &format!("ucmp_{n}"),
                    args,
                    Val::B(holds(cmp, a as u64, b as u64)),
                ));
            }
        }
        for a in [false, true] {
            for b in [false, true] {
                cases.push(Case::ok(
                    &format!("bcmp_{n}"),
                    vec![Val::B(a), Val::B(b)],
                    Val::B(holds(cmp, a, b)),
                ));
            }
        }
        for a in FLOATS {
            for b in FLOATS {
                cases.push(Case::ok(
                    &format!("fcmp_{n}"),
                    vec![Val::F(a), Val::F(b)],
                    Val::B(holds(cmp, a, b)),
                ));
            }
        }
    }

    // Boolean logic.
    let bool_ops: [BoolOp; 3] = [
        ("band", BinOp::And, |a, b| a & b),
        ("bor", BinOp::Or, |a, b| a | b),
        ("bxor", BinOp::Xor, |a, b| a ^ b),
    ];
    for (name, op, f) in bool_ops {
        m.funcs.push(simple(name, &[Bool, Bool], Bool, bin(op)));
        for a in [false, true] {
            for b in [false, true] {
                cases.push(Case::ok(name, vec![Val::B(a), Val::B(b)], Val::B(f(a, b))));
            }
        }
    }

    // Float arithmetic.
    let float_ops: [FloatOp; 5] = [
        ("fadd", BinOp::FAdd, |a, b| a + b),
        ("fsub", BinOp::FSub, |a, b| a - b),
        ("fmul", BinOp::FMul, |a, b| a * b),
        ("fdiv", BinOp::FDiv, |a, b| a / b),
        ("fcopysign", BinOp::FCopysign, f64::copysign),
    ];
    for (name, op, f) in float_ops {
        m.funcs.push(simple(name, &[F64, F64], F64, bin(op)));
        for a in FLOATS {
            for b in FLOATS {
                cases.push(Case::ok(name, vec![Val::F(a), Val::F(b)], Val::F(f(a, b))));
            }
        }
    }

    // Unary operations.
    m.funcs.push(simple("ineg", &[I64], I64, |p| {
        Rvalue::Unary(UnOp::INeg, p[0])
    }));
    m.funcs.push(simple("inot", &[I64], I64, |p| {
        Rvalue::Unary(UnOp::INot, p[0])
    }));
    m.funcs.push(simple("bnot", &[Bool], Bool, |p| {
        Rvalue::Unary(UnOp::BNot, p[0])
    }));
    for a in INTS {
        cases.push(Case::ok("ineg", vec![Val::I(a)], Val::I(a.wrapping_neg())));
        cases.push(Case::ok("inot", vec![Val::I(a)], Val::I(!a)));
    }
    for a in [false, true] {
        cases.push(Case::ok("bnot", vec![Val::B(a)], Val::B(!a)));
    }
    let float_un: [FloatUnOp; 7] = [
        ("fneg", UnOp::FNeg, |x| -x),
        ("fabs", UnOp::FAbs, f64::abs),
        ("fsqrt", UnOp::FSqrt, f64::sqrt),
        ("ffloor", UnOp::FFloor, f64::floor),
        ("fceil", UnOp::FCeil, f64::ceil),
        ("ftrunc", UnOp::FTrunc, f64::trunc),
        ("fnearest", UnOp::FNearest, f64::round_ties_even),
    ];
    for (name, op, f) in float_un {
        m.funcs
            .push(simple(name, &[F64], F64, move |p| Rvalue::Unary(op, p[0])));
        for a in FLOATS
            .iter()
            .copied()
            .chain([-1.5, 0.49999999999999994, -3.7, 1e300])
        {
            cases.push(Case::ok(name, vec![Val::F(a)], Val::F(f(a))));
        }
    }

    // Casts.
    m.funcs.push(simple("itof", &[I64], F64, |p| {
        Rvalue::Cast(CastOp::IToF, p[0])
    }));
    m.funcs.push(simple("btoi", &[Bool], I64, |p| {
        Rvalue::Cast(CastOp::BToI, p[0])
    }));
    m.funcs.push(simple("btof", &[Bool], F64, |p| {
        Rvalue::Cast(CastOp::BToF, p[0])
    }));
    m.funcs.push(simple("ftoi", &[F64], I64, |p| {
        Rvalue::Cast(CastOp::FToIUnchecked, p[0])
    }));
    for a in INTS.iter().copied().chain([(1 << 53) + 1, (1 << 53) + 3]) {
        cases.push(Case::ok("itof", vec![Val::I(a)], Val::F(a as f64)));
    }
    for a in [false, true] {
        cases.push(Case::ok("btoi", vec![Val::B(a)], Val::I(a as i64)));
        cases.push(Case::ok("btof", vec![Val::B(a)], Val::F(a as u8 as f64)));
    }
    for a in [
        0.0,
        -0.0,
        1.9,
        -1.9,
        2.5,
        -2.5,
        1e18,
        -9.2e18,
        9.2e18,
        i64::MIN as f64,
    ] {
        cases.push(Case::ok("ftoi", vec![Val::F(a)], Val::I(a as i64)));
    }

    // Select of each type.
    let sel = |p: &[Operand]| Rvalue::Select(p[0], p[1], p[2]);
    m.funcs.push(simple("sel_i", &[Bool, I64, I64], I64, sel));
    m.funcs.push(simple("sel_f", &[Bool, F64, F64], F64, sel));
    m.funcs
        .push(simple("sel_b", &[Bool, Bool, Bool], Bool, sel));
    for cnd in [false, true] {
        let pick = |a, b| if cnd { a } else { b };
        cases.push(Case::ok(
            "sel_i",
            vec![Val::B(cnd), Val::I(-5), Val::I(9)],
            Val::I(pick(-5, 9)),
        ));
        cases.push(Case::ok(
            "sel_f",
            vec![Val::B(cnd), Val::F(-0.0), Val::F(2.5)],
            Val::F(if cnd { -0.0 } else { 2.5 }),
        ));
        cases.push(Case::ok(
            "sel_b",
            vec![Val::B(cnd), Val::B(true), Val::B(false)],
            Val::B(cnd),
        ));
    }

    // Constant operands, including fully constant expressions the optimiser folds.
    let ci = |v| c(MConst::I64(v));
    m.funcs.push(simple("mod_m1", &[I64], I64, move |p| {
        Rvalue::Binary(BinOp::IMod, p[0], ci(-1))
    }));
    m.funcs.push(simple("mod_c7", &[I64], I64, move |p| {
        Rvalue::Binary(BinOp::IMod, p[0], ci(7))
    }));
    m.funcs.push(simple("mod_cm7", &[I64], I64, move |p| {
        Rvalue::Binary(BinOp::IMod, p[0], ci(-7))
    }));
    m.funcs.push(simple("div_c7", &[I64], I64, move |p| {
        Rvalue::Binary(BinOp::IFloorDiv, p[0], ci(7))
    }));
    m.funcs.push(simple("div_cm7", &[I64], I64, move |p| {
        Rvalue::Binary(BinOp::IFloorDiv, p[0], ci(-7))
    }));
    m.funcs.push(simple("div_c8", &[I64], I64, move |p| {
        Rvalue::Binary(BinOp::IFloorDiv, p[0], ci(8))
    }));
    m.funcs.push(simple("min_mod", &[I64], I64, move |p| {
        Rvalue::Binary(BinOp::IMod, ci(i64::MIN), p[0])
    }));
    for a in INTS {
        cases.push(Case::ok("mod_m1", vec![Val::I(a)], Val::I(0)));
        cases.push(Case::ok("mod_c7", vec![Val::I(a)], Val::I(py_mod(a, 7))));
        cases.push(Case::ok("mod_cm7", vec![Val::I(a)], Val::I(py_mod(a, -7))));
        cases.push(Case::ok(
            "div_c7",
            vec![Val::I(a)],
            Val::I(py_floordiv(a, 7)),
        ));
        cases.push(Case::ok(
            "div_cm7",
            vec![Val::I(a)],
            Val::I(py_floordiv(a, -7)),
        ));
        cases.push(Case::ok(
            "div_c8",
            vec![Val::I(a)],
            Val::I(py_floordiv(a, 8)),
        ));
        if a != 0 {
            cases.push(Case::ok(
                "min_mod",
                vec![Val::I(a)],
                Val::I(py_mod(i64::MIN, a)),
            ));
        }
    }
    let consts: [(&str, MTy, Rvalue, Val); 6] = [
        (
            "k_min_mod_m1",
            I64,
            Rvalue::Binary(BinOp::IMod, ci(i64::MIN), ci(-1)),
            Val::I(0),
        ),
        (
            "k_mod",
            I64,
            Rvalue::Binary(BinOp::IMod, ci(-7), ci(2)),
            Val::I(1),
        ),
        (
            "k_div",
            I64,
            Rvalue::Binary(BinOp::IFloorDiv, ci(7), ci(-2)),
            Val::I(-4),
        ),
        (
            "k_ovf",
            Bool,
            Rvalue::Binary(BinOp::IAddOverflows, ci(i64::MAX), ci(1)),
            Val::B(true),
        ),
        (
            "k_fcmp_ne",
            Bool,
            Rvalue::Binary(
                BinOp::Cmp(Cmp::Ne),
                c(MConst::F64(f64::NAN)),
                c(MConst::F64(f64::NAN)),
            ),
            Val::B(true),
        ),
        (
            "k_bcmp",
            Bool,
            Rvalue::Binary(
                BinOp::Cmp(Cmp::Lt),
                c(MConst::Bool(false)),
                c(MConst::Bool(true)),
            ),
            Val::B(true),
        ),
    ];
    for (name, ty, rv, want) in consts {
        m.funcs.push(simple(name, &[], ty, move |_| rv));
        cases.push(Case::ok(name, vec![], want));
    }
    (m, cases)
}

#[test]
fn every_operation_matches_python_semantics() {
    let (module, cases) = module_and_cases();
    pyaot_mir::verify(&module).expect("valid MIR");
    for (i, opts) in all_options().iter().enumerate() {
        run_cases(&module, opts, &cases, &format!("arith{i}"));
    }
}
