//! A MIR interpreter: the reference semantics of MIR, with a simulated memory and the runtime helpers.
//!
//! [`run`] executes one body of a [`Module`] on argument values. Arithmetic follows the MIR
//! enums' documentation exactly; memory accesses must fall inside a live region of the
//! [`Memory`], and a violated precondition ends the run with [`Outcome::Ub`] instead of a value,
//! which is how an optimiser that removed a needed check is caught. Runtime helpers follow the C
//! runtime bit for bit (its messages included); those not modelled give [`Outcome::Unsupported`].

mod eval;
mod gamma;
mod kernel;
mod libm;
mod lists;
mod memory;
mod npmath;
mod ops;
mod pymath;
mod runtime;
mod value;

pub use eval::{load, store};
pub use kernel::{run_kernel, Launch};
pub use memory::{Memory, BLOCK_HEADER};
pub use ops::{binary, cast, floordiv, modulo, unary};
pub use pyaot_mir::{ExcKind, FuncId, NO_MESSAGE};
pub use value::Val;

use pyaot_mir::Module;

/// Why a run produced no result values.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A Python exception: a `raise` of compiled code or a helper that raised.
    Raised { exc: ExcKind, msg: String },
    /// Undefined behaviour: memory outside a live region, a violated operation precondition,
    /// `unreachable`, or (with [`Limits::strict_locals`]) a read of a never-assigned local.
    Ub(String),
    /// Something the interpreter does not model (a runtime helper, a huge allocation).
    Unsupported(String),
    /// More steps than [`Limits::max_steps`].
    StepLimit,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Raised { exc, msg } => write!(f, "raised {}: {msg:?}", exc.name()),
            Outcome::Ub(what) => write!(f, "undefined behaviour: {what}"),
            Outcome::Unsupported(what) => write!(f, "unsupported: {what}"),
            Outcome::StepLimit => write!(f, "step limit reached"),
        }
    }
}

/// Bounds on one run.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Statements and terminators executed, over all frames.
    pub max_steps: u64,
    /// Nested calls between bodies.
    pub max_depth: usize,
    /// The largest array block `array_alloc` may make.
    pub max_alloc: u64,
    /// Whether reading a local before any assignment is undefined behaviour. MIR defines such a
    /// read as the type's zero (codegen initialises every local, lowering decrefs a hidden array
    /// slot before its first use, and the optimiser's facts assume it), so this is off by default;
    /// tests of lowering switch it on to check that user-visible locals are always assigned.
    pub strict_locals: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: 100_000_000,
            max_depth: 2000,
            max_alloc: 1 << 30,
            strict_locals: false,
        }
    }
}

/// A function of the module: its [`FuncId`] or its index.
pub trait FuncIndex {
    fn func_index(self) -> usize;
}

impl FuncIndex for usize {
    fn func_index(self) -> usize {
        self
    }
}

impl FuncIndex for FuncId {
    fn func_index(self) -> usize {
        self.index()
    }
}

/// Runs function `func` of the module on `args` (one value per parameter, of its type).
///
/// # Errors
/// The exception it raised, or why the run stopped.
pub fn run(
    module: &Module,
    func: impl FuncIndex,
    args: &[Val],
    mem: &mut Memory,
    limits: &Limits,
) -> Result<Vec<Val>, Outcome> {
    let mut m = eval::Machine {
        module,
        mem,
        limits,
        steps: 0,
        depth: 0,
        gpu: None,
    };
    m.call(func.func_index(), args)
}
