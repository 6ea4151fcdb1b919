//! The trade detectors on a Ballista cluster of three processes on 127.0.0.1 (a scheduler and
//! two executors started from the chipwatch binary), on a Parquet dataset split into many
//! files, against the embedded engine: the same findings with the same figures.
//!
//! Runs with `cargo test -p chipwatch --features distributed --test distributed`.
#![cfg(feature = "distributed")]

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_chipwatch")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Child processes killed when the test ends, however it ends.
struct Cluster(Vec<Child>);

impl Drop for Cluster {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn wait_for(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "nothing listens on 127.0.0.1:{port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn start_cluster(dir: &std::path::Path) -> (Cluster, u16) {
    let sched = free_port();
    let mut procs = vec![
        Command::new(bin())
            .args([
                "cluster",
                "scheduler",
                "--bind",
                &format!("127.0.0.1:{sched}"),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    ];
    wait_for(sched);
    let mut flights = Vec::new();
    for i in 0..2 {
        let (flight, grpc) = (free_port(), free_port());
        let work = dir.join(format!("executor-{i}"));
        std::fs::create_dir_all(&work).unwrap();
        procs.push(
            Command::new(bin())
                .args([
                    "cluster",
                    "executor",
                    "--scheduler",
                    &format!("127.0.0.1:{sched}"),
                    "--bind",
                    &format!("127.0.0.1:{flight}"),
                    "--grpc-port",
                    &grpc.to_string(),
                    "--concurrent-tasks",
                    "2",
                    "--work-dir",
                    work.to_str().unwrap(),
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        flights.push(flight);
    }
    for f in flights {
        wait_for(f);
    }
    // The executors register with the scheduler on their first poll.
    std::thread::sleep(Duration::from_secs(2));
    (Cluster(procs), sched)
}

/// Findings by id: severity and every figure.
fn findings(json: &[u8]) -> BTreeMap<String, (String, BTreeMap<String, f64>)> {
    let v: serde_json::Value = serde_json::from_slice(json).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let figs = f["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| {
                    (
                        g["name"].as_str().unwrap().to_string(),
                        g["value"].as_f64().unwrap_or(f64::NAN),
                    )
                })
                .collect();
            (
                f["id"].as_str().unwrap().to_string(),
                (f["severity"].as_str().unwrap().to_string(), figs),
            )
        })
        .collect()
}

#[test]
fn ballista_cluster_gives_the_embedded_findings() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("trade");
    std::fs::create_dir_all(&data).unwrap();
    // 400,000 generated rows in 8 files.
    for i in 0..8u64 {
        chipwatch_flows::synth::write_trade_parquet(
            &data.join(format!("part-{i}.parquet")),
            50_000,
            100 + i,
        )
        .unwrap();
    }
    let run = |engine: &str| {
        let scratch = dir.path().join(format!("scratch-{}", engine.len()));
        std::fs::create_dir_all(&scratch).unwrap();
        let o = Command::new(bin())
            .args([
                "flows",
                "--trade",
                data.to_str().unwrap(),
                "--engine",
                engine,
                "--scratch",
                scratch.to_str().unwrap(),
                "--json",
                "--quiet",
            ])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{engine}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        findings(&o.stdout)
    };
    let embedded = run("embedded");
    assert!(embedded.len() > 10, "{}", embedded.len());
    let (_cluster, port) = start_cluster(dir.path());
    let distributed = run(&format!("ballista://127.0.0.1:{port}"));
    assert_eq!(
        embedded.keys().collect::<Vec<_>>(),
        distributed.keys().collect::<Vec<_>>(),
        "the same findings"
    );
    for (id, (sev, figs)) in &embedded {
        let (dsev, dfigs) = &distributed[id];
        assert_eq!(sev, dsev, "{id}");
        assert_eq!(
            figs.keys().collect::<Vec<_>>(),
            dfigs.keys().collect::<Vec<_>>(),
            "{id}"
        );
        for (name, v) in figs {
            let d = dfigs[name];
            // Sums in another order differ in the last bits only.
            assert!(
                (v - d).abs() <= 1e-9 * v.abs().max(1.0),
                "{id} {name}: embedded {v}, cluster {d}"
            );
        }
    }
}
