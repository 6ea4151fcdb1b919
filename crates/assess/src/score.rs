//! Risk that adapts to the ledger in front of it.
//!
//! An order's score is the posterior probability that it is diverted, from the flags it shows
//! and the flags of its network, in a naive-Bayes model whose likelihood ratios come from the
//! ledger itself:
//!
//! * A diverted order is assumed to show any one flag with probability [`TELL_TALE_RATE`] (10%:
//!   each scheme shows only some of its tell-tales, and no flag is on every scheme).
//! * A legitimate order shows flag `f` with probability `q_f`, its share of this ledger's orders
//!   (nearly all of them legitimate). The flag's evidence is its likelihood ratio in natural-log
//!   units, `λ_f = max(0, ln(TELL_TALE_RATE / q_f))`: a flag on one order in 10,000 weighs 6.9,
//!   one on 1% weighs 2.3, one on 10% or more weighs nothing. A flag is evidence in proportion
//!   to how rarely the ledger's ordinary business trips it.
//! * Each flag's prior weight `w` (`data/assess/red_flags.csv`) is the probability of diversion
//!   when that flag alone is seen, at [`REFERENCE_RATE`] diverted orders; read as a likelihood
//!   ratio `λ₀ = logit(w) − logit(REFERENCE_RATE)` it says how rare the flag is expected to be
//!   among legitimate orders, `q₀ = TELL_TALE_RATE × e^(−λ₀)`. The ledger's share is smoothed
//!   toward it with the weight of [`PRIOR_ORDERS`] orders, `q_f = (n_f + 200 q₀) / (N + 200)`, so
//!   that a ledger of a few orders is scored with the prior weights and a large one by what it
//!   shows.
//!
//! Networks pool their evidence at two levels, for every flag an order does not show itself:
//!
//! * **the customer's history**: λ × the share of the same buyer's other orders that show it;
//! * **the network's other buyers**: λ × the mean, over the other buyers of its network, of the
//!   share of each buyer's orders that show it. Each buyer counts once, whatever its number of
//!   orders, so a large customer's routine does not drown the few orders of the shells joined
//!   to it, and one busy shell does not speak for the whole ring.
//!
//! The network's part is weighed against the buyer's own history, `t / (t + m)` for a buyer with
//! `m` other orders in a ledger whose buyers place `t` orders on average: the network speaks for
//! a buyer the ledger knows little of, and a customer with a long record of its own is judged by
//! it (a distributor that a forwarder or a shared address joins to two shells does not take on
//! their evidence on each of its hundred orders).
//!
//! A ring of shells that each show two of six tell-tales thus ranks as the ring, while one odd
//! order of a large, otherwise clean customer barely moves.
//!
//! The score is `sigmoid(logit(REFERENCE_RATE) + Σ λ + network)`.
//!
//! Weights learned from reviewers' dispositions ([`crate::learn`]) are measured likelihood
//! ratios and are used as they are, bounded only by the ledger's rarity at
//! [`LEARNED_BOUND_RATE`]: `λ = clamp(min(λ_learned, ln(0.5 / q_f)), 0, ∞)`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::assess::flag_defs;

/// The diversion rate the prior weights are stated at.
pub const REFERENCE_RATE: f64 = 0.03;
/// The share of diverted orders assumed to show any one flag.
pub const TELL_TALE_RATE: f64 = 0.1;
/// The evidence (log-likelihood ratio, natural units) an order's own flags must reach in this
/// ledger to be raised for review: 1, a likelihood ratio of e. One flag reaches it when it is
/// on at most `TELL_TALE_RATE / e` (3.7%) of the ledger's orders; two flags on 7% each reach it
/// together. Weaker flags are noted and scored; the ranking does not change.
pub const RAISE_EVIDENCE: f64 = 1.0;
/// With learned weights: the largest share of diverted orders assumed to show any one flag.
pub const LEARNED_BOUND_RATE: f64 = 0.5;
/// A flag's share of orders is smoothed toward the share its prior weight implies with the
/// weight of this many orders, so that a small ledger keeps the prior weights.
pub const PRIOR_ORDERS: f64 = 200.0;
/// How much of a network's evidence each of its orders carries (1: an order carries a flag of its
/// network in proportion to the share of the network's other orders that show it).
pub const NETWORK_DISCOUNT: f64 = 1.0;

pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0 - 1e-9);
    (p / (1.0 - p)).ln()
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The weights of the flags, as log-likelihood ratios, and the intercept.
#[derive(Debug, Clone, Serialize)]
pub struct Weights {
    /// Prior log-odds of an order with no flag.
    pub intercept: f64,
    /// λ₀ per flag id.
    pub log_lr: BTreeMap<String, f64>,
    /// Where the weights come from ("prior (data/assess/red_flags.csv)", or the file and the
    /// dispositions they were learned from).
    pub origin: String,
    /// Learned from dispositions (used as measured likelihood ratios) rather than the prior
    /// (which only says how rare each flag is expected to be).
    pub learned: bool,
}

impl Weights {
    /// The prior model: the bundled weights.
    pub fn prior() -> Weights {
        let base = logit(REFERENCE_RATE);
        Weights {
            intercept: base,
            log_lr: flag_defs()
                .iter()
                .map(|f| (f.id.clone(), logit(f.weight) - base))
                .collect(),
            origin: "prior (data/assess/red_flags.csv)".into(),
            learned: false,
        }
    }

    /// Read a weights file (`chipwatch assess learn` writes one): CSV with columns `id` and
    /// `log_lr`; the row `(intercept)` sets the intercept. Flags the file does not name keep their
    /// prior weight.
    pub fn read(path: &Path) -> Result<Weights, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        Weights::parse(&path.display().to_string(), &text)
    }

    pub fn parse(file: &str, text: &str) -> Result<Weights, String> {
        let mut w = Weights::prior();
        w.origin = file.to_string();
        w.learned = true;
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| format!("{file}: line 1: {e}"))?
            .clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim() == name)
                .ok_or_else(|| format!("{file}: line 1: no column `{name}` (need id, log_lr)"))
        };
        let (ci, cl) = (col("id")?, col("log_lr")?);
        let known: HashMap<&str, ()> = flag_defs().iter().map(|f| (f.id.as_str(), ())).collect();
        for (n, rec) in rdr.records().enumerate() {
            let line = n + 2;
            let rec = rec.map_err(|e| format!("{file}: line {line}: {e}"))?;
            let id = rec.get(ci).unwrap_or("").trim();
            let raw = rec.get(cl).unwrap_or("").trim();
            let v: f64 = raw.parse().ok().filter(|v: &f64| v.is_finite()).ok_or_else(|| {
                format!(
                    "{file}: line {line}: column `log_lr`: `{raw}` is not a number (rule: a finite log-likelihood ratio)"
                )
            })?;
            if id == "(intercept)" {
                w.intercept = v;
            } else if known.contains_key(id) {
                w.log_lr.insert(id.to_string(), v);
            } else {
                return Err(format!(
                    "{file}: line {line}: column `id`: `{id}` is not a red flag of data/assess/red_flags.csv"
                ));
            }
        }
        Ok(w)
    }

    /// Write the weights as the CSV [`Weights::read`] reads, with the prior beside each.
    pub fn to_csv(&self, extra: &BTreeMap<String, String>) -> String {
        let prior = Weights::prior();
        let mut w = csv::Writer::from_writer(Vec::new());
        let rows = std::iter::once((
            "(intercept)".to_string(),
            self.intercept,
            prior.intercept,
            sigmoid(self.intercept),
            String::new(),
        ))
        .chain(self.log_lr.iter().map(|(id, v)| {
            (
                id.clone(),
                *v,
                prior.prior_of(id),
                sigmoid(prior.intercept + v),
                extra.get(id).cloned().unwrap_or_default(),
            )
        }));
        let _ = w.write_record(["id", "log_lr", "prior_log_lr", "weight", "note"]);
        for (id, v, p, wt, note) in rows {
            let _ = w.write_record([
                id,
                format!("{v:.4}"),
                format!("{p:.4}"),
                format!("{wt:.4}"),
                note,
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    pub fn prior_of(&self, id: &str) -> f64 {
        self.log_lr.get(id).copied().unwrap_or(0.0)
    }
}

/// A flag's own assumed share of diverted orders (`diverted_share` in red_flags.csv), where
/// the case record says more than [`TELL_TALE_RATE`].
pub fn diverted_share(id: &str) -> Option<f64> {
    crate::assess::flag_def(id).and_then(|f| f.diverted_share)
}

/// The share of legitimate orders a flag of prior evidence `prior` is expected to be seen on.
pub fn prior_share(prior: f64) -> f64 {
    prior_share_at(prior, TELL_TALE_RATE)
}

/// [`prior_share`] for a flag assumed on `diverted` of diverted orders.
pub fn prior_share_at(prior: f64, diverted: f64) -> f64 {
    (diverted * (-prior).exp()).min(1.0)
}

/// A flag's smoothed share of a ledger of `n` orders of which `count` carry it.
pub fn smoothed_share(count: usize, n: usize, prior: f64) -> f64 {
    smoothed_share_at(count, n, prior, TELL_TALE_RATE)
}

/// [`smoothed_share`] for a flag assumed on `diverted` of diverted orders.
pub fn smoothed_share_at(count: usize, n: usize, prior: f64, diverted: f64) -> f64 {
    (count as f64 + PRIOR_ORDERS * prior_share_at(prior, diverted)) / (n as f64 + PRIOR_ORDERS)
}

/// The evidence a flag contributes in this ledger: its rarity, or with learned weights the
/// learned ratio bounded by the rarity.
pub fn ledger_lambda(prior: f64, share: f64, learned: bool) -> f64 {
    if share <= 0.0 {
        return prior.max(0.0);
    }
    if learned {
        prior.min((LEARNED_BOUND_RATE / share).ln()).max(0.0)
    } else {
        (TELL_TALE_RATE / share).ln().max(0.0)
    }
}

/// One flag's part in an order's score.
#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    pub id: &'static str,
    /// Prior (or learned) log-likelihood ratio.
    pub prior: f64,
    /// Share of this ledger's orders that carry the flag.
    pub ledger_share: f64,
    /// The evidence used: λ after the rarity bound, times the network share for pooled evidence.
    pub evidence: f64,
    /// For pooled evidence: the share of the customer's other orders, or the mean share of the
    /// network's other buyers' orders, that carry the flag.
    pub network_share: Option<f64>,
    /// For pooled evidence: where it was pooled from.
    pub pooled_from: Option<Pool>,
    /// For network evidence: the weight of the network against the buyer's own history,
    /// `t / (t + m)` for a buyer with `m` other orders in a ledger whose buyers place `t` orders
    /// on average (1 for a buyer with no other order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history_weight: Option<f64>,
}

/// Where pooled evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pool {
    /// The same buyer's other orders.
    Customer,
    /// The other buyers of the order's network.
    Network,
}

/// Why an order scores what it does.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Explanation {
    pub intercept: f64,
    pub log_odds: f64,
    /// Own flags first, then pooled network evidence, each largest first.
    pub parts: Vec<Contribution>,
}

impl Explanation {
    /// One line: "log-odds 2.1 = prior -3.5 + K8 2.9 (on 0.8% of orders) + ...".
    pub fn text(&self) -> String {
        let mut s = format!("log-odds {:.2} = base {:.2}", self.log_odds, self.intercept);
        for p in &self.parts {
            if p.evidence <= 0.005 {
                continue;
            }
            match p.network_share {
                None => s.push_str(&format!(
                    " + {} {:.2} (on {} of orders{})",
                    p.id,
                    p.evidence,
                    pct(p.ledger_share),
                    if p.evidence + 0.005 < p.prior {
                        format!(", prior {:.2}", p.prior)
                    } else {
                        String::new()
                    }
                )),
                Some(n) if p.pooled_from == Some(Pool::Customer) => s.push_str(&format!(
                    " + customer {} {:.2} (on {} of the buyer's other orders)",
                    p.id,
                    p.evidence,
                    pct(n)
                )),
                Some(n) => {
                    s.push_str(&format!(
                        " + network {} {:.2} (on {} of its other buyers' orders",
                        p.id,
                        p.evidence,
                        pct(n)
                    ));
                    match p.history_weight {
                        Some(h) if h < 0.995 => s.push_str(&format!(
                            ", weighed {h:.2} against the buyer's own history)"
                        )),
                        _ => s.push(')'),
                    }
                }
            }
        }
        let zero: Vec<&str> = self
            .parts
            .iter()
            .filter(|p| p.network_share.is_none() && p.evidence <= 0.005)
            .map(|p| p.id)
            .collect();
        if !zero.is_empty() {
            s.push_str(&format!(
                "; {} weigh nothing here (too common in this ledger)",
                zero.join(", ")
            ));
        }
        s
    }
}

fn pct(x: f64) -> String {
    if x >= 0.1 {
        format!("{:.0}%", x * 100.0)
    } else if x >= 0.01 {
        format!("{:.1}%", x * 100.0)
    } else {
        format!("{:.2}%", x * 100.0)
    }
}

/// Score every order: `flags[i]` are the distinct flag ids of order `i`, `buyer[i]` its buyer
/// (entity-resolved) and `cluster[i]` its network.
pub fn score_orders(
    flags: &[Vec<&'static str>],
    buyer: &[usize],
    cluster: &[usize],
    weights: &Weights,
) -> Vec<(f64, Explanation)> {
    let n = flags.len();
    let mut count: HashMap<&'static str, usize> = HashMap::new();
    for f in flags {
        for id in f {
            *count.entry(id).or_default() += 1;
        }
    }
    let lambda: HashMap<&'static str, (f64, f64, f64)> = count
        .iter()
        .map(|(id, c)| {
            let prior = weights.prior_of(id);
            let rate = diverted_share(id);
            let share = smoothed_share_at(*c, n, prior, rate.unwrap_or(TELL_TALE_RATE));
            let l = match rate {
                Some(d) if !weights.learned => (d / share).ln().max(0.0),
                _ => ledger_lambda(prior, share, weights.learned),
            };
            (*id, (prior, share, l))
        })
        .collect();
    // Per buyer: orders and flag counts.
    let mut buyers: HashMap<usize, (usize, HashMap<&'static str, usize>)> = HashMap::new();
    for (i, f) in flags.iter().enumerate() {
        let b = buyers.entry(buyer[i]).or_default();
        b.0 += 1;
        for id in f {
            *b.1.entry(id).or_default() += 1;
        }
    }
    // Per network: its buyers, and the sum over them of each flag's share of the buyer's orders.
    let n_clusters = cluster.iter().copied().max().map_or(0, |m| m + 1);
    let mut net_buyers = vec![0usize; n_clusters];
    let mut net_share: Vec<HashMap<&'static str, f64>> = vec![HashMap::new(); n_clusters];
    let mut seen: HashSet<usize> = HashSet::new();
    for (i, &b) in buyer.iter().enumerate() {
        if !seen.insert(b) {
            continue;
        }
        let c = cluster[i];
        let (orders, counts) = &buyers[&b];
        net_buyers[c] += 1;
        for (id, k) in counts {
            *net_share[c].entry(id).or_default() += *k as f64 / *orders as f64;
        }
    }
    let intercept = weights.intercept;
    // A buyer's own history competes with its network's: the network speaks for a buyer with
    // the weight of as many orders as the ledger's buyers place on average.
    let typical = n as f64 / buyers.len().max(1) as f64;
    let pooled = |id: &'static str, ns: f64, weight: f64, from: Pool| {
        let (prior, share, l) = lambda[id];
        Contribution {
            id,
            prior,
            ledger_share: share,
            evidence: NETWORK_DISCOUNT * l * ns * weight,
            network_share: Some(ns),
            pooled_from: Some(from),
            history_weight: (from == Pool::Network).then_some(weight),
        }
    };
    let by_evidence =
        |a: &Contribution, b: &Contribution| b.evidence.total_cmp(&a.evidence).then(a.id.cmp(b.id));
    flags
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut parts: Vec<Contribution> = f
                .iter()
                .map(|id| {
                    let (prior, share, l) = lambda[id];
                    Contribution {
                        id,
                        prior,
                        ledger_share: share,
                        evidence: l,
                        network_share: None,
                        pooled_from: None,
                        history_weight: None,
                    }
                })
                .collect();
            parts.sort_by(by_evidence);
            let (orders, counts) = &buyers[&buyer[i]];
            let mut customer: Vec<Contribution> = Vec::new();
            if *orders > 1 {
                customer = counts
                    .iter()
                    .filter(|(id, _)| !f.contains(id))
                    .map(|(id, k)| pooled(id, *k as f64 / (orders - 1) as f64, 1.0, Pool::Customer))
                    .filter(|p| p.evidence > 0.0)
                    .collect();
                customer.sort_by(by_evidence);
            }
            let c = cluster[i];
            let others = net_buyers[c].saturating_sub(1);
            let history = typical / (typical + (orders - 1) as f64);
            let mut network: Vec<Contribution> = Vec::new();
            if others > 0 {
                network = net_share[c]
                    .iter()
                    .filter(|(id, _)| !f.contains(id))
                    .map(|(id, sum)| {
                        // The buyer's own share leaves the network's sum.
                        let own = counts.get(id).map_or(0.0, |k| *k as f64 / *orders as f64);
                        let share = ((sum - own) / others as f64).max(0.0);
                        pooled(id, share, history, Pool::Network)
                    })
                    .filter(|p| p.evidence > 1e-12)
                    .collect();
                network.sort_by(by_evidence);
            }
            parts.extend(customer);
            parts.extend(network);
            let log_odds = intercept + parts.iter().map(|p| p.evidence).sum::<f64>();
            (
                sigmoid(log_odds),
                Explanation {
                    intercept,
                    log_odds,
                    parts,
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_weighs_by_its_rarity_in_the_ledger_and_a_small_ledger_keeps_the_prior() {
        let w = Weights::prior();
        // K8 on 1 of 10,000 orders (rare), K10 on 9,000 of them (common).
        let mut flags: Vec<Vec<&'static str>> = vec![vec![]; 10_000];
        flags[0] = vec!["K8"];
        for f in flags.iter_mut().skip(1000) {
            f.push("K10");
        }
        let cluster: Vec<usize> = (0..10_000).collect();
        let s = score_orders(&flags, &cluster, &cluster, &w);
        let k8 = &s[0].1.parts[0];
        // share (1 + 200 q₀) / 10,200 with q₀ = 0.1 e^(−λ₀); λ = ln(0.1 / share)
        let q = (1.0 + PRIOR_ORDERS * prior_share(k8.prior)) / 10_200.0;
        assert!((k8.evidence - (TELL_TALE_RATE / q).ln()).abs() < 1e-9);
        assert!(
            k8.evidence > k8.prior,
            "a flag this rare says more than its prior"
        );
        assert!((s[5000].0 - REFERENCE_RATE).abs() < 1e-9, "{}", s[5000].0);
        assert!(
            s[5000].1.text().contains("weigh nothing"),
            "{}",
            s[5000].1.text()
        );
        // A ledger of one order: the flag weighs close to its prior (within the smoothing).
        let one = score_orders(&[vec!["K8"]], &[0], &[0], &w);
        let p = &one[0].1.parts[0];
        assert!(p.evidence > 0.5 * p.prior && p.evidence < p.prior, "{p:?}");
    }

    #[test]
    fn learned_weights_are_used_as_measured_and_bounded_by_rarity() {
        let w = Weights::parse("w.csv", "id,log_lr\nK8,1.5\nK10,4\n").unwrap();
        assert!(w.learned);
        let mut flags: Vec<Vec<&'static str>> = vec![vec![]; 1000];
        flags[0] = vec!["K8"];
        for f in flags.iter_mut().skip(500) {
            f.push("K10");
        }
        let each: Vec<usize> = (0..1000).collect();
        let s = score_orders(&flags, &each, &each, &w);
        assert!((s[0].1.parts[0].evidence - 1.5).abs() < 1e-9);
        // K10 on half the orders: bounded by ln(0.5 / share) ≈ 0.
        assert!(s[700].1.parts[0].evidence < 0.25, "{:?}", s[700].1.parts);
    }

    #[test]
    fn a_network_pools_its_orders_evidence() {
        let w = Weights::prior();
        // Three orders of one network, each with a different flag; three lone orders with one.
        let mut flags: Vec<Vec<&'static str>> = vec![vec!["K8"], vec!["K4b"], vec!["K5"]];
        flags.extend([vec!["K8"], vec!["K4b"], vec!["K5"]]);
        flags.extend(std::iter::repeat_n(vec![], 994));
        let mut cluster = vec![0, 0, 0];
        cluster.extend(1..998);
        let buyer: Vec<usize> = (0..1000).collect();
        let s = score_orders(&flags, &buyer, &cluster, &w);
        assert!(s[0].0 > s[3].0 && s[1].0 > s[4].0 && s[2].0 > s[5].0);
        assert!(s[0].1.text().contains("network K4b"), "{}", s[0].1.text());
        // Each other buyer shows K4b on all or none of its orders: the mean share is 1/2.
        let k4b = s[0].1.parts.iter().find(|p| p.id == "K4b").unwrap();
        assert_eq!(k4b.network_share, Some(0.5));
        assert_eq!(k4b.pooled_from, Some(Pool::Network));
    }

    #[test]
    fn a_customers_history_and_each_other_buyer_weigh_once() {
        let w = Weights::prior();
        // Network 0: a large customer (buyer 0, 40 clean orders and one with K8) joined to two
        // shells (buyers 1 and 2, two orders each, one of each showing K4b).
        let mut flags: Vec<Vec<&'static str>> = vec![vec![]; 40];
        let mut buyer = vec![0; 40];
        flags.push(vec!["K8"]);
        buyer.push(0);
        flags.extend([vec!["K4b"], vec![], vec!["K4b"], vec![]]);
        buyer.extend([1, 1, 2, 2]);
        let mut cluster = vec![0; flags.len()];
        let n = flags.len();
        flags.extend(std::iter::repeat_n(vec![], 2000));
        buyer.extend(3..2003);
        cluster.extend(1..2001);
        let s = score_orders(&flags, &buyer, &cluster, &w);
        // The shell's clean order: its own history (1 of 1 other order with K4b) and the network's
        // other buyers (buyer 2 half, buyer 0 none: 1/4).
        let shell = &s[n - 3].1;
        let part = |from: Pool| {
            shell
                .parts
                .iter()
                .find(|p| p.id == "K4b" && p.pooled_from == Some(from))
                .and_then(|p| p.network_share)
        };
        assert_eq!(part(Pool::Customer), Some(1.0));
        assert_eq!(part(Pool::Network), Some(0.25));
        assert!(shell.text().contains("customer K4b"), "{}", shell.text());
        // The large customer's clean orders: K8 on 1 of 40 other orders, K4b from the shells.
        let big = &s[0].1;
        let k8 = big.parts.iter().find(|p| p.id == "K8").unwrap();
        assert_eq!(k8.network_share, Some(1.0 / 40.0));
        // The shell outranks the large customer's routine orders.
        assert!(s[n - 3].0 > s[0].0);
    }

    #[test]
    fn a_buyers_own_history_weighs_against_its_network() {
        let w = Weights::prior();
        // Network 0: a shell with one order showing K4b, a customer with 30 clean orders and a
        // buyer with a single clean order. 60 lone buyers with one clean order each: buyers place
        // 92 / 63 orders on average.
        let mut flags: Vec<Vec<&'static str>> = vec![vec!["K4b"]];
        let mut buyer = vec![0];
        flags.extend(std::iter::repeat_n(vec![], 31));
        buyer.extend(std::iter::repeat_n(1, 30));
        buyer.push(2);
        let mut cluster = vec![0; flags.len()];
        flags.extend(std::iter::repeat_n(vec![], 60));
        buyer.extend(3..63);
        cluster.extend(1..61);
        let s = score_orders(&flags, &buyer, &cluster, &w);
        let k4b = |i: usize| {
            s[i].1
                .parts
                .iter()
                .find(|p| p.id == "K4b" && p.pooled_from == Some(Pool::Network))
                .cloned()
                .unwrap()
        };
        let t = 92.0 / 63.0;
        // The single-order buyer: nothing of its own to weigh, the network counts whole.
        let lone = k4b(31);
        assert_eq!(lone.history_weight, Some(1.0));
        // The customer with 29 other orders: the network weighs t / (t + 29).
        let big = k4b(1);
        assert_eq!(big.network_share, lone.network_share);
        let h = big.history_weight.unwrap();
        assert!((h - t / (t + 29.0)).abs() < 1e-12, "{h}");
        assert!((big.evidence - lone.evidence * h).abs() < 1e-12);
        assert!(
            s[1].1.text().contains("against the buyer's own history"),
            "{}",
            s[1].1.text()
        );
        assert!(
            s[31].0 > s[1].0,
            "the unknown buyer ranks above the known one"
        );
    }

    #[test]
    fn a_weights_file_is_read_and_a_bad_row_named() {
        let w = Weights::parse("w.csv", "id,log_lr\n(intercept),-4\nK8,1.5\n").unwrap();
        assert_eq!(w.intercept, -4.0);
        assert_eq!(w.prior_of("K8"), 1.5);
        let e = Weights::parse("w.csv", "id,log_lr\nK8,abc\n").unwrap_err();
        assert!(e.contains("w.csv: line 2") && e.contains("log_lr"), "{e}");
        let e = Weights::parse("w.csv", "id,log_lr\nZZ9,1\n").unwrap_err();
        assert!(e.contains("ZZ9"), "{e}");
        let notes: BTreeMap<String, String> = [(
            "K8".to_string(),
            "on 3 reviewed orders, 2 escalated".to_string(),
        )]
        .into();
        let round = Weights::parse("w.csv", &w.to_csv(&notes)).unwrap();
        assert_eq!(round.prior_of("K8"), 1.5);
    }
}
