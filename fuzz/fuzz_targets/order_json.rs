//! Any bytes as the JSON body of `POST /v1/orders` (the order desk without a store): a decision
//! or an error naming the field, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let desk = chipwatch_assess::desk::Desk::default();
    match chipwatch_assess::desk::check(None, &desk, &v, "fuzz") {
        Ok(d) => {
            assert!((0.0..=1.0).contains(&d.score));
            assert!(d.reasons.iter().all(|r| !r.citation.is_empty()));
            assert!(d.verdict >= d.reasons.iter().map(|r| r.calls_for).max().unwrap_or(d.verdict));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
