//! The one error the importer reports: where in which file, and what is wrong.

use std::fmt;

/// Unusable input. Shown as `FILE:LINE: message` so an editor or a person can jump to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole (empty, not UTF-8 at a byte
    /// offset that has no line yet …).
    pub line: u32,
    pub message: String,
}

impl ImportError {
    pub fn new(file: &str, line: u32, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ImportError {}
