//! The interpreter's memory model and operation preconditions: what ends a run as undefined behaviour.

use pyaot_interp::{run, Limits, Memory, Outcome, Val};
use pyaot_mir::{
    BinOp, BlockData, BlockId, Body, Callee, Cmp, Dtype, Local, LocalDecl, MConst, MTy, Module,
    Operand, RtFn, Rvalue, Stmt, Terminator,
};

fn l(i: u32) -> Operand {
    Operand::Local(Local(i))
}

fn int(v: i64) -> Operand {
    Operand::Const(MConst::I64(v))
}

fn assign(dest: u32, value: Rvalue) -> Stmt {
    Stmt::Assign {
        dest: Local(dest),
        value,
    }
}

fn module(params: usize, rets: Vec<u32>, tys: Vec<MTy>, blocks: Vec<BlockData>) -> Module {
    Module {
        name: "m".into(),
        funcs: vec![Body {
            name: "f".into(),
            symbol: "f".into(),
            params: (0..params as u32).map(Local).collect(),
            rets: rets.into_iter().map(Local).collect(),
            locals: tys.into_iter().map(LocalDecl::temp).collect(),
            blocks,
            owned: vec![],
            kernel: false,
            cleanup: None,
        }],
        messages: vec![],
    }
}

fn block(stmts: Vec<Stmt>, terminator: Terminator) -> BlockData {
    BlockData { stmts, terminator }
}

/// `f(data, n) = sum of the i64 elements data[0..n]`, with no bounds check.
fn sum_module() -> Module {
    use MTy::{Bool, I64};
    // _0 data, _1 n, _2 i, _3 total, _4 done, _5 addr, _6 x
    module(
        2,
        vec![3],
        vec![I64, I64, I64, I64, Bool, I64, I64],
        vec![
            block(
                vec![
                    assign(2, Rvalue::Use(int(0))),
                    assign(3, Rvalue::Use(int(0))),
                ],
                Terminator::Goto(BlockId(1)),
            ),
            block(
                vec![assign(4, Rvalue::Binary(BinOp::Cmp(Cmp::Ge), l(2), l(1)))],
                Terminator::Branch {
                    cond: l(4),
                    then_block: BlockId(3),
                    else_block: BlockId(2),
                },
            ),
            block(
                vec![
                    assign(5, Rvalue::Binary(BinOp::IMul, l(2), int(8))),
                    assign(5, Rvalue::Binary(BinOp::IAdd, l(0), l(5))),
                    assign(6, Rvalue::Load(Dtype::I64, l(5))),
                    assign(3, Rvalue::Binary(BinOp::IAdd, l(3), l(6))),
                    assign(2, Rvalue::Binary(BinOp::IAdd, l(2), int(1))),
                ],
                Terminator::Goto(BlockId(1)),
            ),
            block(vec![], Terminator::Return),
        ],
    )
}

#[test]
fn loads_must_stay_inside_a_region() {
    let m = sum_module();
    let bytes: Vec<u8> = [5i64, 6, 7].iter().flat_map(|v| v.to_le_bytes()).collect();
    let mut mem = Memory::new();
    let data = mem.add_bytes(&bytes, 0);
    let sum = |mem: &mut Memory, n: i64| {
        run(
            &m,
            0usize,
            &[Val::I64(data), Val::I64(n)],
            mem,
            &Limits::default(),
        )
    };
    assert_eq!(sum(&mut mem, 3), Ok(vec![Val::I64(18)]));
    match sum(&mut mem, 4) {
        Err(Outcome::Ub(what)) => assert!(what.contains("offset 24"), "{what}"),
        other => panic!("one element too far: {other:?}"),
    }
    // A second region right after the first in the address space is not reachable from it.
    let other = mem.add_bytes(&bytes, 0);
    assert!(other - data >= 1 << 32);
    assert!(matches!(sum(&mut mem, 4), Err(Outcome::Ub(_))));
}

#[test]
fn a_freed_block_cannot_be_read_and_fresh_blocks_are_uninitialised() {
    use MTy::{Ref, I64};
    // _0 = alloc(16); _1 = ref_addr _0 + 64; store 7 at _1; _2 = load _1; decref _0; _3 = load _1
    let m = |free: bool, store: bool| {
        let mut stmts = vec![
            assign(4, Rvalue::Cast(pyaot_mir::CastOp::RefAddr, l(0))),
            assign(1, Rvalue::Binary(BinOp::IAdd, l(4), int(64))),
        ];
        if store {
            stmts.push(Stmt::Store {
                dtype: Dtype::I64,
                addr: l(1),
                value: int(7),
            });
        }
        stmts.push(assign(2, Rvalue::Load(Dtype::I64, l(1))));
        if free {
            stmts.push(Stmt::DecRef(l(0)));
            stmts.push(assign(3, Rvalue::Load(Dtype::I64, l(1))));
        }
        module(
            0,
            vec![2],
            vec![Ref, I64, I64, I64, I64],
            vec![
                block(
                    vec![],
                    Terminator::Call {
                        callee: Callee::Runtime(RtFn::ArrayAlloc),
                        args: vec![int(16)],
                        dests: vec![Local(0)],
                        next: BlockId(1),
                    },
                ),
                block(stmts, Terminator::Return),
            ],
        )
    };
    let go = |m: &Module| run(m, 0usize, &[], &mut Memory::new(), &Limits::default());
    assert_eq!(go(&m(false, true)), Ok(vec![Val::I64(7)]));
    assert!(matches!(go(&m(false, false)), Err(Outcome::Ub(w)) if w.contains("uninitialised")));
    assert!(matches!(go(&m(true, true)), Err(Outcome::Ub(w)) if w.contains("freed")));
}

#[test]
fn preconditions_steps_and_vectors() {
    use MTy::{F64x2, F64, I64};
    let div = module(
        2,
        vec![2],
        vec![I64, I64, I64],
        vec![block(
            vec![assign(2, Rvalue::Binary(BinOp::IFloorDiv, l(0), l(1)))],
            Terminator::Return,
        )],
    );
    let go =
        |m: &Module, args: &[Val]| run(m, 0usize, args, &mut Memory::new(), &Limits::default());
    assert_eq!(
        go(&div, &[Val::I64(-7), Val::I64(2)]),
        Ok(vec![Val::I64(-4)])
    );
    assert!(matches!(
        go(&div, &[Val::I64(1), Val::I64(0)]),
        Err(Outcome::Ub(_))
    ));
    assert!(matches!(
        go(&div, &[Val::I64(i64::MIN), Val::I64(-1)]),
        Err(Outcome::Ub(_))
    ));
    let spin = module(
        0,
        vec![],
        vec![],
        vec![block(vec![], Terminator::Goto(BlockId(0)))],
    );
    assert_eq!(go(&spin, &[]), Err(Outcome::StepLimit));
    // (x, y) splatted, multiplied lane by lane, compared and selected, lane 1 returned.
    let vec = module(
        2,
        vec![6],
        vec![F64, F64, F64x2, F64x2, F64x2, F64x2, F64],
        vec![block(
            vec![
                assign(2, Rvalue::Splat(l(0))),
                assign(3, Rvalue::Splat(l(1))),
                assign(4, Rvalue::Binary(BinOp::FMul, l(2), l(3))),
                assign(5, Rvalue::Binary(BinOp::Cmp(Cmp::Lt), l(2), l(3))),
                assign(5, Rvalue::Select(l(5), l(4), l(2))),
                assign(6, Rvalue::Lane(l(5), 1)),
            ],
            Terminator::Return,
        )],
    );
    assert_eq!(
        go(&vec, &[Val::F64(2.0), Val::F64(3.0)]),
        Ok(vec![Val::F64(6.0)])
    );
    assert_eq!(
        go(&vec, &[Val::F64(4.0), Val::F64(3.0)]),
        Ok(vec![Val::F64(4.0)])
    );
}
