//! Any bytes given as a trade CSV: the reader returns rows or errors, never panics.
#![no_main]
use chipwatch_model::country::CountryRegistry;
use chipwatch_model::input::CsvInput;
use chipwatch_model::trade::{TRADE_SCHEMA, parse_trade_row};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let countries = CountryRegistry::bundled();
    if let Ok(input) = CsvInput::from_bytes("fuzz.csv", data.to_vec(), TRADE_SCHEMA) {
        if let Ok(loaded) = input.load(|row| parse_trade_row(row, countries)) {
            for r in &loaded.rejected {
                let _ = r.error.to_string();
            }
            for t in &loaded.records {
                assert!(t.value_usd >= 0.0 && t.value_usd.is_finite());
                assert!(t.hs_code.len() >= 2);
            }
        }
    }
});
