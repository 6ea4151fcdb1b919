//! Trade statistics in chipwatch's canonical schema.
//!
//! Every trade source (UN Comtrade, BACI, national customs tables) is mapped to one row
//! shape so the analytics need to know only one: who reported (`reporter`), the other
//! country (`partner`), the direction (`flow`), the product (`hs_code`), the period, the
//! value in US dollars and, where known, the quantity and its unit. The schema is
//! documented in `docs/inputs.md`; Parquet files with the same columns are read by the
//! `flows` crate.

use std::fmt;

use serde::Serialize;

use crate::country::{CountryRegistry, unknown_country_detail};
use crate::error::{InputError, RowError};
use crate::input::{Column, Loaded, Row, Rule, Source};
use crate::period::TradePeriod;

/// Direction of a trade flow, from the reporter's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    Export,
    Import,
    ReExport,
    ReImport,
}

impl Flow {
    pub fn parse(s: &str) -> Option<Flow> {
        Some(
            match s
                .trim()
                .to_ascii_lowercase()
                .replace(['-', ' ', '_'], "")
                .as_str()
            {
                "export" | "exports" | "x" => Flow::Export,
                "import" | "imports" | "m" => Flow::Import,
                "reexport" | "reexports" | "rx" => Flow::ReExport,
                "reimport" | "reimports" | "rm" => Flow::ReImport,
                _ => return None,
            },
        )
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Flow::Export => "export",
            Flow::Import => "import",
            Flow::ReExport => "re_export",
            Flow::ReImport => "re_import",
        }
    }
}

impl fmt::Display for Flow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One trade statistic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TradeRecord {
    pub period: TradePeriod,
    /// ISO alpha-2 of the reporting country.
    pub reporter: String,
    /// ISO alpha-2 of the partner country.
    pub partner: String,
    pub flow: Flow,
    /// The product code, digits only (HS6, or a national 8-11 digit code).
    pub hs_code: String,
    pub value_usd: f64,
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    /// `final` or `preliminary`.
    pub preliminary: bool,
    pub source: Option<String>,
}

/// The columns of the canonical trade schema.
pub const TRADE_SCHEMA: &[Column] = &[
    Column {
        name: "period",
        required: true,
        description: "YYYY, YYYY-MM, YYYY-Qn, or a month range YYYY-MM..YYYY-MM (partial years)",
    },
    Column {
        name: "reporter",
        required: true,
        description: "reporting country: ISO code or name",
    },
    Column {
        name: "partner",
        required: true,
        description: "partner country: ISO code or name (Traditional Chinese names accepted)",
    },
    Column {
        name: "flow",
        required: true,
        description: "export, import, re_export or re_import (X, M, RX, RM)",
    },
    Column {
        name: "hs_code",
        required: true,
        description: "HS code, 2-12 digits; dots ignored (8542.31 = 854231)",
    },
    Column {
        name: "value_usd",
        required: true,
        description: "value in US dollars, >= 0",
    },
    Column {
        name: "quantity",
        required: false,
        description: "quantity, >= 0, or empty",
    },
    Column {
        name: "unit",
        required: false,
        description: "unit of quantity (u, kg, ...)",
    },
    Column {
        name: "status",
        required: false,
        description: "final or preliminary",
    },
    Column {
        name: "source",
        required: false,
        description: "citation",
    },
];

pub mod rules {
    use crate::input::Rule;
    pub const PERIOD: Rule = Rule {
        id: "trade.period",
        requires: "YYYY, YYYY-MM, YYYY-Qn or YYYY-MM..YYYY-MM",
    };
    pub const REPORTER: Rule = Rule {
        id: "trade.reporter",
        requires: "a known country code or name",
    };
    pub const PARTNER: Rule = Rule {
        id: "trade.partner",
        requires: "a known country code or name",
    };
    pub const FLOW: Rule = Rule {
        id: "trade.flow",
        requires: "export, import, re_export or re_import",
    };
    pub const HS_CODE: Rule = Rule {
        id: "trade.hs_code",
        requires: "2 to 12 digits (dots and spaces ignored)",
    };
    pub const VALUE: Rule = Rule {
        id: "trade.value_usd",
        requires: "a number >= 0",
    };
    pub const QUANTITY: Rule = Rule {
        id: "trade.quantity",
        requires: "a number >= 0, or empty",
    };
    pub const STATUS: Rule = Rule {
        id: "trade.status",
        requires: "final or preliminary, or empty",
    };
}

/// Normalise an HS code: digits only, 2-12 of them.
pub fn normalise_hs(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    (digits.len() >= 2 && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(digits)
}

fn country(
    row: &Row<'_>,
    column: &str,
    rule: Rule,
    countries: &CountryRegistry,
) -> Result<String, RowError> {
    let text = row.required(column, rule)?;
    countries
        .resolve(text)
        .map(|c| c.alpha2.clone())
        .ok_or_else(|| row.error(column, text, rule, unknown_country_detail(countries, text)))
}

/// Parse one row of the canonical schema.
pub fn parse_trade_row(
    row: &Row<'_>,
    countries: &CountryRegistry,
) -> Result<TradeRecord, RowError> {
    use rules::*;
    let p = row.required("period", PERIOD)?;
    let period = TradePeriod::parse(p).map_err(|e| row.error("period", p, PERIOD, e))?;
    let reporter = country(row, "reporter", REPORTER, countries)?;
    let partner = country(row, "partner", PARTNER, countries)?;
    let f = row.required("flow", FLOW)?;
    let flow = Flow::parse(f).ok_or_else(|| row.error("flow", f, FLOW, "unknown flow"))?;
    let h = row.required("hs_code", HS_CODE)?;
    let hs_code =
        normalise_hs(h).ok_or_else(|| row.error("hs_code", h, HS_CODE, "not an HS code"))?;
    let value_usd = row.non_negative("value_usd", VALUE)?;
    let quantity = row.opt_f64("quantity", QUANTITY)?;
    if let Some(q) = quantity.filter(|q| *q < 0.0) {
        return Err(row.error("quantity", &q.to_string(), QUANTITY, "negative"));
    }
    let preliminary = match row.get("status").map(str::to_ascii_lowercase).as_deref() {
        None | Some("final") => false,
        Some("preliminary" | "provisional") => true,
        Some(other) => return Err(row.error("status", other, STATUS, "unknown status")),
    };
    Ok(TradeRecord {
        period,
        reporter,
        partner,
        flow,
        hs_code,
        value_usd,
        quantity,
        unit: row.get("unit").map(str::to_string),
        preliminary,
        source: row.get("source").map(str::to_string),
    })
}

/// Read a canonical trade CSV, sorting valid rows from rejected ones.
pub fn read_trade(
    source: &Source,
    countries: &CountryRegistry,
) -> Result<Loaded<TradeRecord>, InputError> {
    source
        .open(TRADE_SCHEMA)?
        .load(|row| parse_trade_row(row, countries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_codes_are_digits_with_dots_ignored() {
        assert_eq!(normalise_hs("8542.31").as_deref(), Some("854231"));
        assert_eq!(normalise_hs("85423100002").as_deref(), Some("85423100002"));
        assert_eq!(normalise_hs("8"), None);
        assert_eq!(normalise_hs("85A2"), None);
    }

    #[test]
    fn flows_accept_comtrade_letters() {
        assert_eq!(Flow::parse("X"), Some(Flow::Export));
        assert_eq!(Flow::parse("re-export"), Some(Flow::ReExport));
        assert_eq!(Flow::parse("sideways"), None);
    }
}
