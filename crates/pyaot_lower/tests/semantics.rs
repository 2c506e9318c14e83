//! Lowering tests: hand-built HIR, lowered, verified, inspected as text and run by the MIR interpreter.

mod common;

use common::*;
use pyaot_hir::{
    BinaryOp, CastKind, CmpKind, CmpOp, ExcKind, Function, Intrinsic, LogicOp, Ty, UnaryOp,
};
use pyaot_interp::Val;

use Val::{Bool as B, F64 as F, I64 as I};

/// A one-function module `f(a, b) = a <op> b` of type `ty`.
fn binop_fn(op: BinaryOp, ty: Ty) -> Function {
    let mut f = FnB::new(
        "op",
        if op == BinaryOp::TrueDiv {
            Ty::Float
        } else {
            ty.clone()
        },
    );
    let a = f.param("a", ty.clone());
    let b = f.param("b", ty);
    f.finish(vec![ret(bin(op, a.e(), b.e()))])
}

fn run1(m: &pyaot_mir::Module, args: &[Val]) -> Result<Val, (ExcKind, String)> {
    run(m, 0, args).map(|v| v[0])
}

#[test]
fn int_add_has_overflow_branch() {
    let m = lower(&module(vec![binop_fn(BinaryOp::Add, Ty::Int)]));
    let text = m.to_string();
    assert!(text.contains("iadd_overflows _0, _1"), "{text}");
    assert!(text.contains("raise OverflowError"), "{text}");
    assert_eq!(m.funcs[0].symbol, "pyaot_0_op");
    assert_eq!(run1(&m, &[I(2), I(3)]), Ok(I(5)));
    assert_eq!(
        run1(&m, &[I(i64::MAX), I(1)]).unwrap_err().0,
        ExcKind::OverflowError
    );
    let m = lower(&module(vec![binop_fn(BinaryOp::Mul, Ty::Int)]));
    assert_eq!(
        run1(&m, &[I(1 << 32), I(1 << 31)]).unwrap_err().0,
        ExcKind::OverflowError
    );
    assert_eq!(run1(&m, &[I(-(1 << 32)), I(1 << 31)]), Ok(I(i64::MIN)));
}

#[test]
fn int_floordiv_and_mod_follow_python() {
    let fd = lower(&module(vec![binop_fn(BinaryOp::FloorDiv, Ty::Int)]));
    let md = lower(&module(vec![binop_fn(BinaryOp::Mod, Ty::Int)]));
    let text = fd.to_string();
    assert!(text.contains("raise ZeroDivisionError"), "{text}");
    assert!(text.contains("ifloordiv"), "{text}");
    // Python: -7 // 2 == -4, -7 % 2 == 1, 7 // -2 == -4, 7 % -2 == -1.
    for (a, b, q, r) in [
        (-7, 2, -4, 1),
        (7, -2, -4, -1),
        (7, 2, 3, 1),
        (-7, -2, 3, -1),
        (i64::MIN, 1, i64::MIN, 0),
    ] {
        assert_eq!(run1(&fd, &[I(a), I(b)]), Ok(I(q)), "{a} // {b}");
        assert_eq!(run1(&md, &[I(a), I(b)]), Ok(I(r)), "{a} % {b}");
    }
    for a in -9..9 {
        for b in [-4, -3, -1, 1, 2, 5] {
            assert_eq!(run1(&fd, &[I(a), I(b)]), Ok(I(floordiv(a, b))));
            assert_eq!(run1(&md, &[I(a), I(b)]), Ok(I(modulo(a, b))));
        }
    }
    let zero = run1(&fd, &[I(1), I(0)]).unwrap_err();
    assert_eq!(
        zero,
        (
            ExcKind::ZeroDivisionError,
            "integer division or modulo by zero".into()
        )
    );
    assert_eq!(
        run1(&md, &[I(1), I(0)]).unwrap_err().0,
        ExcKind::ZeroDivisionError
    );
    assert_eq!(
        run1(&fd, &[I(i64::MIN), I(-1)]).unwrap_err().0,
        ExcKind::OverflowError
    );
    assert_eq!(run1(&md, &[I(i64::MIN), I(-1)]), Ok(I(0)));
}

#[test]
fn float_division_and_unary() {
    let m = lower(&module(vec![binop_fn(BinaryOp::TrueDiv, Ty::Float)]));
    assert_eq!(run1(&m, &[F(1.0), F(4.0)]), Ok(F(0.25)));
    assert_eq!(
        run1(&m, &[F(1.0), F(-0.0)]).unwrap_err(),
        (ExcKind::ZeroDivisionError, "float division by zero".into())
    );
    let mut f = FnB::new("neg", Ty::Int);
    let a = f.param("a", Ty::Int);
    let neg = f.finish(vec![ret(un(UnaryOp::Neg, a.e()))]);
    let mut f = FnB::new("absi", Ty::Int);
    let a = f.param("a", Ty::Int);
    let absi = f.finish(vec![ret(intr(Intrinsic::AbsInt, vec![a.e()], Ty::Int))]);
    let m = lower(&module(vec![neg, absi]));
    assert_eq!(run(&m, 0, &[I(5)]), Ok(vec![I(-5)]));
    assert_eq!(
        run(&m, 0, &[I(i64::MIN)]).unwrap_err().0,
        ExcKind::OverflowError
    );
    assert_eq!(run(&m, 1, &[I(-5)]), Ok(vec![I(5)]));
    assert_eq!(
        run(&m, 1, &[I(i64::MIN)]).unwrap_err().0,
        ExcKind::OverflowError
    );
}

/// `f(a, b, c)`: count, xor of the values and the last value of `for i in range(a, b, c)`, last = -999 before.
fn range_fn(step: Option<i64>) -> Function {
    let mut f = FnB::new("rng", Ty::Tuple(vec![Ty::Int, Ty::Int, Ty::Int]));
    let a = f.param("a", Ty::Int);
    let b = f.param("b", Ty::Int);
    let c = f.param("c", Ty::Int);
    let i = f.local("i", Ty::Int);
    let n = f.local("n", Ty::Int);
    let x = f.local("x", Ty::Int);
    let last = f.local("last", Ty::Int);
    let step_e = step.map_or(c.e(), ci);
    f.finish(vec![
        assign(&n, ci(0)),
        assign(&x, ci(0)),
        assign(&last, ci(-999)),
        for_(
            &i,
            a.e(),
            b.e(),
            step_e,
            vec![
                add_to(&n, ci(1)),
                assign(&x, bin(BinaryOp::BitXor, x.e(), i.e())),
                assign(&last, i.e()),
                // Reassigning the loop variable does not change the iteration.
                assign(&i, ci(12345)),
            ],
            vec![],
        ),
        ret(tuple(vec![n.e(), x.e(), last.e()])),
    ])
}

fn range_ref(a: i64, b: i64, c: i64) -> Vec<Val> {
    let (mut n, mut x, mut last) = (0, 0, -999);
    let mut i = a as i128;
    while (c > 0 && i < b as i128) || (c < 0 && i > b as i128) {
        n += 1;
        x ^= i as i64;
        last = i as i64;
        i += c as i128;
    }
    vec![I(n), I(x), I(last)]
}

#[test]
fn range_loops_match_python_at_the_edges() {
    const MAX: i64 = i64::MAX;
    const MIN: i64 = i64::MIN;
    let cases = [
        (0, 10, 1),
        (0, 10, 3),
        (10, 0, -3),
        (5, 5, 1),
        (5, 4, 1),
        (-3, 4, 2),
        (MAX - 10, MAX, 3),
        (MAX - 3, MAX, 1),
        (MIN + 10, MIN, -3),
        (MIN, MAX, MAX),
        (MAX, MIN, MIN),
        (MIN, MAX, MAX - 1),
        (MAX - 1, MAX, MAX),
        (MIN + 1, MIN, -1),
        (0, 1, MIN),
        (0, -1, MIN),
    ];
    let dynamic = lower(&module(vec![range_fn(None)]));
    for (a, b, c) in cases {
        assert_eq!(
            run(&dynamic, 0, &[I(a), I(b), I(c)]),
            Ok(range_ref(a, b, c)),
            "range({a}, {b}, {c})"
        );
        let constant = lower(&module(vec![range_fn(Some(c))]));
        assert_eq!(
            run(&constant, 0, &[I(a), I(b), I(0)]),
            Ok(range_ref(a, b, c)),
            "const range({a}, {b}, {c})"
        );
    }
    let zero = run(&dynamic, 0, &[I(0), I(5), I(0)]).unwrap_err();
    assert_eq!(
        zero,
        (ExcKind::ValueError, "range() arg 3 must not be zero".into())
    );
    let zero_const = lower(&module(vec![range_fn(Some(0))]));
    assert_eq!(
        run(&zero_const, 0, &[I(0), I(5), I(0)]).unwrap_err().0,
        ExcKind::ValueError
    );
}

#[test]
fn range_step_one_has_the_simple_shape() {
    let m = lower(&module(vec![range_fn(Some(1))]));
    let text = m.to_string();
    assert!(!text.contains("ucmp"), "{text}");
    // The counter advances by a plain `counter = iadd counter, 1` after the header's `cmp_ge`.
    let advances = text.lines().any(|l| {
        let l = l.trim();
        l.split_once(" = iadd ")
            .is_some_and(|(d, rest)| rest == format!("{d}, const 1_i64"))
    });
    assert!(advances && text.contains("cmp_ge"), "{text}");
    let m = lower(&module(vec![range_fn(Some(3))]));
    let text = m.to_string();
    assert!(text.contains("ucmp_le"), "{text}");
}

#[test]
fn range_evaluates_stop_once() {
    // for i in range(n): n = 0; c += 1
    let mut f = FnB::new("once", Ty::Int);
    let n = f.param("n", Ty::Int);
    let i = f.local("i", Ty::Int);
    let c = f.local("c", Ty::Int);
    let func = f.finish(vec![
        assign(&c, ci(0)),
        for_(
            &i,
            ci(0),
            n.e(),
            ci(1),
            vec![assign(&n, ci(0)), add_to(&c, ci(1))],
            vec![],
        ),
        ret(c.e()),
    ]);
    let m = lower(&module(vec![func]));
    assert_eq!(run(&m, 0, &[I(7)]), Ok(vec![I(7)]));
}

/// `for i in range(n): if i == k: break  else: r = -1`; returns r (i on break).
fn loop_else_fn(use_while: bool) -> Function {
    let mut f = FnB::new("find", Ty::Int);
    let n = f.param("n", Ty::Int);
    let k = f.param("k", Ty::Int);
    let i = f.local("i", Ty::Int);
    let r = f.local("r", Ty::Int);
    let hit = if_(
        cmp(CmpOp::Eq, CmpKind::Int, i.e(), k.e()),
        vec![assign(&r, i.e()), brk()],
        vec![],
    );
    let lp = if use_while {
        vec![
            assign(&i, ci(0)),
            while_(
                cmp(CmpOp::Lt, CmpKind::Int, i.e(), n.e()),
                vec![hit, add_to(&i, ci(1))],
                vec![assign(&r, ci(-1))],
            ),
        ]
    } else {
        vec![for_(
            &i,
            ci(0),
            n.e(),
            ci(1),
            vec![hit],
            vec![assign(&r, ci(-1))],
        )]
    };
    let mut body = vec![assign(&r, ci(-5))];
    body.extend(lp);
    body.push(ret(r.e()));
    f.finish(body)
}

#[test]
fn loop_else_runs_only_without_break() {
    let m = lower(&module(vec![loop_else_fn(false), loop_else_fn(true)]));
    for f in 0..2 {
        assert_eq!(run(&m, f, &[I(10), I(3)]), Ok(vec![I(3)]));
        assert_eq!(run(&m, f, &[I(10), I(30)]), Ok(vec![I(-1)]));
        assert_eq!(run(&m, f, &[I(0), I(0)]), Ok(vec![I(-1)]));
    }
    // The while header branches on the inverted integer comparison: `branch done, exit, body`.
    let text = m.funcs[1].to_string();
    assert!(text.contains("cmp_ge _"), "{text}");
}

#[test]
fn and_or_return_the_deciding_operand() {
    let mk = |op: LogicOp, ty: Ty| {
        let mut f = FnB::new("lg", ty.clone());
        let a = f.param("a", ty.clone());
        let b = f.param("b", ty);
        f.finish(vec![ret(logic(op, a.e(), b.e()))])
    };
    let m = lower(&module(vec![
        mk(LogicOp::Or, Ty::Int),
        mk(LogicOp::And, Ty::Int),
        mk(LogicOp::Or, Ty::Float),
    ]));
    assert_eq!(run(&m, 0, &[I(0), I(5)]), Ok(vec![I(5)]));
    assert_eq!(run(&m, 0, &[I(3), I(5)]), Ok(vec![I(3)]));
    assert_eq!(run(&m, 1, &[I(0), I(5)]), Ok(vec![I(0)]));
    assert_eq!(run(&m, 1, &[I(3), I(5)]), Ok(vec![I(5)]));
    // NaN is true.
    assert!(run(&m, 2, &[F(f64::NAN), F(2.0)]).unwrap()[0].f().is_nan());
    assert_eq!(run(&m, 2, &[F(-0.0), F(2.0)]), Ok(vec![F(2.0)]));
}

#[test]
fn short_circuit_skips_calls() {
    // boom() raises; f(x) = x and boom(); g(x) = x < 0 < boom()
    let boom = FnB::new("boom", Ty::Int).finish(vec![raise(ExcKind::RuntimeError, "boom")]);
    let mut f = FnB::new("f", Ty::Int);
    let x = f.param("x", Ty::Int);
    let f = f.finish(vec![ret(logic(
        LogicOp::And,
        x.e(),
        call(0, vec![], Ty::Int),
    ))]);
    let mut g = FnB::new("g", Ty::Bool);
    let x = g.param("x", Ty::Int);
    let g = g.finish(vec![ret(chain(
        vec![x.e(), ci(0), call(0, vec![], Ty::Int)],
        vec![(CmpOp::Lt, CmpKind::Int), (CmpOp::Lt, CmpKind::Int)],
    ))]);
    let m = lower(&module(vec![boom, f, g]));
    assert_eq!(run(&m, 1, &[I(0)]), Ok(vec![I(0)]));
    assert_eq!(
        run(&m, 1, &[I(1)]).unwrap_err(),
        (ExcKind::RuntimeError, "boom".into())
    );
    assert_eq!(run(&m, 2, &[I(5)]), Ok(vec![B(false)]));
    assert_eq!(run(&m, 2, &[I(-5)]).unwrap_err().0, ExcKind::RuntimeError);
    // The raising function ends in a raise and is still valid MIR.
    assert!(m.funcs[0].to_string().contains("raise RuntimeError"));
}

#[test]
fn mixed_int_float_comparisons() {
    let ops = [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    let mut funcs = Vec::new();
    for op in ops {
        let mut f = FnB::new("if", Ty::Bool);
        let a = f.param("a", Ty::Int);
        let b = f.param("b", Ty::Float);
        funcs.push(f.finish(vec![ret(cmp(op, CmpKind::IntFloat, a.e(), b.e()))]));
        let mut f = FnB::new("fi", Ty::Bool);
        let a = f.param("a", Ty::Float);
        let b = f.param("b", Ty::Int);
        funcs.push(f.finish(vec![ret(cmp(op, CmpKind::FloatInt, a.e(), b.e()))]));
    }
    let m = lower(&module(funcs));
    let py = |op: CmpOp, a: f64, b: f64| match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    };
    for (k, op) in ops.iter().enumerate() {
        for i in [-2i64, 0, 1, 3] {
            for x in [-2.0, -0.5, 0.0, 1.0, 2.5, 3.0, f64::NAN, f64::INFINITY] {
                let want_if = py(*op, i as f64, x);
                let want_fi = py(*op, x, i as f64);
                assert_eq!(
                    run(&m, 2 * k, &[I(i), F(x)]),
                    Ok(vec![B(want_if)]),
                    "{i} {op:?} {x}"
                );
                assert_eq!(
                    run(&m, 2 * k + 1, &[F(x), I(i)]),
                    Ok(vec![B(want_fi)]),
                    "{x} {op:?} {i}"
                );
            }
        }
    }
}

#[test]
fn min_max_keep_python_nan_rules() {
    let mk = |i: Intrinsic| {
        let mut f = FnB::new("mm", Ty::Float);
        let a = f.param("a", Ty::Float);
        let b = f.param("b", Ty::Float);
        f.finish(vec![ret(intr(i, vec![a.e(), b.e()], Ty::Float))])
    };
    let m = lower(&module(vec![mk(Intrinsic::Min), mk(Intrinsic::Max)]));
    let nan = f64::NAN;
    assert!(run(&m, 0, &[F(nan), F(1.0)]).unwrap()[0].f().is_nan());
    assert_eq!(run(&m, 0, &[F(1.0), F(nan)]), Ok(vec![F(1.0)]));
    assert_eq!(run(&m, 1, &[F(1.0), F(nan)]), Ok(vec![F(1.0)]));
    assert_eq!(run(&m, 0, &[F(2.0), F(1.0)]), Ok(vec![F(1.0)]));
    assert_eq!(run(&m, 1, &[F(2.0), F(3.0)]), Ok(vec![F(3.0)]));
    // min(0.0, -0.0) is 0.0: the first of equal values.
    assert!(run(&m, 0, &[F(0.0), F(-0.0)]).unwrap()[0]
        .f()
        .is_sign_positive());
}

#[test]
fn rounding_intrinsics() {
    let mk = |i: Intrinsic| {
        let mut f = FnB::new("r", Ty::Int);
        let a = f.param("a", Ty::Float);
        f.finish(vec![ret(intr(i, vec![a.e()], Ty::Int))])
    };
    let m = lower(&module(vec![
        mk(Intrinsic::RoundToInt),
        mk(Intrinsic::FloorToInt),
        mk(Intrinsic::CeilToInt),
        mk(Intrinsic::TruncToInt),
    ]));
    assert_eq!(run(&m, 0, &[F(2.5)]), Ok(vec![I(2)]));
    assert_eq!(run(&m, 0, &[F(3.5)]), Ok(vec![I(4)]));
    assert_eq!(run(&m, 1, &[F(-2.5)]), Ok(vec![I(-3)]));
    assert_eq!(run(&m, 2, &[F(-2.5)]), Ok(vec![I(-2)]));
    assert_eq!(run(&m, 3, &[F(-2.5)]), Ok(vec![I(-2)]));
    assert_eq!(
        run(&m, 0, &[F(f64::NAN)]).unwrap_err().0,
        ExcKind::ValueError
    );
}

#[test]
fn tuples_swap_and_flow_through_calls() {
    // pair(a, b) -> (b, a); f(a, b): x, y = pair(a, b); x, y = y, x; t = (x, y); return (t[1], t[0] - 1)
    let mut p = FnB::new("pair", Ty::Tuple(vec![Ty::Int, Ty::Float]));
    let a = p.param("a", Ty::Float);
    let b = p.param("b", Ty::Int);
    let pair = p.finish(vec![ret(tuple(vec![b.e(), a.e()]))]);
    let mut f = FnB::new("f", Ty::Tuple(vec![Ty::Int, Ty::Int]));
    let a = f.param("a", Ty::Int);
    let b = f.param("b", Ty::Int);
    let x = f.local("x", Ty::Int);
    let y = f.local("y", Ty::Int);
    let t = f.local("t", Ty::Tuple(vec![Ty::Int, Ty::Int]));
    let pf = Ty::Tuple(vec![Ty::Int, Ty::Float]);
    let first = get(
        call(
            0,
            vec![cast(CastKind::IntToFloat, a.e(), Ty::Float), b.e()],
            pf,
        ),
        0,
    );
    let func = f.finish(vec![
        assign_tuple(&[&x, &y], tuple(vec![first, a.e()])),
        assign_tuple(&[&x, &y], tuple(vec![y.e(), x.e()])),
        assign(&t, tuple(vec![x.e(), y.e()])),
        ret(tuple(vec![
            get(t.e(), 1),
            bin(BinaryOp::Sub, get(t.e(), 0), ci(1)),
        ])),
    ]);
    let m = lower(&module(vec![pair, func]));
    // pair(1.0, 2)[0] == 2, so x, y = 2, 1, swapped to 1, 2; returns (2, 0).
    assert_eq!(run(&m, 1, &[I(1), I(2)]), Ok(vec![I(2), I(0)]));
    assert_eq!(m.funcs[0].rets.len(), 2);
}

#[test]
fn unbound_locals_get_a_flag_only_when_needed() {
    // maybe(c): if c: x = 1; return x
    let mut f = FnB::new("maybe", Ty::Int);
    let c = f.param("c", Ty::Bool);
    let x = f.local("x", Ty::Int);
    let maybe = f.finish(vec![
        if_(c.e(), vec![assign(&x, ci(1))], vec![]),
        ret(x.e()),
    ]);
    // always(c): if c: x = 1 else: x = 2; return x
    let mut f = FnB::new("always", Ty::Int);
    let c = f.param("c", Ty::Bool);
    let x = f.local("x", Ty::Int);
    let always = f.finish(vec![
        if_(c.e(), vec![assign(&x, ci(1))], vec![assign(&x, ci(2))]),
        ret(x.e()),
    ]);
    // after(n): for i in range(n): pass; return i
    let mut f = FnB::new("after", Ty::Int);
    let n = f.param("n", Ty::Int);
    let i = f.local("i", Ty::Int);
    let after = f.finish(vec![
        for_(&i, ci(0), n.e(), ci(1), vec![], vec![]),
        ret(i.e()),
    ]);
    // fixed(): for i in range(3): pass; return i  (a non-empty constant range: no flag)
    let mut f = FnB::new("fixed", Ty::Int);
    let i = f.local("i", Ty::Int);
    let fixed = f.finish(vec![
        for_(&i, ci(0), ci(3), ci(1), vec![], vec![]),
        ret(i.e()),
    ]);
    // early(c): if not c: return 0  else: y = 5;  return y  (assigned on every path that reaches the read)
    let mut f = FnB::new("early", Ty::Int);
    let c = f.param("c", Ty::Bool);
    let y = f.local("y", Ty::Int);
    let early = f.finish(vec![
        if_(not(c.e()), vec![ret(ci(0))], vec![assign(&y, ci(5))]),
        ret(y.e()),
    ]);
    let m = lower(&module(vec![maybe, always, after, fixed, early]));
    let body = |i: usize| m.funcs[i].to_string();
    assert!(body(0).contains("x.assigned"), "{}", body(0));
    assert!(!body(1).contains(".assigned"), "{}", body(1));
    assert!(body(2).contains("i.assigned"), "{}", body(2));
    assert!(!body(3).contains(".assigned"), "{}", body(3));
    assert!(!body(4).contains(".assigned"), "{}", body(4));
    assert_eq!(run(&m, 0, &[B(true)]), Ok(vec![I(1)]));
    assert_eq!(
        run(&m, 0, &[B(false)]).unwrap_err(),
        (
            ExcKind::UnboundLocalError,
            "cannot access local variable 'x' where it is not associated with a value".into()
        )
    );
    assert_eq!(run(&m, 1, &[B(false)]), Ok(vec![I(2)]));
    assert_eq!(run(&m, 2, &[I(3)]), Ok(vec![I(2)]));
    assert_eq!(
        run(&m, 2, &[I(0)]).unwrap_err().0,
        ExcKind::UnboundLocalError
    );
    assert_eq!(run(&m, 3, &[]), Ok(vec![I(2)]));
    assert_eq!(run(&m, 4, &[B(true)]), Ok(vec![I(5)]));
    assert_eq!(run(&m, 4, &[B(false)]), Ok(vec![I(0)]));
}

#[test]
fn while_true_with_break_and_assert() {
    // f(n): i = 0; while True: i += 1; if i >= n: break
    //       assert i > 0, "positive"; return i
    let mut f = FnB::new("spin", Ty::Int);
    let n = f.param("n", Ty::Int);
    let i = f.local("i", Ty::Int);
    let func = f.finish(vec![
        assign(&i, ci(0)),
        while_(
            cb(true),
            vec![
                add_to(&i, ci(1)),
                if_(
                    cmp(CmpOp::Ge, CmpKind::Int, i.e(), n.e()),
                    vec![brk()],
                    vec![],
                ),
            ],
            vec![],
        ),
        st(pyaot_hir::StmtKind::Assert {
            cond: cmp(CmpOp::Gt, CmpKind::Int, i.e(), ci(1)),
            msg: Some("big".into()),
        }),
        ret(i.e()),
    ]);
    let m = lower(&module(vec![func]));
    assert_eq!(run(&m, 0, &[I(4)]), Ok(vec![I(4)]));
    assert_eq!(
        run(&m, 0, &[I(-3)]).unwrap_err(),
        (ExcKind::AssertionError, "big".into())
    );
}

#[test]
fn continue_in_rotated_range_loop() {
    // s = 0; for i in range(a, b, 3): if i % 2 == 0: continue; s += i
    let mut f = FnB::new("odd", Ty::Int);
    let a = f.param("a", Ty::Int);
    let b = f.param("b", Ty::Int);
    let i = f.local("i", Ty::Int);
    let s = f.local("s", Ty::Int);
    let even = cmp(
        CmpOp::Eq,
        CmpKind::Int,
        bin(BinaryOp::Mod, i.e(), ci(2)),
        ci(0),
    );
    let func = f.finish(vec![
        assign(&s, ci(0)),
        for_(
            &i,
            a.e(),
            b.e(),
            ci(3),
            vec![if_(even, vec![cont()], vec![]), add_to(&s, i.e())],
            vec![],
        ),
        ret(s.e()),
    ]);
    let m = lower(&module(vec![func]));
    let want: i64 = (-10..20)
        .step_by(3)
        .filter(|v: &i64| v.rem_euclid(2) != 0)
        .sum();
    assert_eq!(run(&m, 0, &[I(-10), I(20)]), Ok(vec![I(want)]));
}
