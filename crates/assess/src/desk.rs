//! The order desk: one order in, one decision out, every reason cited and recorded.
//!
//! An order (the ledger's columns, as a JSON object) is classified as of its date, its licence
//! determined for the destination and the end user's country and parent, every party screened
//! (and its owners, with an ownership file), and its red flags evaluated together with what the
//! store already knows around it: the same customer's earlier orders and the orders of other
//! customers sharing its address, ship-to address, payer, phone or email. The answer is one of
//!
//! * **do not ship**: a party is, or is 50% or more owned by, a listed party (a list match at
//!   [`DO_NOT_SHIP_SCORE`] or above, or the Affiliates / 50 Percent rule);
//! * **hold for review**: a red flag is raised, a list match needs a reviewer's eye, or the
//!   order shares an identifier with another customer whose order was stopped;
//! * **licence required**: the rules in force on the order date require one and none is on file;
//! * **proceed**: none of these.
//!
//! The most severe reason decides; every reason is listed with its citation (the rule
//! paragraph, the list entry and alias, the red flag and its source). With a store, the order
//! and its decision are kept (the customer's history grows with each order, so networks form
//! across orders over time) and a hold opens an alert in the customer's case.
//!
//! ```
//! use chipwatch_assess::desk::{Desk, Verdict, check};
//! let order = serde_json::json!({
//!     "order_id": "SO-1", "order_date": "2026-03-02", "item": "RTX-4090", "quantity": 2,
//!     "bill_to_name": "Northwind Studio GmbH", "bill_to_country": "DE",
//!     "ship_to_country": "DE", "end_user_country": "DE",
//! });
//! let d = check(None, &Desk::default(), &order, "ana").unwrap();
//! assert_eq!(d.verdict, Verdict::Proceed);
//! ```

use std::collections::BTreeSet;

use chipwatch_rules::catalogue::Catalogue;
use chipwatch_rules::classify::Specs;
use chipwatch_rules::licence::{Mode, Shipment, determine};
use chipwatch_screen::ownership::Stake;
use chipwatch_screen::screener::Screener;
use chipwatch_store::{HoldAlert, NewOrder, OrderHistory, OrderKeys, Store};
use serde::Serialize;

use crate::assess::{Options, assess, party_key};
use crate::ledger::{Order, read_ledger_objects};
use crate::score::Weights;

/// A list match this strong stops the order: the party is taken for the listed one unless a
/// reviewer shows otherwise. Below it, a match holds the order for review.
pub const DO_NOT_SHIP_SCORE: f32 = 0.97;
/// How many of the customer's latest orders, and of each shared identifier's, the desk reads.
pub const HISTORY_LIMIT: usize = 50;

/// The answer, least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Proceed,
    LicenceRequired,
    Hold,
    DoNotShip,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Proceed => "proceed",
            Verdict::LicenceRequired => "licence_required",
            Verdict::Hold => "hold",
            Verdict::DoNotShip => "do_not_ship",
        }
    }
    /// As a person says it.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Proceed => "proceed",
            Verdict::LicenceRequired => "licence required",
            Verdict::Hold => "hold for review",
            Verdict::DoNotShip => "do not ship",
        }
    }
}

/// One reason of a decision.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// What this reason alone calls for.
    pub calls_for: Verdict,
    /// `screening`, `ownership`, `licence`, `red flag`, `network`, `history`.
    pub kind: &'static str,
    /// The red flag's id (K4b, H1, ...), or `history`.
    pub id: String,
    pub title: String,
    /// The facts: the party, the entry and alias, the figures.
    pub detail: String,
    /// The rule paragraph, list or guidance it rests on.
    pub citation: String,
}

/// Another customer's stored order that shares an identifier with this one.
#[derive(Debug, Clone, Serialize)]
pub struct Shared {
    pub order_id: String,
    pub buyer: String,
    pub order_date: String,
    /// `address`, `ship_address`, `payer`, `phone`, `email`.
    pub shares: Vec<&'static str>,
}

/// What the store knew around the order when it was decided.
#[derive(Debug, Clone, Default, Serialize)]
pub struct History {
    /// The customer's earlier orders in the store.
    pub customer_orders: i64,
    /// The date of its first stored order.
    pub first_order: Option<String>,
    /// The ledger's `customer_since`, if given.
    pub customer_since: Option<String>,
    /// Other customers' orders sharing an identifier.
    pub shared: Vec<Shared>,
    /// Whether a store was consulted at all.
    pub store: bool,
}

/// The item's classification as of the order date.
#[derive(Debug, Clone, Serialize)]
pub struct ItemClass {
    pub item: String,
    pub eccn: String,
    pub controlled: bool,
    pub tpp: f64,
    pub rule: String,
    pub citation: String,
    /// Whether the rules in force on the order date require a licence for this shipment.
    pub licence_required: bool,
    /// Licence review policy where one is required.
    pub review_policy: Option<String>,
    /// The rule versions in force on the order date.
    pub versions: Vec<String>,
}

/// The desk's answer for one order.
#[derive(Debug, Clone, Serialize)]
pub struct DeskDecision {
    pub order_id: String,
    pub order_date: String,
    pub buyer: String,
    pub verdict: Verdict,
    /// The verdict as a person says it.
    pub verdict_label: &'static str,
    /// Every reason, most severe first.
    pub reasons: Vec<Reason>,
    /// What was found and does not stop the order (a factor alone, a flag too weak).
    pub noted: Vec<Reason>,
    /// The assess score (posterior odds of diversion under the prior model) and its arithmetic.
    pub score: f64,
    pub why: String,
    pub classification: Option<ItemClass>,
    pub history: History,
    /// Where the store keeps it: the order's row and, for a hold, the alert opened.
    pub stored_order: Option<i64>,
    pub alert: Option<i64>,
}

/// What the desk checks with.
#[derive(Default, Clone, Copy)]
pub struct Desk<'a> {
    pub screener: Option<&'a Screener>,
    pub ownership: Option<&'a [Stake]>,
    pub weights: Option<&'a Weights>,
    /// Screening results kept between orders (the parties of a customer's history recur).
    pub screen_cache: Option<&'a crate::assess::ScreenCache>,
}

/// Why an order could not be decided.
#[derive(Debug)]
pub enum DeskError {
    /// The order is not valid: the message names the field and the rule.
    Invalid(String),
    /// The store failed.
    Store(chipwatch_store::StoreError),
}

impl std::fmt::Display for DeskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeskError::Invalid(m) => write!(f, "{m}"),
            DeskError::Store(e) => write!(f, "store: {e}"),
        }
    }
}

impl std::error::Error for DeskError {}

/// Read one order from a JSON object with the ledger's columns (`docs/assess.md`, The ledger).
pub fn parse_order(
    name: &str,
    v: &serde_json::Value,
) -> Result<(Order, serde_json::Map<String, serde_json::Value>), DeskError> {
    let serde_json::Value::Object(map) = v else {
        return Err(DeskError::Invalid(format!(
            "{name}: an order is a JSON object of the ledger's columns (order_id, order_date, item, quantity, ship_to_country, ...)"
        )));
    };
    let map: serde_json::Map<String, serde_json::Value> = map
        .iter()
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.clone()))
        .collect();
    let loaded = read_ledger_objects(name, vec![(1, map.clone())])
        .map_err(|e| DeskError::Invalid(e.to_string().replace(":1:", ":")))?;
    if let Some(r) = loaded.rejected.first() {
        return Err(DeskError::Invalid(r.error.to_string().replace(":1:", ":")));
    }
    let order = loaded
        .records
        .into_iter()
        .next()
        .ok_or_else(|| DeskError::Invalid(format!("{name}: no order")))?;
    Ok((order, map))
}

/// The keys an order's history is found by: the buyer, addresses and payer as entity
/// resolution keys them ([`party_key`]), the phone's digits, the email.
pub fn keys_of(o: &Order) -> OrderKeys {
    let buyer = party_key(&o.buyer_name());
    let payer = o
        .payer_name
        .as_deref()
        .map(party_key)
        .filter(|p| *p != buyer)
        .unwrap_or_default();
    OrderKeys {
        buyer,
        address: o
            .bill_to
            .address
            .as_deref()
            .map(party_key)
            .unwrap_or_default(),
        ship_address: o
            .ship_to
            .address
            .as_deref()
            .map(party_key)
            .unwrap_or_default(),
        payer,
        phone: o.phone_key().unwrap_or_default(),
        email: o.email_key().unwrap_or_default(),
    }
}

/// Whether a stored order was stopped for reasons of its own: "do not ship", or a hold the
/// reviewer has not cleared that rests on more than another customer's standing (so that a
/// hold does not spread from customer to customer through shared identifiers alone).
fn stopped_for_itself(o: &chipwatch_store::StoredOrder) -> bool {
    match o.verdict.as_str() {
        "do_not_ship" => true,
        "hold" => {
            o.alert_status.as_deref() != Some("cleared")
                && o.decision["reasons"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|r| r["kind"] != "history"))
        }
        _ => false,
    }
}

/// Decide an order given what the store holds around it (`history`, empty without a store).
pub fn decide(desk: &Desk<'_>, order: &Order, history: &OrderHistory, store: bool) -> DeskDecision {
    // The stored orders, read back as ledger rows, then the order in front of the desk.
    let objects: Vec<(u64, serde_json::Map<String, serde_json::Value>)> = history
        .orders
        .iter()
        .filter_map(|s| match &s.record {
            serde_json::Value::Object(m) => Some((s.id as u64, m.clone())),
            _ => None,
        })
        .collect();
    // A stored order that no longer reads (an item the catalogue has dropped, say) is left out
    // of the history, and the decision says so.
    let mut unread: Vec<String> = Vec::new();
    let mut orders: Vec<Order> = if objects.is_empty() {
        Vec::new()
    } else {
        match read_ledger_objects("stored order", objects) {
            Ok(l) => {
                unread.extend(l.rejected.iter().map(|r| r.error.to_string()));
                l.records
            }
            Err(e) => {
                unread.push(e.to_string());
                Vec::new()
            }
        }
    };
    // An order decided before under the same id is this one again: not its own history.
    orders.retain(|o| o.order_id != order.order_id);
    orders.push(order.clone());
    let a = assess(
        &orders,
        &Options {
            screener: desk.screener,
            mode: Mode::AsEnforced,
            weights: desk.weights,
            ownership: desk.ownership,
            screen_cache: desk.screen_cache,
        },
    );
    let r = a.orders.last().expect("the order was assessed");
    let mut reasons: Vec<Reason> = Vec::new();
    let mut noted: Vec<Reason> = Vec::new();
    // The strongest list match of each of this order's parties.
    let names: BTreeSet<String> = [
        order.bill_to.name.as_deref(),
        order.ship_to.name.as_deref(),
        order.end_user.name.as_deref(),
        order.end_user_parent.as_deref(),
        order.payer_name.as_deref(),
        order.forwarder.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(party_key)
    .collect();
    let strongest = a
        .party_hits
        .iter()
        .filter(|p| names.contains(&party_key(&p.party)))
        .flat_map(|p| p.hits.iter().map(|h| h.score))
        .fold(0.0f32, f32::max);
    let flag_reason = |f: &crate::assess::FlagHit| {
        let (calls_for, kind) = match f.id {
            "K1" if strongest >= DO_NOT_SHIP_SCORE => (Verdict::DoNotShip, "screening"),
            "K1" => (Verdict::Hold, "screening"),
            "H2" => (Verdict::DoNotShip, "ownership"),
            "H2b" => (Verdict::Hold, "ownership"),
            "H1" => (Verdict::LicenceRequired, "licence"),
            id if id.starts_with('N') => (Verdict::Hold, "network"),
            _ => (Verdict::Hold, "red flag"),
        };
        Reason {
            calls_for,
            kind,
            id: f.id.to_string(),
            title: f.title.to_string(),
            detail: f.detail.to_string(),
            citation: f.source.to_string(),
        }
    };
    for f in &r.flags {
        reasons.push(flag_reason(f));
    }
    for n in &r.noted {
        // A licence requirement is a determination to act on at the desk, whether or not the
        // order's ledger records licences.
        if n.flag.id == "H1" {
            reasons.push(flag_reason(&n.flag));
        } else {
            let mut reason = flag_reason(&n.flag);
            reason.calls_for = Verdict::Proceed;
            reason.detail = format!("{} (noted: {})", reason.detail, n.why);
            noted.push(reason);
        }
    }
    // History: the customer's standing and other customers sharing its identifiers.
    let mut h = History {
        customer_orders: history.customer_orders,
        first_order: history.first_order.clone(),
        customer_since: order.customer_since.map(|d| d.to_string()),
        shared: Vec::new(),
        store,
    };
    for (id, what) in &history.shared {
        if let Some(s) = history.orders.iter().find(|o| o.id == *id)
            && s.order_id != order.order_id
        {
            h.shared.push(Shared {
                order_id: s.order_id.clone(),
                buyer: s.buyer.clone(),
                order_date: s.order_date.clone(),
                shares: what.clone(),
            });
        }
    }
    let buyer = order.buyer_name();
    let mut by_buyer: Vec<(&str, BTreeSet<&'static str>, Vec<&str>)> = Vec::new();
    for s in &h.shared {
        match by_buyer.iter_mut().find(|(b, _, _)| *b == s.buyer) {
            Some((_, w, ids)) => {
                w.extend(s.shares.iter().copied());
                ids.push(&s.order_id);
            }
            None => by_buyer.push((
                &s.buyer,
                s.shares.iter().copied().collect(),
                vec![&s.order_id],
            )),
        }
    }
    // A shared identifier links this order to another customer's: the network flags weigh the
    // link (one payer behind several buyers, young buyers at one address, a listed party in the
    // network). It holds the order by itself when that customer's own orders were stopped.
    for (other, what, ids) in &by_buyer {
        let stopped = history
            .orders
            .iter()
            .filter(|o| o.buyer == *other && ids.contains(&o.order_id.as_str()))
            .find(|o| stopped_for_itself(o));
        let what: Vec<&str> = what
            .iter()
            .map(|w| match *w {
                "ship_address" => "ship-to address",
                w => w,
            })
            .collect();
        let reason = Reason {
            calls_for: if stopped.is_some() {
                Verdict::Hold
            } else {
                Verdict::Proceed
            },
            kind: "history",
            id: "history".into(),
            title: "Shares an identifier with another customer".into(),
            detail: format!(
                "{buyer} shares the {} of {other} (stored order{} {}{}){}",
                what.join(" and "),
                if ids.len() > 1 { "s" } else { "" },
                ids.iter().take(5).copied().collect::<Vec<_>>().join(", "),
                if ids.len() > 5 {
                    format!(" and {} more", ids.len() - 5)
                } else {
                    String::new()
                },
                match stopped {
                    Some(o) => format!(
                        ", whose order {} was decided \"{}\"",
                        o.order_id,
                        o.verdict.replace('_', " ")
                    ),
                    None => String::new(),
                }
            ),
            citation: "BIS guidance 2025-05-13 (shell companies, minimal presence); entity resolution over names, addresses, phones, emails and payers".into(),
        };
        if stopped.is_some() {
            reasons.push(reason);
        } else {
            noted.push(reason);
        }
    }
    if store && history.customer_orders == 0 {
        noted.push(Reason {
            calls_for: Verdict::Proceed,
            kind: "history",
            id: "history".into(),
            title: "First order of this customer".into(),
            detail: format!(
                "no earlier order of {buyer} in the store{}",
                order
                    .customer_since
                    .map(|d| format!("; customer since {d} by the order"))
                    .unwrap_or_default()
            ),
            citation: "BIS Red Flag Indicators #6 (little or no business background)".into(),
        });
    }
    if !unread.is_empty() {
        noted.push(Reason {
            calls_for: Verdict::Proceed,
            kind: "history",
            id: "history".into(),
            title: "Stored orders left out of the history".into(),
            detail: format!(
                "{} stored order(s) could not be read and were left out; the first: {}",
                unread.len(),
                unread[0]
            ),
            citation: "chipwatch store (orders table)".into(),
        });
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.calls_for));
    let verdict = reasons
        .iter()
        .map(|r| r.calls_for)
        .max()
        .unwrap_or(Verdict::Proceed);
    // The item's classification as of the order date.
    let classification = Catalogue::bundled().find(&order.item).map(|item| {
        let d = determine(
            &Specs::of(&item),
            &Shipment {
                quantity: order.quantity,
                destination: order.ship_to.country.clone().unwrap_or_default(),
                end_user_country: order.end_user.country.clone(),
                end_user_hq: None,
                parent_hq: order.end_user_parent_country.clone(),
                exporting_country: order.seller_country.clone().unwrap_or_else(|| "US".into()),
                date: order.order_date,
                mode: Mode::AsEnforced,
                end_use: None,
            },
        );
        let c = &d.classification;
        ItemClass {
            item: c.item.clone(),
            eccn: c.eccn.clone(),
            controlled: c.controlled,
            tpp: c.tpp,
            rule: c.rule.clone(),
            citation: c.citation.clone(),
            licence_required: d.licence_required,
            review_policy: d.review_policy.clone(),
            versions: d.versions.clone(),
        }
    });
    DeskDecision {
        order_id: order.order_id.clone(),
        order_date: order.order_date.to_string(),
        buyer,
        verdict,
        verdict_label: verdict.label(),
        reasons,
        noted,
        score: r.score,
        why: r.explanation.text(),
        classification,
        history: h,
        stored_order: None,
        alert: None,
    }
}

/// Check one order: read it, find its history in the store (if any), decide, and store the
/// order with its decision (a hold opens an alert in the customer's case).
pub fn check(
    store: Option<&Store>,
    desk: &Desk<'_>,
    order: &serde_json::Value,
    actor: &str,
) -> Result<DeskDecision, DeskError> {
    let (o, record) = parse_order("order", order)?;
    check_order(store, desk, &o, record, actor)
}

/// [`check`] for an order already read with [`parse_order`] (`record`: its columns, as stored).
pub fn check_order(
    store: Option<&Store>,
    desk: &Desk<'_>,
    o: &Order,
    record: serde_json::Map<String, serde_json::Value>,
    actor: &str,
) -> Result<DeskDecision, DeskError> {
    let keys = keys_of(o);
    let history = match store {
        Some(s) => s
            .order_history(&keys, HISTORY_LIMIT)
            .map_err(DeskError::Store)?,
        None => OrderHistory::default(),
    };
    let mut d = decide(desk, o, &history, store.is_some());
    if let Some(s) = store {
        let decision = serde_json::to_value(&d).unwrap_or_default();
        let hold = (d.verdict >= Verdict::Hold).then(|| HoldAlert {
            case_title: format!("Orders of {}", d.buyer),
            subject: format!(
                "order {}: {} x {} to {} ({})",
                o.order_id,
                o.quantity,
                o.item,
                o.ship_to.country.as_deref().unwrap_or("?"),
                d.verdict_label
            ),
            score: d.score,
            details: serde_json::json!({
                "order_id": d.order_id,
                "verdict": d.verdict,
                "reasons": d.reasons,
            }),
        });
        let (id, alert) = s
            .add_order(
                &NewOrder {
                    order_id: o.order_id.clone(),
                    order_date: o.order_date.to_string(),
                    buyer: d.buyer.clone(),
                    keys,
                    verdict: d.verdict.as_str().into(),
                    record: serde_json::Value::Object(record),
                    decision,
                },
                hold.as_ref(),
                actor,
            )
            .map_err(DeskError::Store)?;
        d.stored_order = Some(id);
        d.alert = alert;
    }
    Ok(d)
}

impl DeskDecision {
    /// The decision as text: the verdict, then each reason with its citation.
    pub fn text(&self) -> String {
        let mut s = format!(
            "order {} ({}, {}): {}\n",
            self.order_id,
            self.order_date,
            self.buyer,
            self.verdict_label.to_uppercase()
        );
        if let Some(c) = &self.classification {
            s.push_str(&format!(
                "  item {}: {} ({}), TPP {:.0} [{}]\n",
                c.item,
                c.eccn,
                if c.controlled {
                    "controlled"
                } else {
                    "not controlled"
                },
                c.tpp,
                c.citation
            ));
            s.push_str(&format!(
                "  licence: {} (rules in force: {})\n",
                if c.licence_required {
                    format!(
                        "required{}",
                        c.review_policy
                            .as_deref()
                            .map(|p| format!(", {p}"))
                            .unwrap_or_default()
                    )
                } else {
                    "not required for this destination and end user".into()
                },
                c.versions.join(", ")
            ));
        }
        if self.reasons.is_empty() {
            s.push_str("  no reason to stop it\n");
        }
        for r in &self.reasons {
            s.push_str(&format!(
                "  [{}] {} {}: {}\n      source: {}\n",
                r.calls_for.label(),
                r.id,
                r.title,
                r.detail,
                r.citation
            ));
        }
        for r in &self.noted {
            s.push_str(&format!("  noted: {} {}: {}\n", r.id, r.title, r.detail));
        }
        let h = &self.history;
        if h.store {
            s.push_str(&format!(
                "  history: {} earlier order(s) of the customer{}; {} order(s) of other customers share an identifier\n",
                h.customer_orders,
                h.first_order
                    .as_deref()
                    .map(|d| format!(", the first on {d}"))
                    .unwrap_or_default(),
                h.shared.len()
            ));
        }
        s.push_str(&format!("  score {:.3}: {}\n", self.score, self.why));
        if let Some(id) = self.stored_order {
            s.push_str(&format!("  stored as order {id}"));
            if let Some(a) = self.alert {
                s.push_str(&format!("; alert {a} opened for review"));
            }
            s.push('\n');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(id: &str, date: &str) -> serde_json::Value {
        serde_json::json!({
            "order_id": id,
            "order_date": date,
            "item": "H100-SXM",
            "quantity": 64,
            "bill_to_name": "Harbourline Distribution Pte. Ltd.",
            "bill_to_address": "18 Pasir Panjang Road, #07-01, Singapore 117438",
            "bill_to_country": "SG",
            "ship_to_name": "Harbourline Distribution Pte. Ltd.",
            "ship_to_country": "SG",
            "ship_to_type": "distributor",
            "payer_name": "Kowloon Bay Trading Ltd",
            "payer_country": "HK",
            "customer_since": "2026-01-10",
        })
    }

    #[test]
    fn an_order_is_read_with_its_errors_named() {
        let e = parse_order("order", &serde_json::json!({"order_id": "X"})).unwrap_err();
        assert!(e.to_string().contains("order_date"), "{e}");
        let e = parse_order(
            "order",
            &serde_json::json!({"order_id": "X", "order_date": "2026-13-01", "item": "H100", "quantity": 1, "ship_to_country": "SG"}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("order_date"), "{e}");
        assert!(parse_order("order", &serde_json::json!([1])).is_err());
    }

    #[test]
    fn a_third_country_payer_holds_the_order_and_a_shared_address_is_a_reason() {
        let store = Store::open_memory().unwrap();
        let desk = Desk::default();
        // An earlier customer at the same address.
        let mut earlier = order("SO-1", "2026-02-01");
        earlier["bill_to_name"] = "Lionsgate Compute Pte. Ltd.".into();
        earlier["payer_name"] = serde_json::Value::Null;
        earlier["payer_country"] = serde_json::Value::Null;
        earlier["quantity"] = 8.into();
        check(Some(&store), &desk, &earlier, "ana").unwrap();
        let d = check(Some(&store), &desk, &order("SO-2", "2026-03-02"), "ana").unwrap();
        assert_eq!(d.verdict, Verdict::Hold, "{}", d.text());
        assert!(d.reasons.iter().any(|r| r.id == "K4b"), "{}", d.text());
        let shared = d
            .noted
            .iter()
            .find(|r| r.title.starts_with("Shares"))
            .unwrap();
        assert!(
            shared.detail.contains("Lionsgate Compute") && shared.detail.contains("address"),
            "{}",
            shared.detail
        );
        assert!(d.reasons.iter().all(|r| !r.citation.is_empty()));
        // Stored, with an alert in the customer's case.
        let alert = store.alert(d.alert.unwrap()).unwrap();
        assert_eq!(alert.kind, "order");
        assert!(store.verify_audit().unwrap().ok);
        // The same order again sees the first as the customer's history, not as another's.
        let again = check(Some(&store), &desk, &order("SO-3", "2026-03-09"), "ana").unwrap();
        assert_eq!(again.history.customer_orders, 1);
        // A clean order of a third customer at that address: held, since an order it shares
        // the address with was held.
        let mut third = earlier.clone();
        third["order_id"] = "SO-4".into();
        third["bill_to_name"] = "Straits Render Studio Pte. Ltd.".into();
        let d = check(Some(&store), &desk, &third, "ana").unwrap();
        assert_eq!(d.verdict, Verdict::Hold, "{}", d.text());
        let why = d.reasons.iter().find(|r| r.kind == "history").unwrap();
        assert!(
            why.detail.contains("was decided \"hold\""),
            "{}",
            why.detail
        );
        // Once a reviewer clears the held orders, the link is only noted; but four young
        // buyers at one address now make a network flag (N2), formed across orders entered
        // over weeks.
        for a in store.alerts(Some("open")).unwrap() {
            store
                .dispose(
                    a.id,
                    chipwatch_store::Decision::Cleared,
                    "ben",
                    "known distributor",
                )
                .unwrap();
        }
        let mut fourth = earlier.clone();
        fourth["order_id"] = "SO-5".into();
        fourth["bill_to_name"] = "Marina Bay Visuals Pte. Ltd.".into();
        let d = check(Some(&store), &desk, &fourth, "ana").unwrap();
        assert!(
            d.reasons.iter().all(|r| r.kind != "history"),
            "{}",
            d.text()
        );
        assert!(d.noted.iter().any(|r| r.kind == "history"), "{}", d.text());
        let n2 = d.reasons.iter().find(|r| r.id == "N2").unwrap();
        assert!(n2.detail.contains("4 young buyers"), "{}", n2.detail);
    }

    #[test]
    fn a_stored_order_that_no_longer_reads_is_left_out_and_said() {
        let store = Store::open_memory().unwrap();
        let (o, _) = parse_order("order", &order("SO-1", "2026-03-02")).unwrap();
        let mut record = order("OLD-1", "2025-01-01");
        record["item"] = "H999-RETIRED".into();
        store
            .import_orders(
                &[NewOrder {
                    order_id: "OLD-1".into(),
                    order_date: "2025-01-01".into(),
                    buyer: "Harbourline Distribution Pte. Ltd.".into(),
                    keys: keys_of(&o),
                    verdict: "proceed".into(),
                    record,
                    decision: serde_json::json!({"verdict": "proceed", "reasons": []}),
                }],
                "test",
            )
            .unwrap();
        let d = check(
            Some(&store),
            &Desk::default(),
            &order("SO-1", "2026-03-02"),
            "ana",
        )
        .unwrap();
        let note = d
            .noted
            .iter()
            .find(|r| r.title.starts_with("Stored orders left out"))
            .unwrap_or_else(|| panic!("{}", d.text()));
        assert!(note.detail.contains("H999-RETIRED"), "{}", note.detail);
        assert_eq!(d.history.customer_orders, 1);
    }

    #[test]
    fn a_licence_requirement_and_a_listed_party_decide_by_severity() {
        let desk = Desk::default();
        // H100 to China: a licence is required whatever else.
        let mut cn = order("SO-9", "2026-03-02");
        cn["ship_to_country"] = "CN".into();
        cn["bill_to_country"] = "CN".into();
        cn["payer_name"] = serde_json::Value::Null;
        cn["payer_country"] = serde_json::Value::Null;
        let d = check(None, &desk, &cn, "ana").unwrap();
        assert!(d.verdict >= Verdict::LicenceRequired, "{}", d.text());
        let h1 = d.reasons.iter().find(|r| r.id == "H1").unwrap();
        assert!(
            h1.detail.contains("CFR") || h1.citation.contains("CFR"),
            "{h1:?}"
        );
        // A party on the bundled Entity List sample: do not ship.
        let screener = crate::eval::sample_screener();
        let listed = Desk {
            screener: Some(&screener),
            ..Desk::default()
        };
        let entry = screener.entries()[0].name.clone();
        let mut o = order("SO-10", "2026-03-02");
        o["bill_to_name"] = entry.clone().into();
        let d = check(None, &listed, &o, "ana").unwrap();
        assert_eq!(d.verdict, Verdict::DoNotShip, "{entry}: {}", d.text());
        assert!(d.reasons[0].kind == "screening", "{}", d.text());
    }
}
