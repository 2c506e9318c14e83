//! pyaot_link
