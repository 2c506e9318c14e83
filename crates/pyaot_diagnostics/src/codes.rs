//! The stable diagnostic codes; each is documented in docs/diagnostics.md (a test checks that).

use std::fmt;

macro_rules! codes {
    ($($variant:ident = $name:literal, $summary:literal;)*) => {
        /// A stable diagnostic code, named after the problem.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(#[doc = $summary] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as users see it, e.g. `unsupported-syntax`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// One sentence saying what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    SyntaxError = "syntax-error", "The file is not valid Python.";
    NestingTooDeep = "nesting-too-deep", "Statements or expressions nested deeper than the compiler allows.";
    ReadError = "read-error", "The input file could not be read.";
    UnsupportedSyntax = "unsupported-syntax", "A Python construct that compiled functions do not support yet.";
    UnsupportedType = "unsupported-type", "An annotation that is not a supported type.";
    UnknownName = "unknown-name", "A name that is neither a local, a parameter, a module constant, a function nor a supported builtin.";
    UnknownAttribute = "unknown-attribute", "An attribute of a module or value that pyaot does not know.";
    TypeMismatch = "type-mismatch", "An operation or assignment whose operand types do not fit.";
    TypeChange = "type-change", "A local variable assigned values of two different types.";
    ArgumentMismatch = "argument-mismatch", "A call with missing, extra, duplicated or unknown arguments.";
    UnsupportedLibraryCall = "unsupported-library-call", "A NumPy (or other library) function called with argument types or options it does not support.";
    NotCallable = "not-callable", "A call of something that is not a function.";
    MissingReturn = "missing-return", "A function with a return type that can reach its end without returning.";
    ReturnMismatch = "return-mismatch", "A returned value whose type differs from the declared or inferred return type.";
    InvalidConstant = "invalid-constant", "A literal or constant expression that compiled code cannot represent, such as an int beyond 64 bits.";
    BadRaise = "bad-raise", "A `raise` or `assert` whose exception or message is not supported.";
    RecursiveInference = "recursive-inference", "The return type of an unannotated recursive helper could not be inferred.";
    OutsideLoop = "outside-loop", "`break` or `continue` outside a loop.";
    GpuKernel = "gpu-kernel", "A GPU kernel that breaks the kernel language's rules: a return value, a parameter that is not an array or a number, `cuda.*` outside a kernel, or an operation the GPU backend cannot compile.";
    IgnoredModuleItem = "ignored-module-item", "A module-level statement that is left out of the compiled module (warning).";
    InternalError = "internal-error", "The compiler failed; please report it.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn every_code_is_documented() {
        let doc = include_str!("../../../docs/diagnostics.md");
        for code in Code::ALL {
            assert!(
                doc.contains(&format!("| `{}` |", code.name())),
                "docs/diagnostics.md lacks `{}`",
                code.name()
            );
        }
    }
}
