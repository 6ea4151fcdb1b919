//! The order desk's pages (New order, Orders, an order) and the paged audit log, rendered with
//! maud: every value is escaped unless a template says otherwise.

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chipwatch_store::Role;
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::Value;

use crate::Shared;
use crate::ui::{gate, page, who};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/orders", get(orders_page))
        .route("/orders/new", get(new_order_page).post(new_order))
        .route("/orders/{id}", get(order_page))
        .route("/audit", get(audit_page))
}

/// The form's fields: the ledger's columns, with a label and a hint.
const FIELDS: &[(&str, &str, &str, bool)] = &[
    ("order_id", "Order id", "SO-2026-0142", true),
    ("order_date", "Order date", "2026-03-02", true),
    (
        "item",
        "Item",
        "H100-SXM, HGX-H100-8GPU, RTX-4090 (chipwatch chips)",
        true,
    ),
    ("quantity", "Quantity", "64", true),
    (
        "hs_code",
        "HS code",
        "8473.30 (modules, boards), 8471.50 (servers)",
        false,
    ),
    ("unit_price_usd", "Unit price (USD)", "", false),
    ("currency", "Invoice currency", "USD", false),
    ("incoterm", "Incoterm", "EXW, FCA, DAP, DDP", false),
    ("seller_country", "Seller country", "US", false),
    ("bill_to_name", "Bill-to", "", false),
    ("bill_to_address", "Bill-to address", "", false),
    ("bill_to_country", "Bill-to country", "SG", false),
    ("ship_to_name", "Ship-to", "", false),
    ("ship_to_address", "Ship-to address", "", false),
    ("ship_to_country", "Ship-to country", "SG", true),
    (
        "ship_to_type",
        "Ship-to type",
        "end_user, distributor, datacenter, forwarder, logistics, reseller",
        false,
    ),
    ("end_user_name", "End user", "", false),
    ("end_user_address", "End user address", "", false),
    ("end_user_country", "End user country", "", false),
    ("end_user_parent", "End user's parent", "", false),
    ("end_user_parent_country", "Parent's country", "", false),
    ("payer_name", "Payer", "", false),
    ("payer_country", "Payer country", "", false),
    ("forwarder", "Forwarder", "", false),
    ("route", "Route", "US;SG", false),
    ("declared_end_use", "Declared end use", "", false),
    (
        "installation_declined",
        "Installation declined",
        "true / false",
        false,
    ),
    ("customer_since", "Customer since", "2024-05-01", false),
    ("contact_email", "Contact email", "", false),
    ("contact_phone", "Contact phone", "", false),
    ("declared_site_mw", "Declared site power (MW)", "", false),
    ("licence", "Licence on file", "", false),
];

fn form(values: &[(String, String)]) -> Markup {
    let value = |name: &str| {
        values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    html! {
        form #order method="post" action="/orders/new" {
            table {
                @for (name, label, hint, required) in FIELDS {
                    tr {
                        th { label for=(name) { (label) @if *required { " *" } } }
                        td { input id=(name) name=(name) size="60" placeholder=(hint) value=(value(name)) required[*required]; }
                    }
                }
            }
            p { button #check { "Decide" } }
        }
    }
}

async fn new_order_page(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let p = match gate(&s, &headers, Role::Analyst) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let body = html! {
        p.why { "One order, one decision: the item classified as of the order date, the licence determined for the destination and the end user, every party screened, and the red flags weighed with the customer's history in the store. A hold opens an alert for review." }
        (form(&[]))
    };
    page("New order", Some(&who(&p)), &body.into_string()).into_response()
}

async fn new_order(
    State(s): State<Shared>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let p = match gate(&s, &headers, Role::Analyst) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let order: serde_json::Map<String, Value> = fields
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), Value::String(v.trim().to_string())))
        .collect();
    match crate::api::decide_order(&s, &Value::Object(order), &p.name) {
        Ok(d) => {
            let body = decision_html(&serde_json::to_value(&d).unwrap_or_default());
            page(
                &format!("Order {}", d.order_id),
                Some(&who(&p)),
                &body.into_string(),
            )
            .into_response()
        }
        Err(e) => {
            let body = html! {
                p.error #error { (e.1) }
                (form(&fields))
            };
            (e.0, page("New order", Some(&who(&p)), &body.into_string())).into_response()
        }
    }
}

/// A decision (as `POST /v1/orders` answers and the store keeps it), every reason with its
/// citation.
pub fn decision_html(d: &Value) -> Markup {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let verdict = s(&d["verdict"]);
    let reasons = d["reasons"].as_array().cloned().unwrap_or_default();
    let noted = d["noted"].as_array().cloned().unwrap_or_default();
    let h = &d["history"];
    html! {
        p {
            span.pill.(format!("verdict-{verdict}")) #verdict { (s(&d["verdict_label"])) }
            span.pill { "order " (s(&d["order_id"])) }
            span.pill { (s(&d["order_date"])) }
            span.pill { (s(&d["buyer"])) }
            span.pill { "score " (format!("{:.2}", d["score"].as_f64().unwrap_or(0.0))) }
        }
        @if let Some(a) = d["alert"].as_i64() {
            p { "Held for review: " a #alert-link href=(format!("/alerts/{a}")) { "alert " (a) } "." }
        }
        @if let Some(c) = d["classification"].as_object() {
            p #classification {
                "Item " b { (s(&c["item"])) } ": " (s(&c["eccn"]))
                @if c["controlled"].as_bool() == Some(true) { " (controlled)" } @else { " (not controlled)" }
                ", TPP " (format!("{:.0}", c["tpp"].as_f64().unwrap_or(0.0)))
                span.why { " [" (s(&c["citation"])) "]" }
                br;
                "Licence: "
                @if c["licence_required"].as_bool() == Some(true) {
                    "required" @if let Some(p) = c["review_policy"].as_str() { ", " (p) }
                } @else { "not required for this destination and end user" }
                span.why { " (rules in force: " (c["versions"].as_array().map(|v| v.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")).unwrap_or_default()) ")" }
            }
        }
        h2 { "Reasons" }
        (reasons_html(&reasons))
        @if !noted.is_empty() {
            h2 { "Noted" }
            ul #noted {
                @for r in &noted {
                    li.note { b { (s(&r["id"])) } " " (s(&r["title"])) ": " (s(&r["detail"])) " " span.why.citation { "[" (s(&r["citation"])) "]" } }
                }
            }
        }
        h2 { "History" }
        p #history {
            (h["customer_orders"].as_i64().unwrap_or(0)) " earlier order(s) of this customer in the store"
            @if let Some(f) = h["first_order"].as_str() { ", the first on " (f) }
            "; " (h["shared"].as_array().map_or(0, Vec::len)) " order(s) of other customers share an identifier."
        }
        p.why { "Score arithmetic: " (s(&d["why"])) }
    }
}

/// The reasons of a decision, each with what it calls for and its citation.
pub fn reasons_html(reasons: &[Value]) -> Markup {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    html! {
        @if reasons.is_empty() {
            p #no-reasons { "No reason to stop this order." }
        } @else {
            table #reasons {
                tr { th { "calls for" } th { "check" } th { "what was found" } th { "source" } }
                @for r in reasons {
                    tr.reason {
                        td { (s(&r["calls_for"]).replace('_', " ")) }
                        td { b { (s(&r["id"])) } " " (s(&r["title"])) }
                        td { (s(&r["detail"])) }
                        td.why.citation { (s(&r["citation"])) }
                    }
                }
            }
        }
    }
}

#[derive(Deserialize)]
struct Paging {
    offset: Option<usize>,
    before: Option<i64>,
}

const PAGE: usize = 50;

async fn orders_page(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Paging>,
) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let offset = q.offset.unwrap_or(0);
    let orders = s.store.orders(offset, PAGE).unwrap_or_default();
    let total = s.store.order_count().unwrap_or(0);
    let body = html! {
        p { a href="/orders/new" #new-order { "New order" } " · " (total) " order(s) decided" }
        table #orders {
            tr { th { "#" } th { "order" } th { "date" } th { "buyer" } th { "decision" } th { "alert" } }
            @for o in &orders {
                tr {
                    td { a href=(format!("/orders/{}", o.id)) { (o.id) } }
                    td { (o.order_id) }
                    td { (o.order_date) }
                    td { (o.buyer) }
                    td { (o.verdict.replace('_', " ")) }
                    td { @if let Some(a) = o.alert_id { a href=(format!("/alerts/{a}")) { (a) } } }
                }
            }
        }
        p {
            @if offset > 0 { a href=(format!("/orders?offset={}", offset.saturating_sub(PAGE))) { "newer" } " " }
            @if offset + PAGE < total as usize { a #older href=(format!("/orders?offset={}", offset + PAGE)) { "older" } }
        }
    };
    page("Orders", Some(&who(&p)), &body.into_string()).into_response()
}

async fn order_page(State(s): State<Shared>, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    match s.store.order(id) {
        Ok(o) => {
            let audit = s
                .store
                .audit_log(Some(("order", &id.to_string())), 50)
                .unwrap_or_default();
            let body = html! {
                (decision_html(&o.decision))
                h2 { "The order as entered" }
                table #record {
                    @if let Some(m) = o.record.as_object() {
                        @for (k, v) in m {
                            tr { th { (k) } td { (v.as_str().map_or_else(|| v.to_string(), str::to_string)) } }
                        }
                    }
                }
                (audit_table(&audit))
            };
            page(
                &format!("Order {}", o.order_id),
                Some(&who(&p)),
                &body.into_string(),
            )
            .into_response()
        }
        Err(e) => (
            StatusCode::NOT_FOUND,
            page(
                "Order",
                Some(&who(&p)),
                &html! { p.error { (e.to_string()) } }.into_string(),
            ),
        )
            .into_response(),
    }
}

pub fn audit_table(entries: &[chipwatch_store::AuditEntry]) -> Markup {
    html! {
        h2 { "Audit trail" }
        table #audit {
            tr { th { "#" } th { "time" } th { "who" } th { "action" } th { "what" } th { "hash" } }
            @for e in entries {
                tr {
                    td { (e.seq) }
                    td { (e.ts) }
                    td { (e.actor) }
                    td { (e.action) }
                    td.why { (e.payload) }
                    td { code { (e.hash.get(..12).unwrap_or(&e.hash)) } }
                }
            }
        }
    }
}

/// The audit log, a page at a time (`?before=SEQ`), with the chain verified.
async fn audit_page(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<Paging>,
) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let verify = s.store.verify_audit();
    let entries = s.store.audit_before(q.before, PAGE).unwrap_or_default();
    let body = html! {
        @match &verify {
            Ok(r) if r.ok => p #verify { "Chain verified: " (r.entries) " entries, head " code { (r.head) } "." },
            Ok(r) => p.error #verify { "Chain broken: " (r.problems.join("; ")) },
            Err(e) => p.error { (e.to_string()) },
        }
        (audit_table(&entries))
        p {
            @if q.before.is_some() { a href="/audit" { "newest" } " " }
            @if let Some(last) = entries.last().filter(|e| e.seq > 1 && entries.len() == PAGE) {
                a #older href=(format!("/audit?before={}", last.seq)) { "older" }
            }
        }
    };
    page("Audit log", Some(&who(&p)), &body.into_string()).into_response()
}
