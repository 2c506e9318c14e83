//! The optimisation passes, one per file; each states what it guarantees.

pub mod const_fold;
pub mod copy_prop;
pub mod cse;
pub mod dce;
pub mod drops;
pub mod inline;
mod kernel_math;
pub mod kernels;
pub mod legalize;
pub mod licm;
pub mod param_refs;
pub mod range_checks;
pub mod simplify_cfg;
pub mod strength;
pub mod unroll;
pub mod vectorize;
pub mod version_loops;
