//! Revenue by region as companies disclose it.
//!
//! Issuers report revenue by geography on a stated *basis*: NVIDIA's filings to FY2025
//! use the customer's billing location ("End customer location may be different than our
//! customer's billing location", FY2024 10-K); its FY2026 10-K switched to the customer's
//! headquarters and restated earlier years. The two bases answer different questions and a
//! series must never mix them, so every record carries its basis.
//!
//! Schema (CSV, one row per company, period and region), documented in `docs/inputs.md`:
//! `company, period, period_end, basis, region, revenue_usd_millions, share_of_total_pct,
//! status, source`.

use std::fmt;

use serde::Serialize;

use crate::country::{CountryRegistry, unknown_country_detail};
use crate::error::InputError;
use crate::input::{Column, Loaded, Row, Source};
use crate::period::{FiscalPeriod, parse_date};
use crate::status::Status;

/// How a company assigns revenue to a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The customer's billing location (NVIDIA to FY2025).
    BillingLocation,
    /// The customer's headquarters (NVIDIA from the FY2026 10-K).
    HqLocation,
}

impl Basis {
    pub fn parse(s: &str) -> Option<Basis> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-'], "_")
            .as_str()
        {
            "billing_location" | "billing" => Some(Basis::BillingLocation),
            "hq_location" | "hq" | "headquarters" | "headquarters_location" => {
                Some(Basis::HqLocation)
            }
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::BillingLocation => "billing_location",
            Basis::HqLocation => "hq_location",
        }
    }
    pub fn describe(self) -> &'static str {
        match self {
            Basis::BillingLocation => "customer billing location",
            Basis::HqLocation => "customer headquarters location",
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The region a revenue line is reported for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RevenueRegion {
    /// A single country.
    Country { code: String, name: String },
    /// A country reported together with others, e.g. "China (incl. Hong Kong)".
    Combined {
        code: String,
        label: String,
        members: Vec<String>,
    },
    /// The residual line ("Other countries"), with any countries the filing says it includes.
    Other {
        label: String,
        includes: Vec<String>,
    },
    /// The company total.
    Total,
}

impl RevenueRegion {
    /// A short code usable as a key: `SG`, `CN+HK`, `OTHER`, `TOTAL`.
    pub fn code(&self) -> &str {
        match self {
            RevenueRegion::Country { code, .. } | RevenueRegion::Combined { code, .. } => code,
            RevenueRegion::Other { .. } => "OTHER",
            RevenueRegion::Total => "TOTAL",
        }
    }
    pub fn label(&self) -> &str {
        match self {
            RevenueRegion::Country { name, .. } => name,
            RevenueRegion::Combined { label, .. } | RevenueRegion::Other { label, .. } => label,
            RevenueRegion::Total => "Total",
        }
    }

    /// Parse a region label as filings write it.
    pub fn parse(text: &str, countries: &CountryRegistry) -> Result<RevenueRegion, String> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        if lower == "total" {
            return Ok(RevenueRegion::Total);
        }
        let (head, included) = split_included(t);
        let included_codes = |list: &[&str]| -> Result<Vec<String>, String> {
            list.iter()
                .map(|n| {
                    countries
                        .resolve(n)
                        .map(|c| c.alpha2.clone())
                        .ok_or_else(|| format!("`{n}`: {}", unknown_country_detail(countries, n)))
                })
                .collect()
        };
        if head.to_ascii_lowercase().starts_with("other")
            || head.eq_ignore_ascii_case("rest of world")
        {
            return Ok(RevenueRegion::Other {
                label: t.to_string(),
                includes: included_codes(&included)?,
            });
        }
        let country = countries
            .resolve(head)
            .ok_or_else(|| unknown_country_detail(countries, head))?;
        if included.is_empty() {
            return Ok(RevenueRegion::Country {
                code: country.alpha2.clone(),
                name: country.name.clone(),
            });
        }
        let mut members = vec![country.alpha2.clone()];
        members.extend(included_codes(&included)?);
        Ok(RevenueRegion::Combined {
            code: members.join("+"),
            label: t.to_string(),
            members,
        })
    }
}

/// Split `China (incl. Hong Kong)` into `China` and `[Hong Kong]`.
fn split_included(t: &str) -> (&str, Vec<&str>) {
    if let Some(open) = t.find('(') {
        let inner = t[open + 1..].trim_end_matches(')').trim();
        let lower = inner.to_ascii_lowercase();
        for prefix in ["incl.", "including", "incl", "includes"] {
            if lower.starts_with(prefix) {
                let list = inner[prefix.len()..]
                    .split([',', ';', '&'])
                    .flat_map(|s| s.split(" and "))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                return (t[..open].trim(), list);
            }
        }
    }
    (t, Vec::new())
}

/// One disclosed revenue figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevenueRecord {
    pub company: String,
    pub period: FiscalPeriod,
    pub basis: Basis,
    pub region: RevenueRegion,
    pub revenue_usd_millions: f64,
    pub share_of_total_pct: Option<f64>,
    pub status: Status,
    pub source: String,
    /// Line in the input file, for citations back to the data.
    pub line: u64,
}

/// The columns of the revenue schema.
pub const REVENUE_SCHEMA: &[Column] = &[
    Column {
        name: "company",
        required: false,
        description: "issuer; defaults to NVIDIA",
    },
    Column {
        name: "period",
        required: true,
        description: "fiscal period label: FY2025, Q3FY2024, H1FY2025, 9MFY2024",
    },
    Column {
        name: "period_end",
        required: true,
        description: "last day of the period, YYYY-MM-DD",
    },
    Column {
        name: "basis",
        required: true,
        description: "billing_location or hq_location",
    },
    Column {
        name: "region",
        required: true,
        description: "country name or code, `X (incl. Y)`, `Other ...` or `Total`",
    },
    Column {
        name: "revenue_usd_millions",
        required: true,
        description: "revenue in millions of US dollars, >= 0",
    },
    Column {
        name: "share_of_total_pct",
        required: false,
        description: "share of the company total, 0-100",
    },
    Column {
        name: "status",
        required: false,
        description: "verified_primary, verified_secondary, derived, secondary_test_fixture, unverified",
    },
    Column {
        name: "source",
        required: true,
        description: "citation: filing, page, URL",
    },
];

pub mod rules {
    use crate::input::Rule;
    pub const PERIOD: Rule = Rule {
        id: "revenue.period",
        requires: "a fiscal period label such as FY2025 or Q3FY2024",
    };
    pub const PERIOD_END: Rule = Rule {
        id: "revenue.period_end",
        requires: "a date YYYY-MM-DD",
    };
    pub const BASIS: Rule = Rule {
        id: "revenue.basis",
        requires: "billing_location or hq_location",
    };
    pub const REGION: Rule = Rule {
        id: "revenue.region",
        requires: "a known country, `X (incl. Y)`, `Other ...` or `Total`",
    };
    pub const REVENUE: Rule = Rule {
        id: "revenue.revenue_usd_millions",
        requires: "a number >= 0",
    };
    pub const SHARE: Rule = Rule {
        id: "revenue.share_of_total_pct",
        requires: "a number from 0 to 100, or empty",
    };
    pub const STATUS: Rule = Rule {
        id: "revenue.status",
        requires: "verified_primary, verified_secondary, derived, secondary_test_fixture or unverified",
    };
    pub const SOURCE: Rule = Rule {
        id: "revenue.source",
        requires: "a citation for every figure",
    };
}

fn parse_row(
    row: &Row<'_>,
    countries: &CountryRegistry,
) -> Result<RevenueRecord, crate::error::RowError> {
    use rules::*;
    let end_text = row.required("period_end", PERIOD_END)?;
    let end = parse_date(end_text).map_err(|e| row.error("period_end", end_text, PERIOD_END, e))?;
    let label = row.required("period", PERIOD)?;
    let period =
        FiscalPeriod::parse(label, end).map_err(|e| row.error("period", label, PERIOD, e))?;
    let basis_text = row.required("basis", BASIS)?;
    let basis = Basis::parse(basis_text)
        .ok_or_else(|| row.error("basis", basis_text, BASIS, "unknown basis"))?;
    let region_text = row.required("region", REGION)?;
    let region = RevenueRegion::parse(region_text, countries)
        .map_err(|e| row.error("region", region_text, REGION, e))?;
    let revenue = row.non_negative("revenue_usd_millions", REVENUE)?;
    let share = row.opt_f64("share_of_total_pct", SHARE)?;
    if let Some(s) = share.filter(|s| !(0.0..=100.0).contains(s)) {
        return Err(row.error("share_of_total_pct", &s.to_string(), SHARE, "outside 0-100"));
    }
    let status = match row.get("status") {
        None => Status::Unverified,
        Some(s) => {
            Status::parse(s).ok_or_else(|| row.error("status", s, STATUS, "unknown status"))?
        }
    };
    Ok(RevenueRecord {
        company: row.get("company").unwrap_or("NVIDIA").to_string(),
        period,
        basis,
        region,
        revenue_usd_millions: revenue,
        share_of_total_pct: share,
        status,
        source: row.required("source", SOURCE)?.to_string(),
        line: row.line(),
    })
}

/// Read revenue records, sorting valid rows from rejected ones.
pub fn read_revenue(
    source: &Source,
    countries: &CountryRegistry,
) -> Result<Loaded<RevenueRecord>, InputError> {
    source
        .open(REVENUE_SCHEMA)?
        .load(|row| parse_row(row, countries))
}

/// Why two revenue series cannot be joined into one.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "refusing to splice revenue on a {a} basis with revenue on a {b} basis for {region}: \
     the two bases assign the same sale to different places (see the company's basis note)"
)]
pub struct SpliceError {
    pub region: String,
    pub a: Basis,
    pub b: Basis,
}

/// Select one region's revenue series, refusing to mix bases.
pub fn series<'a>(
    records: &'a [RevenueRecord],
    company: &str,
    region_code: &str,
    basis: Option<Basis>,
) -> Result<Vec<&'a RevenueRecord>, SpliceError> {
    let mut out: Vec<&RevenueRecord> = records
        .iter()
        .filter(|r| r.company == company && r.region.code() == region_code)
        .filter(|r| basis.is_none_or(|b| r.basis == b))
        .collect();
    if let Some(first) = out.first()
        && let Some(other) = out.iter().find(|r| r.basis != first.basis)
    {
        return Err(SpliceError {
            region: region_code.to_string(),
            a: first.basis,
            b: other.basis,
        });
    }
    out.sort_by_key(|r| (r.period.end, r.period.months));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> &'static CountryRegistry {
        CountryRegistry::bundled()
    }

    #[test]
    fn region_labels_from_filings_parse() {
        let r = RevenueRegion::parse("China (incl. Hong Kong)", reg()).unwrap();
        assert_eq!(r.code(), "CN+HK");
        let o = RevenueRegion::parse("Other countries (incl. Singapore)", reg()).unwrap();
        assert_eq!(
            o,
            RevenueRegion::Other {
                label: "Other countries (incl. Singapore)".into(),
                includes: vec!["SG".into()]
            }
        );
        assert_eq!(
            RevenueRegion::parse("Singapore", reg()).unwrap().code(),
            "SG"
        );
        assert_eq!(
            RevenueRegion::parse("Total", reg()).unwrap(),
            RevenueRegion::Total
        );
        let e = RevenueRegion::parse("Singapur", reg()).unwrap_err();
        assert!(e.contains("Singapore"), "{e}");
    }
}
