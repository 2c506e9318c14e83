//! Module items: imports, constants and functions, and the module-wide state of checking.

use std::collections::HashMap;

use pyaot_diagnostics::{Code, Diagnostic};
use pyaot_hir::{Const, FuncId, Function, Ty};
use pyaot_syntax::ast::{self, ExprKind, StmtKind};

use crate::expr::fold_const;

/// What a module-level name refers to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Global {
    Const(Const),
    /// A function definition: an index into [`ModuleCx::defs`].
    Func(usize),
    /// The `math` module.
    MathModule,
    /// A name imported from `math` (its name there).
    MathMember(String),
    /// The `cmath` module.
    CmathModule,
    /// A name imported from `cmath` (its name there).
    CmathMember(String),
    /// The `pyaot` package.
    PyaotModule,
    /// A name imported from `pyaot` (its name there).
    PyaotMember(String),
    /// The `numpy` module.
    NumpyModule,
    /// The `numpy.typing` module (for annotations).
    NumpyTyping,
    /// A name imported from `numpy` or `numpy.typing` (`NDArray`, `float64`), for annotations.
    NumpyMember(String),
    /// A class defined at module level: not compiled, known only to explain that.
    Class,
    /// Another module of the package being built (`from . import util`): an index into
    /// [`ModuleCx::scopes`]. Its functions are called directly and its constants are constants.
    Sibling(usize),
}

/// How a function definition is compiled.
#[derive(Clone, Debug)]
pub(crate) enum DefKind {
    /// All parameters and the return annotated: exported with this signature.
    Exported {
        id: FuncId,
        params: Vec<Ty>,
        ret: Ty,
    },
    /// Compiled per call site for the argument types.
    Helper,
    /// Every parameter annotated, the return not: exported with the annotated parameters and
    /// the return type its body gives, and compiled per call site, like a helper, where compiled
    /// code calls it (CPython does not convert the arguments of such a call either).
    ExportedInferred { id: FuncId, params: Vec<Ty> },
    /// Some parameters annotated with unions (`x: int | float`): exported once per choice of
    /// types (each variant checked with its parameters' types, so `isinstance` decides), the
    /// wrapper calling the variant the arguments' Python types select.
    ExportedUnion {
        variants: Vec<(FuncId, Vec<Ty>)>,
        ret: Option<Ty>,
    },
    /// A GPU kernel (`@cuda.kernel`): compiled for the GPU with the annotated parameters.
    Kernel { id: FuncId, params: Vec<Ty> },
    /// Annotations are present but invalid: already reported.
    Broken,
}

/// One `def` at module level.
pub(crate) struct Def<'a> {
    pub ast: &'a ast::FunctionDef,
    /// The module it is defined in: an index into [`ModuleCx::scopes`].
    pub scope: usize,
    pub kind: DefKind,
    /// Constant defaults, by parameter (already checked).
    pub defaults: Vec<Option<Const>>,
}

/// A helper specialisation: its id and, once known, its return type.
#[derive(Clone, Debug)]
pub(crate) struct Instance {
    pub id: FuncId,
    pub ret: Option<Ty>,
    pub failed: bool,
}

/// The module-level names of one module: the user's (scope 0) or a bundled library module.
pub(crate) struct Scope<'a> {
    /// The import name (`numpy`) of a library module; the user's module's own name.
    pub name: String,
    pub globals: HashMap<&'a str, Global>,
    /// The parsed file, for messages that name a line.
    pub ast: &'a ast::Module,
    /// A bundled library module: its functions are helpers specialised per call, never exported.
    pub library: bool,
    /// Names the module's Python part binds when it is imported (other imports, values that
    /// are not constants), with what binds them: compiled code cannot read them.
    pub python_names: HashMap<String, String>,
    /// Another module of the package being built: its functions are helpers of this build.
    pub sibling: bool,
}

/// Another module of the package the user's module belongs to, handed to sema: its dotted name
/// (`mypkg.util`) and parsed file. The user's module calls its functions directly.
pub struct SiblingModule<'a> {
    pub name: &'a str,
    pub ast: &'a ast::Module,
}

/// `from .util import clamp` (or `from . import util`) waiting for every scope to be collected.
struct PendingImport<'a> {
    scope: usize,
    bound: &'a str,
    module: String,
    /// The imported name; `None` binds the module itself.
    member: Option<String>,
}

/// A bundled library module handed to sema: its import name and parsed file.
pub struct LibraryModule<'a> {
    pub name: &'a str,
    pub ast: &'a ast::Module,
}

/// The scope of the user's module.
pub(crate) const USER: usize = 0;

/// The state of checking one module together with the library modules it may call.
pub(crate) struct ModuleCx<'a> {
    /// The user's module first, then the library modules.
    pub scopes: Vec<Scope<'a>>,
    /// Definitions of every scope.
    pub defs: Vec<Def<'a>>,
    /// Checked functions by id; `None` while in progress or after errors.
    pub funcs: Vec<Option<Function>>,
    pub instances: HashMap<(usize, Vec<Ty>), Instance>,
    pub diags: Vec<Diagnostic>,
    /// The exported functions: where the functions kept start (see `reach.rs`).
    pub roots: Vec<FuncId>,
    /// Specialisations asked for outside inference passes: (caller, callee).
    pub requests: Vec<(FuncId, FuncId)>,
    /// The diagnostics made while checking each specialisation: (it, first, end).
    pub checked_ranges: Vec<(FuncId, usize, usize)>,
    /// Imports from other modules of the package, resolved once every scope is collected.
    pending: Vec<PendingImport<'a>>,
    /// The scope whose items are being collected.
    collecting: usize,
}

impl<'a> ModuleCx<'a> {
    /// Collects imports, constants and definitions of the user's module and of the library modules,
    /// warning about everything else in the user's module.
    pub(crate) fn collect(
        name: &str,
        module: &'a ast::Module,
        libs: &[LibraryModule<'a>],
        siblings: &[SiblingModule<'a>],
    ) -> ModuleCx<'a> {
        let mut cx = ModuleCx {
            scopes: Vec::new(),
            defs: Vec::new(),
            funcs: Vec::new(),
            instances: HashMap::new(),
            diags: Vec::new(),
            roots: Vec::new(),
            requests: Vec::new(),
            checked_ranges: Vec::new(),
            pending: Vec::new(),
            collecting: USER,
        };
        let all = std::iter::once((name, module, false, false))
            .chain(libs.iter().map(|l| (l.name, l.ast, true, false)))
            .chain(siblings.iter().map(|s| (s.name, s.ast, false, true)));
        for (name, ast, library, sibling) in all {
            cx.scopes.push(Scope {
                name: name.to_string(),
                globals: HashMap::new(),
                ast,
                library,
                python_names: HashMap::new(),
                sibling,
            });
        }
        for i in 0..cx.scopes.len() {
            cx.collecting = i;
            let ast = cx.scopes[i].ast;
            for stmt in &ast.body {
                cx.collect_stmt(stmt);
            }
        }
        cx.resolve_sibling_imports();
        cx.collecting = USER;
        cx.assign_exported_ids();
        cx
    }

    /// What `name` refers to at the top level of module `scope`.
    pub(crate) fn global(&self, scope: usize, name: &str) -> Option<&Global> {
        self.scopes[scope].globals.get(name)
    }

    /// The library module imported as `name`, if bundled.
    pub(crate) fn library(&self, name: &str) -> Option<usize> {
        self.scopes.iter().position(|s| s.library && s.name == name)
    }

    /// Where definition `d` is, for help lines: `at line 3` or `in the bundled numpy module`.
    pub(crate) fn def_location(&self, d: usize) -> String {
        let def = &self.defs[d];
        let scope = &self.scopes[def.scope];
        if scope.library {
            format!("in the bundled `{}` module", scope.name)
        } else {
            format!("at line {}", scope.ast.line_of(def.ast.name_span.start))
        }
    }

    fn globals_mut(&mut self) -> &mut HashMap<&'a str, Global> {
        &mut self.scopes[self.collecting].globals
    }

    /// The scope of the package module named `dotted`, if it is part of this build.
    fn sibling_scope(&self, dotted: &str) -> Option<usize> {
        self.scopes
            .iter()
            .position(|s| (s.sibling || !s.library) && s.name == dotted)
    }

    /// The dotted name `module` (`.util`, `..x`, `mypkg.util`) means in the scope being collected.
    fn absolute_module(&self, module: &str) -> String {
        let dots = module.len() - module.trim_start_matches('.').len();
        if dots == 0 {
            return module.to_string();
        }
        let mut base: Vec<&str> = self.scopes[self.collecting].name.split('.').collect();
        // `.` is the module's own package: drop the module's name, then one more per dot.
        for _ in 0..dots {
            base.pop();
        }
        let rest = &module[dots..];
        if !rest.is_empty() {
            base.push(rest);
        }
        base.join(".")
    }

    /// Binds the imports of package modules once every scope is collected: a function of one is
    /// a function of the importer, a constant a constant.
    fn resolve_sibling_imports(&mut self) {
        for p in std::mem::take(&mut self.pending) {
            let Some(s) = self.sibling_scope(&p.module) else {
                continue;
            };
            let global = match &p.member {
                None => Some(Global::Sibling(s)),
                Some(m) => match self.scopes[s].globals.get(m.as_str()) {
                    Some(g @ (Global::Func(_) | Global::Const(_))) => Some(g.clone()),
                    _ => None,
                },
            };
            match global {
                Some(g) => {
                    self.scopes[p.scope].globals.insert(p.bound, g);
                }
                None => {
                    let what = format!(
                        "`{}` of the module `{}`, which is not a compiled function or a constant",
                        p.member.as_deref().unwrap_or(""),
                        p.module
                    );
                    self.scopes[p.scope]
                        .python_names
                        .insert(p.bound.to_string(), what);
                }
            }
        }
    }

    /// Records that the module's Python part binds `name` (`what` says how).
    fn python_name(&mut self, name: &str, what: String) {
        self.scopes[self.collecting]
            .python_names
            .insert(name.to_string(), what);
    }

    /// Whether `f` is a GPU kernel (`@cuda.kernel`, `@pyaot.cuda.kernel`).
    /// Numba's spelling works too: `@cuda.jit` and `@cuda.jit()` (but not
    /// `@cuda.jit(device=True)`, a device function: a plain function for pyaot).
    fn is_kernel(&self, f: &ast::FunctionDef) -> bool {
        f.decorators.iter().any(|d| {
            let d = match &d.kind {
                ExprKind::Call { func, keywords, .. } => {
                    let device = keywords.iter().any(|k| {
                        k.name.as_deref() == Some("device")
                            && !matches!(k.value.kind, ExprKind::Bool(false))
                    });
                    if device {
                        return false;
                    }
                    &**func
                }
                _ => d,
            };
            self.is_kernel_decorator(d)
        })
    }

    /// `cuda.kernel`, `cuda.jit`, `pyaot.cuda.kernel` or `pyaot.cuda.jit`.
    fn is_kernel_decorator(&self, d: &ast::Expr) -> bool {
        match &d.kind {
            ExprKind::Attribute { value, attr, .. } if attr == "kernel" || attr == "jit" => {
                match &value.kind {
                    ExprKind::Name(n) => matches!(
                        self.global(self.collecting, n),
                        Some(Global::PyaotMember(m)) if m == "cuda"
                    ),
                    ExprKind::Attribute { value, attr, .. } if attr == "cuda" => matches!(
                        &value.kind,
                        ExprKind::Name(n) if matches!(self.global(self.collecting, n), Some(Global::PyaotModule))
                    ),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn collect_stmt(&mut self, stmt: &'a ast::Stmt) {
        match &stmt.kind {
            StmtKind::FunctionDef(f) => {
                if let Some(Global::Func(_)) = self.global(self.collecting, &f.name) {
                    self.diags.push(
                        Diagnostic::error(
                            Code::UnsupportedSyntax,
                            format!("function `{}` is defined twice", f.name),
                            f.name_span,
                            "second definition",
                        )
                        .with_help("give each function its own name"),
                    );
                    return;
                }
                let kernel = self.is_kernel(f);
                let scope = &self.scopes[self.collecting];
                if kernel && (scope.library || scope.sibling) {
                    // Only the module being built compiles its kernels.
                    self.python_name(&f.name, "a GPU kernel".into());
                    return;
                }
                let d = self.defs.len();
                self.globals_mut().insert(&f.name, Global::Func(d));
                self.defs.push(Def {
                    ast: f,
                    scope: self.collecting,
                    // `assign_exported_ids` gives a kernel its id and parameter types.
                    kind: if kernel {
                        DefKind::Kernel {
                            id: FuncId(u32::MAX),
                            params: Vec::new(),
                        }
                    } else {
                        DefKind::Helper
                    },
                    defaults: Vec::new(),
                });
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a.asname.as_deref().unwrap_or(&a.name);
                    let global = match a.name.as_str() {
                        "math" => Global::MathModule,
                        "cmath" => Global::CmathModule,
                        "numpy" => Global::NumpyModule,
                        "numpy.typing" if a.asname.is_some() => Global::NumpyTyping,
                        "pyaot" => Global::PyaotModule,
                        name if a.asname.is_some() && self.sibling_scope(name).is_some() => {
                            self.pending.push(PendingImport {
                                scope: self.collecting,
                                bound,
                                module: name.to_string(),
                                member: None,
                            });
                            continue;
                        }
                        _ => {
                            self.python_name(bound, format!("the module `{}`", a.name));
                            continue;
                        }
                    };
                    if a.asname.is_none() && a.name.contains('.') {
                        self.python_name(bound, format!("the module `{}`", a.name));
                        continue;
                    }
                    self.globals_mut().insert(bound, global);
                }
            }
            StmtKind::ImportFrom { module, names } => {
                for a in names {
                    let bound = a.asname.as_deref().unwrap_or(&a.name);
                    let global = match module.as_str() {
                        "math" => Global::MathMember(a.name.clone()),
                        "cmath" => Global::CmathMember(a.name.clone()),
                        "pyaot" => Global::PyaotMember(a.name.clone()),
                        "numpy" | "numpy.typing" => Global::NumpyMember(a.name.clone()),
                        "__future__" => continue,
                        _ => {
                            // Another module of the package: a module of it (`from . import
                            // util`) or a name from it (`from .util import clamp`).
                            let from = self.absolute_module(module);
                            let sub = format!("{from}.{}", a.name);
                            let (target, member) = if self.sibling_scope(&sub).is_some() {
                                (sub, None)
                            } else {
                                (from, Some(a.name.clone()))
                            };
                            if self.sibling_scope(&target).is_some() {
                                self.pending.push(PendingImport {
                                    scope: self.collecting,
                                    bound,
                                    module: target,
                                    member,
                                });
                                continue;
                            }
                            self.python_name(
                                bound,
                                format!("`{}` of the module `{module}`", a.name),
                            );
                            continue;
                        }
                    };
                    self.globals_mut().insert(bound, global);
                }
            }
            StmtKind::Assign { targets, value } if targets.len() == 1 => {
                self.constant(&targets[0], None, value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value: Some(value),
            } => self.constant(target, Some(annotation), value),
            StmtKind::Expr(ast::Expr {
                kind: ExprKind::Str(_),
                ..
            }) => {}
            StmtKind::Pass => {}
            StmtKind::ClassDef { name } => {
                self.globals_mut()
                    .entry(name.as_str())
                    .or_insert(Global::Class);
            }
            // Everything else at module level (the `__main__` guard, other statements) is not
            // compiled: it runs as Python when the built module is imported.
            _ => {}
        }
    }

    /// A module-level `NAME = constant expression`.
    fn constant(
        &mut self,
        target: &'a ast::Expr,
        annotation: Option<&ast::Expr>,
        value: &ast::Expr,
    ) {
        // Another assignment runs as Python when the built module is imported.
        let ExprKind::Name(name) = &target.kind else {
            return;
        };
        let Some(c) = fold_const(value, &|n| match self.global(self.collecting, n) {
            Some(Global::Const(c)) => Some(c.clone()),
            _ => None,
        }) else {
            self.python_name(name, "not a compile-time constant".into());
            return;
        };
        if let Some(a) = annotation {
            match self.annotation(self.collecting, a) {
                Ok(ty) if ty == c.ty() => {}
                Ok(ty) => {
                    self.diags.push(
                        Diagnostic::error(
                            Code::TypeMismatch,
                            format!(
                                "constant `{name}` is declared {ty} but its value is {}",
                                c.ty()
                            ),
                            value.span,
                            format!("this is {}", c.ty()),
                        )
                        .with_help(format!("write a {ty} value")),
                    );
                    return;
                }
                Err(d) => {
                    self.diags.push(d);
                    return;
                }
            }
        }
        if c == Const::None {
            self.python_name(name, "None".into());
            return;
        }
        self.globals_mut().insert(name, Global::Const(c));
    }

    /// Gives exported functions their ids (in source order) and signatures.
    fn assign_exported_ids(&mut self) {
        for i in 0..self.defs.len() {
            let f = self.defs[i].ast;
            let scope = self.defs[i].scope;
            let annotated = f.params.iter().all(|p| p.annotation.is_some());
            let mut defaults = Vec::new();
            for p in &f.params {
                defaults.push(
                    p.default
                        .as_ref()
                        .and_then(|d| self.default_value(scope, d)),
                );
            }
            self.defs[i].defaults = defaults;
            if matches!(self.defs[i].kind, DefKind::Kernel { .. }) {
                self.kernel_signature(i);
                continue;
            }
            let other = self.scopes[scope].library || self.scopes[scope].sibling;
            if !annotated || other || f.nested_in.is_some() {
                continue;
            }
            if f.params
                .iter()
                .any(|p| is_union(p.annotation.as_ref().expect("annotated")))
            {
                self.defs[i].kind = self.union_variants(i);
                continue;
            }
            let mut params = Vec::new();
            let mut ok = true;
            for p in &f.params {
                match self.annotation(USER, p.annotation.as_ref().expect("annotated")) {
                    Ok(Ty::None) => {
                        let span = p.annotation.as_ref().expect("annotated").span;
                        self.diags.push(
                            Diagnostic::error(
                                Code::UnsupportedType,
                                "a parameter cannot have type None",
                                span,
                                "None parameter",
                            )
                            .with_help("use int, float or bool"),
                        );
                        ok = false;
                    }
                    Ok(Ty::Tuple(items)) if items.iter().any(|t| t.flatten().is_empty()) => {
                        let span = p.annotation.as_ref().expect("annotated").span;
                        self.diags.push(
                            Diagnostic::error(
                                Code::UnsupportedType,
                                "a tuple parameter cannot hold None or empty tuples",
                                span,
                                "tuple parameter",
                            )
                            .with_help("use numbers and arrays as the items"),
                        );
                        ok = false;
                    }
                    Ok(t) => params.push(t),
                    Err(d) => {
                        self.diags.push(d);
                        ok = false;
                    }
                }
            }
            let Some(returns) = f.returns.as_ref() else {
                if ok {
                    let id = FuncId(self.funcs.len() as u32);
                    self.funcs.push(None);
                    self.defs[i].kind = DefKind::ExportedInferred { id, params };
                }
                continue;
            };
            let ret = match self.annotation(USER, returns) {
                Ok(t) => Some(t),
                Err(d) => {
                    self.diags.push(d);
                    None
                }
            };
            self.defs[i].kind = match (ok, ret) {
                (true, Some(ret)) => {
                    let id = FuncId(self.funcs.len() as u32);
                    self.funcs.push(None);
                    DefKind::Exported { id, params, ret }
                }
                _ => DefKind::Broken,
            };
        }
    }

    /// The exported variants of function `i`, one per choice among its union annotations.
    fn union_variants(&mut self, i: usize) -> DefKind {
        let f = self.defs[i].ast;
        let mut choices: Vec<Vec<Ty>> = vec![Vec::new()];
        for p in &f.params {
            let ann = p.annotation.as_ref().expect("annotated");
            let mut members = Vec::new();
            union_members(ann, &mut members);
            let mut alts = Vec::new();
            if !is_union(ann) {
                // A parameter of one type: as in any exported function.
                match self.annotation(USER, ann) {
                    Ok(t) if t != Ty::None => alts.push(t),
                    Ok(_) => {
                        self.diags.push(
                            Diagnostic::error(
                                Code::UnsupportedType,
                                "a parameter cannot have type None",
                                ann.span,
                                "None parameter",
                            )
                            .with_help("use int, float or bool"),
                        );
                        return DefKind::Broken;
                    }
                    Err(d) => {
                        self.diags.push(d);
                        return DefKind::Broken;
                    }
                }
                members.clear();
            }
            for m in members {
                match self.annotation(USER, m) {
                    Ok(t @ (Ty::Int | Ty::Float | Ty::Bool | Ty::Complex | Ty::Str | Ty::None)) => {
                        if !alts.contains(&t) {
                            alts.push(t);
                        }
                    }
                    Ok(t) => {
                        self.diags.push(
                            Diagnostic::error(
                                Code::UnsupportedType,
                                format!("a union parameter of {t} is not supported"),
                                m.span,
                                "union member",
                            )
                            .with_help(
                                "unions of parameters may hold int, float, bool, complex, str and None",
                            ),
                        );
                        return DefKind::Broken;
                    }
                    Err(d) => {
                        self.diags.push(d);
                        return DefKind::Broken;
                    }
                }
            }
            choices = choices
                .into_iter()
                .flat_map(|c| {
                    alts.iter().map(move |t| {
                        let mut c = c.clone();
                        c.push(t.clone());
                        c
                    })
                })
                .collect();
        }
        if choices.len() > 16 {
            self.diags.push(
                Diagnostic::error(
                    Code::UnsupportedType,
                    format!(
                        "`{}` would be compiled {} times, once per choice of its union types",
                        f.name,
                        choices.len()
                    ),
                    f.name_span,
                    "too many unions",
                )
                .with_help("at most 16 choices: give fewer parameters union types"),
            );
            return DefKind::Broken;
        }
        let ret = match f.returns.as_ref() {
            Some(r) if is_union(r) => None,
            Some(r) => match self.annotation(USER, r) {
                Ok(t) => Some(t),
                Err(d) => {
                    self.diags.push(d);
                    return DefKind::Broken;
                }
            },
            None => None,
        };
        let variants = choices
            .into_iter()
            .map(|params| {
                let id = FuncId(self.funcs.len() as u32);
                self.funcs.push(None);
                (id, params)
            })
            .collect();
        DefKind::ExportedUnion { variants, ret }
    }

    /// A parameter default: a constant expression, else a diagnostic.
    fn default_value(&mut self, scope: usize, e: &ast::Expr) -> Option<Const> {
        let c = fold_const(e, &|n| match self.global(scope, n) {
            Some(Global::Const(c)) => Some(c.clone()),
            _ => None,
        });
        if c.is_none() {
            self.diags.push(
                Diagnostic::error(
                    Code::InvalidConstant,
                    "a default value must be a constant",
                    e.span,
                    "not a constant",
                )
                .with_help("use a literal such as 0, 1.5 or True, or a module-level constant"),
            );
        }
        c
    }

    /// Checks every exported function, then warns about helpers nothing called.
    pub(crate) fn check_all(&mut self) {
        for i in 0..self.defs.len() {
            match self.defs[i].kind.clone() {
                DefKind::Exported { id, params, ret } => {
                    self.roots.push(id);
                    let f = crate::func::check_function(self, i, id, &params, Some(ret), true);
                    self.funcs[id.index()] = f;
                }
                DefKind::ExportedInferred { id, params } => {
                    self.roots.push(id);
                    let f = crate::func::check_function(self, i, id, &params, None, true);
                    self.funcs[id.index()] = f.and_then(|f| self.returnable(f));
                }
                DefKind::ExportedUnion { variants, ret } => {
                    for (id, params) in variants {
                        self.roots.push(id);
                        let f =
                            crate::func::check_function(self, i, id, &params, ret.clone(), true);
                        self.funcs[id.index()] = f.and_then(|f| self.returnable(f));
                    }
                }
                DefKind::Kernel { id, params } => {
                    self.roots.push(id);
                    let f = crate::func::check_function(self, i, id, &params, Some(Ty::None), true);
                    self.funcs[id.index()] = f.map(|mut f| {
                        f.kernel = true;
                        f.exported = false;
                        f
                    });
                }
                _ => {}
            }
        }
        self.keep_requested();
        for i in 0..self.defs.len() {
            let used = self.instances.keys().any(|(d, _)| *d == i);
            // Helpers lifted from nested functions and lambdas are not the module's own items.
            let user = self.defs[i].scope == USER && self.defs[i].ast.nested_in.is_none();
            if matches!(self.defs[i].kind, DefKind::Helper) && !used && user {
                let f = self.defs[i].ast;
                self.diags.push(
                    Diagnostic::warning(
                        Code::IgnoredModuleItem,
                        format!("function `{}` is not compiled: a parameter is not annotated and no compiled function calls it, so it runs as Python", f.name),
                        f.name_span,
                        "not compiled",
                    )
                    .with_help("annotate every parameter to export it"),
                );
            }
        }
    }

    /// An exported function whose inferred return type Python can receive, else a diagnostic.
    fn returnable(&mut self, f: Function) -> Option<Function> {
        fn ok(t: &Ty, top: bool) -> bool {
            match t {
                Ty::DtypeOf(_) | Ty::ScalarType(_) | Ty::Func(_) => false,
                Ty::None => top,
                Ty::Tuple(items) => items.iter().all(|i| ok(i, false)),
                _ => true,
            }
        }
        if ok(&f.ret, true) {
            return Some(f);
        }
        self.diags.push(
            Diagnostic::error(
                Code::UnsupportedType,
                format!(
                    "`{}` returns {}, which cannot be returned to Python",
                    f.name, f.ret
                ),
                f.span,
                "return type inferred from the body",
            )
            .with_help("annotate the return type, or return a number, a tuple or an array"),
        );
        None
    }

    /// The checked module; functions that failed are dropped (their errors are in the diagnostics).
    pub(crate) fn finish(
        mut self,
        name: &str,
        doc: Option<String>,
    ) -> (pyaot_hir::Module, Vec<Diagnostic>) {
        let has_errors = self.diags.iter().any(|d| d.is_error());
        let funcs = if has_errors {
            Vec::new()
        } else {
            self.funcs
                .into_iter()
                .map(|f| f.expect("every function checked"))
                .collect()
        };
        // The same diagnostic can come from several passes or specialisations: keep the first.
        let mut seen = Vec::new();
        self.diags.retain(|d| {
            let key = (d.span, d.message.clone());
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        });
        self.diags.sort_by_key(|d| d.span);
        (
            pyaot_hir::Module {
                name: name.to_string(),
                doc,
                funcs,
            },
            self.diags,
        )
    }
}

/// Whether an annotation is a union (`int | float`).
fn is_union(e: &ast::Expr) -> bool {
    matches!(
        &e.kind,
        ExprKind::BinOp {
            op: ast::BinOp::BitOr,
            ..
        }
    )
}

/// The members of a union annotation, in order.
fn union_members<'e>(e: &'e ast::Expr, out: &mut Vec<&'e ast::Expr>) {
    match &e.kind {
        ExprKind::BinOp {
            left,
            op: ast::BinOp::BitOr,
            right,
        } => {
            union_members(left, out);
            union_members(right, out);
        }
        _ => out.push(e),
    }
}
