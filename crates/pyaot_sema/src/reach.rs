//! Only the specialisations the final checks ask for are kept.
//!
//! A function body is checked in quiet inference passes before the pass that builds its HIR, and
//! a helper call met in an inference pass specialises the helper for the argument types known
//! then. A later pass may know more (a local upgraded to a fixed-width type), so such an early
//! specialisation can be one no final body calls. Every request made outside inference passes is
//! recorded; after checking, only the functions reachable from the exported ones through those
//! requests are kept (and renumbered), and the diagnostics of the others are dropped, so a helper
//! that would not check for types no final body uses neither fails the build nor gets compiled.

use std::collections::HashMap;

use pyaot_hir::{Expr, ExprKind, FuncId, Stmt};

use crate::items::{DefKind, ModuleCx};

impl ModuleCx<'_> {
    /// Drops the functions and the diagnostics only inference passes asked for.
    pub(crate) fn keep_requested(&mut self) {
        let n = self.funcs.len();
        let mut edges: HashMap<usize, Vec<usize>> = HashMap::new();
        for (from, to) in &self.requests {
            edges.entry(from.index()).or_default().push(to.index());
        }
        let mut reached = vec![false; n];
        let mut stack: Vec<usize> = self.roots.iter().map(|f| f.index()).collect();
        while let Some(f) = stack.pop() {
            if std::mem::replace(&mut reached[f], true) {
                continue;
            }
            stack.extend(edges.get(&f).into_iter().flatten().copied());
        }
        // A diagnostic belongs to the innermost specialisation being checked when it was made.
        let mut ranges = self.checked_ranges.clone();
        ranges.sort_by_key(|&(_, start, end)| (start, std::cmp::Reverse(end)));
        let owner = |i: usize| {
            ranges
                .iter()
                .rfind(|&&(_, start, end)| start <= i && i < end)
                .map(|&(f, _, _)| f.index())
        };
        let keep: Vec<bool> = (0..self.diags.len())
            .map(|i| owner(i).is_none_or(|f| reached[f]))
            .collect();
        let mut k = keep.into_iter();
        self.diags.retain(|_| k.next().unwrap_or(true));
        // Renumber the kept functions.
        let mut map = vec![None; n];
        let mut next = 0u32;
        for (f, slot) in map.iter_mut().enumerate() {
            if reached[f] {
                *slot = Some(FuncId(next));
                next += 1;
            }
        }
        let funcs = std::mem::take(&mut self.funcs);
        self.funcs = funcs
            .into_iter()
            .enumerate()
            .filter(|(f, _)| reached[*f])
            .map(|(_, f)| f)
            .collect();
        for f in self.funcs.iter_mut().flatten() {
            renumber_body(&mut f.body, &map);
        }
        // Each kept instance gets its new id (the order of the walk does not matter).
        self.instances.retain(|_, inst| match map[inst.id.index()] {
            Some(id) => {
                inst.id = id;
                true
            }
            None => false,
        });
        self.renumber_defs(&map);
    }
}

fn renumber_body(body: &mut [Stmt], map: &[Option<FuncId>]) {
    for s in body {
        let (exprs, bodies) = s.parts_mut();
        for e in exprs {
            renumber_expr(e, map);
        }
        for b in bodies {
            renumber_body(b, map);
        }
    }
}

fn renumber_expr(e: &mut Expr, map: &[Option<FuncId>]) {
    if let ExprKind::Call { func, .. } = &mut e.kind {
        *func = map[func.index()].expect("a called function is reached");
    }
    for c in e.children_mut() {
        renumber_expr(c, map);
    }
}

impl ModuleCx<'_> {
    /// The exported functions' ids after renumbering (they are always kept).
    fn renumber_defs(&mut self, map: &[Option<FuncId>]) {
        let new = |id: &mut FuncId| *id = map[id.index()].expect("exported functions are kept");
        for d in &mut self.defs {
            match &mut d.kind {
                DefKind::Exported { id, .. }
                | DefKind::ExportedInferred { id, .. }
                | DefKind::Kernel { id, .. } => new(id),
                DefKind::ExportedUnion { variants, .. } => {
                    variants.iter_mut().for_each(|(id, _)| new(id))
                }
                DefKind::Helper | DefKind::Broken => {}
            }
        }
        self.roots.iter_mut().for_each(new);
    }
}
