//! Country groups of Supplement No. 1 to 15 CFR Part 740 (A:5, A:6, D:1, D:4, D:5) and the AI
//! Diffusion Tier 1, as memberships with dates (`data/rules/country_groups.csv`).
//!
//! Hong Kong has no entry of its own since 2020-12-23: it is governed by China's entries, so
//! it is mapped to CN before any lookup. Macau is a separate destination, in D:1 and D:4 but
//! not D:5; rules keyed on D:5 add it by name.

use std::sync::OnceLock;

use chipwatch_model::status::Status;
use chrono::NaiveDate;
use serde::Serialize;

use crate::RulesError;

/// One dated membership.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Membership {
    pub group: String,
    pub country: String,
    /// First day in the group; `None`: before the period chipwatch covers (October 2022).
    pub from: Option<NaiveDate>,
    /// Last day in the group; `None`: still a member.
    pub to: Option<NaiveDate>,
    pub status: Status,
    pub source: String,
}

/// The country groups.
#[derive(Debug, Clone)]
pub struct CountryGroups {
    pub memberships: Vec<Membership>,
}

/// The country whose entries govern `country` in the country groups (HK → CN).
pub fn governing_country(country: &str) -> &str {
    if country.eq_ignore_ascii_case("HK") {
        "CN"
    } else {
        country
    }
}

impl CountryGroups {
    pub fn bundled() -> &'static CountryGroups {
        static G: OnceLock<CountryGroups> = OnceLock::new();
        G.get_or_init(|| {
            CountryGroups::parse(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/rules/country_groups.csv"
            )))
            .expect("bundled country groups are valid: checked by the rules crate's tests")
        })
    }

    pub fn parse(text: &str) -> Result<CountryGroups, RulesError> {
        const F: &str = "data/rules/country_groups.csv";
        let mut memberships = Vec::new();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        for (i, rec) in rdr.records().enumerate() {
            let line = i as u64 + 2;
            let rec = rec.map_err(|e| RulesError::Data {
                file: F.into(),
                line,
                message: e.to_string(),
            })?;
            let date = |idx: usize| -> Result<Option<NaiveDate>, RulesError> {
                let s = rec.get(idx).unwrap_or("").trim();
                if s.is_empty() {
                    return Ok(None);
                }
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| RulesError::Data {
                        file: F.into(),
                        line,
                        message: format!("`{s}` is not a date YYYY-MM-DD"),
                    })
            };
            memberships.push(Membership {
                group: rec.get(0).unwrap_or("").to_string(),
                country: rec.get(1).unwrap_or("").to_string(),
                from: date(2)?,
                to: date(3)?,
                status: Status::parse(rec.get(4).unwrap_or("")).unwrap_or(Status::Unverified),
                source: rec.get(5).unwrap_or("").to_string(),
            });
        }
        Ok(CountryGroups { memberships })
    }

    /// The membership that puts `country` in `group` on `date`, if any.
    pub fn membership(&self, group: &str, country: &str, date: NaiveDate) -> Option<&Membership> {
        let c = governing_country(country);
        self.memberships.iter().find(|m| {
            m.group == group
                && m.country.eq_ignore_ascii_case(c)
                && m.from.is_none_or(|f| f <= date)
                && m.to.is_none_or(|t| date <= t)
        })
    }

    pub fn is_in(&self, group: &str, country: &str, date: NaiveDate) -> bool {
        self.membership(group, country, date).is_some()
    }

    /// Every group `country` belongs to on `date`.
    pub fn groups_of(&self, country: &str, date: NaiveDate) -> Vec<&str> {
        let mut v: Vec<&str> = ["A:5", "A:6", "D:1", "D:4", "D:5", "TIER1"]
            .into_iter()
            .filter(|g| self.is_in(g, country, date))
            .collect();
        v.dedup();
        v
    }

    /// Dates on which any membership starts or ends (the day after `to`).
    pub fn change_dates(&self) -> Vec<NaiveDate> {
        let mut v: Vec<NaiveDate> = self
            .memberships
            .iter()
            .flat_map(|m| [m.from, m.to.and_then(|t| t.succ_opt())])
            .flatten()
            .collect();
        v.sort();
        v.dedup();
        v
    }
}
