//! Detectors on company revenue disclosures.
//!
//! - [`billing_gap`]: revenue billed to a country against what the company says it
//!   physically shipped there (NVIDIA FY2025: Singapore 18% billed, under 2% shipped).
//! - [`basis_change`]: a company that changed the basis of its geographic revenue
//!   (billing → headquarters location); the series are kept apart, and periods reported on
//!   both bases are reconciled region by region.
//! - [`revenue_surge`]: growth of revenue billed to each region over every disclosed
//!   baseline of the same length, against the company's total growth.
//! - [`claim_check`]: which pairs of disclosed periods reproduce a published growth claim.
//!
//! All are SQL over the `revenue`, `disclosures`, `claims` and `intermediaries` tables.

use chipwatch_model::finding::{Chart, ChartKind, Figure, Finding, Series, Severity};
use chipwatch_model::status::Status;
use chipwatch_model::units::{growth_pct, pct, usd_m};
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::rows::{RowRef, Rows};

/// Share of billed revenue that at least did not ship to the region, from which a gap is "high".
pub const GAP_HIGH_SHARE: f64 = 0.5;

/// Billing vs shipping gap: one finding per shipping disclosure.
pub async fn billing_gap(ctx: &SessionContext) -> Result<Vec<Finding>, FlowsError> {
    let rows = Rows::query(
        ctx,
        "SELECT d.company, d.period, d.region_code, d.comparator, d.shipped_pct, d.billed_pct_stated,
                d.statement, d.status AS d_status, d.source AS d_source,
                r.region, r.revenue_usd_m AS billed_usd_m, r.share_pct AS billed_share_pct,
                r.status AS r_status, r.source AS r_source,
                t.revenue_usd_m AS total_usd_m, t.status AS t_status, t.source AS t_source
         FROM disclosures d
         LEFT JOIN revenue r ON r.company = d.company AND r.period = d.period
              AND r.region_code = d.region_code AND r.basis = 'billing_location'
         LEFT JOIN revenue t ON t.company = d.company AND t.period = d.period
              AND t.region_code = 'TOTAL' AND t.basis = 'billing_location'
         ORDER BY d.period_end, d.region_code",
    )
    .await?;
    let mut out = Vec::new();
    for row in rows.iter() {
        let company = row.text("company");
        let period = row.text("period");
        let code = row.text("region_code");
        let region = row
            .str("region")
            .map(str::to_string)
            .unwrap_or_else(|| code.clone());
        let Some(total) = row.f64("total_usd_m") else {
            continue; // without the company total the shipped share has no dollar value
        };
        let (billed, billed_derived) = match (row.f64("billed_usd_m"), row.f64("billed_pct_stated"))
        {
            (Some(b), _) => (b, false),
            (None, Some(p)) => (total * p / 100.0, true),
            (None, None) => continue,
        };
        let billed_share = row
            .f64("billed_share_pct")
            .or(row.f64("billed_pct_stated"))
            .unwrap_or(billed / total * 100.0);
        let shipped_pct = row.num("shipped_pct");
        let cmp = row.text("comparator");
        let cmp_sym = match cmp.as_str() {
            "lt" => "<",
            "le" => "≤",
            _ => "=",
        };
        let shipped_max = total * shipped_pct / 100.0;
        let gap = (billed - shipped_max).max(0.0);
        let unshipped_share = if billed > 0.0 { gap / billed } else { 0.0 };
        let severity = if unshipped_share >= GAP_HIGH_SHARE {
            Severity::High
        } else if unshipped_share >= 0.2 {
            Severity::Medium
        } else {
            Severity::Low
        };
        let mut f = Finding::new(
            "billing_gap",
            format!("billing_gap/{company}/{code}/{period}"),
            region.clone(),
            severity,
        );
        f.subject_code = Some(code.clone());
        f.score = gap;
        f.title = format!(
            "{company} billed {} ({}) to {region} in {period} but shipped {cmp_sym} {} of revenue there: at least {} billed there went elsewhere",
            usd_m(billed),
            pct(billed_share),
            pct(shipped_pct),
            usd_m(gap)
        );
        f.explanation = format!(
            "Revenue by geography is reported by the customer's billing location, not where goods go. \
             {company} billed {} to {region} in {period}, {} of its {} total. The physical shipments to {region} \
             were {cmp_sym} {} of total revenue, i.e. {cmp_sym} {}. So at least {} ({} of what was billed there) \
             was delivered somewhere else. A billing hub is lawful in itself; what it hides is where the chips went, \
             which is the question for export control.",
            usd_m(billed),
            pct(billed_share),
            usd_m(total),
            pct(shipped_pct),
            usd_m(shipped_max),
            usd_m(gap),
            pct(unshipped_share * 100.0),
        );
        f.figure(Figure::new("billed_usd_m", billed, "USD m", usd_m(billed)))
            .figure(Figure::new(
                "billed_share_pct",
                billed_share,
                "%",
                pct(billed_share),
            ))
            .figure(Figure::new("total_usd_m", total, "USD m", usd_m(total)))
            .figure(Figure::new(
                "shipped_pct_of_total",
                shipped_pct,
                "%",
                format!("{cmp_sym} {}", pct(shipped_pct)),
            ))
            .figure(Figure::new(
                "shipped_max_usd_m",
                shipped_max,
                "USD m",
                format!("{cmp_sym} {}", usd_m(shipped_max)),
            ))
            .figure(Figure::new(
                "gap_min_usd_m",
                gap,
                "USD m",
                format!("≥ {}", usd_m(gap)),
            ))
            .figure(Figure::new(
                "unshipped_share_of_billed_pct",
                unshipped_share * 100.0,
                "%",
                format!("≥ {}", pct(unshipped_share * 100.0)),
            ));
        if billed_derived {
            f.evidence(
                format!(
                    "{} billed to {region} in {period} = the stated billed share {} × total {}",
                    usd_m(billed),
                    pct(billed_share),
                    usd_m(total)
                ),
                row.text("d_source"),
                Status::Derived,
            );
        } else {
            f.evidence(
                format!(
                    "{company} revenue billed to {region}, {period}: {}",
                    usd_m(billed)
                ),
                row.text("r_source"),
                row.status("r_status"),
            );
        }
        f.evidence(
            format!("{company} total revenue, {period}: {}", usd_m(total)),
            row.text("t_source"),
            row.status("t_status"),
        )
        .evidence(
            row.text("statement"),
            row.text("d_source"),
            row.status("d_status"),
        );
        f.parameter(
            "high_when_unshipped_share_at_least",
            pct(GAP_HIGH_SHARE * 100.0),
        )
        .parameter("basis", "billing_location");
        out.push(f);
    }
    Ok(out)
}

/// Basis changes: which regions vanish on the new basis, and how periods reported on both
/// bases differ region by region.
pub async fn basis_change(ctx: &SessionContext) -> Result<Vec<Finding>, FlowsError> {
    let overlap = Rows::query(
        ctx,
        "SELECT b.company, b.period, b.region_code, b.region,
                b.revenue_usd_m AS billing_usd_m, h.revenue_usd_m AS hq_usd_m,
                h.revenue_usd_m - b.revenue_usd_m AS diff_usd_m,
                b.status AS b_status, h.status AS h_status, b.source AS b_source, h.source AS h_source
         FROM revenue b JOIN revenue h
           ON b.company = h.company AND b.period = h.period AND b.region_code = h.region_code
         WHERE b.basis = 'billing_location' AND h.basis = 'hq_location' AND b.region_type <> 'total'
         ORDER BY b.company, b.period, b.region_code",
    )
    .await?;
    let vanished = Rows::query(
        ctx,
        "SELECT b.company, b.period, b.region_code, b.region, b.revenue_usd_m, b.status, b.source
         FROM revenue b
         WHERE b.basis = 'billing_location' AND b.region_type = 'country'
           AND EXISTS (SELECT 1 FROM revenue p WHERE p.basis = 'hq_location'
                       AND p.company = b.company AND p.period = b.period)
           AND NOT EXISTS (SELECT 1 FROM revenue h WHERE h.basis = 'hq_location'
                       AND h.company = b.company AND h.region_code = b.region_code)
         ORDER BY b.company, b.period, b.region_code",
    )
    .await?;
    let spans = Rows::query(
        ctx,
        "SELECT company, basis, MIN(period_end) AS first_end, MAX(period_end) AS last_end,
                COUNT(DISTINCT period) AS periods
         FROM revenue GROUP BY company, basis ORDER BY company, basis",
    )
    .await?;

    let mut out = Vec::new();
    // Group overlap rows by (company, period).
    let mut groups: Vec<(String, String, Vec<RowRef<'_>>)> = Vec::new();
    for row in overlap.iter() {
        let key = (row.text("company"), row.text("period"));
        match groups.last_mut() {
            Some((c, p, v)) if *c == key.0 && *p == key.1 => v.push(row),
            _ => groups.push((key.0, key.1, vec![row])),
        }
    }
    for (company, period, rows) in groups {
        let gone: Vec<RowRef<'_>> = vanished
            .iter()
            .filter(|v| v.text("company") == company && v.text("period") == period)
            .collect();
        let mut f = Finding::new(
            "basis_reconciliation",
            format!("basis_reconciliation/{company}/{period}"),
            company.clone(),
            Severity::Info,
        );
        let mut lines = Vec::new();
        let mut china_shift = 0.0;
        for r in &rows {
            let diff = r.num("diff_usd_m");
            let code = r.text("region_code");
            if code.starts_with("CN") {
                china_shift = diff;
            }
            lines.push(format!(
                "{}: billed {} vs headquarters {} ({}{})",
                r.text("region"),
                usd_m(r.num("billing_usd_m")),
                usd_m(r.num("hq_usd_m")),
                if diff >= 0.0 { "+" } else { "" },
                usd_m(diff)
            ));
            f.figure(Figure::new(
                format!("hq_minus_billing_usd_m/{code}"),
                diff,
                "USD m",
                usd_m(diff),
            ));
            f.evidence(
                format!(
                    "{} {period} on a billing basis: {}",
                    r.text("region"),
                    usd_m(r.num("billing_usd_m"))
                ),
                r.text("b_source"),
                r.status("b_status"),
            );
            f.evidence(
                format!(
                    "{} {period} on a headquarters basis: {}",
                    r.text("region"),
                    usd_m(r.num("hq_usd_m"))
                ),
                r.text("h_source"),
                r.status("h_status"),
            );
        }
        let gone_total: f64 = gone.iter().map(|g| g.num("revenue_usd_m")).sum();
        for g in &gone {
            lines.push(format!(
                "{}: billed {} and no line on the headquarters basis",
                g.text("region"),
                usd_m(g.num("revenue_usd_m"))
            ));
            f.evidence(
                format!(
                    "{} {period} on a billing basis: {}",
                    g.text("region"),
                    usd_m(g.num("revenue_usd_m"))
                ),
                g.text("source"),
                g.status("status"),
            );
        }
        if china_shift > 0.0 {
            f.severity = Severity::Medium;
            f.score = china_shift;
            f.subject = format!("{company}: China-headquartered customers");
            f.subject_code = Some("CN".into());
            f.title = format!(
                "{company} {period}: customers headquartered in China (incl. Hong Kong) bought {} more than was billed to China: it was billed elsewhere{}",
                usd_m(china_shift),
                if gone.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({} billed to {} has no line by headquarters)",
                        usd_m(gone_total),
                        gone.iter()
                            .map(|g| g.text("region"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            );
            f.figure(Figure::new(
                "china_hq_billed_elsewhere_usd_m",
                china_shift,
                "USD m",
                usd_m(china_shift),
            ));
        } else {
            f.title = format!(
                "{company} {period}: revenue by billing location and by headquarters differ region by region"
            );
        }
        f.explanation = format!(
            "{company} reported {period} revenue on two bases: by the customer's billing location and, restated, by the \
             customer's headquarters. The same sales, assigned two ways, show where billing hubs send revenue: {}. \
             chipwatch compares the two bases only within one period and never splices them into one time series.",
            lines.join("; ")
        );
        f.parameter("bases", "billing_location vs hq_location");
        out.push(f);
    }
    // One informational finding per company with both bases: the switch itself.
    let companies: Vec<String> = {
        let mut v: Vec<String> = spans.iter().map(|r| r.text("company")).collect();
        v.dedup();
        v
    };
    for company in companies {
        let bases: Vec<RowRef<'_>> = spans
            .iter()
            .filter(|r| r.text("company") == company)
            .collect();
        if bases.len() < 2 {
            continue;
        }
        let mut f = Finding::new(
            "basis_change",
            format!("basis_change/{company}"),
            company.clone(),
            Severity::Info,
        );
        let desc: Vec<String> = bases
            .iter()
            .map(|b| {
                format!(
                    "{} from {} to {} ({} periods)",
                    b.text("basis"),
                    b.date("first_end")
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    b.date("last_end")
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    b.num("periods")
                )
            })
            .collect();
        let gone: Vec<String> = {
            let mut v: Vec<String> = vanished
                .iter()
                .filter(|r| r.text("company") == company)
                .map(|r| r.text("region"))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        f.title = format!(
            "{company} reports revenue geography on two bases; chipwatch refuses to splice them{}",
            if gone.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} has no line on the headquarters basis)",
                    gone.join(", ")
                )
            }
        );
        f.explanation = format!(
            "Series found: {}. A billing-location series and a headquarters series assign the same sale to \
             different places, so growth across the switch would measure the change of basis, not of sales. \
             Every growth figure chipwatch reports stays within one basis.",
            desc.join("; ")
        );
        f.parameter("refused", "splicing billing_location with hq_location");
        out.push(f);
    }
    Ok(out)
}

/// Share-of-total gain (percentage points) from which a surge to an intermediary is "high".
pub const SURGE_HIGH_SHARE_GAIN_PP: f64 = 5.0;

/// Revenue surge per region: growth of the latest period over every earlier period of the
/// same length and basis, against the company total over the same span.
pub async fn revenue_surge(ctx: &SessionContext) -> Result<Vec<Finding>, FlowsError> {
    let rows = Rows::query(
        ctx,
        "WITH pairs AS (
           SELECT a.company, a.basis, a.region_code, a.region, a.months,
                  a.period AS base_period, a.period_end AS base_end, a.revenue_usd_m AS base_usd_m,
                  a.status AS base_status, a.source AS base_source,
                  b.period, b.period_end, b.revenue_usd_m AS usd_m, b.status, b.source,
                  (b.revenue_usd_m / a.revenue_usd_m - 1.0) * 100.0 AS growth_pct,
                  ta.revenue_usd_m AS total_base, tb.revenue_usd_m AS total_later
           FROM revenue a
           JOIN revenue b ON a.company = b.company AND a.basis = b.basis
                AND a.region_code = b.region_code AND a.months = b.months AND a.period_end < b.period_end
           LEFT JOIN revenue ta ON ta.company = a.company AND ta.basis = a.basis
                AND ta.period = a.period AND ta.region_code = 'TOTAL'
           LEFT JOIN revenue tb ON tb.company = b.company AND tb.basis = b.basis
                AND tb.period = b.period AND tb.region_code = 'TOTAL'
           WHERE a.region_type IN ('country', 'combined') AND a.revenue_usd_m > 0
         ),
         latest AS (
           SELECT company, basis, region_code, months, MAX(period_end) AS last_end
           FROM pairs GROUP BY company, basis, region_code, months
         )
         SELECT p.*, (p.total_later / p.total_base - 1.0) * 100.0 AS total_growth_pct,
                p.base_usd_m / p.total_base * 100.0 AS base_share_pct,
                p.usd_m / p.total_later * 100.0 AS share_pct,
                i.country IS NOT NULL AS intermediary, i.first_event, i.first_source
         FROM pairs p
         JOIN latest l ON p.company = l.company AND p.basis = l.basis
              AND p.region_code = l.region_code AND p.months = l.months AND p.period_end = l.last_end
         LEFT JOIN intermediaries i ON i.country = p.region_code AND i.role = 'route'
         ORDER BY p.company, p.basis, p.region_code, p.months, p.base_end",
    )
    .await?;
    let all: Vec<RowRef<'_>> = rows.iter().collect();
    let mut out = Vec::new();
    for group in all.chunk_by(|a, b| {
        a.text("company") == b.text("company")
            && a.text("basis") == b.text("basis")
            && a.text("region_code") == b.text("region_code")
            && a.num("months") == b.num("months")
    }) {
        let first = group[0];
        let company = first.text("company");
        let basis = first.text("basis");
        let code = first.text("region_code");
        let region = first.text("region");
        let period = first.text("period");
        let latest = first.num("usd_m");
        let intermediary = first.bool("intermediary").unwrap_or(false);
        // The earliest baseline carries the longest view of the surge.
        let earliest = group[0];
        let g = earliest.num("growth_pct");
        let tg = earliest.f64("total_growth_pct");
        let share_gain = match (earliest.f64("share_pct"), earliest.f64("base_share_pct")) {
            (Some(s), Some(b)) => Some(s - b),
            _ => None,
        };
        let outpaces = tg.is_none_or(|t| g > t);
        let severity = match (intermediary, outpaces, share_gain) {
            (true, true, Some(gain)) if gain >= SURGE_HIGH_SHARE_GAIN_PP => Severity::High,
            (true, true, _) => Severity::Medium,
            (false, true, _) => Severity::Low,
            _ => Severity::Info,
        };
        let mut f = Finding::new(
            "revenue_surge",
            format!("revenue_surge/{company}/{basis}/{code}/{period}"),
            region.clone(),
            severity,
        );
        f.subject_code = Some(code.clone());
        f.score = g;
        let months = first.num("months") as u8;
        let length = match months {
            12 => "fiscal year",
            3 => "quarter",
            _ => "period",
        };
        f.title = format!(
            "{company} revenue billed to {region} grew {} from {} to {} ({}{}){}",
            growth_pct(g),
            earliest.text("base_period"),
            period,
            usd_m(latest),
            tg.map(|t| format!("; company total {}", growth_pct(t)))
                .unwrap_or_default(),
            share_gain
                .map(|s| format!("; share {:+.1} pp", s))
                .unwrap_or_default()
        );
        let mut baselines = Vec::new();
        for r in group {
            let bp = r.text("base_period");
            baselines.push(format!(
                "vs {bp} ({}): {}{}",
                usd_m(r.num("base_usd_m")),
                growth_pct(r.num("growth_pct")),
                r.f64("total_growth_pct")
                    .map(|t| format!(" (total {})", growth_pct(t)))
                    .unwrap_or_default()
            ));
            f.figure(Figure::new(
                format!("growth_pct/vs/{bp}"),
                r.num("growth_pct"),
                "%",
                growth_pct(r.num("growth_pct")),
            ));
            f.evidence(
                format!("{company} {region} {bp}: {}", usd_m(r.num("base_usd_m"))),
                r.text("base_source"),
                r.status("base_status"),
            );
        }
        f.evidence(
            format!("{company} {region} {period}: {}", usd_m(latest)),
            first.text("source"),
            first.status("status"),
        );
        if intermediary {
            f.evidence(
                format!(
                    "{region} is named as a route for controlled chips: {}",
                    first.text("first_event")
                ),
                first.text("first_source"),
                Status::VerifiedSecondary,
            );
        }
        f.figure(Figure::new("latest_usd_m", latest, "USD m", usd_m(latest)));
        if let Some(s) = earliest.f64("share_pct") {
            f.figure(Figure::new("share_pct", s, "%", pct(s)));
        }
        f.explanation = format!(
            "Growth of {company} revenue billed to {region} ({}), {length} against every earlier {length} \
             disclosed on the same basis: {}. {}",
            basis.replace('_', " "),
            baselines.join("; "),
            if intermediary {
                format!(
                    "{region} is a route named in enforcement actions; growth {} the company total.",
                    if outpaces {
                        "outpacing"
                    } else {
                        "not outpacing"
                    }
                )
            } else {
                "The region is not named as a route in the bundled enforcement record.".to_string()
            }
        );
        f.parameter("compared", format!("{length}s on the {basis} basis only"))
            .parameter("high_when", format!(
                "named route, growth above the company total and share gain ≥ {SURGE_HIGH_SHARE_GAIN_PP} pp"
            ));
        out.push(f);
    }
    Ok(out)
}

/// Tolerance on the growth multiple (1 + g) within which a pair "reproduces" a claim.
pub const CLAIM_TOLERANCE: f64 = 0.10;

/// Check each growth claim against every pair of disclosed periods for its region.
pub async fn claim_check(ctx: &SessionContext) -> Result<Vec<Finding>, FlowsError> {
    let rows = Rows::query(
        ctx,
        "SELECT c.id, c.company, c.claim, c.growth_pct AS claimed_pct, c.status AS claim_status,
                c.source AS claim_source, c.region_code, a.region, a.basis,
                a.period AS base_period, a.months AS base_months, a.revenue_usd_m AS base_usd_m,
                a.status AS base_status, a.source AS base_source,
                b.period AS later_period, b.months AS later_months, b.revenue_usd_m AS later_usd_m,
                b.status AS later_status, b.source AS later_source,
                (b.revenue_usd_m / a.revenue_usd_m - 1.0) * 100.0 AS growth_pct
         FROM claims c
         JOIN revenue a ON a.company = c.company AND a.region_code = c.region_code
         JOIN revenue b ON b.company = a.company AND b.region_code = a.region_code
              AND b.basis = a.basis AND b.period_end > a.period_end
         WHERE a.revenue_usd_m > 0
         ORDER BY c.id, a.period_end, b.period_end",
    )
    .await?;
    let claims = Rows::query(ctx, "SELECT id, company, claim, growth_pct, status, source, region_code FROM claims ORDER BY id").await?;
    let all: Vec<RowRef<'_>> = rows.iter().collect();
    let mut out = Vec::new();
    for claim in claims.iter() {
        let id = claim.text("id");
        let claimed = claim.num("growth_pct");
        let pairs: Vec<RowRef<'_>> = all.iter().copied().filter(|r| r.text("id") == id).collect();
        let code = claim.text("region_code");
        let region = pairs
            .first()
            .map(|r| r.text("region"))
            .unwrap_or_else(|| code.clone());
        let mut f = Finding::new(
            "claim_check",
            format!("claim_check/{id}"),
            region.clone(),
            Severity::Info,
        );
        f.subject_code = Some(code.clone());
        f.evidence(
            format!(
                "Claim: \"{}\" ({})",
                claim.text("claim"),
                growth_pct(claimed)
            ),
            claim.text("source"),
            claim
                .str("status")
                .and_then(Status::parse)
                .unwrap_or(Status::Unverified),
        );
        f.parameter(
            "tolerance_on_growth_multiple",
            format!("±{:.0}%", CLAIM_TOLERANCE * 100.0),
        );
        if pairs.is_empty() {
            f.title = format!(
                "Claim \"{}\": no two disclosed periods to compare",
                claim.text("claim")
            );
            f.explanation = "The record holds fewer than two figures for this region.".into();
            f.severity = Severity::Low;
            out.push(f);
            continue;
        }
        let miss = |r: &RowRef<'_>| {
            ((1.0 + r.num("growth_pct") / 100.0) / (1.0 + claimed / 100.0))
                .ln()
                .abs()
        };
        let like = |r: &RowRef<'_>| r.num("base_months") == r.num("later_months");
        let tol = (1.0 + CLAIM_TOLERANCE).ln();
        let describe = |r: &RowRef<'_>| {
            format!(
                "{} {} → {} {}: {}",
                r.text("base_period"),
                usd_m(r.num("base_usd_m")),
                r.text("later_period"),
                usd_m(r.num("later_usd_m")),
                growth_pct(r.num("growth_pct"))
            )
        };
        let mut matching_like: Vec<RowRef<'_>> = pairs
            .iter()
            .copied()
            .filter(|r| like(r) && miss(r) <= tol)
            .collect();
        let mut matching_mixed: Vec<RowRef<'_>> = pairs
            .iter()
            .copied()
            .filter(|r| !like(r) && miss(r) <= tol)
            .collect();
        matching_like.sort_by(|a, b| miss(a).total_cmp(&miss(b)));
        matching_mixed.sort_by(|a, b| miss(a).total_cmp(&miss(b)));
        let nearest_like = pairs
            .iter()
            .copied()
            .filter(|r| like(r))
            .min_by(|a, b| miss(a).total_cmp(&miss(b)));
        for r in matching_like
            .iter()
            .chain(&matching_mixed)
            .chain(nearest_like.iter())
        {
            f.evidence(
                format!(
                    "{} {}: {}",
                    region,
                    r.text("base_period"),
                    usd_m(r.num("base_usd_m"))
                ),
                r.text("base_source"),
                r.status("base_status"),
            );
            f.evidence(
                format!(
                    "{} {}: {}",
                    region,
                    r.text("later_period"),
                    usd_m(r.num("later_usd_m"))
                ),
                r.text("later_source"),
                r.status("later_status"),
            );
        }
        let claim_text = claim.text("claim");
        if let Some(best) = matching_like.first() {
            f.title = format!(
                "Claim \"{claim_text}\" ({}) is reproduced like for like: {}",
                growth_pct(claimed),
                describe(best)
            );
            f.explanation = format!(
                "Comparing periods of the same length, {} reproduce the claimed growth within {:.0}% of its multiple.",
                matching_like
                    .iter()
                    .map(&describe)
                    .collect::<Vec<_>>()
                    .join("; "),
                CLAIM_TOLERANCE * 100.0
            );
            f.figure(Figure::new(
                "reproduced_growth_pct",
                best.num("growth_pct"),
                "%",
                growth_pct(best.num("growth_pct")),
            ));
        } else {
            f.severity = Severity::Medium;
            let nearest = nearest_like
                .map(|r| format!("the nearest like-for-like comparison is {}", describe(&r)))
                .unwrap_or_else(|| "no two periods of the same length are disclosed".into());
            if let Some(best) = matching_mixed.first() {
                f.title = format!(
                    "Claim \"{claim_text}\" ({}) is reproduced only by comparing periods of different length: {}",
                    growth_pct(claimed),
                    describe(best)
                );
                f.explanation = format!(
                    "Only {} come within {:.0}% of the claimed multiple, and each sets a shorter period against a longer one, \
                     which inflates growth. Like for like, {nearest}.",
                    matching_mixed
                        .iter()
                        .map(describe)
                        .collect::<Vec<_>>()
                        .join("; "),
                    CLAIM_TOLERANCE * 100.0
                );
                f.figure(Figure::new(
                    "mixed_length_growth_pct",
                    best.num("growth_pct"),
                    "%",
                    growth_pct(best.num("growth_pct")),
                ));
            } else {
                f.title = format!(
                    "Claim \"{claim_text}\" ({}) is not reproduced by the record; {nearest}",
                    growth_pct(claimed)
                );
                f.explanation = format!(
                    "No pair of disclosed periods comes within {:.0}% of the claimed multiple; {nearest}.",
                    CLAIM_TOLERANCE * 100.0
                );
            }
            if let Some(r) = nearest_like {
                f.figure(Figure::new(
                    "nearest_like_for_like_growth_pct",
                    r.num("growth_pct"),
                    "%",
                    growth_pct(r.num("growth_pct")),
                ));
            }
        }
        f.figure(Figure::new(
            "claimed_growth_pct",
            claimed,
            "%",
            growth_pct(claimed),
        ));
        out.push(f);
    }
    Ok(out)
}

/// Charts: revenue by billing region per fiscal year, and each disclosed region's billed vs shipped share.
pub async fn charts(ctx: &SessionContext) -> Result<Vec<Chart>, FlowsError> {
    let mut charts = Vec::new();
    let rows = Rows::query(
        ctx,
        "SELECT company, period, period_end, region, region_code, revenue_usd_m, status
         FROM revenue WHERE basis = 'billing_location' AND months = 12 AND region_type <> 'total'
         ORDER BY company, period_end, region",
    )
    .await?;
    if !rows.is_empty() {
        let mut x: Vec<String> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for r in rows.iter() {
            let p = r.text("period");
            if !x.contains(&p) {
                x.push(p);
            }
            let n = r.text("region");
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let series = names
            .iter()
            .map(|n| Series {
                name: n.clone(),
                values: x
                    .iter()
                    .map(|p| {
                        rows.iter()
                            .find(|r| r.text("period") == *p && r.text("region") == *n)
                            .map(|r| r.num("revenue_usd_m"))
                    })
                    .collect(),
                marks: Vec::new(),
            })
            .collect();
        charts.push(Chart {
            id: "revenue_by_billing_region".into(),
            title: "NVIDIA revenue by billing location, fiscal years (USD m)".into(),
            kind: ChartKind::Line,
            x_labels: x,
            series,
            y_unit: "USD m".into(),
            note: "Billing-location basis only. Singapore is broken out from FY2023; earlier 'Other countries' includes it. \
                   FY2023-FY2024 Singapore figures are unverified restatements."
                .into(),
        });
    }
    let share = Rows::query(
        ctx,
        "SELECT r.period, r.period_end, r.region, r.region_code,
                COALESCE(r.share_pct, r.revenue_usd_m / t.revenue_usd_m * 100.0) AS billed_pct,
                d.shipped_pct
         FROM revenue r
         LEFT JOIN revenue t ON t.company = r.company AND t.period = r.period
              AND t.basis = r.basis AND t.region_code = 'TOTAL'
         LEFT JOIN disclosures d ON d.company = r.company AND d.period = r.period AND d.region_code = r.region_code
         WHERE r.basis = 'billing_location'
           AND r.region_code IN (SELECT DISTINCT region_code FROM disclosures)
         ORDER BY r.region_code, r.period_end, r.months",
    )
    .await?;
    if !share.is_empty() {
        let region = share
            .iter()
            .next()
            .map(|r| r.text("region"))
            .unwrap_or_default();
        let x: Vec<String> = share.iter().map(|r| r.text("period")).collect();
        let billed: Vec<Option<f64>> = share.iter().map(|r| r.f64("billed_pct")).collect();
        let shipped: Vec<Option<f64>> = share.iter().map(|r| r.f64("shipped_pct")).collect();
        let marks = shipped
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some())
            .map(|(i, _)| i)
            .collect();
        charts.push(Chart {
            id: "billed_vs_shipped_share".into(),
            title: format!("{region}: share of NVIDIA revenue billed there vs physically shipped there (%)"),
            kind: ChartKind::Bar,
            x_labels: x,
            series: vec![
                Series {
                    name: "billed (% of total revenue)".into(),
                    values: billed,
                    marks: Vec::new(),
                },
                Series {
                    name: "shipped, upper bound (% of total revenue)".into(),
                    values: shipped,
                    marks,
                },
            ],
            y_unit: "%".into(),
            note: "Shipped shares are upper bounds as disclosed ('under 2%', 'under 1%'). Periods of different length are shown side by side; shares, not dollars, are comparable.".into(),
        });
    }
    Ok(charts)
}
