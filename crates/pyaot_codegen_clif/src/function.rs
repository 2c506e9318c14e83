//! The translation of one MIR body into a Cranelift function.

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, Block, FuncRef, Function, InstBuilder, MemFlagsData, StackSlot, StackSlotData,
    StackSlotKind, TrapCode, Type, Value,
};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use cranelift_module::{FuncId as ClifFuncId, Module as _};
use cranelift_object::ObjectModule;
use pyaot_mir::{Body, Callee, Local, MTy, Module, Operand, RtFn, Stmt, Terminator};

use crate::abi;
use crate::object::Decls;
use crate::CodegenError;

/// The trap code of `Terminator::Unreachable`.
const UNREACHABLE_TRAP: TrapCode = TrapCode::unwrap_user(1);

/// Where a call leaves one result, its type, and the local it goes to.
type ResultSlot = (StackSlot, MTy, Local);

/// The state of translating one body.
pub(crate) struct FunctionCx<'a, 'f> {
    pub bcx: FunctionBuilder<'f>,
    pub body: &'a Body,
    obj: &'a mut ObjectModule,
    decls: &'a Decls,
    module: &'a Module,
    /// The Cranelift block of each MIR block.
    block_map: Vec<Block>,
    /// The variable of each MIR local.
    vars: Vec<Variable>,
    /// Whether each block's branch is emitted inverted (see `loops`).
    inverted: Vec<bool>,
    /// The out-pointer parameters, one per `body.rets` local.
    outs: Vec<Value>,
    /// Function references already imported into this function.
    func_refs: HashMap<ClifFuncId, FuncRef>,
    ptr: Type,
    /// The stack slot receiving the unused result of `incref` and `decref` calls.
    count_out: Option<StackSlot>,
}

/// Fills `func` (whose signature and name are set) with the translation of `body`.
pub(crate) fn translate(
    obj: &mut ObjectModule,
    decls: &Decls,
    module: &Module,
    body: &Body,
    func: &mut Function,
    fbctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    if !body.owned.is_empty() {
        return Err(CodegenError::new(
            &body.name,
            "the body's owned references were not elaborated into drops",
        ));
    }
    let ptr = obj.isa().pointer_type();
    let config = obj.target_config();
    let mut bcx = FunctionBuilder::new(func, fbctx);

    // A separate entry block: MIR's bb0 may be the target of a back edge.
    let entry = bcx.create_block();
    bcx.append_block_params_for_function_params(entry);
    let block_map: Vec<Block> = body.blocks.iter().map(|_| bcx.create_block()).collect();
    let vars: Vec<Variable> = body
        .locals
        .iter()
        .map(|d| bcx.declare_var(abi::clif_ty(d.ty)))
        .collect();

    bcx.switch_to_block(entry);
    let params = bcx.block_params(entry).to_vec();
    let n = body.params.len();
    if params.len() != n + body.rets.len() {
        return Err(CodegenError::new(
            &body.name,
            "signature does not match the body",
        ));
    }
    // Locals read before any assignment hold zero; parameters hold their arguments.
    for (decl, var) in body.locals.iter().zip(&vars) {
        let zero = match decl.ty {
            MTy::F64 => bcx.ins().f64const(0.0),
            MTy::F32 => bcx.ins().f32const(0.0),
            MTy::F64x2 => {
                let z = bcx.ins().f64const(0.0);
                bcx.ins().splat(types::F64X2, z)
            }
            MTy::I64x2 => {
                let z = bcx.ins().iconst(types::I64, 0);
                bcx.ins().splat(types::I64X2, z)
            }
            ty => bcx.ins().iconst(abi::clif_ty(ty), 0),
        };
        bcx.def_var(*var, zero);
    }
    for (local, value) in body.params.iter().zip(&params) {
        bcx.def_var(vars[local.index()], *value);
    }
    bcx.ins().jump(block_map[0], &[]);

    let mut fx = FunctionCx {
        bcx,
        body,
        obj,
        decls,
        module,
        block_map,
        vars,
        inverted: crate::loops::inverted_branches(body),
        outs: params[n..].to_vec(),
        func_refs: HashMap::new(),
        ptr,
        count_out: None,
    };
    for (i, block) in body.blocks.iter().enumerate() {
        fx.bcx.switch_to_block(fx.block_map[i]);
        for stmt in &block.stmts {
            match stmt {
                Stmt::Assign { dest, value } => {
                    let value = fx.rvalue(value);
                    fx.def_local(*dest, value);
                }
                Stmt::Store { dtype, addr, value } => {
                    let (a, v) = (fx.operand(addr), fx.operand(value));
                    fx.store(*dtype, a, v);
                }
                Stmt::StoreVec { addr, value } => {
                    let (a, v) = (fx.operand(addr), fx.operand(value));
                    fx.store_vec(a, v);
                }
                Stmt::Call {
                    callee,
                    args,
                    dests,
                } => {
                    // The helper cannot fail: its status is ignored.
                    fx.emit_call(Callee::Runtime(*callee), args, dests)?;
                }
                Stmt::IncRef(op) => fx.count(RtFn::Incref, op)?,
                Stmt::DecRef(op) => fx.count(RtFn::Decref, op)?,
            }
        }
        fx.terminator(i, &block.terminator)?;
    }
    fx.bcx.seal_all_blocks();
    fx.bcx.finalize(config);
    Ok(())
}

impl FunctionCx<'_, '_> {
    /// The current value of a local.
    pub(crate) fn use_local(&mut self, local: Local) -> Value {
        self.bcx.use_var(self.vars[local.index()])
    }

    fn def_local(&mut self, local: Local, value: Value) {
        self.bcx.def_var(self.vars[local.index()], value);
    }

    /// The MIR type of an operand.
    pub(crate) fn operand_ty(&self, op: &Operand) -> MTy {
        self.body.operand_ty(op)
    }

    fn terminator(&mut self, block: usize, term: &Terminator) -> Result<(), CodegenError> {
        match term {
            Terminator::Goto(b) => {
                self.bcx.ins().jump(self.block_map[b.index()], &[]);
            }
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let c = self.operand(cond);
                let (t, e) = (
                    self.block_map[then_block.index()],
                    self.block_map[else_block.index()],
                );
                if self.inverted[block] {
                    let not_c = self.bcx.ins().icmp_imm_s(IntCC::Equal, c, 0);
                    self.bcx.ins().brif(not_c, e, &[], t, &[]);
                } else {
                    self.bcx.ins().brif(c, t, &[], e, &[]);
                }
            }
            Terminator::Return => {
                for (i, local) in self.body.rets.iter().enumerate() {
                    let v = self.use_local(*local);
                    self.bcx
                        .ins()
                        .store(MemFlagsData::trusted(), v, self.outs[i], 0);
                }
                let zero = self.bcx.ins().iconst(types::I32, 0);
                self.bcx.ins().return_(&[zero]);
            }
            Terminator::Call {
                callee,
                args,
                dests,
                next,
            } => self.call(*callee, args, dests, self.block_map[next.index()])?,
            Terminator::Raise { exc, msg } => {
                let id = self
                    .decls
                    .raise
                    .ok_or_else(|| self.error("pyaot_rt_raise was not declared"))?;
                let f = self.func_ref(id);
                let code = self.bcx.ins().iconst(types::I32, i64::from(exc.code()));
                let msg = self.bcx.ins().iconst(types::I32, i64::from(msg.0));
                self.bcx.ins().call(f, &[code, msg]);
                self.leave_failed(None);
            }
            Terminator::Fail => self.leave_failed(None),
            Terminator::Unreachable => {
                self.bcx.ins().trap(UNREACHABLE_TRAP);
            }
            Terminator::Check {
                fails, fail, ok, ..
            } => {
                let c = self.operand(fails);
                let (f, o) = (self.block_map[fail.index()], self.block_map[ok.index()]);
                self.bcx.set_cold_block(f);
                self.bcx.ins().brif(c, f, &[], o, &[]);
            }
        }
        Ok(())
    }

    /// Calls with a stack slot per result, returns a nonzero status at once, else loads the results.
    fn call(
        &mut self,
        callee: Callee,
        args: &[Operand],
        dests: &[Local],
        next: Block,
    ) -> Result<(), CodegenError> {
        let (status, loads) = self.call_status(callee, args, dests)?;
        let failed = self.bcx.create_block();
        let ok = self.bcx.create_block();
        self.bcx.set_cold_block(failed);
        self.bcx.ins().brif(status, failed, &[], ok, &[]);

        self.bcx.switch_to_block(failed);
        self.leave_failed(Some(status));

        self.bcx.switch_to_block(ok);
        self.load_results(loads);
        self.bcx.ins().jump(next, &[]);
        Ok(())
    }

    /// Calls a helper that cannot fail and loads its results at once.
    fn emit_call(
        &mut self,
        callee: Callee,
        args: &[Operand],
        dests: &[Local],
    ) -> Result<(), CodegenError> {
        let (_, loads) = self.call_status(callee, args, dests)?;
        self.load_results(loads);
        Ok(())
    }

    /// Emits the call with an out slot per result: its status and what to load into which local.
    fn call_status(
        &mut self,
        callee: Callee,
        args: &[Operand],
        dests: &[Local],
    ) -> Result<(Value, Vec<ResultSlot>), CodegenError> {
        let id = match callee {
            Callee::Func(f) => *self
                .decls
                .bodies
                .get(f.index())
                .ok_or_else(|| self.error(format!("call of unknown {f}")))?,
            Callee::Runtime(rt) => *self.decls.runtime.get(&rt).ok_or_else(|| {
                self.error(format!("runtime helper {} was not declared", rt.symbol()))
            })?,
        };
        let ret_tys: Vec<MTy> = match callee {
            Callee::Func(f) => self.module.funcs[f.index()].ret_tys(),
            Callee::Runtime(rt) => rt.results().to_vec(),
        };
        if ret_tys.len() != dests.len() {
            return Err(self.error("call result count does not match its destinations"));
        }
        let f = self.func_ref(id);
        let mut argv: Vec<Value> = args.iter().map(|a| self.operand(a)).collect();
        let mut loads = Vec::with_capacity(dests.len());
        for (ty, dest) in ret_tys.iter().zip(dests) {
            let size = abi::size_of(*ty);
            let slot = self.bcx.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                size,
                3,
            ));
            argv.push(self.bcx.ins().stack_addr(self.ptr, slot, 0));
            loads.push((slot, *ty, *dest));
        }
        let inst = self.bcx.ins().call(f, &argv);
        Ok((self.bcx.inst_results(inst)[0], loads))
    }

    fn load_results(&mut self, loads: Vec<ResultSlot>) {
        for (slot, ty, dest) in loads {
            let addr = self.bcx.ins().stack_addr(self.ptr, slot, 0);
            let v = self
                .bcx
                .ins()
                .load(abi::clif_ty(ty), MemFlagsData::trusted(), addr, 0);
            self.def_local(dest, v);
        }
    }

    /// An error exit: on to the cleanup block, or (from the cleanup block or without one) out
    /// of the function with the failed status (1 unless a callee's is given).
    fn leave_failed(&mut self, status: Option<Value>) {
        let current = self.bcx.current_block();
        match self.body.cleanup {
            Some(c) if current != Some(self.block_map[c.index()]) => {
                let target = self.block_map[c.index()];
                self.bcx.set_cold_block(target);
                self.bcx.ins().jump(target, &[]);
            }
            _ => {
                let status = status.unwrap_or_else(|| self.bcx.ins().iconst(types::I32, 1));
                self.bcx.ins().return_(&[status]);
            }
        }
    }

    /// `incref`/`decref`: a call of the runtime's counting helper, whose result is unused.
    fn count(&mut self, rt: RtFn, op: &Operand) -> Result<(), CodegenError> {
        let id = *self
            .decls
            .runtime
            .get(&rt)
            .ok_or_else(|| self.error(format!("{} was not declared", rt.symbol())))?;
        let f = self.func_ref(id);
        let slot = match self.count_out {
            Some(slot) => slot,
            None => {
                let data = StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3);
                let slot = self.bcx.create_sized_stack_slot(data);
                self.count_out = Some(slot);
                slot
            }
        };
        let owner = self.operand(op);
        let out = self.bcx.ins().stack_addr(self.ptr, slot, 0);
        self.bcx.ins().call(f, &[owner, out]);
        Ok(())
    }

    fn func_ref(&mut self, id: ClifFuncId) -> FuncRef {
        if let Some(f) = self.func_refs.get(&id) {
            return *f;
        }
        let f = self.obj.declare_func_in_func(id, self.bcx.func);
        self.func_refs.insert(id, f);
        f
    }

    fn error(&self, message: impl Into<String>) -> CodegenError {
        CodegenError::new(&self.body.name, message)
    }
}
