//! Evaluation of screening against labelled public data, with the open anchors' figures.
//!
//! Runs on the folder layout of the project's evaluation data (`screening/` of the shared
//! data set): `nomenklatura/name_bench_cases.csv`, `yente/positives_un_{treated,untreated}.csv`,
//! `yente/negatives_{us,global}_1k.csv`, `watchman/misc/{UN_consolidated.xml,cross_script_pairs.csv}`
//! and `watchman/ofac_sdn_2021/`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::lists::{EntryKind, ListEntry, ListError, read_csl, read_sdn_legacy};
use crate::matcher::{NameKind, THRESHOLD, compare_kind, prepare_str};
use crate::normalize::{ScorerVersion, scorer, set_scorer, with_scorer};
use crate::screener::{Query, Screener};

/// Targets a run must meet.
pub const TARGET_F1: f64 = 0.88;
pub const TARGET_RECALL: f64 = 0.98;
pub const TARGET_FALSE_HIT_SHARE: f64 = 0.005;
pub const TARGET_CROSS_SCRIPT: usize = 19;
/// Most of the 50,000 synthetic persons (by name alone) and of the generated company names
/// that may alert.
pub const TARGET_ORDINARY_FALSE_HIT_SHARE: f64 = 0.002;
/// Anchors on the 826 pairs (OpenSanctions logic-v2 frozen run at 0.70; rapidfuzz WRatio best
/// threshold), from the project's screening brief.
pub const ANCHOR_LOGIC_V2_F1: f64 = 0.79;
pub const ANCHOR_WRATIO_F1: f64 = 0.77;

/// Confusion counts.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub tn: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, false) => self.tn += 1,
            (false, true) => self.fn_ += 1,
        }
    }
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.tn + self.fn_
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// One scored pair that the threshold got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct PairError {
    pub schema: String,
    pub query: String,
    pub entry: String,
    pub expected: bool,
    pub score: f32,
    pub explanation: String,
}

/// Results on the labelled name pairs.
#[derive(Debug, Clone, Serialize)]
pub struct NameBench {
    pub threshold: f32,
    pub overall: Counts,
    pub by_schema: BTreeMap<String, Counts>,
    pub by_category: BTreeMap<String, Counts>,
    pub errors: Vec<PairError>,
    /// (score, is a match) of every pair, for calibration.
    #[serde(skip)]
    pub scores: Vec<(f32, bool)>,
}

fn err(path: &Path, e: impl std::fmt::Display) -> ListError {
    ListError::Format {
        file: path.display().to_string(),
        message: e.to_string(),
    }
}

fn kind_of_schema(schema: &str) -> NameKind {
    match schema {
        "Person" => NameKind::Person,
        "Company" | "Organization" | "LegalEntity" | "Vessel" => NameKind::Organization,
        _ => NameKind::Unknown,
    }
}

/// Score the nomenklatura name pairs (`case_group,schema,name1,name2,is_match,quality,category,notes`).
pub fn name_bench(path: &Path) -> Result<NameBench, ListError> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| err(path, e))?;
    let mut out = NameBench {
        threshold: THRESHOLD,
        overall: Counts::default(),
        by_schema: BTreeMap::new(),
        by_category: BTreeMap::new(),
        errors: Vec::new(),
        scores: Vec::new(),
    };
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| err(path, format!("line {}: {e}", i + 2)))?;
        if rec.len() < 7 {
            return Err(err(path, format!("line {}: expected 8 columns", i + 2)));
        }
        let (schema, q, e) = (&rec[1], &rec[2], &rec[3]);
        let actual = match &rec[4] {
            "true" => true,
            "false" => false,
            other => {
                return Err(err(
                    path,
                    format!("line {}: is_match {other:?} is not true/false", i + 2),
                ));
            }
        };
        let category = if rec[6].is_empty() {
            "(none)".to_string()
        } else {
            rec[6].to_string()
        };
        let c = compare_kind(&prepare_str(q), &prepare_str(e), kind_of_schema(schema));
        let predicted = c.score >= THRESHOLD;
        out.scores.push((c.score, actual));
        out.overall.add(predicted, actual);
        out.by_schema
            .entry(schema.to_string())
            .or_default()
            .add(predicted, actual);
        out.by_category
            .entry(category)
            .or_default()
            .add(predicted, actual);
        if predicted != actual {
            out.errors.push(PairError {
                schema: schema.to_string(),
                query: q.to_string(),
                entry: e.to_string(),
                expected: actual,
                score: c.score,
                explanation: c.explain(),
            });
        }
    }
    Ok(out)
}

/// The name pairs' confusion counts under the version in use on this thread.
fn name_bench_counts(path: &Path) -> Result<Counts, ListError> {
    Ok(name_bench(path)?.overall)
}

/// Read the `full_name` column of a yente fixture.
pub fn read_names(path: &Path) -> Result<Vec<String>, ListError> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| err(path, e))?;
    let col = rdr
        .headers()
        .map_err(|e| err(path, e))?
        .iter()
        .position(|h| h == "full_name")
        .ok_or_else(|| err(path, "no full_name column"))?;
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| err(path, format!("line {}: {e}", i + 2)))?;
        out.push(rec.get(col).unwrap_or("").to_string());
    }
    Ok(out)
}

/// Recall of treated names against the untreated originals.
#[derive(Debug, Clone, Serialize)]
pub struct Recall {
    pub total: usize,
    pub found: usize,
    pub misses: Vec<(String, String)>,
}

impl Recall {
    pub fn share(&self) -> f64 {
        ratio(self.found, self.total)
    }
}

/// Index the untreated names as a list of persons and screen each treated name; a treated
/// name is found when its own original is among the hits.
pub fn un_recall(treated: &[String], untreated: &[String]) -> Recall {
    let entries: Vec<ListEntry> = untreated
        .iter()
        .enumerate()
        .map(|(i, n)| ListEntry {
            source: "UN".into(),
            source_name: "UN treated benchmark".into(),
            entry_id: i.to_string(),
            kind: EntryKind::Individual,
            name: n.clone(),
            aliases: vec![],
            addresses: vec![],
            countries: Vec::new(),
            programs: vec![],
            start_date: None,
            remarks: None,
            dates_of_birth: Vec::new(),
            nationalities: Vec::new(),
            ids: Vec::new(),
            origin: format!("line {}", i + 2),
        })
        .collect();
    let s = Screener::new(entries);
    let mut found = 0;
    let mut misses = Vec::new();
    for (i, t) in treated.iter().enumerate() {
        let id = i.to_string();
        if s.screen(&Query::name(t)).iter().any(|h| h.entry_id == id) {
            found += 1;
        } else {
            misses.push((t.clone(), untreated.get(i).cloned().unwrap_or_default()));
        }
    }
    Recall {
        total: treated.len(),
        found,
        misses,
    }
}

/// Negatives that hit some entry.
#[derive(Debug, Clone, Serialize)]
pub struct FalseHits {
    pub total: usize,
    pub with_hit: usize,
    pub examples: Vec<(String, String, String, f32)>,
}

impl FalseHits {
    pub fn share(&self) -> f64 {
        ratio(self.with_hit, self.total)
    }
}

/// Screen names that are on no list; every hit is false (on all cores).
pub fn false_hits(s: &Screener, names: &[String]) -> FalseHits {
    let queries: Vec<Query> = names.iter().map(|n| Query::name(n)).collect();
    false_hits_of(s, &queries)
}

/// Names with their dates of birth and nationalities (`full_name`, `date_of_birth`,
/// `nationality`).
pub fn read_names_dob(path: &Path) -> Result<Vec<Query>, ListError> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| err(path, e))?;
    let h = rdr.headers().map_err(|e| err(path, e))?.clone();
    let col = |n: &str| h.iter().position(|c| c == n);
    let name = col("full_name").ok_or_else(|| err(path, "no full_name column"))?;
    let dob = col("date_of_birth");
    let nationality = col("nationality");
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| err(path, format!("line {}: {e}", i + 2)))?;
        let mut q = Query::name(rec.get(name).unwrap_or(""));
        q.dob = dob
            .and_then(|c| rec.get(c))
            .filter(|d| !d.trim().is_empty())
            .map(str::to_string);
        q.nationality = nationality
            .and_then(|c| rec.get(c))
            .filter(|d| !d.trim().is_empty())
            .map(str::to_string);
        out.push(q);
    }
    Ok(out)
}

/// Screen queries of parties on no list; every hit is false (on all cores).
pub fn false_hits_of(s: &Screener, names: &[Query]) -> FalseHits {
    let examples: Vec<(String, String, String, f32)> = names
        .iter()
        .zip(s.screen_all(names))
        .filter_map(|(n, hits)| {
            hits.first().map(|h| {
                (
                    n.name.clone(),
                    h.matched_alias.clone(),
                    h.explanation.clone(),
                    h.score,
                )
            })
        })
        .collect();
    FalseHits {
        total: names.len(),
        with_hit: examples.len(),
        examples,
    }
}

/// Cross-script pairs found.
#[derive(Debug, Clone, Serialize)]
pub struct CrossScript {
    pub total: usize,
    pub found: usize,
    pub rows: Vec<(String, String, Option<f32>)>,
}

/// Read `Query,Expected Match,Min Score,Description` (lines starting with `#` are comments),
/// index the expected names and screen each query against them.
pub fn cross_script(path: &Path) -> Result<CrossScript, ListError> {
    let text = std::fs::read_to_string(path).map_err(|e| err(path, e))?;
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = l.split(',').collect();
        if cols.len() < 2 {
            return Err(err(
                path,
                format!("line {}: expected Query,Expected", i + 1),
            ));
        }
        pairs.push((cols[0].trim().to_string(), cols[1].trim().to_string()));
    }
    let entries = pairs
        .iter()
        .enumerate()
        .map(|(i, (_, e))| ListEntry {
            source: "X".into(),
            source_name: "cross-script benchmark".into(),
            entry_id: i.to_string(),
            kind: EntryKind::Individual,
            name: e.clone(),
            aliases: vec![],
            addresses: vec![],
            countries: Vec::new(),
            programs: vec![],
            start_date: None,
            remarks: None,
            dates_of_birth: Vec::new(),
            nationalities: Vec::new(),
            ids: Vec::new(),
            origin: String::new(),
        })
        .collect();
    let s = Screener::new(entries);
    let mut found = 0;
    let mut rows = Vec::new();
    for (i, (q, e)) in pairs.iter().enumerate() {
        let id = i.to_string();
        let score = s
            .screen(&Query::name(q))
            .into_iter()
            .find(|h| h.entry_id == id)
            .map(|h| h.score);
        found += usize::from(score.is_some());
        rows.push((q.clone(), e.clone(), score));
    }
    Ok(CrossScript {
        total: pairs.len(),
        found,
        rows,
    })
}

/// A small deterministic generator (xorshift64*), so the generated sets are the same on every
/// machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        &v[(self.next() % v.len().max(1) as u64) as usize]
    }
}

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Company names made from the bundled dictionaries, for false alerts on ordinary companies:
/// surnames, given names and places (Latin-script ones from the persons' file given), ordinary
/// English words (`english_words.txt`), descriptors ("Technologies", "Trading",
/// `abbreviations.csv` and the generic words of `name_words.csv`) and legal forms
/// (`legal_forms.csv`), in ten patterns: "Wheeler Technologies Inc", "Summit Trading Ltd",
/// "Harbor Light GmbH", "Dar es Salaam Logistics Co Ltd", "Lucas & Wheeler LLP", "T Motor
/// Corp", ... None of them is on a list; a hit on one is a false alert.
pub fn generated_companies(persons: &[Vec<String>], n: usize, seed: u64) -> Vec<String> {
    let latin = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
    let col = |k: usize| -> Vec<String> {
        let mut v: Vec<String> = persons
            .iter()
            .filter_map(|r| r.get(k))
            .filter(|s| latin(s))
            .cloned()
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (given, surnames, places) = (col(0), col(1), col(2));
    let dict = |text: &str, skip: usize| -> Vec<String> {
        text.lines()
            .skip(skip)
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split(',').next())
            .map(str::to_string)
            .collect()
    };
    let words: Vec<String> = crate::matcher::english_words()
        .filter(|w| (4..=9).contains(&w.len()))
        .map(str::to_string)
        .collect();
    let mut descriptors: Vec<String> = dict(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/screen/abbreviations.csv"
        )),
        1,
    )
    .into_iter()
    .filter(|w| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
    .collect();
    descriptors.extend(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/screen/name_words.csv"
        ))
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(1) == Some("generic"))
        .filter_map(|l| l.split(',').next())
        .filter(|w| w.len() >= 5)
        .map(str::to_string),
    );
    let forms: Vec<String> = dict(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/screen/legal_forms.csv"
        )),
        1,
    )
    .into_iter()
    .filter(|f| f.is_ascii() && f.len() >= 2)
    .map(|f| {
        f.split(' ')
            .map(|w| {
                if w.len() <= 3 && w != "ltd" && w != "inc" {
                    w.to_uppercase()
                } else {
                    title_case(w)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
    .collect();
    let fallback = |v: Vec<String>| if v.is_empty() { words.clone() } else { v };
    let (given, surnames, places) = (fallback(given), fallback(surnames), fallback(places));
    let mut r = Rng(seed | 1);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let form = r.pick(&forms).to_string();
        let w = |r: &mut Rng| title_case(r.pick(&words));
        let d = |r: &mut Rng| title_case(r.pick(&descriptors));
        let name = match r.next() % 10 {
            0 => format!("{} {} {form}", r.pick(&surnames), d(&mut r)),
            1 => format!("{} {} {form}", w(&mut r), d(&mut r)),
            2 => format!("{} {} {form}", w(&mut r), w(&mut r)),
            3 => format!("{} {} {form}", r.pick(&places), d(&mut r)),
            4 => format!("{} & {} {form}", r.pick(&surnames), r.pick(&surnames)),
            5 => format!(
                "{} {} {} {form}",
                r.pick(&given),
                r.pick(&surnames),
                d(&mut r)
            ),
            6 => format!("{} {form}", w(&mut r)),
            7 => format!("{} {form}", r.pick(&surnames)),
            8 => format!("{} {} {} {form}", r.pick(&places), w(&mut r), d(&mut r)),
            _ => {
                let initial = (b'A' + (r.next() % 26) as u8) as char;
                format!("{initial} {} {form}", w(&mut r))
            }
        };
        out.push(name);
    }
    out
}

/// Given name, surname and place of birth of each row of a persons' file
/// (`first_name`, `last_name`, `place_of_birth`), for [`generated_companies`].
pub fn read_person_parts(path: &Path) -> Result<Vec<Vec<String>>, ListError> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| err(path, e))?;
    let h = rdr.headers().map_err(|e| err(path, e))?.clone();
    let cols: Vec<Option<usize>> = ["first_name", "last_name", "place_of_birth"]
        .iter()
        .map(|n| h.iter().position(|c| c == *n))
        .collect();
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| err(path, format!("line {}: {e}", i + 2)))?;
        out.push(
            cols.iter()
                .map(|c| c.and_then(|c| rec.get(c)).unwrap_or("").to_string())
                .collect(),
        );
    }
    Ok(out)
}

/// One step of a calibration curve: scores in `[lo, hi]` are matches with this probability,
/// observed on `n` labelled pairs.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationStep {
    pub lo: f32,
    pub hi: f32,
    pub probability: f64,
    pub n: usize,
}

/// Isotonic regression (pool adjacent violators) of match labels on scores: the probability
/// that a pair with a given score is a match, non-decreasing in the score.
pub fn isotonic(points: &[(f32, bool)]) -> Vec<CalibrationStep> {
    let mut p: Vec<(f32, bool)> = points.to_vec();
    p.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Blocks of (lo, hi, positives, count).
    let mut blocks: Vec<(f32, f32, f64, usize)> = Vec::new();
    for (score, label) in p {
        blocks.push((score, score, f64::from(u8::from(label)), 1));
        while blocks.len() >= 2 {
            let (a, b) = (blocks[blocks.len() - 2], blocks[blocks.len() - 1]);
            if a.2 / a.3 as f64 >= b.2 / b.3 as f64 {
                blocks.pop();
                let last = blocks.len() - 1;
                blocks[last] = (a.0, b.1, a.2 + b.2, a.3 + b.3);
            } else {
                break;
            }
        }
    }
    blocks
        .into_iter()
        .map(|(lo, hi, pos, n)| CalibrationStep {
            lo,
            hi,
            probability: pos / n as f64,
            n,
        })
        .collect()
}

/// The calibrated probability of a score on a curve (the step it falls in, or the nearest).
pub fn probability(curve: &[CalibrationStep], score: f32) -> Option<f64> {
    let i = curve.partition_point(|s| s.hi < score);
    curve
        .get(i)
        .or(curve.last())
        .filter(|s| score >= s.lo || i == 0)
        .map(|s| s.probability)
}

/// The lowest threshold at which at most `budget` (a share) of these negatives' best scores
/// alert: a team sets its threshold by the alerts it can review.
pub fn threshold_for_budget(best_scores: &[f32], budget: f64) -> f32 {
    let mut s: Vec<f32> = best_scores.to_vec();
    s.sort_by(|a, b| b.total_cmp(a));
    let allowed = (budget * s.len() as f64).floor() as usize;
    match s.get(allowed) {
        // Just above the first score that would exceed the budget.
        Some(&x) => (x + 1e-4).min(1.0),
        None => 0.0,
    }
}

/// Everything the evaluation measures.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub name_bench: NameBench,
    pub un_recall: Recall,
    pub negatives: FalseHits,
    /// The 50,000 synthetic persons of `yente-50k/`, when the folder is there: by name alone,
    /// and with their dates of birth as qualifiers.
    pub negatives_50k: Option<FalseHits>,
    pub negatives_50k_dob: Option<FalseHits>,
    pub negatives_list_names: usize,
    pub cross_script: CrossScript,
    /// The version every other figure was measured with.
    pub scorer: ScorerVersion,
    /// The name pairs under the other versions, for comparison.
    pub name_bench_versions: Vec<(ScorerVersion, Counts)>,
    /// Generated company names against UN + SDN + the CSL, per version.
    pub companies: Vec<(ScorerVersion, FalseHits)>,
    /// The score → match-probability curve on the name pairs.
    pub calibration: Vec<CalibrationStep>,
}

impl Evaluation {
    /// Targets missed, as sentences; empty when all are met.
    pub fn failures(&self) -> Vec<String> {
        let mut f = Vec::new();
        if self.name_bench.overall.f1() < TARGET_F1 {
            f.push(format!(
                "name pairs F1 {:.3} < {TARGET_F1}",
                self.name_bench.overall.f1()
            ));
        }
        if self.un_recall.share() < TARGET_RECALL {
            f.push(format!(
                "UN treated recall {:.3} < {TARGET_RECALL}",
                self.un_recall.share()
            ));
        }
        if self.negatives.share() > TARGET_FALSE_HIT_SHARE {
            f.push(format!(
                "false hits {:.2}% > {:.1}%",
                self.negatives.share() * 100.0,
                TARGET_FALSE_HIT_SHARE * 100.0
            ));
        }
        if let Some(n) = &self.negatives_50k
            && n.share() > TARGET_ORDINARY_FALSE_HIT_SHARE
        {
            f.push(format!(
                "false hits on the synthetic persons {:.2}% > {:.1}%",
                n.share() * 100.0,
                TARGET_ORDINARY_FALSE_HIT_SHARE * 100.0
            ));
        }
        if let Some((_, n)) = self.companies.iter().find(|(v, _)| *v == self.scorer)
            && n.share() > TARGET_ORDINARY_FALSE_HIT_SHARE
        {
            f.push(format!(
                "false hits on generated companies {:.2}% > {:.1}%",
                n.share() * 100.0,
                TARGET_ORDINARY_FALSE_HIT_SHARE * 100.0
            ));
        }
        if self.cross_script.found < TARGET_CROSS_SCRIPT {
            f.push(format!(
                "cross-script {} / {} < {TARGET_CROSS_SCRIPT}",
                self.cross_script.found, self.cross_script.total
            ));
        }
        f
    }
}

/// How many generated company names `screen eval` screens.
pub const GENERATED_COMPANIES: usize = 5_000;

/// Run every evaluation on a `screening/` folder.
pub fn evaluate(dir: &Path) -> Result<Evaluation, ListError> {
    evaluate_with(dir, 2026)
}

/// [`evaluate`] with the seed of the generated company names.
pub fn evaluate_with(dir: &Path, company_seed: u64) -> Result<Evaluation, ListError> {
    let bench_path = dir.join("nomenklatura/name_bench_cases.csv");
    let name_bench = name_bench(&bench_path)?;
    let version = scorer();
    let mut name_bench_versions = Vec::new();
    for v in ScorerVersion::ALL {
        if v != version {
            name_bench_versions.push((v, with_scorer(v, || name_bench_counts(&bench_path))?));
        }
    }
    let calibration = isotonic(&name_bench.scores);
    let treated = read_names(&dir.join("yente/positives_un_treated.csv"))?;
    let untreated = read_names(&dir.join("yente/positives_un_untreated.csv"))?;
    let un_recall = un_recall(&treated, &untreated);
    let mut entries =
        crate::un::read_un_xml(&dir.join("watchman/misc/UN_consolidated.xml"))?.entries;
    entries.extend(read_sdn_legacy(&dir.join("watchman/ofac_sdn_2021"))?.entries);
    let s = Screener::new(entries);
    let mut negatives = read_names(&dir.join("yente/negatives_us_1k.csv"))?;
    negatives.extend(read_names(&dir.join("yente/negatives_global_1k.csv"))?);
    let negatives = false_hits(&s, &negatives);
    let big = dir.join("yente-50k/negatives_global_50k.csv");
    let (negatives_50k, negatives_50k_dob) = if big.exists() {
        let with_dob = read_names_dob(&big)?;
        let names: Vec<String> = with_dob.iter().map(|q| q.name.clone()).collect();
        (
            Some(false_hits(&s, &names)),
            Some(false_hits_of(&s, &with_dob)),
        )
    } else {
        (None, None)
    };
    let cross_script = cross_script(&dir.join("watchman/misc/cross_script_pairs.csv"))?;
    // Generated companies against UN + SDN + CSL, under every version (a screener per
    // version: names are prepared with the version's normalisation).
    let persons = if big.exists() {
        read_person_parts(&big)?
    } else {
        read_person_parts(&dir.join("yente/negatives_global_1k.csv")).unwrap_or_default()
    };
    let names = generated_companies(&persons, GENERATED_COMPANIES, company_seed);
    let csl = dir.join("watchman/csl/csl_2023-11_partial.csv");
    let mut companies = Vec::new();
    for v in ScorerVersion::ALL {
        set_scorer(v);
        let mut entries =
            crate::un::read_un_xml(&dir.join("watchman/misc/UN_consolidated.xml"))?.entries;
        entries.extend(read_sdn_legacy(&dir.join("watchman/ofac_sdn_2021"))?.entries);
        if csl.exists() {
            entries.extend(read_csl(&csl)?.entries);
        }
        companies.push((v, false_hits(&Screener::new(entries), &names)));
    }
    set_scorer(version);
    Ok(Evaluation {
        scorer: version,
        name_bench_versions,
        companies,
        calibration,
        name_bench,
        un_recall,
        negatives,
        negatives_50k,
        negatives_50k_dob,
        negatives_list_names: s.alias_count(),
        cross_script,
    })
}

#[cfg(test)]
mod calibration_tests {
    use super::*;

    #[test]
    fn isotonic_is_monotone_and_pools_violators() {
        let pts = [
            (0.1, false),
            (0.2, true),
            (0.3, false),
            (0.5, false),
            (0.8, true),
            (0.9, true),
        ];
        let c = isotonic(&pts);
        assert!(c.windows(2).all(|w| w[0].probability <= w[1].probability));
        assert_eq!(c.iter().map(|s| s.n).sum::<usize>(), pts.len());
        // 0.2 (match) and 0.3 (no match) pool into one step of one half.
        assert!(
            c.iter()
                .any(|s| s.lo <= 0.2 && s.hi >= 0.3 && (s.probability - 1.0 / 3.0).abs() < 0.2)
        );
        assert_eq!(probability(&c, 0.95), Some(1.0));
        assert_eq!(probability(&c, 0.05), Some(0.0));
    }

    #[test]
    fn the_budget_threshold_lets_through_at_most_the_budget() {
        let best = [0.95, 0.9, 0.85, 0.7, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0];
        let t = threshold_for_budget(&best, 0.2);
        assert!(best.iter().filter(|&&b| b >= t).count() <= 2);
        assert!(t > 0.85 && t <= 0.9, "{t}");
        assert!(threshold_for_budget(&best, 0.99) <= 0.001);
    }

    #[test]
    fn generated_companies_are_reproducible_and_varied() {
        let persons = vec![vec![
            "Anna".to_string(),
            "Wheeler".to_string(),
            "Lyon".to_string(),
        ]];
        let a = generated_companies(&persons, 200, 7);
        assert_eq!(a, generated_companies(&persons, 200, 7));
        assert_ne!(a, generated_companies(&persons, 200, 8));
        let distinct: std::collections::BTreeSet<&String> = a.iter().collect();
        assert!(distinct.len() > 150, "{}", distinct.len());
    }
}
