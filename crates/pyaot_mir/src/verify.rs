//! The MIR verifier: checks the invariants codegen relies on, after lowering and after every pass.

use crate::{
    BinOp, Body, Callee, CastOp, Dtype, MTy, Module, Operand, RtFn, Rvalue, Stmt, Terminator, UnOp,
};
use MTy::I64;

/// The machine type an element of the dtype is held in.
pub fn dtype_mty(d: Dtype) -> MTy {
    match d {
        Dtype::B1 => MTy::Bool,
        Dtype::F32 => MTy::F32,
        Dtype::F64 | Dtype::C128 => MTy::F64,
        Dtype::C64 => MTy::F32,
        _ => MTy::I64,
    }
}

/// Checks every body of the module; the error names the function, the block and what is wrong.
pub fn verify(module: &Module) -> Result<(), String> {
    for body in &module.funcs {
        verify_body(module, body).map_err(|e| format!("MIR verifier: fn {}: {e}", body.name))?;
    }
    Ok(())
}

fn verify_body(module: &Module, body: &Body) -> Result<(), String> {
    let n_locals = body.locals.len();
    let n_blocks = body.blocks.len();
    if n_blocks == 0 {
        return Err("no blocks".into());
    }
    let check_local = |l: crate::Local| -> Result<MTy, String> {
        if l.index() < n_locals {
            Ok(body.local_ty(l))
        } else {
            Err(format!("local {l} out of range"))
        }
    };
    let op_ty = |op: &Operand| -> Result<MTy, String> {
        match op {
            Operand::Local(l) => check_local(*l),
            Operand::Const(c) => Ok(c.ty()),
        }
    };
    let check_block = |b: crate::BlockId| -> Result<(), String> {
        if b.index() < n_blocks {
            Ok(())
        } else {
            Err(format!("block {b} out of range"))
        }
    };
    let check_call = |params: &[MTy],
                      rets: &[MTy],
                      args: &[Operand],
                      dests: &[crate::Local]|
     -> Result<(), String> {
        let arg_tys = args.iter().map(op_ty).collect::<Result<Vec<_>, _>>()?;
        let dest_tys = dests
            .iter()
            .map(|d| check_local(*d))
            .collect::<Result<Vec<_>, _>>()?;
        if arg_tys != params || dest_tys != rets {
            return Err(format!(
                "call signature mismatch: args {arg_tys:?} for {params:?}, dests {dest_tys:?} for {rets:?}"
            ));
        }
        Ok(())
    };
    for l in body.params.iter().chain(&body.rets) {
        if check_local(*l)?.is_vector() {
            return Err(format!("vector {l} as a parameter or result"));
        }
    }
    if body.kernel && !body.rets.is_empty() {
        return Err("a GPU kernel returns nothing".into());
    }
    for (i, block) in body.blocks.iter().enumerate() {
        let at = |e: String| format!("bb{i}: {e}");
        for s in &block.stmts {
            match s {
                Stmt::Assign { dest, value } => {
                    let dest_ty = check_local(*dest).map_err(at)?;
                    if matches!(value, Rvalue::Special(_)) && !body.kernel {
                        return Err(at(format!("{value} outside a GPU kernel")));
                    }
                    let ty = rvalue_ty(value, &op_ty).map_err(at)?;
                    if ty != dest_ty {
                        return Err(at(format!(
                            "{dest} = {value}: {ty} assigned to a {dest_ty} local"
                        )));
                    }
                }
                Stmt::Call {
                    callee,
                    args,
                    dests,
                } => {
                    if callee.can_raise() {
                        return Err(at(format!(
                            "rt.{} may raise, so it cannot be a statement",
                            callee.name()
                        )));
                    }
                    if callee.is_gpu() && !body.kernel {
                        return Err(at(format!("rt.{} outside a GPU kernel", callee.name())));
                    }
                    if matches!(callee, RtFn::Incref | RtFn::Decref) {
                        return Err(at(format!(
                            "rt.{} is called as `incref`/`decref`",
                            callee.name()
                        )));
                    }
                    check_call(callee.params(), callee.results(), args, dests).map_err(at)?;
                }
                Stmt::Store { dtype, addr, value } => {
                    if dtype.is_complex()
                        || op_ty(addr).map_err(at)? != I64
                        || op_ty(value).map_err(at)? != dtype_mty(*dtype)
                    {
                        return Err(at(format!("bad store of {} to {addr}", dtype.name())));
                    }
                }
                Stmt::StoreVec { addr, value } => {
                    if op_ty(addr).map_err(at)? != I64 || !op_ty(value).map_err(at)?.is_vector() {
                        return Err(at(format!("bad vector store to {addr}")));
                    }
                }
                Stmt::IncRef(op) | Stmt::DecRef(op) => {
                    if op_ty(op).map_err(at)? != MTy::Ref {
                        return Err(at(format!("a count of {op}, which is not a reference")));
                    }
                }
            }
        }
        match &block.terminator {
            Terminator::Goto(b) => check_block(*b).map_err(at)?,
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                if op_ty(cond).map_err(at)? != MTy::Bool {
                    return Err(at("branch on a non-bool operand".into()));
                }
                check_block(*then_block).map_err(at)?;
                check_block(*else_block).map_err(at)?;
            }
            Terminator::Call {
                callee,
                args,
                dests,
                next,
            } => {
                check_block(*next).map_err(at)?;
                let (params, rets): (Vec<MTy>, Vec<MTy>) = match callee {
                    Callee::Func(id) => {
                        let f = module
                            .funcs
                            .get(id.index())
                            .ok_or_else(|| at(format!("call of unknown {id}")))?;
                        if f.kernel {
                            return Err(at(format!("call of the GPU kernel {}", f.name)));
                        }
                        (f.param_tys(), f.ret_tys())
                    }
                    Callee::Runtime(rt) => (rt.params().to_vec(), rt.results().to_vec()),
                };
                check_call(&params, &rets, args, dests).map_err(at)?;
            }
            Terminator::Check {
                fails, fail, ok, ..
            } => {
                if op_ty(fails).map_err(at)? != MTy::Bool {
                    return Err(at("check of a non-bool operand".into()));
                }
                check_block(*fail).map_err(at)?;
                check_block(*ok).map_err(at)?;
            }
            Terminator::Raise { msg, .. } => {
                if msg.index() >= module.messages.len() {
                    return Err(at(format!("unknown message {msg}")));
                }
            }
            Terminator::Fail => {
                if body.cleanup != Some(crate::BlockId(i as u32)) {
                    return Err(at("`fail` outside the cleanup block".into()));
                }
            }
            Terminator::Return | Terminator::Unreachable => {}
        }
    }
    if let Some(c) = body.cleanup {
        check_block(c)?;
        if body.blocks[c.index()].terminator != Terminator::Fail {
            return Err(format!("the cleanup block {c} does not end in `fail`"));
        }
        if body
            .blocks
            .iter()
            .any(|b| b.terminator.successors().contains(&c))
        {
            return Err(format!("the cleanup block {c} is the target of a jump"));
        }
        if !body.owned.is_empty() {
            return Err("an elaborated body still lists owned locals".into());
        }
    }
    for l in &body.owned {
        if check_local(*l)? != MTy::Ref {
            return Err(format!("owned {l} is not a reference"));
        }
    }
    Ok(())
}

fn rvalue_ty(rv: &Rvalue, op_ty: &dyn Fn(&Operand) -> Result<MTy, String>) -> Result<MTy, String> {
    use MTy::*;
    let want = |op: &Operand, ty: MTy| -> Result<(), String> {
        let got = op_ty(op)?;
        if got == ty {
            Ok(())
        } else {
            Err(format!("operand {op} is {got}, expected {ty}"))
        }
    };
    match rv {
        Rvalue::Use(a) => op_ty(a),
        Rvalue::Binary(op, a, b) => {
            let ta = op_ty(a)?;
            want(b, ta)?;
            if ta == Ref {
                return Err(format!("{op} on a reference"));
            }
            let (operand, result) = match op {
                BinOp::IAdd | BinOp::ISub | BinOp::IMul if ta == MTy::I64x2 => (None, ta),
                BinOp::IAdd
                | BinOp::ISub
                | BinOp::IMul
                | BinOp::IFloorDiv
                | BinOp::IMod
                | BinOp::ISDiv
                | BinOp::ISRem
                | BinOp::UDiv
                | BinOp::URem
                | BinOp::AShr
                | BinOp::Shl => (Some(I64), I64),
                BinOp::IAddOverflows
                | BinOp::ISubOverflows
                | BinOp::IMulOverflows
                | BinOp::UCmp(_) => (Some(I64), Bool),
                BinOp::And | BinOp::Or | BinOp::Xor => {
                    if ta == F64 || ta == F32 || ta == F64x2 {
                        return Err(format!("{op} on a float"));
                    }
                    (None, ta)
                }
                BinOp::Cmp(_) if ta.is_vector() => (None, ta),
                BinOp::Cmp(_) => (None, Bool),
                BinOp::FAdd | BinOp::FSub | BinOp::FMul | BinOp::FDiv => {
                    if ta != F64 && ta != F32 && ta != F64x2 {
                        return Err(format!("{op} on {ta}"));
                    }
                    (None, ta)
                }
                BinOp::FCopysign => {
                    if ta != F64 && ta != F32 {
                        return Err(format!("{op} on {ta}"));
                    }
                    (None, ta)
                }
            };
            if let Some(t) = operand {
                want(a, t)?;
            }
            Ok(result)
        }
        Rvalue::Unary(op, a) => {
            let t = match op {
                UnOp::INeg | UnOp::INot => I64,
                UnOp::BNot => Bool,
                UnOp::FNeg | UnOp::FAbs | UnOp::FSqrt if op_ty(a)? == F64x2 => F64x2,
                _ if op_ty(a)? == F32 => F32,
                _ => F64,
            };
            want(a, t)?;
            Ok(t)
        }
        Rvalue::Cast(op, a) => {
            let (from, to) = match op {
                CastOp::IToF => (I64, F64),
                CastOp::BToI => (Bool, I64),
                CastOp::BToF => (Bool, F64),
                CastOp::FToIUnchecked => (F64, I64),
                CastOp::Wrap(_) => (I64, I64),
                CastOp::IToF32 | CastOp::UToF32 => (I64, F32),
                CastOp::UToF => (I64, F64),
                CastOp::FDemote => (F64, F32),
                CastOp::FPromote => (F32, F64),
                CastOp::FBits => (F64, I64),
                CastOp::BitsF => (I64, F64),
                CastOp::RefAddr => (Ref, I64),
                CastOp::AddrRef => (I64, Ref),
            };
            want(a, from)?;
            Ok(to)
        }
        Rvalue::LoadVec(ty, addr) => {
            want(addr, I64)?;
            if !ty.is_vector() {
                return Err(format!("a vector load of {ty}"));
            }
            Ok(*ty)
        }
        Rvalue::Special(_) => Ok(I64),
        Rvalue::Splat(a) => op_ty(a)?
            .vector()
            .ok_or_else(|| format!("a splat of {}", op_ty(a).unwrap_or(Bool))),
        Rvalue::Lane(a, lane) => {
            let lane_ty = op_ty(a)?.lane().ok_or("a lane of a scalar")?;
            if *lane > 1 {
                return Err(format!("lane {lane} of a two-lane vector"));
            }
            Ok(lane_ty)
        }
        Rvalue::Select(c, a, b) if op_ty(c)?.is_vector() => {
            let t = op_ty(c)?;
            want(a, t)?;
            want(b, t)?;
            Ok(t)
        }
        Rvalue::Select(c, a, b) => {
            want(c, Bool)?;
            let t = op_ty(a)?;
            want(b, t)?;
            Ok(t)
        }
        Rvalue::Load(d, addr) => {
            want(addr, I64)?;
            if d.is_complex() {
                return Err(format!(
                    "a {} load: complex parts load one by one",
                    d.name()
                ));
            }
            Ok(dtype_mty(*d))
        }
    }
}
