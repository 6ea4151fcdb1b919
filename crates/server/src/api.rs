//! The JSON API under `/v1`.

use axum::Json;
use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use chipwatch_assess::assess::{Options, assess};
use chipwatch_rules::licence::{Mode, Shipment, determine};
use chipwatch_screen::matcher::{NameKind, THRESHOLD};
use chipwatch_screen::screener::Query as ScreenQuery;
use chipwatch_store::{Decision, Role};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{ApiError, LEDGER_LIMIT, Shared, authorize, json_error};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/v1/screen", get(screen_get).post(screen_post))
        .route("/v1/classify", post(classify))
        .route("/v1/licence", post(licence))
        .route(
            "/v1/assess",
            post(assess_ledger).layer(DefaultBodyLimit::max(LEDGER_LIMIT)),
        )
        .route("/v1/orders", get(orders).post(order_post))
        .route("/v1/orders/{id}", get(order_get))
        .route("/v1/findings", get(findings))
        .route("/v1/monitoring", get(monitoring))
        .route("/v1/alerts", get(alerts))
        .route("/v1/alerts/{id}", get(alert))
        .route("/v1/alerts/{id}/disposition", post(dispose))
        .route("/v1/cases", get(cases).post(create_case))
        .route("/v1/cases/{id}", get(case))
        .route("/v1/cases/{id}/comments", post(comment))
        .route("/v1/audit", get(audit))
        .route("/v1/audit/verify", get(audit_verify))
        .route("/v1/tokens", post(create_token))
        .route("/v1/weights", get(weights))
        .route("/v1/weights/learn", post(learn_weights))
}

type ApiResult = Result<Json<Value>, ApiError>;

#[derive(Deserialize)]
pub struct ScreenParams {
    pub name: Option<String>,
    pub country: Option<String>,
    pub address: Option<String>,
    /// Date of birth (any form with a four-digit year): a qualifier of person matches.
    pub dob: Option<String>,
    /// Nationality (ISO code or country name): a qualifier of person matches.
    #[serde(default)]
    pub nationality: Option<String>,
    /// An identity or registration number: an entry that carries it is raised and named.
    #[serde(default)]
    pub id_number: Option<String>,
    pub kind: Option<String>,
    pub threshold: Option<f32>,
    /// The date ownership rules are applied on (YYYY-MM-DD; default: today).
    pub date: Option<String>,
}

fn kind_of(k: Option<&str>) -> Result<NameKind, ApiError> {
    Ok(match k {
        None => NameKind::Unknown,
        Some("person" | "individual") => NameKind::Person,
        Some("organization" | "organisation" | "entity" | "company") => NameKind::Organization,
        Some(other) => {
            return Err(ApiError::bad(format!(
                "kind {other:?}: use person or organization"
            )));
        }
    })
}

/// Screen one name and remember the party and its result in the store (monitoring re-screens
/// it when the lists change); `origin` says where it was screened (`api`, `web`).
pub fn screen_one(s: &crate::AppState, p: &ScreenParams, origin: &str) -> Result<Value, ApiError> {
    let name = p
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad("name is required"))?;
    if name.len() > 1000 {
        return Err(ApiError::bad("name longer than 1,000 bytes"));
    }
    let threshold = p.threshold.unwrap_or(THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(ApiError::bad("threshold must be between 0 and 1"));
    }
    let hits = s.screener().screen_with(
        &ScreenQuery {
            address: p.address.clone(),
            name: name.to_string(),
            country: p.country.clone(),
            dob: p.dob.clone(),
            nationality: p.nationality.clone(),
            id_number: p.id_number.clone(),
            kind: kind_of(p.kind.as_deref())?,
        },
        threshold,
    );
    s.store.remember_parties(&[crate::monitor::party_result(
        name,
        p.country.as_deref(),
        origin,
        &hits,
    )])?;
    let mut v = json!({"query": {"name": name, "country": p.country}, "threshold": threshold, "hits": hits});
    if s.ownership.is_some() {
        let date = date_of(p.date.as_deref())?;
        v["affiliates"] = s
            .affiliates(name, date)
            .iter()
            .map(chipwatch_screen::ownership::Coverage::to_json)
            .collect();
        v["ownership_date"] = json!(date);
    }
    Ok(v)
}

async fn screen_get(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<ScreenParams>,
) -> ApiResult {
    authorize(&s, &headers, Role::Analyst)?;
    Ok(Json(screen_one(&s, &p, "api")?))
}

#[derive(Deserialize)]
struct ScreenBody {
    name: Option<String>,
    country: Option<String>,
    address: Option<String>,
    dob: Option<String>,
    nationality: Option<String>,
    id_number: Option<String>,
    kind: Option<String>,
    threshold: Option<f32>,
    date: Option<String>,
    /// Several queries at once (at most 1,000).
    queries: Option<Vec<ScreenParams>>,
}

async fn screen_post(
    State(s): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<ScreenBody>, JsonRejection>,
) -> ApiResult {
    authorize(&s, &headers, Role::Analyst)?;
    let Json(b) = body.map_err(json_error)?;
    if let Some(qs) = b.queries {
        if qs.len() > 1000 {
            return Err(ApiError::bad("at most 1,000 queries per request"));
        }
        let results = qs
            .iter()
            .map(|q| screen_one(&s, q, "api"))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(Json(json!({"results": results})));
    }
    Ok(Json(screen_one(
        &s,
        &ScreenParams {
            name: b.name,
            country: b.country,
            address: b.address,
            dob: b.dob,
            nationality: b.nationality,
            id_number: b.id_number,
            kind: b.kind,
            threshold: b.threshold,
            date: b.date,
        },
        "api",
    )?))
}

pub(crate) fn date_of(s: Option<&str>) -> Result<chrono::NaiveDate, ApiError> {
    match s {
        None => Ok(chrono::Utc::now().date_naive()),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| ApiError::bad(format!("date {d:?} is not YYYY-MM-DD"))),
    }
}

#[derive(Deserialize)]
struct ClassifyBody {
    item: String,
    as_of: Option<String>,
}

async fn classify(
    State(s): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<ClassifyBody>, JsonRejection>,
) -> ApiResult {
    authorize(&s, &headers, Role::Analyst)?;
    let Json(b) = body.map_err(json_error)?;
    let date = date_of(b.as_of.as_deref())?;
    let (item, c) = chipwatch_rules::classify::classify_item(&b.item, date)
        .map_err(|e| ApiError::bad(e.to_string()))?;
    Ok(Json(
        json!({"item": item.id(), "name": item.name(), "as_of": date, "classification": c}),
    ))
}

#[derive(Deserialize)]
struct LicenceBody {
    item: String,
    to: String,
    date: Option<String>,
    quantity: Option<u64>,
    end_user_country: Option<String>,
    parent_hq: Option<String>,
    from: Option<String>,
    #[serde(default)]
    as_written: bool,
}

fn country(c: &str) -> Result<String, ApiError> {
    chipwatch_model::country::CountryRegistry::bundled()
        .resolve(c)
        .map(|c| c.alpha2.clone())
        .ok_or_else(|| ApiError::bad(format!("unknown country {c:?}")))
}

async fn licence(
    State(s): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<LicenceBody>, JsonRejection>,
) -> ApiResult {
    authorize(&s, &headers, Role::Analyst)?;
    let Json(b) = body.map_err(json_error)?;
    let item = chipwatch_rules::catalogue::Catalogue::bundled()
        .get(&b.item)
        .map_err(|e| ApiError::bad(e.to_string()))?;
    let d = determine(
        &chipwatch_rules::classify::Specs::of(&item),
        &Shipment {
            quantity: b.quantity.unwrap_or(1),
            destination: country(&b.to)?,
            end_user_country: b.end_user_country.as_deref().map(country).transpose()?,
            end_user_hq: None,
            parent_hq: b.parent_hq.as_deref().map(country).transpose()?,
            exporting_country: b
                .from
                .as_deref()
                .map(country)
                .transpose()?
                .unwrap_or_else(|| "US".into()),
            date: date_of(b.date.as_deref())?,
            mode: if b.as_written {
                Mode::AsWritten
            } else {
                Mode::AsEnforced
            },
            end_use: None,
        },
    );
    Ok(Json(json!({"item": item.id(), "determination": d})))
}

#[derive(Deserialize)]
struct AssessParams {
    /// Open an alert for every order scoring at least this (default: none).
    alert_at: Option<f64>,
}

async fn assess_ledger(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<AssessParams>,
    body: String,
) -> ApiResult {
    let who = authorize(&s, &headers, Role::Analyst)?;
    let loaded = chipwatch_assess::ledger::read_ledger_text("upload.csv", &body)
        .map_err(|e| ApiError::bad(e.to_string()))?;
    let rejected: Vec<String> = loaded
        .rejected
        .iter()
        .map(|r| r.error.to_string())
        .collect();
    let orders = loaded.records;
    let (w, stakes, screener) = assess_inputs(&s);
    let a = assess(
        &orders,
        &Options {
            screener: Some(&screener),
            mode: Mode::AsEnforced,
            weights: Some(&w),
            ownership: stakes.as_deref(),
            screen_cache: None,
        },
    );
    // Every party of the ledger is remembered with its result, for monitoring.
    let hits_of: std::collections::HashMap<String, &[chipwatch_screen::screener::Hit]> = a
        .party_hits
        .iter()
        .map(|h| {
            (
                chipwatch_assess::assess::party_key(&h.party),
                h.hits.as_slice(),
            )
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut parties = Vec::new();
    for o in &orders {
        for (name, country) in remembered_parties(o) {
            let Some(n) = name else { continue };
            let r = crate::monitor::party_result(
                n,
                country,
                "assess",
                hits_of
                    .get(&chipwatch_assess::assess::party_key(n))
                    .copied()
                    .unwrap_or(&[]),
            );
            if seen.insert(r.party_key.clone()) {
                parties.push(r);
            }
        }
    }
    s.store.remember_parties(&parties)?;
    let mut opened = Vec::new();
    if let Some(t) = p.alert_at {
        for o in a.orders.iter().filter(|o| o.score >= t) {
            let details = json!({
                "order_id": o.order_id,
                "flags": o.flags,
                "noted": o.noted,
                "explanation": o.explanation,
                "network": o.cluster,
                "network_graph": chipwatch_assess::report::network_graph(&a.clusters[o.cluster], &a, &orders),
            })
            .to_string();
            opened.push(s.store.add_alert(
                None,
                "assess",
                &o.order_id,
                o.score,
                &details,
                &who.name,
            )?);
        }
    }
    let section = chipwatch_assess::report::section(&a, &orders, "an uploaded ledger", false, 50);
    {
        let mut f = s.findings.lock().unwrap_or_else(|p| p.into_inner());
        let mut new = section.findings.clone();
        new.append(&mut f);
        new.truncate(500);
        *f = new;
    }
    Ok(Json(json!({
        "orders": a.orders.len(),
        "findings": section.findings,
        "rejected": rejected,
        "parties_screened": a.parties_screened,
        "results": a.orders,
        "networks": a.clusters.iter().filter(|c| c.score >= chipwatch_assess::report::REPORT_SCORE).collect::<Vec<_>>(),
        "alerts_opened": opened,
    })))
}

async fn findings(State(s): State<Shared>, headers: HeaderMap) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    let f = s.findings.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Ok(Json(json!({"findings": f})))
}

#[derive(Deserialize)]
struct AlertFilter {
    status: Option<String>,
}

async fn alerts(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(f): Query<AlertFilter>,
) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    Ok(Json(
        json!({"alerts": s.store.alerts(f.status.as_deref())?}),
    ))
}

/// What monitoring holds: parties remembered, the latest list deltas, and the alerts they
/// opened.
pub fn monitoring_json(s: &crate::AppState) -> Result<Value, ApiError> {
    Ok(json!({
        "parties": s.store.party_count()?,
        "deltas": s.store.deltas(20)?,
        "alerts": s.store.alerts_of_kind("list_change")?,
    }))
}

async fn monitoring(State(s): State<Shared>, headers: HeaderMap) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    Ok(Json(monitoring_json(&s)?))
}

fn id_of(raw: &str) -> Result<i64, ApiError> {
    raw.parse()
        .map_err(|_| ApiError::bad(format!("{raw:?} is not an id")))
}

async fn alert(State(s): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    let id = id_of(&id)?;
    Ok(Json(json!({
        "alert": s.store.alert(id)?,
        "dispositions": s.store.dispositions(Some(id))?,
        "audit": s.store.audit_log(Some(("alert", &id.to_string())), 100)?,
    })))
}

#[derive(Deserialize)]
struct DisposeBody {
    decision: String,
    reason: String,
}

async fn dispose(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<DisposeBody>, JsonRejection>,
) -> ApiResult {
    let who = authorize(&s, &headers, Role::Reviewer)?;
    let Json(b) = body.map_err(json_error)?;
    let id = id_of(&id)?;
    let decision = Decision::parse(&b.decision).ok_or_else(|| {
        ApiError::bad(format!(
            "decision {:?}: use one of {}",
            b.decision,
            Decision::ALL
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let d = s.store.dispose(id, decision, &who.name, &b.reason)?;
    Ok(Json(
        json!({"disposition": d, "alert": id, "decision": decision.as_str()}),
    ))
}

async fn cases(State(s): State<Shared>, headers: HeaderMap) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    Ok(Json(json!({"cases": s.store.cases()?})))
}

#[derive(Deserialize)]
struct CaseBody {
    title: String,
}

async fn create_case(
    State(s): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<CaseBody>, JsonRejection>,
) -> ApiResult {
    let who = authorize(&s, &headers, Role::Analyst)?;
    let Json(b) = body.map_err(json_error)?;
    Ok(Json(
        json!({"case": s.store.create_case(&b.title, &who.name)?}),
    ))
}

async fn case(State(s): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    let id = id_of(&id)?;
    Ok(Json(json!({
        "case": s.store.case(id)?,
        "alerts": s.store.alerts_in_case(id)?,
        "comments": s.store.comments(id)?,
        "evidence": s.store.evidence(id)?,
        "audit": s.store.audit_log(Some(("case", &id.to_string())), 200)?,
    })))
}

#[derive(Deserialize)]
struct CommentBody {
    body: String,
}

async fn comment(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<CommentBody>, JsonRejection>,
) -> ApiResult {
    let who = authorize(&s, &headers, Role::Analyst)?;
    let Json(b) = body.map_err(json_error)?;
    if b.body.trim().is_empty() {
        return Err(ApiError::bad("an empty comment"));
    }
    Ok(Json(
        json!({"comment": s.store.comment(id_of(&id)?, &who.name, &b.body)?}),
    ))
}

#[derive(Deserialize)]
struct AuditParams {
    limit: Option<usize>,
}

async fn audit(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<AuditParams>,
) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    Ok(Json(
        json!({"audit": s.store.audit_log(None, p.limit.unwrap_or(100).min(10_000))?}),
    ))
}

async fn audit_verify(State(s): State<Shared>, headers: HeaderMap) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    Ok(Json(json!(s.store.verify_audit()?)))
}

#[derive(Deserialize)]
struct TokenBody {
    name: String,
    role: String,
}

async fn create_token(
    State(s): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<TokenBody>, JsonRejection>,
) -> ApiResult {
    let who = authorize(&s, &headers, Role::Admin)?;
    let Json(b) = body.map_err(json_error)?;
    let role = Role::parse(&b.role)
        .ok_or_else(|| ApiError::bad("role: viewer, analyst, reviewer or admin"))?;
    if b.name.trim().is_empty() {
        return Err(ApiError::bad("a token needs a name"));
    }
    let token = s.store.create_token(&b.name, role, &who.name)?;
    Ok(Json(
        json!({"name": b.name, "role": role.as_str(), "token": token}),
    ))
}

/// The weights assessments use, each flag's prior beside it.
async fn weights(State(s): State<Shared>, headers: HeaderMap) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    let w = s.weights.read().unwrap_or_else(|p| p.into_inner()).clone();
    Ok(Json(weights_json(&w, None)))
}

fn weights_json(
    w: &chipwatch_assess::score::Weights,
    fit: Option<&chipwatch_assess::learn::Fit>,
) -> Value {
    let prior = chipwatch_assess::score::Weights::prior();
    let flags: Vec<Value> = w
        .log_lr
        .iter()
        .map(|(id, v)| {
            let support = fit
                .and_then(|f| f.support.get(id))
                .copied()
                .unwrap_or((0, 0));
            json!({
                "id": id,
                "log_lr": v,
                "prior_log_lr": prior.prior_of(id),
                "reviewed": support.0,
                "escalated": support.1,
            })
        })
        .collect();
    json!({
        "origin": w.origin,
        "intercept": w.intercept,
        "flags": flags,
        "examples": fit.map(|f| f.examples),
        "escalated": fit.map(|f| f.diverted),
    })
}

/// Fit the weights to the reviewers' decisions on `assess` alerts and use them from now on.
async fn learn_weights(State(s): State<Shared>, headers: HeaderMap) -> ApiResult {
    let who = authorize(&s, &headers, Role::Admin)?;
    let alerts = s.store.alerts(None)?;
    let dispositions = s.store.dispositions(None)?;
    let examples = chipwatch_assess::learn::examples_from_alerts(
        alerts.iter().map(|a| (a.id, a.kind.as_str(), &a.details)),
        dispositions
            .iter()
            .map(|d| (d.alert_id, d.decision.as_str())),
    );
    let prior = chipwatch_assess::score::Weights::prior();
    let fit = chipwatch_assess::learn::fit(&examples, &prior);
    s.store.record(
        &who.name,
        "weights.learn",
        "weights",
        "assess",
        &json!({"examples": fit.examples, "escalated": fit.diverted, "weights": fit.weights.log_lr}),
    )?;
    *s.weights.write().unwrap_or_else(|p| p.into_inner()) = fit.weights.clone();
    Ok(Json(weights_json(&fit.weights, Some(&fit))))
}

/// Decide one order at the desk (`POST /v1/orders` and the web interface's New order page):
/// classify, licence, screen every party, weigh its red flags with the customer's history in
/// the store; store the order and its decision, and open an alert for a hold. The order's
/// parties are remembered for monitoring.
pub fn decide_order(
    s: &crate::AppState,
    order: &Value,
    actor: &str,
) -> Result<chipwatch_assess::desk::DeskDecision, ApiError> {
    use chipwatch_assess::desk::{Desk, DeskError, check_order, parse_order};
    let invalid = |e| match e {
        DeskError::Invalid(m) => ApiError::bad(m),
        DeskError::Store(e) => e.into(),
    };
    let (o, record) = parse_order("order", order).map_err(invalid)?;
    let (w, stakes, screener) = assess_inputs(s);
    let desk = Desk {
        screener: Some(&screener),
        ownership: stakes.as_deref(),
        weights: Some(&w),
        screen_cache: Some(&s.desk_cache),
    };
    let d = check_order(Some(&s.store), &desk, &o, record, actor).map_err(invalid)?;
    // The order's parties were screened for the decision: their results are in the cache.
    let parties: Vec<_> = remembered_parties(&o)
        .into_iter()
        .filter_map(|(n, c)| {
            let n = n?;
            let hits = s.desk_cache.screen(&screener, n);
            Some(crate::monitor::party_result(n, c, "order", &hits))
        })
        .collect();
    s.store.remember_parties(&parties)?;
    Ok(d)
}

/// What an assessment runs with: the weights, the ownership stakes and the screener in use.
fn assess_inputs(
    s: &crate::AppState,
) -> (
    chipwatch_assess::score::Weights,
    Option<std::sync::Arc<[chipwatch_screen::ownership::Stake]>>,
    std::sync::Arc<chipwatch_screen::screener::Screener>,
) {
    let w = s.weights.read().unwrap_or_else(|p| p.into_inner()).clone();
    let stakes = s
        .ownership
        .as_ref()
        .map(|o| o.lock().unwrap_or_else(|p| p.into_inner()).stakes());
    (w, stakes, s.screener())
}

/// The parties of an order remembered for monitoring, with their countries.
fn remembered_parties(o: &chipwatch_assess::ledger::Order) -> [(Option<&str>, Option<&str>); 4] {
    [
        (o.bill_to.name.as_deref(), o.bill_to.country.as_deref()),
        (o.ship_to.name.as_deref(), o.ship_to.country.as_deref()),
        (o.end_user.name.as_deref(), o.end_user.country.as_deref()),
        (o.payer_name.as_deref(), o.payer_country.as_deref()),
    ]
}

async fn order_post(
    State(s): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<Value>, JsonRejection>,
) -> ApiResult {
    let who = authorize(&s, &headers, Role::Analyst)?;
    let Json(order) = body.map_err(json_error)?;
    let d = decide_order(&s, &order, &who.name)?;
    Ok(Json(json!(d)))
}

#[derive(Deserialize)]
struct PageParams {
    offset: Option<usize>,
    limit: Option<usize>,
}

async fn orders(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<PageParams>,
) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    let (offset, limit) = (p.offset.unwrap_or(0), p.limit.unwrap_or(50).min(1000));
    Ok(Json(json!({
        "orders": s.store.orders(offset, limit)?,
        "offset": offset,
        "limit": limit,
        "total": s.store.order_count()?,
    })))
}

async fn order_get(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&s, &headers, Role::Viewer)?;
    let id = id_of(&id)?;
    Ok(Json(json!({
        "order": s.store.order(id)?,
        "audit": s.store.audit_log(Some(("order", &id.to_string())), 100)?,
    })))
}
