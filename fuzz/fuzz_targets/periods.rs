//! Period parsers on any text: parse or refuse, and what parses prints back consistently.
#![no_main]
use chipwatch_model::period::{FiscalPeriod, TradePeriod, parse_date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(p) = TradePeriod::parse(s) {
        assert!(p.months >= 1);
        let again = TradePeriod::parse(&p.to_string()).expect("a printed period parses");
        assert_eq!(again, p);
        let _ = p.last_day();
    }
    let end = parse_date("2025-01-26").expect("a fixed date");
    if let Ok(f) = FiscalPeriod::parse(s, end) {
        assert!((1..=12).contains(&f.months));
        let _ = f.start();
    }
    let _ = parse_date(s);
});
