//! Roundabout trade: a difference-in-differences test of whether controlled goods were
//! re-routed through intermediaries after a rule (Chupilkin, Javorcik & Plekhanov, "The
//! Eurasian Roundabout", EBRD working paper 2023 / CEPR DP 20097).
//!
//! For one rule date, exports are collapsed into a before and an after window for every cell
//! (origin `o`, destination `d`, product `p`): `Δ = ln(mean monthly value after) − ln(mean
//! monthly value before)`, so the cell fixed effect `FE(o,d,p)` of the paper differences out.
//! The regression
//!
//! ```text
//! Δ(o,d,p) = β_I · Controlled(p) · Intermediary(d) + β_G · Controlled(p) · Target(d)
//!          + θ_I · Intermediary(d) + θ_G · Target(d) + FE(p) + FE(o) + ε
//! ```
//!
//! absorbs the product-period and origin-period effects of the paper (`FE(p,t)`, `FE(o,t)`)
//! as product and origin effects on the change, by alternating projections; standard errors
//! are heteroskedasticity-robust (HC1). `β_I > 0` is excess growth of controlled goods to
//! intermediaries over comparable goods and other destinations; `β_G < 0` is the fall of
//! direct exports to the targets. The **substitution ratio** is the change in controlled
//! exports to intermediaries over the fall of those to the targets, in dollars a year.

use std::collections::HashMap;

use chipwatch_model::dataset::DESTINATIONS_OF_CONCERN;
use chipwatch_model::finding::{Figure, Finding, Severity};
use chipwatch_model::status::Status;
use chipwatch_model::units::usd_m;
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::rows::Rows;
use crate::{sql_list, stats};

/// A named set of HS6 codes.
#[derive(Debug, Clone, PartialEq)]
pub struct Codes {
    pub name: String,
    pub hs6: Vec<String>,
}

/// Parameters of the roundabout test.
#[derive(Debug, Clone)]
pub struct DidParams {
    /// Controlled goods (`None`: every code of the controlled baskets).
    pub treated: Option<Codes>,
    /// Comparable goods outside the controls (`None`: every code of the control baskets).
    pub control: Option<Codes>,
    /// Rule dates as `YYYY-MM` (`None`: every US rule of the enforcement record).
    pub rule_dates: Option<Vec<String>>,
    /// Months on each side of the rule.
    pub window_months: i32,
    /// Intermediary destinations (`None`: the countries enforcement actions name as routes).
    pub intermediaries: Option<Vec<String>>,
    /// Destinations the controls aim at.
    pub targets: Vec<String>,
}

impl Default for DidParams {
    fn default() -> Self {
        DidParams {
            treated: None,
            control: None,
            rule_dates: None,
            window_months: 36,
            intermediaries: None,
            targets: DESTINATIONS_OF_CONCERN
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

/// One collapsed cell.
#[derive(Debug, Clone)]
struct Cell {
    origin: String,
    dest: String,
    hs6: String,
    pre_monthly: f64,
    post_monthly: f64,
}

/// The estimate for one rule date.
#[derive(Debug, Clone)]
pub struct DidEstimate {
    pub rule_date: String,
    pub rule_summary: String,
    pub beta_intermediaries: f64,
    pub se_intermediaries: f64,
    pub beta_targets: f64,
    pub se_targets: f64,
    pub cells: usize,
    /// Cells per group: (controlled, intermediary), (controlled, target), (controlled, other),
    /// (control, intermediary), (control, target), (control, other).
    pub group_cells: [usize; 6],
    /// Change in controlled exports to intermediaries and to targets, USD a year.
    pub delta_intermediaries_usd: f64,
    pub delta_targets_usd: f64,
    pub r2_within: f64,
}

impl DidEstimate {
    pub fn t_intermediaries(&self) -> f64 {
        self.beta_intermediaries / self.se_intermediaries.max(1e-300)
    }
    /// Controlled exports gained by intermediaries per dollar lost by the targets.
    pub fn substitution_ratio(&self) -> Option<f64> {
        (self.delta_targets_usd < 0.0)
            .then(|| self.delta_intermediaries_usd / self.delta_targets_usd.abs())
    }
}

pub(crate) async fn basket_codes(ctx: &SessionContext, role: &str) -> Result<Codes, FlowsError> {
    let rows = Rows::query(
        ctx,
        &format!(
            "SELECT DISTINCT basket, hs6 FROM baskets WHERE role = '{role}' ORDER BY basket, hs6"
        ),
    )
    .await?;
    let mut names: Vec<String> = rows.iter().map(|r| r.text("basket")).collect();
    names.dedup();
    let mut hs6: Vec<String> = rows.iter().map(|r| r.text("hs6")).collect();
    hs6.sort();
    hs6.dedup();
    Ok(Codes {
        name: names.join("+"),
        hs6,
    })
}

/// The month index (`year × 12 + month − 1`) of a `YYYY-MM[-DD]` date.
pub fn month_index(date: &str) -> Option<i32> {
    let y: i32 = date.get(0..4)?.parse().ok()?;
    let m: i32 = date.get(5..7)?.parse().ok()?;
    (1..=12).contains(&m).then_some(y * 12 + m - 1)
}

/// The intermediaries given, or the countries enforcement actions name as routes.
pub(crate) async fn intermediaries_or_routes(
    ctx: &SessionContext,
    given: Option<&[String]>,
) -> Result<Vec<String>, FlowsError> {
    Ok(match given {
        Some(v) => v.to_vec(),
        None => Rows::query(
            ctx,
            "SELECT country FROM intermediaries WHERE role = 'route' ORDER BY country",
        )
        .await?
        .iter()
        .map(|r| r.text("country"))
        .collect(),
    })
}

/// The rule dates given (as the analyst's), or every rule of the enforcement record, as
/// (date, summary, source).
pub(crate) async fn rules_or_record(
    ctx: &SessionContext,
    given: Option<&[String]>,
) -> Result<Vec<(String, String, String)>, FlowsError> {
    Ok(match given {
        Some(d) => d
            .iter()
            .map(|d| (d.clone(), "given by the analyst".to_string(), String::new()))
            .collect(),
        None => Rows::query(
            ctx,
            "SELECT date, summary, source FROM rule_events ORDER BY month_index",
        )
        .await?
        .iter()
        .map(|r| (r.text("date"), r.text("summary"), r.text("source")))
        .collect(),
    })
}

/// Run the test for each rule date; a date without data on both sides, or without the
/// groups the regression needs, gives an informational finding saying what is missing.
pub async fn roundabout(ctx: &SessionContext, p: &DidParams) -> Result<Vec<Finding>, FlowsError> {
    let treated = match &p.treated {
        Some(c) => c.clone(),
        None => basket_codes(ctx, "controlled").await?,
    };
    let control = match &p.control {
        Some(c) => c.clone(),
        None => basket_codes(ctx, "control").await?,
    };
    let intermediaries = intermediaries_or_routes(ctx, p.intermediaries.as_deref()).await?;
    let rules = rules_or_record(ctx, p.rule_dates.as_deref()).await?;
    let mut out = Vec::new();
    let mut missing: Vec<(String, usize, String)> = Vec::new();
    for (date, summary, source) in rules {
        let Some(r) = month_index(&date) else {
            missing.push((date, 0, "not a YYYY-MM date".into()));
            continue;
        };
        let cells = collapse(ctx, &treated, &control, r, p.window_months).await?;
        match estimate(&cells, &treated, &intermediaries, &p.targets) {
            Ok(e) => out.push(finding(
                &date,
                &summary,
                &source,
                &treated,
                &control,
                &intermediaries,
                p,
                e,
            )),
            Err(NotEstimable::Missing(why)) => missing.push((date, cells.len(), why)),
        }
    }
    if !missing.is_empty() {
        out.push(not_estimable(
            &treated,
            &control,
            &intermediaries,
            p,
            &missing,
        ));
    }
    Ok(out)
}

/// One informational finding for every rule date the data cannot test, and why.
fn not_estimable(
    treated: &Codes,
    control: &Codes,
    intermediaries: &[String],
    p: &DidParams,
    missing: &[(String, usize, String)],
) -> Finding {
    let dates: Vec<&str> = missing.iter().map(|(d, ..)| d.as_str()).collect();
    let mut f = Finding::new(
        "roundabout_did",
        format!(
            "roundabout_did/not_estimable/{}/{}",
            treated.name, control.name
        ),
        format!("intermediaries ({})", intermediaries.join(", ")),
        Severity::Info,
    );
    f.title = format!(
        "Roundabout test not estimable for the rule{} of {}: {}",
        if dates.len() > 1 { "s" } else { "" },
        dates.join(", "),
        missing[0].2
    );
    f.explanation = format!(
        "The test compares {} ({}) with {} ({}) exports to intermediaries, targets and other destinations in the {} \
         months before and after each rule. {} Add trade files that cover the missing groups (for example UN Comtrade \
         or BACI exports of the control basket), or name the baskets with --did-treated and --did-control.",
        treated.name,
        treated.hs6.join(", "),
        control.name,
        control.hs6.join(", "),
        p.window_months,
        missing
            .iter()
            .map(|(d, n, why)| format!("{d}: {n} cells with exports on both sides; {why}."))
            .collect::<Vec<_>>()
            .join(" ")
    );
    f.parameter("treated_hs6", treated.hs6.join(","))
        .parameter("control_hs6", control.hs6.join(","))
        .parameter("window_months", p.window_months.to_string());
    f
}

async fn collapse(
    ctx: &SessionContext,
    treated: &Codes,
    control: &Codes,
    r: i32,
    w: i32,
) -> Result<Vec<Cell>, FlowsError> {
    let mut codes = treated.hs6.clone();
    codes.extend(control.hs6.iter().cloned());
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let pre = format!("start_month + months <= {r} AND start_month >= {}", r - w);
    let post = format!(
        "start_month >= {} AND start_month + months <= {}",
        r + 1,
        r + 1 + w
    );
    let q = format!(
        "WITH p AS (
           SELECT reporter AS origin, partner AS dest, hs6, start_month, months,
                  SUM(value_usd) AS v
           FROM trade_cells
           WHERE flow IN ('export', 're_export') AND reporter <> partner
             AND hs6 IN ({codes})
           GROUP BY 1, 2, 3, 4, 5
         )
         SELECT origin, dest, hs6,
                SUM(CASE WHEN {pre} THEN v END) AS pre_v, SUM(CASE WHEN {pre} THEN months END) AS pre_m,
                SUM(CASE WHEN {post} THEN v END) AS post_v, SUM(CASE WHEN {post} THEN months END) AS post_m
         FROM p GROUP BY origin, dest, hs6
         HAVING SUM(CASE WHEN {pre} THEN v END) > 0 AND SUM(CASE WHEN {post} THEN v END) > 0
         ORDER BY origin, dest, hs6",
        codes = sql_list(&codes),
    );
    let rows = Rows::query(ctx, &q).await?;
    Ok(rows
        .iter()
        .map(|row| Cell {
            origin: row.text("origin"),
            dest: row.text("dest"),
            hs6: row.text("hs6"),
            pre_monthly: row.num("pre_v") / row.num("pre_m"),
            post_monthly: row.num("post_v") / row.num("post_m"),
        })
        .collect())
}

/// Why an estimate could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum NotEstimable {
    Missing(String),
}

fn estimate(
    cells: &[Cell],
    treated: &Codes,
    intermediaries: &[String],
    targets: &[String],
) -> Result<DidEstimate, NotEstimable> {
    let mut groups = [0usize; 6];
    let mut y = Vec::with_capacity(cells.len());
    let mut x: Vec<Vec<f64>> = (0..4).map(|_| Vec::with_capacity(cells.len())).collect();
    let mut prod = Vec::new();
    let mut orig = Vec::new();
    let mut prod_ix: HashMap<&str, usize> = HashMap::new();
    let mut orig_ix: HashMap<&str, usize> = HashMap::new();
    let (mut d_inter, mut d_target) = (0.0, 0.0);
    for c in cells {
        let t = treated.hs6.contains(&c.hs6);
        let i = intermediaries.contains(&c.dest);
        let g = targets.contains(&c.dest);
        let group = usize::from(!t) * 3
            + if i {
                0
            } else if g {
                1
            } else {
                2
            };
        groups[group] += 1;
        y.push(c.post_monthly.ln() - c.pre_monthly.ln());
        let (tf, inf, gf) = (
            f64::from(u8::from(t)),
            f64::from(u8::from(i)),
            f64::from(u8::from(g)),
        );
        x[0].push(tf * inf);
        x[1].push(tf * gf);
        x[2].push(inf);
        x[3].push(gf);
        let n = prod_ix.len();
        prod.push(*prod_ix.entry(&c.hs6).or_insert(n));
        let n = orig_ix.len();
        orig.push(*orig_ix.entry(&c.origin).or_insert(n));
        if t && i {
            d_inter += 12.0 * (c.post_monthly - c.pre_monthly);
        }
        if t && g {
            d_target += 12.0 * (c.post_monthly - c.pre_monthly);
        }
    }
    let names = [
        "controlled goods to intermediaries",
        "controlled goods to targets",
        "controlled goods to other destinations",
        "control goods to intermediaries",
        "control goods to targets",
        "control goods to other destinations",
    ];
    let missing: Vec<&str> = groups
        .iter()
        .zip(names)
        .filter(|(n, _)| **n == 0)
        .map(|(_, name)| name)
        .collect();
    if !missing.is_empty() {
        return Err(NotEstimable::Missing(format!(
            "no exports of {} on both sides of the rule",
            missing.join(", ")
        )));
    }
    let fe = vec![prod, orig];
    stats::absorb(&mut y, &fe);
    for col in x.iter_mut() {
        stats::absorb(col, &fe);
    }
    let absorbed = prod_ix.len() + orig_ix.len() - 1;
    let fit = stats::ols(&y, &x, absorbed).ok_or_else(|| {
        NotEstimable::Missing(
            "too few cells, or groups that coincide with a product or an origin".into(),
        )
    })?;
    Ok(DidEstimate {
        rule_date: String::new(),
        rule_summary: String::new(),
        beta_intermediaries: fit.beta[0],
        se_intermediaries: fit.se[0],
        beta_targets: fit.beta[1],
        se_targets: fit.se[1],
        cells: cells.len(),
        group_cells: groups,
        delta_intermediaries_usd: d_inter,
        delta_targets_usd: d_target,
        r2_within: fit.r2_within,
    })
}

#[allow(clippy::too_many_arguments)]
fn finding(
    date: &str,
    summary: &str,
    source: &str,
    treated: &Codes,
    control: &Codes,
    intermediaries: &[String],
    p: &DidParams,
    e: DidEstimate,
) -> Finding {
    let id = format!("roundabout_did/{date}/{}/{}", treated.name, control.name);
    let subject = format!("intermediaries ({})", intermediaries.join(", "));
    let cells = e.cells;
    let mut f = {
        let t = e.t_intermediaries();
        let severity = if e.beta_intermediaries <= 0.0 || t < 1.645 {
            Severity::Info
        } else if t >= 2.576 {
            Severity::High
        } else if t >= 1.96 {
            Severity::Medium
        } else {
            Severity::Low
        };
        let mut f = Finding::new("roundabout_did", id, subject, severity);
        let excess = (e.beta_intermediaries.exp() - 1.0) * 100.0;
        f.score = t;
        f.title = format!(
            "After the rule of {date}, {} exports to intermediaries grew {}{excess:.0}% more than {} and other destinations (β = {:.3}, SE {:.3}, t {t:.1})",
            treated.name,
            if excess >= 0.0 { "+" } else { "" },
            control.name,
            e.beta_intermediaries,
            e.se_intermediaries
        );
        if t.abs() < 1.96 {
            f.title.push_str(": not significant at 5%");
        }
        let sub = e.substitution_ratio().map_or_else(
                || "Direct controlled exports to the targets did not fall, so there is no substitution ratio.".to_string(),
                |s| format!(
                    "Controlled exports to intermediaries changed by {} a year while those to the targets fell by {}: a substitution ratio of {s:.2}.",
                    usd_m(e.delta_intermediaries_usd / 1e6),
                    usd_m(e.delta_targets_usd.abs() / 1e6)
                ),
            );
        f.explanation = format!(
            "Each origin-destination-product cell was collapsed to its mean monthly exports in the {w} months before \
                 and after {date} ({summary}); the log change was regressed on controlled × intermediary and controlled × \
                 target with product and origin effects absorbed (Chupilkin, Javorcik & Plekhanov's roundabout design, \
                 collapsed to two periods). {cells} cells: {} controlled and {} control to intermediaries, {} and {} to \
                 targets, {} and {} elsewhere. β for intermediaries {:.3} (robust SE {:.3}); β for targets {:.3} (SE {:.3}). \
                 {sub} A positive, significant β means controlled goods grew faster to the intermediaries than comparable \
                 goods did, beyond what each product and origin did everywhere: the pattern re-routing leaves.",
            e.group_cells[0],
            e.group_cells[3],
            e.group_cells[1],
            e.group_cells[4],
            e.group_cells[2],
            e.group_cells[5],
            e.beta_intermediaries,
            e.se_intermediaries,
            e.beta_targets,
            e.se_targets,
            w = p.window_months,
        );
        f.figure(Figure::new(
            "beta_intermediaries",
            e.beta_intermediaries,
            "log points",
            format!("{:.3}", e.beta_intermediaries),
        ))
        .figure(Figure::new(
            "se_intermediaries",
            e.se_intermediaries,
            "log points",
            format!("{:.3}", e.se_intermediaries),
        ))
        .figure(Figure::new("t_intermediaries", t, "", format!("{t:.2}")))
        .figure(Figure::new(
            "excess_growth_pct",
            excess,
            "%",
            format!("{excess:+.0}%"),
        ))
        .figure(Figure::new(
            "beta_targets",
            e.beta_targets,
            "log points",
            format!("{:.3}", e.beta_targets),
        ))
        .figure(Figure::new(
            "se_targets",
            e.se_targets,
            "log points",
            format!("{:.3}", e.se_targets),
        ))
        .figure(Figure::new(
            "cells",
            e.cells as f64,
            "",
            e.cells.to_string(),
        ))
        .figure(Figure::new(
            "delta_intermediaries_usd",
            e.delta_intermediaries_usd,
            "USD/yr",
            usd_m(e.delta_intermediaries_usd / 1e6),
        ))
        .figure(Figure::new(
            "delta_targets_usd",
            e.delta_targets_usd,
            "USD/yr",
            usd_m(e.delta_targets_usd / 1e6),
        ));
        if let Some(s) = e.substitution_ratio() {
            f.figure(Figure::new("substitution_ratio", s, "", format!("{s:.2}")));
        }
        f
    };
    f.subject_code = None;
    f.evidence(
        format!("rule of {date}: {summary}"),
        if source.is_empty() { "analyst" } else { source },
        Status::VerifiedPrimary,
    );
    f.evidence(
        "method: Chupilkin, Javorcik & Plekhanov, The Eurasian Roundabout (EBRD WP 2023; CEPR DP 20097, 2025)",
        "econpapers.repec.org/RePEc:cpr:ceprdp:20097",
        Status::VerifiedPrimary,
    );
    f.caveats.push(
        "HS codes cannot see a chip's performance: the controlled basket holds uncontrolled goods too".into(),
    );
    f.parameter("treated_hs6", treated.hs6.join(","))
        .parameter("control_hs6", control.hs6.join(","))
        .parameter("intermediaries", intermediaries.join(","))
        .parameter("targets", p.targets.join(","))
        .parameter("window_months", p.window_months.to_string())
        .parameter("rule_date", date);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(o: &str, d: &str, p: &str, pre: f64, post: f64) -> Cell {
        Cell {
            origin: o.into(),
            dest: d.into(),
            hs6: p.into(),
            pre_monthly: pre,
            post_monthly: post,
        }
    }

    #[test]
    fn a_planted_roundabout_is_recovered_exactly() {
        // Log change = product effect + origin effect + 0.4 for controlled goods to
        // intermediaries − 0.7 for controlled goods to targets + 0.1 for intermediaries.
        let treated = Codes {
            name: "t".into(),
            hs6: vec!["854231".into(), "847150".into()],
        };
        let prods = [
            ("854231", 0.2),
            ("847150", -0.1),
            ("847130", 0.05),
            ("851713", 0.3),
        ];
        let origins = [("US", 0.0), ("TW", 0.15), ("KR", -0.2)];
        let dests = ["SG", "MY", "CN", "HK", "DE", "FR", "JP"];
        let mut cells = Vec::new();
        for (o, oe) in origins {
            for (p, pe) in prods {
                for d in dests {
                    let t = treated.hs6.iter().any(|h| h == p);
                    let i = d == "SG" || d == "MY";
                    let g = d == "CN" || d == "HK";
                    let dl: f64 = pe + oe + if t && i { 0.4 } else { 0.0 }
                        - if t && g { 0.7 } else { 0.0 }
                        + if i { 0.1 } else { 0.0 };
                    cells.push(cell(o, d, p, 100.0, 100.0 * dl.exp()));
                }
            }
        }
        let e = estimate(
            &cells,
            &treated,
            &["SG".into(), "MY".into()],
            &["CN".into(), "HK".into()],
        )
        .unwrap();
        assert!((e.beta_intermediaries - 0.4).abs() < 1e-9, "{e:?}");
        assert!((e.beta_targets + 0.7).abs() < 1e-9, "{e:?}");
        assert!(e.se_intermediaries < 1e-6);
        assert_eq!(e.group_cells, [12, 12, 18, 12, 12, 18]);
        // Substitution: intermediaries gained 12 × 100 × (e^(0.4+0.1+pe+oe) − 1) summed.
        let mut gain = 0.0;
        let mut loss = 0.0;
        for (_, oe) in origins {
            for pe in [0.2, -0.1] {
                gain += 2.0 * 1200.0 * ((pe + oe + 0.5f64).exp() - 1.0);
                loss += 2.0 * 1200.0 * ((pe + oe - 0.7f64).exp() - 1.0);
            }
        }
        assert!((e.delta_intermediaries_usd - gain).abs() < 1e-6);
        assert!((e.substitution_ratio().unwrap() - gain / loss.abs()).abs() < 1e-9);
    }

    #[test]
    fn noise_gives_a_standard_error_and_missing_groups_are_named() {
        let treated = Codes {
            name: "t".into(),
            hs6: vec!["854231".into()],
        };
        let mut cells = Vec::new();
        let mut k = 0.0f64;
        for o in ["US", "TW", "KR", "JP"] {
            for p in ["854231", "847130"] {
                for d in ["SG", "CN", "DE", "FR", "IT"] {
                    k += 1.0;
                    let noise = ((k * 12.9898).sin() * 43758.5453).fract() * 0.2 - 0.1;
                    let planted = if p == "854231" && d == "SG" { 0.5 } else { 0.0 };
                    cells.push(cell(o, d, p, 50.0, 50.0 * (planted + noise).exp()));
                }
            }
        }
        let e = estimate(&cells, &treated, &["SG".into()], &["CN".into()]).unwrap();
        assert!(e.se_intermediaries > 0.01, "{e:?}");
        assert!(
            (e.beta_intermediaries - 0.5).abs() < 3.0 * e.se_intermediaries,
            "{e:?}"
        );
        let only_treated: Vec<Cell> = cells.into_iter().filter(|c| c.hs6 == "854231").collect();
        let err = estimate(&only_treated, &treated, &["SG".into()], &["CN".into()]).unwrap_err();
        let NotEstimable::Missing(why) = err;
        assert!(why.contains("control goods to intermediaries"), "{why}");
    }

    #[test]
    fn month_indices() {
        assert_eq!(month_index("2022-10-07"), Some(2022 * 12 + 9));
        assert_eq!(month_index("2025-04"), Some(2025 * 12 + 3));
        assert_eq!(month_index("2025"), None);
    }
}
