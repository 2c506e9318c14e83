//! The MIR optimiser: an ordered pipeline of passes, each keeping the body's Python behaviour.
//!
//! Every pass takes one [`Body`] and rewrites it in place; [`optimize`] lists them in order.
//! Passes may only remove a check they prove can never fail, so an exception still fires at the
//! same point, after the same stores, as in CPython.

mod defs;
mod lin;
pub mod passes;
mod ranges;

use pyaot_mir::{Body, Module};

/// How to optimise.
#[derive(Clone, Debug)]
pub struct OptOptions {
    /// 0 runs no pass; 1 and above run the whole pipeline.
    pub level: u8,
    /// Run the MIR verifier after every pass (on in tests and debug builds).
    pub verify_each: bool,
}

impl Default for OptOptions {
    fn default() -> Self {
        OptOptions {
            level: 2,
            verify_each: cfg!(debug_assertions),
        }
    }
}

/// One pass: its name (for verifier errors and pass tests) and its function.
pub type Pass = (&'static str, fn(&mut Body));

/// The pipeline, in order.
pub const PIPELINE: &[Pass] = &[
    ("simplify_cfg", passes::simplify_cfg::run),
    ("copy_prop", passes::copy_prop::run),
    ("const_fold", passes::const_fold::run),
    ("range_checks", passes::range_checks::run),
    ("const_fold", passes::const_fold::run),
    ("version_loops", passes::version_loops::run),
    ("const_fold", passes::const_fold::run),
    ("dce", passes::dce::run),
    ("simplify_cfg", passes::simplify_cfg::run),
];

/// Runs the pipeline over every body of the module.
///
/// # Errors
/// The verifier's message, naming the pass after which a body stopped verifying (a compiler bug).
pub fn optimize(module: &mut Module, opts: &OptOptions) -> Result<(), String> {
    if opts.level == 0 {
        return Ok(());
    }
    for i in 0..module.funcs.len() {
        for (name, pass) in PIPELINE {
            pass(&mut module.funcs[i]);
            if opts.verify_each {
                pyaot_mir::verify(module).map_err(|e| format!("after pass {name}: {e}"))?;
            }
        }
    }
    Ok(())
}

/// Runs the named passes, in the given order, over every body (for pass tests).
///
/// # Errors
/// An unknown pass name, or the verifier's message after a pass.
pub fn run_passes(module: &mut Module, names: &[&str]) -> Result<(), String> {
    for name in names {
        let (_, pass) = PIPELINE
            .iter()
            .find(|(n, _)| n == name)
            .ok_or_else(|| format!("unknown pass `{name}`"))?;
        for body in &mut module.funcs {
            pass(body);
        }
        pyaot_mir::verify(module).map_err(|e| format!("after pass {name}: {e}"))?;
    }
    Ok(())
}
