//! The order desk under load: `POST /v1/orders` over loopback against a store that already
//! holds a large order book, with real lists loaded. Each request classifies, determines the
//! licence, screens every party, reads the customer's history and the orders sharing its
//! identifiers, assesses them together, and writes the order, its decision and (for a hold) an
//! alert with their audit entries. Reports throughput and latency percentiles; the goal is p99
//! under 50 ms on 2 cores with 1,000,000 stored orders.
//!
//! `cargo bench --workspace --bench orders [-- --stored 1000000 --clients 4 --seconds 10
//!  --lists FILE --db PATH]` (default list: the bundled Entity List sample; `--db` keeps the
//! filled store for the next run, which then skips the import).

use std::io::BufReader;
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chipwatch_assess::desk::keys_of;
use chipwatch_assess::ledger::read_ledger_text;
use chipwatch_store::{NewOrder, Role, Store};
use serde_json::{Map, Value};

mod common;
use common::{arg, arg_or, exchange, latency, lists, serve};

/// A simulated ledger as (JSON object of its columns, order) pairs.
fn ledger(
    seed: u64,
    n: usize,
) -> (
    Vec<Map<String, Value>>,
    Vec<chipwatch_assess::ledger::Order>,
) {
    let sim = chipwatch_assess::simulate::simulate(seed, n);
    let mut rdr = csv::Reader::from_reader(sim.ledger.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    let rows: Vec<Map<String, Value>> = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (k.clone(), Value::String(v.to_string())))
                .collect()
        })
        .collect();
    let orders = read_ledger_text("simulated", &sim.ledger)
        .unwrap()
        .strict()
        .unwrap();
    (rows, orders)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stored: usize = arg_or(&args, "--stored", 1_000_000);
    let clients: usize = arg_or(&args, "--clients", 4);
    let seconds: u64 = arg_or(&args, "--seconds", 10);
    let entries = lists(&args);
    let n_entries = entries.len();
    let dir = tempfile::tempdir().unwrap();
    let db =
        arg(&args, "--db").map_or_else(|| dir.path().join("orders.db"), std::path::PathBuf::from);
    let store = Store::open(&db).unwrap();
    let have = store.order_count().unwrap() as usize;
    let t = Instant::now();
    // One simulated ledger: its first `stored` orders are the book, the next 20,000 the
    // requests (the same customers, and new ones, later in time).
    let (mut rows, orders) = ledger(1, stored + 20_000);
    let requests: Vec<Map<String, Value>> = rows.split_off(stored);
    if have < stored {
        // The order book: decided "proceed", imported in batches.
        let batch: Vec<NewOrder> = Vec::new();
        let mut batch = batch;
        for (i, (row, o)) in rows.into_iter().zip(&orders).enumerate().skip(have) {
            batch.push(NewOrder {
                order_id: o.order_id.clone(),
                order_date: o.order_date.to_string(),
                buyer: o.bill_to.name.clone().unwrap_or_default(),
                keys: keys_of(o),
                verdict: "proceed".into(),
                record: Value::Object(row),
                decision: serde_json::json!({"verdict": "proceed", "reasons": []}),
            });
            if batch.len() == 50_000 || i + 1 == stored {
                store.import_orders(&batch, "bench").unwrap();
                batch.clear();
                eprint!("\rimported {} orders", i + 1);
            }
        }
        eprintln!();
    }
    let import_s = t.elapsed().as_secs_f64();
    let total = store.order_count().unwrap();
    let token = store
        .create_token(
            &format!("load-{}", std::process::id()),
            Role::Analyst,
            "bench",
        )
        .unwrap();
    let addr = serve(store, entries);
    drop(orders);
    let requests = Arc::new(requests);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let run = std::process::id();
    type Run = (
        Vec<f64>,
        usize,
        usize,
        std::collections::BTreeMap<String, usize>,
    );
    let results: Vec<Run> = std::thread::scope(|sc| {
        let hs: Vec<_> = (0..clients)
            .map(|c| {
                let token = token.clone();
                let requests = requests.clone();
                sc.spawn(move || {
                    let mut s = TcpStream::connect(addr).unwrap();
                    s.set_nodelay(true).unwrap();
                    let mut r = BufReader::new(s.try_clone().unwrap());
                    let (mut lat, mut errors, mut holds) = (Vec::new(), 0, 0);
                    let mut why: std::collections::BTreeMap<String, usize> = Default::default();
                    let mut k = c;
                    while Instant::now() < deadline {
                        let mut o = requests[k % requests.len()].clone();
                        o.insert("order_id".into(), Value::String(format!("LOAD-{run}-{c}-{k}")));
                        k += clients;
                        let body = Value::Object(o).to_string();
                        let req = format!(
                            "POST /v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                            body.len()
                        );
                        let t = Instant::now();
                        let (status, body) = exchange(&mut s, &mut r, &req);
                        lat.push(t.elapsed().as_secs_f64() * 1e3);
                        if !status.contains(" 200 ") {
                            errors += 1;
                            if errors == 1 {
                                eprintln!("{status}: {}", String::from_utf8_lossy(&body));
                            }
                        } else if !String::from_utf8_lossy(&body).contains("\"verdict\":\"proceed\"") {
                            holds += 1;
                            let d: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                            for r in d["reasons"].as_array().into_iter().flatten() {
                                *why.entry(r["id"].as_str().unwrap_or("?").to_string()).or_insert(0usize) += 1;
                            }
                        }
                    }
                    (lat, errors, holds, why)
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let errors: usize = results.iter().map(|r| r.1).sum();
    let holds: usize = results.iter().map(|r| r.2).sum();
    let mut why: Vec<(String, usize)> = Vec::new();
    for r in &results {
        for (k, v) in &r.3 {
            match why.iter_mut().find(|(w, _)| w == k) {
                Some((_, n)) => *n += v,
                None => why.push((k.clone(), *v)),
            }
        }
    }
    why.sort_by_key(|w| std::cmp::Reverse(w.1));
    let lat: Vec<f64> = results.into_iter().flat_map(|r| r.0).collect();
    let n = lat.len();
    println!(
        "order desk: POST /v1/orders over loopback, {clients} keep-alive clients, {seconds} s, {n_entries} listed entries, {total} stored orders (import {import_s:.1} s)"
    );
    println!("  requests          {n} ({errors} not 200; {holds} not proceed)");
    println!(
        "  reasons of those  {}",
        why.iter()
            .take(8)
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  throughput        {:.0} orders/s",
        n as f64 / seconds as f64
    );
    latency(lat, 50.0);
}
