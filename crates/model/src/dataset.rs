//! The inputs of a report: revenue disclosures, shipping disclosures, data-centre capacity,
//! absorption assumptions, growth claims to check and trade statistics.
//!
//! chipwatch ships a dataset of public figures (`data/`, compiled into the binary, each
//! figure with its source and status). `--data DIR` reads the same files from a folder
//! instead; a file missing from the folder leaves its detectors without input, which the
//! report says.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::country::{CountryRegistry, unknown_country_detail};
use crate::error::{InputError, RowError};
use crate::input::{Column, Loaded, RejectedRow, Rule, Source};
use crate::period::{FiscalPeriod, parse_date};
use crate::revenue::{RevenueRecord, read_revenue};
use crate::status::Status;
use crate::trade::{TradeRecord, read_trade};

/// A company's statement of how much it physically shipped to a region, as a share of revenue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShippingDisclosure {
    pub company: String,
    pub period: FiscalPeriod,
    pub region: String,
    /// `lt` (under), `le`, `eq`: how the shipped share relates to the figure.
    pub comparator: Comparator,
    pub shipped_pct_of_total: f64,
    pub billed_pct_of_total: Option<f64>,
    pub statement: String,
    pub status: Status,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    Lt,
    Le,
    Eq,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Lt => "<",
            Comparator::Le => "≤",
            Comparator::Eq => "=",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Lt => "lt",
            Comparator::Le => "le",
            Comparator::Eq => "eq",
        }
    }
}

/// A data-centre capacity figure for a market (a country, a metro area or a region).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityRecord {
    pub market: String,
    /// The country the market lies in, if it is within one.
    pub country: Option<String>,
    /// `country`, `market` (a metro area within the country) or `region`.
    pub scope: String,
    /// `operational`, `added`, `under_construction`, `planned`, `forecast`.
    pub metric: String,
    pub value_mw: f64,
    pub as_of: String,
    pub as_of_date: NaiveDate,
    pub status: Status,
    pub source: String,
}

/// A range assumption for the absorption test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assumption {
    pub parameter: String,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub status: Status,
    pub source: String,
}

/// A published growth claim to check against the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GrowthClaim {
    pub id: String,
    pub company: String,
    pub region: String,
    pub claim: String,
    pub growth_pct: f64,
    pub status: Status,
    pub source: String,
}

/// A public enforcement action, rule or investigation, with the countries it names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnforcementEvent {
    /// `YYYY-MM-DD`, or `YYYY-MM` where the source gives only the month.
    pub date: String,
    pub jurisdiction: String,
    pub event_type: String,
    pub summary: String,
    pub countries: Vec<String>,
    pub quantity: Option<String>,
    pub value_usd: Option<f64>,
    pub status: Status,
    pub source: String,
}

/// Destinations whose imports of controlled chips diversion cases aim at.
pub const DESTINATIONS_OF_CONCERN: &[&str] = &["CN", "HK", "MO"];

/// Event types that implicate a country as a route (not merely a rule it made).
const ROUTE_EVENTS: &[&str] = &[
    "criminal_charge",
    "investigation",
    "reporting",
    "official_statement",
];

/// Everything a report reads, with the rows each input rejected.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Where the data came from: `bundled` or a folder.
    pub origin: String,
    pub revenue: Vec<RevenueRecord>,
    pub disclosures: Vec<ShippingDisclosure>,
    pub capacity: Vec<CapacityRecord>,
    pub assumptions: Vec<Assumption>,
    pub claims: Vec<GrowthClaim>,
    pub trade: Vec<TradeRecord>,
    pub events: Vec<EnforcementEvent>,
    /// Inputs that were not present (e.g. a `--data` folder without `claims.csv`).
    pub missing: Vec<String>,
    /// Rows set aside, per input file.
    pub rejected: Vec<(String, Vec<RejectedRow>)>,
}

/// The file names of a dataset folder.
pub mod files {
    pub const REVENUE: &str = "revenue.csv";
    pub const DISCLOSURES: &str = "shipping_disclosures.csv";
    pub const CAPACITY: &str = "dc_capacity.csv";
    pub const ASSUMPTIONS: &str = "absorption.csv";
    pub const CLAIMS: &str = "claims.csv";
    pub const TRADE: &str = "trade_tw_processors.csv";
    pub const EVENTS: &str = "enforcement_events.csv";
}

macro_rules! bundled {
    ($name:literal) => {
        Source::Bundled {
            name: concat!("data/", $name),
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $name)),
        }
    };
}

/// How to treat rows that break a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnInvalid {
    /// Refuse the input: the first errors are reported and nothing is loaded.
    Fail,
    /// Keep going with the valid rows; the rejected rows are returned for a quarantine file.
    Quarantine,
}

impl Dataset {
    /// The public figures compiled into chipwatch.
    pub fn bundled() -> Result<Dataset, InputError> {
        let mut ds = Dataset {
            origin: "bundled".into(),
            ..Dataset::default()
        };
        ds.load_all(
            Some(bundled!("revenue.csv")),
            Some(bundled!("shipping_disclosures.csv")),
            Some(bundled!("dc_capacity.csv")),
            Some(bundled!("absorption.csv")),
            Some(bundled!("claims.csv")),
            Some(bundled!("trade_tw_processors.csv")),
            Some(bundled!("enforcement_events.csv")),
            OnInvalid::Fail,
        )?;
        Ok(ds)
    }

    /// Read a dataset folder holding any of the files in [`files`].
    pub fn from_dir(dir: &Path, on_invalid: OnInvalid) -> Result<Dataset, InputError> {
        if !dir.is_dir() {
            return Err(InputError::Invalid {
                file: dir.display().to_string(),
                message:
                    "not a folder (expected a folder with revenue.csv and the other dataset files)"
                        .into(),
            });
        }
        let mut ds = Dataset {
            origin: dir.display().to_string(),
            ..Dataset::default()
        };
        let pick = |name: &str, missing: &mut Vec<String>| -> Option<Source> {
            let p: PathBuf = dir.join(name);
            if p.exists() {
                Some(Source::Path(p))
            } else {
                missing.push(name.to_string());
                None
            }
        };
        let mut missing = Vec::new();
        let revenue = pick(files::REVENUE, &mut missing);
        let disclosures = pick(files::DISCLOSURES, &mut missing);
        let capacity = pick(files::CAPACITY, &mut missing);
        let assumptions = pick(files::ASSUMPTIONS, &mut missing);
        let claims = pick(files::CLAIMS, &mut missing);
        let trade = pick(files::TRADE, &mut missing);
        let events = pick(files::EVENTS, &mut missing);
        ds.missing = missing;
        ds.load_all(
            revenue,
            disclosures,
            capacity,
            assumptions,
            claims,
            trade,
            events,
            on_invalid,
        )?;
        Ok(ds)
    }

    /// Add trade statistics from a file in any format [`crate::tradefile`] reads (canonical
    /// CSV, UN Comtrade, BACI, Taiwan Customs).
    pub fn add_trade_file(
        &mut self,
        path: &Path,
        options: crate::tradefile::TradeFileOptions,
        on_invalid: OnInvalid,
    ) -> Result<(), InputError> {
        let loaded = crate::tradefile::read_trade_file(path, options)?;
        let rows = self.accept(loaded, on_invalid)?;
        self.trade.extend(rows);
        Ok(())
    }

    /// Number of rows set aside across all inputs.
    pub fn rejected_count(&self) -> usize {
        self.rejected.iter().map(|(_, r)| r.len()).sum()
    }

    fn accept<T>(
        &mut self,
        loaded: Loaded<T>,
        on_invalid: OnInvalid,
    ) -> Result<Vec<T>, InputError> {
        match on_invalid {
            OnInvalid::Fail => loaded.strict(),
            OnInvalid::Quarantine => {
                if !loaded.rejected.is_empty() {
                    self.rejected.push((loaded.file.clone(), loaded.rejected));
                }
                Ok(loaded.records)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn load_all(
        &mut self,
        revenue: Option<Source>,
        disclosures: Option<Source>,
        capacity: Option<Source>,
        assumptions: Option<Source>,
        claims: Option<Source>,
        trade: Option<Source>,
        events: Option<Source>,
        on_invalid: OnInvalid,
    ) -> Result<(), InputError> {
        let countries = CountryRegistry::bundled();
        if let Some(s) = revenue {
            let l = read_revenue(&s, countries)?;
            self.revenue = self.accept(l, on_invalid)?;
        }
        if let Some(s) = disclosures {
            let l = read_disclosures(&s, countries)?;
            self.disclosures = self.accept(l, on_invalid)?;
        }
        if let Some(s) = capacity {
            let l = read_capacity(&s, countries)?;
            self.capacity = self.accept(l, on_invalid)?;
        }
        if let Some(s) = assumptions {
            let l = read_assumptions(&s)?;
            self.assumptions = self.accept(l, on_invalid)?;
        }
        if let Some(s) = claims {
            let l = read_claims(&s, countries)?;
            self.claims = self.accept(l, on_invalid)?;
        }
        if let Some(s) = trade {
            let l = read_trade(&s, countries)?;
            self.trade = self.accept(l, on_invalid)?;
        }
        if let Some(s) = events {
            let l = read_events(&s, countries)?;
            self.events = self.accept(l, on_invalid)?;
        }
        Ok(())
    }

    /// Countries that enforcement actions, investigations or official statements name as a
    /// route for controlled chips (the destinations of concern and the US excluded), with
    /// the events that name them.
    pub fn intermediaries(&self) -> std::collections::BTreeMap<String, Vec<&EnforcementEvent>> {
        self.named_countries(|e| ROUTE_EVENTS.contains(&e.event_type.as_str()))
    }

    /// Countries that any event names (rules included), the destinations of concern and the
    /// US excluded: the watch list of places whose trade deserves a look.
    pub fn watched(&self) -> std::collections::BTreeMap<String, Vec<&EnforcementEvent>> {
        self.named_countries(|_| true)
    }

    fn named_countries(
        &self,
        keep: impl Fn(&EnforcementEvent) -> bool,
    ) -> std::collections::BTreeMap<String, Vec<&EnforcementEvent>> {
        let mut out: std::collections::BTreeMap<String, Vec<&EnforcementEvent>> =
            Default::default();
        for e in self.events.iter().filter(|e| keep(e)) {
            for c in &e.countries {
                if c != "US" && !DESTINATIONS_OF_CONCERN.contains(&c.as_str()) {
                    out.entry(c.clone()).or_default().push(e);
                }
            }
        }
        out
    }

    /// The assumption with this name.
    pub fn assumption(&self, name: &str) -> Option<&Assumption> {
        self.assumptions.iter().find(|a| a.parameter == name)
    }
}

const fn col(name: &'static str, required: bool, description: &'static str) -> Column {
    Column {
        name,
        required,
        description,
    }
}

const fn rule(id: &'static str, requires: &'static str) -> Rule {
    Rule { id, requires }
}

fn status(row: &crate::input::Row<'_>, r: Rule) -> Result<Status, RowError> {
    match row.get("status") {
        None => Ok(Status::Unverified),
        Some(s) => Status::parse(s).ok_or_else(|| row.error("status", s, r, "unknown status")),
    }
}

fn country_code(
    row: &crate::input::Row<'_>,
    column: &str,
    r: Rule,
    countries: &CountryRegistry,
) -> Result<String, RowError> {
    let t = row.required(column, r)?;
    countries
        .resolve(t)
        .map(|c| c.alpha2.clone())
        .ok_or_else(|| row.error(column, t, r, unknown_country_detail(countries, t)))
}

/// Columns of `shipping_disclosures.csv`.
pub const DISCLOSURE_SCHEMA: &[Column] = &[
    col("company", false, "issuer; defaults to NVIDIA"),
    col("period", true, "fiscal period label"),
    col("period_end", true, "YYYY-MM-DD"),
    col("region", true, "country"),
    col("comparator", true, "lt, le or eq"),
    col(
        "shipped_pct_of_total",
        true,
        "physical shipments to the region, % of total revenue",
    ),
    col(
        "billed_pct_of_total",
        false,
        "revenue billed to the region, % of total",
    ),
    col("status", false, "verification status"),
    col("statement", true, "what the source says, in its words"),
    col("source", true, "citation"),
];

fn read_disclosures(
    source: &Source,
    countries: &CountryRegistry,
) -> Result<Loaded<ShippingDisclosure>, InputError> {
    const R_PERIOD: Rule = rule(
        "disclosure.period",
        "a fiscal period label and a date YYYY-MM-DD",
    );
    const R_REGION: Rule = rule("disclosure.region", "a known country");
    const R_CMP: Rule = rule("disclosure.comparator", "lt, le or eq");
    const R_PCT: Rule = rule("disclosure.pct", "a percentage from 0 to 100");
    const R_TEXT: Rule = rule("disclosure.text", "a statement and a source");
    const R_STATUS: Rule = rule("disclosure.status", "a known status");
    source.open(DISCLOSURE_SCHEMA)?.load(|row| {
        let end_t = row.required("period_end", R_PERIOD)?;
        let end = parse_date(end_t).map_err(|e| row.error("period_end", end_t, R_PERIOD, e))?;
        let label = row.required("period", R_PERIOD)?;
        let period =
            FiscalPeriod::parse(label, end).map_err(|e| row.error("period", label, R_PERIOD, e))?;
        let c = row.required("comparator", R_CMP)?;
        let comparator = match c.to_ascii_lowercase().as_str() {
            "lt" | "<" => Comparator::Lt,
            "le" | "<=" => Comparator::Le,
            "eq" | "=" => Comparator::Eq,
            _ => return Err(row.error("comparator", c, R_CMP, "unknown comparator")),
        };
        let pct = |name: &str, required: bool| -> Result<Option<f64>, RowError> {
            let v = if required {
                Some(row.f64(name, R_PCT)?)
            } else {
                row.opt_f64(name, R_PCT)?
            };
            if let Some(x) = v.filter(|x| !(0.0..=100.0).contains(x)) {
                return Err(row.error(name, &x.to_string(), R_PCT, "outside 0-100"));
            }
            Ok(v)
        };
        Ok(ShippingDisclosure {
            company: row.get("company").unwrap_or("NVIDIA").to_string(),
            period,
            region: country_code(row, "region", R_REGION, countries)?,
            comparator,
            shipped_pct_of_total: pct("shipped_pct_of_total", true)?.unwrap_or_default(),
            billed_pct_of_total: pct("billed_pct_of_total", false)?,
            statement: row.required("statement", R_TEXT)?.to_string(),
            status: status(row, R_STATUS)?,
            source: row.required("source", R_TEXT)?.to_string(),
        })
    })
}

/// Columns of `dc_capacity.csv`.
pub const CAPACITY_SCHEMA: &[Column] = &[
    col("market", true, "market name"),
    col(
        "country",
        false,
        "country the market lies in (empty for a multi-country region)",
    ),
    col("scope", true, "country, market or region"),
    col(
        "metric",
        true,
        "operational, added, under_construction, planned or forecast",
    ),
    col("value_mw", true, "megawatts of IT load, >= 0"),
    col("as_of", true, "period as the source states it"),
    col("as_of_date", true, "last day of that period, YYYY-MM-DD"),
    col("status", false, "verification status"),
    col("source", true, "citation"),
];

fn read_capacity(
    source: &Source,
    countries: &CountryRegistry,
) -> Result<Loaded<CapacityRecord>, InputError> {
    const R_SCOPE: Rule = rule("capacity.scope", "country, market or region");
    const R_METRIC: Rule = rule(
        "capacity.metric",
        "operational, added, under_construction, planned or forecast",
    );
    const R_MW: Rule = rule("capacity.value_mw", "a number >= 0");
    const R_DATE: Rule = rule("capacity.as_of_date", "a date YYYY-MM-DD");
    const R_COUNTRY: Rule = rule("capacity.country", "a known country, or empty for a region");
    const R_TEXT: Rule = rule("capacity.text", "a market, period and source");
    source.open(CAPACITY_SCHEMA)?.load(|row| {
        let scope = row.required("scope", R_SCOPE)?;
        if !matches!(scope, "country" | "market" | "region") {
            return Err(row.error("scope", scope, R_SCOPE, "unknown scope"));
        }
        let metric = row.required("metric", R_METRIC)?;
        if !matches!(
            metric,
            "operational" | "added" | "under_construction" | "planned" | "forecast"
        ) {
            return Err(row.error("metric", metric, R_METRIC, "unknown metric"));
        }
        let country = match row.get("country") {
            None if scope == "region" => None,
            None => {
                return Err(row.error(
                    "country",
                    "",
                    R_COUNTRY,
                    "a country or market needs its country",
                ));
            }
            Some(_) => Some(country_code(row, "country", R_COUNTRY, countries)?),
        };
        let d = row.required("as_of_date", R_DATE)?;
        Ok(CapacityRecord {
            market: row.required("market", R_TEXT)?.to_string(),
            country,
            scope: scope.to_string(),
            metric: metric.to_string(),
            value_mw: row.non_negative("value_mw", R_MW)?,
            as_of: row.required("as_of", R_TEXT)?.to_string(),
            as_of_date: parse_date(d).map_err(|e| row.error("as_of_date", d, R_DATE, e))?,
            status: status(row, rule("capacity.status", "a known status"))?,
            source: row.required("source", R_TEXT)?.to_string(),
        })
    })
}

/// Columns of `absorption.csv`.
pub const ASSUMPTION_SCHEMA: &[Column] = &[
    col("parameter", true, "unit_price_usd or it_kw_per_gpu"),
    col("low", true, "low end of the range, > 0"),
    col("high", true, "high end of the range, >= low"),
    col("unit", true, "unit"),
    col("status", false, "verification status"),
    col("source", true, "citation"),
];

fn read_assumptions(source: &Source) -> Result<Loaded<Assumption>, InputError> {
    const R_RANGE: Rule = rule("absorption.range", "0 < low <= high");
    const R_TEXT: Rule = rule("absorption.text", "a parameter, unit and source");
    source.open(ASSUMPTION_SCHEMA)?.load(|row| {
        let low = row.f64("low", R_RANGE)?;
        let high = row.f64("high", R_RANGE)?;
        if low <= 0.0 {
            return Err(row.error("low", &low.to_string(), R_RANGE, "must be above zero"));
        }
        if high < low {
            return Err(row.error("high", &high.to_string(), R_RANGE, "below `low`"));
        }
        Ok(Assumption {
            parameter: row.required("parameter", R_TEXT)?.to_string(),
            low,
            high,
            unit: row.required("unit", R_TEXT)?.to_string(),
            status: status(row, rule("absorption.status", "a known status"))?,
            source: row.required("source", R_TEXT)?.to_string(),
        })
    })
}

/// Columns of `claims.csv`.
pub const CLAIM_SCHEMA: &[Column] = &[
    col("id", true, "identifier"),
    col("company", false, "issuer; defaults to NVIDIA"),
    col("region", true, "country the claim is about"),
    col("claim", true, "the claim in its own words"),
    col(
        "growth_pct",
        true,
        "claimed growth in percent (+740% = 740)",
    ),
    col("status", false, "verification status of the claim"),
    col("source", true, "who made the claim, where"),
];

fn read_claims(
    source: &Source,
    countries: &CountryRegistry,
) -> Result<Loaded<GrowthClaim>, InputError> {
    const R_GROWTH: Rule = rule("claim.growth_pct", "a number > -100");
    const R_REGION: Rule = rule("claim.region", "a known country");
    const R_TEXT: Rule = rule("claim.text", "an id, the claim and its source");
    source.open(CLAIM_SCHEMA)?.load(|row| {
        let g = row.f64("growth_pct", R_GROWTH)?;
        if g <= -100.0 {
            return Err(row.error(
                "growth_pct",
                &g.to_string(),
                R_GROWTH,
                "growth cannot be -100% or less",
            ));
        }
        Ok(GrowthClaim {
            id: row.required("id", R_TEXT)?.to_string(),
            company: row.get("company").unwrap_or("NVIDIA").to_string(),
            region: country_code(row, "region", R_REGION, countries)?,
            claim: row.required("claim", R_TEXT)?.to_string(),
            growth_pct: g,
            status: status(row, rule("claim.status", "a known status"))?,
            source: row.required("source", R_TEXT)?.to_string(),
        })
    })
}

/// Columns of `enforcement_events.csv`.
pub const EVENT_SCHEMA: &[Column] = &[
    col(
        "date",
        true,
        "YYYY-MM-DD, or YYYY-MM where only the month is known",
    ),
    col(
        "jurisdiction",
        true,
        "who acted, `;`-separated country codes",
    ),
    col(
        "event_type",
        true,
        "rule, guidance, investigation, criminal_charge, reporting, official_statement, legislation",
    ),
    col("summary", true, "what happened"),
    col("countries", false, "countries named, `;`-separated"),
    col("quantity", false, "quantities as stated"),
    col("value_usd", false, "value in US dollars"),
    col("status", false, "verification status"),
    col("source", true, "citation"),
];

fn read_events(
    source: &Source,
    countries: &CountryRegistry,
) -> Result<Loaded<EnforcementEvent>, InputError> {
    const R_DATE: Rule = rule("event.date", "YYYY-MM-DD or YYYY-MM");
    const R_COUNTRIES: Rule = rule("event.countries", "known countries separated by `;`");
    const R_VALUE: Rule = rule("event.value_usd", "a number >= 0, or empty");
    const R_TEXT: Rule = rule("event.text", "a jurisdiction, type, summary and source");
    source.open(EVENT_SCHEMA)?.load(|row| {
        let date = row.required("date", R_DATE)?;
        let ok = parse_date(date).is_ok()
            || crate::period::TradePeriod::parse(date).is_ok_and(|p| p.months == 1);
        if !ok {
            return Err(row.error("date", date, R_DATE, "not a date"));
        }
        let mut codes = Vec::new();
        for name in row
            .get("countries")
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let c = countries.resolve(name).ok_or_else(|| {
                row.error(
                    "countries",
                    name,
                    R_COUNTRIES,
                    unknown_country_detail(countries, name),
                )
            })?;
            codes.push(c.alpha2.clone());
        }
        let value_usd = row.opt_f64("value_usd", R_VALUE)?;
        if let Some(v) = value_usd.filter(|v| *v < 0.0) {
            return Err(row.error("value_usd", &v.to_string(), R_VALUE, "negative"));
        }
        Ok(EnforcementEvent {
            date: date.to_string(),
            jurisdiction: row.required("jurisdiction", R_TEXT)?.to_string(),
            event_type: row.required("event_type", R_TEXT)?.to_string(),
            summary: row.required("summary", R_TEXT)?.to_string(),
            countries: codes,
            quantity: row.get("quantity").map(str::to_string),
            value_usd,
            status: status(row, rule("event.status", "a known status"))?,
            source: row.required("source", R_TEXT)?.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_dataset_loads_without_rejections() {
        let ds = Dataset::bundled().expect("bundled data is valid");
        assert!(ds.revenue.len() >= 45);
        assert_eq!(ds.rejected_count(), 0);
        assert!(ds.trade.len() > 500);
        assert!(ds.assumption("unit_price_usd").is_some());
        assert!(ds.assumption("it_kw_per_gpu").is_some());
        assert!(ds.events.len() >= 15);
    }

    #[test]
    fn singapore_malaysia_and_thailand_are_named_as_routes_china_is_not() {
        let ds = Dataset::bundled().unwrap();
        let hubs = ds.intermediaries();
        for c in ["SG", "MY", "TH", "ID"] {
            assert!(hubs.contains_key(c), "{c}");
        }
        assert!(!hubs.contains_key("CN"));
        assert!(!hubs.contains_key("US"));
    }

    #[test]
    fn singapore_fy2025_billing_is_in_the_bundled_record() {
        let ds = Dataset::bundled().unwrap();
        let sg = ds
            .revenue
            .iter()
            .find(|r| r.region.code() == "SG" && r.period.label == "FY2025")
            .unwrap();
        assert_eq!(sg.revenue_usd_millions, 23684.0);
    }
}
