//! Screening benchmark on real lists, with rapidfuzz as the peer in the same run.
//!
//! `cargo bench -p chipwatch-screen --bench screen [-- --data DIR --queries N --scorer v1|v2]`
//!
//! Reads the OFAC SDN legacy set (July 2021) and the Consolidated Screening List (Nov 2023) from
//! `../shared/data/screening` (or `--data`), and screens a query set made of the 683 treated UN
//! names, the 2,000 synthetic negatives and listed names with one planted typo. Prints: index
//! build time, single-query p50/p99 latency, batch throughput on all cores, peak memory, how
//! many queries the candidate index answers exactly like an exhaustive scan (its recall), and
//! rapidfuzz `process.cdist` with Jaro-Winkler over the same names and queries (1 worker and all
//! cores) with the throughput ratio. Skips itself when the data is absent.

use std::path::PathBuf;
use std::time::Instant;

use chipwatch_screen::eval::read_names;
use chipwatch_screen::lists::{read_csl, read_sdn_legacy};
use chipwatch_screen::screener::{Query, Screener};

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

/// SplitMix64: a small deterministic generator for planted typos.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn typo(name: &str, rng: &mut Rng) -> String {
    let mut c: Vec<char> = name.chars().collect();
    if c.len() < 4 {
        return name.to_string();
    }
    let i = 1 + (rng.next() as usize) % (c.len() - 2);
    match rng.next() % 3 {
        0 => {
            c.remove(i);
        }
        1 => c.swap(i, i + 1),
        _ => c.insert(i, c[i]),
    }
    c.into_iter().collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let dir = PathBuf::from(arg("--data").unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/screening"
        )
        .to_string()
    }));
    let max_queries: usize = arg("--queries")
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let peer_queries: usize = arg("--peer-queries")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    // `--scorer v1` measures the scorer of earlier releases on the same machine and run.
    if let Some(v) =
        arg("--scorer").and_then(|v| chipwatch_screen::normalize::ScorerVersion::parse(&v))
    {
        chipwatch_screen::normalize::set_scorer(v);
    }
    println!("scorer {}", chipwatch_screen::normalize::scorer().name());
    if !dir.join("watchman/ofac_sdn_2021/sdn.csv").exists() {
        println!("screen bench: {} not found; skipped", dir.display());
        return;
    }
    let t = Instant::now();
    let mut entries = read_sdn_legacy(&dir.join("watchman/ofac_sdn_2021"))
        .unwrap()
        .entries;
    let csl = read_csl(&dir.join("watchman/csl/csl_2023-11_partial.csv")).unwrap();
    entries.extend(csl.entries.into_iter().filter(|e| e.source != "SDN"));
    let load = t.elapsed();
    let names: Vec<String> = entries
        .iter()
        .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.iter().cloned()))
        .collect();
    let mut builds = Vec::new();
    let mut screener = None;
    for _ in 0..3 {
        let t = Instant::now();
        let s = Screener::new(entries.clone());
        builds.push(t.elapsed().as_secs_f64());
        screener = Some(s);
    }
    let s = screener.unwrap();
    builds.sort_by(f64::total_cmp);

    // Queries: treated UN names, negatives, listed names with a typo.
    let mut queries = read_names(&dir.join("yente/positives_un_treated.csv")).unwrap();
    queries.extend(read_names(&dir.join("yente/negatives_us_1k.csv")).unwrap());
    queries.extend(read_names(&dir.join("yente/negatives_global_1k.csv")).unwrap());
    let mut rng = Rng(7);
    for _ in 0..1000 {
        let n = &names[(rng.next() as usize) % names.len()];
        queries.push(typo(n, &mut rng));
    }
    queries.truncate(max_queries);

    // Single-query latency, one thread.
    let mut lat = Vec::with_capacity(queries.len());
    let mut hits = 0usize;
    let t = Instant::now();
    for q in &queries {
        let t0 = Instant::now();
        hits += s.screen(&Query::name(q)).len();
        lat.push(t0.elapsed().as_secs_f64() * 1e6);
    }
    let single = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let cands: usize = queries.iter().map(|q| s.candidate_count(q)).sum();
    let cand_time = t.elapsed().as_secs_f64();
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| lat[((lat.len() - 1) as f64 * p).round() as usize];

    // Batch on all cores.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t = Instant::now();
    std::thread::scope(|sc| {
        for part in queries.chunks(queries.len().div_ceil(workers)) {
            let s = &s;
            sc.spawn(move || {
                part.iter()
                    .map(|q| s.screen(&Query::name(q)).len())
                    .sum::<usize>()
            });
        }
    });
    let batch = t.elapsed().as_secs_f64();

    // Index recall: the same hits as scoring every alias, on a sample.
    let sample: Vec<&String> = queries
        .iter()
        .step_by((queries.len() / 300).max(1))
        .collect();
    let mut same = 0;
    let mut missed_hits = 0;
    for q in &sample {
        let a: Vec<String> = s
            .screen(&Query::name(q))
            .into_iter()
            .map(|h| h.entry_id)
            .collect();
        let b: Vec<String> = s
            .screen_exhaustive(&Query::name(q), chipwatch_screen::matcher::THRESHOLD)
            .into_iter()
            .map(|h| h.entry_id)
            .collect();
        missed_hits += b.iter().filter(|x| !a.contains(x)).count();
        same += usize::from(a == b);
    }
    let rss = peak_rss_mib();

    println!(
        "chipwatch screening benchmark ({} entries, {} names with aliases, {} indexed; {} queries)",
        entries.len(),
        names.len(),
        s.alias_count(),
        queries.len()
    );
    println!(
        "  lists loaded                 {:>10.0} ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "  index build (median of 3)    {:>10.0} ms",
        builds[1] * 1e3
    );
    println!(
        "  single query p50 / p99       {:>10.0} / {:.0} µs",
        pct(0.5),
        pct(0.99)
    );
    println!(
        "  one thread                   {:>10.0} queries/s",
        queries.len() as f64 / single
    );
    println!(
        "  batch, {workers} threads            {:>10.0} queries/s",
        queries.len() as f64 / batch
    );
    println!("  hits at the threshold        {hits:>10}");
    println!(
        "  candidates per query         {:>10.0} (gathering them: {:.0} µs per query)",
        cands as f64 / queries.len() as f64,
        cand_time / queries.len() as f64 * 1e6
    );
    println!(
        "  index = exhaustive scan      {:>10} of {} sampled queries ({} hits only the scan found)",
        same,
        sample.len(),
        missed_hits
    );
    println!("  peak memory (VmHWM)          {rss:>10.0} MiB");

    // The peer, on the same names and queries.
    let tmp = std::env::temp_dir().join(format!("chipwatch-screen-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let clean = |v: &[String]| {
        v.iter()
            .map(|n| n.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    std::fs::write(tmp.join("names.txt"), clean(&names)).unwrap();
    let peer_q: Vec<String> = queries.iter().take(peer_queries).cloned().collect();
    std::fs::write(tmp.join("queries.txt"), clean(&peer_q)).unwrap();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scripts/bench_rapidfuzz.py"
    );
    let ours = queries.len() as f64 / batch;
    for w in [1, workers] {
        let out = std::process::Command::new("python3")
            .arg(script)
            .arg(tmp.join("names.txt"))
            .arg(tmp.join("queries.txt"))
            .arg(w.to_string())
            .output();
        match out {
            Ok(o) if o.status.success() => {
                let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
                let qps = v["queries_per_s"].as_f64().unwrap_or(f64::NAN);
                println!(
                    "  rapidfuzz {} cdist JW, {w} worker(s): {:>8.0} queries/s ({:.1} M pairs/s over {} queries)",
                    v["rapidfuzz"].as_str().unwrap_or("?"),
                    qps,
                    v["pairs_per_s"].as_f64().unwrap_or(0.0) / 1e6,
                    v["queries"]
                );
                if w == workers {
                    println!(
                        "  throughput ratio chipwatch / rapidfuzz on {workers} cores: {:.1}×",
                        ours / qps
                    );
                }
            }
            Ok(o) => println!(
                "  rapidfuzz peer failed: {}",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ),
            Err(e) => println!("  rapidfuzz peer not run: {e}"),
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
