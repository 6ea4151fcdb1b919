//! Any bytes as ownership data (CSV, FollowTheMoney or GLEIF): stakes or an error naming the
//! line, never a panic; coverage over what was read stays within 0-100% and lower ≤ upper.
#![no_main]
use libfuzzer_sys::fuzz_target;

use chipwatch_screen::ownership::{
    Listed, Rule, coverage, gleif_kind, read_gleif_names, read_gleif_rr, read_ownership,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let stakes = match gleif_kind(text) {
        Some("lei") => {
            let _ = read_gleif_names("f.csv", text);
            return;
        }
        Some(_) => match read_gleif_rr("f.csv", text, &Default::default()) {
            Ok((s, _)) => s,
            Err(_) => return,
        },
        None => match read_ownership("f.csv", text) {
            Ok(s) => s,
            Err(e) => {
                assert!(e.to_string().starts_with("f.csv: line "));
                return;
            }
        },
    };
    let listed = |n: &str| (n.len() % 3 == 0).then(|| Listed::new("SDN", n, n));
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    for rule in Rule::all() {
        for c in coverage(&stakes, rule, date, &listed).values() {
            assert!((0.0..=100.0).contains(&c.lower) && (0.0..=100.0).contains(&c.upper));
            assert!(c.lower <= c.upper + 1e-9, "{} > {}", c.lower, c.upper);
            let _ = c.explain();
        }
    }
});
