//! Assess a simulated ledger of 1 million orders (screening included) and report the time of
//! each stage and peak memory.
//!
//! `cargo bench -p chipwatch-assess --bench assess [-- --orders N]`

use std::time::Instant;

use chipwatch_assess::assess::{Options, assess};
use chipwatch_assess::eval::sample_screener;
use chipwatch_assess::ledger::read_ledger_text;
use chipwatch_assess::simulate::simulate;
use chipwatch_rules::licence::Mode;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let orders: usize = args
        .iter()
        .position(|a| a == "--orders")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let t = Instant::now();
    let sim = simulate(42, orders);
    let gen_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let ledger = read_ledger_text("simulated.csv", &sim.ledger).expect("simulated ledger reads");
    let read_s = t.elapsed().as_secs_f64();
    drop(sim);
    let screener = sample_screener();
    let t = Instant::now();
    let a = assess(
        &ledger.records,
        &Options {
            screener: Some(&screener),
            mode: Mode::AsEnforced,
            weights: None,
            ownership: None,
            screen_cache: None,
        },
    );
    let assess_s = t.elapsed().as_secs_f64();
    let flagged = a.orders.iter().filter(|o| !o.flags.is_empty()).count();
    println!(
        "assess benchmark: {} orders ({} parties screened, {} networks, {} orders flagged)",
        ledger.records.len(),
        a.parties_screened,
        a.clusters.len(),
        flagged
    );
    println!("  simulate        {gen_s:>8.2} s");
    println!("  read + validate {read_s:>8.2} s");
    println!(
        "  assess          {assess_s:>8.2} s  ({:.0} orders/s; screening, licences, flags, networks, scores)",
        ledger.records.len() as f64 / assess_s
    );
    println!(
        "  read + assess   {:>8.2} s  (goal < 60 s on 2 cores)",
        read_s + assess_s
    );
    for (stage, s) in &a.timings {
        println!("    {stage:<26} {s:>8.2} s");
    }
    println!("  peak memory     {:>8.0} MiB", peak_rss_mib());
}
