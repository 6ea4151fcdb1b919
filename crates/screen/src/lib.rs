//! # chipwatch-screen
//!
//! Restricted-party screening. This first part loads the lists users have: the trade.gov
//! Consolidated Screening List CSV (current 29-column schema with `_id`, and the pre-2020
//! 28-column one), OFAC's legacy SDN files (`sdn.csv`, `alt.csv`, `add.csv`), the BIS Denied
//! Persons List (tab-separated) and the UN Security Council consolidated list (XML). Every loader counts entries per source list and reports, as
//! warnings with line numbers, every row it could not take: nothing is skipped silently.

pub mod delta;
pub mod eval;
pub mod json;
pub mod lists;
pub mod matcher;
pub mod normalize;
pub mod ownership;
pub mod screener;
pub mod un;
