//! The MIR optimiser: an ordered pipeline of passes, each keeping the body's Python behaviour.
//!
//! Every pass takes one [`Body`] and rewrites it in place; [`optimize`] lists them in order.
//! Passes may only remove a check they prove can never fail, so an exception still fires at the
//! same point, after the same stores, as in CPython.

mod defs;
mod lin;
pub mod passes;
mod ranges;
mod reduce;
mod shape;

use pyaot_mir::{Body, Module};

/// How to optimise.
#[derive(Clone, Debug)]
pub struct OptOptions {
    /// 0 runs only drop elaboration; 1 also the passes that remove checks; 2 also those that
    /// copy code.
    pub level: u8,
    /// Run the MIR verifier after every pass (on in tests and debug builds).
    pub verify_each: bool,
    /// `--fastmath`: float reductions (sums, products, min and max) may be reassociated, so
    /// they vectorise; a sum may differ from CPython's in its last bits, and a min or max of
    /// equal values may pick `-0.0` where CPython picks `0.0` (or the reverse).
    pub fastmath: bool,
}

impl Default for OptOptions {
    fn default() -> Self {
        OptOptions {
            level: 2,
            verify_each: cfg!(debug_assertions),
            fastmath: false,
        }
    }
}

/// What a pass rewrites: one body at a time, or the whole module (inlining).
#[derive(Clone, Copy)]
pub enum PassFn {
    Body(fn(&mut Body, &OptOptions)),
    Module(fn(&mut Module, &OptOptions)),
}

/// One pass: its name (for verifier errors and pass tests), the lowest `-O` level that runs it,
/// and its function.
pub type Pass = (&'static str, u8, PassFn);

use PassFn::{Body as B, Module as M};

/// The pipeline, in order. Level 0 only makes kernels self-contained, legalizes and elaborates drops; level 1 removes checks; level 2 also
/// copies code (loop versioning, vectorisation and unrolling).
pub const PIPELINE: &[Pass] = &[
    // At every level: kernels take copies of the device helpers they call.
    ("kernels", 0, M(passes::kernels::run)),
    ("simplify_cfg", 1, B(passes::simplify_cfg::run)),
    ("param_refs", 1, B(passes::param_refs::run)),
    ("inline", 1, M(passes::inline::run)),
    ("simplify_cfg", 1, B(passes::simplify_cfg::run)),
    ("copy_prop", 1, B(passes::copy_prop::run)),
    ("const_fold", 1, B(passes::const_fold::run)),
    ("cse", 1, B(passes::cse::run)),
    ("copy_prop", 1, B(passes::copy_prop::run)),
    ("range_checks", 1, B(passes::range_checks::run)),
    ("const_fold", 1, B(passes::const_fold::run)),
    ("licm", 1, B(passes::licm::run)),
    ("version_loops", 2, B(passes::version_loops::run)),
    ("const_fold", 2, B(passes::const_fold::run)),
    ("dce", 1, B(passes::dce::run)),
    ("simplify_cfg", 1, B(passes::simplify_cfg::run)),
    ("vectorize", 2, B(passes::vectorize::run)),
    ("unroll", 2, B(passes::unroll::run)),
    ("strength", 1, B(passes::strength::run)),
    ("const_fold", 2, B(passes::const_fold::run)),
    // Always last, at every level: Python's integer division in machine operations, and the
    // owned references as explicit drops.
    ("legalize", 0, B(passes::legalize::run)),
    ("drops", 0, B(passes::drops::run)),
];

/// Runs the pipeline over every body of the module.
///
/// # Errors
/// The verifier's message, naming the pass after which a body stopped verifying (a compiler bug).
pub fn optimize(module: &mut Module, opts: &OptOptions) -> Result<(), String> {
    for (name, level, pass) in PIPELINE {
        if opts.level < *level {
            continue;
        }
        apply(module, *pass, opts);
        if opts.verify_each {
            pyaot_mir::verify(module).map_err(|e| format!("after pass {name}: {e}"))?;
        }
    }
    Ok(())
}

/// Runs one pass over the module.
fn apply(module: &mut Module, pass: PassFn, opts: &OptOptions) {
    match pass {
        PassFn::Body(f) => module.funcs.iter_mut().for_each(|b| f(b, opts)),
        PassFn::Module(f) => f(module, opts),
    }
}

/// Runs the named passes, in the given order, over every body (for pass tests).
///
/// # Errors
/// An unknown pass name, or the verifier's message after a pass.
pub fn run_passes(module: &mut Module, names: &[&str], opts: &OptOptions) -> Result<(), String> {
    for name in names {
        let (_, _, pass) = PIPELINE
            .iter()
            .find(|(n, _, _)| n == name)
            .ok_or_else(|| format!("unknown pass `{name}`"))?;
        apply(module, *pass, opts);
        pyaot_mir::verify(module).map_err(|e| format!("after pass {name}: {e}"))?;
    }
    Ok(())
}
