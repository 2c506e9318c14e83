//! pyaot_syntax
