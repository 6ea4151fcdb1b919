//! Evaluation on ledgers from independent generators: recall and precision of diverted orders
//! when the riskiest share of orders is reviewed, per generator and per scheme, the worst case,
//! and the share of legitimate orders that carry any flag.
//!
//! The generators (`crate::generators`) were written from different public sources, each with
//! its own market, distributions and schemes, and none from the engine's code: the chipwatch
//! simulator (the one the flags were developed on), the BIS guidance of 2025-05-13, the 2025
//! case narratives, and a legitimate-heavy market full of benign oddities. `--cross` learns the
//! weights from one generator's labels and measures on the others.

use std::collections::{BTreeMap, HashMap, HashSet};

use chipwatch_rules::licence::Mode;
use chipwatch_screen::lists::read_csl_bytes;
use chipwatch_screen::screener::Screener;
use serde::Serialize;

use crate::assess::{Assessment, Options, assess};
use crate::learn::{Example, fit};
use crate::ledger::{Order, read_ledger_text};
use crate::score::Weights;

/// The share of orders an analyst reviews, riskiest first.
pub const REVIEW_SHARE: f64 = 0.05;
/// Recall the evaluation requires at [`REVIEW_SHARE`] on the worst generator.
pub const TARGET_RECALL: f64 = 0.85;
/// The largest share of legitimate orders that may carry any flag.
pub const TARGET_LEGIT_FLAGGED: f64 = 0.20;
/// Seeds of the evaluation; development used seeds 1 to 9.
pub const EVAL_SEEDS: &[u64] = &[1001, 1002, 1003];
/// The seed a cross-generator run learns from (a development seed, never an evaluation seed).
pub const TRAIN_SEED: u64 = 1;

/// A screener over the bundled Entity List sample (the parties the generators imitate).
pub fn sample_screener() -> Screener {
    let text = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/screen/sample_csl.csv"
    ));
    Screener::new(
        read_csl_bytes("data/screen/sample_csl.csv", text)
            .expect("bundled sample list loads")
            .entries,
    )
}

/// A ledger generator: `(seed, orders) → (ledger CSV, truth CSV order_id,diverted,scheme)`.
#[derive(Clone, Copy)]
pub struct Generator {
    pub name: &'static str,
    pub sources: &'static str,
    pub generate: fn(u64, usize) -> (String, String),
}

fn chipwatch_sim(seed: u64, orders: usize) -> (String, String) {
    let s = crate::simulate::simulate(seed, orders);
    (s.ledger, s.truth)
}

/// Every generator the evaluation runs, the one the flags were developed on first.
pub fn generators() -> Vec<Generator> {
    use crate::generators::*;
    vec![
        Generator {
            name: "chipwatch_sim",
            sources: "chipwatch simulate (the flags' development generator)",
            generate: chipwatch_sim,
        },
        Generator {
            name: bis_guidance::NAME,
            sources: bis_guidance::SOURCES,
            generate: bis_guidance::generate,
        },
        Generator {
            name: case_narratives::NAME,
            sources: case_narratives::SOURCES,
            generate: case_narratives::generate,
        },
        Generator {
            name: benign_market::NAME,
            sources: benign_market::SOURCES,
            generate: benign_market::generate,
        },
    ]
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SchemeResult {
    pub diverted: usize,
    pub found: usize,
}

/// How often a flag fires among legitimate and among diverted orders.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FlagRate {
    pub legitimate: f64,
    pub diverted: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SeedResult {
    pub generator: String,
    pub seed: u64,
    pub orders: usize,
    pub diverted: usize,
    pub reviewed: usize,
    pub found: usize,
    pub recall: f64,
    pub precision: f64,
    /// Share of legitimate orders that carry any flag.
    pub legit_flagged: f64,
    /// Share of diverted orders that carry any flag (the rest are found, if at all, by their
    /// score and their network).
    pub diverted_flagged: f64,
    pub by_scheme: BTreeMap<String, SchemeResult>,
    pub flag_rates: BTreeMap<String, FlagRate>,
    /// With `--rounds`: the same share reviewed in batches, the weights refitted to the
    /// reviewers' decisions after each.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounds: Option<ReviewRounds>,
}

/// Reviewers working through the riskiest [`REVIEW_SHARE`] of a ledger in batches: after each
/// batch the weights are fitted to every decision so far ([`fit`], the starting weights as the
/// prior) and the orders not yet reviewed are ranked again.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewRounds {
    /// Orders reviewed by the end of each round.
    pub reviewed: Vec<usize>,
    /// Diverted orders found by the end of each round.
    pub found: Vec<usize>,
    /// Diverted orders found by the end of the last round, as a share of all diverted orders.
    pub recall: f64,
}

/// Review `l` in `rounds` batches that add up to [`REVIEW_SHARE`] of its orders, refitting the
/// weights (from `start`) to the decisions after each batch: what the loop of reviewing and
/// `assess learn` finds in the same reviewing time as one pass.
pub fn review_in_rounds(
    l: &Labelled,
    screener: Option<&Screener>,
    start: &Weights,
    rounds: usize,
) -> ReviewRounds {
    let total = ((l.orders.len() as f64) * REVIEW_SHARE).ceil() as usize;
    let rounds = rounds.clamp(1, total.max(1));
    let mut done: HashSet<String> = HashSet::new();
    let mut examples: Vec<Example> = Vec::new();
    let mut weights = start.clone();
    let (mut reviewed, mut found) = (Vec::new(), Vec::new());
    let mut hits = 0usize;
    for r in 1..=rounds {
        let a = assess_labelled(l, screener, Some(&weights));
        let by_id: HashMap<&str, &crate::assess::OrderResult> =
            a.orders.iter().map(|o| (o.order_id.as_str(), o)).collect();
        let quota = total * r / rounds - done.len();
        let next: Vec<&str> = riskiest_first(&a)
            .into_iter()
            .map(|(_, id)| id)
            .filter(|id| !done.contains(*id))
            .take(quota)
            .collect();
        for id in next {
            let diverted = l.truth.contains_key(id);
            hits += usize::from(diverted);
            examples.push(Example::from_explanation(&by_id[id].explanation, diverted));
            done.insert(id.to_string());
        }
        reviewed.push(done.len());
        found.push(hits);
        if r < rounds {
            weights = fit(&examples, start).weights;
        }
    }
    ReviewRounds {
        reviewed,
        found,
        recall: hits as f64 / l.truth.len().max(1) as f64,
    }
}

/// A generated ledger, read, with its truth (order id → scheme, for diverted orders).
pub struct Labelled {
    pub orders: Vec<Order>,
    pub truth: BTreeMap<String, String>,
}

/// Generate and read one ledger.
pub fn labelled(g: &Generator, seed: u64, orders: usize) -> Labelled {
    let (ledger, truth) = (g.generate)(seed, orders);
    let read = read_ledger_text(&format!("{} seed {seed}", g.name), &ledger)
        .unwrap_or_else(|e| panic!("generator {} writes a ledger chipwatch reads: {e}", g.name));
    if let Some(r) = read.rejected.first() {
        panic!(
            "generator {} wrote {} invalid row(s), the first: {}",
            g.name,
            read.rejected.len(),
            r.error
        );
    }
    let truth = read_truth(&format!("{} seed {seed} truth", g.name), &truth)
        .unwrap_or_else(|e| panic!("generator {} writes truth chipwatch reads: {e}", g.name));
    Labelled {
        orders: read.records,
        truth,
    }
}

/// Read ground truth, CSV with columns `order_id`, `diverted` (true/false, 1/0, yes/no) and
/// optionally `scheme`: the diverted orders with their scheme (`diverted` when none is given).
/// An unreadable row is an error naming the file, line and column.
pub fn read_truth(name: &str, text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let h = rdr
        .headers()
        .map_err(|e| format!("{name}: line 1: {e}"))?
        .clone();
    let col = |n: &str| h.iter().position(|c| c.trim().eq_ignore_ascii_case(n));
    let (Some(ci), Some(cd)) = (col("order_id"), col("diverted")) else {
        return Err(format!(
            "{name}: line 1: the truth needs columns order_id and diverted (and optionally scheme)"
        ));
    };
    let cs = col("scheme");
    let mut out = BTreeMap::new();
    for (n, r) in rdr.records().enumerate() {
        let line = n + 2;
        let r = r.map_err(|e| format!("{name}: line {line}: {e}"))?;
        let id = r.get(ci).unwrap_or("").trim();
        if id.is_empty() {
            return Err(format!("{name}: line {line}: column `order_id` is empty"));
        }
        let v = r.get(cd).unwrap_or("").trim().to_ascii_lowercase();
        let diverted = match v.as_str() {
            "true" | "1" | "yes" => true,
            "false" | "0" | "no" => false,
            _ => {
                return Err(format!(
                    "{name}: line {line}: column `diverted`: `{v}` is not true or false"
                ));
            }
        };
        if diverted {
            let scheme = cs
                .and_then(|c| r.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .unwrap_or("diverted");
            out.insert(id.to_string(), scheme.to_string());
        }
    }
    Ok(out)
}

/// Evaluate on a labelled ledger of the user's (orders read, truth from [`read_truth`]): the
/// same measures as for a generator, as a one-seed [`GeneratorResult`] named `name`. Truth ids
/// that are not orders of the ledger are an error, so that a mismatched pair of files is not
/// scored as zero recall.
pub fn evaluate_ledger(
    name: &str,
    orders: Vec<Order>,
    truth: BTreeMap<String, String>,
    screener: Option<&Screener>,
    weights: Option<&Weights>,
    rounds: usize,
) -> Result<GeneratorResult, String> {
    let ids: std::collections::HashSet<&str> = orders.iter().map(|o| o.order_id.as_str()).collect();
    let missing: Vec<&String> = truth.keys().filter(|k| !ids.contains(k.as_str())).collect();
    if let Some(first) = missing.first() {
        return Err(format!(
            "{} diverted order(s) of the truth are not in the ledger {name} (the first: {first})",
            missing.len()
        ));
    }
    let l = Labelled { orders, truth };
    let a = assess_labelled(&l, screener, weights);
    let mut r = score(name, 0, &l, &a);
    if rounds > 1 {
        let start = weights.cloned().unwrap_or_else(Weights::prior);
        r.rounds = Some(review_in_rounds(&l, screener, &start, rounds));
    }
    Ok(GeneratorResult::named(name, "a labelled ledger", vec![r]))
}

/// Assess a labelled ledger as `chipwatch assess` does (the rules as enforced), screened against
/// `screener` if given, with `weights` (default: the prior).
pub fn assess_labelled(
    l: &Labelled,
    screener: Option<&Screener>,
    weights: Option<&Weights>,
) -> Assessment {
    assess(
        &l.orders,
        &Options {
            screener,
            mode: Mode::AsEnforced,
            weights,
            ownership: None,
            screen_cache: None,
        },
    )
}

/// The assessment's order ids with their scores, riskiest first (ties by order id): the order
/// a reviewer takes them in.
pub fn riskiest_first(a: &Assessment) -> Vec<(f64, &str)> {
    let mut ranked: Vec<(f64, &str)> = a
        .orders
        .iter()
        .map(|o| (o.score, o.order_id.as_str()))
        .collect();
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    ranked
}

/// Score an assessment against the truth.
pub fn score(generator: &str, seed: u64, l: &Labelled, a: &Assessment) -> SeedResult {
    let ranked = riskiest_first(a);
    let reviewed = ((ranked.len() as f64) * REVIEW_SHARE).ceil() as usize;
    let mut by_scheme: BTreeMap<String, SchemeResult> = BTreeMap::new();
    for s in l.truth.values() {
        by_scheme.entry(s.clone()).or_default().diverted += 1;
    }
    let mut found = 0;
    for (_, id) in ranked.iter().take(reviewed) {
        if let Some(s) = l.truth.get(*id) {
            found += 1;
            by_scheme.entry(s.clone()).or_default().found += 1;
        }
    }
    let n_div = l.truth.len();
    let n_legit = a.orders.len().saturating_sub(n_div);
    let mut legit_flagged = 0usize;
    let mut diverted_flagged = 0usize;
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for o in &a.orders {
        let div = l.truth.contains_key(&o.order_id);
        if !o.flags.is_empty() {
            if div {
                diverted_flagged += 1;
            } else {
                legit_flagged += 1;
            }
        }
        let mut ids: Vec<&str> = o.flags.iter().map(|f| f.id).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let c = counts.entry(id.to_string()).or_default();
            if div {
                c.1 += 1;
            } else {
                c.0 += 1;
            }
        }
    }
    SeedResult {
        generator: generator.to_string(),
        seed,
        orders: a.orders.len(),
        diverted: n_div,
        reviewed,
        found,
        recall: found as f64 / n_div.max(1) as f64,
        precision: found as f64 / reviewed.max(1) as f64,
        legit_flagged: legit_flagged as f64 / n_legit.max(1) as f64,
        diverted_flagged: diverted_flagged as f64 / n_div.max(1) as f64,
        by_scheme,
        rounds: None,
        flag_rates: counts
            .into_iter()
            .map(|(id, (lg, dv))| {
                (
                    id,
                    FlagRate {
                        legitimate: lg as f64 / n_legit.max(1) as f64,
                        diverted: dv as f64 / n_div.max(1) as f64,
                    },
                )
            })
            .collect(),
    }
}

/// Generate, assess and score one seed of one generator.
pub fn evaluate_seed(
    g: &Generator,
    seed: u64,
    orders: usize,
    screener: &Screener,
    weights: Option<&Weights>,
) -> SeedResult {
    let l = labelled(g, seed, orders);
    let a = assess_labelled(&l, Some(screener), weights);
    score(g.name, seed, &l, &a)
}

/// One generator over its seeds.
#[derive(Debug, Clone, Serialize)]
pub struct GeneratorResult {
    pub generator: String,
    pub sources: String,
    pub seeds: Vec<SeedResult>,
    pub recall: f64,
    pub worst_recall: f64,
    pub precision: f64,
    pub legit_flagged: f64,
    /// The lowest share of diverted orders with a flag among the seeds.
    pub diverted_flagged: f64,
    /// Per scheme, pooled over the seeds.
    pub by_scheme: BTreeMap<String, SchemeResult>,
    /// With `--rounds`: mean recall when the same share is reviewed in batches with the
    /// weights refitted between them ([`ReviewRounds`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounds_recall: Option<f64>,
}

impl GeneratorResult {
    pub fn of(g: &Generator, seeds: Vec<SeedResult>) -> GeneratorResult {
        GeneratorResult::named(g.name, g.sources, seeds)
    }

    /// The results of `seeds` under a name and the sources it was written from.
    pub fn named(name: &str, sources: &str, seeds: Vec<SeedResult>) -> GeneratorResult {
        let n = seeds.len().max(1) as f64;
        let mut by_scheme: BTreeMap<String, SchemeResult> = BTreeMap::new();
        for s in &seeds {
            for (k, v) in &s.by_scheme {
                let e = by_scheme.entry(k.clone()).or_default();
                e.diverted += v.diverted;
                e.found += v.found;
            }
        }
        GeneratorResult {
            generator: name.to_string(),
            sources: sources.to_string(),
            recall: seeds.iter().map(|s| s.recall).sum::<f64>() / n,
            worst_recall: seeds.iter().map(|s| s.recall).fold(1.0, f64::min),
            precision: seeds.iter().map(|s| s.precision).sum::<f64>() / n,
            legit_flagged: seeds.iter().map(|s| s.legit_flagged).fold(0.0, f64::max),
            diverted_flagged: seeds.iter().map(|s| s.diverted_flagged).fold(1.0, f64::min),
            by_scheme,
            rounds_recall: seeds
                .iter()
                .map(|s| s.rounds.as_ref().map(|r| r.recall))
                .sum::<Option<f64>>()
                .map(|t| t / n),
            seeds,
        }
    }
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub review_share: f64,
    pub weights: String,
    pub generators: Vec<GeneratorResult>,
    /// The generator with the lowest mean recall, and that recall.
    pub worst: (String, f64),
    /// The largest share of legitimate orders with any flag, and its generator.
    pub worst_legit_flagged: (String, f64),
    /// Recall with weights learned on one generator (rows) measured on each (columns).
    pub cross: Vec<CrossRow>,
}

impl Evaluation {
    pub fn meets_targets(&self) -> bool {
        self.worst.1 >= TARGET_RECALL && self.worst_legit_flagged.1 <= TARGET_LEGIT_FLAGGED
    }
}

/// Weights learned on one generator, measured on all.
#[derive(Debug, Clone, Serialize)]
pub struct CrossRow {
    /// `prior`, or the generator whose labels (seed [`TRAIN_SEED`]) the weights were fitted to.
    pub trained_on: String,
    /// Mean recall per generator tested.
    pub recall: BTreeMap<String, f64>,
    /// Worst recall over the generators it was not trained on.
    pub worst_held_out: f64,
    /// The learned log-likelihood ratio per flag.
    pub weights: BTreeMap<String, f64>,
}

/// Run every generator on `seeds`; with `cross`, also learn on each and test on all; with
/// `rounds` above 1, also review each ledger in that many batches ([`review_in_rounds`]).
pub fn evaluate(
    seeds: &[u64],
    orders: usize,
    weights: Option<&Weights>,
    cross: bool,
    rounds: usize,
    mut progress: impl FnMut(&str),
) -> Evaluation {
    let screener = sample_screener();
    let gens = generators();
    let mut cache: Vec<Vec<(u64, Labelled)>> = Vec::new();
    let mut results = Vec::new();
    for g in &gens {
        progress(g.name);
        let mut ls = Vec::new();
        let mut rs = Vec::new();
        for &seed in seeds {
            let l = labelled(g, seed, orders);
            let a = assess_labelled(&l, Some(&screener), weights);
            let mut r = score(g.name, seed, &l, &a);
            if rounds > 1 {
                progress(&format!("{} seed {seed} in {rounds} review rounds", g.name));
                let start = weights.cloned().unwrap_or_else(Weights::prior);
                r.rounds = Some(review_in_rounds(&l, Some(&screener), &start, rounds));
            }
            rs.push(r);
            if cross {
                ls.push((seed, l));
            }
        }
        cache.push(ls);
        results.push(GeneratorResult::of(g, rs));
    }
    let mut rows = Vec::new();
    if cross {
        let prior = weights.cloned().unwrap_or_else(Weights::prior);
        let mut trained: Vec<(String, Weights)> = vec![("prior".into(), prior.clone())];
        for g in &gens {
            progress(&format!("learning on {}", g.name));
            let l = labelled(g, TRAIN_SEED, orders);
            let a = assess_labelled(&l, Some(&screener), Some(&prior));
            let examples: Vec<Example> = a
                .orders
                .iter()
                .map(|o| {
                    Example::from_explanation(&o.explanation, l.truth.contains_key(&o.order_id))
                })
                .collect();
            trained.push((g.name.to_string(), fit(&examples, &prior).weights));
        }
        for (name, w) in &trained {
            progress(&format!("measuring weights learned on {name}"));
            let mut recall = BTreeMap::new();
            for (g, ls) in gens.iter().zip(&cache) {
                let rs: Vec<f64> = ls
                    .iter()
                    .map(|(seed, l)| {
                        score(
                            g.name,
                            *seed,
                            l,
                            &assess_labelled(l, Some(&screener), Some(w)),
                        )
                        .recall
                    })
                    .collect();
                recall.insert(
                    g.name.to_string(),
                    rs.iter().sum::<f64>() / rs.len().max(1) as f64,
                );
            }
            let worst_held_out = recall
                .iter()
                .filter(|(g, _)| *g != name)
                .map(|(_, r)| *r)
                .fold(1.0, f64::min);
            rows.push(CrossRow {
                trained_on: name.clone(),
                recall,
                worst_held_out,
                weights: w.log_lr.clone(),
            });
        }
    }
    Evaluation::of(results, weights, rows)
}

impl Evaluation {
    /// The evaluation of these results: the worst recall and the largest legitimate-flagged
    /// share over them.
    pub fn of(
        results: Vec<GeneratorResult>,
        weights: Option<&Weights>,
        cross: Vec<CrossRow>,
    ) -> Evaluation {
        let worst = results
            .iter()
            .min_by(|a, b| a.recall.total_cmp(&b.recall))
            .map(|r| (r.generator.clone(), r.recall))
            .unwrap_or_default();
        let worst_legit_flagged = results
            .iter()
            .max_by(|a, b| a.legit_flagged.total_cmp(&b.legit_flagged))
            .map(|r| (r.generator.clone(), r.legit_flagged))
            .unwrap_or_default();
        Evaluation {
            review_share: REVIEW_SHARE,
            weights: weights.map_or_else(|| Weights::prior().origin, |w| w.origin.clone()),
            generators: results,
            worst,
            worst_legit_flagged,
            cross,
        }
    }
}
