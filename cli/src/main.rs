//! The `pyaot` command line.
fn main() {}
