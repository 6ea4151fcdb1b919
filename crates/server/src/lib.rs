//! # chipwatch-server
//!
//! `chipwatch serve`: a JSON API under `/v1`, compatibility endpoints for Watchman
//! (`GET /v2/search`) and OpenSanctions yente (`POST /match/{dataset}`) clients, an OpenAPI
//! document, health and readiness, and a web interface served by the same binary (HTML
//! forms, no JavaScript build). Every request but health, readiness, the OpenAPI document and
//! the login page needs an API token (`Authorization: Bearer cw_...`, or the `cw_token` cookie
//! the login form sets); roles are viewer < analyst < reviewer < admin.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chipwatch_screen::screener::Screener;
use chipwatch_store::{Principal, Role, Store, StoreError};

pub mod api;
pub mod compat;
pub mod monitor;
pub mod openapi;
pub mod orders_ui;
pub mod ui;

/// Largest request body for JSON endpoints.
pub const JSON_LIMIT: usize = 1 << 20;
/// Largest ledger upload.
pub const LEDGER_LIMIT: usize = 64 << 20;

/// What every handler shares.
pub struct AppState {
    pub store: Store,
    /// The screener over the lists loaded; replaced when `serve --refresh` stores new copies.
    screener: std::sync::RwLock<Arc<Screener>>,
    /// What the screener was built from, for `/readyz` and the dashboard.
    lists: std::sync::RwLock<Vec<String>>,
    /// Requests per second each token may make.
    pub rate_limit: u32,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
    /// Findings of the assessments run since start (the demonstration's, ledgers assessed
    /// through `/v1/assess`), newest first.
    pub findings: Mutex<Vec<chipwatch_model::Finding>>,
    /// The flags' weights assessments use: the prior, a file (`serve --weights`), or weights
    /// learned from the store's dispositions (`POST /v1/weights/learn`).
    pub weights: std::sync::RwLock<chipwatch_assess::score::Weights>,
    /// Who owns whom (`serve --ownership FILE`): screening also answers with the parties
    /// listed owners cover.
    pub ownership: Option<Mutex<chipwatch_screen::ownership::OwnershipIndex>>,
    /// The order desk's screening results, kept for the screener in use.
    pub desk_cache: chipwatch_assess::assess::ScreenCache,
}

impl AppState {
    pub fn new(store: Store, screener: Screener, lists: Vec<String>, rate_limit: u32) -> AppState {
        AppState {
            store,
            screener: std::sync::RwLock::new(Arc::new(screener)),
            lists: std::sync::RwLock::new(lists),
            rate_limit,
            windows: Mutex::new(HashMap::new()),
            findings: Mutex::new(Vec::new()),
            weights: std::sync::RwLock::new(chipwatch_assess::score::Weights::prior()),
            ownership: None,
            desk_cache: Default::default(),
        }
    }

    /// The screener in use.
    pub fn screener(&self) -> Arc<Screener> {
        self.screener
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Screen against new lists from now on (what `lists` names them by).
    pub fn set_screener(&self, screener: Screener, lists: Vec<String>) {
        *self.screener.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(screener);
        *self.lists.write().unwrap_or_else(|p| p.into_inner()) = lists;
    }

    /// The list files the screener was built from.
    pub fn lists(&self) -> Vec<String> {
        self.lists.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Answer screening with ownership coverage from these stakes.
    pub fn with_ownership(mut self, stakes: Vec<chipwatch_screen::ownership::Stake>) -> AppState {
        self.ownership = Some(Mutex::new(
            chipwatch_screen::ownership::OwnershipIndex::new(stakes),
        ));
        self
    }

    /// The rules under which listed owners cover `name` on `date` (none without ownership data).
    pub fn affiliates(
        &self,
        name: &str,
        date: chrono::NaiveDate,
    ) -> Vec<chipwatch_screen::ownership::Coverage> {
        let Some(o) = &self.ownership else {
            return Vec::new();
        };
        let screener = self.screener();
        let listed = chipwatch_screen::ownership::listed_by(&screener);
        o.lock()
            .unwrap_or_else(|p| p.into_inner())
            .of(name, date, &listed)
    }

    /// Use these weights for assessments.
    pub fn with_weights(self, w: chipwatch_assess::score::Weights) -> AppState {
        *self.weights.write().unwrap_or_else(|p| p.into_inner()) = w;
        self
    }

    /// Count a request against its token's one-second window.
    fn admit(&self, who: &str) -> bool {
        let mut w = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let e = w.entry(who.to_string()).or_insert((now, 0));
        if now.duration_since(e.0).as_secs_f64() >= 1.0 {
            *e = (now, 0);
        }
        e.1 += 1;
        e.1 <= self.rate_limit
    }
}

pub type Shared = Arc<AppState>;

/// An API error: a status and a message, as JSON.
#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub String);

impl ApiError {
    pub fn bad(msg: impl Into<String>) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, msg.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (
            self.0,
            axum::Json(serde_json::json!({"error": self.1, "status": self.0.as_u16()})),
        )
            .into_response();
        if self.0 == StatusCode::UNAUTHORIZED {
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"chipwatch\""),
            );
        }
        r
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::NotFound(m) => ApiError(StatusCode::NOT_FOUND, format!("{m} not found")),
            StoreError::Invalid(m) => ApiError(StatusCode::BAD_REQUEST, m),
            StoreError::Db(e) => {
                ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("database: {e}"))
            }
        }
    }
}

/// The bearer token or the `cw_token` cookie of a request.
pub fn token_of(headers: &HeaderMap) -> Option<String> {
    if let Some(v) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        && let Some(t) = v.strip_prefix("Bearer ")
    {
        return Some(t.trim().to_string());
    }
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| {
            c.split(';')
                .filter_map(|kv| kv.trim().split_once('='))
                .find(|(k, _)| *k == "cw_token")
                .map(|(_, v)| v.to_string())
        })
}

/// Who is asking, if they may do what needs `role`: 401 without a valid token, 403 for a role
/// below `role`, 429 past the rate limit.
pub fn authorize(state: &AppState, headers: &HeaderMap, role: Role) -> Result<Principal, ApiError> {
    let Some(token) = token_of(headers) else {
        return Err(ApiError(
            StatusCode::UNAUTHORIZED,
            "an API token is required (Authorization: Bearer cw_...)".into(),
        ));
    };
    let Some(p) = state.store.authenticate(&token)? else {
        return Err(ApiError(
            StatusCode::UNAUTHORIZED,
            "unknown API token".into(),
        ));
    };
    if p.role < role {
        return Err(ApiError(
            StatusCode::FORBIDDEN,
            format!(
                "{} has the {} role; this needs {} or above",
                p.name,
                p.role.as_str(),
                role.as_str()
            ),
        ));
    }
    if !state.admit(&p.name) {
        return Err(ApiError(
            StatusCode::TOO_MANY_REQUESTS,
            format!("more than {} requests per second", state.rate_limit),
        ));
    }
    Ok(p)
}

/// Turn a JSON extraction failure into a 4xx with a clear message.
pub fn json_error(r: axum::extract::rejection::JsonRejection) -> ApiError {
    ApiError(r.status(), r.body_text())
}

/// The whole application.
pub fn router(state: Shared) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(compat::routes())
        .merge(ui::routes())
        .merge(orders_ui::routes())
        .route("/openapi.json", axum::routing::get(openapi::document))
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/readyz", axum::routing::get(readyz))
        .layer(DefaultBodyLimit::max(JSON_LIMIT))
        .with_state(state)
}

async fn readyz(axum::extract::State(s): axum::extract::State<Shared>) -> Response {
    match s.store.alert_counts() {
        Ok(_) => axum::Json(serde_json::json!({
            "ready": true,
            "lists": s.lists(),
            "entries": s.screener().entries().len(),
        }))
        .into_response(),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({"ready": false, "error": e.to_string()})),
        )
            .into_response(),
    }
}

/// Serve until the process is stopped.
pub async fn serve(addr: SocketAddr, state: Shared) -> std::io::Result<()> {
    serve_on(tokio::net::TcpListener::bind(addr).await?, state).await
}

/// Serve the application on an ephemeral loopback port from a thread of its own (a 2-worker
/// runtime), and return its address: for tests, benchmarks and embedding.
pub fn spawn_local(state: Shared) -> std::io::Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    std::thread::spawn(move || {
        rt.block_on(async move {
            if let Ok(l) = tokio::net::TcpListener::from_std(listener) {
                let _ = serve_on(l, state).await;
            }
        });
    });
    Ok(addr)
}

/// Serve on a listener already bound (so a caller can announce the address only once it
/// accepts connections).
pub async fn serve_on(listener: tokio::net::TcpListener, state: Shared) -> std::io::Result<()> {
    axum::serve(listener, router(state)).await
}

/// The findings of the demonstration ledger (simulated, seed 7), for the dashboard of a server
/// started on the demo.
pub fn demo_findings(screener: &Screener) -> Vec<chipwatch_model::Finding> {
    use chipwatch_assess::assess::{Options, assess};
    let sim = chipwatch_assess::simulate::simulate(7, 3000);
    let Ok(ledger) =
        chipwatch_assess::ledger::read_ledger_text("simulated ledger (seed 7)", &sim.ledger)
    else {
        return Vec::new();
    };
    let a = assess(
        &ledger.records,
        &Options {
            screener: Some(screener),
            mode: chipwatch_rules::licence::Mode::AsEnforced,
            weights: None,
            ownership: None,
            screen_cache: None,
        },
    );
    chipwatch_assess::report::section(&a, &ledger.records, "a simulated ledger (seed 7)", true, 10)
        .findings
}

/// Fill a new store with a demonstration case: the riskiest orders of a simulated ledger
/// (labelled as simulated) and the screening hits among its parties, as open alerts.
pub fn seed_demo(store: &Store, screener: &Screener) -> Result<usize, StoreError> {
    use chipwatch_assess::assess::{Options, assess};
    let sim = chipwatch_assess::simulate::simulate(7, 3000);
    let ledger =
        chipwatch_assess::ledger::read_ledger_text("simulated ledger (seed 7)", &sim.ledger)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let a = assess(
        &ledger.records,
        &Options {
            screener: Some(screener),
            mode: chipwatch_rules::licence::Mode::AsEnforced,
            weights: None,
            ownership: None,
            screen_cache: None,
        },
    );
    let case = store.create_case(
        "Demo (simulated ledger, seed 7): shell buyers and a third-country payer",
        "chipwatch",
    )?;
    let mut ranked: Vec<&chipwatch_assess::assess::OrderResult> = a.orders.iter().collect();
    ranked.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.order_id.cmp(&y.order_id))
    });
    let mut n = 0;
    for o in ranked.iter().take(12) {
        let details = serde_json::json!({
            "simulated": true,
            "order_id": o.order_id,
            "flags": o.flags,
            "noted": o.noted,
            "explanation": o.explanation,
            "network": o.cluster,
            "network_graph": chipwatch_assess::report::network_graph(&a.clusters[o.cluster], &a, &ledger.records),
        });
        store.add_alert(
            Some(case),
            "assess",
            &o.order_id,
            o.score,
            &details.to_string(),
            "chipwatch",
        )?;
        n += 1;
    }
    for p in a.party_hits.iter().take(8) {
        let h = &p.hits[0];
        let details = serde_json::json!({
            "simulated": true,
            "party": p.party,
            "roles": p.roles,
            "entry": format!("{} {}", h.source, h.entry_id),
            "entry_name": h.entry_name,
            "matched_alias": h.matched_alias,
            "explanation": h.explanation,
        });
        store.add_alert(
            Some(case),
            "screening",
            &p.party,
            f64::from(h.score),
            &details.to_string(),
            "chipwatch",
        )?;
        n += 1;
    }
    store.comment(
        case,
        "chipwatch",
        "Simulated ledger for exploring chipwatch: the parties are invented.",
    )?;
    Ok(n)
}
