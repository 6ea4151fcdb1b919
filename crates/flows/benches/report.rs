//! Bench binary: the report's detectors on the bundled data and on a generated trade table.
//!
//! ```text
//! cargo bench -p chipwatch-flows --bench report                 # 10 million rows
//! cargo bench -p chipwatch-flows --bench report -- --rows 1000000 --runs 5
//! ```
//!
//! Prints wall times (load = register and validate inputs; run = all detectors), rows per
//! second and the process's peak resident memory.

use std::path::PathBuf;
use std::time::Instant;

use chipwatch_flows::{EngineConfig, FlowsEngine, synth};
use chipwatch_model::dataset::{Dataset, OnInvalid};

struct Opts {
    rows: usize,
    runs: usize,
    parquet: Option<PathBuf>,
}

fn opts() -> Opts {
    let mut o = Opts {
        rows: 10_000_000,
        runs: 10,
        parquet: None,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let next = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--rows" => {
                o.rows = next
                    .replace('_', "")
                    .parse()
                    .expect("--rows takes a number")
            }
            "--runs" => o.runs = next.parse().expect("--runs takes a number"),
            "--parquet" => o.parquet = Some(PathBuf::from(next)),
            "--bench" => {
                i += 1;
                continue;
            }
            other => panic!("unknown argument {other}; use --rows N --runs N --parquet PATH"),
        }
        i += 2;
    }
    o
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

async fn once(ds: &Dataset, parquet: &[PathBuf]) -> (f64, f64, usize) {
    let t0 = Instant::now();
    let mut engine = FlowsEngine::new(&EngineConfig::default()).expect("engine starts");
    engine
        .load(ds, parquet, OnInvalid::Fail)
        .await
        .expect("inputs load");
    let load = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let sections = engine.run().await.expect("detectors run");
    let run = t1.elapsed().as_secs_f64();
    (load, run, sections.iter().map(|s| s.findings.len()).sum())
}

fn main() {
    let o = opts();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("chipwatch report bench ({cores} cores)");

    let ds = Dataset::bundled().expect("bundled data");
    let t = Instant::now();
    let bundled = Dataset::bundled().expect("bundled data");
    let parse = t.elapsed().as_secs_f64();
    drop(bundled);
    let mut loads = Vec::new();
    let mut runs = Vec::new();
    let mut findings = 0;
    for _ in 0..o.runs.max(1) {
        let (l, r, n) = rt.block_on(once(&ds, &[]));
        loads.push(l);
        runs.push(r);
        findings = n;
    }
    loads.sort_by(f64::total_cmp);
    runs.sort_by(f64::total_cmp);
    let med = |v: &[f64]| v[v.len() / 2];
    println!(
        "bundled data: parse {:.1} ms; load {:.1} ms; detectors {:.1} ms (median of {}); {findings} findings",
        parse * 1e3,
        med(&loads) * 1e3,
        med(&runs) * 1e3,
        runs.len()
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = o
        .parquet
        .clone()
        .unwrap_or_else(|| dir.path().join("trade.parquet"));
    if !path.exists() {
        let t = Instant::now();
        synth::write_trade_parquet(&path, o.rows, 42).expect("generate trade table");
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        println!(
            "generated {} rows in {:.1} s ({:.0} MiB Parquet)",
            o.rows,
            t.elapsed().as_secs_f64(),
            size as f64 / 1048576.0
        );
    }
    let empty = Dataset::bundled().expect("bundled data");
    let (l, r, n) = rt.block_on(once(&empty, std::slice::from_ref(&path)));
    println!(
        "bundled data + {} generated trade rows: load+validate {:.2} s; detectors {:.2} s; total {:.2} s; {:.1} M rows/s; {n} findings",
        o.rows,
        l,
        r,
        l + r,
        o.rows as f64 / (l + r) / 1e6
    );
    println!("peak resident memory: {:.0} MiB", peak_rss_mib());
}
