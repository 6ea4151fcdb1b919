//! Any bytes given as a trade file of any format (recognised from the header, or forced to
//! each format in turn): the readers return rows or errors, never panic.
#![no_main]
use chipwatch_model::tradefile::{TradeFileOptions, TradeFormat, read_trade_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let formats = [
        None,
        Some(TradeFormat::Comtrade),
        Some(TradeFormat::Baci),
        Some(TradeFormat::Taiwan),
        Some(TradeFormat::Canonical),
        Some(TradeFormat::ComextBulk),
        Some(TradeFormat::EurostatBrowser),
    ];
    for format in formats {
        let options = TradeFileOptions {
            format,
            last_year_months: Some(7),
        };
        if let Ok(loaded) = read_trade_bytes("fuzz.csv", data.to_vec(), options) {
            for r in &loaded.rejected {
                let _ = r.error.to_string();
            }
            for t in &loaded.records {
                assert!(t.value_usd >= 0.0 && t.value_usd.is_finite());
                assert!(t.hs_code.len() >= 2);
                assert!(t.period.months >= 1);
            }
        }
    }
});
