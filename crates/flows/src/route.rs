//! Re-export and route shares: of the controlled goods an intermediary imports, how much it
//! sends on to the destinations of concern, and which origins feed which destinations
//! through which hub.
//!
//! For each hub and year, imports come from the hub's own import statistics where it reports
//! them, else from its partners' exports to it (mirror); exports to each destination from the
//! hub's export and re-export statistics, else from the destination's imports from the hub
//! divided by the CIF/FOB factor. The **re-export share** is exports to the targets over all
//! imports. Routes split each origin's shipments to the hub across the hub's destinations in
//! proportion to its exports (the proportional allocation of trade-in-transit studies): an
//! estimate of the flow, not a trace of particular goods. Origins that belong to a country
//! group ([`chipwatch_model::groups`]: EU27, CCA, ASEAN, ...) are also summed by group, with
//! each member's part, so a hub fed by many member states shows as one route (EU27 → Armenia
//! → Russia).

use std::collections::BTreeMap;

use chipwatch_model::dataset::DESTINATIONS_OF_CONCERN;
use chipwatch_model::finding::{Figure, Finding, Severity};
use chipwatch_model::status::Status;
use chipwatch_model::units::usd_m;
use datafusion::prelude::SessionContext;

use crate::FlowsError;
use crate::did::Codes;
use crate::rows::Rows;
use crate::sql_list;

/// Parameters of the route detector.
#[derive(Debug, Clone)]
pub struct RouteParams {
    /// Goods followed (`None`: every code of the controlled baskets).
    pub codes: Option<Codes>,
    /// Hubs (`None`: countries the enforcement record names, as routes or in rules).
    pub hubs: Option<Vec<String>>,
    pub targets: Vec<String>,
    pub cif_fob: f64,
    /// Minimum share of imports sent on to the targets, 0-1.
    pub min_share: f64,
    /// Minimum value sent on to the targets, USD.
    pub min_usd: f64,
}

impl Default for RouteParams {
    fn default() -> Self {
        RouteParams {
            codes: None,
            hubs: None,
            targets: DESTINATIONS_OF_CONCERN
                .iter()
                .map(|s| s.to_string())
                .collect(),
            cif_fob: 1.10,
            min_share: 0.25,
            min_usd: 10_000_000.0,
        }
    }
}

/// Flows of one hub and year: imports by origin, exports by destination, with the basis.
#[derive(Debug, Default, Clone)]
pub struct HubYear {
    pub imports: BTreeMap<String, (f64, &'static str)>,
    pub exports: BTreeMap<String, (f64, &'static str)>,
}

/// One estimated route.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub origin: String,
    pub destination: String,
    pub value_usd: f64,
}

impl HubYear {
    pub fn total_imports(&self) -> f64 {
        self.imports.values().map(|(v, _)| v).sum()
    }
    pub fn total_exports(&self) -> f64 {
        self.exports.values().map(|(v, _)| v).sum()
    }
    pub fn to_targets(&self, targets: &[String]) -> f64 {
        self.exports
            .iter()
            .filter(|(d, _)| targets.contains(d))
            .map(|(_, (v, _))| v)
            .sum()
    }
    /// Origin → destination flows through the hub, largest first, by proportional allocation.
    pub fn routes(&self, targets: &[String]) -> Vec<Route> {
        let total = self.total_exports();
        if total <= 0.0 {
            return Vec::new();
        }
        // What the hub sends on cannot exceed what it took in: scale by min(1, exports/imports).
        let sent_on = (total / self.total_imports()).min(1.0);
        let mut out = Vec::new();
        for (o, (imp, _)) in &self.imports {
            for (d, (exp, _)) in self.exports.iter().filter(|(d, _)| targets.contains(d)) {
                let through = imp * (exp / total) * sent_on;
                out.push(Route {
                    origin: o.clone(),
                    destination: d.clone(),
                    value_usd: through,
                });
            }
        }
        out.sort_by(|a, b| b.value_usd.total_cmp(&a.value_usd));
        out
    }
}

/// A route whose origin is a country group: the sum of its members' routes through one hub
/// to one destination, with each member's part.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRoute {
    pub group: String,
    pub destination: String,
    pub value_usd: f64,
    /// Members and their routes, largest first.
    pub members: Vec<(String, f64)>,
}

/// Routes summed by group of origin (EU27 → Armenia → Russia): every bundled group of which
/// two or more of the routes' origins are members in `year` and the hub is not. Two groups
/// with the same members among the origins are reported once, under the first.
pub fn group_routes(
    routes: &[Route],
    hub: &str,
    year: i64,
    groups: &[chipwatch_model::groups::CountryGroup],
) -> Vec<GroupRoute> {
    let date = format!("{year}-07");
    let mut out: Vec<GroupRoute> = Vec::new();
    let mut seen: Vec<Vec<String>> = Vec::new();
    for g in groups {
        if g.is_member_on(hub, &date) {
            continue;
        }
        let mut origins: Vec<String> = routes
            .iter()
            .filter(|r| r.value_usd > 0.0 && g.is_member_on(&r.origin, &date))
            .map(|r| r.origin.clone())
            .collect();
        origins.sort();
        origins.dedup();
        if origins.len() < 2 || seen.contains(&origins) {
            continue;
        }
        seen.push(origins.clone());
        let mut by_dest: BTreeMap<String, Vec<(String, f64)>> = BTreeMap::new();
        for r in routes.iter().filter(|r| origins.contains(&r.origin)) {
            by_dest
                .entry(r.destination.clone())
                .or_default()
                .push((r.origin.clone(), r.value_usd));
        }
        for (destination, mut members) in by_dest {
            members.sort_by(|a, b| b.1.total_cmp(&a.1));
            out.push(GroupRoute {
                group: g.id.clone(),
                destination,
                value_usd: members.iter().map(|m| m.1).sum(),
                members,
            });
        }
    }
    out.sort_by(|a, b| b.value_usd.total_cmp(&a.value_usd));
    out
}

/// Per hub and year, the flows the detector works on.
pub async fn hub_flows(
    ctx: &SessionContext,
    p: &RouteParams,
) -> Result<(Codes, BTreeMap<(String, i64), HubYear>), FlowsError> {
    let codes = match &p.codes {
        Some(c) => c.clone(),
        None => Codes {
            name: "controlled baskets".into(),
            ..crate::did::basket_codes(ctx, "controlled").await?
        },
    };
    let hubs: Vec<String> = match &p.hubs {
        Some(h) => h.clone(),
        None => Rows::query(ctx, "SELECT country FROM intermediaries ORDER BY country")
            .await?
            .iter()
            .map(|r| r.text("country"))
            .collect(),
    };
    let mut out: BTreeMap<(String, i64), HubYear> = BTreeMap::new();
    if hubs.is_empty() || codes.hs6.is_empty() {
        return Ok((codes, out));
    }
    let q = format!(
        "WITH t AS (
           SELECT reporter, partner, flow, year, SUM(value_usd) AS v FROM trade_cells
           WHERE hs6 IN ({codes}) AND reporter <> partner
             AND (reporter IN ({hubs}) OR partner IN ({hubs}))
           GROUP BY 1, 2, 3, 4
         )
         SELECT reporter AS hub, partner AS other, year, 'in' AS dir, 'reported' AS basis, SUM(v) AS v
           FROM t WHERE flow = 'import' AND reporter IN ({hubs}) GROUP BY 1, 2, 3
         UNION ALL
         SELECT partner, reporter, year, 'in', 'mirror', SUM(v)
           FROM t WHERE flow = 'export' AND partner IN ({hubs}) GROUP BY 1, 2, 3
         UNION ALL
         SELECT reporter, partner, year, 'out', 'reported', SUM(v)
           FROM t WHERE flow IN ('export', 're_export') AND reporter IN ({hubs}) GROUP BY 1, 2, 3
         UNION ALL
         SELECT partner, reporter, year, 'out', 'mirror', SUM(v) / {cif}
           FROM t WHERE flow = 'import' AND partner IN ({hubs}) GROUP BY 1, 2, 3",
        codes = sql_list(&codes.hs6),
        hubs = sql_list(&hubs),
        cif = p.cif_fob,
    );
    let rows = Rows::query(ctx, &q).await?;
    for r in rows.iter() {
        let key = (r.text("hub"), r.i64("year").unwrap_or(0));
        let hy = out.entry(key).or_default();
        let map = if r.text("dir") == "in" {
            &mut hy.imports
        } else {
            &mut hy.exports
        };
        let basis: &'static str = if r.text("basis") == "reported" {
            "reported"
        } else {
            "mirror"
        };
        let v = r.num("v");
        // The hub's own figure wins over the mirror.
        match map.get(&r.text("other")) {
            Some((_, "reported")) if basis == "mirror" => {}
            _ => {
                map.insert(r.text("other"), (v, basis));
            }
        }
    }
    Ok((codes, out))
}

/// Route findings: hubs that send a large share of their imports of the followed goods on
/// to the destinations of concern.
pub async fn route_share(
    ctx: &SessionContext,
    p: &RouteParams,
) -> Result<Vec<Finding>, FlowsError> {
    let (codes, flows) = hub_flows(ctx, p).await?;
    let groups = chipwatch_model::groups::bundled();
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    let name = |code: &str| countries.name_of(code);
    let names = |v: &[String]| v.iter().map(|c| name(c)).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    for ((hub, year), hy) in &flows {
        let imports = hy.total_imports();
        let sent = hy.to_targets(&p.targets);
        if imports <= 0.0 || sent < p.min_usd {
            continue;
        }
        let share = sent / imports;
        if share < p.min_share {
            continue;
        }
        let severity = if share >= 0.5 {
            Severity::High
        } else {
            Severity::Medium
        };
        let routes = hy.routes(&p.targets);
        let by_group = group_routes(&routes, hub, *year, &groups);
        let mut f = Finding::new(
            "route_share",
            format!("route_share/{hub}/{year}"),
            name(hub),
            severity,
        );
        f.subject_code = Some(hub.clone());
        f.score = share * 100.0;
        f.title = format!(
            "{} sent {} to {} in {year}, {:.0}% of its {} of imports of {}",
            name(hub),
            usd_m(sent / 1e6),
            names(&p.targets),
            share * 100.0,
            usd_m(imports / 1e6),
            codes.name
        );
        let basis = |m: &BTreeMap<String, (f64, &'static str)>| {
            if m.values().all(|(_, b)| *b == "reported") {
                format!("{}'s own statistics", name(hub))
            } else if m.values().all(|(_, b)| *b == "mirror") {
                "its partners' statistics (mirror)".to_string()
            } else {
                "its own statistics, with partners' figures where it reports none".to_string()
            }
        };
        let top: Vec<String> = routes
            .iter()
            .take(5)
            .map(|r| {
                format!(
                    "{} → {} → {}: {}",
                    name(&r.origin),
                    name(hub),
                    name(&r.destination),
                    usd_m(r.value_usd / 1e6)
                )
            })
            .collect();
        f.explanation = format!(
            "In {year} {} imported {} of HS {} (from {}) and exported {} in all, {} of it to {} (from {}). \
             A hub that sends on much of what it imports to the destinations controls aim at is a route, \
             whatever the paperwork says. Estimated routes (each origin's shipments split across the hub's \
             destinations in proportion): {}.",
            name(hub),
            usd_m(imports / 1e6),
            codes.hs6.join(", "),
            basis(&hy.imports),
            usd_m(hy.total_exports() / 1e6),
            usd_m(sent / 1e6),
            names(&p.targets),
            basis(&hy.exports),
            if top.is_empty() {
                "none".into()
            } else {
                top.join("; ")
            }
        );
        if !by_group.is_empty() {
            let lines: Vec<String> = by_group
                .iter()
                .take(5)
                .map(|g| {
                    let shares: Vec<String> = g
                        .members
                        .iter()
                        .take(4)
                        .map(|(m, v)| format!("{} {:.0}%", name(m), v / g.value_usd * 100.0))
                        .collect();
                    format!(
                        "{} → {} → {}: {} ({}{})",
                        g.group,
                        name(hub),
                        name(&g.destination),
                        usd_m(g.value_usd / 1e6),
                        shares.join(", "),
                        if g.members.len() > 4 { ", ..." } else { "" }
                    )
                })
                .collect();
            f.explanation.push_str(&format!(
                " By group of origin (members' routes summed): {}.",
                lines.join("; ")
            ));
        }
        f.figure(Figure::new(
            "imports_usd",
            imports,
            "USD",
            usd_m(imports / 1e6),
        ))
        .figure(Figure::new(
            "exports_usd",
            hy.total_exports(),
            "USD",
            usd_m(hy.total_exports() / 1e6),
        ))
        .figure(Figure::new(
            "to_targets_usd",
            sent,
            "USD",
            usd_m(sent / 1e6),
        ))
        .figure(Figure::new(
            "re_export_share_pct",
            share * 100.0,
            "%",
            format!("{:.0}%", share * 100.0),
        ));
        for r in routes.iter().take(5) {
            f.figure(Figure::new(
                format!("route_{}_{}_{}", r.origin, hub, r.destination),
                r.value_usd,
                "USD",
                usd_m(r.value_usd / 1e6),
            ));
        }
        for g in by_group.iter().take(5) {
            f.figure(Figure::new(
                format!("route_{}_{}_{}", g.group, hub, g.destination),
                g.value_usd,
                "USD",
                usd_m(g.value_usd / 1e6),
            ));
        }
        f.evidence(
            format!(
                "{} trade in HS {} with its partners, {year}",
                name(hub),
                codes.hs6.join(", ")
            ),
            "trade input (reporters' and partners' statistics)",
            Status::VerifiedPrimary,
        );
        f.caveats.push(
            "routes are a proportional estimate: customs data do not trace particular goods through a hub".into(),
        );
        f.parameter("codes", codes.hs6.join(","))
            .parameter("targets", p.targets.join(","))
            .parameter("cif_fob_factor", p.cif_fob.to_string())
            .parameter("min_share", p.min_share.to_string())
            .parameter("min_usd", p.min_usd.to_string());
        out.push(f);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_routes_by_hand() {
        let mut hy = HubYear::default();
        hy.imports.insert("TW".into(), (600.0, "reported"));
        hy.imports.insert("US".into(), (400.0, "mirror"));
        hy.exports.insert("CN".into(), (500.0, "reported"));
        hy.exports.insert("DE".into(), (300.0, "reported"));
        let t = vec!["CN".to_string(), "HK".to_string()];
        assert_eq!(hy.to_targets(&t), 500.0);
        let r = hy.routes(&t);
        // Exports 800 of imports 1000: TW's 600 × 500/800 × 0.8 = 300; US's 400 → 200.
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].origin.as_str(), r[0].value_usd), ("TW", 300.0));
        assert_eq!((r[1].origin.as_str(), r[1].value_usd), ("US", 200.0));
    }

    #[test]
    fn routes_are_summed_by_group_of_origin() {
        let r = |o: &str, d: &str, v: f64| Route {
            origin: o.into(),
            destination: d.into(),
            value_usd: v,
        };
        let routes = vec![
            r("DE", "RU", 60.0),
            r("NL", "RU", 30.0),
            r("DE", "BY", 5.0),
            r("CN", "RU", 100.0),
            r("FR", "RU", 0.0),
        ];
        let groups = chipwatch_model::groups::bundled();
        let g = group_routes(&routes, "AM", 2022, &groups);
        // EU27 and the EU of 2022 have the same members here: one line per destination.
        let eu: Vec<&GroupRoute> = g.iter().filter(|g| g.group.starts_with("EU")).collect();
        assert_eq!(eu.len(), 2, "{g:?}");
        assert_eq!(eu[0].destination, "RU");
        assert_eq!(eu[0].value_usd, 90.0);
        assert_eq!(
            eu[0].members,
            vec![("DE".into(), 60.0), ("NL".into(), 30.0)]
        );
        assert_eq!(eu[1].destination, "BY");
        // A group the hub belongs to is not an origin of it: through Armenia, the EAEU's
        // members (Russia, Armenia, ...) are not summed.
        assert!(
            group_routes(&routes, "AM", 2022, &groups)
                .iter()
                .all(|g| g.group != "EAEU")
        );
        // One member is no group.
        assert!(group_routes(&[r("DE", "RU", 1.0)], "AM", 2022, &groups).is_empty());
    }
}
