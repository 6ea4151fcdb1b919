//! An assessment as a report section (findings per network, drawn as graphs) and as
//! `alerts.csv`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chipwatch_model::finding::{
    Figure, Finding, GraphEdge, GraphFigure, GraphNode, Section, Severity, rank,
};
use chipwatch_model::status::Status;
use chipwatch_model::units::thousands;

use crate::assess::{Assessment, party_key};
use crate::ledger::Order;

/// Orders and networks scoring at least this are reported as findings.
pub const REPORT_SCORE: f64 = 0.4;
/// Networks drawn.
pub const GRAPHS: usize = 3;

fn severity(score: f64) -> Severity {
    if score >= 0.8 {
        Severity::High
    } else if score >= 0.6 {
        Severity::Medium
    } else {
        Severity::Low
    }
}

/// The networks scoring at least [`REPORT_SCORE`] as findings, the riskiest drawn.
pub fn section(
    a: &Assessment,
    orders: &[Order],
    origin: &str,
    simulated: bool,
    max_findings: usize,
) -> Section {
    let mut clusters: Vec<&crate::assess::Cluster> = a
        .clusters
        .iter()
        .filter(|c| c.score >= REPORT_SCORE)
        .collect();
    clusters.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.id.cmp(&y.id)));
    let by_id: BTreeMap<&str, usize> = orders
        .iter()
        .enumerate()
        .map(|(i, o)| (o.order_id.as_str(), i))
        .collect();
    let mut findings = Vec::new();
    for c in clusters.iter().take(max_findings) {
        let buyers: Vec<&String> = c
            .parties
            .get("bill_to")
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        let lead = buyers
            .first()
            .map(|s| s.as_str())
            .unwrap_or("(unnamed buyer)");
        let results: Vec<&crate::assess::OrderResult> =
            a.orders.iter().filter(|o| o.cluster == c.id).collect();
        let mut flag_ids: BTreeSet<&str> = BTreeSet::new();
        for r in &results {
            for f in &r.flags {
                flag_ids.insert(f.id);
            }
        }
        let mut f = Finding::new(
            "diversion_network",
            format!("network-{}", c.id),
            lead.to_string(),
            severity(c.score),
        );
        f.score = c.score;
        f.title = format!(
            "{} and {} other party(ies): {} order(s), {} chips, risk {:.2}",
            lead,
            c.parties
                .values()
                .map(|s| s.len())
                .sum::<usize>()
                .saturating_sub(1),
            c.orders.len(),
            thousands(c.chips as f64),
            c.score
        );
        f.explanation = format!(
            "Red flags on this network's orders: {}. The score adds each flag's evidence in log-odds, a flag weighing less the more \
             common it is in this ledger, and pools the evidence of the network's orders (docs/assess.md, Risk).{}",
            flag_ids.iter().copied().collect::<Vec<_>>().join(", "),
            results
                .iter()
                .max_by(|x, y| x.score.total_cmp(&y.score))
                .map(|r| format!(
                    " Riskiest order {} ({:.2}): {}.",
                    r.order_id,
                    r.score,
                    r.explanation.text()
                ))
                .unwrap_or_default()
        );
        f.figure(Figure::new(
            "risk",
            c.score,
            "score",
            format!("{:.2}", c.score),
        ));
        f.figure(Figure::new(
            "orders",
            c.orders.len() as f64,
            "orders",
            c.orders.len().to_string(),
        ));
        f.figure(Figure::new(
            "chips",
            c.chips as f64,
            "chips",
            thousands(c.chips as f64),
        ));
        let mut seen = BTreeSet::new();
        let mut sorted = results.clone();
        sorted.sort_by(|x, y| y.score.total_cmp(&x.score));
        for r in sorted.iter().take(5) {
            let o = &orders[by_id[r.order_id.as_str()]];
            for fl in &r.flags {
                if seen.insert((fl.id, fl.detail.clone())) {
                    f.evidence(
                        format!(
                            "{} ({}): {} — order {} ({}:{})",
                            fl.id, fl.title, fl.detail, r.order_id, origin, o.line
                        ),
                        fl.source,
                        Status::Derived,
                    );
                }
            }
        }
        for (x, y, why) in c.links.iter().take(10) {
            f.evidence(
                format!("{x} and {y} are one network: {why}"),
                "entity resolution over the ledger".to_string(),
                Status::Derived,
            );
        }
        f.parameter("orders", c.orders.join(" "));
        if simulated {
            f.caveats.push(
                "simulated ledger: the parties and orders are invented (chipwatch simulate)".into(),
            );
        }
        findings.push(f);
    }
    rank(&mut findings);
    let listed: BTreeSet<String> = a.party_hits.iter().map(|p| party_key(&p.party)).collect();
    let graphs = clusters
        .iter()
        .take(GRAPHS)
        .map(|c| graph(c, a, orders, &by_id, &listed))
        .collect();
    Section {
        id: "assess".into(),
        title: if simulated {
            "Transactions: diversion risk in a simulated ledger".into()
        } else {
            "Transactions: diversion risk".into()
        },
        intro: format!(
            "{} order lines from {origin}{}: red flags per order (Know Your Customer and the 2025 diversion guidance), \
             a licence determination as of each order date, {} parties screened against restricted-party lists, and \
             networks of parties joined by shared addresses, phones, emails and payers. {} network(s) score {REPORT_SCORE} or more.",
            orders.len(),
            if simulated {
                " (simulated: invented parties, labelled schemes)"
            } else {
                ""
            },
            a.parties_screened,
            clusters.len()
        ),
        findings,
        charts: Vec::new(),
        maps: Vec::new(),
        graphs,
    }
}

/// The network of a cluster as a figure (at most 24 parties), as the report draws it.
pub fn network_graph(c: &crate::assess::Cluster, a: &Assessment, orders: &[Order]) -> GraphFigure {
    let by_id: BTreeMap<&str, usize> = orders
        .iter()
        .enumerate()
        .map(|(i, o)| (o.order_id.as_str(), i))
        .collect();
    let listed: BTreeSet<String> = a.party_hits.iter().map(|p| party_key(&p.party)).collect();
    graph(c, a, orders, &by_id, &listed)
}

fn graph(
    c: &crate::assess::Cluster,
    a: &Assessment,
    orders: &[Order],
    by_id: &BTreeMap<&str, usize>,
    listed: &BTreeSet<String>,
) -> GraphFigure {
    let mut nodes: Vec<GraphNode> = Vec::new();
    let mut edges: Vec<GraphEdge> = Vec::new();
    let node = |name: &str, kind: &str, nodes: &mut Vec<GraphNode>| -> Option<String> {
        let id = party_key(name);
        if !nodes.iter().any(|n| n.id == id) {
            if nodes.len() >= 24 {
                return None;
            }
            let kind = if listed.contains(&id) { "listed" } else { kind };
            nodes.push(GraphNode {
                id: id.clone(),
                label: name.to_string(),
                kind: kind.to_string(),
            });
        }
        Some(id)
    };
    let edge =
        |from: Option<String>, to: Option<String>, label: &str, edges: &mut Vec<GraphEdge>| {
            if let (Some(f), Some(t)) = (from, to)
                && f != t
                && !edges.iter().any(|e| e.from == f && e.to == t)
            {
                edges.push(GraphEdge {
                    from: f,
                    to: t,
                    label: label.to_string(),
                });
            }
        };
    for id in &c.orders {
        let o = &orders[by_id[id.as_str()]];
        let buyer = o.bill_to.name.as_deref().or(o.end_user.name.as_deref());
        let Some(buyer) = buyer else { continue };
        let b = node(buyer, "buyer", &mut nodes);
        if let Some(p) = o.payer_name.as_deref()
            && party_key(p) != party_key(buyer)
        {
            let p = node(p, "payer", &mut nodes);
            edge(p, b.clone(), "pays", &mut edges);
        }
        if let Some(s) = o.ship_to.name.as_deref()
            && party_key(s) != party_key(buyer)
        {
            let kind = if matches!(
                o.ship_to_type,
                Some(crate::ledger::ShipToType::Forwarder | crate::ledger::ShipToType::Logistics)
            ) {
                "forwarder"
            } else {
                "ship_to"
            };
            let s = node(s, kind, &mut nodes);
            edge(b.clone(), s, "ships to", &mut edges);
        }
        if let Some(e) = o.end_user.name.as_deref()
            && party_key(e) != party_key(buyer)
        {
            let e = node(e, "end_user", &mut nodes);
            edge(b.clone(), e, "for", &mut edges);
        }
    }
    for (x, y, why) in &c.links {
        let label = why.split(':').next().unwrap_or(why);
        let (fx, fy) = (node(x, "buyer", &mut nodes), node(y, "buyer", &mut nodes));
        edge(fx, fy, label, &mut edges);
    }
    let _ = a;
    GraphFigure {
        id: format!("network-{}", c.id),
        title: format!("Network {} (risk {:.2}, {} orders)", c.id, c.score, c.orders.len()),
        nodes,
        edges,
        note: "Inner ring: buyers; outer ring: payers, ship-to parties, forwarders and end users. Red: a party matching a \
               restricted-party list entry. Links: who pays whom, where goods ship, for whom, and the shared identifiers \
               (address, phone, email, domain) that joined buyers into one network; labelled when there are few. At most \
               24 parties drawn."
            .into(),
    }
}

/// Write `alerts.csv`: one row per order with a flag of its own, or with network evidence of at
/// least 1 in log-odds (a likelihood ratio of e),
/// riskiest first, with its rank, why it ranks there, and the ledger's own extra columns.
pub fn write_alerts(path: &Path, a: &Assessment, orders: &[Order]) -> std::io::Result<usize> {
    let mut extra_cols: Vec<String> = Vec::new();
    for o in orders {
        for (k, _) in &o.extra {
            if !extra_cols.contains(k) {
                extra_cols.push(k.clone());
            }
        }
    }
    let mut w = csv::Writer::from_path(path)?;
    let mut head = vec![
        "order_id".to_string(),
        "rank".into(),
        "score".into(),
        "flags".into(),
        "network".into(),
        "line".into(),
        "explanation".into(),
        "why".into(),
    ];
    head.extend(extra_cols.iter().cloned());
    w.write_record(&head)?;
    let mut rows: Vec<(usize, &crate::assess::OrderResult)> = a
        .orders
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            !r.flags.is_empty() || r.explanation.log_odds - r.explanation.intercept >= 1.0
        })
        .collect();
    rows.sort_by(|x, y| y.1.score.total_cmp(&x.1.score).then(x.0.cmp(&y.0)));
    let total = a.orders.len();
    for (rank, (i, r)) in rows.iter().enumerate() {
        let mut rec = vec![
            r.order_id.clone(),
            format!(
                "{} of {total} (top {:.2}%)",
                rank + 1,
                100.0 * (rank + 1) as f64 / total.max(1) as f64
            ),
            format!("{:.3}", r.score),
            r.flags
                .iter()
                .map(|f| f.id)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(" "),
            r.cluster.to_string(),
            r.line.to_string(),
            r.flags
                .iter()
                .map(|f| format!("{} {}: {}", f.id, f.title, f.detail))
                .chain(r.noted.iter().map(|n| {
                    format!(
                        "noted, not raised ({}): {} {}: {}",
                        n.why, n.flag.id, n.flag.title, n.flag.detail
                    )
                }))
                .collect::<Vec<_>>()
                .join(" | "),
            r.explanation.text(),
        ];
        for k in &extra_cols {
            rec.push(
                orders[*i]
                    .extra
                    .iter()
                    .find(|(c, _)| c == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            );
        }
        w.write_record(&rec)?;
    }
    w.flush()?;
    Ok(rows.len())
}
