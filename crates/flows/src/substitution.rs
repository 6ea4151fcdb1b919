//! Substitution across destinations: after a rule, did the same origins' exports of the same
//! products fall to the targets while rising to the intermediaries? This needs only the
//! origins' own exports (no statistics of the intermediary, no control goods, no other
//! destinations), which is what a panel such as EU exports to Russia and its neighbours holds.
//!
//! For each origin (reporter or group, see [`crate::panel`]), product (HS4 heading and basket)
//! and rule month `r`:
//! - **after** is the months `r+1 … r+12` the data covers, **before** the same calendar months
//!   a year earlier, so seasonality cancels (Jan–Nov 2022 against Jan–Nov 2021 for a rule of
//!   March 2022 and data to November);
//! - the fall to the targets and the rise to the intermediaries are `after ÷ before − 1`,
//!   summed over the group of destinations and per destination;
//! - each is tested by Welch's t of the year-on-year log changes of the monthly series after
//!   the rule against those before it (a series that always grew 40% a year is not a surge);
//! - the **substitution ratio** is the dollars gained by the intermediaries per dollar lost by
//!   the targets, and the **change point** dates the largest shift in the monthly level.
//!
//! Findings: one per origin and product where a side moved significantly (medium when both
//! did, high when both did at 1% on a controlled product), and for each intermediary whose own
//! rise is significant, one naming it. A group's finding names the members that drove it.

use std::collections::{BTreeMap, HashMap};

use chipwatch_model::finding::{Figure, Finding, Severity};
use chipwatch_model::status::Status;
use chipwatch_model::units::{growth_pct, usd_m};
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::panel::ActiveGroup;
use crate::rows::Rows;
use crate::{sql_list, stats};

/// Parameters of the substitution detector.
#[derive(Debug, Clone)]
pub struct SubstitutionParams {
    /// Destinations the controls aim at.
    pub targets: Vec<String>,
    /// Intermediaries (`None`: the countries enforcement actions name as routes).
    pub intermediaries: Option<Vec<String>>,
    /// Rule dates `YYYY-MM` (`None`: every rule of the enforcement record).
    pub rule_dates: Option<Vec<String>>,
    /// Months after the rule compared with the same months a year earlier (at most 12).
    pub months_after: i32,
    /// A fall to the targets smaller than this (percent) is not reported.
    pub min_fall_pct: f64,
    /// A rise to the intermediaries smaller than this (percent) is not reported.
    pub min_rise_pct: f64,
}

impl Default for SubstitutionParams {
    fn default() -> Self {
        SubstitutionParams {
            targets: chipwatch_model::dataset::DESTINATIONS_OF_CONCERN
                .iter()
                .map(|s| s.to_string())
                .collect(),
            intermediaries: None,
            rule_dates: None,
            months_after: 12,
            min_fall_pct: 30.0,
            min_rise_pct: 50.0,
        }
    }
}

/// A monthly series, month index → value.
type Series = BTreeMap<i32, f64>;

/// One side's change after the rule.
#[derive(Debug, Clone, Copy, Default)]
pub struct Change {
    pub before: f64,
    pub after: f64,
    /// Welch t of the year-on-year log changes after the rule against those before.
    pub t: Option<f64>,
    pub n_pre: usize,
    pub n_post: usize,
}

impl Change {
    /// `after ÷ before − 1`, in percent (`None` when nothing was exported before).
    pub fn pct(&self) -> Option<f64> {
        (self.before > 0.0).then(|| (self.after / self.before - 1.0) * 100.0)
    }
}

/// The change of `s` for after-months `after` (each compared with the month 12 earlier),
/// the test over the series from `first` to `last`, rule month `r`.
pub fn change(s: &Series, first: i32, last: i32, r: i32, after: &[i32]) -> Change {
    let get = |m: i32| s.get(&m).copied().unwrap_or(0.0);
    let before: f64 = after.iter().map(|m| get(m - 12)).sum();
    let after_sum: f64 = after.iter().map(|&m| get(m)).sum();
    let positive: Vec<f64> = (first..r).map(get).filter(|v| *v > 0.0).collect();
    let mut c = Change {
        before,
        after: after_sum,
        ..Change::default()
    };
    if positive.is_empty() {
        return c;
    }
    // A small constant keeps months without exports finite without letting them dominate.
    let k = 0.05 * positive.iter().sum::<f64>() / positive.len() as f64;
    let yoy = |m: i32| (get(m) + k).ln() - (get(m - 12) + k).ln();
    let pre: Vec<f64> = (first + 12..r).map(yoy).collect();
    let post: Vec<f64> = after
        .iter()
        .copied()
        .filter(|m| *m <= last)
        .map(yoy)
        .collect();
    c.n_pre = pre.len();
    c.n_post = post.len();
    c.t = welch(&pre, &post);
    c
}

/// Welch's t of `b` against `a` (each needs three values).
pub fn welch(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() < 3 || b.len() < 3 {
        return None;
    }
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let var =
        |s: &[f64], m: f64| s.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (s.len() - 1) as f64;
    let (ma, mb) = (mean(a), mean(b));
    let se = (var(a, ma) / a.len() as f64 + var(b, mb) / b.len() as f64).sqrt();
    if se > 0.0 {
        Some((mb - ma) / se)
    } else if mb != ma {
        Some(f64::INFINITY.copysign(mb - ma))
    } else {
        Some(0.0)
    }
}

fn month_label(m: i32) -> String {
    format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

fn span_label(after: &[i32]) -> String {
    match (after.first(), after.last()) {
        (Some(a), Some(b)) if a == b => month_label(*a),
        (Some(a), Some(b)) => format!("{}..{}", month_label(*a), month_label(*b)),
        _ => String::new(),
    }
}

/// What the panel holds beyond the origin's exports to targets and intermediaries.
struct PanelScope {
    other_destinations: usize,
    control_goods: bool,
}

/// Run the detector for each rule date.
pub async fn substitution(
    ctx: &SessionContext,
    p: &SubstitutionParams,
) -> Result<Vec<Finding>, FlowsError> {
    let groups = crate::panel::active_groups(ctx, &chipwatch_model::groups::bundled()).await?;
    let intermediaries =
        crate::did::intermediaries_or_routes(ctx, p.intermediaries.as_deref()).await?;
    let targets: Vec<String> = p
        .targets
        .iter()
        .filter(|t| !intermediaries.contains(t))
        .cloned()
        .collect();
    if targets.is_empty() || intermediaries.is_empty() {
        return Ok(Vec::new());
    }
    let rules = crate::did::rules_or_record(ctx, p.rule_dates.as_deref()).await?;
    let mut dests = targets.clone();
    dests.extend(intermediaries.iter().cloned());
    let dlist = sql_list(&dests);
    let map = crate::panel::ProductMap::of_panel(ctx).await?;
    let q = format!(
        "WITH {cells}
         SELECT c.reporter, c.member, c.partner, m.product, c.start_month, SUM(c.value_usd) AS v
         FROM cells c JOIN {map} ON m.hs6 = c.hs6
         WHERE c.months = 1 AND c.partner IN ({dlist}) AND m.level <> 'hs6'
         GROUP BY c.reporter, c.member, c.partner, m.product, c.start_month
         ORDER BY c.reporter, m.product, c.partner, c.start_month, c.member",
        cells = crate::panel::cells_cte(&groups, "'export', 're_export'"),
        map = map.sql(),
    );
    let rows = Rows::query(ctx, &q).await?;
    let span = Rows::query(
        ctx,
        &format!(
            "WITH {cells} SELECT reporter, MIN(start_month) AS first, MAX(start_month) AS last
             FROM cells WHERE months = 1 GROUP BY reporter",
            cells = crate::panel::cells_cte(&groups, "'export', 're_export'"),
        ),
    )
    .await?;
    let spans: HashMap<String, (i32, i32)> = span
        .iter()
        .map(|r| {
            (
                r.text("reporter"),
                (r.num("first") as i32, r.num("last") as i32),
            )
        })
        .collect();
    let control_codes = crate::did::basket_codes(ctx, "control").await?.hs6;
    let scope_rows = Rows::query(
        ctx,
        &format!(
            "SELECT COUNT(DISTINCT CASE WHEN partner NOT IN ({dlist}) THEN partner END) AS others,
                    COUNT(CASE WHEN hs6 IN ({}) THEN 1 END) AS control
             FROM trade_cells WHERE flow IN ('export', 're_export')",
            if control_codes.is_empty() {
                "''".to_string()
            } else {
                sql_list(&control_codes)
            }
        ),
    )
    .await?;
    let scope = scope_rows
        .iter()
        .next()
        .map(|r| PanelScope {
            other_destinations: r.num("others") as usize,
            control_goods: r.num("control") > 0.0,
        })
        .unwrap_or(PanelScope {
            other_destinations: 0,
            control_goods: false,
        });
    // (origin, product) → partner → member → series.
    type Cube = BTreeMap<(String, String), BTreeMap<String, BTreeMap<String, Series>>>;
    let mut cube: Cube = BTreeMap::new();
    for r in rows.iter() {
        *cube
            .entry((r.text("reporter"), r.text("product")))
            .or_default()
            .entry(r.text("partner"))
            .or_default()
            .entry(r.text("member"))
            .or_default()
            .entry(r.num("start_month") as i32)
            .or_insert(0.0) += r.num("v");
    }
    let controlled: Vec<String> = chipwatch_model::basket::bundled()
        .iter()
        .filter(|b| b.role == chipwatch_model::basket::Role::Controlled)
        .flat_map(|b| {
            let mut v = vec![b.id.clone()];
            v.extend(b.codes.iter().map(|c| c.hs6[..4].to_string()));
            v
        })
        .collect();
    let in_group = |origin: &str| {
        groups
            .iter()
            .any(|g| g.reporting.iter().any(|m| m == origin))
    };
    let mut out = Vec::new();
    for (date, summary, source) in &rules {
        let Some(r) = crate::did::month_index(date) else {
            continue;
        };
        for ((origin, product), by_partner) in &cube {
            let Some(&(first, last)) = spans.get(origin) else {
                continue;
            };
            let after: Vec<i32> = (r + 1..=(r + p.months_after.clamp(1, 12)).min(last)).collect();
            if after.is_empty() || after[0] - 12 < first {
                continue;
            }
            let sum = |codes: &[String]| -> Series {
                let mut s = Series::new();
                for c in codes {
                    for series in by_partner.get(c).into_iter().flat_map(|m| m.values()) {
                        for (m, v) in series {
                            *s.entry(*m).or_insert(0.0) += v;
                        }
                    }
                }
                s
            };
            let ts = sum(&targets);
            let is = sum(&intermediaries);
            let tc = change(&ts, first, last, r, &after);
            let ic = change(&is, first, last, r, &after);
            let fall_pct = tc.pct();
            let rise_pct = ic.pct();
            let fell =
                fall_pct.is_some_and(|f| f <= -p.min_fall_pct) && tc.t.is_some_and(|t| t <= -1.96);
            let rose =
                rise_pct.is_some_and(|g| g >= p.min_rise_pct) && ic.t.is_some_and(|t| t >= 1.96);
            if !fell && !rose {
                continue;
            }
            let is_controlled = controlled.contains(product);
            let strong = tc.t.is_some_and(|t| t <= -2.576) && ic.t.is_some_and(|t| t >= 2.576);
            let severity = match (fell && rose, strong, is_controlled) {
                (true, true, true) => Severity::High,
                (true, _, _) => Severity::Medium,
                _ => Severity::Low,
            };
            let group = groups.iter().find(|g| &g.id == origin);
            // A member of a group on the panel is reported on its own only when both sides moved.
            if group.is_none() && in_group(origin) && severity < Severity::Medium {
                continue;
            }
            let ctx = Ctx {
                origin,
                product,
                date,
                summary,
                source,
                after: &after,
                targets: &targets,
                intermediaries: &intermediaries,
                groups: &groups,
                scope: &scope,
            };
            let mut f = origin_finding(&ctx, &tc, &ic, severity, is_controlled);
            for (who, s) in [("targets", &ts), ("intermediaries", &is)] {
                if let Some((at, t)) = change_point(s, first, last) {
                    f.explanation.push_str(&format!(
                        " The monthly level of exports to the {who} shifted most in {} (Welch t {t:.1}).",
                        month_label(at)
                    ));
                    f.figure(Figure::new(
                        format!("{who}_change_point"),
                        f64::from(at),
                        "month index",
                        month_label(at),
                    ));
                }
            }
            // Which members drove a group's rise.
            if let Some(g) = group {
                let mut drivers: Vec<(String, f64)> = g
                    .reporting
                    .iter()
                    .map(|m| {
                        let mut s = Series::new();
                        for d in &intermediaries {
                            if let Some(series) = by_partner.get(d).and_then(|x| x.get(m)) {
                                for (k, v) in series {
                                    *s.entry(*k).or_insert(0.0) += v;
                                }
                            }
                        }
                        let get = |k: i32| s.get(&k).copied().unwrap_or(0.0);
                        (
                            m.clone(),
                            after.iter().map(|&k| get(k) - get(k - 12)).sum::<f64>(),
                        )
                    })
                    .filter(|(_, d)| *d > 0.0)
                    .collect();
                drivers.sort_by(|a, b| b.1.total_cmp(&a.1));
                let total: f64 = drivers.iter().map(|d| d.1).sum();
                if total > 0.0 {
                    let names = chipwatch_model::country::CountryRegistry::bundled();
                    f.explanation.push_str(&format!(
                        " Members that drove the rise to the intermediaries: {}.",
                        drivers
                            .iter()
                            .take(5)
                            .map(|(m, d)| format!("{} {:.0}%", names.name_of(m), 100.0 * d / total))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    for (m, d) in drivers.iter().take(5) {
                        f.figure(Figure::new(
                            format!("member_share_of_rise_{m}"),
                            d / total,
                            "",
                            format!("{:.0}%", 100.0 * d / total),
                        ));
                    }
                }
            }
            let parent = f.severity;
            out.push(f);
            if parent < Severity::Medium || (group.is_none() && in_group(origin)) {
                continue;
            }
            for d in &intermediaries {
                let ds = sum(std::slice::from_ref(d));
                let dc = change(&ds, first, last, r, &after);
                let ok = dc.pct().is_some_and(|g| g >= p.min_rise_pct)
                    && dc.t.is_some_and(|t| t >= 1.96);
                if !ok {
                    continue;
                }
                let sev = if parent == Severity::High && dc.t.is_some_and(|t| t >= 2.576) {
                    Severity::High
                } else {
                    Severity::Medium
                };
                out.push(destination_finding(&ctx, d, &dc, &tc, &ic, sev));
            }
        }
    }
    Ok(out)
}

struct Ctx<'a> {
    origin: &'a str,
    product: &'a str,
    date: &'a str,
    summary: &'a str,
    source: &'a str,
    after: &'a [i32],
    targets: &'a [String],
    intermediaries: &'a [String],
    groups: &'a [ActiveGroup],
    scope: &'a PanelScope,
}

fn names(codes: &[String]) -> String {
    let reg = chipwatch_model::country::CountryRegistry::bundled();
    let v: Vec<String> = codes.iter().map(|c| reg.name_of(c)).collect();
    match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        n => format!("{} and {}", v[..n - 1].join(", "), v[n - 1]),
    }
}

fn ratio_text(c: &Change) -> String {
    match c.pct() {
        Some(p) if p >= 100.0 => format!("×{:.1}", c.after / c.before),
        Some(p) => growth_pct(p),
        None => "from nothing".into(),
    }
}

fn t_text(c: &Change) -> String {
    c.t.map_or_else(
        || "too few months to test".to_string(),
        |t| {
            format!(
                "Welch t {t:.1} over {} months before and {} after",
                c.n_pre, c.n_post
            )
        },
    )
}

/// Dollars gained by the intermediaries per dollar lost by the targets.
pub fn substitution_ratio(targets: &Change, intermediaries: &Change) -> Option<f64> {
    let lost = targets.before - targets.after;
    (lost > 0.0).then(|| (intermediaries.after - intermediaries.before) / lost)
}

fn common(f: &mut Finding, c: &Ctx<'_>, tc: &Change, ic: &Change) {
    let origin = crate::panel::origin_name(c.groups, c.origin);
    f.figure(Figure::new(
        "targets_before_usd",
        tc.before,
        "USD",
        usd_m(tc.before / 1e6),
    ))
    .figure(Figure::new(
        "targets_after_usd",
        tc.after,
        "USD",
        usd_m(tc.after / 1e6),
    ))
    .figure(Figure::new(
        "intermediaries_before_usd",
        ic.before,
        "USD",
        usd_m(ic.before / 1e6),
    ))
    .figure(Figure::new(
        "intermediaries_after_usd",
        ic.after,
        "USD",
        usd_m(ic.after / 1e6),
    ));
    if let Some(p) = tc.pct() {
        f.figure(Figure::new("targets_change_pct", p, "%", growth_pct(p)));
    }
    if let Some(p) = ic.pct() {
        f.figure(Figure::new(
            "intermediaries_change_pct",
            p,
            "%",
            growth_pct(p),
        ));
    }
    if let Some(t) = tc.t {
        f.figure(Figure::new("targets_welch_t", t, "", format!("{t:.2}")));
    }
    if let Some(t) = ic.t {
        f.figure(Figure::new(
            "intermediaries_welch_t",
            t,
            "",
            format!("{t:.2}"),
        ));
    }
    if let Some(s) = substitution_ratio(tc, ic) {
        f.figure(Figure::new("substitution_ratio", s, "", format!("{s:.2}")));
    }
    f.evidence(
        format!(
            "{origin} monthly exports of {} to {} and {}",
            crate::trade::hs_label(c.product),
            names(c.targets),
            names(c.intermediaries)
        ),
        "trade input (see the dataset's trade file and its source column)",
        Status::VerifiedPrimary,
    );
    f.evidence(
        format!("rule of {}: {}", c.date, c.summary),
        if c.source.is_empty() {
            "analyst"
        } else {
            c.source
        },
        Status::VerifiedPrimary,
    );
    f.evidence(
        "pattern: Chupilkin, Javorcik & Plekhanov, The Eurasian Roundabout (EBRD WP 2023; CEPR DP 20097)",
        "econpapers.repec.org/RePEc:cpr:ceprdp:20097",
        Status::VerifiedPrimary,
    );
    if let Some(g) = c.groups.iter().find(|g| g.id == c.origin) {
        f.evidence(
            format!("{} members summed ({} reporting)", g.id, g.reporting.len()),
            g.source.clone(),
            Status::VerifiedPrimary,
        );
    }
    let mut lacks = Vec::new();
    if c.scope.other_destinations == 0 {
        lacks.push("exports to other destinations (to tell re-routing from a general rise)");
    }
    if !c.scope.control_goods {
        lacks.push("comparable goods outside the controls (the control basket)");
    }
    if !lacks.is_empty() {
        f.caveats.push(format!(
            "The panel has no {}: the difference-in-differences cannot be estimated, so this is a before/after \
             comparison of the same months a year apart.",
            lacks.join(" and no ")
        ));
    }
    f.caveats.push(
        "HS codes cannot see a chip's performance: a heading holds uncontrolled goods too".into(),
    );
    f.parameter("rule_date", c.date)
        .parameter("targets", c.targets.join(","))
        .parameter("intermediaries", c.intermediaries.join(","))
        .parameter("after_months", span_label(c.after));
}

fn change_point(s: &Series, first: i32, last: i32) -> Option<(i32, f64)> {
    let vals: Vec<f64> = (first..=last)
        .map(|m| s.get(&m).copied().unwrap_or(0.0))
        .collect();
    let pos: Vec<f64> = vals.iter().copied().filter(|v| *v > 0.0).collect();
    if pos.is_empty() {
        return None;
    }
    let k = 0.05 * pos.iter().sum::<f64>() / pos.len() as f64;
    let logs: Vec<f64> = vals.iter().map(|v| (v + k).ln()).collect();
    let cp = stats::change_point(&logs, 3)?;
    Some((first + cp.at as i32, cp.t))
}

fn origin_finding(
    c: &Ctx<'_>,
    tc: &Change,
    ic: &Change,
    severity: Severity,
    controlled: bool,
) -> Finding {
    let origin = crate::panel::origin_name(c.groups, c.origin);
    let product = crate::trade::hs_label(c.product);
    let mut f = Finding::new(
        "substitution",
        format!("substitution/{}/{}/{}", c.origin, c.product, c.date),
        format!("{} → {}", names(c.targets), names(c.intermediaries)),
        severity,
    );
    f.score = ic.t.unwrap_or(0.0) - tc.t.unwrap_or(0.0);
    let after = span_label(c.after);
    f.title = format!(
        "After {}, {origin} exports of {product} to {} {} ({} vs a year earlier) while those to {} {}{}",
        c.date,
        names(c.targets),
        match tc.pct() {
            Some(p) if p < 0.0 => format!("fell {:.0}%", -p),
            Some(p) => format!("changed {}", growth_pct(p)),
            None => "started".into(),
        },
        after,
        names(c.intermediaries),
        match ic.pct() {
            Some(p) if p >= 0.0 => format!("rose {}", ratio_text(ic)),
            Some(p) => format!("changed {}", growth_pct(p)),
            None => "started".into(),
        },
        substitution_ratio(tc, ic)
            .map(|s| format!(": substitution ratio {s:.2}"))
            .unwrap_or_default()
    );
    f.explanation = format!(
        "{origin} exported {} of {product} to {} in {} against {} in the same months a year earlier ({}; {}), and {} \
         to {} against {} ({}; {}). {} {}",
        usd_m(tc.after / 1e6),
        names(c.targets),
        after,
        usd_m(tc.before / 1e6),
        tc.pct().map(growth_pct).unwrap_or_else(|| "no base".into()),
        t_text(tc),
        usd_m(ic.after / 1e6),
        names(c.intermediaries),
        usd_m(ic.before / 1e6),
        ic.pct().map(growth_pct).unwrap_or_else(|| "no base".into()),
        t_text(ic),
        substitution_ratio(tc, ic).map_or_else(
            || "The targets did not lose exports, so there is no substitution ratio.".to_string(),
            |s| format!(
                "The intermediaries gained ${s:.2} for each dollar the targets lost (the substitution ratio)."
            )
        ),
        if controlled {
            "The product holds goods under the AI-chip controls or the Common High Priority List."
        } else {
            "The product is outside the controlled baskets: the pattern is reported, capped at medium."
        }
    );
    common(&mut f, c, tc, ic);
    f
}

fn destination_finding(
    c: &Ctx<'_>,
    dest: &str,
    dc: &Change,
    tc: &Change,
    ic: &Change,
    severity: Severity,
) -> Finding {
    let reg = chipwatch_model::country::CountryRegistry::bundled();
    let origin = crate::panel::origin_name(c.groups, c.origin);
    let product = crate::trade::hs_label(c.product);
    let mut f = Finding::new(
        "substitution",
        format!(
            "substitution/{}/{}/{}/{}",
            c.origin, dest, c.product, c.date
        ),
        reg.name_of(dest),
        severity,
    );
    f.subject_code = Some(dest.to_string());
    f.score = dc.t.unwrap_or(0.0);
    f.title = format!(
        "After {}, {origin} exports of {product} to {} rose {} ({} vs a year earlier: {} vs {}) while those to {} {}",
        c.date,
        reg.name_of(dest),
        ratio_text(dc),
        span_label(c.after),
        usd_m(dc.after / 1e6),
        usd_m(dc.before / 1e6),
        names(c.targets),
        tc.pct()
            .map(|p| if p < 0.0 {
                format!("fell {:.0}%", -p)
            } else {
                format!("changed {}", growth_pct(p))
            })
            .unwrap_or_else(|| "had no base".into())
    );
    f.explanation = format!(
        "{} is one of the intermediaries named for this test. Its rise: {}. All intermediaries together went from {} \
         to {}; the targets from {} to {}.",
        reg.name_of(dest),
        t_text(dc),
        usd_m(ic.before / 1e6),
        usd_m(ic.after / 1e6),
        usd_m(tc.before / 1e6),
        usd_m(tc.after / 1e6),
    );
    f.figure(Figure::new(
        "before_usd",
        dc.before,
        "USD",
        usd_m(dc.before / 1e6),
    ))
    .figure(Figure::new(
        "after_usd",
        dc.after,
        "USD",
        usd_m(dc.after / 1e6),
    ));
    if let Some(p) = dc.pct() {
        f.figure(Figure::new("change_pct", p, "%", growth_pct(p)));
    }
    if let Some(t) = dc.t {
        f.figure(Figure::new("welch_t", t, "", format!("{t:.2}")));
    }
    common(&mut f, c, tc, ic);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(first: i32, n: i32, f: impl Fn(i32) -> f64) -> Series {
        (first..first + n).map(|m| (m, f(m))).collect()
    }

    #[test]
    fn a_level_shift_after_the_rule_is_measured_on_the_same_months() {
        let first = 2020 * 12;
        let r = 2022 * 12 + 2; // March 2022
        let last = 2022 * 12 + 10; // November
        let season = |m: i32| if m % 12 == 11 { 1.5 } else { 1.0 };
        let wobble = |m: i32| 1.0 + 0.05 * ((m * 7) % 5) as f64 / 5.0;
        let rise = series(first, last - first + 1, |m| {
            100.0 * season(m) * wobble(m) * if m > r { 5.0 } else { 1.0 }
        });
        let after: Vec<i32> = (r + 1..=last).collect();
        let c = change(&rise, first, last, r, &after);
        assert!((c.pct().unwrap() - 400.0).abs() < 5.0, "{c:?}");
        assert!(c.t.unwrap() > 5.0, "{c:?}");
        assert_eq!(c.n_post, after.len());
        // A series that only has seasonality has no change.
        let flat = series(first, last - first + 1, |m| 100.0 * season(m) * wobble(m));
        let c = change(&flat, first, last, r, &after);
        assert!(
            c.pct().unwrap().abs() < 5.0 && c.t.unwrap().abs() < 3.0,
            "{c:?}"
        );
        let fall = series(first, last - first + 1, |m| {
            100.0 * wobble(m) * if m > r { 0.2 } else { 1.0 }
        });
        let tc = change(&fall, first, last, r, &after);
        assert!(tc.t.unwrap() < -5.0);
        let ic = change(&rise, first, last, r, &after);
        let s = substitution_ratio(&tc, &ic).unwrap();
        assert!(s > 1.0, "{s}");
    }

    #[test]
    fn welch_needs_three_values_a_side() {
        assert!(welch(&[1.0, 2.0], &[3.0, 4.0, 5.0]).is_none());
        assert!(welch(&[1.0, 1.1, 0.9], &[3.0, 3.1, 2.9]).unwrap() > 10.0);
    }
}
