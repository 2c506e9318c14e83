//! End-to-end tests of pyaot.
