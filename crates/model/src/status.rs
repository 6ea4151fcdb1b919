//! How far a figure has been verified. Every bundled figure carries one, and findings
//! built on anything less than a primary document say so.

use std::fmt;

use serde::Serialize;

/// Confidence in a figure, from a primary document read to an unverified claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read in the primary document (filing, rule text, official statistics).
    VerifiedPrimary,
    /// Quoted by a reputable secondary source citing the primary.
    VerifiedSecondary,
    /// Arithmetic on verified figures.
    Derived,
    /// Seen only in a repository test fixture: verify before relying on it.
    SecondaryTestFixture,
    /// A claim with no located primary source.
    Unverified,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "verified_primary" | "primary" => Status::VerifiedPrimary,
            "verified_secondary" | "secondary" => Status::VerifiedSecondary,
            "derived" => Status::Derived,
            "secondary_test_fixture" => Status::SecondaryTestFixture,
            "unverified" | "claim" => Status::Unverified,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Status::VerifiedPrimary => "verified_primary",
            Status::VerifiedSecondary => "verified_secondary",
            Status::Derived => "derived",
            Status::SecondaryTestFixture => "secondary_test_fixture",
            Status::Unverified => "unverified",
        }
    }
    /// True when a finding resting on this figure should warn its reader.
    pub fn needs_caveat(self) -> bool {
        matches!(self, Status::SecondaryTestFixture | Status::Unverified)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
