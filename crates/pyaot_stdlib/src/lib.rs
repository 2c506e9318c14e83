//! The library modules written in pyaot's own Python subset, bundled into the compiler.
//!
//! `import numpy as np` in a user's file resolves to the module named `numpy` here: its functions are
//! unannotated helpers that sema specialises for the argument types of each call, exactly like the
//! user's own helpers. The sources live under `stdlib/lib/` and are embedded at build time, so the
//! compiler still reads no files but the user's.

/// One bundled module.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The name it is imported by (`numpy`).
    pub name: &'static str,
    /// The name diagnostics show for it.
    pub path: &'static str,
    /// Its Python source.
    pub source: &'static str,
}

/// Every bundled module.
pub const MODULES: &[Bundled] = &[
    Bundled {
        name: "numpy",
        path: "<pyaot stdlib>/numpy.py",
        source: include_str!("../../../stdlib/lib/numpy.py"),
    },
    Bundled {
        name: "numpy.linalg",
        path: "<pyaot stdlib>/numpy_linalg.py",
        source: include_str!("../../../stdlib/lib/numpy_linalg.py"),
    },
    Bundled {
        name: "math",
        path: "<pyaot stdlib>/math.py",
        source: include_str!("../../../stdlib/lib/math.py"),
    },
    Bundled {
        name: "builtins",
        path: "<pyaot stdlib>/builtins.py",
        source: include_str!("../../../stdlib/lib/builtins.py"),
    },
    Bundled {
        name: "cmath",
        path: "<pyaot stdlib>/cmath.py",
        source: include_str!("../../../stdlib/lib/cmath.py"),
    },
];
