//! # chipwatch-model
//!
//! The domain of chipwatch and the readers of its inputs. Every other chipwatch crate
//! builds on this one, and it imports nothing of theirs.
//!
//! - [`country`]: countries under every name inputs use (ISO codes, English variants,
//!   the Traditional Chinese names of Taiwan's customs tables).
//! - [`period`]: fiscal periods of filings and calendar periods of trade statistics.
//! - [`revenue`], [`trade`], [`dataset`]: the input schemas and their readers. Invalid
//!   rows are rejected with the file, line, column and rule they broke, and can be
//!   quarantined instead of dropped.
//! - [`finding`]: the [`Finding`](finding::Finding) every engine emits and every renderer reads.
//!
//! ```
//! use chipwatch_model::country::CountryRegistry;
//! let sg = CountryRegistry::bundled().resolve("新加坡").unwrap();
//! assert_eq!(sg.alpha2, "SG");
//! ```

pub mod basket;
pub mod country;
pub mod dataset;
pub mod error;
pub mod eurostat;
pub mod finding;
pub mod fx;
pub mod groups;
pub mod input;
pub mod period;
pub mod revenue;
pub mod status;
pub mod taiwan;
pub mod trade;
pub mod tradefile;
pub mod units;
pub mod workbook;

pub use error::{InputError, RowError};
pub use finding::{Finding, Severity};
pub use status::Status;
