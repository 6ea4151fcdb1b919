//! Weights learned from reviewers' decisions.
//!
//! Once reviewers have cleared or escalated alerts, the flags' weights are fitted to their
//! decisions by L2-regularised logistic regression whose prior mean is the current model: each
//! flag's log-likelihood ratio is pulled toward its prior `λ₀` with a Gaussian prior of standard
//! deviation [`PRIOR_SD`], the intercept toward its prior with a wide one. With no decisions the
//! fit returns the prior; with few it moves the weights only as far as the decisions warrant.
//!
//! An example's features are the evidence the scorer used: 1 for a flag the order carries, and
//! `NETWORK_DISCOUNT × share × history weight` for a flag pooled from the customer's history or its
//! network, so the learned weight of a flag is the one [`crate::score`] applies in every place.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::score::{Explanation, Weights};

/// Standard deviation of the prior on each flag's log-likelihood ratio.
pub const PRIOR_SD: f64 = 1.0;
/// Standard deviation of the prior on the intercept.
pub const INTERCEPT_SD: f64 = 3.0;

/// One reviewed order: the evidence it carried and the reviewer's decision.
#[derive(Debug, Clone)]
pub struct Example {
    /// (flag id, feature value).
    pub features: Vec<(String, f64)>,
    /// True when the reviewer escalated, reported or blocked it; false when cleared.
    pub diverted: bool,
}

/// The feature value of one part of an explanation: 1 for an order's own flag, the network
/// share (times the discount and the weight against the buyer's own history) for pooled evidence.
fn feature(network_share: Option<f64>, history_weight: Option<f64>) -> f64 {
    network_share.map_or(1.0, |s| {
        crate::score::NETWORK_DISCOUNT * s * history_weight.unwrap_or(1.0)
    })
}

impl Example {
    /// The features of a scored order.
    pub fn from_explanation(e: &Explanation, diverted: bool) -> Example {
        Example {
            features: e
                .parts
                .iter()
                .map(|p| (p.id.to_string(), feature(p.network_share, p.history_weight)))
                .collect(),
            diverted,
        }
    }
}

/// What a fit learned.
#[derive(Debug, Clone, Serialize)]
pub struct Fit {
    pub weights: Weights,
    pub examples: usize,
    pub diverted: usize,
    /// Per flag: (examples carrying it, of which diverted).
    pub support: BTreeMap<String, (usize, usize)>,
    pub iterations: usize,
}

impl Fit {
    /// A note per flag for the weights file: its support in the decisions.
    pub fn notes(&self) -> BTreeMap<String, String> {
        self.support
            .iter()
            .map(|(id, (n, d))| (id.clone(), format!("on {n} reviewed orders, {d} escalated")))
            .collect()
    }
}

/// Solve `a x = b` for a small symmetric positive definite `a` (Gaussian elimination with
/// partial pivoting).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        let d = a[c][c];
        if d.abs() < 1e-12 {
            continue;
        }
        for r in c + 1..n {
            let f = a[r][c] / d;
            if f != 0.0 {
                let (top, rest) = a.split_at_mut(r);
                for (x, y) in rest[0][c..].iter_mut().zip(&top[c][c..]) {
                    *x -= f * y;
                }
                b[r] -= f * b[c];
            }
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|k| a[r][k] * x[k]).sum();
        x[r] = if a[r][r].abs() < 1e-12 {
            0.0
        } else {
            (b[r] - s) / a[r][r]
        };
    }
    x
}

/// Fit the weights to reviewed examples by Newton's method on the penalised log-likelihood.
pub fn fit(examples: &[Example], prior: &Weights) -> Fit {
    let ids: Vec<String> = prior.log_lr.keys().cloned().collect();
    let index: BTreeMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i + 1))
        .collect();
    let dim = ids.len() + 1;
    let mut mean = vec![prior.intercept];
    mean.extend(ids.iter().map(|id| prior.prior_of(id)));
    let precision: Vec<f64> = (0..dim)
        .map(|i| {
            if i == 0 {
                1.0 / (INTERCEPT_SD * INTERCEPT_SD)
            } else {
                1.0 / (PRIOR_SD * PRIOR_SD)
            }
        })
        .collect();
    // Sparse rows: (index, value), the intercept first.
    let rows: Vec<(Vec<(usize, f64)>, f64)> = examples
        .iter()
        .map(|e| {
            let mut r = vec![(0usize, 1.0)];
            for (id, x) in &e.features {
                if let Some(&i) = index.get(id.as_str()) {
                    r.push((i, *x));
                }
            }
            (r, if e.diverted { 1.0 } else { 0.0 })
        })
        .collect();
    // The penalised negative log-likelihood.
    let objective = |beta: &[f64]| -> f64 {
        let mut v: f64 = (0..dim)
            .map(|i| 0.5 * precision[i] * (beta[i] - mean[i]).powi(2))
            .sum();
        for (r, y) in &rows {
            let z: f64 = r.iter().map(|(i, x)| beta[*i] * x).sum();
            // log(1 + e^z) - y z, computed stably.
            v += z.max(0.0) + (-z.abs()).exp().ln_1p() - y * z;
        }
        v
    };
    let mut beta = mean.clone();
    let mut current = objective(&beta);
    let mut iterations = 0;
    for it in 0..100 {
        iterations = it + 1;
        let mut grad: Vec<f64> = (0..dim)
            .map(|i| precision[i] * (beta[i] - mean[i]))
            .collect();
        let mut hess = vec![vec![0.0; dim]; dim];
        for (i, h) in hess.iter_mut().enumerate() {
            h[i] = precision[i];
        }
        for (r, y) in &rows {
            let z: f64 = r.iter().map(|(i, x)| beta[*i] * x).sum();
            let p = crate::score::sigmoid(z);
            let w = (p * (1.0 - p)).max(1e-9);
            for (i, xi) in r {
                grad[*i] += (p - y) * xi;
                for (j, xj) in r {
                    hess[*i][*j] += w * xi * xj;
                }
            }
        }
        let step = solve(hess, grad);
        // Damped Newton: halve the step until the objective falls.
        let mut t = 1.0;
        let mut accepted = false;
        while t > 1e-6 {
            let trial: Vec<f64> = beta.iter().zip(&step).map(|(b, s)| b - t * s).collect();
            let v = objective(&trial);
            if v <= current {
                let moved = step.iter().map(|s| (t * s).abs()).fold(0.0, f64::max);
                beta = trial;
                let done = current - v < 1e-10 || moved < 1e-7;
                current = v;
                accepted = !done;
                break;
            }
            t *= 0.5;
        }
        if !accepted {
            break;
        }
    }
    let mut support: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for e in examples {
        for (id, x) in &e.features {
            if *x >= 1.0 {
                let s = support.entry(id.clone()).or_default();
                s.0 += 1;
                s.1 += usize::from(e.diverted);
            }
        }
    }
    Fit {
        weights: Weights {
            intercept: beta[0],
            log_lr: ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), beta[i + 1]))
                .collect(),
            origin: format!(
                "learned from {} reviewed order(s), {} escalated, prior: {}",
                examples.len(),
                examples.iter().filter(|e| e.diverted).count(),
                prior.origin
            ),
            learned: true,
        },
        examples: examples.len(),
        diverted: examples.iter().filter(|e| e.diverted).count(),
        support,
        iterations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(ids: &[&str], diverted: bool) -> Example {
        Example {
            features: ids.iter().map(|i| (i.to_string(), 1.0)).collect(),
            diverted,
        }
    }

    #[test]
    fn no_decisions_give_the_prior() {
        let prior = Weights::prior();
        let f = fit(&[], &prior);
        for (id, v) in &prior.log_lr {
            assert!((f.weights.prior_of(id) - v).abs() < 1e-9, "{id}");
        }
        assert!((f.weights.intercept - prior.intercept).abs() < 1e-9);
    }

    #[test]
    fn a_flag_reviewers_always_clear_loses_weight_and_one_they_escalate_gains() {
        let prior = Weights::prior();
        let mut xs = Vec::new();
        for _ in 0..200 {
            xs.push(ex(&["K7"], false));
            xs.push(ex(&["K8"], true));
            xs.push(ex(&[], false));
        }
        let f = fit(&xs, &prior);
        assert!(f.weights.prior_of("K7") < prior.prior_of("K7") - 0.5);
        assert!(f.weights.prior_of("K8") > prior.prior_of("K8") + 0.5);
        // A flag no decision touched keeps its prior.
        assert!((f.weights.prior_of("G3") - prior.prior_of("G3")).abs() < 1e-9);
        assert_eq!(f.support["K8"], (200, 200));
    }
}

/// Whether a reviewer's decision says the order was diversion: escalated, reported and
/// blocked do; cleared and licence applied for (a legitimate buyer who needs a licence) do not.
pub fn decision_label(decision: &str) -> Option<bool> {
    match decision {
        "escalated" | "reported" | "blocked" => Some(true),
        "cleared" | "licence_applied_for" => Some(false),
        _ => None,
    }
}

/// The example a dispositioned `assess` alert gives: its details (as the store keeps them, with
/// `explanation.parts` or at least `flags`) and the reviewer's latest decision.
pub fn example_from_alert(details: &serde_json::Value, decision: &str) -> Option<Example> {
    let diverted = decision_label(decision)?;
    let parts = details
        .get("explanation")
        .and_then(|e| e.get("parts"))
        .and_then(|p| p.as_array());
    let features: Vec<(String, f64)> = match parts {
        Some(parts) => parts
            .iter()
            .filter_map(|p| {
                let id = p.get("id")?.as_str()?.to_string();
                let f = |k: &str| p.get(k).and_then(|v| v.as_f64());
                Some((id, feature(f("network_share"), f("history_weight"))))
            })
            .collect(),
        None => {
            let mut ids: Vec<String> = details
                .get("flags")?
                .as_array()?
                .iter()
                .filter_map(|f| Some(f.get("id")?.as_str()?.to_string()))
                .collect();
            ids.sort();
            ids.dedup();
            ids.into_iter().map(|id| (id, 1.0)).collect()
        }
    };
    Some(Example { features, diverted })
}

/// The examples of dispositioned `assess` alerts: `(alert id, kind, details)` and each
/// disposition's `(alert id, decision)` in the order they were made (the latest counts).
pub fn examples_from_alerts<'a>(
    alerts: impl IntoIterator<Item = (i64, &'a str, &'a serde_json::Value)>,
    dispositions: impl IntoIterator<Item = (i64, &'a str)>,
) -> Vec<Example> {
    let latest: BTreeMap<i64, &str> = dispositions.into_iter().collect();
    alerts
        .into_iter()
        .filter(|(_, kind, _)| *kind == "assess")
        .filter_map(|(id, _, details)| latest.get(&id).and_then(|d| example_from_alert(details, d)))
        .collect()
}

#[cfg(test)]
mod alert_tests {
    use super::*;

    #[test]
    fn an_alert_gives_its_evidence_and_its_decision() {
        let d = serde_json::json!({"explanation": {"parts": [
            {"id": "K8", "network_share": null}, {"id": "N3", "network_share": 0.5}
        ]}});
        let e = example_from_alert(&d, "escalated").unwrap();
        assert!(e.diverted);
        assert_eq!(e.features[0], ("K8".to_string(), 1.0));
        assert_eq!(e.features[1].0, "N3");
        assert!((e.features[1].1 - 0.5).abs() < 1e-12);
        let old = serde_json::json!({"flags": [{"id": "K7"}, {"id": "K7"}]});
        let e = example_from_alert(&old, "cleared").unwrap();
        assert!(!e.diverted && e.features.len() == 1);
        assert!(example_from_alert(&old, "pending").is_none());
    }
}
