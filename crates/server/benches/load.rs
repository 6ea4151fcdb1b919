//! Load test on loopback: keep-alive HTTP/1.1 clients screening names through
//! `GET /v1/screen` against the server in this process. Reports throughput and latency
//! percentiles; the goal is 5,000 requests/s with p99 under 20 ms on 2 cores.
//!
//! `cargo bench -p chipwatch-server --bench load [-- --clients 32 --seconds 10 --lists FILE]`
//! (default list: the bundled Entity List sample; `--lists` takes any list file chipwatch reads).

use std::io::BufReader;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use chipwatch_store::{Role, Store};

mod common;
use common::{arg_or, exchange, latency, lists, serve};

const NAMES: &[&str] = &[
    "Cyberinn Pte Ltd",
    "MICROSUN ELECTRONICS",
    "Huawei Technologies Co Ltd",
    "Northwind Compute Inc",
    "Corezing Intl Grp",
    "Harbour Star Trading Limited",
    "Evergreen Data Sdn Bhd",
    "Action Global Co Ltd",
    "Zenith Infotech Pte Ltd",
    "Golden Lotus Systems",
    "Austral Aero Marine",
    "Sakura Compute KK",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let clients: usize = arg_or(&args, "--clients", 32);
    let seconds: u64 = arg_or(&args, "--seconds", 10);
    let entries = lists(&args);
    let n_entries = entries.len();
    let store = Store::open_memory().unwrap();
    let token = store.create_token("load", Role::Analyst, "bench").unwrap();
    let addr = serve(store, entries);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let results: Vec<(Vec<f64>, usize)> = std::thread::scope(|sc| {
        let hs: Vec<_> = (0..clients)
            .map(|c| {
                let token = token.clone();
                sc.spawn(move || {
                    let mut s = TcpStream::connect(addr).unwrap();
                    s.set_nodelay(true).unwrap();
                    let mut r = BufReader::new(s.try_clone().unwrap());
                    let mut lat = Vec::new();
                    let mut errors = 0;
                    let mut k = c;
                    while Instant::now() < deadline {
                        let name = NAMES[k % NAMES.len()].replace(' ', "%20");
                        k += 1;
                        let req = format!(
                            "GET /v1/screen?name={name} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n"
                        );
                        let t = Instant::now();
                        let (status, _) = exchange(&mut s, &mut r, &req);
                        lat.push(t.elapsed().as_secs_f64() * 1e3);
                        if !status.contains(" 200 ") {
                            errors += 1;
                        }
                    }
                    (lat, errors)
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let errors: usize = results.iter().map(|r| r.1).sum();
    let lat: Vec<f64> = results.into_iter().flat_map(|r| r.0).collect();
    let n = lat.len();
    println!(
        "load test: GET /v1/screen over loopback, {clients} keep-alive clients, {seconds} s, {n_entries} listed entries"
    );
    println!("  requests          {n} ({errors} not 200)");
    println!(
        "  throughput        {:.0} requests/s (goal ≥ 5,000)",
        n as f64 / seconds as f64
    );
    latency(lat, 20.0);
}
