//! Nested functions: each `def` inside a module function becomes a helper of the module that
//! takes the enclosing function's variables it reads (its free variables) as extra parameters.
//!
//! A call `g(a)` in the enclosing function (or in another nested function) passes the current
//! values of those variables, so a nested function sees what a closure would see when called:
//! reads are late-bound, and lists, dicts and sets are shared objects, so changes made through
//! them are seen on both sides. `g` used as a value becomes a lambda calling the helper, so it
//! can be a `key=` or called later in the same function.
//!
//! A lambda passed to a function of the module, reading none of the enclosing function's
//! variables, becomes a module-level helper too, so the callee gets a plain function value.
//!
//! A variable a nested function declares `nonlocal` lives in a cell, as in CPython: a one-item
//! list made where the enclosing function first assigns it (at its top level), every use of the
//! variable in both functions becoming an access to the cell's item.

use std::collections::{BTreeSet, HashMap, HashSet};

use pyaot_diagnostics::{Code, Diagnostic};
use pyaot_syntax::ast::{self, Expr, ExprKind, FunctionDef, Keyword, Stmt, StmtKind};
use pyaot_syntax::visit::walk_body_mut;

use crate::scope::assigned_names;

/// The module with every nested function lifted to a module-level helper.
pub(crate) fn lift(module: &ast::Module) -> (ast::Module, Vec<Diagnostic>) {
    let mut out = module.clone();
    let mut diags = Vec::new();
    let mut lifted = Vec::new();
    for s in &mut out.body {
        if let StmtKind::FunctionDef(f) = &mut s.kind {
            lifted.extend(lift_function(f, &mut diags));
        }
    }
    out.body.extend(lifted);
    let module_defs: HashSet<String> = out
        .body
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::FunctionDef(f) => Some(f.name.clone()),
            _ => None,
        })
        .collect();
    // Lambdas inside lifted lambdas are lifted in turn; the first helper of a name is kept.
    let mut names: HashSet<String> = module_defs.clone();
    let mut from = 0;
    loop {
        let mut lambdas = Vec::new();
        for s in &mut out.body[from..] {
            if let StmtKind::FunctionDef(f) = &mut s.kind {
                lambdas.extend(lift_lambdas(f, &module_defs));
            }
        }
        lambdas.retain(|s| match &s.kind {
            StmtKind::FunctionDef(d) => names.insert(d.name.clone()),
            _ => false,
        });
        if lambdas.is_empty() {
            break;
        }
        from = out.body.len();
        out.body.extend(lambdas);
    }
    (out, diags)
}

/// Every lambda of `f` gets a module-level helper: its parameters, then the variables of `f` it
/// reads as free-variable parameters (see [`lambda_helper`]). Where the lambda leaves `f` (passed
/// to another function, returned), sema passes that helper with the values of those variables.
/// A lambda reading none of them, passed straight to a function of the module, is replaced by
/// the helper's name.
fn lift_lambdas(f: &mut FunctionDef, module_defs: &HashSet<String>) -> Vec<Stmt> {
    let mut locals: HashSet<String> = assigned_names(&f.body);
    locals.extend(f.params.iter().map(|p| p.name.clone()));
    locals.extend(bound_inside(&mut f.body));
    let owner = f.nested_in.clone().unwrap_or_else(|| f.name.clone());
    let mut out = Vec::new();
    walk_body_mut(&mut f.body, &mut |e| {
        if let ExprKind::Call {
            func,
            args,
            keywords,
        } = &mut e.kind
        {
            let to_module = matches!(&func.kind, ExprKind::Name(g) if module_defs.contains(g));
            for a in args
                .iter_mut()
                .chain(keywords.iter_mut().map(|k| &mut k.value))
            {
                let ExprKind::Lambda { params, body } = &mut a.kind else {
                    continue;
                };
                let span = a.span;
                let free = lambda_free(params, body, &locals);
                out.push(lambda_def(&owner, params, body, &free, span));
                if to_module && free.is_empty() {
                    a.kind = ExprKind::Name(lambda_helper(&owner, span.start));
                }
            }
            return true;
        }
        if let ExprKind::Lambda { params, body } = &mut e.kind {
            let free = lambda_free(params, body, &locals);
            out.push(lambda_def(&owner, params, body, &free, e.span));
        }
        true
    });
    out
}

/// The flag parameter that says whether free variable `v` had a value when passed.
pub(crate) fn bound_flag(v: &str) -> String {
    format!("{v}$bound")
}

/// The name of the helper lifted from the lambda of function `owner` starting at `at`.
pub(crate) fn lambda_helper(owner: &str, at: u32) -> String {
    format!("{owner}.<lambda{at}>")
}

/// The variables of the enclosing function (`locals`) a lambda reads, in name order.
fn lambda_free(params: &[String], body: &mut Expr, locals: &HashSet<String>) -> Vec<String> {
    let mut own: HashSet<String> = params.iter().cloned().collect();
    let mut wrapped = [Stmt {
        kind: StmtKind::Expr(body.clone()),
        span: body.span,
    }];
    own.extend(bound_inside(&mut wrapped));
    let reads = names_read(&mut wrapped);
    let free: BTreeSet<String> = reads
        .into_iter()
        .filter(|n| locals.contains(n) && !own.contains(n))
        .collect();
    free.into_iter().collect()
}

/// The helper of a lambda: `def owner.<lambdaN>(params..., free...): return body`.
fn lambda_def(
    owner: &str,
    params: &[String],
    body: &Expr,
    free: &[String],
    span: pyaot_diagnostics::Span,
) -> Stmt {
    let param = |name: &String| ast::Param {
        name: name.clone(),
        span,
        annotation: None,
        default: None,
    };
    let def = FunctionDef {
        name: lambda_helper(owner, span.start),
        name_span: span,
        params: params
            .iter()
            .chain(free)
            .chain(&free.iter().map(|v| bound_flag(v)).collect::<Vec<_>>())
            .map(param)
            .collect(),
        unsupported_params: Vec::new(),
        returns: None,
        decorators: Vec::new(),
        doc: None,
        body: vec![Stmt {
            kind: StmtKind::Return(Some(body.clone())),
            span,
        }],
        is_async: false,
        nested_in: Some(owner.to_string()),
        free_params: free.len(),
    };
    Stmt {
        kind: StmtKind::FunctionDef(Box::new(def)),
        span,
    }
}

/// Takes the nested `def`s out of a statement list (at any depth but inside nested functions).
fn take_nested(body: &mut [Stmt], out: &mut Vec<FunctionDef>) {
    for s in body.iter_mut() {
        match &mut s.kind {
            StmtKind::FunctionDef(_) => {
                let span = s.span;
                let taken = std::mem::replace(
                    s,
                    Stmt {
                        kind: StmtKind::Pass,
                        span,
                    },
                );
                if let StmtKind::FunctionDef(f) = taken.kind {
                    out.push(*f);
                }
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                take_nested(body, out);
                take_nested(orelse, out);
            }
            _ => {}
        }
    }
}

/// The names an expression tree binds itself: comprehension targets and lambda parameters.
fn bound_inside(body: &mut [Stmt]) -> HashSet<String> {
    let mut names = HashSet::new();
    walk_body_mut(body, &mut |e| {
        match &e.kind {
            ExprKind::Lambda { params, .. } => names.extend(params.iter().cloned()),
            ExprKind::Generator { clauses, .. }
            | ExprKind::ListComp { clauses, .. }
            | ExprKind::SetComp { clauses, .. }
            | ExprKind::DictComp { clauses, .. } => {
                for c in clauses {
                    let mut t = HashSet::new();
                    target_names(&c.target, &mut t);
                    names.extend(t);
                }
            }
            _ => {}
        }
        true
    });
    names
}

fn target_names(e: &Expr, out: &mut HashSet<String>) {
    match &e.kind {
        ExprKind::Name(n) => {
            out.insert(n.clone());
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|i| target_names(i, out))
        }
        _ => {}
    }
}

/// Every name read in a statement list.
fn names_read(body: &mut [Stmt]) -> HashSet<String> {
    let mut names = HashSet::new();
    walk_body_mut(body, &mut |e| {
        if let ExprKind::Name(n) = &e.kind {
            names.insert(n.clone());
        }
        true
    });
    names
}

/// What is known of one nested function.
struct Nested {
    def: FunctionDef,
    lifted: String,
    /// Its own names: parameters, assigned names, names bound inside its expressions.
    locals: HashSet<String>,
    /// The enclosing function's variables it reads, directly or through nested functions it calls.
    free: BTreeSet<String>,
}

/// Lifts the nested functions of `f`; returns the new module-level definitions.
fn lift_function(f: &mut FunctionDef, diags: &mut Vec<Diagnostic>) -> Vec<Stmt> {
    let mut defs = Vec::new();
    take_nested(&mut f.body, &mut defs);
    if defs.is_empty() {
        return Vec::new();
    }
    make_cells(f, &mut defs, diags);
    let def_names: HashSet<String> = defs.iter().map(|d| d.name.clone()).collect();
    let mut outer: HashSet<String> = assigned_names(&f.body);
    outer.extend(f.params.iter().map(|p| p.name.clone()));
    for d in &defs {
        outer.remove(&d.name);
    }
    let mut nested: Vec<Nested> = Vec::new();
    let mut seen = HashSet::new();
    for mut def in defs {
        if !seen.insert(def.name.clone()) {
            diags.push(
                Diagnostic::error(
                    Code::UnsupportedSyntax,
                    format!("nested function `{}` is defined twice", def.name),
                    def.name_span,
                    "second definition",
                )
                .with_help("give each nested function its own name"),
            );
            continue;
        }
        let mut deeper = Vec::new();
        take_nested(&mut def.body, &mut deeper);
        for d in &deeper {
            diags.push(
                Diagnostic::error(
                    Code::UnsupportedSyntax,
                    format!("function `{}` is nested two levels deep", d.name),
                    d.name_span,
                    "nested in a nested function",
                )
                .with_help("define it in the enclosing module function, next to the function that calls it"),
            );
        }
        let mut locals = assigned_names(&def.body);
        locals.extend(def.params.iter().map(|p| p.name.clone()));
        locals.extend(bound_inside(&mut def.body));
        let reads = names_read(&mut def.body);
        let free = reads
            .iter()
            .filter(|n| outer.contains(*n) && !locals.contains(*n))
            .cloned()
            .collect();
        let lifted = format!("{}.{}", f.name, def.name);
        nested.push(Nested {
            def,
            lifted,
            locals,
            free,
        });
    }
    // A nested function calling another passes that one's free variables too.
    let calls: Vec<BTreeSet<String>> = nested
        .iter_mut()
        .map(|n| {
            let reads = names_read(&mut n.def.body);
            reads
                .into_iter()
                .filter(|r| def_names.contains(r) && !n.locals.contains(r))
                .collect()
        })
        .collect();
    loop {
        let mut changed = false;
        for i in 0..nested.len() {
            let mut add = BTreeSet::new();
            for callee in &calls[i] {
                if let Some(c) = nested.iter().find(|n| &n.def.name == callee) {
                    add.extend(
                        c.free
                            .iter()
                            .filter(|v| !nested[i].locals.contains(*v))
                            .cloned(),
                    );
                }
            }
            let before = nested[i].free.len();
            nested[i].free.extend(add);
            changed |= nested[i].free.len() != before;
        }
        if !changed {
            break;
        }
    }
    let table: HashMap<String, (String, Vec<String>, usize)> = nested
        .iter()
        .map(|n| {
            (
                n.def.name.clone(),
                (
                    n.lifted.clone(),
                    n.free.iter().cloned().collect(),
                    n.def.params.len(),
                ),
            )
        })
        .collect();
    rewrite_calls(&mut f.body, &table, &HashSet::new());
    let mut out = Vec::new();
    for n in nested {
        let Nested {
            mut def,
            lifted,
            locals,
            free,
        } = n;
        rewrite_calls(&mut def.body, &table, &locals);
        for p in &mut def.params {
            p.annotation = None;
        }
        let flags: Vec<String> = free.iter().map(|v| bound_flag(v)).collect();
        for v in free.iter().chain(&flags) {
            def.params.push(ast::Param {
                name: v.clone(),
                span: def.name_span,
                annotation: None,
                default: None,
            });
        }
        def.returns = None;
        def.free_params = free.len();
        def.name = lifted;
        def.nested_in = Some(f.name.clone());
        let span = def.name_span;
        out.push(Stmt {
            kind: StmtKind::FunctionDef(Box::new(def)),
            span,
        });
    }
    out
}

/// Calls of nested functions become calls of their helpers with the free variables as keywords;
/// other uses of their names become lambdas that make such calls. `shadowed` are names local
/// to the body being rewritten.
fn rewrite_calls(
    body: &mut [Stmt],
    table: &HashMap<String, (String, Vec<String>, usize)>,
    shadowed: &HashSet<String>,
) {
    let named = |n: &str, span| Expr {
        kind: ExprKind::Name(n.to_string()),
        span,
    };
    walk_body_mut(body, &mut |e| {
        let span = e.span;
        match &mut e.kind {
            ExprKind::Call { func, keywords, .. } => {
                if let ExprKind::Name(h) = &func.kind {
                    if let (Some((lifted, free, _)), false) = (table.get(h), shadowed.contains(h)) {
                        func.kind = ExprKind::Name(lifted.clone());
                        for v in free {
                            keywords.push(Keyword {
                                name: Some(v.clone()),
                                value: named(v, span),
                                span,
                            });
                        }
                    }
                }
                true
            }
            ExprKind::Name(h) if !shadowed.contains(h.as_str()) => {
                if let Some((lifted, free, _)) = table.get(h.as_str()) {
                    // Reading none of the enclosing function's variables, it is a plain
                    // function value, which can be passed to other functions.
                    if free.is_empty() {
                        e.kind = ExprKind::Name(lifted.clone());
                        return false;
                    }
                }
                if let Some((lifted, free, n)) = table.get(h.as_str()) {
                    let params: Vec<String> = (0..*n).map(|k| format!("{h}$p{k}")).collect();
                    let call = Expr {
                        kind: ExprKind::Call {
                            func: Box::new(named(lifted, span)),
                            args: params.iter().map(|p| named(p, span)).collect(),
                            keywords: free
                                .iter()
                                .map(|v| Keyword {
                                    name: Some(v.clone()),
                                    value: named(v, span),
                                    span,
                                })
                                .collect(),
                        },
                        span,
                    };
                    e.kind = ExprKind::Lambda {
                        params,
                        body: Box::new(call),
                    };
                    return false;
                }
                true
            }
            _ => true,
        }
    });
}

/// The cell of variable `x`.
fn cell_name(x: &str) -> String {
    format!("{x}$cell")
}

/// Takes the `nonlocal` statements out of a body (not out of deeper functions).
fn take_nonlocals(body: &mut [Stmt], out: &mut Vec<(String, pyaot_diagnostics::Span)>) {
    for s in body.iter_mut() {
        match &mut s.kind {
            StmtKind::Nonlocal(names) => {
                out.extend(names.iter().map(|n| (n.clone(), s.span)));
                s.kind = StmtKind::Pass;
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                take_nonlocals(body, out);
                take_nonlocals(orelse, out);
            }
            _ => {}
        }
    }
}

/// Whether a statement mentions the name anywhere (its expressions and nested statements).
fn mentions(s: &mut Stmt, name: &str) -> bool {
    let mut found = false;
    walk_body_mut(std::slice::from_mut(s), &mut |e| {
        found |= matches!(&e.kind, ExprKind::Name(n) if n == name);
        !found
    });
    found
}

/// Every `x` of the body becomes `x$cell[0]`; false when `x` is a `for` target, which cannot be.
fn use_cell(body: &mut [Stmt], x: &str) -> bool {
    let mut ok = true;
    for s in body.iter_mut() {
        if let StmtKind::For { target, .. } = &s.kind {
            let mut t = HashSet::new();
            target_names(target, &mut t);
            ok &= !t.contains(x);
        }
    }
    let cell = cell_name(x);
    walk_body_mut(body, &mut |e| {
        if matches!(&e.kind, ExprKind::Name(n) if n == x) {
            let span = e.span;
            e.kind = ExprKind::Subscript {
                value: Box::new(Expr {
                    kind: ExprKind::Name(cell.clone()),
                    span,
                }),
                index: Box::new(Expr {
                    kind: ExprKind::Int(Some(0)),
                    span,
                }),
            };
            return false;
        }
        true
    });
    ok
}

/// Puts each variable a nested function declares `nonlocal` into a cell.
fn make_cells(f: &mut FunctionDef, defs: &mut [FunctionDef], diags: &mut Vec<Diagnostic>) {
    let mut nonlocals = Vec::new();
    for d in defs.iter_mut() {
        take_nonlocals(&mut d.body, &mut nonlocals);
    }
    let mut done = HashSet::new();
    for (x, span) in nonlocals {
        if !done.insert(x.clone()) {
            continue;
        }
        let refuse = |diags: &mut Vec<Diagnostic>, why: &str| {
            diags.push(
                Diagnostic::error(Code::UnsupportedSyntax, format!("`nonlocal {x}` {why}"), span, "nonlocal")
                    .with_help(format!(
                        "assign `{x}` with `{x} = ...` at the top level of `{}` before anything else uses it",
                        f.name
                    )),
            );
        };
        // The first statement of `f` that mentions `x` must assign it: that makes the cell.
        let Some(first) = f.body.iter_mut().position(|s| mentions(s, &x)) else {
            refuse(diags, "names no variable of the enclosing function");
            continue;
        };
        let made = match &mut f.body[first].kind {
            StmtKind::Assign { targets, value }
                if targets.len() == 1
                    && matches!(&targets[0].kind, ExprKind::Name(n) if *n == x)
                    && !{
                        let mut v = Stmt {
                            kind: StmtKind::Expr(value.clone()),
                            span,
                        };
                        mentions(&mut v, &x)
                    } =>
            {
                let span = value.span;
                let item = std::mem::replace(
                    value,
                    Expr {
                        kind: ExprKind::NoneLit,
                        span,
                    },
                );
                *value = Expr {
                    kind: ExprKind::List(vec![item]),
                    span,
                };
                targets[0].kind = ExprKind::Name(cell_name(&x));
                true
            }
            _ => false,
        };
        if !made {
            refuse(
                diags,
                "needs its first use in the enclosing function to be a plain assignment",
            );
            continue;
        }
        let mut ok = use_cell(&mut f.body[first + 1..], &x);
        for d in defs.iter_mut() {
            ok &= use_cell(&mut d.body, &x);
        }
        if !ok {
            refuse(diags, "is a `for` loop variable");
        }
    }
}
