//! Typed input errors. Each names the file and, where there is one, the line, column and rule.

use std::fmt;

use crate::input::Rule;

/// A value in a row that broke a rule (boxed: errors stay small on the happy path).
#[derive(Debug, Clone, PartialEq)]
pub struct RowError(Box<RowErrorDetail>);

impl RowError {
    pub fn new(detail: RowErrorDetail) -> Self {
        RowError(Box::new(detail))
    }
}

impl std::ops::Deref for RowError {
    type Target = RowErrorDetail;
    fn deref(&self) -> &RowErrorDetail {
        &self.0
    }
}

/// Where a value broke a rule, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct RowErrorDetail {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub value: String,
    pub rule: Rule,
    pub detail: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: column `{}`: {}",
            self.file, self.line, self.column, self.detail
        )?;
        if !self.value.is_empty() {
            write!(f, " (value `{}`)", self.value)?;
        }
        write!(f, "; rule: {}", self.rule)
    }
}

impl std::error::Error for RowError {}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{file}: cannot read the file: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: the file is empty; expected a CSV header with the columns {}", .expected.join(", "))]
    Empty {
        file: String,
        expected: Vec<&'static str>,
    },
    #[error("{file}: the file has a header but no data rows")]
    NoRows { file: String },
    #[error("{file}:1: missing required column `{column}` (found: {})", .found.join(", "))]
    MissingColumn {
        file: String,
        column: &'static str,
        found: Vec<String>,
    },
    #[error("{file}:{line}: malformed CSV: {message}")]
    Csv {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: {count} invalid row(s); use --quarantine FILE to set them aside and go on:\n{}",
        .errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    InvalidRows {
        file: String,
        count: usize,
        errors: Vec<RowError>,
    },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}
