//! Evaluation on simulated ledgers: recall of diverted orders when the riskiest share of
//! orders is reviewed, and precision, per scheme.

use std::collections::BTreeMap;

use chipwatch_rules::licence::Mode;
use chipwatch_screen::lists::read_csl_bytes;
use chipwatch_screen::screener::Screener;
use serde::Serialize;

use crate::assess::{Options, assess};
use crate::ledger::read_ledger_text;
use crate::simulate::simulate;

/// The share of orders an analyst reviews, riskiest first.
pub const REVIEW_SHARE: f64 = 0.05;
/// Recall the evaluation requires at [`REVIEW_SHARE`].
pub const TARGET_RECALL: f64 = 0.9;
/// Seeds of the evaluation; development used seeds 1 to 9.
pub const EVAL_SEEDS: &[u64] = &[1001, 1002, 1003];

/// A screener over the bundled Entity List sample (the parties the simulator imitates).
pub fn sample_screener() -> Screener {
    let text = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/screen/sample_csl.csv"
    ));
    Screener::new(
        read_csl_bytes("data/screen/sample_csl.csv", text)
            .expect("bundled sample list loads")
            .entries,
    )
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SchemeResult {
    pub diverted: usize,
    pub found: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeedResult {
    pub seed: u64,
    pub orders: usize,
    pub diverted: usize,
    pub reviewed: usize,
    pub found: usize,
    pub recall: f64,
    pub precision: f64,
    pub by_scheme: BTreeMap<String, SchemeResult>,
}

/// Simulate, assess and score one seed.
pub fn evaluate_seed(seed: u64, orders: usize, screener: &Screener) -> SeedResult {
    let sim = simulate(seed, orders);
    let ledger = read_ledger_text("simulated.csv", &sim.ledger).expect("simulated ledger reads");
    let a = assess(
        &ledger.records,
        &Options {
            screener: Some(screener),
            mode: Mode::AsEnforced,
        },
    );
    let truth: BTreeMap<String, String> = sim
        .truth
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split(',');
            let (id, div, scheme) = (c.next()?, c.next()?, c.next().unwrap_or(""));
            (div == "true").then(|| (id.to_string(), scheme.to_string()))
        })
        .collect();
    let mut ranked: Vec<(f64, &str)> = a
        .orders
        .iter()
        .map(|o| (o.score, o.order_id.as_str()))
        .collect();
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    let reviewed = ((ranked.len() as f64) * REVIEW_SHARE).ceil() as usize;
    let mut by_scheme: BTreeMap<String, SchemeResult> = BTreeMap::new();
    for s in truth.values() {
        by_scheme.entry(s.clone()).or_default().diverted += 1;
    }
    let mut found = 0;
    for (_, id) in ranked.iter().take(reviewed) {
        if let Some(s) = truth.get(*id) {
            found += 1;
            by_scheme.entry(s.clone()).or_default().found += 1;
        }
    }
    SeedResult {
        seed,
        orders: sim.orders,
        diverted: truth.len(),
        reviewed,
        found,
        recall: found as f64 / truth.len().max(1) as f64,
        precision: found as f64 / reviewed.max(1) as f64,
        by_scheme,
    }
}
