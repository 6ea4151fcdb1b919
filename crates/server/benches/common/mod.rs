//! What the HTTP benches share: their arguments, the lists they load, one keep-alive
//! request/response exchange and the latency summary.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

use chipwatch_screen::lists::{ListEntry, read_any};
use chipwatch_screen::screener::Screener;
use chipwatch_server::AppState;
use chipwatch_store::Store;

/// The value after `--key`.
pub fn arg(args: &[String], key: &str) -> Option<String> {
    args.iter()
        .position(|a| a == key)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// Serve `store` screened against `entries` on a loopback port, and give it a moment to listen.
pub fn serve(store: Store, entries: Vec<ListEntry>) -> std::net::SocketAddr {
    let state = std::sync::Arc::new(AppState::new(
        store,
        Screener::new(entries),
        vec![],
        u32::MAX,
    ));
    let addr = chipwatch_server::spawn_local(state).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    addr
}

/// The number after `--key`, or `default`.
pub fn arg_or<T: std::str::FromStr>(args: &[String], key: &str, default: T) -> T {
    arg(args, key)
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// The entries of every `--lists FILE`, or the bundled Entity List sample.
pub fn lists(args: &[String]) -> Vec<ListEntry> {
    let given: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i > 0 && args[i - 1] == "--lists")
        .map(|(_, a)| a)
        .collect();
    if given.is_empty() {
        chipwatch_assess::eval::sample_screener().entries().to_vec()
    } else {
        given
            .iter()
            .flat_map(|p| {
                read_any(std::path::Path::new(p))
                    .expect("list loads")
                    .entries
            })
            .collect()
    }
}

/// Send one request on a keep-alive connection and read the answer: (status line, body).
pub fn exchange(s: &mut TcpStream, r: &mut BufReader<TcpStream>, req: &str) -> (String, Vec<u8>) {
    s.write_all(req.as_bytes()).unwrap();
    let mut status = String::new();
    r.read_line(&mut status).unwrap();
    let mut len = 0usize;
    loop {
        let mut h = String::new();
        r.read_line(&mut h).unwrap();
        if h == "\r\n" {
            break;
        }
        if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
            len = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).unwrap();
    (status, body)
}

/// Print the latency percentiles of `lat` (milliseconds) against a p99 goal.
pub fn latency(mut lat: Vec<f64>, goal_p99_ms: f64) {
    lat.sort_by(f64::total_cmp);
    let n = lat.len();
    let pct = |p: f64| lat[((n - 1) as f64 * p) as usize];
    println!(
        "  latency p50/p99   {:.2} / {:.2} ms (goal p99 < {goal_p99_ms} ms)",
        pct(0.5),
        pct(0.99)
    );
    println!("  latency max       {:.2} ms", lat[n - 1]);
}
