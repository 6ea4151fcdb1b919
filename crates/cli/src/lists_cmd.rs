//! `chipwatch lists`: fetch the official lists with a row-count guard, and show what a list holds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chipwatch_screen::lists::{Loaded, read_any};
use serde::{Deserialize, Serialize};

/// The trade.gov Consolidated Screening List, CSV.
pub const CSL_URL: &str =
    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv";
/// OFAC's legacy SDN exports (`sdn.csv`, `alt.csv`, `add.csv` under this base).
pub const SDN_BASE_URL: &str =
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";

/// What the store keeps about each list's last good copy.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Manifest {
    pub lists: BTreeMap<String, StoredList>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredList {
    /// Path of the list (file or folder), relative to the store.
    pub path: String,
    pub url: String,
    pub fetched_at: String,
    pub entries: usize,
    pub per_source: BTreeMap<String, usize>,
}

/// The store folder: `--store`, `$CHIPWATCH_LISTS`, or `$XDG_DATA_HOME/chipwatch/lists`
/// (`~/.local/share/chipwatch/lists`).
pub fn store_dir(given: Option<&Path>) -> PathBuf {
    if let Some(p) = given {
        return p.to_path_buf();
    }
    if let Ok(p) = std::env::var("CHIPWATCH_LISTS") {
        return PathBuf::from(p);
    }
    let base = std::env::var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|_| PathBuf::from("."));
    base.join("chipwatch/lists")
}

fn manifest_path(store: &Path) -> PathBuf {
    store.join("manifest.json")
}

fn read_manifest(store: &Path) -> Result<Manifest> {
    let p = manifest_path(store);
    if !p.exists() {
        return Ok(Manifest::default());
    }
    let text =
        std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{}: not a chipwatch list manifest", p.display()))
}

/// The last good copies in the store.
pub fn stored_lists(store: &Path) -> Result<Vec<PathBuf>> {
    Ok(read_manifest(store)?
        .lists
        .values()
        .map(|l| store.join(&l.path))
        .collect())
}

fn download(url: &str, to: &Path) -> Result<u64> {
    let resp = ureq::get(url)
        .timeout(std::time::Duration::from_secs(300))
        .call()
        .with_context(|| format!("cannot download {url}"))?;
    let mut reader = resp.into_reader();
    let mut file =
        std::fs::File::create(to).with_context(|| format!("cannot write {}", to.display()))?;
    let n = std::io::copy(&mut reader, &mut file)
        .with_context(|| format!("download of {url} broke off"))?;
    Ok(n)
}

/// Sources that lost more than `max_loss` of their entries against the last good copy (and
/// sources that vanished), as sentences.
pub fn losses(
    old: &BTreeMap<String, usize>,
    new: &BTreeMap<String, usize>,
    max_loss: f64,
) -> Vec<String> {
    let mut out = Vec::new();
    for (source, &before) in old {
        let after = new.get(source).copied().unwrap_or(0);
        if before > 0 {
            let lost = 1.0 - after as f64 / before as f64;
            if lost > max_loss {
                out.push(format!(
                    "{source}: {after} entries, last good copy had {before} (lost {:.0}%, more than {:.0}%)",
                    lost * 100.0,
                    max_loss * 100.0
                ));
            }
        }
    }
    out
}

pub struct FetchOptions {
    pub store: Option<PathBuf>,
    pub csl_url: String,
    pub sdn_base_url: String,
    pub max_loss: f64,
    pub only: Vec<String>,
    pub json: bool,
    /// A store whose remembered parties are re-screened against each new copy's delta.
    pub rescreen: Option<String>,
}

/// Re-screens remembered parties against a delta: (delta, list, old version, new version).
pub type RescreenFn<'a> = &'a dyn Fn(
    &chipwatch_screen::delta::Delta,
    &str,
    &str,
    &str,
) -> Result<chipwatch_server::monitor::Rescreen>;

/// Fetch each list into a dated folder, check it against the last good copy, and make it the
/// current copy only when it passes.
pub fn fetch(opts: FetchOptions) -> Result<ExitCode> {
    let db = opts.rescreen.clone();
    let by_url = |d: &chipwatch_screen::delta::Delta, list: &str, old: &str, new: &str| {
        rescreen_store(db.as_deref().unwrap_or_default(), d, list, old, new)
    };
    let (report, refused) = fetch_report(&opts, db.is_some().then_some(&by_url as RescreenFn))?;
    let store = store_dir(opts.store.as_deref());
    print_fetch(&report, &store, opts.json)?;
    Ok(if refused {
        ExitCode::from(crate::EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// [`fetch`]'s work: each list's report, and whether any was refused.
pub fn fetch_report(
    opts: &FetchOptions,
    rescreen: Option<RescreenFn>,
) -> Result<(Vec<serde_json::Value>, bool)> {
    let store = store_dir(opts.store.as_deref());
    std::fs::create_dir_all(&store)
        .with_context(|| format!("cannot create {}", store.display()))?;
    let mut manifest = read_manifest(&store)?;
    let now = chrono::Utc::now();
    let stamp = now.format("%Y-%m-%dT%H%M%SZ").to_string();
    let mut report = Vec::new();
    let mut refused = false;
    let wanted = |k: &str| opts.only.is_empty() || opts.only.iter().any(|o| o == k);
    // (store key, [(url, file name)], file to parse or "" for the folder)
    type Job<'a> = (&'a str, Vec<(String, String)>, String);
    let mut jobs: Vec<Job> = Vec::new();
    if wanted("csl") {
        jobs.push((
            "csl",
            vec![(opts.csl_url.clone(), "consolidated.csv".into())],
            "consolidated.csv".into(),
        ));
    }
    if wanted("sdn") {
        let base = opts.sdn_base_url.trim_end_matches('/');
        jobs.push((
            "sdn",
            ["sdn.csv", "alt.csv", "add.csv"]
                .iter()
                .map(|f| (format!("{base}/{f}"), f.to_string()))
                .collect(),
            String::new(),
        ));
    }
    for (key, files, main) in jobs {
        // A fresh folder per download, never one that holds a stored copy.
        let mut dir = store.join(key).join(&stamp);
        let mut n = 1;
        while dir.exists() {
            n += 1;
            dir = store.join(key).join(format!("{stamp}-{n}"));
        }
        std::fs::create_dir_all(&dir)?;
        let mut failed = None;
        for (url, name) in &files {
            eprintln!("fetching {url}");
            if let Err(e) = download(url, &dir.join(name)) {
                failed = Some(format!("{e:#}"));
                break;
            }
        }
        let target = if main.is_empty() {
            dir.clone()
        } else {
            dir.join(&main)
        };
        let loaded: Result<Loaded, String> = match failed {
            Some(e) => Err(e),
            None => read_any(&target).map_err(|e| e.to_string()),
        };
        let old = manifest.lists.get(key).cloned();
        let verdict = match &loaded {
            Err(e) => Err(vec![e.clone()]),
            Ok(l) if l.entries.is_empty() => Err(vec!["the file holds no entries".to_string()]),
            Ok(l) => {
                let lost = old
                    .as_ref()
                    .map(|o| losses(&o.per_source, &l.per_source, opts.max_loss))
                    .unwrap_or_default();
                if lost.is_empty() { Ok(()) } else { Err(lost) }
            }
        };
        match verdict {
            Ok(()) => {
                let l = loaded.expect("checked above");
                let rel = target
                    .strip_prefix(&store)
                    .unwrap_or(&target)
                    .to_string_lossy()
                    .to_string();
                for w in &l.warnings {
                    eprintln!("warning: {w}");
                }
                let entry = StoredList {
                    path: rel,
                    url: files
                        .iter()
                        .map(|(u, _)| u.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    fetched_at: now.to_rfc3339(),
                    entries: l.entries.len(),
                    per_source: l.per_source.clone(),
                };
                let mut delta_report = serde_json::Value::Null;
                if let Some(o) = &old
                    && let Ok(prev) = read_any(&store.join(&o.path))
                {
                    let d = chipwatch_screen::delta::diff(&prev.entries, &l.entries);
                    let deltas = store.join("deltas");
                    std::fs::create_dir_all(&deltas)?;
                    let file = deltas.join(format!("{stamp}-{key}.json"));
                    std::fs::write(&file, serde_json::to_string(&d)?)?;
                    delta_report = serde_json::json!({
                        "summary": delta_summary(&d, prev.entries.len(), l.entries.len()),
                        "file": file,
                    });
                    if let Some(rescreen) = rescreen {
                        let r = rescreen(&d, key, &o.fetched_at, &now.to_rfc3339())?;
                        delta_report["rescreen"] = serde_json::to_value(&r)?;
                    }
                }
                report.push(serde_json::json!({"list": key, "status": "stored", "entries": entry.entries,
                    "per_source": entry.per_source, "warnings": l.warnings.len(), "path": store.join(&entry.path),
                    "delta": delta_report}));
                manifest.lists.insert(key.to_string(), entry);
            }
            Err(reasons) => {
                refused = true;
                let _ = std::fs::remove_dir_all(&dir);
                report.push(
                    serde_json::json!({"list": key, "status": "refused", "reasons": reasons,
                    "kept": old.as_ref().map(|o| o.fetched_at.clone())}),
                );
            }
        }
    }
    let tmp = store.join("manifest.json.tmp");
    std::fs::write(&tmp, serde_json::to_string_pretty(&manifest)?)?;
    std::fs::rename(&tmp, manifest_path(&store))?;
    Ok((report, refused))
}

fn print_fetch(report: &[serde_json::Value], store: &Path, json: bool) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for r in report {
            let key = r["list"].as_str().unwrap_or("");
            if r["status"] == "stored" {
                println!(
                    "{key}: stored {} entries ({})",
                    r["entries"],
                    r["path"].as_str().unwrap_or("")
                );
                if let Some(m) = r["per_source"].as_object() {
                    for (s, n) in m {
                        println!("  {s:<8} {n:>6}");
                    }
                }
                if let Some(d) = r["delta"]["summary"].as_str() {
                    println!("  delta against the last good copy: {d}");
                }
                if let Some(rs) = r["delta"].get("rescreen") {
                    println!(
                        "  re-screened {} stored parties against {} entries in {:.2}s: {} alert(s) opened, {} annotated",
                        rs["rescreened"],
                        rs["entries"],
                        rs["seconds"].as_f64().unwrap_or(0.0),
                        rs["alerts"].as_array().map_or(0, Vec::len),
                        rs["annotated"]
                    );
                }
            } else {
                println!(
                    "{key}: REFUSED; last good copy kept ({})",
                    r["kept"].as_str().unwrap_or("none")
                );
                for reason in r["reasons"].as_array().into_iter().flatten() {
                    println!("  {}", reason.as_str().unwrap_or(""));
                }
            }
        }
        println!("store: {}", store.display());
    }
    Ok(())
}

/// Show what list files hold (given files, or the store's last good copies).
pub fn info(paths: &[PathBuf], store: Option<&Path>, json: bool) -> Result<ExitCode> {
    let loaded = crate::screen_cmd::load_lists(paths, store)?;
    if json {
        let v: Vec<serde_json::Value> = loaded
            .iter()
            .map(|l| {
                serde_json::json!({
                    "file": l.file, "format": l.format, "entries": l.entries.len(), "names": l.name_count(),
                    "per_source": l.per_source, "warnings": l.warnings,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    if paths.is_empty() {
        let store = store_dir(store);
        for (k, l) in read_manifest(&store)?.lists {
            println!("{k}: fetched {} from {}", l.fetched_at, l.url);
        }
    }
    for l in &loaded {
        println!(
            "{} ({}): {} entries, {} names with aliases",
            l.file,
            l.format,
            l.entries.len(),
            l.name_count()
        );
        for (source, n) in &l.per_source {
            println!("  {source:<8} {n:>6}");
        }
        if !l.warnings.is_empty() {
            println!("  {} row(s) not taken:", l.warnings.len());
            for w in l.warnings.iter().take(10) {
                println!("    {w}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Print the delta between two copies of a list.
/// Re-screen the parties the store at `db` remembers against a delta.
pub fn rescreen_store(
    db: &str,
    d: &chipwatch_screen::delta::Delta,
    list: &str,
    old_version: &str,
    new_version: &str,
) -> Result<chipwatch_server::monitor::Rescreen> {
    let store = chipwatch_store::Store::open_url(db).with_context(|| format!("opening {db}"))?;
    Ok(chipwatch_server::monitor::rescreen(
        &store,
        d,
        list,
        old_version,
        new_version,
        "chipwatch lists",
    )?)
}

pub fn diff(
    old: &Path,
    new: &Path,
    limit: usize,
    json: bool,
    rescreen: Option<&str>,
) -> Result<ExitCode> {
    let load = |p: &Path| -> Result<Loaded> {
        let l = read_any(p).map_err(|e| chipwatch_model::InputError::Invalid {
            file: p.display().to_string(),
            message: e.to_string(),
        })?;
        for w in &l.warnings {
            eprintln!("warning: {w}");
        }
        Ok(l)
    };
    let (o, n) = (load(old)?, load(new)?);
    let d = chipwatch_screen::delta::diff(&o.entries, &n.entries);
    let rs = match rescreen {
        Some(db) => Some(rescreen_store(
            db,
            &d,
            &new.display().to_string(),
            &old.display().to_string(),
            &new.display().to_string(),
        )?),
        None => None,
    };
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "old": {"path": old, "entries": o.entries.len()},
                "new": {"path": new, "entries": n.entries.len()},
                "per_source": d.per_source_json(),
                "unchanged": d.unchanged,
                "added": d.added,
                "removed": d.removed,
                "changed": d.changed,
                "rescreen": rs,
            }))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(r) = &rs {
        println!(
            "re-screened {} stored parties against {} entries in {:.2}s: {} alert(s) opened, {} annotated (delta {})",
            r.rescreened,
            r.entries,
            r.seconds,
            r.alerts.len(),
            r.annotated,
            r.delta_id
        );
    }
    println!("{}", delta_summary(&d, o.entries.len(), n.entries.len()));
    for (s, (a, r, c)) in d.per_source() {
        println!("  {s:<8} +{a:<6} -{r:<6} ~{c}");
    }
    let show = |title: &str, es: &[chipwatch_screen::lists::ListEntry]| {
        if limit == 0 || es.is_empty() {
            return;
        }
        println!("{title}:");
        for e in es.iter().take(limit) {
            println!("  {} {} {} ({})", e.source, e.entry_id, e.name, e.origin);
        }
        if es.len() > limit {
            println!("  ... and {} more (--limit, --json)", es.len() - limit);
        }
    };
    show("added", &d.added);
    show("removed", &d.removed);
    if limit > 0 && !d.changed.is_empty() {
        println!("changed:");
        for c in d.changed.iter().take(limit) {
            println!("  {} {} {}", c.new.source, c.new.entry_id, c.new.name);
            for f in &c.fields {
                for v in &f.added {
                    println!("      {:<14} + {v}", f.field);
                }
                for v in &f.removed {
                    println!("      {:<14} - {v}", f.field);
                }
            }
        }
        if d.changed.len() > limit {
            println!(
                "  ... and {} more (--limit, --json)",
                d.changed.len() - limit
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One line: how many entries were added, removed, changed.
pub fn delta_summary(d: &chipwatch_screen::delta::Delta, old: usize, new: usize) -> String {
    format!(
        "{old} -> {new} entries: {} added, {} removed, {} changed, {} unchanged",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        d.unchanged
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_that_shrank_too_much_is_named() {
        let old: BTreeMap<String, usize> =
            [("EL".to_string(), 1000), ("SDN".to_string(), 500)].into();
        let new: BTreeMap<String, usize> = [("EL".to_string(), 950)].into();
        let l = losses(&old, &new, 0.1);
        assert_eq!(l.len(), 1);
        assert!(l[0].starts_with("SDN: 0 entries"), "{l:?}");
        let new2: BTreeMap<String, usize> =
            [("EL".to_string(), 899), ("SDN".to_string(), 500)].into();
        assert_eq!(losses(&old, &new2, 0.1).len(), 1);
    }
}
