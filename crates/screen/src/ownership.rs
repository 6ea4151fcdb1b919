//! Ownership: who is covered because listed parties own it.
//!
//! Two rules extend a list to the companies its parties own:
//!
//! * **OFAC's 50 Percent Rule** (Revised Guidance on Entities Owned by Persons Whose Property and
//!   Interests in Property Are Blocked, 2014-08-13; FAQs 398-402): an entity owned 50% or more in
//!   the aggregate, directly or indirectly, by one or more blocked persons (SDN) is blocked.
//! * **BIS's Affiliates rule** (90 FR 47201, 2025-09-29; 15 CFR 744.11(a)(3) as amended): the
//!   Entity List and MEU List restrictions apply to entities owned 50% or more, directly or
//!   indirectly, individually or in the aggregate, by listed parties (and by SDNs designated
//!   under E.O. 13382, whom 744.8 restricts). Suspended from 2025-11-10 to 2026-11-09, in force
//!   again from 2026-11-10.
//!
//! Both count the same way: a covered owner's whole share counts, shares of several covered
//! owners add up, and a covered entity's own stakes count in full further down the chain; an
//! entity owned less than 50% by covered parties passes nothing on (OFAC FAQ 401: no
//! multiplying through an entity that is not itself covered). What differs is which lists make
//! an owner covered, and the dates each rule is in force.
//!
//! Unknown shares are kept as bounds. An owner whose share is unknown holds between nothing and
//! what the known owners leave (`100 − Σ known`), so a party is **covered** when the lower bound
//! reaches 50%, **possibly covered** when only the upper bound does (BIS red flag 29: a listed
//! owner of unknown share is a duty to determine it), and not covered otherwise.
//!
//! ```
//! use chipwatch_screen::ownership::{read_ownership_csv, coverage, Rule, Status, Listed};
//! let stakes = read_ownership_csv("own.csv", "owner,owned,share_pct,as_of,source\n\
//!     Listed Y,Z Ltd,50,2024-01-01,registry\n\
//!     Listed Y,X Ltd,35,2024-01-01,registry\n\
//!     Z Ltd,X Ltd,25,2024-01-01,registry\n").unwrap();
//! let listed = |name: &str| (name == "Listed Y").then(|| Listed::new("SDN", "123", "LISTED Y"));
//! let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
//! let c = coverage(&stakes, Rule::ofac(), date, &listed);
//! let x = &c["X Ltd"];
//! assert_eq!(x.status, Status::Covered);
//! assert_eq!(x.lower, 60.0);
//! assert!(x.explain().contains("35% direct by Listed Y"), "{}", x.explain());
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

/// One stake: `owner` holds `share` percent of `owned`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stake {
    pub owner: String,
    pub owned: String,
    /// Percent, 0-100; `None` when the share is not known.
    pub share: Option<f64>,
    /// From when the stake is known to hold (none: always).
    pub from: Option<NaiveDate>,
    /// Until when (none: still held).
    pub until: Option<NaiveDate>,
    pub source: String,
    /// File and line the stake was read from.
    pub origin: String,
}

impl Stake {
    fn held_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A bad ownership row: file, line, field, value and the rule it breaks.
#[derive(Debug, thiserror::Error)]
#[error("{file}: line {line}: column `{field}`: `{value}`: {rule}")]
pub struct OwnershipError {
    pub file: String,
    pub line: u64,
    pub field: String,
    pub value: String,
    pub rule: String,
}

fn date(file: &str, line: u64, field: &str, v: &str) -> Result<Option<NaiveDate>, OwnershipError> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    // FollowTheMoney dates may be partial (2019, 2019-05): the earliest day they name.
    let full = match v.len() {
        4 => format!("{v}-01-01"),
        7 => format!("{v}-01"),
        _ => v.chars().take(10).collect(),
    };
    NaiveDate::parse_from_str(&full, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| OwnershipError {
            file: file.into(),
            line,
            field: field.into(),
            value: v.into(),
            rule: "a date YYYY-MM-DD (or YYYY, YYYY-MM)".into(),
        })
}

fn share(file: &str, line: u64, field: &str, v: &str) -> Result<Option<f64>, OwnershipError> {
    let t = v.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(Some(p)),
        _ => Err(OwnershipError {
            file: file.into(),
            line,
            field: field.into(),
            value: v.into(),
            rule: "a percentage from 0 to 100, or empty when the share is unknown".into(),
        }),
    }
}

/// Read the CSV form `owner,owned,share_pct,as_of,source` (an empty `share_pct`: unknown; an
/// optional `until` column ends a stake).
pub fn read_ownership_csv(file: &str, text: &str) -> Result<Vec<Stake>, OwnershipError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let err = |line: u64, field: &str, value: &str, rule: &str| OwnershipError {
        file: file.into(),
        line,
        field: field.into(),
        value: value.into(),
        rule: rule.into(),
    };
    let head: Vec<String> = rdr
        .headers()
        .map_err(|e| err(1, "header", "", &e.to_string()))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let col = |name: &str| head.iter().position(|h| h == name);
    let (Some(owner), Some(owned)) = (col("owner"), col("owned")) else {
        return Err(err(
            1,
            "header",
            &head.join(","),
            "an ownership CSV needs the columns owner, owned (and share_pct, as_of, source)",
        ));
    };
    let (pct, as_of, until, source) = (col("share_pct"), col("as_of"), col("until"), col("source"));
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, "row", "", &e.to_string())
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").trim();
        let (o, d) = (get(Some(owner)), get(Some(owned)));
        for (field, v) in [("owner", o), ("owned", d)] {
            if v.is_empty() {
                return Err(err(line, field, v, "a party name is required"));
            }
        }
        if o == d {
            return Err(err(line, "owned", d, "a party cannot own itself"));
        }
        out.push(Stake {
            owner: o.to_string(),
            owned: d.to_string(),
            share: share(file, line, "share_pct", get(pct))?,
            from: date(file, line, "as_of", get(as_of))?,
            until: date(file, line, "until", get(until))?,
            source: get(source).to_string(),
            origin: format!("{file}:{line}"),
        });
    }
    Ok(out)
}

/// Read FollowTheMoney entities (JSON lines, as OpenSanctions publishes them): `Ownership`
/// entities (`owner`, `asset`, `percentage`, `startDate`, `endDate`) whose owner and asset are
/// the ids of other entities in the same file, named by their `name`.
pub fn read_ftm(file: &str, text: &str) -> Result<Vec<Stake>, OwnershipError> {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut links: Vec<(u64, serde_json::Value)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| OwnershipError {
            file: file.into(),
            line: n,
            field: "line".into(),
            value: line.chars().take(60).collect(),
            rule: format!("a FollowTheMoney entity as JSON: {e}"),
        })?;
        let schema = v.get("schema").and_then(|s| s.as_str()).unwrap_or("");
        if schema == "Ownership" {
            links.push((n, v));
        } else if let (Some(id), Some(name)) = (
            v.get("id").and_then(|s| s.as_str()),
            v.pointer("/properties/name/0").and_then(|s| s.as_str()),
        ) {
            names.insert(id.to_string(), name.to_string());
        }
    }
    let first = |v: &serde_json::Value, p: &str| -> String {
        v.pointer(&format!("/properties/{p}/0"))
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string()
    };
    let mut out = Vec::new();
    for (n, v) in links {
        let party = |p: &str| -> Result<String, OwnershipError> {
            let id = first(&v, p);
            names.get(&id).cloned().ok_or_else(|| OwnershipError {
                file: file.into(),
                line: n,
                field: format!("properties.{p}"),
                value: id.clone(),
                rule: "the id of an entity with a name in the same file".into(),
            })
        };
        let (owner, owned) = (party("owner")?, party("asset")?);
        out.push(Stake {
            owner,
            owned,
            share: share(file, n, "properties.percentage", &first(&v, "percentage"))?,
            from: date(file, n, "properties.startDate", &first(&v, "startDate"))?,
            until: date(file, n, "properties.endDate", &first(&v, "endDate"))?,
            source: v
                .pointer("/datasets/0")
                .and_then(|s| s.as_str())
                .unwrap_or("FollowTheMoney")
                .to_string(),
            origin: format!("{file}:{n}"),
        });
    }
    Ok(out)
}

/// Read either form, by the file's first character (`{`: FollowTheMoney JSON lines).
pub fn read_ownership(file: &str, text: &str) -> Result<Vec<Stake>, OwnershipError> {
    if text.trim_start().starts_with('{') {
        read_ftm(file, text)
    } else {
        read_ownership_csv(file, text)
    }
}

/// An ownership rule: which lists make an owner covered, and when it is in force.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub name: &'static str,
    /// Source codes of the lists whose parties count (`SDN`, `EL`, `MEU`).
    pub lists: &'static [&'static str],
    /// SDN programs whose parties also count (the Affiliates rule reaches SDNs designated
    /// under E.O. 13382, `NPWMD`, whom 15 CFR 744.8 restricts).
    pub sdn_programs: &'static [&'static str],
    pub citation: &'static str,
    /// Windows in force, inclusive (`None`: open-ended).
    windows: &'static [(NaiveDate, Option<NaiveDate>)],
}

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("invalid date"),
    }
}

/// The 50% rule was first published in 2008-02 and revised to aggregate owners on 2014-08-13;
/// chipwatch counts in aggregate throughout.
const OFAC_WINDOWS: &[(NaiveDate, Option<NaiveDate>)] = &[(ymd(2008, 2, 14), None)];
const BIS_WINDOWS: &[(NaiveDate, Option<NaiveDate>)] = &[
    (ymd(2025, 9, 29), Some(ymd(2025, 11, 9))),
    (ymd(2026, 11, 10), None),
];

impl Rule {
    /// OFAC's 50 Percent Rule (SDN).
    pub fn ofac() -> Rule {
        Rule {
            id: "OFAC-50",
            name: "OFAC 50 Percent Rule",
            lists: &["SDN"],
            sdn_programs: &[],
            citation: "OFAC, Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are Blocked (2014-08-13); FAQs 398-402",
            windows: OFAC_WINDOWS,
        }
    }

    /// BIS's Affiliates rule (Entity List and MEU List).
    pub fn bis() -> Rule {
        Rule {
            id: "BIS-AFFILIATES",
            name: "BIS Affiliates rule",
            lists: &["EL", "MEU"],
            sdn_programs: &["NPWMD"],
            citation: "90 FR 47201 (2025-09-29), 15 CFR 744.11(a)(3); suspended 2025-11-10 to 2026-11-09",
            windows: BIS_WINDOWS,
        }
    }

    /// Both rules.
    pub fn all() -> [Rule; 2] {
        [Rule::bis(), Rule::ofac()]
    }

    /// Does a party on this list entry make its companies covered under the rule?
    pub fn counts(&self, l: &Listed) -> bool {
        self.lists.contains(&l.source.as_str())
            || (l.source == "SDN"
                && l.programs
                    .iter()
                    .any(|p| self.sdn_programs.iter().any(|q| p.contains(q))))
    }

    /// Is the rule in force on `date`?
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.windows
            .iter()
            .any(|(from, to)| *from <= date && to.is_none_or(|t| date <= t))
    }
}

/// A party on a list, as the screener found it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    pub source: String,
    pub entry_id: String,
    pub entry_name: String,
    /// How the name was matched (alias and score), empty for an exact name.
    pub how: String,
    /// The entry's sanctions programs (`NPWMD`, `RUSSIA-EO14024`, ...).
    pub programs: Vec<String>,
}

impl Listed {
    pub fn new(source: &str, entry_id: &str, entry_name: &str) -> Listed {
        Listed {
            source: source.into(),
            entry_id: entry_id.into(),
            entry_name: entry_name.into(),
            how: String::new(),
            programs: Vec::new(),
        }
    }
}

/// A party's standing under a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// On one of the rule's lists itself.
    Listed,
    /// Owned 50% or more by covered parties.
    Covered,
    /// Would be covered if unknown shares are large enough: determine them (RF 29).
    PossiblyCovered,
}

/// One owner's part in a party's coverage.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub owner: String,
    /// Percent held, `None` when unknown.
    pub share: Option<f64>,
    /// The owner's own standing (listed, covered, or possibly covered).
    pub owner_status: Status,
    /// The owner's list entry when it is listed itself.
    pub entry: Option<Listed>,
    /// When the owner is covered through its own owners: the share of it they hold, at least.
    pub owner_owned: Option<f64>,
    pub origin: String,
}

/// A party covered, or possibly covered, under one rule on one date.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub party: String,
    pub rule: Rule,
    pub date: NaiveDate,
    pub status: Status,
    /// Percent owned by covered parties, at least.
    pub lower: f64,
    /// ... and at most (unknown shares at the most the known owners leave).
    pub upper: f64,
    /// The party's own entry when it is listed.
    pub entry: Option<Listed>,
    /// The owners that count, largest share first.
    pub parts: Vec<Part>,
}

fn pct(p: f64) -> String {
    if (p - p.round()).abs() < 1e-9 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

impl Coverage {
    /// As JSON, with its explanation.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["explanation"] = serde_json::Value::String(self.explain());
        v
    }

    /// One line: "X Ltd is 60% owned by listed parties under OFAC 50 Percent Rule: 35% direct by
    /// Listed Y (SDN 123) + 25% through Z Ltd (covered)".
    pub fn explain(&self) -> String {
        if let (Status::Listed, Some(e)) = (self.status, &self.entry) {
            return format!(
                "{} is listed itself: {} {} \"{}\"",
                self.party, e.source, e.entry_id, e.entry_name
            );
        }
        let parts = self
            .parts
            .iter()
            .map(|p| {
                let share = p.share.map_or_else(|| "unknown share".to_string(), pct);
                match (&p.entry, p.owner_status) {
                    (Some(e), _) => format!(
                        "{share} direct by {} ({} {} \"{}\"{})",
                        p.owner,
                        e.source,
                        e.entry_id,
                        e.entry_name,
                        if e.how.is_empty() {
                            String::new()
                        } else {
                            format!(", {}", e.how)
                        }
                    ),
                    (None, Status::PossiblyCovered) => format!(
                        "{share} through {} (possibly covered itself: {} owned by covered parties at least)",
                        p.owner,
                        pct(p.owner_owned.unwrap_or(0.0))
                    ),
                    (None, _) => format!(
                        "{share} through {} (covered itself: {} owned by covered parties)",
                        p.owner,
                        pct(p.owner_owned.unwrap_or(0.0))
                    ),
                }
            })
            .collect::<Vec<_>>()
            .join(" + ");
        let amount = if self.upper - self.lower < 1e-9 {
            pct(self.lower)
        } else {
            format!(
                "between {} and {} (unknown shares)",
                pct(self.lower),
                pct(self.upper)
            )
        };
        let verdict = match self.status {
            Status::PossiblyCovered => {
                "possibly covered: determine the unknown shares (BIS red flag 29) or treat as covered"
            }
            _ => "covered",
        };
        format!(
            "{} is {amount} owned by parties listed or covered under the {} on {} ({}): {}; {verdict}",
            self.party, self.rule.name, self.date, self.rule.citation, parts
        )
    }
}

/// Two spellings of one party share a key: the screening normalisation (script, case,
/// punctuation, legal forms written alike), so "Lumen Data Sdn. Bhd." is "LUMEN DATA SDN BHD".
fn key(name: &str) -> String {
    let k = crate::normalize::normalize(name).key();
    if k.is_empty() {
        name.trim().to_lowercase()
    } else {
        k
    }
}

fn sum(it: impl Iterator<Item = f64>) -> f64 {
    it.fold(0.0, |a, b| a + b)
}

/// Every party covered or possibly covered under `rule` on `date`, by its name as the ownership
/// data writes it. `listed` says whether a name is on a list (and which entry); entries of
/// lists the rule does not count are ignored. Nothing is covered on a date the rule is not in
/// force.
pub fn coverage(
    stakes: &[Stake],
    rule: Rule,
    date: NaiveDate,
    listed: &dyn Fn(&str) -> Option<Listed>,
) -> BTreeMap<String, Coverage> {
    let mut out = BTreeMap::new();
    if !rule.in_force(date) {
        return out;
    }
    let held: Vec<&Stake> = stakes.iter().filter(|s| s.held_on(date)).collect();
    // Parties by key, with the spelling first seen.
    let mut spelling: BTreeMap<String, String> = BTreeMap::new();
    for s in &held {
        spelling
            .entry(key(&s.owner))
            .or_insert_with(|| s.owner.clone());
        spelling
            .entry(key(&s.owned))
            .or_insert_with(|| s.owned.clone());
    }
    let entry_of: BTreeMap<String, Listed> = spelling
        .iter()
        .filter_map(|(k, name)| {
            listed(name)
                .filter(|l| rule.counts(l))
                .map(|l| (k.clone(), l))
        })
        .collect();
    // Owners of each party (a stake named twice counts once: the latest share known).
    let mut owners: BTreeMap<String, BTreeMap<String, &Stake>> = BTreeMap::new();
    for s in &held {
        let e = owners
            .entry(key(&s.owned))
            .or_default()
            .entry(key(&s.owner))
            .or_insert(s);
        if s.from >= e.from {
            *e = s;
        }
    }
    let mut definite: BTreeSet<String> = entry_of.keys().cloned().collect();
    let mut possible = definite.clone();
    let bounds = |party: &str, definite: &BTreeSet<String>, possible: &BTreeSet<String>| {
        let own = &owners[party];
        let known = sum(own.values().filter_map(|s| s.share));
        let residual = (100.0 - known).max(0.0);
        let lower = sum(own
            .iter()
            .filter(|(o, _)| definite.contains(*o))
            .filter_map(|(_, s)| s.share));
        let mut upper = sum(own
            .iter()
            .filter(|(o, _)| possible.contains(*o))
            .filter_map(|(_, s)| s.share));
        if own
            .iter()
            .any(|(o, s)| possible.contains(o) && s.share.is_none())
        {
            upper += residual;
        }
        (lower.min(100.0), upper.min(100.0))
    };
    // A fixed point: coverage only grows, so this ends within one pass per party.
    loop {
        let mut changed = false;
        for party in owners.keys() {
            if definite.contains(party) {
                continue;
            }
            let (lower, upper) = bounds(party, &definite, &possible);
            if lower >= 50.0 - 1e-9 {
                definite.insert(party.clone());
                possible.insert(party.clone());
                changed = true;
            } else if upper >= 50.0 - 1e-9 && possible.insert(party.clone()) {
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for party in &possible {
        let name = spelling[party].clone();
        if let Some(e) = entry_of.get(party) {
            out.insert(
                name.clone(),
                Coverage {
                    party: name,
                    rule,
                    date,
                    status: Status::Listed,
                    lower: 100.0,
                    upper: 100.0,
                    entry: Some(e.clone()),
                    parts: Vec::new(),
                },
            );
            continue;
        }
        let (lower, upper) = bounds(party, &definite, &possible);
        let mut parts: Vec<Part> = owners[party]
            .iter()
            .filter(|(o, _)| possible.contains(*o))
            .map(|(o, s)| Part {
                owner: spelling[o].clone(),
                share: s.share,
                owner_status: if entry_of.contains_key(o) {
                    Status::Listed
                } else if definite.contains(o) {
                    Status::Covered
                } else {
                    Status::PossiblyCovered
                },
                entry: entry_of.get(o).cloned(),
                owner_owned: (!entry_of.contains_key(o)).then(|| bounds(o, &definite, &possible).0),
                origin: s.origin.clone(),
            })
            .collect();
        parts.sort_by(|a, b| {
            b.share
                .unwrap_or(-1.0)
                .total_cmp(&a.share.unwrap_or(-1.0))
                .then(a.owner.cmp(&b.owner))
        });
        out.insert(
            name.clone(),
            Coverage {
                party: name,
                rule,
                date,
                status: if definite.contains(party) {
                    Status::Covered
                } else {
                    Status::PossiblyCovered
                },
                lower,
                upper,
                entry: None,
                parts,
            },
        );
    }
    out
}

/// The coverage of one party (by name, spaces and case aside) under every rule in force.
pub fn coverage_of(
    party: &str,
    stakes: &[Stake],
    date: NaiveDate,
    listed: &dyn Fn(&str) -> Option<Listed>,
) -> Vec<Coverage> {
    let k = key(party);
    Rule::all()
        .into_iter()
        .filter_map(|rule| {
            coverage(stakes, rule, date, listed)
                .into_values()
                .find(|c| key(&c.party) == k && c.status != Status::Listed)
        })
        .collect()
}

/// Owners are listed when the screener matches them to an entry at its threshold; the match is
/// described when it is not exact.
pub fn listed_by(s: &crate::screener::Screener) -> impl Fn(&str) -> Option<Listed> + '_ {
    move |name: &str| {
        s.screen(&crate::screener::Query::name(name))
            .into_iter()
            .next()
            .map(|h| Listed {
                how: if h.score >= 0.999 {
                    String::new()
                } else {
                    format!("matched as \"{}\", score {:.2}", h.matched_alias, h.score)
                },
                programs: s
                    .entries()
                    .iter()
                    .find(|e| e.source == h.source && e.entry_id == h.entry_id)
                    .map(|e| e.programs.clone())
                    .unwrap_or_default(),
                source: h.source,
                entry_id: h.entry_id,
                entry_name: h.entry_name,
            })
    }
}

/// The key a party's name is looked up by.
pub fn party_key(name: &str) -> String {
    key(name)
}

/// Covered and possibly covered parties (under every rule) for any date, computed once per
/// span of dates over which no stake, and no rule, starts or ends.
pub struct OwnershipIndex {
    stakes: std::sync::Arc<[Stake]>,
    breaks: Vec<NaiveDate>,
    spans: std::collections::HashMap<usize, std::collections::HashMap<String, Vec<Coverage>>>,
    /// Keys of the names asked about (a ledger names the same parties again and again).
    keys: std::collections::HashMap<String, String>,
}

impl OwnershipIndex {
    pub fn new(stakes: Vec<Stake>) -> OwnershipIndex {
        let mut breaks: Vec<NaiveDate> = Vec::new();
        for s in &stakes {
            breaks.extend(s.from);
            breaks.extend(s.until.and_then(|u| u.succ_opt()));
        }
        for r in Rule::all() {
            for (from, to) in r.windows {
                breaks.push(*from);
                breaks.extend(to.and_then(|t| t.succ_opt()));
            }
        }
        breaks.sort_unstable();
        breaks.dedup();
        OwnershipIndex {
            stakes: stakes.into(),
            breaks,
            spans: Default::default(),
            keys: Default::default(),
        }
    }

    /// The stakes, shared (no copy).
    pub fn stakes(&self) -> std::sync::Arc<[Stake]> {
        self.stakes.clone()
    }

    /// Coverage of `party` on `date` under every rule in force (listed parties themselves left
    /// out: screening finds those).
    pub fn of(
        &mut self,
        party: &str,
        date: NaiveDate,
        listed: &dyn Fn(&str) -> Option<Listed>,
    ) -> Vec<Coverage> {
        let span = self.breaks.partition_point(|b| *b <= date);
        let stakes = &self.stakes;
        let map = self.spans.entry(span).or_insert_with(|| {
            let mut m: std::collections::HashMap<String, Vec<Coverage>> = Default::default();
            for rule in Rule::all() {
                for c in coverage(stakes, rule, date, listed).into_values() {
                    if c.status != Status::Listed {
                        m.entry(key(&c.party)).or_default().push(c);
                    }
                }
            }
            m
        });
        let k = self
            .keys
            .entry(party.to_string())
            .or_insert_with(|| key(party));
        map.get(k.as_str())
            .map(|cs| cs.iter().map(|c| Coverage { date, ..c.clone() }).collect())
            .unwrap_or_default()
    }
}

/// A CSV the reader could not parse, at the line it stopped (the header is line 1).
fn csv_error(file: &str, e: csv::Error) -> OwnershipError {
    OwnershipError {
        file: file.into(),
        line: e.position().map_or(1, |p| p.line()),
        field: "row".into(),
        value: String::new(),
        rule: e.to_string(),
    }
}

/// Legal names by LEI from a GLEIF LEI-CDF golden-copy CSV (`LEI`, `Entity.LegalName`).
pub fn read_gleif_names(
    file: &str,
    text: &str,
) -> Result<std::collections::HashMap<String, String>, OwnershipError> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let head = rdr.headers().map_err(|e| csv_error(file, e))?;
    let col = |n: &str| {
        head.iter()
            .position(|h| h.trim_start_matches('\u{feff}') == n)
    };
    let (Some(lei), Some(name)) = (col("LEI"), col("Entity.LegalName")) else {
        return Err(OwnershipError {
            file: file.into(),
            line: 1,
            field: "header".into(),
            value: head.iter().take(4).collect::<Vec<_>>().join(","),
            rule: "a GLEIF LEI-CDF file needs the columns LEI and Entity.LegalName".into(),
        });
    };
    let mut out = std::collections::HashMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(file, e))?;
        if let (Some(l), Some(n)) = (rec.get(lei), rec.get(name))
            && !l.is_empty()
            && !n.is_empty()
        {
            out.insert(l.to_string(), n.to_string());
        }
    }
    Ok(out)
}

/// Whether a CSV header is GLEIF's: a relationship file (RR-CDF) or an entity file (LEI-CDF).
pub fn gleif_kind(text: &str) -> Option<&'static str> {
    let first = text.lines().next().unwrap_or("");
    if first.contains("Relationship.StartNode.NodeID") {
        Some("rr")
    } else if first.contains("Entity.LegalName") {
        Some("lei")
    } else {
        None
    }
}

/// Consolidation parents from a GLEIF relationship (RR-CDF) golden-copy CSV: each active
/// `IS_DIRECTLY_CONSOLIDATED_BY` or `IS_ULTIMATELY_CONSOLIDATED_BY` relationship is a stake of
/// unknown share (accounting consolidation shows control, not a percentage owned), from its
/// period's start date. Parties are named by `names` (a LEI-CDF file), else by their LEI. Also
/// returned: how many relationships of other kinds (fund management, branches) or inactive ones
/// were left aside.
pub fn read_gleif_rr(
    file: &str,
    text: &str,
    names: &std::collections::HashMap<String, String>,
) -> Result<(Vec<Stake>, usize), OwnershipError> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let head = rdr.headers().map_err(|e| csv_error(file, e))?.clone();
    let col = |n: &str| {
        head.iter()
            .position(|h| h.trim_start_matches('\u{feff}') == n)
    };
    let need = |n: &str| {
        col(n).ok_or_else(|| OwnershipError {
            file: file.into(),
            line: 1,
            field: n.into(),
            value: String::new(),
            rule: "a column of GLEIF's relationship file".into(),
        })
    };
    let (start, end, kind) = (
        need("Relationship.StartNode.NodeID")?,
        need("Relationship.EndNode.NodeID")?,
        need("Relationship.RelationshipType")?,
    );
    let status = col("Relationship.RelationshipStatus");
    let from = col("Relationship.Period.1.startDate");
    let (mut out, mut other) = (Vec::new(), 0);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(file, e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").trim();
        let k = get(Some(kind));
        let name = |lei: &str| names.get(lei).cloned().unwrap_or_else(|| lei.to_string());
        let (child, parent) = (get(Some(start)), get(Some(end)));
        if child.is_empty() || parent.is_empty() || child == parent {
            return Err(OwnershipError {
                file: file.into(),
                line,
                field: "Relationship.EndNode.NodeID".into(),
                value: parent.into(),
                rule: "a relationship names two different LEIs".into(),
            });
        }
        if !matches!(
            k,
            "IS_DIRECTLY_CONSOLIDATED_BY" | "IS_ULTIMATELY_CONSOLIDATED_BY"
        ) || status.is_some_and(|_| get(status) != "ACTIVE")
        {
            other += 1;
            continue;
        }
        out.push(Stake {
            owner: name(parent),
            owned: name(child),
            share: None,
            from: date(file, line, "Relationship.Period.1.startDate", get(from))?,
            until: None,
            source: format!("GLEIF {k}"),
            origin: format!("{file}:{line}"),
        });
    }
    Ok((out, other))
}
