//! Where a dictionary fact came from: a file name and a 1-based line number.

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// A reference to the dictionary line that produced a match, printed as `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RuleRef {
    /// The dictionary file, as the user knows it (e.g. `dicts/verbs/cameo.txt`).
    pub file: Arc<str>,
    /// 1-based line number in that file.
    pub line: u32,
}

impl RuleRef {
    pub fn new(file: Arc<str>, line: u32) -> Self {
        RuleRef { file, line }
    }
}

impl fmt::Display for RuleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl Serialize for RuleRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
