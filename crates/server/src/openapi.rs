//! The OpenAPI document of the API (`GET /openapi.json`).

use axum::Json;
use serde_json::{Value, json};

fn op(summary: &str, role: &str) -> Value {
    json!({
        "summary": summary,
        "description": format!("Needs a token with the {role} role or above."),
        "security": [{"bearer": []}],
        "responses": {
            "200": {"description": "OK"},
            "400": {"description": "invalid request: {\"error\": ...}"},
            "401": {"description": "no or unknown token"},
            "403": {"description": "the token's role may not do this"},
            "413": {"description": "request body too large"},
            "429": {"description": "rate limit exceeded"}
        }
    })
}

pub fn spec() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "chipwatch",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Screening, classification, licence determination, ledger assessment, alerts, cases and an audit trail."
        },
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": {
            "/v1/screen": {"get": op("Screen one name (?name=&country=&kind=&threshold=&date=; with serve --ownership also the affiliates listed owners cover)", "analyst"),
                           "post": op("Screen one name or up to 1,000 ({\"queries\":[{name,country,kind}]})", "analyst")},
            "/v1/classify": {"post": op("Classify an item as of a date ({item, as_of})", "analyst")},
            "/v1/licence": {"post": op("Licence determination ({item, to, date, quantity, end_user_country, parent_hq, from, as_written})", "analyst")},
            "/v1/assess": {"post": op("Assess a ledger (CSV body); ?alert_at=SCORE opens alerts", "analyst")},
            "/v1/orders": {"post": op("The order desk: decide one order (JSON object of the ledger's columns: order_id, order_date, item, quantity, ship_to_country, bill_to_*, ship_to_*, end_user_*, payer_*, ...) against the customer's history; answers proceed | hold | licence_required | do_not_ship with every reason and its citation, stores the order and opens an alert for a hold", "analyst"),
                           "get": op("Orders decided, newest first (?offset=&limit=)", "viewer")},
            "/v1/orders/{id}": {"get": op("A stored order with its decision and audit entries", "viewer")},
            "/v1/findings": {"get": op("Findings of the assessments run since start (networks with their flags, figures and sources)", "viewer")},
            "/v1/weights": {"get": op("The flags' weights assessments use (log-likelihood ratios), each with its prior and the decisions it was learned from", "viewer")},
            "/v1/weights/learn": {"post": op("Fit the weights to the reviewers' dispositions of assess alerts (regularised logistic regression, the prior as its mean) and use them from now on; recorded in the audit log", "admin")},
            "/v1/monitoring": {"get": op("Parties remembered, the latest list deltas and the alerts their re-screens opened", "viewer")},
            "/v1/alerts": {"get": op("Alerts, riskiest first (?status=open|cleared|escalated|...)", "viewer")},
            "/v1/alerts/{id}": {"get": op("An alert with its dispositions and audit entries", "viewer")},
            "/v1/alerts/{id}/disposition": {"post": op("Disposition an alert ({decision: cleared|escalated|licence_applied_for|reported|blocked, reason})", "reviewer")},
            "/v1/cases": {"get": op("Cases", "viewer"), "post": op("Open a case ({title})", "analyst")},
            "/v1/cases/{id}": {"get": op("A case with alerts, comments, evidence and audit trail", "viewer")},
            "/v1/cases/{id}/comments": {"post": op("Comment on a case ({body})", "analyst")},
            "/v1/audit": {"get": op("The audit log, newest first (?limit=)", "viewer")},
            "/v1/audit/verify": {"get": op("Verify the audit chain", "viewer")},
            "/v1/tokens": {"post": op("Create an API token ({name, role})", "admin")},
            "/v2/search": {"get": op("Watchman-compatible search (?name=&limit=&minMatch=&type=&source=)", "analyst")},
            "/match/{dataset}": {"post": op("yente-compatible matching ({queries:{key:{schema,properties}}})", "analyst")},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}},
            "/readyz": {"get": {"summary": "Readiness: store reachable, lists loaded", "responses": {"200": {"description": "ready"}, "503": {"description": "not ready"}}}}
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}
