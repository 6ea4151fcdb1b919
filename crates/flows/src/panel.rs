//! Origins as the trade detectors see them: every reporter of the panel, and every country
//! group ([`chipwatch_model::groups`]) of which at least two members report, summed over its
//! members' exports to destinations outside the group (EU27 → Armenia is the sum of the 27
//! member states' exports to Armenia; exports from Germany to France are not EU27 exports).
//!
//! A group counts a member only in the months it belongs (`as_of` groups) or in every month
//! (`fixed` groups such as Eurostat's EU27_2020). When two groups have the same reporting
//! members (the EU of the date and the EU27 after 2020, on a panel without the United
//! Kingdom) only the first is kept, so one sum is not reported twice under two names.

use chipwatch_model::groups::CountryGroup;
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::rows::Rows;

/// A group with at least two members in the panel.
#[derive(Debug, Clone)]
pub struct ActiveGroup {
    pub id: String,
    pub name: String,
    /// Members that report in the panel.
    pub reporting: Vec<String>,
    pub source: String,
}

/// The groups to sum on this panel: those with two or more reporting members whose id is
/// not itself a reporter (a file that already carries the EU aggregate keeps its own).
pub async fn active_groups(
    ctx: &SessionContext,
    groups: &[CountryGroup],
) -> Result<Vec<ActiveGroup>, FlowsError> {
    let reporters: Vec<String> = Rows::query(
        ctx,
        "SELECT DISTINCT reporter FROM trade_cells WHERE flow IN ('export', 're_export') ORDER BY reporter",
    )
    .await?
    .iter()
    .map(|r| r.text("reporter"))
    .collect();
    Ok(select_groups(&reporters, groups))
}

/// [`active_groups`] on a list of reporters.
pub fn select_groups(reporters: &[String], groups: &[CountryGroup]) -> Vec<ActiveGroup> {
    let mut out: Vec<ActiveGroup> = Vec::new();
    for g in groups {
        if reporters.iter().any(|r| r.eq_ignore_ascii_case(&g.id)) {
            continue;
        }
        let mut reporting: Vec<String> = g
            .members
            .iter()
            .map(|m| m.alpha2.clone())
            .filter(|m| reporters.contains(m))
            .collect();
        reporting.sort();
        if reporting.len() < 2 || out.iter().any(|o| o.reporting == reporting) {
            continue;
        }
        out.push(ActiveGroup {
            id: g.id.clone(),
            name: g.name.clone(),
            reporting,
            source: g.source.clone(),
        });
    }
    out
}

/// The SQL condition that the `country_groups` row `alias` counts its member in the month of
/// the trade cell `t`.
fn counts_in_month(alias: &str) -> String {
    format!(
        "({alias}.from_month IS NULL OR t.start_month >= {alias}.from_month)
         AND ({alias}.to_month IS NULL OR t.start_month <= {alias}.to_month)"
    )
}

/// The `cells` CTE: `reporter` (a country or a group id), `member` (the reporting country),
/// `partner`, `hs6`, `year`, `start_month`, `months`, `value_usd`, `preliminary`, for the
/// given flows (a SQL list such as `'export'`).
pub fn cells_cte(groups: &[ActiveGroup], flows: &str) -> String {
    let own = format!(
        "SELECT reporter, reporter AS member, partner, hs6, year, start_month, months, value_usd, preliminary
         FROM trade_cells WHERE flow IN ({flows})"
    );
    if groups.is_empty() {
        return format!("cells AS ({own})");
    }
    let ids = crate::sql_list(&groups.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
    format!(
        "cells AS (
           {own}
           UNION ALL
           SELECT g.group_id AS reporter, t.reporter AS member, t.partner, t.hs6, t.year, t.start_month,
                  t.months, t.value_usd, t.preliminary
           FROM trade_cells t
           JOIN country_groups g ON g.member = t.reporter AND {gw}
           LEFT JOIN country_groups p ON p.group_id = g.group_id AND p.member = t.partner AND {pw}
           WHERE t.flow IN ({flows}) AND g.group_id IN ({ids}) AND p.member IS NULL
         )",
        gw = counts_in_month("g"),
        pw = counts_in_month("p"),
    )
}

/// The `by_origin` CTE: cells of the given flows seen from the other side, with `partner`
/// (the country that sent the goods) also read as every active group of which it is a
/// reporting member, when the reporter is outside that group. An importer's imports from
/// Germany and from France then also count as its imports from EU27, summed over the same
/// members that [`cells_cte`] sums on the exporters' side. Columns as [`cells_cte`], without
/// `member`.
pub fn by_origin_cte(groups: &[ActiveGroup], flows: &str) -> String {
    let own = format!(
        "SELECT reporter, partner, hs6, year, start_month, months, value_usd, preliminary
         FROM trade_cells WHERE flow IN ({flows})"
    );
    let pairs: Vec<String> = groups
        .iter()
        .flat_map(|g| {
            g.reporting.iter().map(move |m| {
                format!(
                    "('{}', '{}')",
                    g.id.replace('\'', "''"),
                    m.replace('\'', "''")
                )
            })
        })
        .collect();
    if pairs.is_empty() {
        return format!("by_origin AS ({own})");
    }
    format!(
        "by_origin AS (
           {own}
           UNION ALL
           SELECT t.reporter, g.group_id AS partner, t.hs6, t.year, t.start_month, t.months,
                  t.value_usd, t.preliminary
           FROM trade_cells t
           JOIN country_groups g ON g.member = t.partner AND {gw}
           JOIN (VALUES {pairs}) AS rm(group_id, member) ON rm.group_id = g.group_id AND rm.member = t.partner
           LEFT JOIN country_groups p ON p.group_id = g.group_id AND p.member = t.reporter AND {pw}
           WHERE t.flow IN ({flows}) AND p.member IS NULL
         )",
        gw = counts_in_month("g"),
        pw = counts_in_month("p"),
        pairs = pairs.join(", "),
    )
}

/// The name of an origin: a group's name with its id, or a country's name.
pub fn origin_name(groups: &[ActiveGroup], code: &str) -> String {
    match groups.iter().find(|g| g.id == code) {
        Some(g) => format!("{} ({})", g.id, g.name),
        None => chipwatch_model::country::CountryRegistry::bundled().name_of(code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_need_two_reporting_members_and_are_not_doubled() {
        let all = chipwatch_model::groups::bundled();
        let r = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let g = select_groups(&r(&["DE", "FR", "TW"]), &all);
        // EU27 and the EU of the date have the same reporting members here: one is kept.
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].id, "EU27");
        let g = select_groups(&r(&["DE", "FR", "GB"]), &all);
        assert_eq!(
            g.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
            ["EU27", "EU"]
        );
        assert!(select_groups(&r(&["DE", "TW"]), &all).is_empty());
        // A panel that carries the aggregate itself keeps it.
        assert!(
            select_groups(&r(&["DE", "FR", "EU27", "EU"]), &all)
                .iter()
                .all(|g| g.id != "EU27")
        );
    }
}

/// The products each HS6 code of the panel counts towards: itself, its HS4 heading, and every
/// basket that holds it, as `(hs6, product, level)` with level `hs6`, `hs4` or `basket`.
#[derive(Debug, Clone, Default)]
pub struct ProductMap {
    pub rows: Vec<(String, String, &'static str)>,
}

impl ProductMap {
    /// The map for the HS6 codes in `trade_cells`.
    pub async fn of_panel(ctx: &SessionContext) -> Result<ProductMap, FlowsError> {
        let codes: Vec<String> =
            Rows::query(ctx, "SELECT DISTINCT hs6 FROM trade_cells ORDER BY hs6")
                .await?
                .iter()
                .map(|r| r.text("hs6"))
                .collect();
        Ok(ProductMap::of_codes(&codes))
    }

    pub fn of_codes(codes: &[String]) -> ProductMap {
        let baskets = chipwatch_model::basket::bundled();
        let mut rows = Vec::new();
        for c in codes {
            rows.push((c.clone(), c.clone(), "hs6"));
            if c.len() >= 4 {
                rows.push((c.clone(), c[..4].to_string(), "hs4"));
            }
            for b in &baskets {
                if b.contains(c) {
                    rows.push((c.clone(), b.id.clone(), "basket"));
                }
            }
        }
        ProductMap { rows }
    }

    /// The map as an inline table `m(hs6, product, level)` (a `VALUES` list, so the same SQL
    /// runs embedded, on a cluster and on DuckDB).
    pub fn sql(&self) -> String {
        let q = |s: &str| format!("'{}'", s.replace('\'', "''"));
        let values: Vec<String> = if self.rows.is_empty() {
            vec!["('', '', 'none')".into()]
        } else {
            self.rows
                .iter()
                .map(|(h, p, l)| format!("({}, {}, {})", q(h), q(p), q(l)))
                .collect()
        };
        format!("(VALUES {}) AS m(hs6, product, level)", values.join(", "))
    }

    /// The level of a product (`hs6`, `hs4`, `basket`).
    pub fn level(&self, product: &str) -> Option<&'static str> {
        self.rows.iter().find(|(_, p, _)| p == product).map(|r| r.2)
    }

    /// The HS6 codes a product holds.
    pub fn codes_of(&self, product: &str) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|(_, p, _)| p == product)
            .map(|(h, _, _)| h.as_str())
            .collect()
    }
}

/// Months each origin's data covers in each year (`LEAST(end − start, 12)` over its monthly
/// and partial-year rows), for the given flows.
pub async fn coverage(
    ctx: &SessionContext,
    groups: &[ActiveGroup],
    flows: &str,
) -> Result<std::collections::HashMap<(String, i32), f64>, FlowsError> {
    let q = format!(
        "WITH {cells} SELECT reporter, year, {mc} AS months_covered FROM cells GROUP BY reporter, year",
        cells = cells_cte(groups, flows),
        mc = crate::tables::MONTHS_COVERED,
    );
    Ok(Rows::query(ctx, &q)
        .await?
        .iter()
        .map(|r| {
            (
                (r.text("reporter"), r.num("year") as i32),
                r.num("months_covered"),
            )
        })
        .collect())
}
