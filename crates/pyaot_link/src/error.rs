//! The error type of compiling and linking.

use std::fmt;

/// Why an extension module could not be built; compiler and linker output is part of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    pub message: String,
}

impl LinkError {
    pub(crate) fn new(message: impl Into<String>) -> LinkError {
        LinkError {
            message: message.into(),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LinkError {}

impl From<cc::Error> for LinkError {
    fn from(e: cc::Error) -> LinkError {
        LinkError::new(format!("C toolchain: {e}"))
    }
}
