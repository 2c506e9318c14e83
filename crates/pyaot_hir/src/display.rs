//! The text form of HIR, written by `--emit hir`.
