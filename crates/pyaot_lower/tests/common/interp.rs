//! A MIR interpreter with a subset of the runtime helpers, for checking lowering against Python's results.

use pyaot_mir::{
    BinOp, Callee, CastOp, Cmp, ExcKind, MConst, Module, Operand, RtFn, Rvalue, Terminator, UnOp,
};

/// A runtime value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val {
    I(i64),
    F(f64),
    B(bool),
}

impl Val {
    pub fn i(self) -> i64 {
        match self {
            Val::I(v) => v,
            v => panic!("expected i64, got {v:?}"),
        }
    }
    pub fn f(self) -> f64 {
        match self {
            Val::F(v) => v,
            v => panic!("expected f64, got {v:?}"),
        }
    }
    pub fn b(self) -> bool {
        match self {
            Val::B(v) => v,
            v => panic!("expected bool, got {v:?}"),
        }
    }
}

/// A raised exception: its kind and message.
pub type Exc = (ExcKind, String);

fn exc(kind: ExcKind, msg: &str) -> Exc {
    (kind, msg.to_string())
}

/// Runs function `func` of the module on `args`.
pub fn run(m: &Module, func: usize, args: &[Val]) -> Result<Vec<Val>, Exc> {
    let body = &m.funcs[func];
    assert_eq!(body.params.len(), args.len(), "arity of {}", body.name);
    let mut locals: Vec<Option<Val>> = vec![None; body.locals.len()];
    for (p, a) in body.params.iter().zip(args) {
        locals[p.index()] = Some(*a);
    }
    let mut block = 0usize;
    let mut steps = 0u64;
    loop {
        steps += 1;
        assert!(steps < 10_000_000, "step limit in {}", body.name);
        let data = &body.blocks[block];
        for s in &data.stmts {
            match s {
                pyaot_mir::Stmt::Assign { dest, value } => {
                    let v = rvalue(&locals, value, &body.name);
                    locals[dest.index()] = Some(v);
                }
                pyaot_mir::Stmt::Call {
                    callee,
                    args,
                    dests,
                } => {
                    let vals: Vec<Val> = args
                        .iter()
                        .map(|a| operand(&locals, a, &body.name))
                        .collect();
                    let v =
                        runtime(*callee, &vals).expect("helpers called as statements never raise");
                    locals[dests[0].index()] = Some(v);
                }
                pyaot_mir::Stmt::Store { .. } | pyaot_mir::Stmt::StoreVec { .. } => {
                    panic!("the MIR interpreter models scalar programs only (no array stores)")
                }
            }
        }
        let read = |op: &Operand| operand(&locals, op, &body.name);
        match &data.terminator {
            Terminator::Goto(b) => block = b.index(),
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                block = if read(cond).b() {
                    then_block.index()
                } else {
                    else_block.index()
                }
            }
            Terminator::Return => {
                return Ok(body
                    .rets
                    .iter()
                    .map(|r| {
                        locals[r.index()]
                            .unwrap_or_else(|| panic!("unset return local in {}", body.name))
                    })
                    .collect())
            }
            Terminator::Call {
                callee,
                args,
                dests,
                next,
            } => {
                let vals: Vec<Val> = args.iter().map(read).collect();
                let res = match callee {
                    Callee::Func(f) => run(m, f.index(), &vals)?,
                    Callee::Runtime(rt) => vec![runtime(*rt, &vals)?],
                };
                for (d, v) in dests.iter().zip(res) {
                    locals[d.index()] = Some(v);
                }
                block = next.index();
            }
            Terminator::Raise { exc, msg } => return Err((*exc, m.messages[msg.index()].clone())),
            Terminator::Unreachable => panic!("reached unreachable in {}", body.name),
            Terminator::Check {
                fails, fail, ok, ..
            } => {
                block = if read(fails).b() {
                    fail.index()
                } else {
                    ok.index()
                }
            }
        }
    }
}

fn operand(locals: &[Option<Val>], op: &Operand, name: &str) -> Val {
    match op {
        Operand::Local(l) => {
            locals[l.index()].unwrap_or_else(|| panic!("read of unset {l} in {name}"))
        }
        Operand::Const(MConst::I64(v)) => Val::I(*v),
        Operand::Const(MConst::F64(v)) => Val::F(*v),
        Operand::Const(MConst::Bool(v)) => Val::B(*v),
        Operand::Const(MConst::F32(_)) => panic!("the MIR interpreter models no f32 values"),
    }
}

fn compare<T: PartialOrd>(c: Cmp, a: T, b: T) -> bool {
    match c {
        Cmp::Eq => a == b,
        Cmp::Ne => a != b,
        Cmp::Lt => a < b,
        Cmp::Le => a <= b,
        Cmp::Gt => a > b,
        Cmp::Ge => a >= b,
    }
}

/// Python's floor division of ints (preconditions as MIR's).
pub fn floordiv(a: i64, b: i64) -> i64 {
    let q = a.wrapping_div(b);
    if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's modulo of ints.
pub fn modulo(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn rvalue(locals: &[Option<Val>], rv: &Rvalue, name: &str) -> Val {
    let read = |op: &Operand| operand(locals, op, name);
    match rv {
        Rvalue::Use(a) => read(a),
        Rvalue::Load(..) | Rvalue::LoadVec(_) | Rvalue::Splat(_) | Rvalue::Lane(..) => {
            panic!("the MIR interpreter models scalar programs only (no arrays or vectors)")
        }
        Rvalue::Select(c, a, b) => {
            if read(c).b() {
                read(a)
            } else {
                read(b)
            }
        }
        Rvalue::Cast(op, a) => {
            let a = read(a);
            match op {
                CastOp::IToF => Val::F(a.i() as f64),
                CastOp::BToI => Val::I(a.b() as i64),
                CastOp::BToF => Val::F(a.b() as u8 as f64),
                CastOp::FToIUnchecked => Val::I(a.f() as i64),
                CastOp::Wrap(d) => {
                    let bits = 64 - 8 * d.itemsize() as u32;
                    let x = a.i();
                    Val::I(if bits == 0 {
                        x
                    } else if d.is_unsigned() {
                        ((x as u64) << bits >> bits) as i64
                    } else {
                        x << bits >> bits
                    })
                }
                CastOp::UToF => Val::F(a.i() as u64 as f64),
                CastOp::IToF32 | CastOp::UToF32 | CastOp::FDemote | CastOp::FPromote => {
                    panic!("the MIR interpreter models no f32 values")
                }
            }
        }
        Rvalue::Unary(op, a) => {
            let a = read(a);
            match op {
                UnOp::INeg => Val::I(a.i().wrapping_neg()),
                UnOp::INot => Val::I(!a.i()),
                UnOp::BNot => Val::B(!a.b()),
                UnOp::FNeg => Val::F(-a.f()),
                UnOp::FAbs => Val::F(a.f().abs()),
                UnOp::FSqrt => Val::F(a.f().sqrt()),
                UnOp::FFloor => Val::F(a.f().floor()),
                UnOp::FCeil => Val::F(a.f().ceil()),
                UnOp::FTrunc => Val::F(a.f().trunc()),
                UnOp::FNearest => Val::F(a.f().round_ties_even()),
            }
        }
        Rvalue::Binary(op, a, b) => {
            let (a, b) = (read(a), read(b));
            match op {
                BinOp::IAdd => Val::I(a.i().wrapping_add(b.i())),
                BinOp::ISub => Val::I(a.i().wrapping_sub(b.i())),
                BinOp::IMul => Val::I(a.i().wrapping_mul(b.i())),
                BinOp::IFloorDiv => {
                    assert!(
                        b.i() != 0 && !(a.i() == i64::MIN && b.i() == -1),
                        "IFloorDiv precondition"
                    );
                    Val::I(floordiv(a.i(), b.i()))
                }
                BinOp::IMod => {
                    assert!(b.i() != 0, "IMod precondition");
                    Val::I(modulo(a.i(), b.i()))
                }
                BinOp::And | BinOp::Or | BinOp::Xor => match (a, b) {
                    (Val::I(x), Val::I(y)) => Val::I(match op {
                        BinOp::And => x & y,
                        BinOp::Or => x | y,
                        _ => x ^ y,
                    }),
                    (Val::B(x), Val::B(y)) => Val::B(match op {
                        BinOp::And => x & y,
                        BinOp::Or => x | y,
                        _ => x ^ y,
                    }),
                    _ => panic!("bad bitwise operands"),
                },
                BinOp::IAddOverflows => Val::B(a.i().checked_add(b.i()).is_none()),
                BinOp::ISubOverflows => Val::B(a.i().checked_sub(b.i()).is_none()),
                BinOp::IMulOverflows => Val::B(a.i().checked_mul(b.i()).is_none()),
                BinOp::Cmp(c) => Val::B(match (a, b) {
                    (Val::I(x), Val::I(y)) => compare(*c, x, y),
                    (Val::F(x), Val::F(y)) => compare(*c, x, y),
                    (Val::B(x), Val::B(y)) => compare(*c, x, y),
                    _ => panic!("bad cmp operands"),
                }),
                BinOp::UCmp(c) => Val::B(compare(*c, a.i() as u64, b.i() as u64)),
                BinOp::FAdd => Val::F(a.f() + b.f()),
                BinOp::FSub => Val::F(a.f() - b.f()),
                BinOp::FMul => Val::F(a.f() * b.f()),
                BinOp::FDiv => Val::F(a.f() / b.f()),
                BinOp::FCopysign => Val::F(a.f().copysign(b.f())),
                BinOp::UDiv => Val::I((a.i() as u64 / b.i() as u64) as i64),
                BinOp::URem => Val::I((a.i() as u64 % b.i() as u64) as i64),
                BinOp::AShr => Val::I(a.i() >> b.i()),
            }
        }
    }
}

/// Exact int/float comparison: -1, 0, 1, or 2 for NaN.
fn cmp_int_float(a: i64, b: f64) -> i64 {
    if b.is_nan() {
        return 2;
    }
    if b >= 9223372036854775808.0 {
        return -1;
    }
    if b < -9223372036854775808.0 {
        return 1;
    }
    let t = b.trunc();
    let ti = t as i64;
    if a != ti {
        return if a < ti { -1 } else { 1 };
    }
    if b > t {
        -1
    } else if b < t {
        1
    } else {
        0
    }
}

fn runtime(rt: RtFn, args: &[Val]) -> Result<Val, Exc> {
    Ok(match rt {
        RtFn::FloatToInt => {
            let x = args[0].f();
            if x.is_nan() {
                return Err(exc(
                    ExcKind::ValueError,
                    "cannot convert float NaN to integer",
                ));
            }
            if !(-9223372036854775808.0..9223372036854775808.0).contains(&x) {
                return Err(exc(ExcKind::OverflowError, "int too large"));
            }
            Val::I(x as i64)
        }
        RtFn::IntTrueDiv => {
            if args[1].i() == 0 {
                return Err(exc(ExcKind::ZeroDivisionError, "division by zero"));
            }
            Val::F(args[0].i() as f64 / args[1].i() as f64)
        }
        RtFn::FloatFloorDiv | RtFn::FloatMod => {
            let (a, b) = (args[0].f(), args[1].f());
            if b == 0.0 {
                return Err(exc(
                    ExcKind::ZeroDivisionError,
                    "float floor division by zero",
                ));
            }
            let m = a % b;
            let m = if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
                m + b
            } else {
                m
            };
            if rt == RtFn::FloatMod {
                Val::F(m)
            } else {
                Val::F(((a - m) / b).round())
            }
        }
        RtFn::CmpIntFloat => Val::I(cmp_int_float(args[0].i(), args[1].f())),
        RtFn::IntPow => {
            let (a, b) = (args[0].i(), args[1].i());
            match a.checked_pow(b as u32) {
                Some(v) if b >= 0 => Val::I(v),
                _ => return Err(exc(ExcKind::OverflowError, "int pow")),
            }
        }
        RtFn::Sqrt => {
            let x = args[0].f();
            if x < 0.0 {
                return Err(exc(ExcKind::ValueError, "math domain error"));
            }
            Val::F(x.sqrt())
        }
        other => panic!("runtime helper {other:?} not in the test interpreter"),
    })
}
