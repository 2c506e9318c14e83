//! Checking one function body: local type inference by repeated passes, then statements to HIR.
//!
//! Local types come from assignments. A body is walked quietly until no new local gets a type
//! (a local may be read above its first assignment, inside a loop), then once more to build the HIR
//! and report errors.

use std::collections::{HashMap, HashSet};

use pyaot_diagnostics::{Code, Diagnostic, Span};
use pyaot_hir::{
    Const, ExcKind, Expr, ExprKind, FuncId, Function, LocalDecl, LocalId, Param, Stmt, StmtKind, Ty,
};
use pyaot_syntax::ast;

use crate::items::{DefKind, Global, ModuleCx};
use crate::scope;

/// How the return type is known.
pub(crate) enum RetSpec {
    /// Annotated.
    Declared(Ty),
    /// Inferred from the first typed `return` (helpers).
    Inferred(Option<(Ty, Span)>),
}

/// The state of checking one function.
pub(crate) struct FnCx<'m, 'a> {
    pub m: &'m mut ModuleCx<'a>,
    pub id: FuncId,
    /// The module the function is defined in: an index into [`ModuleCx::scopes`].
    pub scope: usize,
    /// Its definition: an index into [`ModuleCx::defs`].
    pub def: usize,
    pub locals: Vec<LocalDecl>,
    pub by_name: HashMap<String, LocalId>,
    /// Names local by Python's rule.
    pub local_names: HashSet<String>,
    /// Modules imported inside the function (`import numpy as np` in its body).
    pub local_modules: HashMap<String, Global>,
    pub ret: RetSpec,
    /// Locals whose assignment failed to check: reading them reports nothing more.
    pub poisoned: HashSet<String>,
    pub loop_depth: usize,
    /// While true, diagnostics are dropped (an inference pass).
    pub quiet: bool,
    pub errors: usize,
    /// The number of parameters (the first locals); their types never change.
    pub n_params: usize,
    /// Set when a pass changed the type of a local from a Python number to a fixed-width one.
    pub upgraded: bool,
    /// How deep tuple comparisons are nested where sema is writing them (names their hidden locals).
    pub tuple_depth: usize,
    /// The lambdas of this function met so far, by where they start: parameters and body.
    pub lambdas: HashMap<u32, (Vec<String>, ast::Expr)>,
    /// How many lambda calls are being written inside one another.
    pub lambda_depth: usize,
    /// Names assigned `[]` before their item type was known (an `append` later may decide it).
    pub empty_lists: HashSet<String>,
    /// The item type a list comprehension being checked must give (from an annotation).
    pub comp_expect: Option<Ty>,
    /// Where a None parameter may be given a value of another type (`if k is None: k = 3`):
    /// the starts of assignment targets that run on every path of this variant.
    pub rebind_at: HashSet<u32>,
    /// Checking a GPU kernel's body: `cuda.*` is available.
    pub kernel: bool,
    /// The kernel's shared and local arrays: their ids by where their call starts.
    pub gpu_arrays: HashMap<u32, u16>,
}

/// Checks the body of definition `def` as function `id` with the given parameter types.
/// `ret` is the declared return type, or `None` for a helper. Returns `None` after errors.
/// The outer meanings of names a nested scope rebinds: `(name, local, was a local name)`.
pub(crate) struct Shadowed(Vec<(String, Option<LocalId>, bool)>);

pub(crate) fn check_function(
    m: &mut ModuleCx<'_>,
    def: usize,
    id: FuncId,
    params: &[Ty],
    ret: Option<Ty>,
    exported: bool,
) -> Option<Function> {
    let f = m.defs[def].ast;
    let defaults = m.defs[def].defaults.clone();
    let scope = m.defs[def].scope;
    let kernel = matches!(m.defs[def].kind, DefKind::Kernel { .. });
    let mut cx = FnCx {
        m,
        id,
        scope,
        def,
        locals: Vec::new(),
        by_name: HashMap::new(),
        local_names: scope::assigned_names(&f.body),
        local_modules: HashMap::new(),
        ret: match ret {
            Some(t) => RetSpec::Declared(t),
            None => RetSpec::Inferred(None),
        },
        poisoned: HashSet::new(),
        loop_depth: 0,
        quiet: false,
        errors: 0,
        n_params: params.len(),
        upgraded: false,
        tuple_depth: 0,
        lambdas: HashMap::new(),
        lambda_depth: 0,
        empty_lists: HashSet::new(),
        comp_expect: None,
        rebind_at: HashSet::new(),
        kernel,
        gpu_arrays: HashMap::new(),
    };
    for (span, what) in &f.unsupported_params {
        cx.error(
            Code::UnsupportedSyntax,
            format!("{what} is not supported"),
            *span,
            "here",
            crate::unsupported::alternative(what),
        );
    }
    if f.is_async {
        cx.error(
            Code::UnsupportedSyntax,
            "`async def` is not supported",
            f.name_span,
            "async function",
            "use a plain `def`",
        );
    }
    for d in &f.decorators {
        if !cx.is_pyaot_decorator(d) {
            cx.error(
                Code::UnsupportedSyntax,
                "this decorator is not supported",
                d.span,
                "decorator",
                "only the decorators of `pyaot` are understood",
            );
        }
    }
    let mut hir_params = Vec::new();
    for (i, (p, ty)) in f.params.iter().zip(params).enumerate() {
        let local = cx.declare(&p.name, ty.clone(), p.span);
        cx.local_names.insert(p.name.clone());
        let default = defaults.get(i).cloned().flatten();
        if let Some(d) = &default {
            // A union parameter's default belongs to the variant of its own type.
            let union = matches!(cx.m.defs[def].kind, DefKind::ExportedUnion { .. });
            if exported && !union && !default_fits(d, ty) {
                let span = p.default.as_ref().map_or(p.span, |e| e.span);
                cx.error(
                    Code::TypeMismatch,
                    format!(
                        "the default of `{}` is {} but the parameter is {ty}",
                        p.name,
                        d.ty()
                    ),
                    span,
                    format!("this is {}", d.ty()),
                    format!("write a {ty} default"),
                );
            }
        }
        hir_params.push(Param {
            local,
            name: p.name.clone(),
            ty: ty.clone(),
            default,
        });
    }
    let none_params: Vec<&str> = f
        .params
        .iter()
        .zip(params)
        .filter(|(_, t)| **t == Ty::None)
        .map(|(p, _)| p.name.as_str())
        .collect();
    if !none_params.is_empty() {
        scope::rebindable(&f.body, &none_params, &mut cx.rebind_at);
    }
    // Inference passes: walk quietly until the set of typed locals stops growing.
    let errors_before = cx.errors;
    for _ in 0..16 {
        let before = cx.locals.len();
        cx.quiet = true;
        cx.upgraded = false;
        cx.unbind_rebound(f);
        let _ = cx.block(&f.body);
        cx.quiet = false;
        if cx.locals.len() == before && !cx.upgraded {
            break;
        }
    }
    cx.errors = errors_before;
    cx.unbind_rebound(f);
    let body = cx.block(&f.body);
    let ret = match &cx.ret {
        RetSpec::Declared(t) => t.clone(),
        RetSpec::Inferred(Some((t, _))) => t.clone(),
        RetSpec::Inferred(None) => Ty::None,
    };
    if ret != Ty::None && cx.errors == 0 && scope::can_fall_through(&f.body) {
        cx.error(
            Code::MissingReturn,
            format!(
                "function `{}` can reach its end without returning a {ret}",
                f.name
            ),
            f.name_span,
            "some path does not return",
            "end every path with `return` or `raise` (falling off the end returns None)",
        );
    }
    if cx.errors > 0 {
        return None;
    }
    // The free variables of a lifted function and their flags: the last 2 * free_params params.
    let n = hir_params.len();
    let fp = f.free_params;
    let free_flags = (n - 2 * fp..n - fp)
        .map(|i| (hir_params[i].local, hir_params[i + fp].local))
        .collect();
    let display_name = if exported {
        f.name.clone()
    } else {
        let tys: Vec<String> = params.iter().map(|t| t.to_string()).collect();
        let scope = &cx.m.scopes[cx.scope];
        let module = if scope.library || scope.sibling {
            format!("{}.", scope.name)
        } else {
            String::new()
        };
        format!("{module}{}[{}]", f.name, tys.join(", "))
    };
    Some(Function {
        name: f.name.clone(),
        display_name,
        span: f.name_span,
        params: hir_params,
        ret,
        locals: cx.locals,
        body,
        exported,
        doc: f.doc.clone(),
        effects: Default::default(),
        free_flags,
        kernel: false,
    })
}

fn default_fits(c: &Const, ty: &Ty) -> bool {
    c.ty() == *ty
}

impl FnCx<'_, '_> {
    /// Reports an error (unless in a quiet pass).
    /// Binds an import inside the function to what it names, unless it names nothing the
    /// compiler knows or would shadow another binding of the name.
    fn bind_import(&mut self, a: &ast::Alias, target: Option<Global>) {
        let bound = a.asname.as_deref().unwrap_or(&a.name);
        let shadows = self.local_names.contains(bound)
            || matches!(self.m.global(self.scope, bound), Some(g) if Some(g) != target.as_ref());
        if let (Some(t), false) = (target, shadows) {
            self.local_modules.insert(bound.to_string(), t);
        } else {
            self.error(
                Code::UnsupportedSyntax,
                "imports inside functions are not supported",
                a.span,
                "import",
                "move the import to the top of the module",
            );
        }
    }

    /// What a module-level name of this function's module refers to.
    pub(crate) fn global(&self, name: &str) -> Option<&Global> {
        self.local_modules
            .get(name)
            .or_else(|| self.m.global(self.scope, name))
    }

    pub(crate) fn error(
        &mut self,
        code: Code,
        msg: impl Into<String>,
        span: Span,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.errors += 1;
        if !self.quiet {
            self.m
                .diags
                .push(Diagnostic::error(code, msg, span, label).with_help(help));
        }
    }

    fn is_pyaot_decorator(&self, d: &ast::Expr) -> bool {
        let base = match &d.kind {
            ast::ExprKind::Call { func, .. } => &**func,
            _ => d,
        };
        match &base.kind {
            ast::ExprKind::Name(n) => {
                matches!(self.global(n.as_str()), Some(Global::PyaotMember(_)))
            }
            ast::ExprKind::Attribute { value, .. } => {
                matches!(&value.kind, ast::ExprKind::Name(n) if matches!(self.global(n.as_str()), Some(Global::PyaotModule)))
                    || self.cuda_path(base).is_some()
            }
            _ => false,
        }
    }

    /// Gives every parameter name its parameter back (before a pass over the body): a None
    /// parameter given another value names a new local only after that assignment.
    fn unbind_rebound(&mut self, f: &ast::FunctionDef) {
        if self.rebind_at.is_empty() {
            return;
        }
        for (i, p) in f.params.iter().enumerate() {
            self.by_name.insert(p.name.clone(), LocalId(i as u32));
        }
    }

    /// Declares a local with its type.
    pub(crate) fn declare(&mut self, name: &str, ty: Ty, span: Span) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(LocalDecl {
            name: name.to_string(),
            ty,
            span,
        });
        self.by_name.insert(name.to_string(), id);
        id
    }

    /// The local `name` assigned a value of type `ty`: declared on first sight, else checked for a type change.
    pub(crate) fn assign_local(&mut self, name: &str, ty: &Ty, span: Span) -> Option<LocalId> {
        match self.by_name.get(name) {
            None => Some(self.declare(name, ty.clone(), span)),
            Some(&id) => {
                let decl = &self.locals[id.index()];
                if decl.ty == *ty || crate::numeric::widens_to(ty, &decl.ty) {
                    return Some(id);
                }
                // A Python number meets a fixed-width one of its kind: the variable becomes fixed-width,
                // as NumPy's `s = 0.0; s += x[i]` makes `s` a float64.
                let is_param = (id.index()) < self.n_params;
                if !is_param && crate::numeric::widens_to(&decl.ty, ty) {
                    self.locals[id.index()].ty = ty.clone();
                    self.upgraded = true;
                    return Some(id);
                }
                // `if k is None: k = 3` in the variant where `k` is None: from here on `k`
                // names a local of its own.
                if is_param && decl.ty == Ty::None && self.rebind_at.contains(&span.start) {
                    let key = format!("{name}$rebound");
                    let id = match self.by_name.get(&key) {
                        Some(&id) => id,
                        None => self.declare(&key, ty.clone(), span),
                    };
                    self.by_name.insert(name.to_string(), id);
                    return self.assign_local(name, ty, span);
                }
                let old = decl.ty.clone();
                let help = if is_param && old == Ty::None {
                    format!("a parameter that is None can be given a value only where every call reaches: at the top level of the function, or as `if {name} is None: {name} = ...`")
                } else {
                    format!("`{name}` was first given {} value; a variable keeps one type (convert explicitly, or use a new name)", crate::numeric::with_article(&old))
                };
                self.error(
                    Code::TypeChange,
                    format!("`{name}` changes type from {old} to {ty}"),
                    span,
                    format!("this is {ty}"),
                    help,
                );
                None
            }
        }
    }

    /// Makes each name mean the given local (or no local yet) until [`FnCx::unshadow`]: the
    /// scope of a comprehension or of a lambda's parameters.
    pub(crate) fn shadow(&mut self, names: Vec<(String, Option<LocalId>)>) -> Shadowed {
        let mut saved = Vec::new();
        for (n, inner) in names {
            saved.push((
                n.clone(),
                self.by_name.get(&n).copied(),
                self.local_names.contains(&n),
            ));
            match inner {
                Some(id) => self.by_name.insert(n.clone(), id),
                None => self.by_name.remove(&n),
            };
            self.local_names.insert(n);
        }
        Shadowed(saved)
    }

    /// Gives the names of a [`FnCx::shadow`] their outer meaning back.
    pub(crate) fn unshadow(&mut self, shadowed: Shadowed) {
        for (n, old, was_local) in shadowed.0.into_iter().rev() {
            match old {
                Some(id) => self.by_name.insert(n.clone(), id),
                None => self.by_name.remove(&n),
            };
            if !was_local {
                self.local_names.remove(&n);
            }
        }
    }

    /// Marks the names of an assignment target whose value failed to check.
    pub(crate) fn poison(&mut self, target: &ast::Expr) {
        // Only after a reported error: a quiet pass may fail merely because a type is not known yet.
        if self.quiet {
            return;
        }
        match &target.kind {
            ast::ExprKind::Name(n) => {
                self.poisoned.insert(n.clone());
            }
            ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
                items.iter().for_each(|i| self.poison(i))
            }
            _ => {}
        }
    }

    /// Checks a statement list.
    pub(crate) fn block(&mut self, body: &[ast::Stmt]) -> Vec<Stmt> {
        let mut out = Vec::new();
        for s in body {
            self.stmt(s, &mut out);
            // Statements after a `return`, `raise`, `break` or `continue` never run: they are not
            // checked (a branch chosen at compile time often ends in a `return` for these types).
            let jumps = |s: &Stmt| {
                matches!(
                    s.kind,
                    StmtKind::Return(_)
                        | StmtKind::Raise { .. }
                        | StmtKind::Break
                        | StmtKind::Continue
                )
            };
            if out.last().is_some_and(jumps) {
                break;
            }
        }
        out
    }

    fn stmt(&mut self, s: &ast::Stmt, out: &mut Vec<Stmt>) {
        let span = s.span;
        let mut push = |kind| out.push(Stmt { kind, span });
        match &s.kind {
            ast::StmtKind::Assign { targets, value } => {
                if let (
                    [t @ ast::Expr {
                        kind: ast::ExprKind::Name(name),
                        ..
                    }],
                    ast::ExprKind::List(items),
                ) = (targets.as_slice(), &value.kind)
                {
                    if let Some(k) = self.assign_list_display(name, t, items, value.span) {
                        push(k);
                    }
                    return;
                }
                if let [t @ ast::Expr {
                    kind: ast::ExprKind::Name(name),
                    ..
                }] = targets.as_slice()
                {
                    if let Some(k) = self.assign_container(name, t, value) {
                        if let Some(k) = k {
                            push(k);
                        }
                        return;
                    }
                }
                let Some(v) = self.expr(value) else {
                    targets.iter().for_each(|t| self.poison(t));
                    return;
                };
                if let [t @ ast::Expr {
                    kind: ast::ExprKind::Tuple(_) | ast::ExprKind::List(_),
                    ..
                }] = targets.as_slice()
                {
                    self.bind(t, v, out);
                    return;
                }
                if targets.len() == 1 {
                    if let Some(k) = self.assign(&targets[0], v) {
                        push(k);
                    }
                    return;
                }
                // `a = b = v`: evaluate once into the first target, copy into the others.
                let mut first: Option<Expr> = None;
                for t in targets {
                    let value = match &first {
                        None => v.clone(),
                        Some(e) => e.clone(),
                    };
                    if let Some(k) = self.assign(t, value) {
                        if first.is_none() {
                            if let StmtKind::Assign { target, value } = &k {
                                first = Some(Expr {
                                    kind: ExprKind::Local(*target),
                                    ty: value.ty.clone(),
                                    span: t.span,
                                });
                            }
                        }
                        push(k);
                    }
                }
            }
            ast::StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                let ty = match self.m.annotation(self.scope, annotation) {
                    Ok(t) => t,
                    Err(d) => {
                        self.errors += 1;
                        if !self.quiet {
                            self.m.diags.push(d);
                        }
                        return;
                    }
                };
                let ast::ExprKind::Name(name) = &target.kind else {
                    self.error(
                        Code::UnsupportedSyntax,
                        "only a plain name can be annotated",
                        target.span,
                        "annotated target",
                        "annotate a local variable name",
                    );
                    return;
                };
                if let Some(&id) = self.by_name.get(name.as_str()) {
                    if self.locals[id.index()].ty != ty {
                        let old = self.locals[id.index()].ty.clone();
                        self.error(
                            Code::TypeChange,
                            format!("`{name}` is annotated {ty} but holds {old}"),
                            annotation.span,
                            "annotation",
                            "a variable keeps one type",
                        );
                        return;
                    }
                } else if value.is_none() {
                    self.declare(name, ty.clone(), target.span);
                }
                if let Some(value) = value {
                    let Some(v) = self.expr_expecting(value, Some(&ty)) else {
                        return;
                    };
                    if v.ty != ty {
                        self.error(
                            Code::TypeMismatch,
                            format!("`{name}` is annotated {ty} but the value is {}", v.ty),
                            value.span,
                            format!("this is {}", v.ty),
                            conversion_help(&v.ty, &ty),
                        );
                        return;
                    }
                    if let Some(k) = self.assign(target, v) {
                        push(k);
                    }
                }
            }
            ast::StmtKind::AugAssign { target, op, value } => {
                if let ast::ExprKind::Subscript { value: base, index } = &target.kind {
                    if self.is_list(base) {
                        if let Some(l) = self.expr(base) {
                            self.list_aug_store(l, index, *op, value, span, out);
                        }
                        return;
                    }
                    if self.is_dict(base) {
                        if let Some(d) = self.expr(base) {
                            self.dict_aug_store(d, index, *op, value, span, out);
                        }
                        return;
                    }
                    self.aug_store(base, index, *op, value, span, out);
                    return;
                }
                let ast::ExprKind::Name(_) = &target.kind else {
                    self.error(
                        Code::UnsupportedSyntax,
                        "augmented assignment to this target is not supported",
                        target.span,
                        "target",
                        "assign to a local variable",
                    );
                    return;
                };
                let cur = self.expr(target);
                if let (
                    Some(
                        c @ Expr {
                            ty: Ty::List(_), ..
                        },
                    ),
                    ast::BinOp::Add,
                ) = (&cur, op)
                {
                    // `xs += ys` extends the list in place (other names for it see the change).
                    let c = c.clone();
                    let lt = c.ty.clone();
                    if let Some(other) = self.expr_expecting(value, Some(&lt)) {
                        if other.ty == lt {
                            push(StmtKind::Expr(crate::list::list_node(
                                pyaot_hir::ListOp::Extend,
                                vec![c, other],
                                Ty::None,
                                span,
                            )));
                        } else {
                            self.error(
                                Code::TypeMismatch,
                                format!("a {lt} is extended with a {}", other.ty),
                                value.span,
                                format!("this is {}", other.ty),
                                format!("add a {lt}"),
                            );
                        }
                    }
                    return;
                }
                if let Some(
                    c @ Expr {
                        ty: Ty::Array(_), ..
                    },
                ) = &cur
                {
                    // `a += b` updates the array in place, as NumPy does (other names for it see the change).
                    let c = c.clone();
                    if let Some(k) = self.array_aug_assign(c, *op, value, span) {
                        push(k);
                    }
                    return;
                }
                let rhs = self.expr(value);
                let Some(v) = cur.zip(rhs).and_then(|(c, r)| self.binary(*op, c, r, span)) else {
                    self.poison(target);
                    return;
                };
                if let Some(k) = self.assign(target, v) {
                    push(k);
                }
            }
            ast::StmtKind::Expr(e) => {
                if let ast::ExprKind::Str(_) = e.kind {
                    return;
                }
                if let Some(v) = self.expr(e) {
                    push(StmtKind::Expr(v));
                }
            }
            ast::StmtKind::Return(value) => {
                if let Some(k) = self.ret(value.as_ref(), span) {
                    // `return xs.append(y)` returns None after the call has run.
                    if let StmtKind::Return(Some(v)) = &k {
                        if v.ty == Ty::None {
                            push(StmtKind::Expr(v.clone()));
                            push(StmtKind::Return(None));
                            return;
                        }
                    }
                    push(k);
                }
            }
            ast::StmtKind::If { test, body, orelse } => {
                let cond = self.condition(test);
                // A condition known at compile time (`if a.ndim == 1`, `if axis is None`, a dtype
                // test) checks only the branch taken: the other may not type-check for these types.
                if let Some((effect, taken)) = cond.as_ref().and_then(static_truth) {
                    if let Some(e) = effect {
                        out.push(Stmt {
                            kind: StmtKind::Expr(e),
                            span,
                        });
                    }
                    let body = self.block(if taken { body } else { orelse });
                    out.extend(body);
                    return;
                }
                let then_body = self.block(body);
                let else_body = self.block(orelse);
                if let Some(cond) = cond {
                    push(StmtKind::If {
                        cond,
                        then_body,
                        else_body,
                    });
                }
            }
            ast::StmtKind::While { test, body, orelse } => {
                let cond = self.condition(test);
                self.loop_depth += 1;
                let body = self.block(body);
                self.loop_depth -= 1;
                let orelse = self.block(orelse);
                if let Some(cond) = cond {
                    push(StmtKind::While { cond, body, orelse });
                }
            }
            ast::StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_loop(target, iter, body, orelse, span, out),
            ast::StmtKind::Break | ast::StmtKind::Continue => {
                let is_break = matches!(s.kind, ast::StmtKind::Break);
                let word = if is_break { "break" } else { "continue" };
                if self.loop_depth == 0 {
                    self.error(
                        Code::OutsideLoop,
                        format!("`{word}` outside a loop"),
                        span,
                        "not in a loop",
                        format!("`{word}` must be inside a `for` or `while` loop"),
                    );
                    return;
                }
                push(if is_break {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                });
            }
            ast::StmtKind::Pass => {}
            ast::StmtKind::Delete(targets) => {
                for k in self.delete(targets, span) {
                    push(k);
                }
            }
            ast::StmtKind::Assert { test, msg } => {
                let cond = self.condition(test);
                let msg = match msg {
                    None => Some(None),
                    Some(ast::Expr {
                        kind: ast::ExprKind::Str(s),
                        ..
                    }) => Some(Some(s.clone())),
                    Some(other) => {
                        // `if not cond: raise AssertionError(message)`: the message is made only
                        // when the assertion fails, as in CPython.
                        let raise = self.raise_with(ExcKind::AssertionError, other, span);
                        if let (Some(cond), Some(raise)) = (cond, raise) {
                            let failed = Expr {
                                span: cond.span,
                                ty: Ty::Bool,
                                kind: ExprKind::Not(Box::new(cond)),
                            };
                            push(StmtKind::If {
                                cond: failed,
                                then_body: vec![Stmt { kind: raise, span }],
                                else_body: Vec::new(),
                            });
                        }
                        return;
                    }
                };
                if let (Some(cond), Some(msg)) = (cond, msg) {
                    push(StmtKind::Assert { cond, msg });
                }
            }
            ast::StmtKind::Raise { exc, has_cause } => {
                if let Some(k) = self.raise(exc.as_ref(), *has_cause, span) {
                    push(k);
                }
            }
            ast::StmtKind::FunctionDef(f) => {
                self.error(
                    Code::UnsupportedSyntax,
                    "nested functions are not supported yet",
                    f.name_span,
                    "nested function",
                    "define the function at module level and pass it what it reads from this one",
                );
            }
            ast::StmtKind::Import(aliases) => {
                // `import numpy as np` inside a function binds the module for this function.
                for a in aliases {
                    let module = match a.name.as_str() {
                        "numpy" => Some(Global::NumpyModule),
                        "math" => Some(Global::MathModule),
                        "cmath" => Some(Global::CmathModule),
                        _ => None,
                    };
                    self.bind_import(a, module);
                }
            }
            ast::StmtKind::ImportFrom { module, names } => {
                // `from math import sqrt` inside a function binds the name for this function.
                for a in names {
                    let member = match module.as_str() {
                        "math" => Some(Global::MathMember(a.name.clone())),
                        "cmath" => Some(Global::CmathMember(a.name.clone())),
                        "numpy" => Some(Global::NumpyMember(a.name.clone())),
                        _ => None,
                    };
                    self.bind_import(a, member);
                }
            }
            ast::StmtKind::ClassDef { .. } => {
                self.error(
                    Code::UnsupportedSyntax,
                    "class definition is not supported in compiled functions",
                    span,
                    "class definition",
                    crate::unsupported::alternative("class definition"),
                );
            }
            ast::StmtKind::Nonlocal(_) => {
                self.error(
                    Code::UnsupportedSyntax,
                    "`nonlocal` is only supported in a function nested in a module function",
                    span,
                    "`nonlocal` statement",
                    "assign the variable first in the enclosing function, at its top level, before the nested function",
                );
            }
            ast::StmtKind::Unsupported(what) => {
                self.error(
                    Code::UnsupportedSyntax,
                    format!("{what} is not supported in compiled functions"),
                    span,
                    *what,
                    crate::unsupported::alternative(what),
                );
            }
        }
    }

    /// An assignment of `value` to `target`.
    pub(crate) fn assign(&mut self, target: &ast::Expr, value: Expr) -> Option<StmtKind> {
        match &target.kind {
            ast::ExprKind::Name(name) => {
                if value.ty == Ty::None {
                    self.error(
                        Code::TypeMismatch,
                        format!("`{name}` cannot hold None"),
                        value.span,
                        "this is None",
                        "compiled code has no None values",
                    );
                    return None;
                }
                let id = self.assign_local(name, &value.ty, target.span)?;
                let value = match &self.locals[id.index()].ty {
                    Ty::Scalar(d) => crate::numeric::to_dtype(value, *d),
                    want @ Ty::Array(_) => crate::numeric::as_array_param(value, want),
                    _ => value,
                };
                Some(StmtKind::Assign { target: id, value })
            }
            ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
                let Ty::Tuple(tys) = &value.ty else {
                    self.error(
                        Code::TypeMismatch,
                        format!("cannot unpack a {}", value.ty),
                        value.span,
                        format!("this is {}", value.ty),
                        "unpack a tuple",
                    );
                    return None;
                };
                if tys.len() != items.len() {
                    self.error(
                        Code::TypeMismatch,
                        format!(
                            "cannot unpack {} values into {} names",
                            tys.len(),
                            items.len()
                        ),
                        target.span,
                        "targets",
                        "use as many names as the tuple has items",
                    );
                    return None;
                }
                let mut ids = Vec::new();
                for (item, ty) in items.iter().zip(tys.clone()) {
                    let ast::ExprKind::Name(name) = &item.kind else {
                        self.error(
                            Code::UnsupportedSyntax,
                            "only names can be unpacked into",
                            item.span,
                            "not a plain name",
                            "unpack into local variable names",
                        );
                        return None;
                    };
                    ids.push(self.assign_local(name, &ty, item.span));
                }
                let ids: Option<Vec<LocalId>> = ids.into_iter().collect();
                Some(StmtKind::AssignTuple {
                    targets: ids?,
                    value,
                })
            }
            ast::ExprKind::Subscript { value: base, index } => {
                if let ast::ExprKind::Name(n) = &base.kind {
                    self.infer_empty_container(&n.clone(), index, Some(value.ty.clone()));
                }
                let array = self.expr(base)?;
                if let Ty::List(_) = array.ty {
                    return self.list_store(array, index, value, target.span);
                }
                if let Ty::Dict(..) = array.ty {
                    return self.dict_store(array, index, value, target.span);
                }
                let Ty::Array(a) = array.ty else {
                    self.error(
                        Code::UnsupportedSyntax,
                        format!("item assignment into a {} is not supported", array.ty),
                        target.span,
                        "subscript target",
                        "only array elements can be assigned",
                    );
                    return None;
                };
                if self.is_fancy_index(index) {
                    let idx = self.expr(index)?;
                    let call = self.fancy_set(array, idx, value, target.span)?;
                    return Some(StmtKind::Expr(call));
                }
                let place = self.index(array, a, index, target.span)?;
                match place.kind {
                    ExprKind::Index { array, indices } => self.store(*array, indices, value),
                    _ => self.store_view(place, value),
                }
            }
            _ => {
                self.error(
                    Code::UnsupportedSyntax,
                    "this assignment target is not supported",
                    target.span,
                    "target",
                    "assign to a local variable name",
                );
                None
            }
        }
    }

    /// A returned expression. Under a declared `bool` or `b1` return, `and`/`or` may mix bools and
    /// np.bool_ values: the annotation converts whichever operand decides, so each converts first.
    fn returned(&mut self, e: &ast::Expr) -> Option<Expr> {
        // `return name` of a name assigned `[]`, `{}` or `set()`: the declared type decides it.
        if let (
            ast::ExprKind::Name(n),
            RetSpec::Declared(t @ (Ty::List(_) | Ty::Dict(..) | Ty::Set(_))),
        ) = (&e.kind, &self.ret)
        {
            if !self.by_name.contains_key(n) && self.empty_lists.contains(n) {
                let t = t.clone();
                self.declare(n, t, e.span);
            }
        }
        if let (RetSpec::Declared(t @ Ty::List(_)), ast::ExprKind::List(items)) =
            (&self.ret, &e.kind)
        {
            let t = t.clone();
            return self.list_display(items, Some(&t), e.span);
        }
        if let RetSpec::Declared(t @ Ty::TupleOf(_)) = &self.ret {
            let t = t.clone();
            return self.expr_expecting(e, Some(&t));
        }
        let want = match &self.ret {
            RetSpec::Declared(t @ (Ty::Bool | Ty::Scalar(pyaot_hir::Dtype::B1))) => t.clone(),
            _ => return self.expr(e),
        };
        let ast::ExprKind::BoolOp { op, values } = &e.kind else {
            return self.expr(e);
        };
        let op = crate::expr::logic_op(*op);
        let vals: Vec<Option<Expr>> = values.iter().map(|v| self.returned(v)).collect();
        let vals = vals.into_iter().collect::<Option<Vec<Expr>>>()?;
        let vals: Vec<Expr> = vals
            .into_iter()
            .map(|v| crate::numeric::coerce_return(v, &want))
            .collect();
        if vals.iter().any(|v| v.ty != want) {
            // Not a bool-like operand: the ordinary rules report it.
            return self.expr(e);
        }
        crate::expr::fold_logic(op, vals, &want)
    }

    fn ret(&mut self, value: Option<&ast::Expr>, span: Span) -> Option<StmtKind> {
        let v = match value {
            None => None,
            Some(ast::Expr {
                kind: ast::ExprKind::NoneLit,
                ..
            }) => None,
            // A returned lambda leaves the function: a closure.
            Some(e) => Some(self.returned(e).and_then(|v| self.closure(v))?),
        };
        let ty = v.as_ref().map_or(Ty::None, |v| v.ty.clone());
        let vspan = v.as_ref().map_or(span, |v| v.span);
        let (v, ty) = match (&self.ret, v) {
            (RetSpec::Declared(want), Some(v)) => {
                let v = match want {
                    Ty::TupleOf(item) => {
                        let item = (**item).clone();
                        self.as_var_tuple(v, &item)
                    }
                    _ => v,
                };
                let want = match &self.ret {
                    RetSpec::Declared(t) => t.clone(),
                    RetSpec::Inferred(_) => unreachable!("declared"),
                };
                let v = crate::numeric::coerce_return(v, &want);
                let ty = v.ty.clone();
                (Some(v), ty)
            }
            // A helper returning a contiguous array in one place and a strided one in another
            // returns strided arrays (the same ABI).
            (RetSpec::Inferred(Some((want, _))), Some(v))
                if crate::numeric::widens_to(&v.ty, want) =>
            {
                let v = crate::numeric::as_array_param(v, want);
                let ty = v.ty.clone();
                (Some(v), ty)
            }
            (_, v) => (v, ty),
        };
        match &mut self.ret {
            RetSpec::Declared(want) => {
                if ty != *want {
                    let want = want.clone();
                    self.error(
                        Code::ReturnMismatch,
                        format!("returns {ty} but the function is declared to return {want}"),
                        vspan,
                        format!("this is {ty}"),
                        conversion_help(&ty, &want),
                    );
                    return None;
                }
            }
            RetSpec::Inferred(slot) => match slot {
                None => {
                    *slot = Some((ty.clone(), vspan));
                    // Publish the type at once, so recursive calls can use it.
                    let id = self.id;
                    if let Some(inst) = self.m.instances.values_mut().find(|i| i.id == id) {
                        inst.ret = Some(ty.clone());
                    }
                }
                Some((want, _)) if crate::numeric::widens_to(want, &ty) => {
                    *want = ty.clone();
                    self.upgraded = true;
                    let id = self.id;
                    if let Some(inst) = self.m.instances.values_mut().find(|i| i.id == id) {
                        inst.ret = Some(ty.clone());
                    }
                }
                Some((want, _)) if *want != ty => {
                    let want = want.clone();
                    self.error(
                        Code::ReturnMismatch,
                        format!("returns {ty} but an earlier `return` gives {want}"),
                        vspan,
                        format!("this is {ty}"),
                        if matches!((&want, &ty), (Ty::Func(_), Ty::Func(_))) {
                            "which function a value names is fixed when compiling: return one function and decide inside it (`lambda x: x + k if flag else x - k`)"
                        } else {
                            "every `return` of a function gives the same type"
                        },
                    );
                    return None;
                }
                Some(_) => {}
            },
        }
        if let Some(v) = &v {
            if v.ty == Ty::None && matches!(v.kind, ExprKind::Const(_)) {
                return Some(StmtKind::Return(None));
            }
        }
        Some(StmtKind::Return(v))
    }

    fn raise(&mut self, exc: Option<&ast::Expr>, has_cause: bool, span: Span) -> Option<StmtKind> {
        let help = "raise a builtin exception such as `raise ValueError(\"message\")`";
        let Some(exc) = exc else {
            self.error(
                Code::BadRaise,
                "a bare `raise` is not supported",
                span,
                "re-raise",
                help,
            );
            return None;
        };
        if has_cause {
            self.error(
                Code::BadRaise,
                "`raise ... from ...` is not supported",
                span,
                "exception chaining",
                help,
            );
            return None;
        }
        let (name_expr, args): (&ast::Expr, &[ast::Expr]) = match &exc.kind {
            ast::ExprKind::Call {
                func,
                args,
                keywords,
            } if keywords.is_empty() => (func, args),
            _ => (exc, &[]),
        };
        let kind = match &name_expr.kind {
            ast::ExprKind::Name(n)
                if !self.local_names.contains(n) && self.global(n.as_str()).is_none() =>
            {
                ExcKind::from_name(n)
            }
            _ => None,
        };
        let Some(kind) = kind else {
            self.error(
                Code::BadRaise,
                "only builtin exceptions can be raised",
                name_expr.span,
                "not a builtin exception",
                help,
            );
            return None;
        };
        let msg = match args {
            [] => None,
            [ast::Expr {
                kind: ast::ExprKind::Str(s),
                ..
            }] => Some(s.clone()),
            [m] => return self.raise_with(kind, m, span),
            [other, ..] => {
                self.error(
                    Code::BadRaise,
                    "an exception message must be a single string literal",
                    other.span,
                    "not a string literal",
                    help,
                );
                return None;
            }
        };
        Some(StmtKind::Raise { exc: kind, msg })
    }

    /// `reversed(range(a, b, s))` as the range of the same values backwards, from
    /// `a + (len - 1) * s` down to `a` by `-s`, when `a`, `b` and `s` may be evaluated again.
    fn reversed_range(&self, iter: &ast::Expr) -> Option<ast::Expr> {
        let ast::ExprKind::Call {
            func,
            args,
            keywords,
        } = &iter.kind
        else {
            return None;
        };
        let ast::ExprKind::Name(f) = &func.kind else {
            return None;
        };
        if f != "reversed" || self.global(f).is_some() || self.local_names.contains(f) {
            return None;
        }
        let ([inner], []) = (args.as_slice(), keywords.as_slice()) else {
            return None;
        };
        let ast::ExprKind::Call {
            func: rf,
            args: rargs,
            keywords: rkw,
        } = &inner.kind
        else {
            return None;
        };
        if !rkw.is_empty() || !self.is_range(rf) || !rargs.iter().all(crate::expr::pure) {
            return None;
        }
        let span = iter.span;
        let e = |kind| ast::Expr { kind, span };
        let int = |v| e(ast::ExprKind::Int(Some(v)));
        let bin = |l: ast::Expr, op, r: ast::Expr| {
            e(ast::ExprKind::BinOp {
                left: Box::new(l),
                op,
                right: Box::new(r),
            })
        };
        let (start, step) = match rargs.as_slice() {
            [_] => (int(0), int(1)),
            [a, _] => (a.clone(), int(1)),
            [a, _, s] => (a.clone(), s.clone()),
            _ => return None,
        };
        let len = e(ast::ExprKind::Call {
            func: Box::new(e(ast::ExprKind::Name("len".into()))),
            args: vec![inner.clone()],
            keywords: Vec::new(),
        });
        let cmp = |l: ast::Expr, op, r: ast::Expr| {
            e(ast::ExprKind::Compare {
                left: Box::new(l),
                ops: vec![op],
                comparators: vec![r],
            })
        };
        let pick = |test: ast::Expr, body: ast::Expr, orelse: ast::Expr| {
            e(ast::ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            })
        };
        // Values stay within the range, and the stop one past `a` (or `a` when empty), so no
        // intermediate leaves 64 bits unless `a` is the smallest or largest int.
        let nonempty = cmp(len.clone(), ast::CmpOp::Gt, int(0));
        let last = pick(
            nonempty.clone(),
            bin(
                start.clone(),
                ast::BinOp::Add,
                bin(
                    bin(len, ast::BinOp::Sub, int(1)),
                    ast::BinOp::Mul,
                    step.clone(),
                ),
            ),
            start.clone(),
        );
        let past = pick(
            cmp(step.clone(), ast::CmpOp::Gt, int(0)),
            bin(start.clone(), ast::BinOp::Sub, int(1)),
            bin(start.clone(), ast::BinOp::Add, int(1)),
        );
        let stop = pick(nonempty, past, start);
        let neg = e(ast::ExprKind::UnaryOp {
            op: ast::UnaryOp::Neg,
            operand: Box::new(step),
        });
        Some(e(ast::ExprKind::Call {
            func: rf.clone(),
            args: vec![last, stop, neg],
            keywords: Vec::new(),
        }))
    }

    fn for_loop(
        &mut self,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        if let Some(forward) = self.reversed_range(iter) {
            return self.for_loop(target, &forward, body, orelse, span, out);
        }
        let range_args = match &iter.kind {
            ast::ExprKind::Call {
                func,
                args,
                keywords,
            } if keywords.is_empty() && self.is_range(func) => Some(args),
            _ => None,
        };
        let Some(args) = range_args.filter(|_| matches!(target.kind, ast::ExprKind::Name(_)))
        else {
            if let ast::ExprKind::Call {
                func,
                args: dims,
                keywords,
            } = &iter.kind
            {
                if keywords.is_empty() && self.numpy_member(func).as_deref() == Some("ndindex") {
                    self.for_ndindex(target, dims, body, orelse, span, out);
                    return;
                }
            }
            self.for_seq(target, iter, body, orelse, span, out);
            return;
        };
        if args.is_empty() || args.len() > 3 {
            self.error(
                Code::ArgumentMismatch,
                format!("range expected 1 to 3 arguments, got {}", args.len()),
                iter.span,
                "range call",
                "call range(stop), range(start, stop) or range(start, stop, step)",
            );
            return;
        }
        let mut vals = Vec::new();
        for a in args {
            let v = self.expr(a).and_then(|v| self.int_arg(v, "range"));
            vals.push(v);
        }
        let ast::ExprKind::Name(name) = &target.kind else {
            self.error(
                Code::UnsupportedSyntax,
                "the loop variable must be a plain name",
                target.span,
                "loop target",
                "write `for i in range(...)`",
            );
            return;
        };
        let var = self.assign_local(name, &Ty::Int, target.span);
        self.loop_depth += 1;
        let body = self.block(body);
        self.loop_depth -= 1;
        let orelse = self.block(orelse);
        let vals: Option<Vec<Expr>> = vals.into_iter().collect();
        let (Some(var), Some(mut vals)) = (var, vals) else {
            return;
        };
        let int = |v: i64| Expr {
            kind: ExprKind::Const(Const::Int(v)),
            ty: Ty::Int,
            span: iter.span,
        };
        let (start, stop, step) = match vals.len() {
            1 => (int(0), vals.remove(0), int(1)),
            2 => {
                let stop = vals.remove(1);
                (vals.remove(0), stop, int(1))
            }
            _ => {
                let step = vals.remove(2);
                let stop = vals.remove(1);
                (vals.remove(0), stop, step)
            }
        };
        out.push(Stmt {
            kind: StmtKind::ForRange {
                var,
                start,
                stop,
                step,
                body,
                orelse,
            },
            span,
        });
    }

    pub(crate) fn is_range(&self, func: &ast::Expr) -> bool {
        match &func.kind {
            ast::ExprKind::Name(n) if self.local_names.contains(n) => false,
            ast::ExprKind::Name(n) => match self.global(n.as_str()) {
                None => n == "range",
                Some(Global::PyaotMember(m)) => m == "prange",
                _ => false,
            },
            ast::ExprKind::Attribute { value, attr, .. } => {
                attr == "prange"
                    && matches!(&value.kind, ast::ExprKind::Name(n) if matches!(self.global(n.as_str()), Some(Global::PyaotModule)))
            }
            _ => false,
        }
    }

    /// A `bool` condition from any scalar expression (Python truthiness).
    ///
    /// Under `and`/`or` only truthiness matters here, so the operands may have different types
    /// (`j >= 0 and a[j] > key` mixes a bool and an np.bool_); each becomes a condition itself.
    pub(crate) fn condition(&mut self, e: &ast::Expr) -> Option<Expr> {
        let ast::ExprKind::BoolOp { op, values } = &e.kind else {
            let v = self.expr(e)?;
            return self.truth(v);
        };
        let op = crate::expr::logic_op(*op);
        let conds: Vec<Option<Expr>> = values.iter().map(|v| self.condition(v)).collect();
        let conds = conds.into_iter().collect::<Option<Vec<Expr>>>()?;
        crate::expr::fold_logic(op, conds, &Ty::Bool)
    }

    /// Specialises helper `def` for the argument types (or finds the existing specialisation).
    pub(crate) fn instance(
        &mut self,
        def: usize,
        tys: Vec<Ty>,
        span: Span,
    ) -> Option<(FuncId, Ty)> {
        if let DefKind::Exported { .. } | DefKind::Broken = self.m.defs[def].kind {
            return None;
        }
        let lambda =
            |t: &Ty| matches!(t, Ty::Func(v) if matches!(v.kind, pyaot_hir::FuncKind::Lambda(_)));
        if tys.iter().any(lambda) {
            self.error(
                Code::UnsupportedSyntax,
                "a lambda that reads this function's variables can only be called in the function that defines it",
                span,
                "lambda passed on",
                "pass those variables to the callee as arguments (a lambda reading none of them can be passed), or define a module-level function",
            );
            return None;
        }
        let key = (def, tys.clone());
        if let Some(inst) = self.m.instances.get(&key) {
            if !self.quiet {
                self.m.requests.push((self.id, inst.id));
            }
            if inst.failed {
                self.errors += 1;
                return None;
            }
            return match &inst.ret {
                Some(t) => Some((inst.id, t.clone())),
                None => {
                    let name = self.m.defs[def].ast.name.clone();
                    self.error(
                        Code::RecursiveInference,
                        format!("cannot infer the return type of recursive helper `{name}`"),
                        span,
                        "recursive call",
                        format!("annotate `{name}`'s parameters and return type, or put a non-recursive `return` first"),
                    );
                    None
                }
            };
        }
        let id = FuncId(self.m.funcs.len() as u32);
        self.m.funcs.push(None);
        if !self.quiet {
            self.m.requests.push((self.id, id));
        }
        // A helper that never returns a value returns None: known before its body is checked,
        // so a recursive call inside it needs no return first (a depth-first search).
        let ret = (!scope::returns_value(&self.m.defs[def].ast.body)).then_some(Ty::None);
        self.m.instances.insert(
            key.clone(),
            crate::items::Instance {
                id,
                ret,
                failed: false,
            },
        );
        let mark = self.m.diags.len();
        let f = check_function_helper(self.m, def, id, &tys);
        if f.is_none() {
            self.blame_library_call(def, &tys, mark, span);
        }
        let end = self.m.diags.len();
        self.m.checked_ranges.push((id, mark, end));
        let ret = f.as_ref().map(|f| f.ret.clone());
        let inst = self.m.instances.get_mut(&key).expect("instance");
        inst.failed = f.is_none();
        inst.ret = ret.clone();
        self.m.funcs[id.index()] = f;
        match ret {
            Some(t) => Some((id, t)),
            None => {
                self.errors += 1;
                None
            }
        }
    }
}

impl FnCx<'_, '_> {
    /// A library function that does not compile for the user's arguments is reported at the user's
    /// call, naming the function and the argument types, with the library's reason as help: the
    /// library's own source is not the user's to fix.
    fn blame_library_call(&mut self, def: usize, tys: &[Ty], mark: usize, span: Span) {
        let lib = self.m.defs[def].scope;
        if !self.m.scopes[lib].library || self.m.scopes[self.scope].library {
            return;
        }
        let inner: Vec<Diagnostic> = self.m.diags.drain(mark..).collect();
        // The ranges of specialisations checked inside name drained diagnostics.
        self.m.checked_ranges.retain(|&(_, start, _)| start < mark);
        let reason = inner.iter().find(|d| d.is_error()).map_or_else(
            || "a library function it calls does not support these types".to_string(),
            |d| d.message.clone(),
        );
        let name = format!("{}.{}", self.m.scopes[lib].name, self.m.defs[def].ast.name);
        let tys: Vec<String> = tys.iter().map(|t| t.to_string()).collect();
        self.m.diags.push(
            Diagnostic::error(
                Code::UnsupportedLibraryCall,
                format!(
                    "`{name}` is not supported for arguments ({})",
                    tys.join(", ")
                ),
                span,
                "not supported for these arguments",
            )
            .with_help(format!("inside `{name}`: {reason}")),
        );
    }
}

/// Checks a helper specialisation; its return type becomes visible to recursive calls as soon as a `return` types it.
fn check_function_helper(
    m: &mut ModuleCx<'_>,
    def: usize,
    id: FuncId,
    tys: &[Ty],
) -> Option<Function> {
    check_function(m, def, id, tys, None, false)
}

/// The value of a condition known at compile time, with an expression still to evaluate for its effects.
fn static_truth(cond: &Expr) -> Option<(Option<Expr>, bool)> {
    let Some(Const::Bool(b)) = crate::expr::static_value(cond) else {
        return None;
    };
    let effect = (!matches!(cond.kind, ExprKind::Const(_))).then(|| cond.clone());
    Some((effect, b))
}

/// A help line for a value of type `got` where `want` is needed.
pub(crate) fn conversion_help(got: &Ty, want: &Ty) -> String {
    match (got, want) {
        (Ty::Int | Ty::Bool, Ty::Float) => "convert explicitly with float(...) (compiled code does not convert int to float implicitly)".into(),
        (Ty::Float, Ty::Int) => "convert explicitly with int(...) or round(...)".into(),
        (Ty::Bool, Ty::Int) => "convert explicitly with int(...)".into(),
        _ => format!("give it a {want} value"),
    }
}
