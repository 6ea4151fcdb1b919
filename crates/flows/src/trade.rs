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
#[derive(Debug, Clone, Copy)]
pub struct SurgeParams {
    /// Minimum growth over the previous year, in percent.
    pub min_growth_pct: f64,
    /// Minimum robust z-score against the reporter's other destinations.
    pub min_z: f64,
    /// Destinations below this previous-year value (USD) are not peers and not flagged.
    pub min_base_usd: f64,
    /// Report every year, not only each reporter and product's latest.
    pub all_years: bool,
}

impl Default for SurgeParams {
    fn default() -> Self {
        SurgeParams {
            min_growth_pct: 50.0,
            min_z: 1.5,
            min_base_usd: 20_000_000.0,
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

/// Yearly exports per reporter, destination and product: each HS6, and each basket of which
/// the reporter exports more than one code (summed), with the months each year covers.
fn yearly() -> String {
    format!(
        "base AS (
           SELECT reporter, partner, hs6, year, start_month, months, value_usd, preliminary
           FROM trade_cells WHERE flow = 'export'
           UNION ALL
           SELECT t.reporter, t.partner, b.basket, t.year, t.start_month, t.months, t.value_usd, t.preliminary
           FROM baskets b JOIN trade_cells t ON t.hs6 = b.hs6
           JOIN (SELECT t2.reporter, b2.basket FROM baskets b2 JOIN trade_cells t2 ON t2.hs6 = b2.hs6
                 WHERE t2.flow = 'export' GROUP BY t2.reporter, b2.basket
                 HAVING COUNT(DISTINCT t2.hs6) > 1) multi
             ON multi.reporter = t.reporter AND multi.basket = b.basket
           WHERE t.flow = 'export'
         ),
         yearly AS (
           SELECT reporter, partner, hs6, year,
                  SUM(value_usd) AS value_usd,
                  {MONTHS_COVERED} AS months_covered,
                  bool_or(COALESCE(preliminary, false)) AS preliminary,
                  COUNT(*) AS rows_in
           FROM base
           GROUP BY reporter, partner, hs6, year
         )",
        MONTHS_COVERED = crate::tables::MONTHS_COVERED
    )
}

/// The annualised yearly series per reporter, partner and HS6, with growth and peer statistics.
fn query(p: &SurgeParams) -> String {
    format!(
        "WITH {yearly},
         series AS (
           SELECT y.*, y.value_usd * 12.0 / CAST(LEAST(y.months_covered, 12) AS DOUBLE) AS annualised,
                  LAG(y.value_usd) OVER (PARTITION BY reporter, partner, hs6 ORDER BY year) AS prev_value,
                  LAG(y.months_covered) OVER (PARTITION BY reporter, partner, hs6 ORDER BY year) AS prev_months,
                  LAG(y.year) OVER (PARTITION BY reporter, partner, hs6 ORDER BY year) AS prev_year
           FROM yearly y
         ),
         growth AS (
           SELECT s.*, (s.annualised / s.prev_value - 1.0) * 100.0 AS growth_pct
           FROM series s
           WHERE s.prev_value >= {min_base} AND s.prev_months >= 12 AND s.prev_year = s.year - 1
         ),
         peers AS (
           SELECT reporter, hs6, year, median(growth_pct) AS median_growth, COUNT(*) AS peers
           FROM growth GROUP BY reporter, hs6, year
         ),
         mad AS (
           SELECT g.reporter, g.hs6, g.year, median(abs(g.growth_pct - p.median_growth)) AS mad
           FROM growth g JOIN peers p ON g.reporter = p.reporter AND g.hs6 = p.hs6 AND g.year = p.year
           GROUP BY g.reporter, g.hs6, g.year
         )
         SELECT g.reporter, g.partner, g.hs6, g.year, g.value_usd, g.months_covered, g.preliminary,
                g.annualised, g.prev_value, g.growth_pct, p.median_growth, p.peers, m.mad,
                (g.growth_pct - p.median_growth) / NULLIF(1.4826 * m.mad, 0) AS robust_z,
                CASE WHEN g.partner IN ({concern}) THEN 'destination'
                     WHEN i.country IS NOT NULL THEN i.role ELSE 'other' END AS role,
                i.first_event, i.first_source
         FROM growth g
         JOIN peers p ON g.reporter = p.reporter AND g.hs6 = p.hs6 AND g.year = p.year
         JOIN mad m ON g.reporter = m.reporter AND g.hs6 = m.hs6 AND g.year = m.year
         LEFT JOIN intermediaries i ON i.country = g.partner
         WHERE g.growth_pct >= {min_growth} {latest}
         ORDER BY g.reporter, g.hs6, g.year, g.growth_pct DESC",
        yearly = yearly(),
        min_base = p.min_base_usd,
        min_growth = p.min_growth_pct,
        concern = concern_list(),
        latest = if p.all_years {
            ""
        } else {
            "AND g.year = (SELECT MAX(y2.year) FROM yearly y2 WHERE y2.reporter = g.reporter AND y2.hs6 = g.hs6)"
        },
    )
}

/// Trade-surge findings for every (reporter, product, year, destination) that grew at least
/// `min_growth_pct` and stands out from its peers by `min_z`, or that is a named route or
/// destination of concern.
pub async fn trade_surge(
    ctx: &SessionContext,
    params: &SurgeParams,
) -> Result<Vec<Finding>, FlowsError> {
    let rows = Rows::query(ctx, &query(params)).await?;
    let history = histories(ctx, &rows).await?;
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    let name = |code: &str| countries.name_of(code);
    let mut out = Vec::new();
    for row in rows.iter() {
        let z = row.f64("robust_z");
        let role = row.text("role");
        let key = (row.text("reporter"), row.text("partner"), row.text("hs6"));
        let year = row.num("year") as i32;
        let past = history
            .get(&key)
            .map(|s| s.before(year))
            .unwrap_or_default();
        let hz = past.history_z(row.num("growth_pct"));
        let cp = past.change_point(year, row.num("annualised"));
        let standout =
            z.is_some_and(|z| z >= params.min_z) || hz.is_some_and(|z| z >= params.min_z);
        if !standout && role == "other" {
            continue;
        }
        let severity = match (role.as_str(), standout) {
            ("other", _) => Severity::Low,
            (_, true) => Severity::High,
            (_, false) => Severity::Medium,
        };
        let (reporter, partner, hs6) = key;
        let months = row.num("months_covered") as i32;
        let g = row.num("growth_pct");
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
            name(&reporter),
            hs_label(&hs6),
            name(&partner),
            growth_pct(g),
            usd_m(row.num("annualised") / 1e6),
            usd_m(row.num("prev_value") / 1e6),
            year - 1,
            z.map(|z| format!(
                "; robust z {z:.1} against {} peer destinations",
                row.num("peers")
            ))
            .unwrap_or_default()
        );
        let role_text = match role.as_str() {
            "route" => format!(
                "{} is named as a route in enforcement actions: {}",
                name(&partner),
                row.text("first_event")
            ),
            "destination" => format!(
                "{} is a destination of concern for controlled chips.",
                name(&partner)
            ),
            "watch" => format!(
                "{} is named in export-control rules: {}",
                name(&partner),
                row.text("first_event")
            ),
            _ => format!(
                "{} is not named in the bundled enforcement record.",
                name(&partner)
            ),
        };
        f.explanation = format!(
            "{} recorded {} of exports to {} in {}{}; against {} in {}, that is {}. The median growth across {} \
             destinations with at least {} the year before was {}{}. {role_text} Trade data can flag, never prove: \
             HS codes cannot see a chip's performance.",
            name(&reporter),
            usd_m(row.num("value_usd") / 1e6),
            name(&partner),
            year,
            if partial {
                format!(
                    " over {months} months ({} annualised{})",
                    usd_m(row.num("annualised") / 1e6),
                    if row.bool("preliminary").unwrap_or(false) {
                        ", preliminary"
                    } else {
                        ""
                    }
                )
            } else {
                String::new()
            },
            usd_m(row.num("prev_value") / 1e6),
            year - 1,
            growth_pct(g),
            row.num("peers"),
            usd_m(params.min_base_usd / 1e6),
            growth_pct(row.num("median_growth")),
            z.map(|z| format!(
                ", so this destination stands {z:.1} robust standard deviations above it"
            ))
            .unwrap_or_default()
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
        f.figure(Figure::new(
            "value_usd",
            row.num("value_usd"),
            "USD",
            usd_m(row.num("value_usd") / 1e6),
        ))
        .figure(Figure::new(
            "annualised_usd",
            row.num("annualised"),
            "USD",
            usd_m(row.num("annualised") / 1e6),
        ))
        .figure(Figure::new(
            "previous_year_usd",
            row.num("prev_value"),
            "USD",
            usd_m(row.num("prev_value") / 1e6),
        ))
        .figure(Figure::new("growth_pct", g, "%", growth_pct(g)))
        .figure(Figure::new(
            "peer_median_growth_pct",
            row.num("median_growth"),
            "%",
            growth_pct(row.num("median_growth")),
        ));
        if let Some(z) = z {
            f.figure(Figure::new("robust_z", z, "", format!("{z:.2}")));
        }
        f.evidence(
            format!(
                "{} exports of {} to {} by year",
                name(&reporter),
                hs_label(&hs6),
                name(&partner)
            ),
            "trade input (see the dataset's trade file and its source column)",
            if row.bool("preliminary").unwrap_or(false) {
                Status::VerifiedSecondary
            } else {
                Status::VerifiedPrimary
            },
        );
        if role == "route" || role == "watch" {
            f.evidence(
                row.text("first_event"),
                row.text("first_source"),
                Status::VerifiedSecondary,
            );
        }
        if partial {
            f.caveats.push(format!(
                "{year} covers {months} months, annualised ×12/{months}; seasonality is not adjusted"
            ));
        }
        if row.bool("preliminary").unwrap_or(false) {
            f.caveats.push(format!("{year} figures are preliminary"));
        }
        f.parameter("min_growth_pct", params.min_growth_pct.to_string())
            .parameter("min_robust_z", params.min_z.to_string())
            .parameter("min_previous_year_usd", params.min_base_usd.to_string())
            .parameter("flow", "export");
        out.push(f);
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

type Key = (String, String, String);

/// The yearly series of every (reporter, destination, product) in `rows`, in one query.
async fn histories(
    ctx: &SessionContext,
    rows: &Rows,
) -> Result<std::collections::HashMap<Key, YearSeries>, FlowsError> {
    let mut keys: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}/{}/{}",
                r.text("reporter"),
                r.text("partner"),
                r.text("hs6")
            )
        })
        .collect();
    keys.sort();
    keys.dedup();
    let mut out: std::collections::HashMap<Key, YearSeries> = Default::default();
    if keys.is_empty() {
        return Ok(out);
    }
    let q = format!(
        "WITH {yearly}
         SELECT reporter, partner, hs6, year, value_usd, months_covered FROM yearly
         WHERE concat(reporter, '/', partner, '/', hs6) IN ({})
         ORDER BY reporter, partner, hs6, year",
        crate::sql_list(&keys),
        yearly = yearly(),
    );
    for r in Rows::query(ctx, &q).await?.iter() {
        out.entry((r.text("reporter"), r.text("partner"), r.text("hs6")))
            .or_default()
            .0
            .push((
                r.num("year") as i32,
                r.num("value_usd"),
                r.num("months_covered") as i64,
            ));
    }
    Ok(out)
}

fn month_abbr(m: i32) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .get((m.clamp(1, 12) - 1) as usize)
    .copied()
    .unwrap_or("Dec")
}

fn hs_label(hs6: &str) -> String {
    let dotted = if hs6.len() == 6 {
        format!("HS {}.{}", &hs6[..4], &hs6[4..])
    } else {
        format!("HS {hs6}")
    };
    match hs6 {
        "ai_compute" => "the AI-compute basket (8471.50, 8471.80, 8473.30)".into(),
        "chpl_ics" => "the CHPL Tier 1 ICs (8542.31-39)".into(),
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
