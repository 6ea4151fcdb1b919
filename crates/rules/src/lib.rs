//! # chipwatch-rules
//!
//! Export-control classification of AI chips and systems (ECCN 3A090/4A090) and licence
//! determination, under the rules in force on a given date. The rules are data
//! (`data/rules/`): rule versions with their thresholds and citations (`versions.toml`),
//! country groups with dates (`country_groups.csv`) and the chip catalogue (`chips.csv`,
//! `systems.csv`). This crate interprets them and explains every verdict with the paragraph
//! and the numbers.
//!
//! ```
//! use chipwatch_rules::classify::classify_item;
//! let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
//! let (_, c) = classify_item("H100", date).unwrap();
//! assert_eq!(c.eccn, "3A090.a.1");
//! assert_eq!(c.tpp, 15832.0);
//! ```

pub mod catalogue;
pub mod classify;
pub mod fleet;
pub mod groups;
pub mod licence;
pub mod perf;
pub mod versions;

/// Errors of the rules engine.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RulesError {
    #[error("unknown item `{name}`{}", if .suggestions.is_empty() { String::new() } else { format!("; did you mean {}?", .suggestions.join(", ")) })]
    UnknownItem {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("contradictory specifications: {reason}")]
    Contradictory { reason: String },
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: u64,
        message: String,
    },
}
