//! List deltas on hand-built copies, and on two real versions of the CSL when the shared data
//! is present.

use chipwatch_screen::delta::diff;
use chipwatch_screen::lists::{ListEntry, read_any};

fn entry(source: &str, id: &str, name: &str, aliases: &[&str], addresses: &[&str]) -> ListEntry {
    ListEntry {
        source: source.into(),
        entry_id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        addresses: addresses.iter().map(|s| s.to_string()).collect(),
        ..ListEntry::default()
    }
}

#[test]
fn entries_pair_by_id_then_by_name() {
    let old = vec![
        entry("EL", "1", "Alpha Ltd", &[], &["1 Main St, Singapore"]),
        entry("EL", "2", "Beta Ltd", &[], &[]),
        entry("DPL", "line 7", "John Smith", &[], &[]),
        entry("SDN", "9", "Gone Corp", &[], &[]),
    ];
    let new = vec![
        // Same id, an alias added and the address written in another order: one change.
        entry(
            "EL",
            "1",
            "Alpha Ltd",
            &["Alpha Trading"],
            &["Singapore, 1 Main St"],
        ),
        // Renamed under its id.
        entry("EL", "2", "Beta Technologies Ltd", &[], &[]),
        // No real id: paired by name, unchanged.
        entry("DPL", "line 3", "JOHN SMITH", &[], &[]),
        entry("MEU", "m1", "New Aviation Co", &[], &[]),
    ];
    let d = diff(&old, &new);
    assert_eq!(d.added.len(), 1);
    assert_eq!(d.added[0].name, "New Aviation Co");
    assert_eq!(d.removed.len(), 1);
    assert_eq!(d.removed[0].name, "Gone Corp");
    assert_eq!(d.unchanged, 1, "{:?}", d.changed);
    assert_eq!(d.changed.len(), 2);
    let alpha = d.changed.iter().find(|c| c.new.entry_id == "1").unwrap();
    assert_eq!(alpha.fields.len(), 1, "{:?}", alpha.fields);
    assert_eq!(alpha.fields[0].field, "aliases");
    let beta = d.changed.iter().find(|c| c.new.entry_id == "2").unwrap();
    assert_eq!(beta.fields[0].field, "name");
    assert_eq!(beta.fields[0].removed, ["Beta Ltd"]);
    // What could newly match: the added entry and both name/alias changes.
    assert_eq!(d.to_rescreen().len(), 3);
    let per = d.per_source();
    assert_eq!(per["EL"], (0, 0, 2));
    assert_eq!(per["SDN"], (0, 1, 0));
}

#[test]
fn identical_copies_have_no_delta() {
    let l = vec![entry("EL", "1", "Alpha Ltd", &["A"], &["x"])];
    let d = diff(&l, &l);
    assert!(d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty());
    assert_eq!(d.unchanged, 1);
}

#[test]
fn two_real_versions_of_the_csl() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/screening/watchman/csl");
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let old = read_any(&dir.join("csl_2019_sample_old_schema.csv")).unwrap();
    let new = read_any(&dir.join("csl_2023-11_partial.csv")).unwrap();
    let d = diff(&old.entries, &new.entries);
    // Every entry is accounted for, once.
    assert_eq!(
        d.unchanged + d.changed.len() + d.removed.len(),
        old.entries.len()
    );
    assert_eq!(
        d.unchanged + d.changed.len() + d.added.len(),
        new.entries.len()
    );
    // Gazprombank was renamed from its OAO form to a joint stock company between the two.
    let g = d
        .changed
        .iter()
        .find(|c| c.new.name == "GAZPROMBANK JOINT STOCK COMPANY")
        .expect("Gazprombank changed");
    assert!(
        g.fields
            .iter()
            .any(|f| f.field == "name" && f.removed == ["GAZPROMBANK OAO"])
    );
    assert!(
        d.changed.len() < 60,
        "reformatting is not change: {}",
        d.changed.len()
    );
}

/// The probe that narrows a re-screen must never drop a pair the screener would match: checked
/// on every labelled pair of the nomenklatura name benchmark, both ways round.
#[test]
fn the_rescreen_probe_keeps_every_pair_the_screener_matches() {
    use chipwatch_screen::delta::Probe;
    use chipwatch_screen::matcher::THRESHOLD;
    use chipwatch_screen::normalize::normalize;
    use chipwatch_screen::screener::{Query, Screener};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/screening/nomenklatura/name_bench_cases.csv");
    let pairs: Vec<(String, String)> = if path.exists() {
        csv::Reader::from_path(&path)
            .unwrap()
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[2].to_string(), r[3].to_string())
            })
            .collect()
    } else {
        [
            (
                "Jadeshine Engineering (HK) Co.",
                "Jadeshine Engnieering (HK) Co.",
            ),
            ("Cyberinn Pte Ltd", "CYBERINN PTE. LTD."),
            ("Ким Чен Ын", "Kim Jong Un"),
            ("Harbour Compute Holdings", "Harbor Compute Holding"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    };
    let (mut matched, mut kept, mut dropped) = (0, 0, Vec::new());
    for (a, b) in &pairs {
        for (entry, query) in [(a, b), (b, a)] {
            let e = entry_named(entry);
            let s = Screener::new(vec![e.clone()]);
            if s.screen(&Query::name(query))
                .iter()
                .any(|h| h.score >= THRESHOLD)
            {
                matched += 1;
                if Probe::new(&[e]).may_match(&normalize(query).key()) {
                    kept += 1;
                } else {
                    dropped.push(format!("{entry:?} / {query:?}"));
                }
            }
        }
    }
    assert!(matched > 0);
    eprintln!("{kept} of {matched} matching pairs kept by the probe");
    assert!(
        dropped.is_empty(),
        "the probe drops pairs the screener matches: {dropped:#?}"
    );
}

fn entry_named(name: &str) -> ListEntry {
    entry("EL", "1", name, &[], &[])
}

#[test]
fn sdn_2021_against_the_sdn_of_the_2023_csl_and_a_shortened_un_list() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/screening/watchman");
    if !root.exists() {
        eprintln!("skipped: {} is absent", root.display());
        return;
    }
    // OFAC's own 2021 files against the SDN rows the 2023 CSL carries: other ids, so entries
    // pair by name; every entry is accounted for once.
    let sdn = read_any(&root.join("ofac_sdn_2021")).unwrap().entries;
    let csl: Vec<ListEntry> = read_any(&root.join("csl/csl_2023-11_partial.csv"))
        .unwrap()
        .entries
        .into_iter()
        .filter(|e| e.source == "SDN")
        .collect();
    let d = diff(&sdn, &csl);
    assert_eq!(d.unchanged + d.changed.len() + d.removed.len(), sdn.len());
    assert_eq!(d.unchanged + d.changed.len() + d.added.len(), csl.len());
    let paired = d.unchanged + d.changed.len();
    assert!(
        paired > 1000,
        "{paired} of {} CSL SDN rows paired by name",
        csl.len()
    );
    // The UN list, and the same list missing its last 25 entries.
    let un = read_any(&root.join("misc/UN_consolidated.xml"))
        .unwrap()
        .entries;
    let short = &un[..un.len() - 25];
    let d = diff(&un, short);
    assert_eq!(
        (d.removed.len(), d.added.len(), d.changed.len()),
        (25, 0, 0)
    );
    assert_eq!(d.unchanged, un.len() - 25);
}
