//! # chipwatch-assess
//!
//! Transaction ledgers → red flags, licence checks, screening of every party, entity networks
//! and explained risk scores; and a simulator of ledgers with labelled diversion schemes.

pub mod assess;
pub mod desk;
pub mod eval;
pub mod generators;
pub mod learn;
pub mod ledger;
mod parquet_in;
pub mod report;
pub mod score;
pub mod simulate;
