//! Trade surges: exports of a product to a destination in its latest year against the
//! year before and against the same reporter's other destinations.
//!
//! A destination is flagged when it grew at least `min_growth_pct` and either stands out
//! from its peers (robust z ≥ `min_z`: low severity on its own) or is a place the
//! enforcement record names: a destination of concern, a route named by charges or
//! investigations, or a country named in the rules (medium; high when it also stands out).
//!
//! Partial years are annualised (`value × 12 ÷ months covered`) and labelled as such;
//! growth is compared across destinations with a robust z-score (median and median
//! absolute deviation), so one giant destination cannot hide or fake a surge. Products
//! are compared at HS6 (`854231` processors and controllers), whatever detail the input has.

use chipwatch_model::dataset::DESTINATIONS_OF_CONCERN;
use chipwatch_model::finding::{Chart, ChartKind, Figure, Finding, Series, Severity};
use chipwatch_model::status::Status;
use chipwatch_model::units::{growth_pct, usd_m};
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::rows::Rows;

/// Parameters of the trade-surge detector.
#[derive(Debug, Clone)]
pub struct SurgeParams {
    /// Minimum growth over the previous year, in percent.
    pub min_growth_pct: f64,
    /// Minimum robust z-score against the reporter's other destinations.
    pub min_z: f64,
    /// A destination is a peer (its growth sets the median and spread the others are judged
    /// against) when it took at least this share of the reporter's exports of the product the
    /// year before: relative to the panel, not a dollar figure fitted to one reporter.
    pub min_base_share: f64,
    /// An absolute floor on a peer's previous-year value (USD); 0 by default.
    pub min_base_usd: f64,
    /// A destination below the peer share is still tested on monthly data when it had exports
    /// in at least this many months of the year before and its monthly values rose beyond
    /// their own noise (Welch t ≥ 1.96); otherwise it is listed as not testable.
    pub min_months: u32,
    /// Countries the analyst names (code, reason, such as "named with --intermediaries"):
    /// they count as named for severity, with the reason shown.
    pub named: Vec<(String, String)>,
    /// Report every year, not only each reporter and product's latest.
    pub all_years: bool,
}

impl Default for SurgeParams {
    fn default() -> Self {
        SurgeParams {
            min_growth_pct: 50.0,
            min_z: 1.5,
            min_base_share: 0.001,
            min_base_usd: 0.0,
            min_months: 6,
            named: Vec::new(),
            all_years: false,
        }
    }
}

fn concern_list() -> String {
    crate::sql_list(
        &DESTINATIONS_OF_CONCERN
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>(),
    )
}

/// HS4 headings summed as products of their own (when a reporter exports more than one HS6
/// of the heading): the headings of the bundled baskets, as published patterns are stated
/// (EU computers, HS 8471; integrated circuits, HS 8542).
fn headings() -> String {
    let mut h: Vec<String> = chipwatch_model::basket::bundled()
        .iter()
        .flat_map(|b| b.codes.iter().map(|c| c.hs6[..4].to_string()))
        .collect();
    h.sort();
    h.dedup();
    crate::sql_list(&h)
}

/// Yearly exports per origin (reporter or group), destination and product (each HS6, each
/// HS4 heading of the baskets and each basket, through the panel's [`ProductMap`]; headings and
/// baskets of which the origin exports only one code are dropped afterwards), with the months
/// with exports and the sum of squared monthly values (for the monthly test). The cells are read
/// once: each is joined to the products it counts towards.
///
/// [`ProductMap`]: crate::panel::ProductMap
pub fn yearly(groups: &[crate::panel::ActiveGroup], map: &crate::panel::ProductMap) -> String {
    format!(
        "{cells},
         base AS (
           SELECT c.reporter, c.member, c.partner, m.product AS hs6, c.year, c.start_month, c.months,
                  c.value_usd, c.preliminary
           FROM cells c JOIN {map} ON m.hs6 = c.hs6
           WHERE m.level <> 'hs4' OR m.product IN ({headings})
         ),
         monthly AS (
           SELECT reporter, partner, hs6, year, start_month, months, SUM(value_usd) AS v,
                  bool_or(COALESCE(preliminary, false)) AS preliminary
           FROM base GROUP BY reporter, partner, hs6, year, start_month, months
         ),
         yearly AS (
           SELECT reporter, partner, hs6, year, SUM(v) AS value_usd,
                  bool_or(preliminary) AS preliminary, COUNT(*) AS rows_in,
                  bool_and(months = 1) AS monthly,
                  COUNT(CASE WHEN v > 0 THEN 1 END) AS nz_periods,
                  SUM(v * v) AS sumsq
           FROM monthly GROUP BY reporter, partner, hs6, year
         )",
        cells = crate::panel::cells_cte(groups, "'export'"),
        map = map.sql(),
        headings = headings(),
    )
}

/// One (origin, destination, product, year) with its growth over the year before and its
/// standing among the origin's destinations of the product.
#[derive(Debug, Clone)]
struct Cand {
    reporter: String,
    partner: String,
    hs6: String,
    year: f64,
    value_usd: f64,
    months_covered: f64,
    preliminary: bool,
    annualised: f64,
    prev_value: f64,
    growth_pct: f64,
    prev_total: f64,
    is_peer: bool,
    peers: f64,
    median_growth: f64,
    robust_z: Option<f64>,
    role: String,
    first_event: String,
    first_source: String,
    prev_nz: f64,
    monthly_t: Option<f64>,
}

/// One row of the yearly table.
#[derive(Debug, Clone)]
struct Year {
    year: i32,
    value: f64,
    months: f64,
    preliminary: bool,
    monthly: bool,
    nz: f64,
    sumsq: f64,
}

type Key = (String, String, String);

/// The yearly table, fetched once (one row per origin, destination, product and year: small
/// whatever the size of the trade table), as series per key.
async fn yearly_series(
    ctx: &SessionContext,
    groups: &[crate::panel::ActiveGroup],
    map: &crate::panel::ProductMap,
) -> Result<std::collections::BTreeMap<Key, Vec<Year>>, FlowsError> {
    let coverage = crate::panel::coverage(ctx, groups, "'export'").await?;
    let q = format!(
        "WITH {yearly}
         SELECT reporter, partner, hs6, year, value_usd, preliminary, monthly, nz_periods, sumsq
         FROM yearly ORDER BY reporter, partner, hs6, year",
        yearly = yearly(groups, map),
    );
    let rows = Rows::query(ctx, &q).await?;
    // The HS6 codes each origin exports, so a heading or basket of a single code is not
    // reported twice under two names.
    let mut exported: std::collections::HashSet<(String, String)> = Default::default();
    for r in rows.iter() {
        if map.level(&r.text("hs6")) == Some("hs6") {
            exported.insert((r.text("reporter"), r.text("hs6")));
        }
    }
    let mut multi: std::collections::HashMap<(String, String), bool> = Default::default();
    let mut out: std::collections::BTreeMap<Key, Vec<Year>> = Default::default();
    for r in rows.iter() {
        let (reporter, product) = (r.text("reporter"), r.text("hs6"));
        if map.level(&product) != Some("hs6") {
            let keep = *multi
                .entry((reporter.clone(), product.clone()))
                .or_insert_with(|| {
                    map.codes_of(&product)
                        .iter()
                        .filter(|c| exported.contains(&(reporter.clone(), c.to_string())))
                        .count()
                        > 1
                });
            if !keep {
                continue;
            }
        }
        let year = r.num("year") as i32;
        out.entry((reporter.clone(), r.text("partner"), product))
            .or_default()
            .push(Year {
                year,
                value: r.num("value_usd"),
                months: coverage.get(&(reporter, year)).copied().unwrap_or(12.0),
                preliminary: r.bool("preliminary").unwrap_or(false),
                monthly: r.bool("monthly").unwrap_or(false),
                nz: r.num("nz_periods"),
                sumsq: r.num("sumsq"),
            });
    }
    Ok(out)
}

/// Welch's t of this year's monthly exports against the year before's (months without
/// exports count as zero), when both years are monthly.
fn monthly_t(cur: &Year, prev: &Year) -> Option<f64> {
    if !(cur.monthly && prev.monthly) {
        return None;
    }
    let nc = cur.months.min(12.0);
    let np = 12.0;
    if nc < 3.0 {
        return None;
    }
    let mc = cur.value / nc;
    let mp = prev.value / np;
    let vc = ((cur.sumsq - nc * mc * mc) / (nc - 1.0)).max(0.0);
    let vp = ((prev.sumsq - np * mp * mp) / (np - 1.0)).max(0.0);
    let se = (vc / nc + vp / np).sqrt();
    (se > 0.0).then(|| (mc - mp) / se)
}

/// Growth of every series over consecutive full years, the peers' median and spread per
/// origin, product and year, and the robust z of each: the candidates that grew at least
/// `min_growth_pct` (in the latest year unless `all_years`).
fn candidates(
    series: &std::collections::BTreeMap<Key, Vec<Year>>,
    roles: &std::collections::HashMap<String, (String, String, String)>,
    p: &SurgeParams,
) -> Vec<Cand> {
    use std::collections::HashMap;
    let mut totals: HashMap<(&str, &str, i32), f64> = HashMap::new();
    let mut latest: HashMap<(&str, &str), i32> = HashMap::new();
    for ((r, _, h), ys) in series {
        for y in ys {
            *totals.entry((r, h, y.year)).or_insert(0.0) += y.value;
            let l = latest.entry((r, h)).or_insert(y.year);
            *l = (*l).max(y.year);
        }
    }
    let mut all = Vec::new();
    for ((r, d, h), ys) in series {
        for w in ys.windows(2) {
            let (prev, cur) = (&w[0], &w[1]);
            if prev.year != cur.year - 1 || prev.months < 12.0 || prev.value <= 0.0 {
                continue;
            }
            let annualised = cur.value * 12.0 / cur.months.clamp(1.0, 12.0);
            let growth = (annualised / prev.value - 1.0) * 100.0;
            let prev_total = totals
                .get(&(r.as_str(), h.as_str(), prev.year))
                .copied()
                .unwrap_or(0.0);
            let is_peer =
                prev.value >= p.min_base_share * prev_total && prev.value >= p.min_base_usd;
            let (role, first_event, first_source) = if DESTINATIONS_OF_CONCERN.contains(&d.as_str())
            {
                ("destination".to_string(), String::new(), String::new())
            } else {
                roles
                    .get(d)
                    .cloned()
                    .unwrap_or_else(|| ("other".to_string(), String::new(), String::new()))
            };
            all.push(Cand {
                reporter: r.clone(),
                partner: d.clone(),
                hs6: h.clone(),
                year: f64::from(cur.year),
                value_usd: cur.value,
                months_covered: cur.months,
                preliminary: cur.preliminary,
                annualised,
                prev_value: prev.value,
                growth_pct: growth,
                prev_total,
                is_peer,
                peers: 0.0,
                median_growth: f64::NAN,
                robust_z: None,
                role,
                first_event,
                first_source,
                prev_nz: prev.nz,
                monthly_t: monthly_t(cur, prev),
            });
        }
    }
    // Peers' median and MAD per origin, product and year.
    let mut peer_growth: HashMap<(String, String, i32), Vec<f64>> = HashMap::new();
    for c in all.iter().filter(|c| c.is_peer) {
        peer_growth
            .entry((c.reporter.clone(), c.hs6.clone(), c.year as i32))
            .or_default()
            .push(c.growth_pct);
    }
    let stats: HashMap<_, (f64, f64, usize)> = peer_growth
        .into_iter()
        .map(|(k, g)| {
            let med = crate::stats::median(&g).unwrap_or(f64::NAN);
            let dev: Vec<f64> = g.iter().map(|x| (x - med).abs()).collect();
            let mad = crate::stats::median(&dev).unwrap_or(0.0);
            (k, (med, mad, g.len()))
        })
        .collect();
    let mut out: Vec<Cand> = all
        .into_iter()
        .filter(|c| c.growth_pct >= p.min_growth_pct)
        .filter(|c| {
            p.all_years
                || latest.get(&(c.reporter.as_str(), c.hs6.as_str())).copied()
                    == Some(c.year as i32)
        })
        .map(|mut c| {
            if let Some(&(med, mad, n)) =
                stats.get(&(c.reporter.clone(), c.hs6.clone(), c.year as i32))
            {
                c.peers = n as f64;
                c.median_growth = med;
                c.robust_z = (mad > 0.0).then(|| (c.growth_pct - med) / (1.4826 * mad));
            }
            c
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.reporter, &a.hs6, a.year as i32)
            .cmp(&(&b.reporter, &b.hs6, b.year as i32))
            .then(b.growth_pct.total_cmp(&a.growth_pct))
    });
    out
}

/// Trade-surge findings for every (origin, product, year, destination) that grew at least
/// `min_growth_pct` and stands out from its peers by `min_z`, or that is a named route,
/// destination of concern or country the analyst names. Origins are reporters and the groups
/// of [`crate::panel`]; destinations too small to be peers are tested on their monthly data,
/// and those that cannot be tested are listed in one informational finding.
pub async fn trade_surge(
    ctx: &SessionContext,
    params: &SurgeParams,
) -> Result<Vec<Finding>, FlowsError> {
    let groups = crate::panel::active_groups(ctx, &chipwatch_model::groups::bundled()).await?;
    let map = crate::panel::ProductMap::of_panel(ctx).await?;
    let series = yearly_series(ctx, &groups, &map).await?;
    let roles: std::collections::HashMap<String, (String, String, String)> = Rows::query(
        ctx,
        "SELECT country, role, first_event, first_source FROM intermediaries",
    )
    .await?
    .iter()
    .map(|r| {
        (
            r.text("country"),
            (
                r.text("role"),
                r.text("first_event"),
                r.text("first_source"),
            ),
        )
    })
    .collect();
    let rows = candidates(&series, &roles, params);
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    let name = |code: &str| countries.name_of(code);
    let origin = |code: &str| crate::panel::origin_name(&groups, code);
    // Which rows are reported: peers as before; small destinations on monthly evidence.
    let mut kept = Vec::new();
    let mut untestable: Vec<(String, f64, String)> = Vec::new();
    for row in rows {
        let peer = row.is_peer;
        let mt = row.monthly_t;
        if peer {
            kept.push((row, mt));
            continue;
        }
        let nz = row.prev_nz;
        let share = row.prev_value / row.prev_total.max(1e-9);
        let why = if mt.is_none() {
            "no monthly data to test a base this small".to_string()
        } else if nz < f64::from(params.min_months) {
            format!(
                "exports in {nz:.0} month(s) of {} (at least {} needed)",
                row.year as i32 - 1,
                params.min_months
            )
        } else if mt.is_some_and(|t| t < 1.96) {
            format!(
                "the monthly rise is within the series' own noise (Welch t {:.1})",
                mt.unwrap_or(0.0)
            )
        } else {
            kept.push((row, mt));
            continue;
        };
        untestable.push((
            format!(
                "{} → {} {}: {} from {} ({:.3}% of the origin's exports of it); {why}",
                origin(&row.reporter.clone()),
                name(&row.partner.clone()),
                hs_label(&row.hs6.clone()),
                growth_pct(row.growth_pct),
                usd_m(row.prev_value / 1e6),
                share * 100.0
            ),
            row.growth_pct,
            row.partner.clone(),
        ));
    }
    let history: std::collections::HashMap<Key, YearSeries> = kept
        .iter()
        .map(|(c, _)| (c.reporter.clone(), c.partner.clone(), c.hs6.clone()))
        .filter_map(|k| {
            let ys = series.get(&k)?;
            Some((
                k,
                YearSeries(
                    ys.iter()
                        .map(|y| (y.year, y.value, y.months as i64))
                        .collect(),
                ),
            ))
        })
        .collect();
    let shares = member_shares(ctx, kept.iter(), &groups, &map).await?;
    let mut out = Vec::new();
    let mut within_noise: Vec<String> = Vec::new();
    for (row, mt) in kept {
        let z = row.robust_z;
        let peer = row.is_peer;
        let mut role = row.role.clone();
        let partner_code = row.partner.clone();
        let analyst = params
            .named
            .iter()
            .find(|(c, _)| *c == partner_code)
            .map(|(_, why)| why.clone());
        if role == "other" && analyst.is_some() {
            role = "analyst".into();
        }
        let key = (row.reporter.clone(), partner_code.clone(), row.hs6.clone());
        let year = row.year as i32;
        let past = history
            .get(&key)
            .map(|s| s.before(year))
            .unwrap_or_default();
        let hz = past.history_z(row.growth_pct);
        let cp = past.change_point(year, row.annualised);
        let standout = if peer {
            z.is_some_and(|z| z >= params.min_z) || hz.is_some_and(|z| z >= params.min_z)
        } else {
            // A small destination stands out when it is beyond its peers (or there are none)
            // and beyond its own monthly noise at 1%.
            (z.is_none_or(|z| z >= params.min_z) || hz.is_some_and(|z| z >= params.min_z))
                && mt.is_some_and(|t| t >= 2.576)
        };
        // On monthly data a rise must also clear the series' own noise: Welch t ≥ 2.576 for
        // medium or high, ≥ 1.96 for low. Yearly data has no such test (the rule before it).
        let severity = match (role.as_str(), mt) {
            ("other", Some(t)) if standout && t >= 1.96 => Severity::Low,
            ("other", None) if standout => Severity::Low,
            ("other", _) => {
                if standout {
                    within_noise.push(row.partner.clone());
                }
                continue;
            }
            (_, None) => {
                if standout {
                    Severity::High
                } else {
                    Severity::Medium
                }
            }
            (_, Some(t)) if t >= 2.576 => {
                if standout {
                    Severity::High
                } else {
                    Severity::Medium
                }
            }
            (_, Some(t)) if t >= 1.96 => Severity::Low,
            (_, Some(_)) => {
                within_noise.push(row.partner.clone());
                continue;
            }
        };
        let (reporter, partner, hs6) = key;
        let months = row.months_covered as i32;
        let g = row.growth_pct;
        let partial = months < 12;
        let label = if partial {
            format!("{year} (Jan-{} annualised)", month_abbr(months))
        } else {
            year.to_string()
        };
        let mut f = Finding::new(
            "trade_surge",
            format!("trade_surge/{reporter}/{partner}/{hs6}/{year}"),
            name(&partner),
            severity,
        );
        f.subject_code = Some(partner.clone());
        f.score = g;
        f.title = format!(
            "{} exports of {} to {} rose {} in {label}: {} vs {} in {}{}",
            origin(&reporter),
            hs_label(&hs6),
            name(&partner),
            growth_pct(g),
            usd_m(row.annualised / 1e6),
            usd_m(row.prev_value / 1e6),
            year - 1,
            z.map(|z| format!("; robust z {z:.1} against {} peer destinations", row.peers))
                .unwrap_or_default()
        );
        let role_text = match role.as_str() {
            "route" => format!(
                "{} is named as a route in enforcement actions: {}",
                name(&partner),
                row.first_event.clone()
            ),
            "destination" => format!(
                "{} is a destination of concern for controlled chips.",
                name(&partner)
            ),
            "watch" => format!(
                "{} is named in export-control rules: {}",
                name(&partner),
                row.first_event.clone()
            ),
            "analyst" => format!(
                "{} is named by the analyst ({}).",
                name(&partner),
                analyst.clone().unwrap_or_default()
            ),
            _ => format!(
                "{} is not named in the bundled enforcement record.",
                name(&partner)
            ),
        };
        let share = row.prev_value / row.prev_total.max(1e-9);
        let peer_text = if row.peers > 0.0 {
            format!(
                "The median growth across {} destinations that took at least {}% of the origin's exports the year before \
                 was {}{}.",
                row.peers,
                params.min_base_share * 100.0,
                growth_pct(row.median_growth),
                z.map(|z| format!(
                    ", so this destination stands {z:.1} robust standard deviations above it"
                ))
                .unwrap_or_default()
            )
        } else {
            format!(
                "No destination took {}% of the origin's exports the year before, so there are no peers to compare with.",
                params.min_base_share * 100.0
            )
        };
        f.explanation = format!(
            "{} recorded {} of exports to {} in {}{}; against {} in {}, that is {}. {peer_text}{} {role_text} Trade data \
             can flag, never prove: HS codes cannot see a chip's performance.",
            origin(&reporter),
            usd_m(row.value_usd / 1e6),
            name(&partner),
            year,
            if partial {
                format!(
                    " over {months} months ({} annualised{})",
                    usd_m(row.annualised / 1e6),
                    if row.preliminary { ", preliminary" } else { "" }
                )
            } else {
                String::new()
            },
            usd_m(row.prev_value / 1e6),
            year - 1,
            growth_pct(g),
            if peer {
                String::new()
            } else {
                format!(
                    " The destination took {:.3}% of the origin's exports the year before, below the peer share; it is \
                     reported because its monthly exports rose beyond their own noise (Welch t {:.1} over {} months with \
                     exports in {}).",
                    share * 100.0,
                    mt.unwrap_or(0.0),
                    row.prev_nz,
                    year - 1
                )
            }
        );
        if let Some(hz) = hz {
            f.explanation.push_str(&format!(
                " Against its own history ({} earlier years of growth, median {}), this year's growth has a robust z of {hz:.1}.",
                past.growths.len(),
                growth_pct(crate::stats::median(&past.growths).unwrap_or(0.0))
            ));
            f.figure(Figure::new("history_robust_z", hz, "", format!("{hz:.2}")));
        }
        if let Some((at, c)) = cp {
            f.explanation.push_str(&format!(
                " The series' largest level shift is dated to {at}: about {} a year before, {} from {at} on (Welch t {:.1}).",
                usd_m(c.mean_before.exp() / 1e6),
                usd_m(c.mean_after.exp() / 1e6),
                c.t
            ));
            f.figure(Figure::new(
                "change_point_year",
                f64::from(at),
                "",
                at.to_string(),
            ))
            .figure(Figure::new(
                "change_point_t",
                c.t,
                "",
                format!("{:.1}", c.t),
            ));
        }
        if let Some(parts) = shares.get(&(reporter.clone(), partner.clone(), hs6.clone(), year)) {
            let total: f64 = parts.iter().map(|(_, v)| v).sum();
            let top: Vec<String> = parts
                .iter()
                .take(5)
                .map(|(m, v)| format!("{} {:.0}%", name(m), 100.0 * v / total.max(1e-9)))
                .collect();
            f.explanation.push_str(&format!(
                " Members' shares of the {year} exports: {}{}.",
                top.join(", "),
                if parts.len() > 5 {
                    format!(" and {} more", parts.len() - 5)
                } else {
                    String::new()
                }
            ));
            for (m, v) in parts.iter().take(5) {
                f.figure(Figure::new(
                    format!("member_share_{m}"),
                    v / total.max(1e-9),
                    "",
                    format!("{:.0}%", 100.0 * v / total.max(1e-9)),
                ));
            }
        }
        f.figure(Figure::new(
            "value_usd",
            row.value_usd,
            "USD",
            usd_m(row.value_usd / 1e6),
        ))
        .figure(Figure::new(
            "annualised_usd",
            row.annualised,
            "USD",
            usd_m(row.annualised / 1e6),
        ))
        .figure(Figure::new(
            "previous_year_usd",
            row.prev_value,
            "USD",
            usd_m(row.prev_value / 1e6),
        ))
        .figure(Figure::new("growth_pct", g, "%", growth_pct(g)))
        .figure(Figure::new(
            "previous_year_share",
            share,
            "",
            format!("{:.3}%", share * 100.0),
        ));
        if row.peers > 0.0 {
            f.figure(Figure::new(
                "peer_median_growth_pct",
                row.median_growth,
                "%",
                growth_pct(row.median_growth),
            ));
        }
        if let Some(t) = mt {
            f.figure(Figure::new("monthly_welch_t", t, "", format!("{t:.2}")));
        }
        if let Some(z) = z {
            f.figure(Figure::new("robust_z", z, "", format!("{z:.2}")));
        }
        f.evidence(
            format!(
                "{} exports of {} to {} by year",
                origin(&reporter),
                hs_label(&hs6),
                name(&partner)
            ),
            "trade input (see the dataset's trade file and its source column)",
            if row.preliminary {
                Status::VerifiedSecondary
            } else {
                Status::VerifiedPrimary
            },
        );
        if role == "route" || role == "watch" {
            f.evidence(
                row.first_event.clone(),
                row.first_source.clone(),
                Status::VerifiedSecondary,
            );
        }
        if let Some(g) = groups.iter().find(|g| g.id == reporter) {
            f.evidence(
                format!(
                    "{} members summed ({} reporting: {})",
                    g.id,
                    g.reporting.len(),
                    g.reporting.join(", ")
                ),
                g.source.clone(),
                Status::VerifiedPrimary,
            );
        }
        if partial {
            f.caveats.push(format!(
                "{year} covers {months} months, annualised ×12/{months}; seasonality is not adjusted"
            ));
        }
        if row.preliminary {
            f.caveats.push(format!("{year} figures are preliminary"));
        }
        f.parameter("min_growth_pct", params.min_growth_pct.to_string())
            .parameter("min_robust_z", params.min_z.to_string())
            .parameter("min_base_share", params.min_base_share.to_string())
            .parameter("min_previous_year_usd", params.min_base_usd.to_string())
            .parameter("min_months", params.min_months.to_string())
            .parameter("flow", "export");
        out.push(f);
    }
    if !untestable.is_empty() || !within_noise.is_empty() {
        untestable.sort_by(|a, b| b.1.total_cmp(&a.1));
        let named: Vec<&str> = untestable
            .iter()
            .filter(|(_, _, p)| {
                DESTINATIONS_OF_CONCERN.contains(&p.as_str())
                    || params.named.iter().any(|(c, _)| c == p)
            })
            .map(|(t, _, _)| t.as_str())
            .collect();
        let mut f = Finding::new(
            "trade_surge",
            "trade_surge/power_limits".to_string(),
            "destinations too small to test",
            Severity::Info,
        );
        f.title = format!(
            "{} destination-product pair(s) grew {} or more from a base too small to test{}; {} more rose within their \
             monthly noise",
            untestable.len(),
            growth_pct(params.min_growth_pct),
            if named.is_empty() {
                String::new()
            } else {
                format!(", {} of them named", named.len())
            },
            within_noise.len()
        );
        f.explanation = format!(
            "A destination is compared with its peers when it took at least {}% of the origin's exports of the product the \
             year before; a smaller one is tested on its monthly exports when it had exports in at least {} months. These \
             could not be: {}{}.",
            params.min_base_share * 100.0,
            params.min_months,
            untestable
                .iter()
                .take(8)
                .map(|(t, _, _)| t.clone())
                .collect::<Vec<_>>()
                .join("; "),
            if untestable.len() > 8 {
                format!("; and {} more", untestable.len() - 8)
            } else {
                String::new()
            }
        );
        f.explanation.push_str(&format!(
            " On monthly data a rise is reported when it also clears the series' own month-to-month noise (Welch t of \
             the monthly values ≥ 1.96 for low, ≥ 2.576 for medium and high); {} destination-product pair(s) grew {} or \
             more without clearing it and are not reported.",
            within_noise.len(),
            growth_pct(params.min_growth_pct)
        ));
        f.figure(Figure::new(
            "untestable_pairs",
            untestable.len() as f64,
            "",
            untestable.len().to_string(),
        ))
        .figure(Figure::new(
            "within_noise_pairs",
            within_noise.len() as f64,
            "",
            within_noise.len().to_string(),
        ));
        f.parameter("min_base_share", params.min_base_share.to_string())
            .parameter("min_months", params.min_months.to_string());
        out.push(f);
    }
    Ok(out)
}

/// Each group member's exports in the year of every group row in `rows`, largest first.
async fn member_shares<'a>(
    ctx: &SessionContext,
    rows: impl Iterator<Item = &'a (Cand, Option<f64>)>,
    groups: &[crate::panel::ActiveGroup],
    map: &crate::panel::ProductMap,
) -> Result<std::collections::HashMap<(String, String, String, i32), Vec<(String, f64)>>, FlowsError>
{
    let wanted: std::collections::HashSet<String> = rows
        .map(|(c, _)| c)
        .filter(|c| groups.iter().any(|g| g.id == c.reporter))
        .map(|c| format!("{}/{}/{}/{}", c.reporter, c.partner, c.hs6, c.year as i32))
        .collect();
    let mut out: std::collections::HashMap<_, Vec<(String, f64)>> = Default::default();
    if wanted.is_empty() {
        return Ok(out);
    }
    let mut years: Vec<String> = wanted
        .iter()
        .filter_map(|k| k.rsplit('/').next().map(str::to_string))
        .collect();
    years.sort();
    years.dedup();
    let only_groups: Vec<crate::panel::ActiveGroup> = groups.to_vec();
    let q = format!(
        "WITH {cells}
         SELECT c.reporter, c.member, c.partner, m.product, c.year, SUM(c.value_usd) AS v
         FROM cells c JOIN {map} ON m.hs6 = c.hs6
         WHERE c.reporter IN ({ids}) AND c.year IN ({years})
         GROUP BY c.reporter, c.member, c.partner, m.product, c.year
         ORDER BY c.reporter, c.partner, m.product, c.year, v DESC, c.member",
        cells = crate::panel::cells_cte(&only_groups, "'export'"),
        map = map.sql(),
        ids = crate::sql_list(&groups.iter().map(|g| g.id.clone()).collect::<Vec<_>>()),
        years = years.join(", "),
    );
    for r in Rows::query(ctx, &q).await?.iter() {
        let key = (
            r.text("reporter"),
            r.text("partner"),
            r.text("product"),
            r.num("year") as i32,
        );
        if !wanted.contains(&format!("{}/{}/{}/{}", key.0, key.1, key.2, key.3)) {
            continue;
        }
        out.entry(key)
            .or_default()
            .push((r.text("member"), r.num("v")));
    }
    Ok(out)
}

/// A destination's yearly series before the year tested.
#[derive(Debug, Default, Clone)]
struct Past {
    /// (year, annualised value) of the full years before, in order.
    years: Vec<(i32, f64)>,
    /// Growth in percent of each consecutive pair of full years.
    growths: Vec<f64>,
}

impl Past {
    fn history_z(&self, growth: f64) -> Option<f64> {
        crate::stats::robust_z(growth, &self.growths)
    }
    /// The largest shift in log level over the earlier years and this one, with the year it
    /// starts; needs at least two years on each side.
    fn change_point(&self, year: i32, annualised: f64) -> Option<(i32, crate::stats::ChangePoint)> {
        let mut ys: Vec<(i32, f64)> = self
            .years
            .iter()
            .copied()
            .filter(|(_, v)| *v > 0.0)
            .collect();
        if annualised > 0.0 {
            ys.push((year, annualised));
        }
        let logs: Vec<f64> = ys.iter().map(|(_, v)| v.ln()).collect();
        let c = crate::stats::change_point(&logs, 2)?;
        Some((ys[c.at].0, c))
    }
}

#[derive(Debug, Default, Clone)]
struct YearSeries(Vec<(i32, f64, i64)>);

impl YearSeries {
    fn before(&self, year: i32) -> Past {
        let full: Vec<(i32, f64)> = self
            .0
            .iter()
            .filter(|(y, _, m)| *y < year && *m >= 12)
            .map(|(y, v, _)| (*y, *v))
            .collect();
        let growths = full
            .windows(2)
            .filter(|w| w[1].0 == w[0].0 + 1 && w[0].1 > 0.0)
            .map(|w| (w[1].1 / w[0].1 - 1.0) * 100.0)
            .collect();
        Past {
            years: full,
            growths,
        }
    }
}

fn month_abbr(m: i32) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .get((m.clamp(1, 12) - 1) as usize)
    .copied()
    .unwrap_or("Dec")
}

pub(crate) fn hs_label(hs6: &str) -> String {
    let dotted = if hs6.len() == 6 {
        format!("HS {}.{}", &hs6[..4], &hs6[4..])
    } else {
        format!("HS {hs6}")
    };
    if hs6.len() == 4 && hs6.bytes().all(|b| b.is_ascii_digit()) {
        return match hs6 {
            "8471" => "HS 8471 (computers and their units)".into(),
            "8473" => "HS 8473 (parts of computers)".into(),
            "8542" => "HS 8542 (integrated circuits)".into(),
            "8517" => "HS 8517 (telephone and network equipment)".into(),
            _ => format!("HS {hs6}"),
        };
    }
    match hs6 {
        "ai_compute" => "the AI-compute basket (8471.50, 8471.80, 8473.30)".into(),
        "chpl_ics" => "the CHPL Tier 1 ICs (8542.31-39)".into(),
        "processors" => "the processors basket (8542.31)".into(),
        "control_electronics" => "the control electronics basket".into(),
        "854231" => format!("{dotted} (processors and controllers)"),
        "847150" => format!("{dotted} (processing units: servers)"),
        "847180" => format!("{dotted} (other data-processing units)"),
        "847330" => format!("{dotted} (parts of computers: accelerator cards)"),
        _ => dotted,
    }
}

/// Annualised exports per year to the named routes and to the destinations of concern,
/// for the product with the most trade; surges found are marked.
pub async fn charts(ctx: &SessionContext, findings: &[Finding]) -> Result<Vec<Chart>, FlowsError> {
    let top = Rows::query(
        ctx,
        "SELECT reporter, hs6, SUM(value_usd) AS v FROM trade_cells
         WHERE flow = 'export' GROUP BY reporter, hs6
         ORDER BY hs6 = '854231' DESC, v DESC LIMIT 1",
    )
    .await?;
    let Some(t) = top.iter().next() else {
        return Ok(Vec::new());
    };
    let (reporter, hs6) = (t.text("reporter"), t.text("hs6"));
    let rows = Rows::query(
        ctx,
        &format!(
            "SELECT partner, year, {MONTHS_COVERED} AS months_covered,
                    SUM(value_usd) * 12.0 / CAST({MONTHS_COVERED} AS DOUBLE) AS annualised
             FROM trade_cells WHERE flow = 'export' AND reporter = '{reporter}' AND hs6 = '{hs6}'
               AND (partner IN (SELECT country FROM intermediaries) OR partner IN ({}))
             GROUP BY partner, year ORDER BY partner, year",
            concern_list(),
            MONTHS_COVERED = crate::tables::MONTHS_COVERED,
        ),
    )
    .await?;
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    let mut years: Vec<i64> = rows.iter().filter_map(|r| r.i64("year")).collect();
    years.sort();
    years.dedup();
    // A year some destination covers only in part is labelled with a star.
    let x: Vec<String> = years
        .iter()
        .map(|y| {
            let partial = rows
                .iter()
                .any(|r| r.i64("year") == Some(*y) && r.num("months_covered") < 12.0);
            if partial {
                format!("{y}*")
            } else {
                y.to_string()
            }
        })
        .collect();
    let mut charts = Vec::new();
    for (group, title) in [(false, "named routes"), (true, "destinations of concern")] {
        let mut partners: Vec<String> = rows
            .iter()
            .map(|r| r.text("partner"))
            .filter(|p| DESTINATIONS_OF_CONCERN.contains(&p.as_str()) == group)
            .collect();
        partners.dedup();
        if partners.is_empty() {
            continue;
        }
        let series = partners
            .iter()
            .map(|p| {
                let values = years
                    .iter()
                    .map(|y| {
                        rows.iter()
                            .find(|r| r.text("partner") == *p && r.i64("year") == Some(*y))
                            .map(|r| r.num("annualised") / 1e6)
                    })
                    .collect();
                let marks = years
                    .iter()
                    .enumerate()
                    .filter(|(_, y)| {
                        findings
                            .iter()
                            .any(|f| f.id == format!("trade_surge/{reporter}/{p}/{hs6}/{y}"))
                    })
                    .map(|(i, _)| i)
                    .collect();
                Series {
                    name: countries
                        .get(p)
                        .map(|c| c.name.clone())
                        .unwrap_or_else(|| p.clone()),
                    values,
                    marks,
                }
            })
            .collect();
        let reporter_name = countries
            .get(&reporter)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| reporter.clone());
        charts.push(Chart {
            id: format!("trade_{reporter}_{hs6}_{}", if group { "destinations" } else { "routes" }),
            title: format!("{reporter_name} exports of {} to {title} (USD m, partial years annualised)", hs_label(&hs6)),
            kind: ChartKind::Line,
            x_labels: x.clone(),
            series,
            y_unit: "USD m".into(),
            note: "Circled points are surges the detector flagged. * a partial year, annualised (value × 12 ÷ months covered).".into(),
        });
    }
    Ok(charts)
}
