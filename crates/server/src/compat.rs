//! Endpoints shaped like Watchman's and yente's, so their clients work unchanged (with an
//! API token).
//!
//! - `GET /v2/search?name=...&limit=&minMatch=&type=` answers like Moov Watchman v2:
//!   `{"query":{...},"entities":[{name, entityType, sourceList, sourceID, match, details}]}`.
//! - `POST /match/{dataset}` answers like OpenSanctions yente: body
//!   `{"queries":{key:{"schema":"Person","properties":{"name":[...],"country":[...]}}}}`, response
//!   `{"responses":{key:{"status":200,"results":[{id, caption, schema, properties, datasets,
//!   score, match, explanations}],"total":{...},"query":{...}}},"limit":n}`.

use std::collections::BTreeMap;

use axum::Json;
use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use chipwatch_screen::lists::EntryKind;
use chipwatch_screen::matcher::{NameKind, THRESHOLD};
use chipwatch_screen::screener::{Hit, Query as ScreenQuery};
use chipwatch_store::Role;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{ApiError, Shared, authorize, json_error};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/v2/search", get(search))
        .route("/match/{dataset}", post(matching))
}

fn entity_type(k: EntryKind) -> &'static str {
    match k {
        EntryKind::Individual => "person",
        EntryKind::Entity => "business",
        EntryKind::Vessel => "vessel",
        EntryKind::Aircraft => "aircraft",
        EntryKind::Unknown => "organization",
    }
}

fn schema(k: EntryKind) -> &'static str {
    match k {
        EntryKind::Individual => "Person",
        EntryKind::Entity => "Organization",
        EntryKind::Vessel => "Vessel",
        EntryKind::Aircraft => "Airplane",
        EntryKind::Unknown => "LegalEntity",
    }
}

async fn search(
    State(s): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<BTreeMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    authorize(&s, &headers, Role::Analyst)?;
    const KNOWN: &[&str] = &[
        "name", "limit", "minMatch", "type", "source", "debug", "country",
    ];
    if let Some(k) = q.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(ApiError::bad(format!(
            "unknown parameter {k:?} (this server supports {})",
            KNOWN.join(", ")
        )));
    }
    let name = q
        .get("name")
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad("name is required"))?;
    let limit: usize = match q.get("limit") {
        None => 10,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=100).contains(l))
            .ok_or_else(|| ApiError::bad("limit must be 1 to 100"))?,
    };
    let min: f32 = match q.get("minMatch") {
        None => 0.0,
        Some(m) => m
            .parse::<f32>()
            .ok()
            .filter(|m| (0.0..=1.0).contains(m))
            .ok_or_else(|| ApiError::bad("minMatch must be between 0 and 1"))?,
    };
    let kind = match q.get("type").map(String::as_str) {
        None => NameKind::Unknown,
        Some("person") => NameKind::Person,
        Some("business" | "organization" | "vessel" | "aircraft") => NameKind::Organization,
        Some(t) => {
            return Err(ApiError::bad(format!(
                "type {t:?}: person, business, organization, vessel or aircraft"
            )));
        }
    };
    // Watchman returns its best candidates whatever their score; chipwatch scores below its
    // threshold only down to 0.5 (lower scores carry no evidence).
    let mut hits = s.screener().screen_with(
        &ScreenQuery {
            address: None,
            name: name.to_string(),
            country: q.get("country").cloned(),
            dob: None,
            nationality: None,
            id_number: None,
            kind,
        },
        min.max(0.5),
    );
    if let Some(src) = q.get("source") {
        hits.retain(|h| h.source.eq_ignore_ascii_case(src));
    }
    hits.truncate(limit);
    let affiliates = s.affiliates(name, chrono::Utc::now().date_naive());
    let entities: Vec<Value> = affiliates
        .iter()
        .map(|c| {
            json!({
                "name": c.party,
                "entityType": "business",
                "sourceList": c.rule.id,
                "sourceID": c.party,
                "match": 1.0,
                "details": {
                    "coverage": c.status,
                    "ownedAtLeast": c.lower,
                    "ownedAtMost": c.upper,
                    "explanation": c.explain(),
                    "aboveThreshold": true,
                },
            })
        })
        .chain(hits.iter().map(|h| {
            json!({
                "name": h.entry_name,
                "entityType": entity_type(h.entry_kind),
                "sourceList": h.source,
                "sourceID": h.entry_id,
                "match": h.score,
                "details": {
                    "matchedAlias": h.matched_alias,
                    "explanation": h.explanation,
                    "finalScore": h.score,
                    "aboveThreshold": h.score >= THRESHOLD,
                },
            })
        }))
        .collect();
    Ok(Json(
        json!({"query": {"name": name, "limit": limit, "minMatch": min}, "entities": entities}),
    ))
}

#[derive(Deserialize)]
struct MatchBody {
    queries: BTreeMap<String, MatchQuery>,
}

#[derive(Deserialize)]
struct MatchQuery {
    schema: Option<String>,
    #[serde(default)]
    properties: BTreeMap<String, Vec<Value>>,
}

#[derive(Deserialize)]
struct MatchParams {
    limit: Option<usize>,
    threshold: Option<f32>,
}

fn strings(v: Option<&Vec<Value>>) -> Vec<String> {
    v.map(|a| {
        a.iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect()
    })
    .unwrap_or_default()
}

fn result(h: &Hit, threshold: f32) -> Value {
    json!({
        "id": format!("{}-{}", h.source, h.entry_id),
        "caption": h.entry_name,
        "schema": schema(h.entry_kind),
        "properties": {"name": [h.entry_name], "alias": [h.matched_alias], "country": h.countries},
        "datasets": [h.source],
        "referents": [],
        "target": true,
        "score": h.score,
        "match": h.score >= threshold,
        "explanations": {"name_match": {"score": h.score, "detail": h.explanation}},
    })
}

async fn matching(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(dataset): Path<String>,
    Query(p): Query<MatchParams>,
    body: Result<Json<MatchBody>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    authorize(&s, &headers, Role::Analyst)?;
    let Json(b) = body.map_err(json_error)?;
    if b.queries.len() > 100 {
        return Err(ApiError::bad("at most 100 queries per request"));
    }
    let limit = p.limit.unwrap_or(5).clamp(1, 500);
    let threshold = p.threshold.unwrap_or(0.7);
    let mut responses = serde_json::Map::new();
    for (key, q) in &b.queries {
        let names = strings(q.properties.get("name"));
        if names.is_empty() {
            return Err(ApiError(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                format!("query {key:?}: properties.name is required"),
            ));
        }
        let kind = match q.schema.as_deref() {
            Some("Person") => NameKind::Person,
            Some("Company" | "Organization" | "LegalEntity" | "Vessel" | "Airplane") => {
                NameKind::Organization
            }
            _ => NameKind::Unknown,
        };
        let country = strings(q.properties.get("country")).into_iter().next();
        let address = strings(q.properties.get("address")).into_iter().next();
        let dob = strings(q.properties.get("birthDate")).into_iter().next();
        let nationality = strings(q.properties.get("nationality")).into_iter().next();
        let id_number = ["idNumber", "passportNumber", "registrationNumber"]
            .iter()
            .flat_map(|k| strings(q.properties.get(*k)))
            .next();
        let mut best: BTreeMap<String, Hit> = BTreeMap::new();
        for n in &names {
            for h in s.screener().screen_with(
                &ScreenQuery {
                    address: address.clone(),
                    name: n.clone(),
                    country: country.clone(),
                    dob: dob.clone(),
                    nationality: nationality.clone(),
                    id_number: id_number.clone(),
                    kind,
                },
                0.5,
            ) {
                let k = format!("{}-{}", h.source, h.entry_id);
                if best.get(&k).is_none_or(|b| b.score < h.score) {
                    best.insert(k, h);
                }
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        // Parties listed owners cover come first: they are as restricted as the owners.
        let today = chrono::Utc::now().date_naive();
        let mut affiliates: Vec<Value> = Vec::new();
        for n in &names {
            for c in s.affiliates(n, today) {
                let id = format!("{}-{}", c.rule.id, c.party);
                if affiliates.iter().any(|a| a["id"] == id.as_str()) {
                    continue;
                }
                affiliates.push(json!({
                    "id": id,
                    "caption": c.party,
                    "schema": "LegalEntity",
                    "properties": {"name": [c.party]},
                    "datasets": [c.rule.id],
                    "referents": [],
                    "target": true,
                    "score": 1.0,
                    "match": true,
                    "explanations": {"ownership": {"status": c.status, "detail": c.explain()}},
                }));
            }
        }
        let total = hits.len() + affiliates.len();
        hits.truncate(limit.saturating_sub(affiliates.len()));
        responses.insert(
            key.clone(),
            json!({
                "status": 200,
                "results": affiliates.iter().cloned().chain(hits.iter().map(|h| result(h, threshold))).collect::<Vec<_>>(),
                "total": {"value": total, "relation": "eq"},
                "query": {"schema": q.schema, "properties": q.properties},
            }),
        );
    }
    Ok(Json(
        json!({"responses": responses, "limit": limit, "dataset": dataset}),
    ))
}
