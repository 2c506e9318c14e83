//! pyaot_codegen_clif
