//! Screening a name against loaded lists: a candidate index and per-alias scoring.
//!
//! Every name and alias of every entry is prepared once. A query scores only a bounded set of
//! candidates ([`CANDIDATES`]), ranked by cheap evidence from three keys:
//!
//! - **tokens**: aliases sharing a word or number with the query ([`TOKEN_EVIDENCE`] each);
//! - **sound keys**: consonant skeletons (for queries written in Arabic, Hebrew, Thai, ...)
//!   and Korean syllable keys ([`KEY_EVIDENCE`] each);
//! - **character trigrams** of each token (1 each; trigrams on more than
//!   1/[`COMMON_TRIGRAM_DIVISOR`] of all aliases are skipped).
//!
//! An alias needs a shared token or key, or half the query's trigrams, to be a candidate; when
//! no alias has that much, the [`FALLBACK_CANDIDATES`] with the most evidence are scored anyway
//! (heavy typos keep their recall).
//! Each entry reports its best-scoring alias with the token alignment behind the score.

use std::collections::{HashMap, HashSet};

use chipwatch_model::country::CountryRegistry;
use serde::Serialize;

use crate::lists::{EntryKind, ListEntry};
use crate::matcher::{
    Class, Comparison, NameKind, Prepared, THRESHOLD, compare_kind, korean_key, prepare_str,
    score_kind,
};
use crate::normalize::Script;

/// Evidence a shared token gives an alias.
pub const TOKEN_EVIDENCE: u16 = 4;
/// Evidence a shared sound key (consonant skeleton, Korean syllable key) gives an alias.
pub const KEY_EVIDENCE: u16 = 3;
/// Trigrams on more than 1/this of all aliases carry no evidence (" al", "ali", "moh").
pub const COMMON_TRIGRAM_DIVISOR: usize = 40;
/// A candidate needs at least this share of the evidence the best alias has.
pub const RELATIVE_EVIDENCE: f32 = 0.4;
/// At most this many candidates are scored per query.
pub const CANDIDATES: usize = 200;
/// Candidates scored when no alias has enough evidence (heavy typos).
pub const FALLBACK_CANDIDATES: usize = 50;
/// Score factor when the query's address shares no word or number with any of the entry's.
pub const ADDRESS_MISMATCH_FACTOR: f32 = 0.95;

/// The words (3 letters or more) and numbers of an address, lower-cased.
fn address_terms(a: &str) -> std::collections::BTreeSet<String> {
    a.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Score factor when the query's country is not among the entry's countries.
pub const COUNTRY_MISMATCH_FACTOR: f32 = 0.9;
/// Score factor when the query's year of birth is more than a year from every year of birth the
/// entry lists: a clear conflict of a secondary identifier.
pub const DOB_MISMATCH_FACTOR: f32 = 0.8;
/// Added to the score (up to 1) when the query's year of birth is one the entry lists.
pub const DOB_AGREEMENT_BONUS: f32 = 0.05;
/// Score factor when the query's nationality is none of a listed person's nationalities.
pub const NATIONALITY_MISMATCH_FACTOR: f32 = 0.85;
/// Score added when a number the query gives is on one of the entry's documents.
pub const ID_AGREEMENT_BONUS: f32 = 0.1;
/// Factor for a person, vessel or aircraft entry matched by a name that carries a legal form:
/// the query names a company ("Dover Corp", "Martin SA"), the entry a ship ("DOVER") or a
/// person ("Martin"), scorer v2.
pub const VESSEL_COMPANY_FACTOR: f32 = 0.7;

struct Alias {
    entry: u32,
    name: String,
    prepared: Prepared,
}

/// Loaded lists, prepared for screening.
pub struct Screener {
    entries: Vec<ListEntry>,
    countries: Vec<Vec<String>>,
    /// Years of birth per entry.
    dob_years: Vec<Vec<i32>>,
    aliases: Vec<Alias>,
    tokens: HashMap<String, Vec<u32>>,
    keys: HashMap<String, Vec<u32>>,
    trigrams: HashMap<[u8; 3], Vec<u32>>,
    exclusions: HashSet<(String, String)>,
    /// Which screener this is: new for every screener built and every change to one, so that
    /// results kept elsewhere can tell whose they are.
    id: u64,
}

/// A new screener id.
fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A name to screen, with optional qualifiers.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub name: String,
    /// ISO alpha-2 code or country name of the party.
    pub country: Option<String>,
    /// The party's address, as written: a qualifier like the country.
    pub address: Option<String>,
    /// The party's date of birth (any form with a four-digit year): a qualifier of person
    /// matches.
    pub dob: Option<String>,
    /// The party's nationality or citizenship (ISO code or country name): a qualifier of
    /// person matches.
    pub nationality: Option<String>,
    /// An identity or registration number of the party (passport, national ID, company
    /// registration, IMO): a listed entry that carries it is named and raised.
    pub id_number: Option<String>,
    pub kind: NameKind,
}

impl Query {
    pub fn name(name: &str) -> Query {
        Query {
            name: name.to_string(),
            ..Query::default()
        }
    }
}

/// One listed entry that matched, with the alias that matched best and why.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub source: String,
    pub entry_id: String,
    pub entry_name: String,
    pub entry_kind: EntryKind,
    pub matched_alias: String,
    pub score: f32,
    pub countries: Vec<String>,
    pub explanation: String,
    pub comparison: Comparison,
    /// File and line the entry was read from.
    pub origin: String,
}

fn trigrams_of(token: &str, out: &mut Vec<[u8; 3]>) {
    let b = token.as_bytes();
    let mut padded = Vec::with_capacity(b.len() + 2);
    padded.push(b' ');
    padded.extend_from_slice(b);
    padded.push(b' ');
    for w in padded.windows(3) {
        out.push([w[0], w[1], w[2]]);
    }
}

fn name_kind(k: EntryKind) -> NameKind {
    match k {
        EntryKind::Individual => NameKind::Person,
        EntryKind::Entity | EntryKind::Vessel | EntryKind::Aircraft => NameKind::Organization,
        EntryKind::Unknown => NameKind::Unknown,
    }
}

/// Countries named in an entry's addresses (the last comma-separated part of each).
fn entry_countries(e: &ListEntry) -> Vec<String> {
    let reg = CountryRegistry::bundled();
    let mut out: Vec<String> = Vec::new();
    let named = e.countries.iter().map(String::as_str);
    let from_addresses = e
        .addresses
        .iter()
        .map(|a| a.rsplit(',').next().unwrap_or(a).trim());
    for last in named.chain(from_addresses) {
        if let Some(c) = reg.resolve(last)
            && !out.contains(&c.alpha2)
        {
            out.push(c.alpha2.clone());
        }
    }
    out
}

impl Screener {
    /// Prepare entries for screening.
    pub fn new(entries: Vec<ListEntry>) -> Screener {
        let mut aliases = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let mut seen = HashSet::new();
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let prepared = prepare_str(n);
                if prepared.tokens.is_empty() || !seen.insert(prepared.compact.clone()) {
                    continue;
                }
                aliases.push(Alias {
                    entry: i as u32,
                    name: n.clone(),
                    prepared,
                });
            }
        }
        let mut tokens: HashMap<String, Vec<u32>> = HashMap::new();
        let mut keys: HashMap<String, Vec<u32>> = HashMap::new();
        let mut trigrams: HashMap<[u8; 3], Vec<u32>> = HashMap::new();
        let mut buf = Vec::new();
        for (ai, a) in aliases.iter().enumerate() {
            let ai = ai as u32;
            buf.clear();
            for t in &a.prepared.tokens {
                if t.class == Class::LegalForm {
                    continue;
                }
                push_unique(tokens.entry(t.text.clone()).or_default(), ai);
                if !t.skeleton.is_empty() {
                    push_unique(keys.entry(format!("s:{}", t.skeleton)).or_default(), ai);
                }
                if t.text.len() <= 6 {
                    push_unique(
                        keys.entry(format!("k:{}", korean_key(&t.text)))
                            .or_default(),
                        ai,
                    );
                }
                trigrams_of(&t.text, &mut buf);
            }
            buf.sort_unstable();
            buf.dedup();
            for g in &buf {
                trigrams.entry(*g).or_default().push(ai);
            }
        }
        let countries = entries.iter().map(entry_countries).collect();
        let dob_years = entries
            .iter()
            .map(|e| {
                let mut y: Vec<i32> = e
                    .dates_of_birth
                    .iter()
                    .flat_map(|d| crate::lists::dob_years(d))
                    .collect();
                y.sort_unstable();
                y.dedup();
                y
            })
            .collect();
        Screener {
            entries,
            countries,
            dob_years,
            aliases,
            tokens,
            keys,
            trigrams,
            exclusions: HashSet::new(),
            id: next_id(),
        }
    }

    /// This screener's id: another screener, or this one after a change, has another.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Entries loaded.
    pub fn entries(&self) -> &[ListEntry] {
        &self.entries
    }

    /// Names and aliases indexed.
    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    /// Exclude a decided false positive: this entry (source and id) never hits this query name
    /// (compared after normalisation).
    pub fn exclude(&mut self, source: &str, entry_id: &str, query_name: &str) {
        self.id = next_id();
        self.exclusions.insert((
            format!("{source}\u{1f}{entry_id}"),
            prepare_str(query_name).compact,
        ));
    }

    /// Candidate aliases for a prepared query: every alias gathers evidence (a shared token
    /// counts [`TOKEN_EVIDENCE`], a shared sound key [`KEY_EVIDENCE`], a shared trigram 1) and
    /// the [`CANDIDATES`] aliases with the most evidence are scored. Aliases with too little
    /// evidence (no shared token or key and fewer than half the query's trigrams) are left out
    /// unless nothing has more: then the best of them are scored anyway, so heavy typos keep
    /// their recall.
    fn candidates(&self, q: &Prepared) -> Vec<u32> {
        thread_local! {
            static COUNTS: std::cell::RefCell<(Vec<u16>, Vec<u32>)> =
                const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
        }
        COUNTS.with(|cell| {
            let (counts, touched) = &mut *cell.borrow_mut();
            if counts.len() < self.aliases.len() {
                counts.resize(self.aliases.len(), 0);
            }
            let mut add = |p: &[u32], w: u16, touched: &mut Vec<u32>| {
                for &a in p {
                    let c = &mut counts[a as usize];
                    if *c == 0 {
                        touched.push(a);
                    }
                    *c = c.saturating_add(w);
                }
            };
            let mut grams = Vec::new();
            for t in &q.tokens {
                if matches!(t.class, Class::LegalForm | Class::Particle | Class::Title) {
                    continue;
                }
                if let Some(p) = self.tokens.get(&t.text) {
                    add(p, TOKEN_EVIDENCE, touched);
                }
                if t.script.vowels_unwritten()
                    && !t.skeleton.is_empty()
                    && let Some(p) = self.keys.get(&format!("s:{}", t.skeleton))
                {
                    add(p, KEY_EVIDENCE, touched);
                }
                if t.script == Script::Hangul
                    && let Some(p) = self.keys.get(&format!("k:{}", korean_key(&t.text)))
                {
                    add(p, KEY_EVIDENCE, touched);
                }
                trigrams_of(&t.text, &mut grams);
            }
            // Words an abjad script writes apart that Latin spellings join (عبد الله: Abdullah).
            for w in q.tokens.windows(2) {
                if w[0].script.vowels_unwritten() && w[1].script.vowels_unwritten() {
                    let joined = crate::matcher::skeleton(&format!("{}{}", w[0].text, w[1].text));
                    if let Some(p) = self.keys.get(&format!("s:{joined}")) {
                        add(p, KEY_EVIDENCE, touched);
                    }
                }
            }
            grams.sort_unstable();
            grams.dedup();
            let common = self.aliases.len() / COMMON_TRIGRAM_DIVISOR;
            for g in &grams {
                if let Some(p) = self.trigrams.get(g)
                    && p.len() <= common.max(64)
                {
                    add(p, 1, touched);
                }
            }
            let top = touched
                .iter()
                .map(|&a| counts[a as usize])
                .max()
                .unwrap_or(0);
            // Enough evidence in absolute terms, and at least a share of the best alias's.
            let need = (grams.len() as u16)
                .div_ceil(2)
                .min(TOKEN_EVIDENCE)
                .max((f32::from(top) * RELATIVE_EVIDENCE) as u16);
            let mut ranked: Vec<(u16, u32)> = touched
                .iter()
                .map(|&a| (counts[a as usize], a))
                .filter(|&(c, _)| c >= need)
                .collect();
            let limit = if ranked.is_empty() {
                ranked = touched.iter().map(|&a| (counts[a as usize], a)).collect();
                FALLBACK_CANDIDATES
            } else {
                CANDIDATES
            };
            for &a in touched.iter() {
                counts[a as usize] = 0;
            }
            touched.clear();
            if ranked.len() > limit {
                ranked.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a));
                ranked.truncate(limit);
            }
            ranked.into_iter().map(|(_, a)| a).collect()
        })
    }

    /// Screen one query: entries whose best alias scores at least `threshold`, best first.
    pub fn screen_with(&self, query: &Query, threshold: f32) -> Vec<Hit> {
        self.screen_over(query, threshold, |q| self.candidates(q))
    }

    fn screen_over(
        &self,
        query: &Query,
        threshold: f32,
        candidates: impl Fn(&Prepared) -> Vec<u32>,
    ) -> Vec<Hit> {
        let q = prepare_str(&query.name);
        if q.tokens.is_empty() {
            return Vec::new();
        }
        let query_country = query.country.as_deref().map(|c| {
            CountryRegistry::bundled()
                .resolve(c)
                .map(|c| c.alpha2.clone())
                .unwrap_or_else(|| c.to_ascii_uppercase())
        });
        let query_years: Vec<i32> = query
            .dob
            .as_deref()
            .map(crate::lists::dob_years)
            .unwrap_or_default();
        // (entry, score, alias, kind) of every alias at or above the threshold.
        let mut best: Vec<(u32, f32, u32, NameKind)> = Vec::new();
        for ai in candidates(&q) {
            let a = &self.aliases[ai as usize];
            let e = &self.entries[a.entry as usize];
            let kind = if query.kind == NameKind::Unknown {
                name_kind(e.kind)
            } else {
                query.kind
            };
            // The score alone first; a country mismatch only lowers it.
            let score = score_kind(&q, &a.prepared, kind);
            if score < threshold {
                continue;
            }
            best.push((a.entry, score, ai, kind));
        }
        // The best alias of each entry.
        best.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        best.dedup_by_key(|b| b.0);
        let mut hits = Vec::new();
        for (entry, mut score, ai, kind) in best {
            let mut comparison = compare_kind(&q, &self.aliases[ai as usize].prepared, kind);
            let e = &self.entries[entry as usize];
            if self.exclusions.contains(&(
                format!("{}\u{1f}{}", e.source, e.entry_id),
                q.compact.clone(),
            )) {
                continue;
            }
            if matches!(
                e.kind,
                EntryKind::Vessel | EntryKind::Aircraft | EntryKind::Individual
            ) && crate::normalize::scorer() >= crate::normalize::ScorerVersion::V2
                && let Some(form) = q.tokens.iter().find(|t| t.class == Class::LegalForm)
            {
                score *= VESSEL_COMPANY_FACTOR;
                comparison.penalties.push(format!(
                    "the query names a company (legal form {}), the entry a {}: ×{VESSEL_COMPANY_FACTOR:.2}",
                    form.text,
                    match e.kind {
                        EntryKind::Vessel => "vessel",
                        EntryKind::Aircraft => "aircraft",
                        _ => "person",
                    }
                ));
                comparison.score = score;
                if score < threshold {
                    continue;
                }
            }
            let countries = &self.countries[entry as usize];
            if let Some(qc) = &query_country
                && !countries.is_empty()
                && !countries.contains(qc)
            {
                score *= COUNTRY_MISMATCH_FACTOR;
                comparison.penalties.push(format!(
                    "country mismatch (query {qc}, entry {}): ×{COUNTRY_MISMATCH_FACTOR:.2}",
                    countries.join("/")
                ));
                comparison.score = score;
                if score < threshold {
                    continue;
                }
            }
            let entry_years = &self.dob_years[entry as usize];
            if !query_years.is_empty() && !entry_years.is_empty() {
                let agree: Vec<i32> = query_years
                    .iter()
                    .copied()
                    .filter(|y| entry_years.iter().any(|e| (e - y).abs() <= 1))
                    .collect();
                let listed = entry_years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join("/");
                if agree.is_empty() {
                    score *= DOB_MISMATCH_FACTOR;
                    comparison.penalties.push(format!(
                        "date of birth conflicts (query {}, entry {listed}): ×{DOB_MISMATCH_FACTOR:.2}",
                        query.dob.as_deref().unwrap_or("")
                    ));
                    comparison.score = score;
                    if score < threshold {
                        continue;
                    }
                } else {
                    score = (score + DOB_AGREEMENT_BONUS).min(1.0);
                    comparison.penalties.push(format!(
                        "date of birth agrees (query {}, entry {listed}): +{DOB_AGREEMENT_BONUS:.2}",
                        query.dob.as_deref().unwrap_or("")
                    ));
                    comparison.score = score;
                }
            }
            if let Some(qn) = query
                .nationality
                .as_deref()
                .filter(|n| !n.trim().is_empty())
                && !e.nationalities.is_empty()
            {
                let reg = CountryRegistry::bundled();
                let code = |n: &str| {
                    reg.resolve(n)
                        .map(|c| c.alpha2.clone())
                        .unwrap_or_else(|| n.trim().to_ascii_uppercase())
                };
                let qc = code(qn);
                let listed: Vec<String> = e.nationalities.iter().map(|n| code(n)).collect();
                if listed.contains(&qc) {
                    comparison
                        .penalties
                        .push(format!("nationality agrees ({qc})"));
                } else {
                    score *= NATIONALITY_MISMATCH_FACTOR;
                    comparison.penalties.push(format!(
                        "nationality conflicts (query {qc}, entry {}): ×{NATIONALITY_MISMATCH_FACTOR:.2}",
                        listed.join("/")
                    ));
                    comparison.score = score;
                    if score < threshold {
                        continue;
                    }
                }
            }
            if let Some(qid) = query.id_number.as_deref() {
                let wanted = crate::lists::id_numbers(qid);
                if let Some(doc) = e.ids.iter().find(|d| {
                    crate::lists::id_numbers(d)
                        .iter()
                        .any(|n| wanted.contains(n))
                }) {
                    score = (score + ID_AGREEMENT_BONUS).min(1.0);
                    comparison.penalties.push(format!(
                        "ID number agrees ({doc}): +{ID_AGREEMENT_BONUS:.2}"
                    ));
                    comparison.score = score;
                }
            }
            if let Some(qa) = query.address.as_deref().filter(|a| !a.trim().is_empty())
                && !e.addresses.is_empty()
            {
                let q = address_terms(qa);
                let shared: std::collections::BTreeSet<String> = e
                    .addresses
                    .iter()
                    .flat_map(|a| address_terms(a))
                    .filter(|t| q.contains(t))
                    .collect();
                if shared.is_empty() {
                    score *= ADDRESS_MISMATCH_FACTOR;
                    comparison.penalties.push(format!(
                        "address shares nothing with the entry's: ×{ADDRESS_MISMATCH_FACTOR:.2}"
                    ));
                    comparison.score = score;
                    if score < threshold {
                        continue;
                    }
                } else {
                    comparison.penalties.push(format!(
                        "address agrees on: {}",
                        shared.into_iter().collect::<Vec<_>>().join(", ")
                    ));
                }
            }
            hits.push(Hit {
                source: e.source.clone(),
                entry_id: e.entry_id.clone(),
                entry_name: e.name.clone(),
                entry_kind: e.kind,
                matched_alias: self.aliases[ai as usize].name.clone(),
                score,
                countries: countries.clone(),
                explanation: comparison.explain(),
                comparison,
                origin: e.origin.clone(),
            });
        }
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.entry_name.cmp(&b.entry_name))
        });
        hits
    }

    /// Screen one query by scoring every alias, without the candidate index: the reference
    /// against which the index's recall is measured (slow; for benchmarks and tests).
    pub fn screen_exhaustive(&self, query: &Query, threshold: f32) -> Vec<Hit> {
        self.screen_over(query, threshold, |_| {
            (0..self.aliases.len() as u32).collect()
        })
    }

    /// How many candidates the index gives a query (for benchmarks).
    pub fn candidate_count(&self, name: &str) -> usize {
        self.candidates(&prepare_str(name)).len()
    }

    /// Screen one query at the documented [`THRESHOLD`].
    pub fn screen(&self, query: &Query) -> Vec<Hit> {
        self.screen_with(query, THRESHOLD)
    }

    /// Screen many queries on all cores; the hits of each, in the order of the queries.
    pub fn screen_all(&self, queries: &[Query]) -> Vec<Vec<Hit>> {
        self.screen_all_with(queries, THRESHOLD)
    }

    /// [`Screener::screen_all`] at another threshold.
    pub fn screen_all_with(&self, queries: &[Query], threshold: f32) -> Vec<Vec<Hit>> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = queries.len().div_ceil(workers).max(1);
        std::thread::scope(|sc| {
            let handles: Vec<_> = queries
                .chunks(chunk)
                .map(|part| {
                    sc.spawn(move || {
                        part.iter()
                            .map(|q| self.screen_with(q, threshold))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("screening worker panicked"))
                .collect()
        })
    }
}

fn push_unique(v: &mut Vec<u32>, x: u32) {
    if v.last() != Some(&x) {
        v.push(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, name: &str, aliases: &[&str], kind: EntryKind, addr: &str) -> ListEntry {
        ListEntry {
            source: "EL".into(),
            source_name: "Entity List".into(),
            entry_id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            addresses: vec![addr.to_string()],
            countries: Vec::new(),
            programs: vec![],
            start_date: None,
            remarks: None,
            dates_of_birth: Vec::new(),
            nationalities: Vec::new(),
            ids: Vec::new(),
            origin: format!("test:{id}"),
        }
    }

    fn screener() -> Screener {
        Screener::new(vec![
            entry(
                "1",
                "Huawei Technologies Co., Ltd.",
                &["Huawei"],
                EntryKind::Entity,
                "Shenzhen, CN",
            ),
            entry(
                "2",
                "Cyberinn PTE LTD",
                &[],
                EntryKind::Entity,
                "Singapore, SG",
            ),
            entry(
                "3",
                "PUTIN, Vladimir Vladimirovich",
                &[],
                EntryKind::Individual,
                "Moscow, RU",
            ),
            entry(
                "4",
                "Gazprombank",
                &["GPB"],
                EntryKind::Entity,
                "Moscow, RU",
            ),
            entry("5", "11420 Corp.", &[], EntryKind::Entity, "Tehran, IR"),
        ])
    }

    #[test]
    fn finds_by_alias_and_reports_which() {
        let s = screener();
        let h = s.screen(&Query::name("HUAWEI"));
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].matched_alias, "Huawei");
        assert!(h[0].score >= 0.99);
        let h = s.screen(&Query::name("Gazprom Bank"));
        assert_eq!(h[0].entry_id, "4");
        assert!(h[0].explanation.contains("merged"), "{}", h[0].explanation);
    }

    #[test]
    fn heavy_typos_fall_back_to_a_full_scan() {
        let s = screener();
        let h = s.screen(&Query::name("Cyberin Pte. Ltd."));
        assert_eq!(h[0].entry_id, "2");
        let h = s.screen(&Query::name("Vladimir Putn"));
        assert_eq!(h[0].entry_id, "3");
    }

    #[test]
    fn country_is_a_qualifier_and_legal_forms_do_not_match() {
        let s = screener();
        let mut q = Query::name("Cyberinn Pte Ltd");
        q.country = Some("MY".into());
        let h = s.screen(&q);
        assert_eq!(h.len(), 1);
        assert!(
            h[0].explanation.contains("country mismatch"),
            "{}",
            h[0].explanation
        );
        assert!(s.screen(&Query::name("BELLETECH CORP")).is_empty());
    }

    #[test]
    fn an_address_is_a_qualifier() {
        let s = screener();
        let mut q = Query::name("Cyberinn Pte Ltd");
        q.address = Some("1 Harbour Road, Singapore".into());
        let h = s.screen(&q);
        assert!(
            h[0].explanation.contains("address agrees on: singapore"),
            "{}",
            h[0].explanation
        );
        q.address = Some("77 Nowhere Lane, Springfield".into());
        let h = s.screen(&q);
        assert!(
            h[0].explanation.contains("address shares nothing"),
            "{}",
            h[0].explanation
        );
        assert!(h[0].score < 1.0);
    }

    #[test]
    fn decided_false_positives_are_excluded() {
        let mut s = screener();
        assert_eq!(s.screen(&Query::name("Huawei")).len(), 1);
        s.exclude("EL", "1", "HUAWEI ");
        assert!(s.screen(&Query::name("Huawei")).is_empty());
        assert_eq!(s.screen(&Query::name("Huawei Technologies")).len(), 1);
    }
}
