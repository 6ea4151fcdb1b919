//! Absorption: could a country's data centres have taken the GPUs its billed revenue implies?
//!
//! `GPUs = billed revenue ÷ unit price` (a range), `IT MW = GPUs × kW per GPU ÷ 1000`,
//! compared with the country's operational data-centre capacity and its yearly additions
//! (the test behind the Megaspeed case: imports against the disclosed data-centre
//! footprint). All billed revenue is treated as GPUs at the stated price, which makes the
//! GPU count an upper bound: the finding says so. Parameters come from `absorption.csv`.

use chipwatch_model::finding::{Chart, ChartKind, Figure, Finding, Series, Severity};
use chipwatch_model::units::{count, mw, times, usd_m};
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::rows::Rows;

/// Multiple of a year's capacity additions from which implied demand is "medium".
pub const ADDITIONS_MEDIUM_MULTIPLE: f64 = 10.0;

const QUERY: &str = "
WITH price AS (SELECT low, high, status, source FROM assumptions WHERE parameter = 'unit_price_usd'),
kw AS (SELECT low, high, status, source FROM assumptions WHERE parameter = 'it_kw_per_gpu'),
rev AS (SELECT * FROM revenue WHERE basis = 'billing_location' AND region_type = 'country' AND months = 12),
ranked AS (
  SELECT r.company, r.period, r.region_code, c.metric, c.value_mw, c.as_of, c.market, c.scope,
         c.status, c.source,
         ROW_NUMBER() OVER (
           PARTITION BY r.company, r.period, r.region_code, c.metric
           ORDER BY CASE WHEN c.scope = 'country' THEN 0 ELSE 1 END,
                    abs(CAST(c.as_of_date AS INT) - CAST(r.period_end AS INT))) AS rn
  FROM rev r JOIN capacity c ON c.country = r.region_code
  WHERE c.metric = 'operational'
     OR (c.metric = 'added' AND abs(CAST(c.as_of_date AS INT) - CAST(r.period_end AS INT)) <= 183)
)
SELECT r.company, r.period, r.period_end, r.region_code, r.region, r.revenue_usd_m,
       r.status AS r_status, r.source AS r_source,
       r.revenue_usd_m * 1000000.0 / price.high AS gpus_low,
       r.revenue_usd_m * 1000000.0 / price.low AS gpus_high,
       r.revenue_usd_m * 1000000.0 / price.high * kw.low / 1000.0 AS mw_low,
       r.revenue_usd_m * 1000000.0 / price.low * kw.high / 1000.0 AS mw_high,
       price.low AS price_low, price.high AS price_high, price.source AS price_source, price.status AS price_status,
       kw.low AS kw_low, kw.high AS kw_high, kw.source AS kw_source, kw.status AS kw_status,
       o.value_mw AS operational_mw, o.as_of AS operational_as_of, o.market AS operational_market,
       o.scope AS operational_scope, o.source AS operational_source, o.status AS operational_status,
       a.value_mw AS added_mw, a.as_of AS added_as_of, a.source AS added_source, a.status AS added_status,
       i.country IS NOT NULL AS intermediary
FROM rev r CROSS JOIN price CROSS JOIN kw
LEFT JOIN ranked o ON o.company = r.company AND o.period = r.period AND o.region_code = r.region_code
     AND o.metric = 'operational' AND o.rn = 1
LEFT JOIN ranked a ON a.company = r.company AND a.period = r.period AND a.region_code = r.region_code
     AND a.metric = 'added' AND a.rn = 1
LEFT JOIN intermediaries i ON i.country = r.region_code AND i.role = 'route'
ORDER BY r.region_code, r.period_end";

/// One finding per country and fiscal year with billed revenue and a capacity figure; one
/// note listing the countries that could not be tested.
pub async fn absorption(ctx: &SessionContext) -> Result<(Vec<Finding>, Vec<Chart>), FlowsError> {
    let rows = Rows::query(ctx, QUERY).await?;
    let mut out = Vec::new();
    let mut untested: Vec<String> = Vec::new();
    for row in rows.iter() {
        let region = row.text("region");
        let code = row.text("region_code");
        let company = row.text("company");
        let period = row.text("period");
        let Some(operational) = row.f64("operational_mw") else {
            if !untested.contains(&region) {
                untested.push(region);
            }
            continue;
        };
        let (mw_low, mw_high) = (row.num("mw_low"), row.num("mw_high"));
        let (gpus_low, gpus_high) = (row.num("gpus_low"), row.num("gpus_high"));
        let added = row.f64("added_mw");
        let ratio_stock = mw_low / operational;
        let ratio_added = added.filter(|a| *a > 0.0).map(|a| mw_low / a);
        let severity = if ratio_stock >= 1.0 {
            Severity::High
        } else if ratio_added.is_some_and(|r| r >= ADDITIONS_MEDIUM_MULTIPLE) {
            Severity::Medium
        } else if ratio_stock >= 0.25 {
            Severity::Low
        } else {
            Severity::Info
        };
        let market_note = if row.text("operational_scope") == "market" {
            format!(" (market {} only)", row.text("operational_market"))
        } else {
            String::new()
        };
        let mut f = Finding::new(
            "absorption",
            format!("absorption/{company}/{code}/{period}"),
            region.clone(),
            severity,
        );
        f.subject_code = Some(code.clone());
        f.score = ratio_stock;
        f.title = format!(
            "{company} revenue billed to {region} in {period} implies {}-{} GPUs drawing {}-{}: {} the country's entire operational data-centre capacity ({}, {}{market_note}){}",
            count(gpus_low),
            count(gpus_high),
            mw(mw_low),
            mw(mw_high),
            times(ratio_stock),
            mw(operational),
            row.text("operational_as_of"),
            ratio_added
                .map(|r| format!(
                    " and {} its capacity added in {} ({})",
                    times(r),
                    row.text("added_as_of"),
                    mw(added.unwrap_or_default())
                ))
                .unwrap_or_default()
        );
        f.explanation = format!(
            "{} billed to {region} ÷ ${}-${} per GPU = {}-{} GPUs; × {} kW of IT load per GPU = {}-{}. \
             Against {}'s operational capacity of {} ({}) that is {}-{} of everything built there{}. \
             The count is an upper bound (all billed revenue treated as GPUs) and the finding is consistent with \
             chips billed to {region} being installed elsewhere.",
            usd_m(row.num("revenue_usd_m")),
            count(row.num("price_low")),
            count(row.num("price_high")),
            count(gpus_low),
            count(gpus_high),
            row.num("kw_low"),
            mw(mw_low),
            mw(mw_high),
            region,
            mw(operational),
            row.text("operational_as_of"),
            times(ratio_stock),
            times(mw_high / operational),
            ratio_added
                .map(|r| format!(
                    ", and {} the {} added in {}",
                    times(r),
                    mw(added.unwrap_or_default()),
                    row.text("added_as_of")
                ))
                .unwrap_or_default()
        );
        f.figure(Figure::new(
            "billed_usd_m",
            row.num("revenue_usd_m"),
            "USD m",
            usd_m(row.num("revenue_usd_m")),
        ))
        .figure(Figure::new(
            "implied_gpus_low",
            gpus_low,
            "GPUs",
            count(gpus_low),
        ))
        .figure(Figure::new(
            "implied_gpus_high",
            gpus_high,
            "GPUs",
            count(gpus_high),
        ))
        .figure(Figure::new("implied_mw_low", mw_low, "MW", mw(mw_low)))
        .figure(Figure::new("implied_mw_high", mw_high, "MW", mw(mw_high)))
        .figure(Figure::new(
            "operational_mw",
            operational,
            "MW",
            mw(operational),
        ))
        .figure(Figure::new(
            "ratio_to_operational",
            ratio_stock,
            "×",
            times(ratio_stock),
        ));
        if let (Some(a), Some(r)) = (added, ratio_added) {
            f.figure(Figure::new("added_mw", a, "MW", mw(a)))
                .figure(Figure::new("ratio_to_added", r, "×", times(r)));
        }
        f.evidence(
            format!(
                "{company} revenue billed to {region}, {period}: {}",
                usd_m(row.num("revenue_usd_m"))
            ),
            row.text("r_source"),
            row.status("r_status"),
        )
        .evidence(
            format!(
                "Unit price ${}-${} per GPU",
                count(row.num("price_low")),
                count(row.num("price_high"))
            ),
            row.text("price_source"),
            row.status("price_status"),
        )
        .evidence(
            format!("{} kW of IT load per GPU", row.num("kw_low")),
            row.text("kw_source"),
            row.status("kw_status"),
        )
        .evidence(
            format!(
                "{region} operational data-centre capacity {} ({})",
                mw(operational),
                row.text("operational_as_of")
            ),
            row.text("operational_source"),
            row.status("operational_status"),
        );
        if let Some(a) = added {
            f.evidence(
                format!(
                    "{region} capacity added {}: {}",
                    row.text("added_as_of"),
                    mw(a)
                ),
                row.text("added_source"),
                row.status("added_status"),
            );
        }
        f.parameter(
            "unit_price_usd",
            format!("{}-{}", row.num("price_low"), row.num("price_high")),
        )
        .parameter("it_kw_per_gpu", format!("{}", row.num("kw_low")))
        .parameter("high_when", "implied MW (low end) ≥ operational capacity")
        .parameter(
            "medium_when",
            format!("implied MW ≥ {ADDITIONS_MEDIUM_MULTIPLE}× the year's capacity additions"),
        );
        f.caveats
            .push("upper bound: all billed revenue treated as data-centre GPUs".into());
        out.push(f);
    }
    if !untested.is_empty() {
        let mut f = Finding::new(
            "absorption_untested",
            "absorption/untested",
            untested.join(", "),
            Severity::Info,
        );
        f.title = format!(
            "Absorption not tested for {}: no data-centre capacity figure in the dataset",
            untested.join(", ")
        );
        f.explanation =
            "Add operational capacity for these countries to dc_capacity.csv to test them.".into();
        out.push(f);
    }
    let charts = chart(&out);
    Ok((out, charts))
}

/// Implied GPU power against capacity, per fiscal year, for the first country with a high finding.
fn chart(findings: &[Finding]) -> Vec<Chart> {
    let Some(subject) = findings
        .iter()
        .filter(|f| f.kind == "absorption")
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .and_then(|f| f.subject_code.clone())
    else {
        return Vec::new();
    };
    let mine: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.kind == "absorption" && f.subject_code.as_deref() == Some(&subject))
        .collect();
    let x: Vec<String> = mine
        .iter()
        .map(|f| f.id.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    let get = |name: &str| -> Vec<Option<f64>> {
        mine.iter()
            .map(|f| f.get_figure(name).map(|g| g.value))
            .collect()
    };
    let name = mine.first().map(|f| f.subject.clone()).unwrap_or_default();
    vec![Chart {
        id: format!("absorption_{subject}"),
        title: format!("{name}: data-centre capacity vs GPU power implied by billed revenue (MW)"),
        kind: ChartKind::Bar,
        x_labels: x,
        series: vec![
            Series {
                name: "operational capacity".into(),
                values: get("operational_mw"),
                marks: Vec::new(),
            },
            Series {
                name: "capacity added in the year".into(),
                values: get("added_mw"),
                marks: Vec::new(),
            },
            Series {
                name: "implied by billed revenue (low)".into(),
                values: get("implied_mw_low"),
                marks: Vec::new(),
            },
            Series {
                name: "implied by billed revenue (high)".into(),
                values: get("implied_mw_high"),
                marks: Vec::new(),
            },
        ],
        y_unit: "MW".into(),
        note: "Implied power is an upper bound: all billed revenue treated as GPUs at the stated price range.".into(),
    }]
}
