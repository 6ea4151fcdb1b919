//! Any bytes given as a revenue CSV: rows or located errors, never a panic.
#![no_main]
use chipwatch_model::country::CountryRegistry;
use chipwatch_model::input::CsvInput;
use chipwatch_model::revenue::REVENUE_SCHEMA;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let countries = CountryRegistry::bundled();
    let dir = std::env::temp_dir().join(format!("chipwatch-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("revenue.csv");
    if std::fs::write(&path, data).is_ok() {
        let src = chipwatch_model::input::Source::Path(path);
        if let Ok(loaded) = chipwatch_model::revenue::read_revenue(&src, countries) {
            for r in &loaded.records {
                assert!(r.revenue_usd_millions >= 0.0);
            }
        }
    }
    let _ = CsvInput::from_bytes("fuzz.csv", data.to_vec(), REVENUE_SCHEMA);
});
