//! pyaot_diagnostics
