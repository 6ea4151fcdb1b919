//! Any bytes as a ledger CSV, then assessed: orders or located errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(l) = chipwatch_assess::ledger::read_ledger_text("fuzz.csv", &text) {
        for r in &l.rejected {
            assert!(r.error.to_string().starts_with("fuzz.csv:"));
        }
        let a = chipwatch_assess::assess::assess(
            &l.records,
            &chipwatch_assess::assess::Options {
                screener: None,
                mode: chipwatch_rules::licence::Mode::AsEnforced,
                weights: None,
                ownership: None,
                screen_cache: None,
            },
        );
        assert!(a.orders.iter().all(|o| (0.0..=1.0).contains(&o.score)));
    }
});
