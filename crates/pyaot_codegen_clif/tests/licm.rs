//! Loop-invariant code is hoisted whichever way the loop's exit branch is written in MIR.

mod support;

use pyaot_codegen_clif::{compile_module, CodegenOptions};
use pyaot_mir::{BinOp, Cmp, MConst, MTy, Module, Operand, Rvalue, Terminator};
use support::FnBuilder;

/// `s = 0; i = 0; while i < n: s += n * n; i += 1`, with the body on the `then` or the `else` edge.
fn invariant_loop(body_on_then: bool) -> Module {
    let l = Operand::Local;
    let mut b = FnBuilder::new("loop");
    let n = b.param(MTy::I64);
    let s = b.ret(MTy::I64);
    let (i, c, t) = (b.local(MTy::I64), b.local(MTy::Bool), b.local(MTy::I64));
    let (bb0, head, body, exit) = (b.block(), b.block(), b.block(), b.block());
    b.term(bb0, Terminator::Goto(head));
    let (cmp, then_block, else_block) = if body_on_then {
        (Cmp::Lt, body, exit)
    } else {
        (Cmp::Ge, exit, body)
    };
    b.assign(head, c, Rvalue::Binary(BinOp::Cmp(cmp), l(i), l(n)));
    b.term(
        head,
        Terminator::Branch {
            cond: l(c),
            then_block,
            else_block,
        },
    );
    b.assign(body, t, Rvalue::Binary(BinOp::IMul, l(n), l(n)));
    b.assign(body, s, Rvalue::Binary(BinOp::IAdd, l(s), l(t)));
    b.assign(
        body,
        i,
        Rvalue::Binary(BinOp::IAdd, l(i), Operand::Const(MConst::I64(1))),
    );
    b.term(body, Terminator::Goto(head));
    b.term(exit, Terminator::Return);
    Module {
        name: "licm".into(),
        funcs: vec![b.finish()],
        messages: vec![],
    }
}

#[test]
fn invariant_multiply_leaves_the_loop() {
    for body_on_then in [true, false] {
        let code = compile_module(
            &invariant_loop(body_on_then),
            &CodegenOptions {
                opt_level: 2,
                portable: true,
            },
        )
        .expect("compiles");
        let imul = code.clif.find("imul").expect("a multiply");
        let brif = code.clif.find("brif").expect("a loop branch");
        assert!(
            imul < brif,
            "n * n was not hoisted above the loop test:\n{}",
            code.clif
        );
    }
}
