//! Checks against the research data in `../shared/data` (skipped, with a message, where it is absent).

use std::path::PathBuf;

use chipwatch_model::country::CountryRegistry;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/data is absent");
        None
    }
}

#[test]
fn every_destination_in_taiwan_customs_tables_resolves_to_a_country() {
    let Some(dir) = shared() else { return };
    let path = dir.join("trade/taiwan_customs_hs8542/taiwan_exports_by_country_2013_2025.csv");
    let mut rdr = csv::Reader::from_path(&path).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == "Country")
        .unwrap();
    let reg = CountryRegistry::bundled();
    let mut unknown = std::collections::BTreeSet::new();
    let mut n = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        n += 1;
        if reg.resolve(&rec[col]).is_none() {
            unknown.insert(rec[col].to_string());
        }
    }
    assert!(n > 9000, "read {n} rows");
    assert!(unknown.is_empty(), "unresolved customs names: {unknown:?}");
}
