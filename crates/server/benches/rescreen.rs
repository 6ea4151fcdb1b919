//! Monitoring at scale: 1,000,000 remembered parties re-screened after a typical daily list
//! delta (a few hundred entries added or changed).
//!
//! `cargo bench -p chipwatch-server --bench rescreen [-- --parties N]`. With the shared data
//! (`../shared/data/screening/watchman/csl/csl_2023-11_partial.csv`) the delta is that list
//! against itself with 300 entries held back and 100 given a new alias; without it, the
//! bundled sample list is the delta (33 entries added).

use std::time::Instant;

use chipwatch_screen::delta::diff;
use chipwatch_screen::lists::{ListEntry, read_any};
use chipwatch_server::monitor::{party_result, rescreen};
use chipwatch_store::Store;

/// Business words of the generated company names.
const BUSINESS: &[&str] = &[
    "Data",
    "Compute",
    "Logistics",
    "Trading",
    "Systems",
    "Networks",
    "Solutions",
    "Electronics",
    "Cloud",
    "Digital",
    "Semiconductor",
    "Robotics",
    "Analytics",
    "Energy",
    "Capital",
    "Foods",
    "Textiles",
    "Machinery",
    "Media",
    "Health",
    "Marine",
    "Aviation",
    "Software",
    "Devices",
    "Metals",
    "Chemicals",
    "Farms",
    "Retail",
    "Optics",
    "Labs",
];
/// Legal forms.
const FORMS: &[&str] = &[
    "Pte Ltd", "Sdn Bhd", "GmbH", "Inc", "LLC", "Co Ltd", "Limited", "SA", "BV", "KK", "Corp",
    "AG", "PLC", "JSC", "Pty Ltd", "SRL",
];
/// Countries of the parties.
const COUNTRIES: &[&str] = &[
    "SG", "MY", "DE", "US", "JP", "KR", "GB", "FR", "NL", "AU", "IN", "AE",
];

fn names(n: usize) -> Vec<(String, &'static str)> {
    const A: &[&str] = &[
        "Northern",
        "Pacific",
        "Golden",
        "Silver",
        "Blue",
        "Eastern",
        "Summit",
        "Harbour",
        "Crystal",
        "Maple",
        "Cedar",
        "Orion",
        "Delta",
        "Apex",
        "Vertex",
        "Lotus",
        "Jade",
        "Coral",
        "Granite",
        "Falcon",
        "Aurora",
        "Nimbus",
        "Quantum",
        "Sterling",
        "Evergreen",
        "Meridian",
        "Polaris",
        "Redwood",
        "Sapphire",
        "Titan",
        "Unity",
        "Zenith",
    ];

    (0..n)
        .map(|i| {
            let (a, b, c) = (
                A[i % A.len()],
                BUSINESS[(i / A.len()) % BUSINESS.len()],
                FORMS[(i / 7) % FORMS.len()],
            );
            (
                format!("{a} {b} {} {c}", i / (A.len() * BUSINESS.len())),
                COUNTRIES[i % COUNTRIES.len()],
            )
        })
        .collect()
}

/// Realistic parties from the shared data's 50,000 synthetic persons (any script): half of
/// them people (a first name and a last name drawn apart), half companies named after a
/// family name ("Wheeler Logistics GmbH"). None of them should match.
fn realistic(path: &std::path::Path, n: usize) -> Option<Vec<(String, &'static str)>> {
    // The first 22 business words and 10 legal forms (the figures in docs/screen.md were
    // measured with these).
    let (b_words, forms) = (&BUSINESS[..22], &FORMS[..10]);

    let mut rdr = csv::Reader::from_path(path).ok()?;
    let (mut first, mut last) = (Vec::new(), Vec::new());
    for r in rdr.records().flatten() {
        if !r[1].is_empty() && !r[3].is_empty() {
            first.push(r[1].to_string());
            last.push(r[3].to_string());
        }
    }
    if first.is_empty() {
        return None;
    }
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    Some(
        (0..n)
            .map(|i| {
                let (a, b) = (next() as usize, next() as usize);
                let name = if i % 2 == 0 {
                    format!("{} {}", first[a % first.len()], last[b % last.len()])
                } else {
                    format!(
                        "{} {} {}",
                        last[a % last.len()],
                        b_words[b % b_words.len()],
                        forms[(b / 31) % forms.len()]
                    )
                };
                (name, COUNTRIES[a % COUNTRIES.len()])
            })
            .collect(),
    )
}

fn main() {
    let mut n = 1_000_000usize;
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--parties") {
        n = args[i + 1].parse().expect("--parties N");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/data/screening/watchman/csl/csl_2023-11_partial.csv");
    let (old, new, what): (Vec<ListEntry>, Vec<ListEntry>, &str) = if shared.exists() {
        let l = read_any(&shared).expect("the shared CSL reads").entries;
        let mut new = l.clone();
        for e in new.iter_mut().skip(1000).step_by(37).take(100) {
            e.aliases.push(format!("{} Trading", e.name));
        }
        let old: Vec<ListEntry> = l
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 14 != 3 || *i >= 14 * 300)
            .map(|(_, e)| e.clone())
            .collect();
        (
            old,
            new,
            "CSL 2023-11 (partial): 300 entries added, 100 given an alias",
        )
    } else {
        let l = read_any(&root.join("data/screen/sample_csl.csv"))
            .expect("the sample reads")
            .entries;
        (Vec::new(), l, "the bundled sample: 33 entries added")
    };
    let d = diff(&old, &new);
    println!(
        "delta: {what}: {} added, {} removed, {} changed ({} to re-screen against)",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        d.to_rescreen().len()
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(&dir.path().join("bench.db")).expect("the store opens");
    let t = Instant::now();
    let persons = root.join("../shared/data/screening/yente-50k/negatives_global_50k.csv");
    let parties = match realistic(&persons, n) {
        Some(p) => {
            println!("parties: from the 50,000 synthetic persons (yente-50k), half as companies");
            p
        }
        None => {
            println!("parties: generated from a small vocabulary (shared data absent)");
            names(n)
        }
    };
    for chunk in parties.chunks(100_000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|(name, cc)| party_result(name, Some(cc), "bench", &[]))
            .collect();
        store.remember_parties(&rows).expect("remembered");
    }
    println!(
        "remembered {} parties in {:.1} s",
        store.party_count().expect("counted"),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let (mut after, mut read) = (0, 0);
    loop {
        let page = store.parties(after, 50_000).expect("a page");
        let Some(last) = page.last() else { break };
        after = last.id;
        read += page.len();
    }
    println!(
        "read {read} stored parties in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let probe = chipwatch_screen::delta::Probe::new(&d.to_rescreen());
    let keys: Vec<String> = parties
        .iter()
        .map(|(n, cc)| chipwatch_server::monitor::party_key(n, Some(cc)))
        .collect();
    let t = Instant::now();
    let candidates = keys
        .iter()
        .filter(|k| probe.may_match(k.rsplit_once('|').map_or("", |(k, _)| k)))
        .count();
    if std::env::var("PROBE_WORDS").is_ok() {
        for (n, _) in parties.iter().take(2000) {
            for w in n.split(' ') {
                let k = chipwatch_screen::normalize::normalize(w).key();
                if probe.may_match(&k) {
                    eprint!("{w}->{k} ");
                }
            }
        }
        eprintln!();
    }
    println!(
        "probe: {candidates} candidates of {} in {:.2} s",
        keys.len(),
        t.elapsed().as_secs_f64()
    );
    let r = rescreen(&store, &d, "csl", "v1", "v2", "bench").expect("re-screened");
    println!(
        "re-screened {} parties against {} entries in {:.2} s ({:.0} parties/s): {} alert(s), {} annotated",
        r.rescreened,
        r.entries,
        r.seconds,
        r.rescreened as f64 / r.seconds.max(1e-9),
        r.alerts.len(),
        r.annotated
    );
}
