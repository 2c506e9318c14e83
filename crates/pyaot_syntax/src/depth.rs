//! The nesting limit: how deep statements and expressions may nest before the file is refused.
//!
//! Every later stage walks the tree recursively, so a file nested deeper than [`MAX_NESTING`]
//! gets a diagnostic here instead of exhausting the stack further on. The walk itself stops
//! descending at the limit, so it is bounded too.

use ruff_python_ast::visitor::{walk_expr, walk_pattern, walk_stmt, Visitor};
use ruff_python_ast::{Expr, ModModule, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// The deepest nesting of statements and expressions a file may have.
///
/// CPython refuses files a few thousand levels deep; real code stays far below this.
pub const MAX_NESTING: usize = 500;

/// The range of the first node nested deeper than [`MAX_NESTING`], if any.
pub(crate) fn too_deep(module: &ModModule) -> Option<TextRange> {
    let mut v = Depth::default();
    for s in &module.body {
        v.visit_stmt(s);
    }
    v.first
}

#[derive(Default)]
struct Depth {
    depth: usize,
    first: Option<TextRange>,
}

impl Depth {
    /// Descends into `node` unless the limit is reached (or was reached before).
    fn enter(&mut self, range: TextRange, walk: impl FnOnce(&mut Self)) {
        if self.first.is_some() {
            return;
        }
        if self.depth >= MAX_NESTING {
            self.first = Some(range);
            return;
        }
        self.depth += 1;
        walk(self);
        self.depth -= 1;
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.enter(stmt.range(), |v| walk_stmt(v, stmt));
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.enter(expr.range(), |v| walk_expr(v, expr));
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.enter(pattern.range(), |v| walk_pattern(v, pattern));
    }
}
