//! Reading tabular input with errors a person can act on.
//!
//! Every reader in chipwatch goes through [`CsvInput`]: it checks the header for the
//! columns a schema requires, then hands out rows whose accessors turn a bad value into a
//! [`RowError`] naming the file, line, column and the rule broken. Readers collect rows
//! that fail into [`Loaded::rejected`] instead of dropping them, so a caller can refuse
//! the file or write the rows to a quarantine file and count them.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{InputError, RowError};

/// A rule an input value must satisfy, with a stable identifier for tests and tooling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, e.g. `trade.value_usd.number`.
    pub id: &'static str,
    /// What the rule requires, in words.
    pub requires: &'static str,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.requires, self.id)
    }
}

/// A column of an input schema.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    pub description: &'static str,
}

/// The rows a reader accepted and the rows it rejected, with why.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub records: Vec<T>,
    pub rejected: Vec<RejectedRow>,
    /// The header of the input, so rejected rows can be written back out.
    pub header: Vec<String>,
    pub file: String,
}

impl<T> Loaded<T> {
    /// Turn rejected rows into an error unless the caller accepts a quarantine.
    pub fn strict(self) -> Result<Vec<T>, InputError> {
        if self.rejected.is_empty() {
            Ok(self.records)
        } else {
            Err(InputError::InvalidRows {
                file: self.file,
                count: self.rejected.len(),
                errors: self
                    .rejected
                    .into_iter()
                    .map(|r| r.error)
                    .take(20)
                    .collect(),
            })
        }
    }
}

/// A row that failed validation: its line, its fields as read, and the first rule it broke.
#[derive(Debug, Clone)]
pub struct RejectedRow {
    pub line: u64,
    pub fields: Vec<String>,
    pub error: RowError,
}

/// Write rejected rows of one or more inputs to a CSV quarantine file with the columns
/// `file, line, column, rule, error, row`, where `row` holds the original fields as CSV, so
/// nothing is lost and each row says why it was set aside.
pub fn write_quarantine<'a>(
    path: &Path,
    inputs: impl IntoIterator<Item = &'a [RejectedRow]>,
) -> Result<usize, InputError> {
    let io_err = |source: std::io::Error| InputError::Io {
        file: path.display().to_string(),
        source,
    };
    let mut w = csv::Writer::from_path(path).map_err(|e| io_err(e.into()))?;
    w.write_record(["file", "line", "column", "rule", "error", "row"])
        .map_err(|e| io_err(e.into()))?;
    let mut n = 0;
    for rows in inputs {
        for row in rows {
            let mut inner = csv::WriterBuilder::new()
                .has_headers(false)
                .terminator(csv::Terminator::Any(b' '))
                .from_writer(Vec::new());
            inner
                .write_record(&row.fields)
                .map_err(|e| io_err(e.into()))?;
            let raw = inner.into_inner().map_err(|e| io_err(e.into_error()))?;
            let raw = String::from_utf8_lossy(&raw).trim_end().to_string();
            w.write_record([
                row.error.file.as_str(),
                &row.line.to_string(),
                &row.error.column,
                row.error.rule.id,
                &row.error.to_string(),
                &raw,
            ])
            .map_err(|e| io_err(e.into()))?;
            n += 1;
        }
    }
    w.flush().map_err(io_err)?;
    Ok(n)
}

/// An open CSV input whose header has been checked against a schema.
pub struct CsvInput {
    file: String,
    reader: csv::Reader<Box<dyn Read>>,
    /// Records given directly (JSON lines, Parquet), each with its line or row number.
    records: Option<std::vec::IntoIter<csv::StringRecord>>,
    columns: HashMap<String, usize>,
    header: Vec<String>,
}

impl CsvInput {
    /// Open a CSV file and check that every required column of `schema` is present.
    pub fn open(path: &Path, schema: &[Column]) -> Result<Self, InputError> {
        let file = path.display().to_string();
        let f = std::fs::File::open(path).map_err(|source| InputError::Io {
            file: file.clone(),
            source,
        })?;
        Self::from_reader(file, Box::new(f), schema)
    }

    /// Read CSV text held in memory (bundled data), named `name` in errors.
    pub fn from_text(
        name: &str,
        text: &'static str,
        schema: &[Column],
    ) -> Result<Self, InputError> {
        Self::from_reader(name.to_string(), Box::new(text.as_bytes()), schema)
    }

    /// Read CSV bytes held in memory, named `name` in errors.
    pub fn from_bytes(name: &str, bytes: Vec<u8>, schema: &[Column]) -> Result<Self, InputError> {
        Self::from_reader(
            name.to_string(),
            Box::new(std::io::Cursor::new(bytes)),
            schema,
        )
    }

    fn from_reader(
        file: String,
        source: Box<dyn Read>,
        schema: &[Column],
    ) -> Result<Self, InputError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(source);
        let header = reader.headers().map_err(|e| InputError::Csv {
            file: file.clone(),
            line: 1,
            message: e.to_string(),
        })?;
        let header: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let h = if i == 0 {
                    h.trim_start_matches('\u{feff}')
                } else {
                    h
                };
                h.trim().to_ascii_lowercase()
            })
            .collect();
        if header.iter().all(String::is_empty) {
            return Err(InputError::Empty {
                file,
                expected: schema
                    .iter()
                    .filter(|c| c.required)
                    .map(|c| c.name)
                    .collect(),
            });
        }
        let columns: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, h)| (h.clone(), i))
            .collect();
        for col in schema.iter().filter(|c| c.required) {
            if !columns.contains_key(col.name) {
                return Err(InputError::MissingColumn {
                    file,
                    column: col.name,
                    found: header.clone(),
                });
            }
        }
        Ok(CsvInput {
            file,
            reader,
            records: None,
            columns,
            header,
        })
    }

    /// Rows that did not come from CSV (JSON lines, Parquet): a header and records whose
    /// positions carry their line (or row) numbers, checked and parsed like CSV rows.
    pub fn from_records(
        name: &str,
        header: Vec<String>,
        records: Vec<csv::StringRecord>,
        schema: &[Column],
    ) -> Result<Self, InputError> {
        let mut head = csv::StringRecord::new();
        for h in &header {
            head.push_field(h);
        }
        let mut bytes = Vec::new();
        {
            let mut w = csv::Writer::from_writer(&mut bytes);
            w.write_record(&head).map_err(|e| InputError::Invalid {
                file: name.to_string(),
                message: e.to_string(),
            })?;
            w.flush().map_err(|source| InputError::Io {
                file: name.to_string(),
                source,
            })?;
        }
        let mut input = Self::from_bytes(name, bytes, schema)?;
        input.records = Some(records.into_iter());
        Ok(input)
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Parse every row with `parse`, sorting rows into accepted and rejected.
    /// A file with a header and no rows is an error: an empty input is never a silent "no findings".
    pub fn load<T>(
        mut self,
        mut parse: impl FnMut(&Row<'_>) -> Result<T, RowError>,
    ) -> Result<Loaded<T>, InputError> {
        let mut records = Vec::new();
        let mut rejected = Vec::new();
        let mut record = csv::StringRecord::new();
        let mut rows = 0usize;
        loop {
            if let Some(given) = self.records.as_mut() {
                match given.next() {
                    Some(r) => record = r,
                    None => break,
                }
            } else {
                match self.reader.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => {}
                    Err(e) => {
                        let line = e.position().map(|p| p.line()).unwrap_or(0);
                        return Err(InputError::Csv {
                            file: self.file,
                            line,
                            message: e.to_string(),
                        });
                    }
                }
            }
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            if record.iter().all(str::is_empty) {
                continue; // a blank line carries no data
            }
            rows += 1;
            let row = Row {
                file: &self.file,
                line,
                record: &record,
                columns: &self.columns,
            };
            match parse(&row) {
                Ok(t) => records.push(t),
                Err(error) => rejected.push(RejectedRow {
                    line,
                    fields: record.iter().map(str::to_string).collect(),
                    error,
                }),
            }
        }
        if rows == 0 {
            return Err(InputError::NoRows { file: self.file });
        }
        Ok(Loaded {
            records,
            rejected,
            header: self.header,
            file: self.file,
        })
    }
}

/// One data row with typed accessors that fail with the file, line, column and rule.
pub struct Row<'a> {
    file: &'a str,
    line: u64,
    record: &'a csv::StringRecord,
    columns: &'a HashMap<String, usize>,
}

impl<'a> Row<'a> {
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The raw text of a column, `None` if the column is absent or the cell empty.
    pub fn get(&self, column: &str) -> Option<&'a str> {
        let idx = *self.columns.get(column)?;
        self.record.get(idx).filter(|s| !s.is_empty())
    }

    /// An error about this row.
    pub fn error(
        &self,
        column: &str,
        value: &str,
        rule: Rule,
        detail: impl Into<String>,
    ) -> RowError {
        RowError::new(crate::error::RowErrorDetail {
            file: self.file.to_string(),
            line: self.line,
            column: column.to_string(),
            value: value.to_string(),
            rule,
            detail: detail.into(),
        })
    }

    /// A required, non-empty text value.
    pub fn required(&self, column: &str, rule: Rule) -> Result<&'a str, RowError> {
        self.get(column)
            .ok_or_else(|| self.error(column, "", rule, "the value is empty"))
    }

    /// A number, or `None` if the cell is empty. Thousands separators (`1,234.5`) are accepted.
    pub fn opt_f64(&self, column: &str, rule: Rule) -> Result<Option<f64>, RowError> {
        match self.get(column) {
            None => Ok(None),
            Some(s) => parse_number(s)
                .map(Some)
                .ok_or_else(|| self.error(column, s, rule, "not a number")),
        }
    }

    /// A required number.
    pub fn f64(&self, column: &str, rule: Rule) -> Result<f64, RowError> {
        self.opt_f64(column, rule)?
            .ok_or_else(|| self.error(column, "", rule, "the value is empty"))
    }

    /// A required, finite, non-negative number.
    pub fn non_negative(&self, column: &str, rule: Rule) -> Result<f64, RowError> {
        let v = self.f64(column, rule)?;
        if v < 0.0 {
            return Err(self.error(column, &v.to_string(), rule, "negative"));
        }
        Ok(v)
    }
}

/// Parse a decimal number, accepting `,` thousands separators and surrounding spaces;
/// rejects NaN and infinities, which no figure in an input can mean.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    let cleaned: std::borrow::Cow<'_, str> = if t.contains(',') {
        t.replace(',', "").into()
    } else {
        t.into()
    };
    let v: f64 = cleaned.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Where an input comes from: a path on disk, or a bundled file compiled into the binary.
#[derive(Debug, Clone)]
pub enum Source {
    Path(PathBuf),
    Bundled {
        name: &'static str,
        text: &'static str,
    },
}

impl Source {
    pub fn open(&self, schema: &[Column]) -> Result<CsvInput, InputError> {
        match self {
            Source::Path(p) => CsvInput::open(p, schema),
            Source::Bundled { name, text } => CsvInput::from_text(name, text, schema),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_thousands_separators_and_reject_nan() {
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number(" 42 "), Some(42.0));
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("12a"), None);
    }
}
