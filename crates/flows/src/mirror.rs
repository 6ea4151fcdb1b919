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

fn query() -> String {
    format!(
        "WITH x AS (
       SELECT reporter AS exporter, partner AS importer, hs6, year,
              SUM(value_usd) AS exported,
              {MONTHS_COVERED} AS months_x
       FROM trade_cells WHERE flow = 'export' AND reporter <> partner
       GROUP BY 1, 2, 3, 4
     ),
     m AS (
       SELECT partner AS exporter, reporter AS importer, hs6, year,
              SUM(value_usd) AS imported,
              {MONTHS_COVERED} AS months_m
       FROM trade_cells WHERE flow = 'import' AND reporter <> partner
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
        MONTHS_COVERED = crate::tables::MONTHS_COVERED
    )
}

/// Mirror-gap findings: pairs where a large share of reported exports never appears in the
/// importer's statistics.
pub async fn mirror_gap(
    ctx: &SessionContext,
    p: &MirrorParams,
) -> Result<Vec<Finding>, FlowsError> {
    let rows = Rows::query(ctx, &query()).await?;
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    let name = |code: &str| countries.name_of(code);
    let mut out = Vec::new();
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
        out.push(f);
    }
    Ok(out)
}
