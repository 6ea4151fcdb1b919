//! Bench binary: every trade detector on a generated trade table in Parquet, embedded
//! DataFusion with a bounded memory pool (spilling to disk), and in the same run the same SQL
//! on DuckDB (PyPI), replayed statement by statement.
//!
//! ```text
//! cargo bench -p chipwatch-flows --bench trade                          # 100 million rows
//! cargo bench -p chipwatch-flows --bench trade -- --rows 5000000 --memory-limit 1G
//! cargo bench -p chipwatch-flows --bench trade -- --parquet /big/trade.parquet --no-duckdb
//! ```
//!
//! The DataFusion run records every statement the engine issues (views, the validation of
//! the file, each detector's queries); `duckdb_replay.py` runs the same statements on DuckDB
//! with the same thread count and memory limit and reports its times and row counts, which
//! are compared with DataFusion's. Peak memory is the process's high-water mark (reset after
//! the table is generated).

use std::path::PathBuf;
use std::time::Instant;

use chipwatch_flows::{EngineConfig, FlowsEngine, TradeParams, rows, synth, trade};
use chipwatch_model::dataset::{Dataset, OnInvalid};

struct Opts {
    rows: usize,
    memory_limit: usize,
    parquet: Option<PathBuf>,
    duckdb: bool,
    /// Also run on a local Ballista cluster of a scheduler and two executors.
    ballista: bool,
}

fn parse_size(s: &str) -> usize {
    let s = s.trim().to_ascii_uppercase();
    let (n, mul) = match s.chars().last() {
        Some('K') => (&s[..s.len() - 1], 1usize << 10),
        Some('M') => (&s[..s.len() - 1], 1 << 20),
        Some('G') => (&s[..s.len() - 1], 1 << 30),
        _ => (s.as_str(), 1),
    };
    n.parse::<usize>()
        .expect("--memory-limit takes a size like 2G")
        * mul
}

fn opts() -> Opts {
    let mut o = Opts {
        rows: 100_000_000,
        memory_limit: 2 << 30,
        parquet: None,
        duckdb: true,
        ballista: false,
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
            "--memory-limit" => o.memory_limit = parse_size(&next),
            "--parquet" => o.parquet = Some(PathBuf::from(next)),
            "--no-duckdb" => {
                o.duckdb = false;
                i += 1;
                continue;
            }
            "--ballista" => {
                o.ballista = true;
                i += 1;
                continue;
            }
            "--bench" => {
                i += 1;
                continue;
            }
            other => panic!(
                "unknown argument {other}; use --rows N --memory-limit SIZE --parquet PATH --no-duckdb"
            ),
        }
        i += 2;
    }
    o
}

fn status_kib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .unwrap_or(f64::NAN)
}

fn reset_peak() {
    // Writing 5 to clear_refs resets the resident-set high-water mark (Linux).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let o = opts();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    println!(
        "chipwatch trade-detector bench ({cores} cores, memory pool {} MiB)",
        o.memory_limit >> 20
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = o
        .parquet
        .clone()
        .unwrap_or_else(|| dir.path().join("trade.parquet"));
    if !path.exists() {
        let t = Instant::now();
        synth::write_trade_parquet(&path, o.rows, 42).expect("generate trade table");
        println!(
            "generated {} rows in {:.1} s ({:.0} MiB Parquet)",
            o.rows,
            t.elapsed().as_secs_f64(),
            std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1048576.0
        );
    }
    let n_rows = rows_in(&path);
    reset_peak();
    let spill_dir = dir.path().join("spill");
    std::fs::create_dir_all(&spill_dir).expect("spill dir");

    let mut ds = Dataset::bundled().expect("bundled data");
    ds.trade.clear();
    let (load_s, det_s, load_sql, det_sql, findings, engine) = rt.block_on(async {
        let mut engine = FlowsEngine::new(&EngineConfig {
            memory_limit: Some(o.memory_limit),
            ..EngineConfig::default()
        })
        .expect("engine");
        rows::record_queries();
        let t = Instant::now();
        let load = engine
            .load(&ds, std::slice::from_ref(&path), OnInvalid::Fail)
            .await
            .expect("load");
        let load_s = t.elapsed().as_secs_f64();
        assert_eq!(load.parquet_rows as usize, n_rows);
        let load_sql = rows::take_recorded();
        rows::record_queries();
        let t = Instant::now();
        let findings = engine
            .trade_findings(&TradeParams::default())
            .await
            .expect("detectors");
        let charts = trade::charts(engine.context(), &findings)
            .await
            .expect("charts");
        let det_s = t.elapsed().as_secs_f64();
        assert!(!charts.is_empty());
        (
            load_s,
            det_s,
            load_sql,
            rows::take_recorded(),
            findings,
            engine,
        )
    });
    let df_peak = status_kib("VmHWM:") / 1024.0;
    let mut kinds: Vec<&str> = findings.iter().map(|f| f.kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    println!(
        "DataFusion: load+validate {load_s:.2} s; detectors {det_s:.2} s ({} statements); total {:.2} s; {:.1} M rows/s; \
         peak RSS {df_peak:.0} MiB; {} findings ({})",
        det_sql.len(),
        load_s + det_s,
        n_rows as f64 / (load_s + det_s) / 1e6,
        findings.len(),
        kinds.join(", ")
    );
    if o.ballista {
        ballista_run(&rt, &path, n_rows, load_s + det_s, findings.len());
    }
    if !o.duckdb {
        return;
    }
    // The small tables the detectors join, written for DuckDB to read.
    let small: Vec<(String, PathBuf)> = rt.block_on(async {
        let mut v = Vec::new();
        for name in [
            "baskets",
            "intermediaries",
            "rule_events",
            "country_groups",
            "trade_csv",
        ] {
            let p = dir.path().join(format!("{name}.parquet"));
            let df = engine.context().table(name).await.expect("table");
            let schema = std::sync::Arc::new(df.schema().as_arrow().clone());
            let batches = df.collect().await.expect("collect");
            chipwatch_flows::tables::write_parquet(&p, schema, &batches).expect("write");
            v.push((name.to_string(), p));
        }
        v
    });
    let spec = serde_json::json!({
        "parquet": {"trade_parquet_0": path},
        "small": small.iter().map(|(n, p)| (n.clone(), serde_json::json!(p))).collect::<serde_json::Map<_, _>>(),
        "load": load_sql.iter().map(|(s, n)| serde_json::json!({"sql": s, "rows": n})).collect::<Vec<_>>(),
        "detectors": det_sql.iter().map(|(s, n)| serde_json::json!({"sql": s, "rows": n})).collect::<Vec<_>>(),
        "threads": cores,
        "memory_limit_mib": o.memory_limit >> 20,
        "temp_directory": spill_dir,
    });
    let spec_path = dir.path().join("replay.json");
    std::fs::write(&spec_path, serde_json::to_vec(&spec).expect("json")).expect("write spec");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/duckdb_replay.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(&spec_path)
        .output()
        .expect("python3 runs");
    if !out.status.success() {
        println!(
            "DuckDB: not run ({})",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("python3 failed")
        );
        return;
    }
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("replay prints JSON");
    let dl = r["load_s"].as_f64().unwrap_or(f64::NAN);
    let dd = r["detectors_s"].as_f64().unwrap_or(f64::NAN);
    println!(
        "DuckDB {}: load+validate {dl:.2} s; detectors {dd:.2} s; total {:.2} s; peak RSS {:.0} MiB; \
         row counts agree on {} of {} queries{}",
        r["version"].as_str().unwrap_or("?"),
        dl + dd,
        r["peak_rss_mib"].as_f64().unwrap_or(f64::NAN),
        r["agree"],
        r["compared"],
        r["disagree"]
            .as_array()
            .filter(|a| !a.is_empty())
            .map(|a| format!(" (differ: {a:?})"))
            .unwrap_or_default()
    );
    println!(
        "ratio DuckDB/DataFusion: load {:.2}×, detectors {:.2}×, total {:.2}×",
        dl / load_s,
        dd / det_s,
        (dl + dd) / (load_s + det_s)
    );
}

#[cfg(feature = "distributed")]
fn ballista_run(
    rt: &tokio::runtime::Runtime,
    path: &std::path::Path,
    n_rows: usize,
    embedded_s: f64,
    embedded_findings: usize,
) {
    use chipwatch_flows::distributed::{ExecutorOptions, run_executor, run_scheduler};
    use chipwatch_flows::{Engine, EngineConfig};
    let port = |_: ()| {
        std::net::TcpListener::bind("127.0.0.1:0")
            .expect("port")
            .local_addr()
            .expect("addr")
    };
    let sched = port(());
    rt.spawn(run_scheduler(sched));
    std::thread::sleep(std::time::Duration::from_millis(500));
    for _ in 0..2 {
        let bind = port(());
        let grpc = port(()).port();
        rt.spawn(run_executor(ExecutorOptions {
            scheduler: sched,
            bind,
            grpc_port: grpc,
            concurrent_tasks: 1,
            work_dir: None,
            memory_limit: None,
        }));
    }
    std::thread::sleep(std::time::Duration::from_secs(3));
    let ds = {
        let mut d = Dataset::bundled().expect("bundled data");
        d.trade.clear();
        d
    };
    let (load_s, det_s, n) = rt.block_on(async {
        let mut engine = FlowsEngine::connect(&EngineConfig {
            engine: Engine::Ballista(format!("ballista://{sched}")),
            ..EngineConfig::default()
        })
        .await
        .expect("cluster session");
        let t = Instant::now();
        engine
            .load(&ds, &[path.to_path_buf()], OnInvalid::Fail)
            .await
            .expect("load on the cluster");
        let load_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let f = engine
            .trade_findings(&TradeParams::default())
            .await
            .expect("detectors on the cluster");
        (load_s, t.elapsed().as_secs_f64(), f.len())
    });
    println!(
        "Ballista (scheduler + 2 executors × 1 task, loopback): load+validate {load_s:.2} s; detectors {det_s:.2} s; \
         total {:.2} s; {:.1} M rows/s; {n} findings ({}); embedded/cluster time {:.2}×",
        load_s + det_s,
        n_rows as f64 / (load_s + det_s) / 1e6,
        if n == embedded_findings {
            "as embedded"
        } else {
            "DIFFERENT from embedded"
        },
        embedded_s / (load_s + det_s)
    );
}

#[cfg(not(feature = "distributed"))]
fn ballista_run(_: &tokio::runtime::Runtime, _: &std::path::Path, _: usize, _: f64, _: usize) {
    println!("Ballista: not run (build the bench with --features distributed)");
}

fn rows_in(path: &std::path::Path) -> usize {
    let f = std::fs::File::open(path).expect("open");
    let r = datafusion::parquet::file::reader::SerializedFileReader::new(f).expect("parquet");
    use datafusion::parquet::file::reader::FileReader;
    r.metadata().file_metadata().num_rows() as usize
}
