//! Bench binary: bulk classification on one core.
//!
//! ```text
//! cargo bench -p chipwatch-rules --bench classify              # 1 million specs
//! cargo bench -p chipwatch-rules --bench classify -- --n 5000000
//! ```
//!
//! Times the allocation-free decision (`decide`, what a ledger of orders needs) and the
//! explained classification (`classify`, with reasons and citations) over generated specs
//! spread across every rule regime.

use std::hint::black_box;
use std::time::Instant;

use chipwatch_rules::classify::{Specs, Thresholds, classify, decide};
use chrono::NaiveDate;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One generated spec: TPP, PD, I/O, datacenter, date.
type Spec = (f64, Option<f64>, Option<f64>, bool, NaiveDate);

fn main() {
    let mut n = 1_000_000usize;
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--n") {
        n = args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .expect("--n takes a number");
    }
    let mut rng = Rng(42);
    let base = NaiveDate::from_ymd_opt(2021, 1, 1).expect("a date");
    let specs: Vec<Spec> = (0..n)
        .map(|_| {
            let tpp = 100.0 + rng.unit() * 40_000.0;
            let area = 100.0 + rng.unit() * 1500.0;
            let pd = if rng.unit() < 0.9 {
                Some(tpp / area)
            } else {
                None
            };
            let io = if rng.unit() < 0.9 {
                Some(rng.unit() * 1800.0)
            } else {
                None
            };
            let dc = rng.unit() < 0.7;
            let date = base + chrono::Duration::days((rng.unit() * 2200.0) as i64);
            (tpp, pd, io, dc, date)
        })
        .collect();
    let t = Thresholds::bundled();
    // Warm up.
    for s in specs.iter().take(10_000) {
        black_box(decide(t, s.0, s.1, s.2, s.3, s.4));
    }
    let start = Instant::now();
    let mut controlled = 0usize;
    for s in &specs {
        if black_box(decide(t, s.0, s.1, s.2, s.3, s.4))
            .paragraph
            .is_some()
        {
            controlled += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "decide: {n} specs in {:.1} ms = {:.1} million/s on one core ({controlled} controlled)",
        secs * 1e3,
        n as f64 / secs / 1e6
    );
    let m = (n / 10).max(1);
    let start = Instant::now();
    for s in specs.iter().take(m) {
        let sp = Specs::from_raw(
            "bench",
            Some(s.0),
            None,
            None,
            s.1.map(|pd| s.0 / pd),
            None,
            s.2,
            None,
            s.3,
        )
        .expect("generated specs are consistent");
        black_box(classify(&sp, s.4));
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "classify with explanations: {m} specs in {:.1} ms = {:.2} million/s on one core",
        secs * 1e3,
        m as f64 / secs / 1e6
    );
}
