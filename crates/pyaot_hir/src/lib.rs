//! pyaot_hir
