//! Bad inputs get errors naming the file, line, column and rule; nothing is dropped silently.

use std::io::Write;
use std::path::PathBuf;

use chipwatch_model::InputError;
use chipwatch_model::country::CountryRegistry;
use chipwatch_model::dataset::{Dataset, OnInvalid};
use chipwatch_model::input::{Source, write_quarantine};
use chipwatch_model::revenue::read_revenue;
use chipwatch_model::trade::read_trade;

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::File::create(&p)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    p
}

const TRADE_HEADER: &str = "period,reporter,partner,flow,hs_code,value_usd,quantity,unit\n";

#[test]
fn a_missing_column_names_the_column_and_the_columns_found() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(
        &dir,
        "t.csv",
        "period,reporter,partner,flow,value_usd\n2024,TW,SG,export,5\n",
    );
    let err = read_trade(&Source::Path(p), CountryRegistry::bundled()).unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(
            err,
            InputError::MissingColumn {
                column: "hs_code",
                ..
            }
        ),
        "{msg}"
    );
    assert!(
        msg.contains("t.csv:1: missing required column `hs_code`"),
        "{msg}"
    );
}

#[test]
fn a_non_numeric_value_names_line_column_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        format!("{TRADE_HEADER}2024,TW,SG,export,854231,100,,\n2024,TW,MY,export,854231,lots,,\n");
    let p = file(&dir, "t.csv", &text);
    let loaded = read_trade(&Source::Path(p), CountryRegistry::bundled()).unwrap();
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.rejected.len(), 1);
    let e = &loaded.rejected[0].error;
    assert_eq!(
        (e.line, e.column.as_str(), e.rule.id),
        (3, "value_usd", "trade.value_usd")
    );
    let msg = loaded.strict().unwrap_err().to_string();
    assert!(
        msg.contains("t.csv:3: column `value_usd`: not a number (value `lots`)"),
        "{msg}"
    );
}

#[test]
fn an_unknown_country_is_refused_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{TRADE_HEADER}2024,TW,Singapur,export,854231,100,,\n");
    let p = file(&dir, "t.csv", &text);
    let msg = read_trade(&Source::Path(p), CountryRegistry::bundled())
        .unwrap()
        .strict()
        .unwrap_err()
        .to_string();
    assert!(msg.contains("column `partner`"), "{msg}");
    assert!(msg.contains("did you mean Singapore"), "{msg}");
    assert!(msg.contains("trade.partner"), "{msg}");
}

#[test]
fn an_empty_file_is_an_error_not_an_empty_result() {
    let dir = tempfile::tempdir().unwrap();
    let empty = file(&dir, "empty.csv", "");
    let err = read_trade(&Source::Path(empty), CountryRegistry::bundled()).unwrap_err();
    assert!(matches!(err, InputError::Empty { .. }), "{err}");
    assert!(
        err.to_string().contains("empty.csv: the file is empty"),
        "{err}"
    );
    let header_only = file(&dir, "header.csv", TRADE_HEADER);
    let err = read_trade(&Source::Path(header_only), CountryRegistry::bundled()).unwrap_err();
    assert!(matches!(err, InputError::NoRows { .. }), "{err}");
}

#[test]
fn a_negative_revenue_and_a_bad_basis_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(
        &dir,
        "r.csv",
        "period,period_end,basis,region,revenue_usd_millions,source\n\
         FY2025,2025-01-26,billing_location,Singapore,-5,x\n\
         FY2025,2025-01-26,shipping,Singapore,5,x\n\
         FY2025,26/01/2025,billing_location,Singapore,5,x\n\
         FY2025,2025-01-26,billing_location,Singapore,5,x\n",
    );
    let loaded = read_revenue(&Source::Path(p), CountryRegistry::bundled()).unwrap();
    let rules: Vec<_> = loaded.rejected.iter().map(|r| r.error.rule.id).collect();
    assert_eq!(
        rules,
        [
            "revenue.revenue_usd_millions",
            "revenue.basis",
            "revenue.period_end"
        ]
    );
    assert_eq!(loaded.records.len(), 1);
}

#[test]
fn quarantine_keeps_every_bad_row_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{TRADE_HEADER}2024,TW,SG,export,854231,100,,\n2024,TW,Atlantis,export,854231,1,,\n2024-13,TW,SG,export,854231,1,,\n"
    );
    file(&dir, "trade_tw_processors.csv", &text);
    let ds = Dataset::from_dir(dir.path(), OnInvalid::Quarantine).unwrap();
    assert_eq!(ds.trade.len(), 1);
    assert_eq!(ds.rejected_count(), 2);
    assert!(ds.missing.contains(&"revenue.csv".to_string()));
    let q = dir.path().join("quarantine.csv");
    let n = write_quarantine(&q, ds.rejected.iter().map(|(_, r)| r.as_slice())).unwrap();
    assert_eq!(n, 2);
    let out = std::fs::read_to_string(&q).unwrap();
    assert!(
        out.starts_with("file,line,column,rule,error,row\n"),
        "{out}"
    );
    assert!(out.contains("Atlantis"), "{out}");
    assert!(out.contains("trade.period"), "{out}");
    // The same folder without quarantine refuses the input.
    let err = Dataset::from_dir(dir.path(), OnInvalid::Fail).unwrap_err();
    assert!(err.to_string().contains("2 invalid row(s)"), "{err}");
}

#[test]
fn a_ragged_row_is_reported_not_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{TRADE_HEADER}2024,TW,SG,export\n");
    let p = file(&dir, "t.csv", &text);
    let loaded = read_trade(&Source::Path(p), CountryRegistry::bundled()).unwrap();
    assert_eq!(loaded.rejected.len(), 1);
    assert_eq!(loaded.rejected[0].error.column, "hs_code");
}
