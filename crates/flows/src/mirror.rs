//! Mirror statistics: what an exporter reports sending against what the importer reports
//! receiving, per product, pair and year (Fisman & Wei, "Tax Rates and Tax Evasion: Evidence
//! from Missing Imports in China", JPE 2004).
//!
//! Importers value goods CIF (with freight and insurance), exporters FOB; the importer's
//! figure is divided by a CIF/FOB factor (1.10 by default, as in the AI-compute trade panels)
//! before comparing. `gap = ln(exports) − ln(imports ÷ factor)`; the unaccounted share
//! `1 − (imports ÷ factor) ÷ exports` is the part of the exports that never appears as
//! imports: **ghost exports**, goods declared for one destination that went elsewhere, or
//! were declared under another code on arrival. A pair is compared only where the importer
//! reports imports of that product in that year from someone, so a country that simply does
//! not report is not mistaken for a ghost destination.
//!
//! Exporters are also country groups of which two or more members report ([`crate::panel`]):
//! EU27's exports to Armenia are its members' reported exports there, and Armenia's imports
//! from EU27 its reported imports from those same members. At the group's level, goods one
//! member exports and the importer records as another member's (the quasi-transit of goods
//! through Rotterdam or Antwerp) no longer open a gap; what remains is what the group sent
//! that never arrived. A group's finding names its members' shares.

use chipwatch_model::dataset::DESTINATIONS_OF_CONCERN;
use chipwatch_model::finding::{Figure, Finding, Severity};
use chipwatch_model::status::Status;
use chipwatch_model::units::usd_m;
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::rows::Rows;

/// Parameters of the mirror-gap detector.
#[derive(Debug, Clone, Copy)]
pub struct MirrorParams {
    /// Importer CIF ÷ this = FOB-equivalent.
    pub cif_fob: f64,
    /// Minimum unaccounted share of the exports to report, 0-1.
    pub min_unaccounted: f64,
    /// Minimum unaccounted value, USD.
    pub min_usd: f64,
}

impl Default for MirrorParams {
    fn default() -> Self {
        MirrorParams {
            cif_fob: 1.10,
            min_unaccounted: 0.30,
            min_usd: 10_000_000.0,
        }
    }
}

/// The comparison per exporter (a country, or a group of which two or more members report:
/// see [`crate::panel`]), importer, HS6 and year.
fn query(groups: &[crate::panel::ActiveGroup]) -> String {
    format!(
        "WITH {cells}, {by_origin},
     x AS (
       SELECT reporter AS exporter, partner AS importer, hs6, year,
              SUM(value_usd) AS exported,
              {MONTHS_COVERED} AS months_x
       FROM cells WHERE reporter <> partner
       GROUP BY 1, 2, 3, 4
     ),
     m AS (
       SELECT partner AS exporter, reporter AS importer, hs6, year,
              SUM(value_usd) AS imported,
              {MONTHS_COVERED} AS months_m
       FROM by_origin WHERE reporter <> partner
       GROUP BY 1, 2, 3, 4
     ),
     reports AS (SELECT DISTINCT importer, hs6, year, months_m AS months_r FROM m)
     SELECT x.exporter, x.importer, x.hs6, x.year, x.exported, x.months_x,
            COALESCE(m.imported, 0.0) AS imported, m.months_m,
            i.role AS importer_role
     FROM x
     JOIN reports r ON r.importer = x.importer AND r.hs6 = x.hs6 AND r.year = x.year AND r.months_r = x.months_x
     LEFT JOIN m ON m.exporter = x.exporter AND m.importer = x.importer AND m.hs6 = x.hs6 AND m.year = x.year
     LEFT JOIN intermediaries i ON i.country = x.importer
     ORDER BY x.exporter, x.importer, x.hs6, x.year",
        cells = crate::panel::cells_cte(groups, "'export'"),
        by_origin = crate::panel::by_origin_cte(groups, "'import'"),
        MONTHS_COVERED = crate::tables::MONTHS_COVERED
    )
}

/// Each member's exports behind a group's rows: `(group, importer, hs6, year)` → members and
/// their exports, largest first.
async fn member_exports(
    ctx: &SessionContext,
    groups: &[crate::panel::ActiveGroup],
    wanted: &std::collections::BTreeSet<GroupKey>,
) -> Result<std::collections::HashMap<GroupKey, Vec<(String, f64)>>, FlowsError> {
    let mut out: std::collections::HashMap<_, Vec<(String, f64)>> = Default::default();
    if wanted.is_empty() {
        return Ok(out);
    }
    let ids: Vec<String> = wanted.iter().map(|w| w.0.clone()).collect();
    let q = format!(
        "WITH {cells}
         SELECT reporter, member, partner, hs6, year, SUM(value_usd) AS v FROM cells
         WHERE reporter IN ({ids}) GROUP BY 1, 2, 3, 4, 5
         ORDER BY reporter, partner, hs6, year, v DESC, member",
        cells = crate::panel::cells_cte(groups, "'export'"),
        ids = crate::sql_list(&ids),
    );
    for r in Rows::query(ctx, &q).await?.iter() {
        let key = (
            r.text("reporter"),
            r.text("partner"),
            r.text("hs6"),
            r.i64("year").unwrap_or(0),
        );
        if wanted.contains(&key) {
            out.entry(key)
                .or_default()
                .push((r.text("member"), r.num("v")));
        }
    }
    Ok(out)
}

/// Mirror-gap findings: pairs where a large share of reported exports never appears in the
/// importer's statistics.
pub async fn mirror_gap(
    ctx: &SessionContext,
    p: &MirrorParams,
) -> Result<Vec<Finding>, FlowsError> {
    let groups = crate::panel::active_groups(ctx, &chipwatch_model::groups::bundled()).await?;
    let rows = Rows::query(ctx, &query(&groups)).await?;
    let name = |code: &str| crate::panel::origin_name(&groups, code);
    let mut out = Vec::new();
    // (finding, key) of the findings whose exporter is a group.
    let mut of_groups: Vec<(usize, GroupKey)> = Vec::new();
    let mut prev: Option<(String, String, String, i64, f64)> = None;
    for row in rows.iter() {
        let (ex, im, hs6) = (row.text("exporter"), row.text("importer"), row.text("hs6"));
        let year = row.i64("year").unwrap_or(0);
        let exported = row.num("exported");
        let fob = row.num("imported") / p.cif_fob;
        let unaccounted = exported - fob;
        let share = if exported > 0.0 {
            unaccounted / exported
        } else {
            0.0
        };
        let gap = if fob > 0.0 && exported > 0.0 {
            Some(exported.ln() - fob.ln())
        } else {
            None
        };
        let last_share = prev
            .as_ref()
            .filter(|(a, b, c, y, _)| *a == ex && *b == im && *c == hs6 && *y == year - 1)
            .map(|(.., s)| *s);
        prev = Some((ex.clone(), im.clone(), hs6.clone(), year, share));
        if share < p.min_unaccounted || unaccounted < p.min_usd {
            continue;
        }
        let role = row.text("importer_role");
        let concern = DESTINATIONS_OF_CONCERN.contains(&im.as_str()) || role == "route";
        let severity = match (share >= 0.5, concern) {
            (true, true) => Severity::High,
            (true, false) | (false, true) => Severity::Medium,
            (false, false) => Severity::Low,
        };
        let mut f = Finding::new(
            "mirror_gap",
            format!("mirror_gap/{ex}/{im}/{hs6}/{year}"),
            name(&im),
            severity,
        );
        f.subject_code = Some(im.clone());
        f.score = share * 100.0;
        f.title = format!(
            "{:.0}% of {}'s {year} exports of HS {hs6} to {} never appear in {}'s imports: {} exported, {} imported (FOB-equivalent)",
            share * 100.0,
            name(&ex),
            name(&im),
            name(&im),
            usd_m(exported / 1e6),
            usd_m(fob / 1e6)
        );
        f.explanation = format!(
            "{} reports {} of exports of HS {hs6} to {} in {year}; {} reports {} of imports of it from {} (CIF), {} after \
             dividing by {:.2} for freight and insurance. {} ({:.0}%) is unaccounted for{}{}. {} reports imports of HS {hs6} \
             that year, so this is not a gap in reporting. Ghost exports mean goods declared for one destination went \
             elsewhere or were declared under another code on arrival (Fisman & Wei 2004; the EBRD's ghost-trade estimate \
             found about half of the extra EU exports to Central Asia in 2022-23 missing from partners' imports).",
            name(&ex),
            usd_m(exported / 1e6),
            name(&im),
            name(&im),
            usd_m(row.num("imported") / 1e6),
            name(&ex),
            usd_m(fob / 1e6),
            p.cif_fob,
            usd_m(unaccounted / 1e6),
            share * 100.0,
            gap.map(|g| format!(" (log gap {g:.2})"))
                .unwrap_or_else(|| " (no imports recorded at all)".into()),
            last_share
                .map(|s| format!("; the year before, {:.0}% was", s * 100.0))
                .unwrap_or_default(),
            name(&im),
        );
        f.figure(Figure::new(
            "exported_usd",
            exported,
            "USD",
            usd_m(exported / 1e6),
        ))
        .figure(Figure::new(
            "imported_cif_usd",
            row.num("imported"),
            "USD",
            usd_m(row.num("imported") / 1e6),
        ))
        .figure(Figure::new(
            "imported_fob_usd",
            fob,
            "USD",
            usd_m(fob / 1e6),
        ))
        .figure(Figure::new(
            "unaccounted_usd",
            unaccounted,
            "USD",
            usd_m(unaccounted / 1e6),
        ))
        .figure(Figure::new(
            "unaccounted_pct",
            share * 100.0,
            "%",
            format!("{:.0}%", share * 100.0),
        ));
        if let Some(g) = gap {
            f.figure(Figure::new("log_gap", g, "", format!("{g:.3}")));
        }
        if let Some(s) = last_share {
            f.figure(Figure::new(
                "previous_year_unaccounted_pct",
                s * 100.0,
                "%",
                format!("{:.0}%", s * 100.0),
            ));
        }
        f.evidence(
            format!(
                "{} exports of HS {hs6} to {} in {year}, as {} reports them",
                name(&ex),
                name(&im),
                name(&ex)
            ),
            "trade input (exporter's statistics)",
            Status::VerifiedPrimary,
        );
        f.evidence(
            format!(
                "{} imports of HS {hs6} from {} in {year}, as {} reports them",
                name(&im),
                name(&ex),
                name(&im)
            ),
            "trade input (importer's statistics)",
            Status::VerifiedPrimary,
        );
        f.caveats.push(
            "timing (goods shipped in December arrive in January), confidentiality suppressions and HS revisions also open gaps"
                .into(),
        );
        f.parameter("cif_fob_factor", p.cif_fob.to_string())
            .parameter("min_unaccounted_share", p.min_unaccounted.to_string())
            .parameter("min_unaccounted_usd", p.min_usd.to_string());
        if groups.iter().any(|g| g.id == ex) {
            of_groups.push((out.len(), (ex.clone(), im.clone(), hs6.clone(), year)));
        }
        out.push(f);
    }
    name_members(ctx, &groups, &of_groups, &mut out).await?;
    Ok(out)
}

/// A group's row of the comparison: exporter (the group), importer, HS6, year.
type GroupKey = (String, String, String, i64);

/// Findings whose exporter is a group name the members behind its exports, with their shares,
/// and say how the importer's side was summed.
async fn name_members(
    ctx: &SessionContext,
    groups: &[crate::panel::ActiveGroup],
    of_groups: &[(usize, GroupKey)],
    findings: &mut [Finding],
) -> Result<(), FlowsError> {
    let wanted: std::collections::BTreeSet<GroupKey> =
        of_groups.iter().map(|(_, k)| k.clone()).collect();
    let members = member_exports(ctx, groups, &wanted).await?;
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    for (i, k) in of_groups {
        let f = &mut findings[*i];
        let Some(m) = members.get(k) else { continue };
        let total: f64 = m.iter().map(|(_, v)| v).sum();
        if total <= 0.0 {
            continue;
        }
        let shares: Vec<String> = m
            .iter()
            .take(5)
            .map(|(c, v)| format!("{} {:.0}%", countries.name_of(c), v / total * 100.0))
            .collect();
        for (c, v) in m.iter().take(5) {
            f.figure(Figure::new(
                format!("member_share_{c}_pct"),
                v / total * 100.0,
                "%",
                format!("{:.0}%", v / total * 100.0),
            ));
        }
        f.explanation.push_str(&format!(
            " The exports are the sum of {} members' reports ({}{}); the imports are {}'s reported imports from those same members, so goods one member declares as another's (quasi-transit) count once.",
            m.len(),
            shares.join(", "),
            if m.len() > 5 { ", ..." } else { "" },
            countries.name_of(&k.1),
        ));
    }
    Ok(())
}
