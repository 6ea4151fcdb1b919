//! The web interface: server-rendered pages and HTML forms (no JavaScript to build). The
//! login form stores the API token in an HttpOnly, SameSite=Strict cookie; every page then
//! acts with that token's role.

use std::fmt::Write as _;

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chipwatch_store::{Decision, Role};
use serde::Deserialize;

use crate::{ApiError, Shared, authorize, token_of};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(dashboard))
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/alerts", get(alerts_page))
        .route("/alerts/{id}", get(alert_page))
        .route("/alerts/{id}/disposition", post(dispose))
        .route("/screen", get(screen_page).post(screen))
        .route("/classify", get(classify_page).post(classify))
        .route("/cases/{id}", get(case_page))
        .route("/weights", get(weights_page))
        .route("/monitoring", get(monitoring_page))
        .route("/party", get(party_page))
}

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const CSS: &str = "body{font-family:system-ui,sans-serif;margin:0;color:#1d2430;background:#f7f8fa}\
header{background:#1f3a5f;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}\
header a{color:#fff;text-decoration:none}header strong{margin-right:1rem}main{padding:1.2rem;max-width:1100px}\
table{border-collapse:collapse;width:100%;background:#fff}td,th{border-bottom:1px solid #e3e6ea;padding:.4rem;text-align:left;vertical-align:top}\
.hit{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:.6rem;margin:.6rem 0}.why{color:#555;font-size:.9rem}\
.pill{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e8eef6;margin-right:.4rem}\
.error{background:#fdecea;border:1px solid #f5c2bd;padding:.6rem;border-radius:6px}\
input,select,textarea{font:inherit;padding:.3rem}form.inline{display:inline}\
.verdict-proceed{background:#d7f0dc}.verdict-licence_required{background:#fbeec0}.verdict-hold{background:#fde0bd;font-weight:600}.verdict-do_not_ship{background:#f8cfca;font-weight:600}";

pub(crate) fn page(title: &str, who: Option<&str>, body: &str) -> Html<String> {
    let nav = match who {
        Some(w) => format!(
            "<a href=\"/\">Dashboard</a><a href=\"/orders/new\">New order</a><a href=\"/orders\">Orders</a><a href=\"/alerts\">Alerts</a><a href=\"/screen\">Screen</a><a href=\"/classify\">Classify</a><a href=\"/monitoring\">Monitoring</a><a href=\"/audit\">Audit</a><a href=\"/weights\">Weights</a>\
             <span style=\"margin-left:auto\">{}</span><form class=\"inline\" method=\"post\" action=\"/logout\"><button id=\"logout\">Log out</button></form>",
            esc(w)
        ),
        None => String::new(),
    };
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} · chipwatch</title><style>{CSS}</style></head>\
         <body><header><strong>chipwatch</strong>{nav}</header><main><h1>{}</h1>{body}</main></body></html>",
        esc(title),
        esc(title)
    ))
}

/// A page needing `role`: the principal, or a redirect to the login page (no or bad token)
/// or a 403 page.
pub(crate) fn gate(
    s: &Shared,
    headers: &HeaderMap,
    role: Role,
) -> Result<chipwatch_store::Principal, Box<Response>> {
    match authorize(s, headers, role) {
        Ok(p) => Ok(p),
        Err(ApiError(StatusCode::UNAUTHORIZED, _)) => {
            Err(Box::new(Redirect::to("/login").into_response()))
        }
        Err(ApiError(code, msg)) => {
            let body = format!("<p class=\"error\">{}</p>", esc(&msg));
            Err(Box::new(
                (code, page("Not allowed", None, &body)).into_response(),
            ))
        }
    }
}

pub(crate) fn who(p: &chipwatch_store::Principal) -> String {
    format!("{} ({})", p.name, p.role.as_str())
}

async fn login_page(headers: HeaderMap) -> Html<String> {
    let _ = token_of(&headers);
    page(
        "Log in",
        None,
        "<form method=\"post\" action=\"/login\"><p><label>API token <input id=\"token\" name=\"token\" type=\"password\" size=\"60\" autofocus></label></p>\
         <p><button id=\"login\">Log in</button></p></form><p class=\"why\">Tokens are created with <code>chipwatch serve</code> (printed at first start) or <code>POST /v1/tokens</code>.</p>",
    )
}

#[derive(Deserialize)]
struct LoginForm {
    token: String,
}

async fn login(State(s): State<Shared>, Form(f): Form<LoginForm>) -> Response {
    let token = f.token.trim();
    let valid = token.starts_with("cw_")
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && matches!(s.store.authenticate(token), Ok(Some(_)));
    if !valid {
        return (
            StatusCode::UNAUTHORIZED,
            page("Log in", None, "<p class=\"error\" id=\"login-error\">Unknown token.</p><form method=\"post\" action=\"/login\"><input id=\"token\" name=\"token\" type=\"password\" size=\"60\"><button id=\"login\">Log in</button></form>"),
        )
            .into_response();
    }
    (
        [(
            header::SET_COOKIE,
            format!("cw_token={token}; Path=/; HttpOnly; SameSite=Strict"),
        )],
        Redirect::to("/"),
    )
        .into_response()
}

async fn logout() -> Response {
    (
        [(
            header::SET_COOKIE,
            "cw_token=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0".to_string(),
        )],
        Redirect::to("/login"),
    )
        .into_response()
}

fn bars(counts: &[(String, i64)]) -> String {
    let max = counts.iter().map(|c| c.1).max().unwrap_or(1).max(1) as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 520 {}\" width=\"520\" role=\"img\"><title>Alerts by status</title>",
        24 * counts.len().max(1) + 10
    );
    for (i, (status, n)) in counts.iter().enumerate() {
        let w = 340.0 * *n as f64 / max;
        let y = 5 + 24 * i;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text><rect x=\"150\" y=\"{y}\" width=\"{w:.0}\" height=\"18\" fill=\"#1f5fa8\"/><text x=\"{:.0}\" y=\"{}\" font-size=\"13\">{n}</text>",
            y + 14,
            esc(status),
            156.0 + w,
            y + 14
        );
    }
    svg.push_str("</svg>");
    svg
}

async fn dashboard(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let counts = s.store.alert_counts().unwrap_or_default();
    let open = s.store.alerts(Some("open")).unwrap_or_default();
    let cases = s.store.cases().unwrap_or_default();
    let mut b = String::new();
    let _ = write!(
        b,
        "<p>Lists loaded: {} ({} entries). <a href=\"/screen\">Screen a name</a> · <a href=\"/classify\">Classify a chip</a></p><h2>Alerts by status</h2>{}",
        esc(&s.lists().join(", ")),
        s.screener().entries().len(),
        bars(&counts)
    );
    b.push_str("<h2>Riskiest open alerts</h2><table><tr><th>score</th><th>subject</th><th>kind</th><th></th></tr>");
    for a in open.iter().take(10) {
        let _ = write!(
            b,
            "<tr><td>{:.2}</td><td>{}</td><td>{}</td><td><a href=\"/alerts/{}\">review</a></td></tr>",
            a.score,
            esc(&a.subject),
            esc(&a.kind),
            a.id
        );
    }
    b.push_str("</table><h2>Findings</h2><ul id=\"findings\">");
    for f in s
        .findings
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .iter()
        .take(10)
    {
        let _ = write!(
            b,
            "<li><span class=\"pill\">{}</span>{}<br><span class=\"why\">{}</span></li>",
            esc(f.severity.as_str()),
            esc(&f.title),
            esc(&f.explanation)
        );
    }
    b.push_str("</ul><h2>Cases</h2><ul>");
    for c in &cases {
        let _ = write!(
            b,
            "<li><a href=\"/cases/{}\">{}</a> ({})</li>",
            c.id,
            esc(&c.title),
            esc(&c.status)
        );
    }
    b.push_str("</ul>");
    page("Dashboard", Some(&who(&p)), &b).into_response()
}

async fn alerts_page(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let mut b = String::from(
        "<table id=\"alerts\"><tr><th>id</th><th>score</th><th>subject</th><th>kind</th><th>status</th></tr>",
    );
    for a in s.store.alerts(None).unwrap_or_default() {
        let _ = write!(
            b,
            "<tr><td><a href=\"/alerts/{0}\" id=\"alert-{0}\">{0}</a></td><td>{1:.2}</td><td>{2}</td><td>{3}</td><td class=\"status\">{4}</td></tr>",
            a.id,
            a.score,
            esc(&a.subject),
            esc(&a.kind),
            esc(&a.status)
        );
    }
    b.push_str("</table>");
    page("Alert queue", Some(&who(&p)), &b).into_response()
}

async fn alert_page(State(s): State<Shared>, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let a = match s.store.alert(id) {
        Ok(a) => a,
        Err(e) => {
            return (
                StatusCode::NOT_FOUND,
                page(
                    "Alert",
                    Some(&who(&p)),
                    &format!("<p class=\"error\">{}</p>", esc(&e.to_string())),
                ),
            )
                .into_response();
        }
    };
    let reasons = a.details["reasons"].as_array().cloned().unwrap_or_default();
    let graph = serde_json::from_value::<chipwatch_model::finding::GraphFigure>(
        a.details["network_graph"].clone(),
    )
    .ok();
    let dispositions = s.store.dispositions(Some(id)).unwrap_or_default();
    let trail = s
        .store
        .audit_log(Some(("alert", &id.to_string())), 100)
        .unwrap_or_default();
    let b = maud::html! {
        p {
            span.pill { (a.kind) }
            span.pill { "score " (format!("{:.2}", a.score)) }
            span.pill #status { (a.status) }
            @if let Some(c) = a.case_id {
                a.pill #case-link href=(format!("/cases/{c}")) { "case " (c) }
            }
        }
        h2 { (a.subject) }
        @if a.kind == "order" {
            h2 { "Reasons" }
            (crate::orders_ui::reasons_html(&reasons))
        }
        pre.why { (serde_json::to_string_pretty(&a.details).unwrap_or_default()) }
        @if p.role >= Role::Reviewer {
            h2 { "Disposition" }
            form method="post" action=(format!("/alerts/{id}/disposition")) {
                select #decision name="decision" {
                    @for d in Decision::ALL { option value=(d.as_str()) { (d.as_str()) } }
                }
                " "
                input #reason name="reason" size="60" placeholder="reason (required)" required;
                " "
                button #dispose { "Record" }
            }
        } @else {
            p.why { "Dispositions need the reviewer role." }
        }
        @if let Some(g) = &graph {
            h2 { "Parties in this network" }
            p {
                @for n in &g.nodes {
                    a.pill.party href=(format!("/party?name={}", url_encode(&n.label))) { (n.label) }
                }
            }
        }
        h2 { "Dispositions" }
        ul #dispositions {
            @for d in &dispositions {
                li { (d.created_at) " — " b { (d.decision) } " by " (d.reviewer) ": " (d.reason) }
            }
        }
        (crate::orders_ui::audit_table(&trail))
    }
    .into_string();
    page(&format!("Alert {id}"), Some(&who(&p)), &b).into_response()
}

#[derive(Deserialize)]
struct DisposeForm {
    decision: String,
    reason: String,
}

async fn dispose(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(f): Form<DisposeForm>,
) -> Response {
    let p = match gate(&s, &headers, Role::Reviewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let Some(d) = Decision::parse(&f.decision) else {
        return (
            StatusCode::BAD_REQUEST,
            page(
                "Disposition",
                Some(&who(&p)),
                "<p class=\"error\">Unknown decision.</p>",
            ),
        )
            .into_response();
    };
    match s.store.dispose(id, d, &p.name, &f.reason) {
        Ok(_) => Redirect::to(&format!("/alerts/{id}")).into_response(),
        Err(e) => (
            StatusCode::BAD_REQUEST,
            page(
                "Disposition",
                Some(&who(&p)),
                &format!("<p class=\"error\">{}</p>", esc(&e.to_string())),
            ),
        )
            .into_response(),
    }
}

const SCREEN_FORM: &str = "<form method=\"post\" action=\"/screen\"><input id=\"name\" name=\"name\" size=\"50\" placeholder=\"name in any script\" required> \
    <input id=\"country\" name=\"country\" size=\"6\" placeholder=\"country\"> <button id=\"screen\">Screen</button></form>";

async fn screen_page(State(s): State<Shared>, headers: HeaderMap) -> Response {
    match gate(&s, &headers, Role::Analyst) {
        Ok(p) => page("Screen a name", Some(&who(&p)), SCREEN_FORM).into_response(),
        Err(r) => *r,
    }
}

#[derive(Deserialize)]
struct ScreenForm {
    name: String,
    country: Option<String>,
}

async fn screen(
    State(s): State<Shared>,
    headers: HeaderMap,
    Form(f): Form<ScreenForm>,
) -> Response {
    let p = match gate(&s, &headers, Role::Analyst) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let params = crate::api::ScreenParams {
        name: Some(f.name.clone()),
        country: f.country.filter(|c| !c.trim().is_empty()),
        address: None,
        dob: None,
        nationality: None,
        id_number: None,
        kind: None,
        threshold: None,
        date: None,
    };
    let mut b = String::from(SCREEN_FORM);
    match crate::api::screen_one(&s, &params, "web") {
        Ok(v) => {
            let hits = v["hits"].as_array().cloned().unwrap_or_default();
            let _ = write!(
                b,
                "<p id=\"summary\">{} hit(s) for <b>{}</b> at score ≥ 0.80 among {} entries.</p>",
                hits.len(),
                esc(&f.name),
                s.screener().entries().len()
            );
            for h in hits {
                let _ = write!(
                    b,
                    "<div class=\"hit\"><b>{:.3}</b> {} {} — <b class=\"entry\">{}</b><br>matched alias: {}<br><span class=\"why explanation\">why: {}</span><br><span class=\"why\">from {}</span></div>",
                    h["score"].as_f64().unwrap_or(0.0),
                    esc(h["source"].as_str().unwrap_or("")),
                    esc(h["entry_id"].as_str().unwrap_or("")),
                    esc(h["entry_name"].as_str().unwrap_or("")),
                    esc(h["matched_alias"].as_str().unwrap_or("")),
                    esc(h["explanation"].as_str().unwrap_or("")),
                    esc(h["origin"].as_str().unwrap_or(""))
                );
            }
            for a in v["affiliates"].as_array().cloned().unwrap_or_default() {
                let covered = a["status"] == "covered";
                let _ = write!(
                    b,
                    "<div class=\"hit affiliate\"><b>{}</b> [{}] <span class=\"why explanation\">{}</span></div>",
                    if covered {
                        "covered affiliate"
                    } else {
                        "possibly covered affiliate"
                    },
                    esc(a["rule"]["id"].as_str().unwrap_or("")),
                    esc(a["explanation"].as_str().unwrap_or(""))
                );
            }
        }
        Err(ApiError(_, m)) => {
            let _ = write!(b, "<p class=\"error\">{}</p>", esc(&m));
        }
    }
    page("Screen a name", Some(&who(&p)), &b).into_response()
}

const CLASSIFY_FORM: &str = "<form method=\"post\" action=\"/classify\"><input id=\"item\" name=\"item\" placeholder=\"H100, HGX-H100-8GPU, RTX 4090D\" required> \
    <input id=\"as_of\" name=\"as_of\" placeholder=\"YYYY-MM-DD (today)\"> <button id=\"classify\">Classify</button></form>";

async fn classify_page(State(s): State<Shared>, headers: HeaderMap) -> Response {
    match gate(&s, &headers, Role::Analyst) {
        Ok(p) => page("Classify a chip or system", Some(&who(&p)), CLASSIFY_FORM).into_response(),
        Err(r) => *r,
    }
}

#[derive(Deserialize)]
struct ClassifyForm {
    item: String,
    as_of: Option<String>,
}

async fn classify(
    State(s): State<Shared>,
    headers: HeaderMap,
    Form(f): Form<ClassifyForm>,
) -> Response {
    let p = match gate(&s, &headers, Role::Analyst) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let mut b = String::from(CLASSIFY_FORM);
    let as_of = f.as_of.as_deref().map(str::trim).filter(|d| !d.is_empty());
    let date = crate::api::date_of(as_of).map_err(|ApiError(_, m)| m);
    match date.and_then(|d| {
        chipwatch_rules::classify::classify_item(&f.item, d).map_err(|e| e.to_string())
    }) {
        Ok((item, c)) => {
            let _ = write!(
                b,
                "<h2 id=\"result\">{}</h2><pre class=\"why\">{}</pre>",
                esc(item.name()),
                esc(&serde_json::to_string_pretty(&c).unwrap_or_default())
            );
        }
        Err(e) => {
            let _ = write!(b, "<p class=\"error\">{}</p>", esc(&e));
        }
    }
    page("Classify a chip or system", Some(&who(&p)), &b).into_response()
}

async fn case_page(State(s): State<Shared>, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let c = match s.store.case(id) {
        Ok(c) => c,
        Err(e) => {
            return (
                StatusCode::NOT_FOUND,
                page(
                    "Case",
                    Some(&who(&p)),
                    &format!("<p class=\"error\">{}</p>", esc(&e.to_string())),
                ),
            )
                .into_response();
        }
    };
    let alerts = s.store.alerts_in_case(id).unwrap_or_default();
    let comments = s.store.comments(id).unwrap_or_default();
    let evidence = s.store.evidence(id).unwrap_or_default();
    let trail = s
        .store
        .audit_log(Some(("case", &id.to_string())), 200)
        .unwrap_or_default();
    let b = maud::html! {
        p { "Opened " (c.created_at) " by " (c.created_by) " · " (c.status) }
        h2 { "Alerts" }
        ul #case-alerts {
            @for a in &alerts {
                li {
                    a href=(format!("/alerts/{}", a.id)) { (a.subject) }
                    " — " (format!("{:.2}", a.score)) ", " (a.status)
                }
            }
        }
        h2 { "Comments" }
        ul {
            @for cm in &comments { li { (cm.created_at) " — " (cm.author) ": " (cm.body) } }
        }
        h2 { "Evidence" }
        ul {
            @for e in &evidence {
                li { (e.description) " — " (e.uri) " (sha256 " (e.sha256.get(..16).unwrap_or(&e.sha256)) ")" }
            }
        }
        (crate::orders_ui::audit_table(&trail))
    }
    .into_string();
    page(&c.title, Some(&who(&p)), &b).into_response()
}

/// The red flags' weights assessments use, beside their prior (learned from dispositions with
/// `POST /v1/weights/learn` or set with `serve --weights`).
async fn weights_page(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let w = s.weights.read().unwrap_or_else(|p| p.into_inner()).clone();
    let prior = chipwatch_assess::score::Weights::prior();
    let mut b = format!(
        "<p id=\"origin\">Weights in use: {}. Each is a log-likelihood ratio: the evidence a flag adds to an \
         order's log-odds before the ledger's rarity bound (docs/assess.md, Risk).</p>\
         <table id=\"weights\"><tr><th>flag</th><th>title</th><th>prior</th><th>in use</th><th>change</th></tr>",
        esc(&w.origin)
    );
    let defs = chipwatch_assess::assess::flag_defs();
    for (id, v) in &w.log_lr {
        let title = defs
            .iter()
            .find(|d| &d.id == id)
            .map_or("", |d| d.title.as_str());
        let p0 = prior.prior_of(id);
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{p0:.2}</td><td>{v:.2}</td><td>{:+.2}</td></tr>",
            esc(id),
            esc(title),
            v - p0
        );
    }
    let _ = write!(
        b,
        "</table><p>Intercept (log-odds of an order with no flag): prior {:.2}, in use {:.2}.</p>",
        prior.intercept, w.intercept
    );
    page("Red-flag weights", Some(&who(&p)), &b).into_response()
}

async fn monitoring_page(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let m = match crate::api::monitoring_json(&s) {
        Ok(m) => m,
        Err(ApiError(code, msg)) => {
            return (code, page("Monitoring", Some(&who(&p)), &esc(&msg))).into_response();
        }
    };
    let mut b = format!(
        "<p id=\"parties\">{} parties remembered: everyone screened through the API, this interface or an \
         assessment is screened again when a list changes, against what changed (docs/screen.md, Monitoring).</p>\
         <h2>List deltas</h2><table id=\"deltas\"><tr><th>when</th><th>list</th><th>from → to</th><th>added</th>\
         <th>removed</th><th>changed</th><th>re-screened</th><th>alerts opened</th><th>annotated</th></tr>",
        m["parties"]
    );
    for d in m["deltas"].as_array().into_iter().flatten() {
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(d["created_at"].as_str().unwrap_or("")),
            esc(d["list"].as_str().unwrap_or("")),
            esc(d["old_version"].as_str().unwrap_or("")),
            esc(d["new_version"].as_str().unwrap_or("")),
            d["summary"]["added"],
            d["summary"]["removed"],
            d["summary"]["changed"],
            d["rescreened"],
            d["alerts_opened"],
            d["annotated"]
        );
    }
    b.push_str("</table><h2>Alerts the deltas opened</h2><table id=\"list-alerts\"><tr><th>alert</th><th>party</th><th>entry</th><th>change</th><th>score</th><th>status</th></tr>");
    for a in m["alerts"].as_array().into_iter().flatten() {
        let what = &a["details"]["delta"]["what"];
        let change = match what["change"].as_str() {
            Some("changed") => format!(
                "changed: {}",
                what["fields"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|f| f["field"].as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Some(c) => c.to_string(),
            None => String::new(),
        };
        let _ = write!(
            b,
            "<tr><td><a href=\"/alerts/{id}\">#{id}</a></td><td>{}</td><td>{} ({})</td><td>{}</td><td>{:.2}</td><td>{}</td></tr>",
            esc(a["subject"].as_str().unwrap_or("")),
            esc(a["details"]["delta"]["entry"].as_str().unwrap_or("")),
            esc(a["details"]["hit"]["entry_name"].as_str().unwrap_or("")),
            esc(&change),
            a["score"].as_f64().unwrap_or(0.0),
            esc(a["status"].as_str().unwrap_or("")),
            id = a["id"]
        );
    }
    b.push_str("</table>");
    page("Monitoring", Some(&who(&p)), &b).into_response()
}

/// Percent-encode a query value.
fn url_encode(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            o.push(b as char);
        } else {
            let _ = write!(o, "%{b:02X}");
        }
    }
    o
}

#[derive(Deserialize)]
struct PartyParams {
    name: Option<String>,
}

/// A party: its screening hits, the alerts that name it, and the networks it belongs to,
/// drawn.
async fn party_page(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<PartyParams>,
) -> Response {
    let p = match gate(&s, &headers, Role::Viewer) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let Some(name) = q
        .name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
    else {
        return (
            StatusCode::BAD_REQUEST,
            page(
                "Party",
                Some(&who(&p)),
                "<p class=\"error\">Which party? (?name=...)</p>",
            ),
        )
            .into_response();
    };
    let mut b = String::new();
    let hits = s
        .screener()
        .screen(&chipwatch_screen::screener::Query::name(&name));
    let _ = write!(
        b,
        "<h2>Screening</h2><p id=\"party-screening\">{} hit(s) at score ≥ 0.80.</p>",
        hits.len()
    );
    for h in &hits {
        let _ = write!(
            b,
            "<div class=\"hit\"><b>{:.3}</b> {} {} — <b>{}</b><br><span class=\"why\">why: {}</span></div>",
            h.score,
            esc(&h.source),
            esc(&h.entry_id),
            esc(&h.entry_name),
            esc(&h.explanation)
        );
    }
    for c in s.affiliates(&name, chrono::Utc::now().date_naive()) {
        let _ = write!(
            b,
            "<div class=\"hit affiliate\"><b>{}</b> [{}] <span class=\"why explanation\">{}</span></div>",
            if c.status == chipwatch_screen::ownership::Status::Covered {
                "covered affiliate"
            } else {
                "possibly covered affiliate"
            },
            esc(c.rule.id),
            esc(&c.explain())
        );
    }
    let key = name.to_lowercase();
    let alerts: Vec<_> = s
        .store
        .alerts(None)
        .unwrap_or_default()
        .into_iter()
        .filter(|a| {
            a.subject.to_lowercase() == key || a.details.to_string().to_lowercase().contains(&key)
        })
        .collect();
    b.push_str("<h2>Alerts naming this party</h2><ul>");
    for a in &alerts {
        let _ = write!(
            b,
            "<li><a href=\"/alerts/{}\">{}</a> — {:.2}, {}</li>",
            a.id,
            esc(&a.subject),
            a.score,
            esc(&a.status)
        );
    }
    b.push_str("</ul><h2>Network</h2>");
    let mut drawn = std::collections::BTreeSet::new();
    for a in &alerts {
        let Ok(g) = serde_json::from_value::<chipwatch_model::finding::GraphFigure>(
            a.details["network_graph"].clone(),
        ) else {
            continue;
        };
        if !g.nodes.iter().any(|n| n.label.to_lowercase() == key) || !drawn.insert(g.id.clone()) {
            continue;
        }
        let _ = write!(
            b,
            "<figure class=\"network\"><figcaption>{}</figcaption>{}<div class=\"why\">{}</div></figure>",
            esc(&g.title),
            chipwatch_report::svg::render_graph(&g),
            esc(&g.note)
        );
    }
    if drawn.is_empty() {
        b.push_str("<p>No assessed network includes this party.</p>");
    }
    page(&name, Some(&who(&p)), &b).into_response()
}
