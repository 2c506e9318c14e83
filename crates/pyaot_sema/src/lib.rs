//! pyaot_sema
