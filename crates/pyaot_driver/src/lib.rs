//! pyaot_driver
