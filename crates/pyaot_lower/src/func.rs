//! Lowering of one function: its locals, parameters, results and the per-function state.

use pyaot_hir as hir;
use pyaot_mir::{self as mir, BlockId, Local, MTy, MsgId, Rvalue, Terminator};
use pyaot_types::{Dtype, Ty};

use crate::builder::{boolean, Builder};
use crate::unbound::{self, Unbound};

/// The targets of the innermost loops.
pub(crate) struct LoopTargets {
    pub brk: BlockId,
    pub cont: BlockId,
}

/// The state of lowering one function.
pub(crate) struct FnLower<'a> {
    pub hir: &'a hir::Module,
    pub func: &'a hir::Function,
    out: &'a mut mir::Module,
    pub b: Builder,
    /// The MIR locals of each HIR local, one per scalar leaf.
    pub vars: Vec<Vec<Local>>,
    /// The "assigned" flag of each HIR local that may be read unassigned.
    pub flags: Vec<Option<Local>>,
    pub unbound: Unbound,
    pub rets: Vec<Local>,
    pub loops: Vec<LoopTargets>,
    /// Whether array indices are checked against the shape.
    pub boundscheck: bool,
    /// Owner locals this body holds a reference on (see `mir::Body::owned`).
    pub owned: Vec<Local>,
    /// The current elements of the inputs of the `Map` bodies being lowered, innermost last
    /// (each element's operands: two for a complex one).
    pub elems: Vec<Vec<Vec<mir::Operand>>>,
}

/// The positions of references (array owners and lists) among the flattened leaves of a type.
pub(crate) fn owner_positions(ty: &Ty) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    collect_owners(ty, &mut at, &mut out);
    out
}

fn collect_owners(ty: &Ty, at: &mut usize, out: &mut Vec<usize>) {
    match ty {
        Ty::Tuple(_) | Ty::Func(_) => ty
            .parts()
            .unwrap_or_default()
            .iter()
            .for_each(|t| collect_owners(t, at, out)),
        Ty::Array(a) => {
            out.push(*at);
            *at += a.abi_len();
        }
        Ty::List(_) | Ty::TupleOf(_) | Ty::Str | Ty::Dict(..) | Ty::Set(_) => {
            out.push(*at);
            *at += 1;
        }
        Ty::None => {}
        t => *at += t.flatten().len(),
    }
}

/// The positions of array shapes among the flattened leaves of a type (never negative).
pub(crate) fn shape_positions(ty: &Ty) -> Vec<usize> {
    let mut out = Vec::new();
    for p in owner_positions(ty) {
        let mut at = 0;
        let mut n = 0;
        find_array_at(ty, p, &mut at, &mut n);
        out.extend((0..n).map(|k| p + 2 + k));
    }
    out
}

/// The number of dimensions of the array whose owner is leaf `pos`.
fn find_array_at(ty: &Ty, pos: usize, at: &mut usize, ndim: &mut usize) {
    match ty {
        Ty::Tuple(_) | Ty::Func(_) => ty
            .parts()
            .unwrap_or_default()
            .iter()
            .for_each(|t| find_array_at(t, pos, at, ndim)),
        Ty::Array(a) => {
            if *at == pos {
                *ndim = a.ndim as usize;
            }
            *at += a.abi_len();
        }
        Ty::None => {}
        t => *at += t.flatten().len(),
    }
}

/// The machine type of a scalar type.
pub(crate) fn mty(ty: &Ty) -> Option<MTy> {
    match ty {
        Ty::Int => Some(MTy::I64),
        Ty::Float => Some(MTy::F64),
        Ty::Bool => Some(MTy::Bool),
        Ty::Scalar(d) if !d.is_complex() => Some(mir::dtype_mty(*d)),
        Ty::Scalar(_) | Ty::Complex => None,
        Ty::None
        | Ty::DtypeOf(_)
        | Ty::ScalarType(_)
        | Ty::Func(_)
        | Ty::Tuple(_)
        | Ty::List(_)
        | Ty::TupleOf(_)
        | Ty::Str
        | Ty::Dict(..)
        | Ty::Set(_)
        | Ty::Array(_) => None,
    }
}

/// The names of the scalar leaves of a local: `x` for a scalar, `x.0`, `x.1.0`... for tuples.
fn leaf_names(ty: &Ty, prefix: &str, out: &mut Vec<(String, Ty)>) {
    match ty {
        Ty::Tuple(_) | Ty::Func(_) => {
            for (i, t) in ty.parts().unwrap_or_default().iter().enumerate() {
                leaf_names(t, &format!("{prefix}.{i}"), out);
            }
        }
        Ty::None | Ty::DtypeOf(_) | Ty::ScalarType(_) => {}
        Ty::Complex | Ty::Scalar(Dtype::C64 | Dtype::C128) => {
            let part = ty.flatten().remove(0);
            out.push((format!("{prefix}.re"), part.clone()));
            out.push((format!("{prefix}.im"), part));
        }
        Ty::Array(a) => {
            out.push((format!("{prefix}.owner"), Ty::Int));
            out.push((format!("{prefix}.data"), Ty::Int));
            for k in 0..a.ndim {
                out.push((format!("{prefix}.shape{k}"), Ty::Int));
            }
            for k in 0..a.ndim {
                out.push((format!("{prefix}.stride{k}"), Ty::Int));
            }
        }
        t => out.push((prefix.to_string(), t.clone())),
    }
}

/// Lowers function `index` of the module into a MIR body.
pub(crate) fn lower_function(
    module: &hir::Module,
    out: &mut mir::Module,
    index: usize,
    func: &hir::Function,
    opts: &crate::LowerOptions,
) -> mir::Body {
    let mut cx = FnLower {
        hir: module,
        func,
        out,
        b: Builder::new(),
        vars: Vec::new(),
        flags: Vec::new(),
        unbound: unbound::analyze(func),
        rets: Vec::new(),
        loops: Vec::new(),
        boundscheck: opts.boundscheck,
        owned: Vec::new(),
        elems: Vec::new(),
    };
    for decl in &func.locals {
        let mut leaves = Vec::new();
        leaf_names(&decl.ty, &decl.name, &mut leaves);
        let tys = cx.leaf_mtys(&decl.ty);
        let locals: Vec<Local> = leaves
            .into_iter()
            .zip(tys)
            .map(|((name, _), t)| cx.b.new_local(t, Some(name)))
            .collect();
        for p in owner_positions(&decl.ty) {
            cx.owned.push(locals[p]);
        }
        for p in shape_positions(&decl.ty) {
            cx.b.mark_nonneg(locals[p]);
        }
        cx.vars.push(locals);
    }
    let params: Vec<Local> = func
        .params
        .iter()
        .flat_map(|p| cx.var(p.local).to_vec())
        .collect();
    cx.rets = cx
        .leaf_mtys(&func.ret)
        .into_iter()
        .map(|m| cx.b.temp(m))
        .collect();
    for (i, decl) in func.locals.iter().enumerate() {
        let flag = if cx.unbound.flagged[i] {
            let f =
                cx.b.new_local(MTy::Bool, Some(format!("{}.assigned", decl.name)));
            cx.b.assign(f, Rvalue::Use(boolean(false)));
            Some(f)
        } else {
            None
        };
        cx.flags.push(flag);
    }
    // A free variable passed in has a value when the caller's flag says so.
    for (var, passed) in &func.free_flags {
        if let Some(flag) = cx.flags[var.index()] {
            let given = cx.var(*passed)[0];
            cx.b.assign(flag, Rvalue::Use(mir::Operand::Local(given)));
        }
    }
    // A parameter array is borrowed from the caller: take a reference, as for any local.
    for p in &func.params {
        for pos in owner_positions(&p.ty) {
            let owner = cx.var(p.local)[pos];
            cx.b.incref(mir::Operand::Local(owner));
        }
    }
    cx.stmts(&func.body);
    if cx.b.cur.is_some() {
        // Sema guarantees that only `None` functions can fall off the end.
        let t = if func.ret == Ty::None {
            Terminator::Return
        } else {
            Terminator::Unreachable
        };
        cx.b.terminate(t);
    }
    let (locals, blocks) = cx.b.finish();
    mir::Body {
        name: func.display_name.clone(),
        symbol: crate::symbol_name(index, &func.display_name),
        params,
        rets: cx.rets,
        locals,
        blocks,
        kernel: func.kernel,
        owned: cx.owned,
        cleanup: None,
    }
}

impl FnLower<'_> {
    /// Panics with an internal-compiler-error message naming the function.
    pub fn ice(&self, what: &str) -> ! {
        panic!(
            "internal compiler error in pyaot_lower, function `{}`: {what}",
            self.func.display_name
        )
    }

    /// The machine type of a scalar type.
    pub fn mty(&self, ty: &Ty) -> MTy {
        mty(ty).unwrap_or_else(|| self.ice(&format!("expected a scalar type, found {ty}")))
    }

    /// The MIR locals of a HIR local.
    pub fn var(&self, local: hir::LocalId) -> &[Local] {
        match self.vars.get(local.index()) {
            Some(v) => v,
            None => self.ice(&format!("unknown local #{}", local.0)),
        }
    }

    /// The id of an exception message.
    pub fn msg(&mut self, text: &str) -> MsgId {
        self.out.intern_message(text)
    }

    /// Marks a HIR local as assigned (sets its flag, if it has one).
    pub fn mark_assigned(&mut self, local: hir::LocalId) {
        if let Some(flag) = self.flags[local.index()] {
            self.b.assign(flag, Rvalue::Use(boolean(true)));
        }
    }

    /// The flattened result types of a HIR function.
    pub fn callee_rets(&self, func: hir::FuncId) -> Vec<MTy> {
        match self.hir.funcs.get(func.index()) {
            Some(f) => self.leaf_mtys(&f.ret),
            None => self.ice(&format!("call of unknown function #{}", func.0)),
        }
    }

    /// The machine types of a value's leaves: array owners are references.
    pub fn leaf_mtys(&self, ty: &Ty) -> Vec<MTy> {
        let mut tys: Vec<MTy> = ty.flatten().iter().map(|t| self.mty(t)).collect();
        for p in owner_positions(ty) {
            tys[p] = MTy::Ref;
        }
        tys
    }
}
