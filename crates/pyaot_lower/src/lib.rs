//! pyaot_lower
