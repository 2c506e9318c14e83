//! `kernels`: makes GPU kernel bodies self-contained, first in the pipeline at every level.
//!
//! A kernel holds only borrowed arrays (its parameters, and shared or local arrays whose memory
//! is the kernel's), so reference counting has nothing to do there: every `incref` and `decref`
//! is removed and no local is owned. A GPU has no calls between bodies here, so every call of a
//! module function (a device helper) is replaced by a copy of the callee, its own reference
//! counting removed the same way, until none is left. Guarantees: kernel bodies hold no call of
//! a module function, except a recursive one (left for the PTX backend to refuse), and no
//! reference counting; host bodies are unchanged.
//!
//! The runtime helpers a kernel may call for `int(x)` (also `math.floor` and friends), the
//! shifts `<<` and `>>`, and comparisons of ints with floats are written out in MIR here, with
//! Python's errors as raises, so every backend (and the interpreter) runs the same rules:
//! `float_to_int` raises ValueError for NaN and OverflowError for an infinity or a value beyond
//! 64 bits, the shifts raise ValueError for a negative count, `<<` OverflowError for a result
//! beyond 64 bits, and `cmp_int_float` compares exactly (-1, 0, 1, or 2 for NaN). `x ** 2` of
//! floats is the product, the correctly rounded square (as NumPy's array loops compute it),
//! with CPython's OverflowError where a finite `x` overflows; CPython's and NumPy's scalar `**`
//! call the C library's `pow`, which differs from it in the last bit for about 0.1% of arguments. `math.exp`, `math.log`, `np.exp` and `np.log` of
//! `f64` are computed in MIR (`kernel_math.rs`), within one unit in the last place.

use pyaot_mir::{
    BinOp, BlockData, BlockId, Body, Callee, CastOp, Cmp, ExcKind, FuncId, Local, LocalDecl,
    MConst, MTy, Module, MsgId, Operand, RtFn, Rvalue, Stmt, Terminator, UnOp,
};

use crate::passes::inline::{func_calls, inline_at};
use crate::passes::kernel_math::{self, Emit};
use crate::OptOptions;

/// Copies into one kernel stop after this many, which only recursion reaches.
const MAX_COPIES: usize = 256;

pub fn run(module: &mut Module, _opts: &OptOptions) {
    for i in 0..module.funcs.len() {
        if module.funcs[i].kernel {
            inline_all(module, i);
            let Module {
                funcs, messages, ..
            } = module;
            expand_helpers(&mut funcs[i], messages);
        }
    }
}

/// Replaces the calls of module functions in kernel `i` by copies of the callees.
fn inline_all(module: &mut Module, i: usize) {
    strip_refs(&mut module.funcs[i]);
    for _ in 0..MAX_COPIES {
        let Some((block, callee)) = first_call(&module.funcs[i]) else {
            break;
        };
        if callee.index() == i {
            break;
        }
        let mut copy = module.funcs[callee.index()].clone();
        strip_refs(&mut copy);
        inline_at(&mut module.funcs[i], block, &copy);
    }
}

/// Removes the reference counting of a body that holds only borrowed arrays.
fn strip_refs(body: &mut Body) {
    body.owned.clear();
    for b in &mut body.blocks {
        b.stmts
            .retain(|s| !matches!(s, Stmt::IncRef(_) | Stmt::DecRef(_)));
    }
}

/// The first block ending in a call of a module function.
fn first_call(body: &Body) -> Option<(BlockId, FuncId)> {
    func_calls(body).next()
}

/// Writes the calls of `float_to_int`, `int_lshift`, `int_rshift` and `cmp_int_float` out in MIR.
fn expand_helpers(body: &mut Body, messages: &mut Vec<String>) {
    let twos = twos(body);
    let mut x = Expander {
        body,
        messages,
        twos,
    };
    for b in 0..x.body.blocks.len() {
        let stmts = std::mem::take(&mut x.body.blocks[b].stmts);
        let mut out = Vec::with_capacity(stmts.len());
        for s in stmts {
            match s {
                Stmt::Call {
                    callee: RtFn::CmpIntFloat,
                    args,
                    dests,
                } if args.len() == 2 && dests.len() == 1 => {
                    x.cmp_int_float(&mut out, args[0], args[1], dests[0])
                }
                // NumPy's `exp` and `log`: C99's special values, no errors. Single precision
                // is computed in double and rounded once more.
                Stmt::Call {
                    callee:
                        callee @ (RtFn::NpExpF64 | RtFn::NpLogF64 | RtFn::NpExpF32 | RtFn::NpLogF32),
                    args,
                    dests,
                } if args.len() == 1 && dests.len() == 1 => {
                    let mut e = Emit {
                        body: &mut *x.body,
                        out: std::mem::take(&mut out),
                    };
                    let single = matches!(callee, RtFn::NpExpF32 | RtFn::NpLogF32);
                    let arg = if single { e.promote(args[0]) } else { args[0] };
                    let r = if matches!(callee, RtFn::NpExpF64 | RtFn::NpExpF32) {
                        kernel_math::exp(&mut e, arg)
                    } else {
                        kernel_math::log(&mut e, arg)
                    };
                    let value = if single {
                        Rvalue::Cast(CastOp::FDemote, r)
                    } else {
                        Rvalue::Use(r)
                    };
                    out = e.out;
                    out.push(Stmt::Assign {
                        dest: dests[0],
                        value,
                    });
                }
                // NumPy's `x ** 2`: the correctly rounded product (see the module's doc).
                Stmt::Call {
                    callee: RtFn::NpPowF64 | RtFn::NpPowF32,
                    args,
                    dests,
                } if args.len() == 2 && dests.len() == 1 && x.is_two(&args[1]) => {
                    out.push(Stmt::Assign {
                        dest: dests[0],
                        value: Rvalue::Binary(BinOp::FMul, args[0], args[0]),
                    })
                }
                s => out.push(s),
            }
        }
        x.body.blocks[b].stmts = out;
    }
    for b in 0..x.body.blocks.len() {
        let Terminator::Call {
            callee: Callee::Runtime(rt),
            args,
            dests,
            next,
        } = x.body.blocks[b].terminator.clone()
        else {
            continue;
        };
        let block = BlockId(b as u32);
        match (rt, args.as_slice(), dests.as_slice()) {
            (RtFn::FloatToInt, [v], [d]) => x.float_to_int(block, *v, *d, next),
            (RtFn::IntRshift, [a, n], [d]) => x.rshift(block, *a, *n, *d, next),
            (RtFn::IntLshift, [a, n], [d]) => x.lshift(block, *a, *n, *d, next),
            (RtFn::FloatPow, [v, w], [d]) if x.is_two(w) => x.square(block, *v, *d, next),
            (RtFn::Exp, [v], [d]) => x.math_exp(block, *v, *d, next),
            (RtFn::Log, [v], [d]) => x.math_log(block, *v, *d, next),
            _ => {}
        }
    }
}

struct Expander<'a> {
    body: &'a mut Body,
    messages: &'a mut Vec<String>,
    /// Locals whose one assignment gives 2.0 (lowering leaves them before constant folding).
    twos: Vec<Local>,
}

/// Whether an rvalue is the float 2.0 (or the int 2 converted).
fn two(rv: &Rvalue) -> bool {
    match rv {
        Rvalue::Use(Operand::Const(MConst::F64(v))) => *v == 2.0,
        Rvalue::Use(Operand::Const(MConst::F32(v))) => *v == 2.0,
        Rvalue::Cast(CastOp::IToF | CastOp::IToF32, Operand::Const(MConst::I64(2))) => true,
        _ => false,
    }
}

/// The locals assigned once, to 2.0, and nowhere else (not parameters or call results).
fn twos(body: &Body) -> Vec<Local> {
    let mut count = vec![0u32; body.locals.len()];
    let mut is_two = vec![false; body.locals.len()];
    for p in &body.params {
        count[p.index()] += 2;
    }
    for b in &body.blocks {
        for s in &b.stmts {
            match s {
                Stmt::Assign { dest, value } => {
                    count[dest.index()] += 1;
                    is_two[dest.index()] = two(value);
                }
                Stmt::Call { dests, .. } => dests.iter().for_each(|d| count[d.index()] += 2),
                _ => {}
            }
        }
        if let Terminator::Call { dests, .. } = &b.terminator {
            dests.iter().for_each(|d| count[d.index()] += 2);
        }
    }
    (0..body.locals.len())
        .filter(|&i| count[i] == 1 && is_two[i])
        .map(|i| Local(i as u32))
        .collect()
}

fn int(v: i64) -> Operand {
    Operand::Const(MConst::I64(v))
}

impl Expander<'_> {
    fn temp(&mut self, ty: MTy) -> Local {
        self.body.locals.push(LocalDecl::temp(ty));
        Local(self.body.locals.len() as u32 - 1)
    }

    /// Appends `dest = value` to `block` for a new local of type `ty`.
    fn emit(&mut self, block: BlockId, ty: MTy, value: Rvalue) -> Operand {
        let dest = self.temp(ty);
        self.body.blocks[block.index()]
            .stmts
            .push(Stmt::Assign { dest, value });
        Operand::Local(dest)
    }

    fn new_block(&mut self, terminator: Terminator) -> BlockId {
        self.body.blocks.push(BlockData {
            stmts: Vec::new(),
            terminator,
        });
        BlockId(self.body.blocks.len() as u32 - 1)
    }

    /// A block raising `exc(msg)`.
    fn raise(&mut self, exc: ExcKind, msg: &str) -> BlockId {
        let id = match self.messages.iter().position(|m| m == msg) {
            Some(i) => i,
            None => {
                self.messages.push(msg.to_string());
                self.messages.len() - 1
            }
        };
        self.new_block(Terminator::Raise {
            exc,
            msg: MsgId(id as u32),
        })
    }

    /// Ends `block` going to a raise of `exc(msg)` when `cond`, else to a new block (returned).
    fn raise_if(&mut self, block: BlockId, cond: Operand, exc: ExcKind, msg: &str) -> BlockId {
        let fail = self.raise(exc, msg);
        let ok = self.new_block(Terminator::Unreachable);
        self.body.blocks[block.index()].terminator = Terminator::Branch {
            cond,
            then_block: fail,
            else_block: ok,
        };
        ok
    }

    fn finish(&mut self, block: BlockId, dest: Local, value: Rvalue, next: BlockId) {
        let data = &mut self.body.blocks[block.index()];
        data.stmts.push(Stmt::Assign { dest, value });
        data.terminator = Terminator::Goto(next);
    }

    fn float_to_int(&mut self, block: BlockId, v: Operand, dest: Local, next: BlockId) {
        let nan = self.emit(block, MTy::Bool, Rvalue::Binary(BinOp::Cmp(Cmp::Ne), v, v));
        let b = self.raise_if(
            block,
            nan,
            ExcKind::ValueError,
            "cannot convert float NaN to integer",
        );
        let mag = self.emit(b, MTy::F64, Rvalue::Unary(UnOp::FAbs, v));
        let inf = Operand::Const(MConst::F64(f64::INFINITY));
        let is_inf = self.emit(b, MTy::Bool, Rvalue::Binary(BinOp::Cmp(Cmp::Eq), mag, inf));
        let b = self.raise_if(
            b,
            is_inf,
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        );
        let t = self.emit(b, MTy::F64, Rvalue::Unary(UnOp::FTrunc, v));
        let two63 = 9_223_372_036_854_775_808.0;
        let lo = self.emit(
            b,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Lt), t, Operand::Const(MConst::F64(-two63))),
        );
        let hi = self.emit(
            b,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Ge), t, Operand::Const(MConst::F64(two63))),
        );
        let out = self.emit(b, MTy::Bool, Rvalue::Binary(BinOp::Or, lo, hi));
        let b = self.raise_if(
            b,
            out,
            ExcKind::OverflowError,
            "integer result does not fit in 64 bits",
        );
        self.finish(b, dest, Rvalue::Cast(CastOp::FToIUnchecked, t), next);
    }

    /// The exact comparison of int `a` with float `b`: -1, 0 or 1 as `a` is below, equal to or
    /// above `b`, and 2 when `b` is NaN.
    fn cmp_int_float(&mut self, out: &mut Vec<Stmt>, a: Operand, b: Operand, dest: Local) {
        let mut emit = |ty: MTy, value: Rvalue, out: &mut Vec<Stmt>| {
            let d = self.temp(ty);
            out.push(Stmt::Assign { dest: d, value });
            Operand::Local(d)
        };
        let f = |v: f64| Operand::Const(MConst::F64(v));
        let cmp = |c: Cmp, x: Operand, y: Operand| Rvalue::Binary(BinOp::Cmp(c), x, y);
        let two63 = 9_223_372_036_854_775_808.0;
        let nan = emit(MTy::Bool, cmp(Cmp::Ne, b, b), out);
        let big = emit(MTy::Bool, cmp(Cmp::Ge, b, f(two63)), out);
        let small = emit(MTy::Bool, cmp(Cmp::Lt, b, f(-two63)), out);
        let t = emit(MTy::F64, Rvalue::Unary(UnOp::FTrunc, b), out);
        // The truncation as an int, where it fits (elsewhere the result does not use it).
        let outside = emit(MTy::Bool, Rvalue::Binary(BinOp::Or, big, small), out);
        let outside = emit(MTy::Bool, Rvalue::Binary(BinOp::Or, outside, nan), out);
        let safe = emit(MTy::F64, Rvalue::Select(outside, f(0.0), t), out);
        let ti = emit(MTy::I64, Rvalue::Cast(CastOp::FToIUnchecked, safe), out);
        let lt = emit(MTy::Bool, cmp(Cmp::Lt, a, ti), out);
        let gt = emit(MTy::Bool, cmp(Cmp::Gt, a, ti), out);
        let frac = emit(MTy::F64, Rvalue::Binary(BinOp::FSub, b, t), out);
        let above = emit(MTy::Bool, cmp(Cmp::Gt, frac, f(0.0)), out);
        let below = emit(MTy::Bool, cmp(Cmp::Lt, frac, f(0.0)), out);
        let r = emit(MTy::I64, Rvalue::Select(below, int(1), int(0)), out);
        let r = emit(MTy::I64, Rvalue::Select(above, int(-1), r), out);
        let r = emit(MTy::I64, Rvalue::Select(gt, int(1), r), out);
        let r = emit(MTy::I64, Rvalue::Select(lt, int(-1), r), out);
        let r = emit(MTy::I64, Rvalue::Select(small, int(1), r), out);
        let r = emit(MTy::I64, Rvalue::Select(big, int(-1), r), out);
        out.push(Stmt::Assign {
            dest,
            value: Rvalue::Select(nan, int(2), r),
        });
    }

    /// Whether the operand is the float 2.0: a constant, or a local of `twos`.
    fn is_two(&self, op: &Operand) -> bool {
        match op {
            Operand::Const(c) => two(&Rvalue::Use(Operand::Const(*c))),
            Operand::Local(l) => self.twos.contains(l),
        }
    }

    /// Runs a `kernel_math` function on `v` at the end of `block`.
    fn math(
        &mut self,
        block: BlockId,
        v: Operand,
        f: fn(&mut Emit, Operand) -> Operand,
    ) -> Operand {
        let mut e = Emit {
            body: &mut *self.body,
            out: Vec::new(),
        };
        let r = f(&mut e, v);
        let stmts = e.out;
        self.body.blocks[block.index()].stmts.extend(stmts);
        r
    }

    /// `math.exp(v)`: OverflowError where a finite `v` gives an infinity.
    fn math_exp(&mut self, block: BlockId, v: Operand, dest: Local, next: BlockId) {
        let r = self.math(block, v, kernel_math::exp);
        let inf = Operand::Const(MConst::F64(f64::INFINITY));
        let r_inf = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Eq), r, inf),
        );
        let mag = self.emit(block, MTy::F64, Rvalue::Unary(UnOp::FAbs, v));
        let finite = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Lt), mag, inf),
        );
        let over = self.emit(block, MTy::Bool, Rvalue::Binary(BinOp::And, r_inf, finite));
        let b = self.raise_if(block, over, ExcKind::OverflowError, "math range error");
        self.finish(b, dest, Rvalue::Use(r), next);
    }

    /// `math.log(v)`: ValueError for zero and negative numbers.
    fn math_log(&mut self, block: BlockId, v: Operand, dest: Local, next: BlockId) {
        let zero = Operand::Const(MConst::F64(0.0));
        let bad = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Le), v, zero),
        );
        let b = self.raise_if(block, bad, ExcKind::ValueError, "math domain error");
        let r = self.math(b, v, kernel_math::log);
        self.finish(b, dest, Rvalue::Use(r), next);
    }

    /// Python's `v ** 2.0`: the product, and OverflowError when a finite `v` overflows.
    fn square(&mut self, block: BlockId, v: Operand, dest: Local, next: BlockId) {
        let r = self.emit(block, MTy::F64, Rvalue::Binary(BinOp::FMul, v, v));
        let mag_r = self.emit(block, MTy::F64, Rvalue::Unary(UnOp::FAbs, r));
        let mag_v = self.emit(block, MTy::F64, Rvalue::Unary(UnOp::FAbs, v));
        let inf = Operand::Const(MConst::F64(f64::INFINITY));
        let r_inf = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Eq), mag_r, inf),
        );
        // `|v| < inf` is false for an infinity and for NaN.
        let v_finite = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Lt), mag_v, inf),
        );
        let over = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::And, r_inf, v_finite),
        );
        let b = self.raise_if(
            block,
            over,
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        );
        self.finish(b, dest, Rvalue::Use(r), next);
    }

    /// `a >> n`: a negative count raises ValueError; 64 or more gives the sign.
    fn rshift(&mut self, block: BlockId, a: Operand, n: Operand, dest: Local, next: BlockId) {
        let neg = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Lt), n, int(0)),
        );
        let b = self.raise_if(block, neg, ExcKind::ValueError, "negative shift count");
        let big = self.emit(
            b,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Ge), n, int(64)),
        );
        let s = self.emit(b, MTy::I64, Rvalue::Select(big, int(63), n));
        self.finish(b, dest, Rvalue::Binary(BinOp::AShr, a, s), next);
    }

    /// `a << n`: a negative count raises ValueError, a result beyond 64 bits OverflowError.
    fn lshift(&mut self, block: BlockId, a: Operand, n: Operand, dest: Local, next: BlockId) {
        let neg = self.emit(
            block,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Lt), n, int(0)),
        );
        let b = self.raise_if(block, neg, ExcKind::ValueError, "negative shift count");
        let zero = self.emit(b, MTy::Bool, Rvalue::Binary(BinOp::Cmp(Cmp::Eq), a, int(0)));
        let big = self.emit(
            b,
            MTy::Bool,
            Rvalue::Binary(BinOp::Cmp(Cmp::Ge), n, int(64)),
        );
        let s = self.emit(b, MTy::I64, Rvalue::Select(big, int(0), n));
        let r = self.emit(b, MTy::I64, Rvalue::Binary(BinOp::Shl, a, s));
        let back = self.emit(b, MTy::I64, Rvalue::Binary(BinOp::AShr, r, s));
        let lost = self.emit(b, MTy::Bool, Rvalue::Binary(BinOp::Cmp(Cmp::Ne), back, a));
        let bad = self.emit(b, MTy::Bool, Rvalue::Binary(BinOp::Or, big, lost));
        let nonzero = self.emit(b, MTy::Bool, Rvalue::Unary(UnOp::BNot, zero));
        let over = self.emit(b, MTy::Bool, Rvalue::Binary(BinOp::And, nonzero, bad));
        let b = self.raise_if(
            b,
            over,
            ExcKind::OverflowError,
            "integer result does not fit in 64 bits",
        );
        self.finish(b, dest, Rvalue::Select(zero, int(0), r), next);
    }
}
