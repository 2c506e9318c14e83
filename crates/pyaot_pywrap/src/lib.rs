//! pyaot_pywrap
