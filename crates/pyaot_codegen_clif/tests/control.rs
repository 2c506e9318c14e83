//! Terminators: branches, loops, calls of bodies and runtime helpers, raising, traps and tuple returns.

mod support;

use std::os::unix::process::ExitStatusExt;
use std::process::Command;

use pyaot_mir::{
    BinOp, BlockId, Callee, Cmp, ExcKind, FuncId, MConst, MTy, Module, Operand, RtFn, Rvalue,
    Terminator,
};
use support::{all_options, build_driver, run_cases, Case, FnBuilder, Outcome, Val};

fn l(local: pyaot_mir::Local) -> Operand {
    Operand::Local(local)
}

fn ci(v: i64) -> Operand {
    Operand::Const(MConst::I64(v))
}

fn call(
    callee: Callee,
    args: Vec<Operand>,
    dests: Vec<pyaot_mir::Local>,
    next: BlockId,
) -> Terminator {
    Terminator::Call {
        callee,
        args,
        dests,
        next,
    }
}

/// The module of control-flow tests; function ids are the push order.
fn module() -> Module {
    use MTy::*;
    let mut m = Module {
        name: "control".into(),
        ..Default::default()
    };
    let neg_msg = m.intern_message("negative input");
    let zero_msg = m.intern_message("division by zero");

    // fn0 check_pos(x) -> 2x, raising ValueError on x < 0.
    let mut b = FnBuilder::new("check_pos");
    let x = b.param(I64);
    let r = b.ret(I64);
    let c = b.local(Bool);
    let (bb0, bb1, bb2) = (b.block(), b.block(), b.block());
    b.assign(bb0, c, Rvalue::Binary(BinOp::Cmp(Cmp::Lt), l(x), ci(0)));
    b.term(
        bb0,
        Terminator::Branch {
            cond: l(c),
            then_block: bb1,
            else_block: bb2,
        },
    );
    b.term(
        bb1,
        Terminator::Raise {
            exc: ExcKind::ValueError,
            msg: neg_msg,
        },
    );
    b.assign(bb2, r, Rvalue::Binary(BinOp::IMul, l(x), ci(2)));
    b.term(bb2, Terminator::Return);
    m.funcs.push(b.finish());

    // fn1 caller(x) -> check_pos(x) + 1.
    let mut b = FnBuilder::new("caller");
    let x = b.param(I64);
    let r = b.ret(I64);
    let t = b.local(I64);
    let (bb0, bb1) = (b.block(), b.block());
    b.term(bb0, call(Callee::Func(FuncId(0)), vec![l(x)], vec![t], bb1));
    b.assign(bb1, r, Rvalue::Binary(BinOp::IAdd, l(t), ci(1)));
    b.term(bb1, Terminator::Return);
    m.funcs.push(b.finish());

    // fn2 divmod(a, b) -> (a // b, a % b).
    let mut b = FnBuilder::new("divmod");
    let (x, y) = (b.param(I64), b.param(I64));
    let (q, r) = (b.ret(I64), b.ret(I64));
    let bb0 = b.block();
    b.assign(bb0, q, Rvalue::Binary(BinOp::IFloorDiv, l(x), l(y)));
    b.assign(bb0, r, Rvalue::Binary(BinOp::IMod, l(x), l(y)));
    b.term(bb0, Terminator::Return);
    m.funcs.push(b.finish());

    // fn3 use_divmod(a, b) -> q * 1000 + r, through two out pointers of a call.
    let mut b = FnBuilder::new("use_divmod");
    let (x, y) = (b.param(I64), b.param(I64));
    let r = b.ret(I64);
    let (q, rem) = (b.local(I64), b.local(I64));
    let (bb0, bb1) = (b.block(), b.block());
    b.term(
        bb0,
        call(Callee::Func(FuncId(2)), vec![l(x), l(y)], vec![q, rem], bb1),
    );
    b.assign(bb1, r, Rvalue::Binary(BinOp::IMul, l(q), ci(1000)));
    b.assign(bb1, r, Rvalue::Binary(BinOp::IAdd, l(r), l(rem)));
    b.term(bb1, Terminator::Return);
    m.funcs.push(b.finish());

    // fn4 sum_to(n): a loop with a back edge, s = 0 + 1 + ... + (n - 1).
    let mut b = FnBuilder::new("sum_to");
    let n = b.param(I64);
    let s = b.ret(I64);
    let (i, c) = (b.local(I64), b.local(Bool));
    let (bb0, head, body, exit) = (b.block(), b.block(), b.block(), b.block());
    b.assign(bb0, i, Rvalue::Use(ci(0)));
    b.assign(bb0, s, Rvalue::Use(ci(0)));
    b.term(bb0, Terminator::Goto(head));
    b.assign(head, c, Rvalue::Binary(BinOp::Cmp(Cmp::Lt), l(i), l(n)));
    b.term(
        head,
        Terminator::Branch {
            cond: l(c),
            then_block: body,
            else_block: exit,
        },
    );
    b.assign(body, s, Rvalue::Binary(BinOp::IAdd, l(s), l(i)));
    b.assign(body, i, Rvalue::Binary(BinOp::IAdd, l(i), ci(1)));
    b.term(body, Terminator::Goto(head));
    b.term(exit, Terminator::Return);
    m.funcs.push(b.finish());

    // fn5 countdown(n): the entry block is a loop header; acc starts at zero.
    let mut b = FnBuilder::new("countdown");
    let n = b.param(I64);
    let acc = b.ret(I64);
    let c = b.local(Bool);
    let (bb0, bb1, bb2) = (b.block(), b.block(), b.block());
    b.assign(bb0, c, Rvalue::Binary(BinOp::Cmp(Cmp::Gt), l(n), ci(0)));
    b.term(
        bb0,
        Terminator::Branch {
            cond: l(c),
            then_block: bb1,
            else_block: bb2,
        },
    );
    b.assign(bb1, acc, Rvalue::Binary(BinOp::IAdd, l(acc), l(n)));
    b.assign(bb1, n, Rvalue::Binary(BinOp::ISub, l(n), ci(1)));
    b.term(bb1, Terminator::Goto(bb0));
    b.term(bb2, Terminator::Return);
    m.funcs.push(b.finish());

    // fn6 rt_sqrt(x): a runtime call that may raise.
    let mut b = FnBuilder::new("rt_sqrt");
    let x = b.param(F64);
    let r = b.ret(F64);
    let (bb0, bb1) = (b.block(), b.block());
    b.term(
        bb0,
        call(Callee::Runtime(RtFn::Sqrt), vec![l(x)], vec![r], bb1),
    );
    b.term(bb1, Terminator::Return);
    m.funcs.push(b.finish());

    // fn7 rt_pow(a, b) = a ** b + 0 via the runtime.
    let mut b = FnBuilder::new("rt_pow");
    let (x, y) = (b.param(I64), b.param(I64));
    let r = b.ret(I64);
    let (bb0, bb1) = (b.block(), b.block());
    b.term(
        bb0,
        call(
            Callee::Runtime(RtFn::IntPow),
            vec![l(x), l(y)],
            vec![r],
            bb1,
        ),
    );
    b.term(bb1, Terminator::Return);
    m.funcs.push(b.finish());

    // fn8 chain(a, b) = rt_pow(a, b) - 1: a runtime error crosses two frames.
    let mut b = FnBuilder::new("chain");
    let (x, y) = (b.param(I64), b.param(I64));
    let r = b.ret(I64);
    let (bb0, bb1) = (b.block(), b.block());
    b.term(
        bb0,
        call(Callee::Func(FuncId(7)), vec![l(x), l(y)], vec![r], bb1),
    );
    b.assign(bb1, r, Rvalue::Binary(BinOp::ISub, l(r), ci(1)));
    b.term(bb1, Terminator::Return);
    m.funcs.push(b.finish());

    // fn9 gcd_plus(a, b) = gcd(a, b) + 1; the stub fails with status 7 on (0, 0).
    let mut b = FnBuilder::new("gcd_plus");
    let (x, y) = (b.param(I64), b.param(I64));
    let r = b.ret(I64);
    let (bb0, bb1) = (b.block(), b.block());
    b.term(
        bb0,
        call(Callee::Runtime(RtFn::Gcd), vec![l(x), l(y)], vec![r], bb1),
    );
    b.assign(bb1, r, Rvalue::Binary(BinOp::IAdd, l(r), ci(1)));
    b.term(bb1, Terminator::Return);
    m.funcs.push(b.finish());

    // fn10 twice(x): x = check_pos(x) twice; the argument local is also the destination.
    let mut b = FnBuilder::new("twice");
    let x = b.param(I64);
    let r = b.ret(I64);
    let (bb0, bb1, bb2) = (b.block(), b.block(), b.block());
    b.term(bb0, call(Callee::Func(FuncId(0)), vec![l(x)], vec![x], bb1));
    b.term(bb1, call(Callee::Func(FuncId(0)), vec![l(x)], vec![x], bb2));
    b.assign(bb2, r, Rvalue::Use(l(x)));
    b.term(bb2, Terminator::Return);
    m.funcs.push(b.finish());

    // fn11 unreach(flag): traps when flag is true.
    let mut b = FnBuilder::new("unreach");
    let flag = b.param(Bool);
    let r = b.ret(I64);
    let (bb0, bb1, bb2) = (b.block(), b.block(), b.block());
    b.term(
        bb0,
        Terminator::Branch {
            cond: l(flag),
            then_block: bb1,
            else_block: bb2,
        },
    );
    b.assign(bb2, r, Rvalue::Use(ci(5)));
    b.term(bb2, Terminator::Return);
    m.funcs.push(b.finish());

    // fn12 raise_now() raises ZeroDivisionError at once.
    let mut b = FnBuilder::new("raise_now");
    b.ret(I64);
    let bb0 = b.block();
    b.term(
        bb0,
        Terminator::Raise {
            exc: ExcKind::ZeroDivisionError,
            msg: zero_msg,
        },
    );
    m.funcs.push(b.finish());

    // fn13 flip(x: f64, b: bool) -> (bool, f64): mixed result types.
    let mut b = FnBuilder::new("flip");
    let (x, f) = (b.param(F64), b.param(Bool));
    let (rb, rx) = (b.ret(Bool), b.ret(F64));
    let bb0 = b.block();
    b.assign(bb0, rb, Rvalue::Unary(pyaot_mir::UnOp::BNot, l(f)));
    b.assign(bb0, rx, Rvalue::Unary(pyaot_mir::UnOp::FNeg, l(x)));
    b.term(bb0, Terminator::Return);
    m.funcs.push(b.finish());

    // fn14 call_flip(x, b) -> (bool, f64) = flip(x, b) with results swapped back through a call.
    let mut b = FnBuilder::new("call_flip");
    let (x, f) = (b.param(F64), b.param(Bool));
    let (rb, rx) = (b.ret(Bool), b.ret(F64));
    let (bb0, bb1) = (b.block(), b.block());
    b.term(
        bb0,
        call(
            Callee::Func(FuncId(13)),
            vec![l(x), l(f)],
            vec![rb, rx],
            bb1,
        ),
    );
    b.term(bb1, Terminator::Return);
    m.funcs.push(b.finish());

    // fn15 no_results(x): a body with no out pointers, raising when x is odd.
    let mut b = FnBuilder::new("no_results");
    let x = b.param(I64);
    let c = b.local(Bool);
    let odd = b.local(I64);
    let (bb0, bb1, bb2) = (b.block(), b.block(), b.block());
    b.assign(bb0, odd, Rvalue::Binary(BinOp::IMod, l(x), ci(2)));
    b.assign(bb0, c, Rvalue::Binary(BinOp::Cmp(Cmp::Eq), l(odd), ci(1)));
    b.term(
        bb0,
        Terminator::Branch {
            cond: l(c),
            then_block: bb1,
            else_block: bb2,
        },
    );
    b.term(
        bb1,
        Terminator::Raise {
            exc: ExcKind::ValueError,
            msg: neg_msg,
        },
    );
    b.term(bb2, Terminator::Return);
    m.funcs.push(b.finish());

    m
}

fn ok(name: &str, args: Vec<Val>, results: Vec<Val>) -> Case {
    Case {
        symbol: format!("t_{name}"),
        args,
        expect: Outcome::Ok(results),
    }
}

fn err(name: &str, args: Vec<Val>, status: i32, raised: Option<(i32, i32)>) -> Case {
    Case {
        symbol: format!("t_{name}"),
        args,
        expect: Outcome::Err(status, raised),
    }
}

fn cases() -> Vec<Case> {
    use Val::*;
    let value_error = ExcKind::ValueError.code() as i32;
    let zero_div = ExcKind::ZeroDivisionError.code() as i32;
    let mut v = vec![
        ok("check_pos", vec![I(21)], vec![I(42)]),
        err("check_pos", vec![I(-3)], 1, Some((value_error, 0))),
        ok("caller", vec![I(5)], vec![I(11)]),
        err("caller", vec![I(-1)], 1, Some((value_error, 0))),
        ok("rt_sqrt", vec![F(6.25)], vec![F(2.5)]),
        err("rt_sqrt", vec![F(-1.0)], 1, Some((value_error, 1000))),
        ok("rt_pow", vec![I(2), I(10)], vec![I(1024)]),
        err("rt_pow", vec![I(2), I(-1)], 1, Some((value_error, 1001))),
        ok("chain", vec![I(3), I(4)], vec![I(80)]),
        err("chain", vec![I(3), I(-4)], 1, Some((value_error, 1001))),
        ok("gcd_plus", vec![I(12), I(18)], vec![I(7)]),
        err("gcd_plus", vec![I(0), I(0)], 7, None),
        ok("twice", vec![I(3)], vec![I(12)]),
        err("twice", vec![I(-3)], 1, Some((value_error, 0))),
        ok("unreach", vec![B(false)], vec![I(5)]),
        err("raise_now", vec![], 1, Some((zero_div, 1))),
        ok("flip", vec![F(1.5), B(true)], vec![B(false), F(-1.5)]),
        ok("call_flip", vec![F(-0.0), B(false)], vec![B(true), F(0.0)]),
        ok("no_results", vec![I(4)], vec![]),
        err("no_results", vec![I(-3)], 1, Some((value_error, 0))),
    ];
    for n in [0i64, 1, 2, 10, 1000, -5] {
        v.push(ok("sum_to", vec![I(n)], vec![I((0..n).sum())]));
        v.push(ok("countdown", vec![I(n)], vec![I((1..=n).sum())]));
    }
    for (a, b) in [
        (7, 2),
        (-7, 2),
        (7, -2),
        (-7, -2),
        (i64::MIN + 1, -1),
        (i64::MIN, 3),
        (0, 5),
    ] {
        let (q, r) = (a.div_euclid(b), a.rem_euclid(b));
        // Python's floor pair differs from the Euclidean one when b < 0 and the remainder is nonzero.
        let (q, r) = if b < 0 && r != 0 {
            (q - 1, r + b)
        } else {
            (q, r)
        };
        v.push(ok("divmod", vec![I(a), I(b)], vec![I(q), I(r)]));
        v.push(ok(
            "use_divmod",
            vec![I(a), I(b)],
            vec![I(q.wrapping_mul(1000).wrapping_add(r))],
        ));
    }
    v
}

#[test]
fn calls_loops_and_raises_behave() {
    let m = module();
    pyaot_mir::verify(&m).expect("valid MIR");
    let cases = cases();
    for (i, opts) in all_options().iter().enumerate() {
        run_cases(&m, opts, &cases, &format!("control{i}"));
    }
}

#[test]
fn unreachable_traps() {
    let m = module();
    let prelude = "  if (argc > 1) { int64_t o; return t_unreach(1, &o); }\n";
    for (i, opts) in all_options().iter().enumerate() {
        let exe = build_driver(&m, opts, &[], prelude, &format!("trap{i}"));
        let status = Command::new(&exe).arg("trap").status().expect("run driver");
        assert!(status.signal().is_some(), "expected a trap, got {status}");
        let status = Command::new(&exe).status().expect("run driver");
        assert!(status.success(), "no trap without the flag: {status}");
    }
}
