//! The one error type of the EXPLAIN core: a message a user can act on.

use std::fmt;

/// Why the input could not be read as a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Human-readable explanation, one sentence.
    pub message: String,
}

impl ParseError {
    /// Builds an error from any message.
    pub fn new(message: impl Into<String>) -> Self {
        ParseError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// Deepest node nesting accepted. Real plans stay far below; the cap keeps recursive serialisation and
/// destruction of hostile inputs within the stack.
pub const MAX_DEPTH: usize = 500;
