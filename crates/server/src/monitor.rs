//! Ongoing monitoring: the store remembers every party the team screens, and when a list
//! changes, every remembered party is screened again, against what changed only.
//!
//! A new hit, or a stronger one, opens an alert (kind `list_change`) that cites the delta: the
//! entry, whether it was added or which of its fields changed, and the two list versions. An
//! entry that left its list annotates the alerts about the parties it used to hit. The delta and
//! what its re-screen did are recorded, and audited, in the store.
//!
//! Only parties that could match are screened: those with a word near a word of a changed
//! entry ([`chipwatch_screen::delta::Probe`], checked to keep every pair the screener matches on
//! the name benchmark).

use std::collections::HashMap;

use chipwatch_screen::delta::Delta;
use chipwatch_screen::matcher::THRESHOLD;
use chipwatch_screen::screener::{Hit, Query, Screener};
use chipwatch_store::{PartyResult, Store, StoreError, StoredParty};
use serde::Serialize;
use serde_json::json;

/// The key a party is remembered by: its name as screening normalises it, and its country.
pub fn party_key(name: &str, country: Option<&str>) -> String {
    format!(
        "{}|{}",
        chipwatch_screen::ownership::party_key(name),
        country.unwrap_or("").trim().to_ascii_uppercase()
    )
}

fn entry_ref(h: &Hit) -> String {
    format!("{} {}", h.source, h.entry_id)
}

/// What the store keeps of a hit: enough to tell a new or stronger one later.
fn remembered_hit(h: &Hit) -> serde_json::Value {
    json!({"source": h.source, "entry_id": h.entry_id, "entry_name": h.entry_name,
           "matched_alias": h.matched_alias, "score": h.score})
}

/// A party's screening result, ready to remember.
pub fn party_result(name: &str, country: Option<&str>, origin: &str, hits: &[Hit]) -> PartyResult {
    let best = hits.iter().max_by(|a, b| a.score.total_cmp(&b.score));
    PartyResult {
        party_key: party_key(name, country),
        name: name.to_string(),
        country: country.unwrap_or("").to_string(),
        origin: origin.to_string(),
        best_score: best.map_or(0.0, |h| f64::from(h.score)),
        best_entry: best.map(entry_ref).unwrap_or_default(),
        result: json!({
            "hits": hits.iter().take(5).map(remembered_hit).collect::<Vec<_>>(),
        }),
    }
}

/// What a re-screen did.
#[derive(Debug, Clone, Serialize)]
pub struct Rescreen {
    pub delta_id: i64,
    /// Parties screened again.
    pub rescreened: usize,
    /// Entries they were screened against (added, or changed in a field screening reads).
    pub entries: usize,
    /// Alerts opened: a new or stronger hit.
    pub alerts: Vec<i64>,
    /// Alerts annotated because an entry they cited left its list.
    pub annotated: usize,
    pub seconds: f64,
}

/// The party's result with the new hit among its earlier ones (the same entry replaced).
fn merged(p: &StoredParty, h: &Hit) -> PartyResult {
    let mut hits: Vec<serde_json::Value> = p.last_result["hits"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|x| !(x["source"] == h.source.as_str() && x["entry_id"] == h.entry_id.as_str()))
        .collect();
    hits.push(remembered_hit(h));
    let (best_score, best_entry) = if f64::from(h.score) >= p.best_score {
        (f64::from(h.score), entry_ref(h))
    } else {
        (p.best_score, p.best_entry.clone())
    };
    PartyResult {
        party_key: p.party_key.clone(),
        name: p.name.clone(),
        country: p.country.clone(),
        origin: p.origin.clone(),
        best_score,
        best_entry,
        result: json!({"hits": hits}),
    }
}

/// The score the party last had against this hit's entry, if it hit it.
fn previous_score(p: &StoredParty, h: &Hit) -> Option<f64> {
    p.last_result["hits"].as_array()?.iter().find_map(|x| {
        (x["source"] == h.source.as_str() && x["entry_id"] == h.entry_id.as_str())
            .then(|| x["score"].as_f64())
            .flatten()
    })
}

fn what_changed(delta: &Delta) -> HashMap<String, serde_json::Value> {
    let mut m = HashMap::new();
    for e in &delta.added {
        m.insert(
            format!("{} {}", e.source, e.entry_id),
            json!({"change": "added"}),
        );
    }
    for c in &delta.changed {
        m.insert(
            format!("{} {}", c.new.source, c.new.entry_id),
            json!({"change": "changed", "fields": c.fields}),
        );
    }
    m
}

/// Screen every stored party against what changed between two versions of a list, open an
/// alert for each new or stronger hit, annotate the alerts of entries removed, and record it.
pub fn rescreen(
    store: &Store,
    delta: &Delta,
    list: &str,
    old_version: &str,
    new_version: &str,
    actor: &str,
) -> Result<Rescreen, StoreError> {
    let started = std::time::Instant::now();
    let entries = delta.to_rescreen();
    let n_entries = entries.len();
    let changes = what_changed(delta);
    let probe = chipwatch_screen::delta::Probe::new(&entries);
    let screener = Screener::new(entries);
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let (mut after, mut rescreened, mut alerts) = (0i64, 0usize, Vec::new());
    loop {
        let page = store.parties(after, 50_000)?;
        let Some(last) = page.last() else { break };
        after = last.id;
        rescreened += page.len();
        if n_entries == 0 {
            continue;
        }
        let chunk = page.len().div_ceil(workers).max(1);
        let found: Vec<(&StoredParty, Hit)> = std::thread::scope(|scope| {
            let handles: Vec<_> = page
                .chunks(chunk)
                .map(|part| {
                    let (s, probe) = (&screener, &probe);
                    scope.spawn(move || {
                        part.iter()
                            .filter(|p| {
                                let key = p.party_key.rsplit_once('|').map_or("", |(k, _)| k);
                                probe.may_match(key)
                            })
                            .filter_map(|p| {
                                let mut q = Query::name(&p.name);
                                q.country = (!p.country.is_empty()).then(|| p.country.clone());
                                let best = s
                                    .screen(&q)
                                    .into_iter()
                                    .max_by(|a, b| a.score.total_cmp(&b.score))?;
                                // New: the party never hit this entry; stronger: it hit it
                                // at a lower score.
                                let before = previous_score(p, &best);
                                let stronger =
                                    before.is_none_or(|b| f64::from(best.score) > b + 0.005);
                                (best.score >= THRESHOLD && stronger).then_some((p, best))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut remember = Vec::new();
        for (p, h) in found {
            let details = json!({
                "party": p.name, "country": p.country, "origin": p.origin,
                "hit": h,
                "delta": {"list": list, "old_version": old_version, "new_version": new_version,
                          "entry": entry_ref(&h), "what": changes.get(&entry_ref(&h))},
                "previous": {"best_entry": p.best_entry, "best_score": p.best_score,
                             "screened": p.last_screened},
            });
            alerts.push(store.add_alert(
                None,
                "list_change",
                &p.name,
                f64::from(h.score),
                &details.to_string(),
                actor,
            )?);
            remember.push(merged(p, &h));
        }
        if !remember.is_empty() {
            store.remember_parties(&remember)?;
        }
    }
    // Entries that left their list: note it on the alerts about the parties they hit.
    let removed: Vec<String> = delta
        .removed
        .iter()
        .map(|e| format!("{} {}", e.source, e.entry_id))
        .collect();
    let mut annotated = 0;
    for p in store.parties_hitting(&removed)? {
        annotated += store.annotate_alerts(
            &p.name,
            &json!({"note": format!("entry {} is no longer on the list", p.best_entry),
                    "list": list, "old_version": old_version, "new_version": new_version}),
            actor,
        )?;
    }
    let summary = json!({
        "added": delta.added.len(), "removed": delta.removed.len(),
        "changed": delta.changed.len(), "unchanged": delta.unchanged,
        "per_source": delta.per_source_json(),
        "entries_rescreened_against": n_entries,
    });
    let delta_id = store.record_delta(
        list,
        old_version,
        new_version,
        &summary,
        rescreened as i64,
        alerts.len() as i64,
        annotated as i64,
        actor,
    )?;
    Ok(Rescreen {
        delta_id,
        rescreened,
        entries: n_entries,
        alerts,
        annotated,
        seconds: started.elapsed().as_secs_f64(),
    })
}
