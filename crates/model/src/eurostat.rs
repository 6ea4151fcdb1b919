//! Eurostat Comext trade files, read into canonical records with euro values converted to US
//! dollars at the bundled monthly rate ([`crate::fx`]), the rate named in each row's source.
//!
//! Two layouts:
//! - **bulk files** (DS-045409 and the `full` files): `DECLARANT`/`DECLARANT_ISO` (or
//!   `REPORTER`), `PARTNER`/`PARTNER_ISO`, `PRODUCT_NC`, `FLOW` (1 import, 2 export),
//!   `STAT_REGIME` (4 is the total of the regimes), `PERIOD` (`YYYYMM`; `YYYY52` for a year),
//!   `VALUE_IN_EUROS` (or `VALUE_EUR`), `QUANTITY_IN_KG` (or `QUANTITY_KG`);
//! - the **data browser's CSV** (SDMX-CSV): `reporter`, `partner`, `product`, `flow`,
//!   `indicators`, `TIME_PERIOD`, `OBS_VALUE`, with codes or the long labels Eurostat writes
//!   ("Germany (incl. German Democratic Republic 'DD' from 1991)", "Russian Federation
//!   (Russia)"); value rows (`VALUE_IN_EUROS`) are read and quantity rows (`QUANTITY_IN_KG`)
//!   attached to them.
//!
//! Eurostat's own codes are mapped (`EL` Greece, `UK` United Kingdom, the numeric declarant
//! codes of the member states). Rows that are not a single country's trade in one CN product
//! (aggregates such as `EU27_2020` or `Extra-EU`, confidential partners, product totals,
//! breakdowns of the total statistical regime) are refused with their own rule, so nothing is
//! summed twice and nothing is dropped unseen (`--quarantine` sets them aside).
//!
//! ```
//! use chipwatch_model::eurostat::country;
//! let reg = chipwatch_model::country::CountryRegistry::bundled();
//! assert_eq!(country(reg, "Germany (incl. German Democratic Republic 'DD' from 1991)").unwrap(), "DE");
//! assert_eq!(country(reg, "Russian Federation (Russia)").unwrap(), "RU");
//! assert_eq!(country(reg, "EL").unwrap(), "GR");
//! assert!(country(reg, "EU27_2020").is_err());
//! ```

use std::collections::HashMap;

use crate::country::CountryRegistry;
use crate::error::InputError;
use crate::input::{CsvInput, Loaded, Row, Rule};
use crate::period::TradePeriod;
use crate::trade::{Flow, TradeRecord};

pub const R_COUNTRY: Rule = Rule {
    id: "eurostat.country",
    requires: "an ISO or Eurostat country code, or a country label as Eurostat writes it",
};
pub const R_AGGREGATE: Rule = Rule {
    id: "eurostat.aggregate",
    requires: "a single country (aggregates such as EU27_2020, Extra-EU or confidential partners are not bilateral flows)",
};
pub const R_PRODUCT: Rule = Rule {
    id: "eurostat.product",
    requires: "a CN product code of 6 or 8 digits (totals and chapters would be summed twice)",
};
pub const R_FLOW: Rule = Rule {
    id: "eurostat.flow",
    requires: "1 (import) or 2 (export), or IMPORT/EXPORT",
};
pub const R_REGIME: Rule = Rule {
    id: "eurostat.stat_regime",
    requires: "statistical regime 4 (the total; the other regimes are parts of it)",
};
pub const R_PERIOD: Rule = Rule {
    id: "eurostat.period",
    requires: "YYYYMM, YYYY52 (a year), YYYY-MM, YYYYMmm or YYYY",
};
pub const R_VALUE: Rule = Rule {
    id: "eurostat.value",
    requires: "a non-negative value in euros (confidential ':' values cannot be read)",
};
pub const R_RATE: Rule = Rule {
    id: "eurostat.fx",
    requires: "a month the bundled EUR/USD rate table covers",
};
pub const R_INDICATOR: Rule = Rule {
    id: "eurostat.indicator",
    requires: "VALUE_IN_EUROS or QUANTITY_IN_KG",
};

/// Eurostat's numeric declarant codes of the member states (and the United Kingdom).
const DECLARANTS: &[(&str, &str)] = &[
    ("001", "FR"),
    ("003", "NL"),
    ("004", "DE"),
    ("005", "IT"),
    ("006", "GB"),
    ("007", "IE"),
    ("008", "DK"),
    ("009", "GR"),
    ("010", "PT"),
    ("011", "ES"),
    ("017", "BE"),
    ("018", "LU"),
    ("030", "SE"),
    ("032", "FI"),
    ("038", "AT"),
    ("046", "MT"),
    ("053", "EE"),
    ("054", "LV"),
    ("055", "LT"),
    ("060", "PL"),
    ("061", "CZ"),
    ("063", "SK"),
    ("064", "HU"),
    ("066", "RO"),
    ("068", "BG"),
    ("091", "SI"),
    ("092", "HR"),
    ("600", "CY"),
];

/// A country code or label as Eurostat writes it, as ISO alpha-2; an aggregate or unknown
/// name is an error naming the rule.
pub fn country(reg: &CountryRegistry, text: &str) -> Result<String, (Rule, String)> {
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    let aggregate = upper.starts_with("EU")
        && (upper.len() > 2 && !upper[2..3].chars().all(char::is_alphabetic) || upper == "EU")
        || upper.starts_with("EA")
            && upper.len() > 2
            && upper[2..].chars().all(|c| c.is_ascii_digit() || c == '_')
        || [
            "EXTRA",
            "INTRA",
            "EUROPEAN UNION",
            "EURO AREA",
            "WORLD",
            "ALL COUNTRIES",
            "NOT SPECIFIED",
            "CONFIDENTIAL",
        ]
        .iter()
        .any(|p| upper.starts_with(p))
        || ["QP", "QQ", "QR", "QS", "QU", "QV", "QW", "QX", "QY", "QZ"].contains(&upper.as_str());
    if aggregate {
        return Err((R_AGGREGATE, "an aggregate, not one country".into()));
    }
    if let Some((_, a2)) = DECLARANTS.iter().find(|(c, _)| *c == t) {
        return Ok((*a2).to_string());
    }
    let fixed = match upper.as_str() {
        "EL" => "GR",
        "UK" => "GB",
        _ => t,
    };
    // "DE:Germany" or "DE - Germany": the code before the separator.
    let code_part = t
        .split_once(':')
        .or_else(|| t.split_once(" - "))
        .map(|(c, _)| c.trim())
        .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()));
    let mut tries: Vec<String> = vec![fixed.to_string()];
    if let Some(c) = code_part {
        tries.push(match c.to_ascii_uppercase().as_str() {
            "EL" => "GR".into(),
            "UK" => "GB".into(),
            other => other.to_string(),
        });
    }
    if let Some((before, rest)) = t.split_once(" (") {
        tries.push(before.trim().to_string());
        if let Some((inner, _)) = rest.split_once(')') {
            tries.push(inner.trim().to_string());
        }
    }
    if let Some((_, label)) = t.split_once(':') {
        tries.push(label.trim().to_string());
    }
    for k in &tries {
        // Two-letter text is a code: only the registry's exact alpha-2 (not a name match).
        if let Some(c) = reg.resolve(k) {
            return Ok(c.alpha2.clone());
        }
    }
    Err((R_COUNTRY, crate::country::unknown_country_detail(reg, t)))
}

/// The country in a row's column, as [`country`] reads it, or the row's error.
fn country_at(
    row: &Row<'_>,
    col: &str,
    countries: &CountryRegistry,
) -> Result<String, crate::RowError> {
    let raw = row.required(col, R_COUNTRY)?;
    country(countries, raw).map_err(|(rule, why)| row.error(col, raw.trim(), rule, why))
}

fn find_col(header: &[String], names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        header
            .iter()
            .find(|h| {
                h.trim_start_matches('\u{feff}')
                    .trim()
                    .eq_ignore_ascii_case(n)
            })
            .cloned()
    })
}

/// Whether a (lower-cased) header is a Comext bulk file.
pub fn is_bulk(header: &[String]) -> bool {
    find_col(header, &["product_nc"]).is_some()
        && find_col(header, &["value_in_euros", "value_eur"]).is_some()
        && find_col(header, &["declarant_iso", "declarant", "reporter"]).is_some()
        && find_col(header, &["partner_iso", "partner"]).is_some()
        && find_col(header, &["period"]).is_some()
}

/// Whether a (lower-cased) header is the data browser's SDMX-CSV.
pub fn is_databrowser(header: &[String]) -> bool {
    find_col(header, &["obs_value"]).is_some()
        && find_col(header, &["time_period"]).is_some()
        && find_col(header, &["reporter", "declarant"]).is_some()
        && find_col(header, &["partner"]).is_some()
        && find_col(header, &["product"]).is_some()
}

fn period(row: &Row<'_>, col: &str) -> Result<TradePeriod, crate::RowError> {
    let raw = row.required(col, R_PERIOD)?.trim();
    let bad = || row.error(col, raw, R_PERIOD, "not a month or a year");
    let digits: String = raw.chars().filter(char::is_ascii_alphanumeric).collect();
    let (y, m): (&str, Option<&str>) = if digits.len() == 4 {
        (&digits[..4], None)
    } else if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
        (&digits[..4], Some(&digits[4..]))
    } else if digits.len() == 7 && digits.as_bytes()[4].eq_ignore_ascii_case(&b'M') {
        (&digits[..4], Some(&digits[5..]))
    } else {
        return Err(bad());
    };
    match m {
        Some("52") | None => TradePeriod::parse(y).map_err(|_| bad()),
        Some(m) => TradePeriod::parse(&format!("{y}-{m}")).map_err(|_| bad()),
    }
}

fn product(row: &Row<'_>, col: &str) -> Result<String, crate::RowError> {
    let raw = row.required(col, R_PRODUCT)?.trim();
    let digits: String = raw
        .trim_start_matches("CN8")
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if digits.len() == 6 || digits.len() == 8 {
        Ok(digits)
    } else {
        Err(row.error(col, raw, R_PRODUCT, "not a CN8 or HS6 product"))
    }
}

fn flow(row: &Row<'_>, col: Option<&str>) -> Result<Flow, crate::RowError> {
    let Some(col) = col else {
        return Ok(Flow::Export);
    };
    let raw = row.required(col, R_FLOW)?.trim();
    match raw.to_ascii_uppercase().as_str() {
        "1" | "IMPORT" | "IMPORTS" => Ok(Flow::Import),
        "2" | "EXPORT" | "EXPORTS" => Ok(Flow::Export),
        _ => Err(row.error(col, raw, R_FLOW, "not an import or export flow")),
    }
}

fn to_usd(
    row: &Row<'_>,
    col: &str,
    euros: f64,
    p: &TradePeriod,
    fx: &crate::fx::FxTable,
) -> Result<(f64, String), crate::RowError> {
    let rate = fx.usd_per_period("EUR", p).ok_or_else(|| {
        row.error(
            col,
            &euros.to_string(),
            R_RATE,
            format!(
                "no bundled EUR/USD rate for {p} (the table covers {})",
                fx.coverage("EUR")
            ),
        )
    })?;
    Ok((
        euros * rate,
        format!(
            "EUR converted at {rate:.4} USD/EUR ({p}, {})",
            crate::fx::SOURCE
        ),
    ))
}

/// Read a Comext bulk file.
pub fn read_bulk(
    file: &str,
    bytes: Vec<u8>,
    countries: &CountryRegistry,
    fx: &crate::fx::FxTable,
) -> Result<Loaded<TradeRecord>, InputError> {
    let input = CsvInput::from_bytes(file, bytes, &[])?;
    let h = input.header().to_vec();
    let missing = |what: &str| InputError::Invalid {
        file: file.to_string(),
        message: format!("a Comext bulk file needs a {what} column"),
    };
    let rep = find_col(
        &h,
        &["declarant_iso", "reporter_iso", "reporter", "declarant"],
    )
    .ok_or_else(|| missing("DECLARANT_ISO"))?;
    let par = find_col(&h, &["partner_iso", "partner"]).ok_or_else(|| missing("PARTNER_ISO"))?;
    let prod = find_col(&h, &["product_nc"]).ok_or_else(|| missing("PRODUCT_NC"))?;
    let per = find_col(&h, &["period"]).ok_or_else(|| missing("PERIOD"))?;
    let val =
        find_col(&h, &["value_in_euros", "value_eur"]).ok_or_else(|| missing("VALUE_IN_EUROS"))?;
    let flw = find_col(&h, &["flow"]);
    let reg = find_col(&h, &["stat_regime", "stat_procedure"]);
    let qty = find_col(&h, &["quantity_in_kg", "quantity_kg"]);
    let source = format!("Eurostat Comext bulk file ({file})");
    input.load(|row| {
        let c = |col: &str| country_at(row, col, countries);
        if let Some(r) = &reg {
            let raw = row.get(r).unwrap_or("").trim();
            if !raw.is_empty() && raw != "4" {
                return Err(row.error(r, raw, R_REGIME, "a part of the total regime 4"));
            }
        }
        let reporter = c(&rep)?;
        let partner = c(&par)?;
        let hs_code = product(row, &prod)?;
        let p = period(row, &per)?;
        let f = flow(row, flw.as_deref())?;
        let euros = row.non_negative(&val, R_VALUE)?;
        let (value_usd, rate) = to_usd(row, &val, euros, &p, fx)?;
        let quantity = match &qty {
            Some(q) => row.opt_f64(q, R_VALUE)?,
            None => None,
        };
        Ok(TradeRecord {
            period: p,
            reporter,
            partner,
            flow: f,
            hs_code,
            value_usd,
            unit: quantity.map(|_| "kg".to_string()),
            quantity,
            preliminary: false,
            source: Some(format!("{source}; {rate}")),
        })
    })
}

enum Obs {
    Value(TradeRecord),
    Quantity(String, f64),
}

fn key(r: &TradeRecord) -> String {
    format!(
        "{}|{}|{}|{}|{}",
        r.reporter,
        r.partner,
        r.hs_code,
        r.flow.as_str(),
        r.period
    )
}

/// Read the data browser's CSV export.
pub fn read_databrowser(
    file: &str,
    bytes: Vec<u8>,
    countries: &CountryRegistry,
    fx: &crate::fx::FxTable,
) -> Result<Loaded<TradeRecord>, InputError> {
    let input = CsvInput::from_bytes(file, bytes, &[])?;
    let h = input.header().to_vec();
    let missing = |what: &str| InputError::Invalid {
        file: file.to_string(),
        message: format!("a Eurostat data-browser CSV needs a {what} column"),
    };
    let rep = find_col(&h, &["reporter", "declarant"]).ok_or_else(|| missing("reporter"))?;
    let par = find_col(&h, &["partner"]).ok_or_else(|| missing("partner"))?;
    let prod = find_col(&h, &["product"]).ok_or_else(|| missing("product"))?;
    let per = find_col(&h, &["time_period"]).ok_or_else(|| missing("TIME_PERIOD"))?;
    let val = find_col(&h, &["obs_value"]).ok_or_else(|| missing("OBS_VALUE"))?;
    let flw = find_col(&h, &["flow"]);
    let ind = find_col(&h, &["indicators", "indicator"]);
    let source = format!("Eurostat Comext, data browser export ({file})");
    let loaded = input.load(|row| {
        let c = |col: &str| country_at(row, col, countries);
        let indicator = ind
            .as_deref()
            .map(|i| row.get(i).unwrap_or("").trim().to_ascii_uppercase())
            .unwrap_or_else(|| "VALUE_IN_EUROS".into());
        let is_value = indicator.starts_with("VALUE_IN_EUR")
            || indicator == "VALUE_EUR"
            || indicator.starts_with("VALUE IN EURO");
        let is_qty = indicator.starts_with("QUANTITY_IN_KG")
            || indicator == "QUANTITY_KG"
            || indicator.starts_with("QUANTITY IN KG");
        if !is_value && !is_qty {
            let i = ind.as_deref().unwrap_or("indicators");
            return Err(row.error(
                i,
                &indicator,
                R_INDICATOR,
                "an indicator chipwatch does not read",
            ));
        }
        let reporter = c(&rep)?;
        let partner = c(&par)?;
        let hs_code = product(row, &prod)?;
        let p = period(row, &per)?;
        let f = flow(row, flw.as_deref())?;
        let raw = row.required(&val, R_VALUE)?.trim();
        let v = crate::input::parse_number(raw)
            .filter(|v| *v >= 0.0)
            .ok_or_else(|| row.error(&val, raw, R_VALUE, "not a non-negative number"))?;
        let rec = |value_usd: f64, rate: String| TradeRecord {
            period: p,
            reporter: reporter.clone(),
            partner: partner.clone(),
            flow: f,
            hs_code: hs_code.clone(),
            value_usd,
            unit: None,
            quantity: None,
            preliminary: false,
            source: Some(format!("{source}; {rate}")),
        };
        if is_qty {
            return Ok(Obs::Quantity(key(&rec(0.0, String::new())), v));
        }
        let (usd, rate) = to_usd(row, &val, v, &p, fx)?;
        Ok(Obs::Value(rec(usd, rate)))
    })?;
    let mut quantities: HashMap<String, f64> = HashMap::new();
    let mut records = Vec::new();
    for o in loaded.records {
        match o {
            Obs::Value(r) => records.push(r),
            Obs::Quantity(k, q) => {
                quantities.insert(k, q);
            }
        }
    }
    for r in &mut records {
        if let Some(q) = quantities.get(&key(r)) {
            r.quantity = Some(*q);
            r.unit = Some("kg".into());
        }
    }
    Ok(Loaded {
        records,
        rejected: loaded.rejected,
        header: loaded.header,
        file: loaded.file,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fx() -> crate::fx::FxTable {
        crate::fx::FxTable::bundled()
    }

    #[test]
    fn bulk_rows_are_converted_and_aggregates_refused() {
        let body = "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,STAT_REGIME,PERIOD,VALUE_IN_EUROS,QUANTITY_IN_KG\n\
                    DE,AM,84715000,2,4,202204,1000000,120\n\
                    EL,KG,85423190,2,4,202252,500,\n\
                    DE,AM,84715000,2,1,202204,900000,100\n\
                    EU27_2020,RU,84715000,2,4,202204,10,1\n\
                    DE,QV,84715000,2,4,202204,10,1\n\
                    DE,RU,TOTAL,2,4,202204,10,1\n\
                    DE,RU,84715000,2,4,203001,10,1\n";
        let reg = CountryRegistry::bundled();
        let l = read_bulk("bulk.csv", body.as_bytes().to_vec(), reg, &fx()).unwrap();
        assert_eq!(l.records.len(), 2, "{:?}", l.rejected);
        let de = &l.records[0];
        assert_eq!((de.reporter.as_str(), de.partner.as_str()), ("DE", "AM"));
        assert_eq!(de.period.to_string(), "2022-04");
        // ECB monthly mean for April 2022 is about 1.08 USD/EUR.
        assert!((de.value_usd / 1e6 - 1.08).abs() < 0.02, "{}", de.value_usd);
        assert!(
            de.source.as_deref().unwrap().contains("USD/EUR (2022-04"),
            "{:?}",
            de.source
        );
        assert_eq!(de.quantity, Some(120.0));
        assert_eq!(l.records[1].reporter, "GR");
        assert_eq!(l.records[1].period.to_string(), "2022");
        let rules: Vec<String> = l.rejected.iter().map(|r| r.error.to_string()).collect();
        for (got, want) in rules.iter().zip([
            "eurostat.stat_regime",
            "eurostat.aggregate",
            "eurostat.aggregate",
            "eurostat.product",
            "eurostat.fx",
        ]) {
            assert!(got.contains(want), "{got} / {want}");
        }
        assert_eq!(rules.len(), 5);
        assert!(
            l.rejected[0].error.to_string().contains("bulk.csv:4"),
            "{}",
            l.rejected[0].error
        );
    }

    #[test]
    fn data_browser_labels_are_read_and_quantities_attached() {
        let body = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n\
                    ESTAT:DS-045409(1.0),16/01/23 11:00:00,Monthly,Germany (incl. German Democratic Republic 'DD' from 1991),Russian Federation (Russia),84715000,EXPORT,VALUE_IN_EUROS,2022-01,2000,\n\
                    ESTAT:DS-045409(1.0),16/01/23 11:00:00,Monthly,Germany (incl. German Democratic Republic 'DD' from 1991),Russian Federation (Russia),84715000,EXPORT,QUANTITY_IN_KG,2022-01,30,\n\
                    ESTAT:DS-045409(1.0),16/01/23 11:00:00,Monthly,Greece,Kyrgyzstan,85423190 - Processors and controllers,EXPORT,VALUE_IN_EUROS,2022M02,10,\n\
                    ESTAT:DS-045409(1.0),16/01/23 11:00:00,Monthly,Extra-EU27 (from 2020),Armenia,84715000,EXPORT,VALUE_IN_EUROS,2022-01,10,\n\
                    ESTAT:DS-045409(1.0),16/01/23 11:00:00,Monthly,France,Narnia,84715000,EXPORT,VALUE_IN_EUROS,2022-01,10,\n\
                    ESTAT:DS-045409(1.0),16/01/23 11:00:00,Monthly,France,Armenia,84715000,EXPORT,VALUE_IN_EUROS,2022-01,:,c\n";
        let reg = CountryRegistry::bundled();
        let l = read_databrowser("db.csv", body.as_bytes().to_vec(), reg, &fx()).unwrap();
        assert_eq!(l.records.len(), 2, "{:?}", l.rejected);
        let de = &l.records[0];
        assert_eq!((de.reporter.as_str(), de.partner.as_str()), ("DE", "RU"));
        assert_eq!(de.quantity, Some(30.0));
        let gr = &l.records[1];
        assert_eq!(
            (
                gr.reporter.as_str(),
                gr.partner.as_str(),
                gr.hs_code.as_str()
            ),
            ("GR", "KG", "85423190")
        );
        assert_eq!(gr.period.to_string(), "2022-02");
        let rules: Vec<String> = l.rejected.iter().map(|r| r.error.to_string()).collect();
        assert_eq!(rules.len(), 3, "{rules:?}");
        for (got, want) in
            rules
                .iter()
                .zip(["eurostat.aggregate", "eurostat.country", "eurostat.value"])
        {
            assert!(got.contains(want), "{got} / {want}");
        }
    }

    #[test]
    fn headers_are_recognised() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_ascii_lowercase()).collect::<Vec<_>>();
        assert!(is_bulk(&h(&[
            "DECLARANT",
            "PARTNER",
            "PRODUCT_NC",
            "FLOW",
            "STAT_REGIME",
            "PERIOD",
            "VALUE_IN_EUROS",
            "QUANTITY_IN_KG"
        ])));
        assert!(is_databrowser(&h(&[
            "DATAFLOW",
            "freq",
            "reporter",
            "partner",
            "product",
            "flow",
            "indicators",
            "TIME_PERIOD",
            "OBS_VALUE"
        ])));
        assert!(!is_bulk(&h(&[
            "period",
            "reporter",
            "partner",
            "flow",
            "hs_code",
            "value_usd"
        ])));
    }
}
