//! # chipwatch-store
//!
//! The case store of a compliance team: cases, alerts (from screening and ledger assessment),
//! dispositions with reviewer and reason, comments, evidence, API tokens, and an append-only
//! audit log whose entries are hash-chained, so that any edited or deleted entry is detected
//! ([`Store::verify_audit`]).
//!
//! Two back ends with the same schema and queries: SQLite embedded (a file; WAL, one
//! transaction per change, versioned migrations) and PostgreSQL for teams
//! (`postgres://user:password@host/db`, optionally `?schema=NAME`). [`Store::open_url`] picks
//! by the address.
//!
//! ```
//! use chipwatch_store::{Store, Decision};
//! let store = Store::open_memory().unwrap();
//! let case = store.create_case("Alpha Pte Ltd orders", "ana").unwrap();
//! let alert = store.add_alert(Some(case), "screening", "Alpha Pte Ltd", 0.93, "{}", "ana").unwrap();
//! store.dispose(alert, Decision::Escalated, "ben", "matches EL entry; escalate to counsel").unwrap();
//! assert!(store.verify_audit().unwrap().ok);
//! ```

use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// Why the store refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(String),
    #[error("{0} not found")]
    NotFound(String),
    #[error("invalid: {0}")]
    Invalid(String),
}

type Result<T> = std::result::Result<T, StoreError>;

/// What a reviewer decided about an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Cleared,
    Escalated,
    LicenceAppliedFor,
    Reported,
    Blocked,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Cleared => "cleared",
            Decision::Escalated => "escalated",
            Decision::LicenceAppliedFor => "licence_applied_for",
            Decision::Reported => "reported",
            Decision::Blocked => "blocked",
        }
    }
    pub fn parse(s: &str) -> Option<Decision> {
        Some(match s {
            "cleared" => Decision::Cleared,
            "escalated" => Decision::Escalated,
            "licence_applied_for" => Decision::LicenceAppliedFor,
            "reported" => Decision::Reported,
            "blocked" => Decision::Blocked,
            _ => return None,
        })
    }
    pub const ALL: [Decision; 5] = [
        Decision::Cleared,
        Decision::Escalated,
        Decision::LicenceAppliedFor,
        Decision::Reported,
        Decision::Blocked,
    ];
}

/// A role a token carries. Each role may do what the ones before it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Read findings, alerts, cases and the audit log.
    Viewer,
    /// Also screen, classify, assess, open cases, comment and add evidence.
    Analyst,
    /// Also disposition alerts.
    Reviewer,
    /// Also manage tokens.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Analyst => "analyst",
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "viewer" => Role::Viewer,
            "analyst" => Role::Analyst,
            "reviewer" => Role::Reviewer,
            "admin" => Role::Admin,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub created_at: String,
    pub created_by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alert {
    pub id: i64,
    pub case_id: Option<i64>,
    pub kind: String,
    pub subject: String,
    pub score: f64,
    pub details: serde_json::Value,
    pub status: String,
    pub created_at: String,
}

/// A party the team has screened, with its last result.
#[derive(Debug, Clone, Serialize)]
pub struct StoredParty {
    pub id: i64,
    /// The key two spellings of the party share (the screening normalisation).
    pub party_key: String,
    pub name: String,
    pub country: String,
    /// Where it was first screened: `api`, `web`, `assess`.
    pub origin: String,
    pub first_seen: String,
    pub last_screened: String,
    /// The best hit's score and entry (`SOURCE entry_id`); 0 and empty without a hit.
    pub best_score: f64,
    pub best_entry: String,
    pub last_result: serde_json::Value,
}

/// A party's screening result to remember.
#[derive(Debug, Clone)]
pub struct PartyResult {
    pub party_key: String,
    pub name: String,
    pub country: String,
    pub origin: String,
    pub best_score: f64,
    pub best_entry: String,
    pub result: serde_json::Value,
}

/// A list delta the stored parties were re-screened against.
#[derive(Debug, Clone, Serialize)]
pub struct ListDelta {
    pub id: i64,
    pub created_at: String,
    pub list: String,
    pub old_version: String,
    pub new_version: String,
    pub summary: serde_json::Value,
    pub rescreened: i64,
    pub alerts_opened: i64,
    pub annotated: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Disposition {
    pub id: i64,
    pub alert_id: i64,
    pub decision: String,
    pub reviewer: String,
    pub reason: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comment {
    pub id: i64,
    pub case_id: i64,
    pub author: String,
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub id: i64,
    pub case_id: i64,
    pub description: String,
    pub uri: String,
    pub sha256: String,
    pub added_by: String,
    pub created_at: String,
}

/// One entry of the audit log.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub ts: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The result of checking the audit chain.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub entries: usize,
    pub ok: bool,
    /// Hash of the last entry: keep it elsewhere to detect a truncated log later.
    pub head: String,
    pub problems: Vec<String>,
}

/// A token's holder.
#[derive(Debug, Clone, Serialize)]
pub struct Principal {
    pub name: String,
    pub role: Role,
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Db(e.to_string())
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> StoreError {
        StoreError::Db(e.to_string())
    }
}

/// The schema. Both back ends get the same tables and columns; only the types of keys and
/// numbers are spelled per back end (`{ID}` for an auto-numbered key, `{INT}`, `{REAL}`).
const SCHEMA: &str = r#"
CREATE TABLE cases (
    id {ID},
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE alerts (
    id {ID},
    case_id {INT} REFERENCES cases(id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    score {REAL} NOT NULL,
    details TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL
);
CREATE INDEX alerts_status ON alerts(status);
CREATE TABLE dispositions (
    id {ID},
    alert_id {INT} NOT NULL REFERENCES alerts(id),
    decision TEXT NOT NULL CHECK (decision IN ('cleared','escalated','licence_applied_for','reported','blocked')),
    reviewer TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX dispositions_alert ON dispositions(alert_id);
CREATE TABLE comments (
    id {ID},
    case_id {INT} NOT NULL REFERENCES cases(id),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE evidence (
    id {ID},
    case_id {INT} NOT NULL REFERENCES cases(id),
    description TEXT NOT NULL,
    uri TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    added_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE audit (
    seq {INT} PRIMARY KEY,
    ts TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE tokens (
    id {ID},
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
"#;

/// Monitoring: every party screened, with its last result, and the list deltas it was
/// re-screened against.
const MONITORING: &str = r#"
CREATE TABLE parties (
    id {ID},
    party_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    origin TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_screened TEXT NOT NULL,
    best_score {REAL} NOT NULL,
    best_entry TEXT NOT NULL,
    last_result TEXT NOT NULL
);
CREATE INDEX parties_best_entry ON parties(best_entry);
CREATE TABLE list_deltas (
    id {ID},
    created_at TEXT NOT NULL,
    list TEXT NOT NULL,
    old_version TEXT NOT NULL,
    new_version TEXT NOT NULL,
    summary TEXT NOT NULL,
    rescreened {INT} NOT NULL,
    alerts_opened {INT} NOT NULL,
    annotated {INT} NOT NULL
);
"#;

/// Schema versions: each migration is applied once, in order.
const MIGRATIONS: &[&str] = &[SCHEMA, MONITORING];

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of an audit entry: SHA-256 over the previous hash, the sequence number and the
/// fields (`ts, actor, action, entity, entity_id, payload`), each length-prefixed.
pub fn entry_hash(prev: &str, seq: i64, fields: [&str; 6]) -> String {
    let mut h = Sha256::new();
    let seq = seq.to_string();
    for part in [prev, seq.as_str()].into_iter().chain(fields) {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A query parameter.
#[derive(Debug, Clone)]
enum P {
    I(i64),
    OI(Option<i64>),
    R(f64),
    T(String),
    OT(Option<String>),
}

fn t(s: &str) -> P {
    P::T(s.to_string())
}

/// A value read back.
#[derive(Debug, Clone)]
enum V {
    Null,
    I(i64),
    R(f64),
    T(String),
}

impl V {
    fn i(&self) -> i64 {
        match self {
            V::I(i) => *i,
            V::R(r) => *r as i64,
            _ => 0,
        }
    }
    fn oi(&self) -> Option<i64> {
        match self {
            V::Null => None,
            v => Some(v.i()),
        }
    }
    fn r(&self) -> f64 {
        match self {
            V::R(r) => *r,
            V::I(i) => *i as f64,
            _ => 0.0,
        }
    }
    fn t(&self) -> String {
        match self {
            V::T(s) => s.clone(),
            V::I(i) => i.to_string(),
            V::R(r) => r.to_string(),
            V::Null => String::new(),
        }
    }
}

/// The two back ends. SQL is written once, with `$1, $2, ...` placeholders in order of first
/// use (SQLite reads them as numbered parameters too) and `RETURNING id` for new rows.
enum Backend {
    Lite(rusqlite::Connection),
    Pg(Box<postgres::Client>),
    /// After the store is dropped.
    Closed,
}

impl Backend {
    fn batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Backend::Lite(c) => c.execute_batch(sql)?,
            Backend::Pg(c) => c.batch_execute(sql)?,
            Backend::Closed => return Err(closed()),
        }
        Ok(())
    }

    fn exec(&mut self, sql: &str, params: &[P]) -> Result<u64> {
        match self {
            Backend::Closed => Err(closed()),
            Backend::Lite(c) => {
                Ok(c.execute(sql, rusqlite::params_from_iter(params.iter().map(lite)))? as u64)
            }
            Backend::Pg(c) => {
                let owned = pg_params(params);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    owned.iter().map(|b| b.as_ref()).collect();
                Ok(c.execute(sql, &refs)?)
            }
        }
    }

    fn query(&mut self, sql: &str, params: &[P]) -> Result<Vec<Vec<V>>> {
        match self {
            Backend::Closed => Err(closed()),
            Backend::Lite(c) => {
                let mut st = c.prepare(sql)?;
                let n = st.column_count();
                let rows =
                    st.query_map(rusqlite::params_from_iter(params.iter().map(lite)), |row| {
                        (0..n)
                            .map(|i| {
                                Ok(match row.get_ref(i)? {
                                    rusqlite::types::ValueRef::Null => V::Null,
                                    rusqlite::types::ValueRef::Integer(i) => V::I(i),
                                    rusqlite::types::ValueRef::Real(r) => V::R(r),
                                    rusqlite::types::ValueRef::Text(t) => {
                                        V::T(String::from_utf8_lossy(t).into_owned())
                                    }
                                    rusqlite::types::ValueRef::Blob(b) => {
                                        V::T(String::from_utf8_lossy(b).into_owned())
                                    }
                                })
                            })
                            .collect::<rusqlite::Result<Vec<V>>>()
                    })?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            }
            Backend::Pg(c) => {
                let owned = pg_params(params);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    owned.iter().map(|b| b.as_ref()).collect();
                let rows = c.query(sql, &refs)?;
                rows.iter()
                    .map(|row| {
                        (0..row.len())
                            .map(|i| {
                                use postgres::types::Type;
                                let ty = row.columns()[i].type_().clone();
                                Ok(if ty == Type::INT8 {
                                    row.try_get::<_, Option<i64>>(i)?.map_or(V::Null, V::I)
                                } else if ty == Type::INT4 {
                                    row.try_get::<_, Option<i32>>(i)?
                                        .map_or(V::Null, |v| V::I(v.into()))
                                } else if ty == Type::FLOAT8 {
                                    row.try_get::<_, Option<f64>>(i)?.map_or(V::Null, V::R)
                                } else {
                                    row.try_get::<_, Option<String>>(i)?.map_or(V::Null, V::T)
                                })
                            })
                            .collect::<std::result::Result<Vec<V>, postgres::Error>>()
                            .map_err(StoreError::from)
                    })
                    .collect()
            }
        }
    }

    /// One statement, prepared once, for many rows of parameters.
    fn exec_many(&mut self, sql: &str, rows: &[Vec<P>]) -> Result<u64> {
        match self {
            Backend::Closed => Err(closed()),
            Backend::Lite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut n = 0;
                for r in rows {
                    n += st.execute(rusqlite::params_from_iter(r.iter().map(lite)))? as u64;
                }
                Ok(n)
            }
            Backend::Pg(c) => {
                let st = c.prepare(sql)?;
                let mut n = 0;
                for r in rows {
                    let owned = pg_params(r);
                    let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                        owned.iter().map(|b| b.as_ref()).collect();
                    n += c.execute(&st, &refs)?;
                }
                Ok(n)
            }
        }
    }

    fn one(&mut self, sql: &str, params: &[P]) -> Result<Option<Vec<V>>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Run `f` in a transaction: committed if it returns Ok, rolled back otherwise.
    fn tx<T>(&mut self, f: impl FnOnce(&mut Backend) -> Result<T>) -> Result<T> {
        self.batch("BEGIN")?;
        match f(self) {
            Ok(v) => {
                self.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

fn closed() -> StoreError {
    StoreError::Db("the store is closed".into())
}

fn lite(p: &P) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match p {
        P::I(i) => Value::Integer(*i),
        P::OI(o) => o.map_or(Value::Null, Value::Integer),
        P::R(r) => Value::Real(*r),
        P::T(s) => Value::Text(s.clone()),
        P::OT(o) => o.clone().map_or(Value::Null, Value::Text),
    }
}

fn pg_params(params: &[P]) -> Vec<Box<dyn postgres::types::ToSql + Sync>> {
    params
        .iter()
        .map(|p| -> Box<dyn postgres::types::ToSql + Sync> {
            match p {
                P::I(i) => Box::new(*i),
                P::OI(o) => Box::new(*o),
                P::R(r) => Box::new(*r),
                P::T(s) => Box::new(s.clone()),
                P::OT(o) => Box::new(o.clone()),
            }
        })
        .collect()
}

impl Drop for Store {
    fn drop(&mut self) {
        let b = std::mem::replace(
            self.conn.get_mut().unwrap_or_else(|p| p.into_inner()),
            Backend::Closed,
        );
        if let Backend::Pg(_) = b {
            // Closing the client stops its runtime: not on a thread that runs async tasks.
            std::thread::scope(|s| {
                s.spawn(move || drop(b));
            });
        }
    }
}

/// The store: one connection behind a mutex (SQLite serialises writers anyway; for
/// PostgreSQL it keeps the audit chain's appends in order). Every change is one short
/// transaction.
pub struct Store {
    conn: Mutex<Backend>,
}

impl Store {
    /// Open (or create) the SQLite store at `path`, in WAL mode, and run pending migrations.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = rusqlite::Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        Self::init_lite(conn)
    }

    /// A store in memory (tests, demos).
    pub fn open_memory() -> Result<Store> {
        Self::init_lite(rusqlite::Connection::open_in_memory()?)
    }

    /// Open a store by address: `postgres://...` or `postgresql://...` for PostgreSQL (add
    /// `?schema=NAME` to keep chipwatch's tables in a schema of their own), anything else is a
    /// SQLite file path.
    pub fn open_url(url: &str) -> Result<Store> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let (base, schema) = match url.split_once("?schema=") {
                Some((b, s)) => (b.to_string(), Some(s.to_string())),
                None => (url.to_string(), None),
            };
            if let Some(s) = &schema
                && !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                return Err(StoreError::Invalid(format!(
                    "schema {s:?}: letters, digits and _ only"
                )));
            }
            // Connect and migrate on a thread of its own: the client drives its own runtime,
            // which must not start on a thread that runs async tasks.
            std::thread::scope(|sc| {
                sc.spawn(|| {
                    let mut client = postgres::Client::connect(&base, postgres::NoTls)?;
                    if let Some(s) = &schema {
                        client.batch_execute(&format!(
                            "CREATE SCHEMA IF NOT EXISTS {s}; SET search_path TO {s}"
                        ))?;
                    }
                    Self::init(Backend::Pg(Box::new(client)))
                })
                .join()
                .unwrap_or_else(|_| Err(StoreError::Db("connecting panicked".into())))
            })
        } else {
            Self::open(Path::new(url))
        }
    }

    fn init_lite(conn: rusqlite::Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Self::init(Backend::Lite(conn))
    }

    fn init(mut b: Backend) -> Result<Store> {
        let (id, int, real) = match b {
            Backend::Pg(_) => ("BIGSERIAL PRIMARY KEY", "BIGINT", "DOUBLE PRECISION"),
            _ => ("INTEGER PRIMARY KEY", "INTEGER", "REAL"),
        };
        b.batch("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
        let version = b
            .one("SELECT MAX(version) FROM schema_version", &[])?
            .map(|r| r[0].i())
            .unwrap_or(0);
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let sql = m
                .replace("{ID}", id)
                .replace("{INT}", int)
                .replace("{REAL}", real);
            b.tx(|b| {
                b.batch(&sql)?;
                b.exec(
                    "INSERT INTO schema_version (version) VALUES ($1)",
                    &[P::I(i as i64 + 1)],
                )?;
                Ok(())
            })?;
        }
        Ok(Store {
            conn: Mutex::new(b),
        })
    }

    /// Which back end the store uses: `sqlite` or `postgresql`.
    pub fn backend(&self) -> &'static str {
        match &*self.conn.lock().unwrap_or_else(|p| p.into_inner()) {
            Backend::Lite(_) => "sqlite",
            Backend::Pg(_) => "postgresql",
            Backend::Closed => "closed",
        }
    }

    fn with<T: Send>(&self, f: impl FnOnce(&mut Backend) -> Result<T> + Send) -> Result<T> {
        let mut c = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match &mut *c {
            // The PostgreSQL client drives its own runtime and must not be called from a
            // thread that is running async tasks (a server's handlers): it gets a thread of
            // its own for the call.
            b @ Backend::Pg(_) => std::thread::scope(|s| {
                s.spawn(|| f(b))
                    .join()
                    .unwrap_or_else(|_| Err(StoreError::Db("the database call panicked".into())))
            }),
            b => f(b),
        }
    }

    /// Append an audit entry inside a transaction.
    fn audit(
        b: &mut Backend,
        actor: &str,
        action: &str,
        entity: &str,
        entity_id: &str,
        payload: &serde_json::Value,
    ) -> Result<()> {
        let last = b.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &[])?;
        let (seq, prev) = match last {
            Some(r) => (r[0].i() + 1, r[1].t()),
            None => (1, GENESIS.to_string()),
        };
        let ts = now();
        let payload = payload.to_string();
        let hash = entry_hash(
            &prev,
            seq,
            [&ts, actor, action, entity, entity_id, &payload],
        );
        b.exec(
            "INSERT INTO audit (seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[P::I(seq), P::T(ts), t(actor), t(action), t(entity), t(entity_id), P::T(payload), P::T(prev), P::T(hash)],
        )?;
        Ok(())
    }

    fn insert(b: &mut Backend, sql: &str, params: &[P]) -> Result<i64> {
        b.one(sql, params)?
            .map(|r| r[0].i())
            .ok_or_else(|| StoreError::Db("an insert returned no id".into()))
    }

    /// Record an action that changes no table of the store (weights learned from the
    /// dispositions, say) in the audit chain.
    pub fn record(
        &self,
        actor: &str,
        action: &str,
        entity: &str,
        entity_id: &str,
        payload: &serde_json::Value,
    ) -> Result<()> {
        self.with(|c| c.tx(|b| Self::audit(b, actor, action, entity, entity_id, payload)))
    }

    pub fn create_case(&self, title: &str, actor: &str) -> Result<i64> {
        if title.trim().is_empty() {
            return Err(StoreError::Invalid("a case needs a title".into()));
        }
        self.with(|c| {
            c.tx(|b| {
                let id = Self::insert(b, "INSERT INTO cases (title, created_at, created_by) VALUES ($1, $2, $3) RETURNING id", &[t(title), P::T(now()), t(actor)])?;
                Self::audit(b, actor, "case.create", "case", &id.to_string(), &serde_json::json!({"title": title}))?;
                Ok(id)
            })
        })
    }

    pub fn add_alert(
        &self,
        case_id: Option<i64>,
        kind: &str,
        subject: &str,
        score: f64,
        details: &str,
        actor: &str,
    ) -> Result<i64> {
        let details_json: serde_json::Value = serde_json::from_str(details)
            .map_err(|e| StoreError::Invalid(format!("alert details are not JSON: {e}")))?;
        if let Some(cid) = case_id {
            self.case(cid)?;
        }
        self.with(|c| {
            c.tx(|b| {
                let id = Self::insert(
                    b,
                    "INSERT INTO alerts (case_id, kind, subject, score, details, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    &[P::OI(case_id), t(kind), t(subject), P::R(score), t(details), P::T(now())],
                )?;
                Self::audit(b, actor, "alert.create", "alert", &id.to_string(),
                    &serde_json::json!({"kind": kind, "subject": subject, "score": score, "case_id": case_id, "details": details_json}))?;
                Ok(id)
            })
        })
    }

    /// Record a reviewer's decision on an alert: the disposition, the alert's new status and
    /// the audit entry are one transaction.
    pub fn dispose(
        &self,
        alert_id: i64,
        decision: Decision,
        reviewer: &str,
        reason: &str,
    ) -> Result<i64> {
        if reason.trim().is_empty() {
            return Err(StoreError::Invalid("a disposition needs a reason".into()));
        }
        self.with(|c| {
            c.tx(|b| {
                if b.one("SELECT id FROM alerts WHERE id = $1", &[P::I(alert_id)])?.is_none() {
                    return Err(StoreError::NotFound(format!("alert {alert_id}")));
                }
                let id = Self::insert(
                    b,
                    "INSERT INTO dispositions (alert_id, decision, reviewer, reason, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    &[P::I(alert_id), t(decision.as_str()), t(reviewer), t(reason), P::T(now())],
                )?;
                b.exec("UPDATE alerts SET status = $1 WHERE id = $2", &[t(decision.as_str()), P::I(alert_id)])?;
                Self::audit(b, reviewer, "alert.dispose", "alert", &alert_id.to_string(),
                    &serde_json::json!({"disposition": id, "decision": decision.as_str(), "reason": reason}))?;
                Ok(id)
            })
        })
    }

    pub fn comment(&self, case_id: i64, author: &str, body: &str) -> Result<i64> {
        self.with(|c| {
            c.tx(|b| {
                Self::case_exists(b, case_id)?;
                let id = Self::insert(b, "INSERT INTO comments (case_id, author, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id", &[P::I(case_id), t(author), t(body), P::T(now())])?;
                Self::audit(b, author, "case.comment", "case", &case_id.to_string(), &serde_json::json!({"comment": id, "body": body}))?;
                Ok(id)
            })
        })
    }

    /// Attach evidence (its description, where it is, and the SHA-256 of its content).
    pub fn add_evidence(
        &self,
        case_id: i64,
        description: &str,
        uri: &str,
        content: &[u8],
        actor: &str,
    ) -> Result<i64> {
        let digest = sha256_hex(content);
        self.with(|c| {
            c.tx(|b| {
                Self::case_exists(b, case_id)?;
                let id = Self::insert(
                    b,
                    "INSERT INTO evidence (case_id, description, uri, sha256, added_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    &[P::I(case_id), t(description), t(uri), t(&digest), t(actor), P::T(now())],
                )?;
                Self::audit(b, actor, "case.evidence", "case", &case_id.to_string(),
                    &serde_json::json!({"evidence": id, "description": description, "uri": uri, "sha256": digest}))?;
                Ok(id)
            })
        })
    }

    fn case_exists(b: &mut Backend, case_id: i64) -> Result<()> {
        b.one("SELECT id FROM cases WHERE id = $1", &[P::I(case_id)])?
            .map(|_| ())
            .ok_or_else(|| StoreError::NotFound(format!("case {case_id}")))
    }

    pub fn cases(&self) -> Result<Vec<Case>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT id, title, status, created_at, created_by FROM cases ORDER BY id DESC",
                &[],
            )?
            .iter()
            .map(|r| Self::case_row(r))
            .collect())
        })
    }

    pub fn case(&self, id: i64) -> Result<Case> {
        self.with(|c| {
            c.one(
                "SELECT id, title, status, created_at, created_by FROM cases WHERE id = $1",
                &[P::I(id)],
            )?
            .map(|r| Self::case_row(&r))
            .ok_or_else(|| StoreError::NotFound(format!("case {id}")))
        })
    }

    fn case_row(r: &[V]) -> Case {
        Case {
            id: r[0].i(),
            title: r[1].t(),
            status: r[2].t(),
            created_at: r[3].t(),
            created_by: r[4].t(),
        }
    }

    fn alert_row(r: &[V]) -> Alert {
        Alert {
            id: r[0].i(),
            case_id: r[1].oi(),
            kind: r[2].t(),
            subject: r[3].t(),
            score: r[4].r(),
            details: serde_json::from_str(&r[5].t()).unwrap_or(serde_json::Value::Null),
            status: r[6].t(),
            created_at: r[7].t(),
        }
    }

    /// Alerts, optionally only those with a status ("open", or a decision).
    pub fn alerts(&self, status: Option<&str>) -> Result<Vec<Alert>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT id, case_id, kind, subject, score, details, status, created_at FROM alerts WHERE (CAST($1 AS TEXT) IS NULL OR status = $1) ORDER BY score DESC, id",
                &[P::OT(status.map(str::to_string))],
            )?
            .iter()
            .map(|r| Self::alert_row(r))
            .collect())
        })
    }

    /// Alerts of one kind (`list_change`, `assess`, ...), riskiest first.
    pub fn alerts_of_kind(&self, kind: &str) -> Result<Vec<Alert>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT id, case_id, kind, subject, score, details, status, created_at FROM alerts WHERE kind = $1 ORDER BY score DESC, id",
                &[t(kind)],
            )?
            .iter()
            .map(|r| Self::alert_row(r))
            .collect())
        })
    }

    pub fn alert(&self, id: i64) -> Result<Alert> {
        self.with(|c| {
            c.one("SELECT id, case_id, kind, subject, score, details, status, created_at FROM alerts WHERE id = $1", &[P::I(id)])?
                .map(|r| Self::alert_row(&r))
                .ok_or_else(|| StoreError::NotFound(format!("alert {id}")))
        })
    }

    pub fn dispositions(&self, alert_id: Option<i64>) -> Result<Vec<Disposition>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT id, alert_id, decision, reviewer, reason, created_at FROM dispositions WHERE (CAST($1 AS BIGINT) IS NULL OR alert_id = $1) ORDER BY id",
                &[P::OI(alert_id)],
            )?
            .into_iter()
            .map(|r| Disposition { id: r[0].i(), alert_id: r[1].i(), decision: r[2].t(), reviewer: r[3].t(), reason: r[4].t(), created_at: r[5].t() })
            .collect())
        })
    }

    pub fn comments(&self, case_id: i64) -> Result<Vec<Comment>> {
        self.with(|c| {
            Ok(c.query("SELECT id, case_id, author, body, created_at FROM comments WHERE case_id = $1 ORDER BY id", &[P::I(case_id)])?
                .into_iter()
                .map(|r| Comment { id: r[0].i(), case_id: r[1].i(), author: r[2].t(), body: r[3].t(), created_at: r[4].t() })
                .collect())
        })
    }

    pub fn evidence(&self, case_id: i64) -> Result<Vec<Evidence>> {
        self.with(|c| {
            Ok(c.query("SELECT id, case_id, description, uri, sha256, added_by, created_at FROM evidence WHERE case_id = $1 ORDER BY id", &[P::I(case_id)])?
                .into_iter()
                .map(|r| Evidence { id: r[0].i(), case_id: r[1].i(), description: r[2].t(), uri: r[3].t(), sha256: r[4].t(), added_by: r[5].t(), created_at: r[6].t() })
                .collect())
        })
    }

    fn audit_row(r: &[V]) -> AuditEntry {
        AuditEntry {
            seq: r[0].i(),
            ts: r[1].t(),
            actor: r[2].t(),
            action: r[3].t(),
            entity: r[4].t(),
            entity_id: r[5].t(),
            payload: r[6].t(),
            prev_hash: r[7].t(),
            hash: r[8].t(),
        }
    }

    /// Audit entries, newest first, optionally for one entity (`("alert", "7")`).
    pub fn audit_log(&self, entity: Option<(&str, &str)>, limit: usize) -> Result<Vec<AuditEntry>> {
        let (e, id) = entity.map_or((None, None), |(e, i)| {
            (Some(e.to_string()), Some(i.to_string()))
        });
        self.with(|c| {
            Ok(c.query(
                "SELECT seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash FROM audit WHERE (CAST($1 AS TEXT) IS NULL OR (entity = $1 AND entity_id = $2)) ORDER BY seq DESC LIMIT $3",
                &[P::OT(e), P::OT(id), P::I(limit as i64)],
            )?
            .iter()
            .map(|r| Self::audit_row(r))
            .collect())
        })
    }

    /// Walk the audit chain from the first entry: every entry's hash must be the hash of its
    /// fields and its predecessor's hash, and sequence numbers must run without a gap. An
    /// edited entry breaks its own hash; a deleted one breaks the sequence and the next
    /// entry's link. (A log cut at its end is caught by comparing `head` with a copy kept
    /// elsewhere.)
    pub fn verify_audit(&self) -> Result<AuditReport> {
        let rows = self.with(|c| c.query("SELECT seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash FROM audit ORDER BY seq", &[]))?;
        let mut prev = GENESIS.to_string();
        let mut expected_seq = 1;
        let mut problems = Vec::new();
        for r in &rows {
            let e = Self::audit_row(r);
            if e.seq != expected_seq {
                problems.push(format!(
                    "entries {expected_seq}..{} are missing (deleted)",
                    e.seq - 1
                ));
            }
            if e.prev_hash != prev {
                problems.push(format!(
                    "entry {} does not link to the entry before it",
                    e.seq
                ));
            }
            let h = entry_hash(
                &e.prev_hash,
                e.seq,
                [
                    &e.ts,
                    &e.actor,
                    &e.action,
                    &e.entity,
                    &e.entity_id,
                    &e.payload,
                ],
            );
            if h != e.hash {
                problems.push(format!(
                    "entry {} was altered after it was written ({} by {})",
                    e.seq, e.action, e.actor
                ));
            }
            prev = e.hash.clone();
            expected_seq = e.seq + 1;
        }
        Ok(AuditReport {
            entries: rows.len(),
            ok: problems.is_empty(),
            head: prev,
            problems,
        })
    }

    /// Create an API token for `name` with `role`; returns the token (shown once; only its
    /// SHA-256 is stored).
    pub fn create_token(&self, name: &str, role: Role, actor: &str) -> Result<String> {
        let mut raw = [0u8; 24];
        getrandom::fill(&mut raw)
            .map_err(|e| StoreError::Invalid(format!("no randomness: {e}")))?;
        let token = format!(
            "cw_{}",
            raw.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        let hash = sha256_hex(token.as_bytes());
        self.with(|c| {
            c.tx(|b| {
                if b.one("SELECT id FROM tokens WHERE name = $1", &[t(name)])?.is_some() {
                    return Err(StoreError::Invalid(format!("a token named {name:?} exists")));
                }
                b.exec("INSERT INTO tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4)", &[t(name), t(role.as_str()), P::T(hash), P::T(now())])?;
                Self::audit(b, actor, "token.create", "token", name, &serde_json::json!({"role": role.as_str()}))?;
                Ok(token)
            })
        })
    }

    /// Who holds this token, if anyone.
    pub fn authenticate(&self, token: &str) -> Result<Option<Principal>> {
        let hash = sha256_hex(token.as_bytes());
        self.with(|c| {
            Ok(c.one(
                "SELECT name, role FROM tokens WHERE token_hash = $1",
                &[P::T(hash)],
            )?
            .and_then(|r| {
                Role::parse(&r[1].t()).map(|role| Principal {
                    name: r[0].t(),
                    role,
                })
            }))
        })
    }

    /// Whether the store has no API token yet (a store just created).
    pub fn has_no_tokens(&self) -> Result<bool> {
        self.with(|c| Ok(c.one("SELECT id FROM tokens LIMIT 1", &[])?.is_none()))
    }

    /// Counts for a dashboard: alerts by status.
    /// Remember parties and their latest results (one transaction; a party seen again keeps
    /// its first sighting and origin). No audit entry per party: screening is not a decision.
    pub fn remember_parties(&self, parties: &[PartyResult]) -> Result<u64> {
        let ts = now();
        let rows: Vec<Vec<P>> = parties
            .iter()
            .map(|p| {
                vec![
                    t(&p.party_key),
                    t(&p.name),
                    t(&p.country),
                    t(&p.origin),
                    P::T(ts.clone()),
                    P::R(p.best_score),
                    t(&p.best_entry),
                    P::T(p.result.to_string()),
                ]
            })
            .collect();
        self.with(|c| {
            c.tx(|b| {
                b.exec_many(
                    "INSERT INTO parties (party_key, name, country, origin, first_seen, last_screened, best_score, best_entry, last_result) \
                     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8) \
                     ON CONFLICT (party_key) DO UPDATE SET last_screened = excluded.last_screened, best_score = excluded.best_score, \
                     best_entry = excluded.best_entry, last_result = excluded.last_result",
                    &rows,
                )
            })
        })
    }

    fn party_row(r: &[V]) -> StoredParty {
        StoredParty {
            id: r[0].i(),
            party_key: r[1].t(),
            name: r[2].t(),
            country: r[3].t(),
            origin: r[4].t(),
            first_seen: r[5].t(),
            last_screened: r[6].t(),
            best_score: r[7].r(),
            best_entry: r[8].t(),
            last_result: serde_json::from_str(&r[9].t()).unwrap_or(serde_json::Value::Null),
        }
    }

    /// Stored parties with an id above `after`, in id order, at most `limit` (page through
    /// them all with the last id seen).
    pub fn parties(&self, after: i64, limit: usize) -> Result<Vec<StoredParty>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT id, party_key, name, country, origin, first_seen, last_screened, best_score, best_entry, last_result \
                 FROM parties WHERE id > $1 ORDER BY id LIMIT $2",
                &[P::I(after), P::I(limit as i64)],
            )?
            .iter()
            .map(|r| Self::party_row(r))
            .collect())
        })
    }

    pub fn party_count(&self) -> Result<i64> {
        self.with(|c| {
            Ok(c.one("SELECT COUNT(*) FROM parties", &[])?
                .map(|r| r[0].i())
                .unwrap_or(0))
        })
    }

    /// Stored parties whose best hit is one of these entries (`SOURCE entry_id`).
    pub fn parties_hitting(&self, entries: &[String]) -> Result<Vec<StoredParty>> {
        let mut out = Vec::new();
        for e in entries {
            out.extend(self.with(|c| {
                Ok(c.query(
                    "SELECT id, party_key, name, country, origin, first_seen, last_screened, best_score, best_entry, last_result \
                     FROM parties WHERE best_entry = $1 ORDER BY id",
                    &[t(e)],
                )?
                .iter()
                .map(|r| Self::party_row(r))
                .collect::<Vec<_>>())
            })?);
        }
        Ok(out)
    }

    /// Note on every alert about `subject` that an entry it cited left its list.
    pub fn annotate_alerts(
        &self,
        subject: &str,
        note: &serde_json::Value,
        actor: &str,
    ) -> Result<usize> {
        self.with(|c| {
            c.tx(|b| {
                let rows = b.query(
                    "SELECT id, details FROM alerts WHERE subject = $1",
                    &[t(subject)],
                )?;
                for r in &rows {
                    let id = r[0].i();
                    let mut d: serde_json::Value =
                        serde_json::from_str(&r[1].t()).unwrap_or(serde_json::Value::Null);
                    if let Some(a) = d.as_object_mut().and_then(|o| {
                        o.entry("annotations")
                            .or_insert_with(|| serde_json::Value::Array(Vec::new()))
                            .as_array_mut()
                    }) {
                        a.push(note.clone());
                    }
                    b.exec(
                        "UPDATE alerts SET details = $1 WHERE id = $2",
                        &[P::T(d.to_string()), P::I(id)],
                    )?;
                    Self::audit(b, actor, "alert.annotate", "alert", &id.to_string(), note)?;
                }
                Ok(rows.len())
            })
        })
    }

    /// Record a list delta and what its re-screen did, in the audit chain too.
    #[allow(clippy::too_many_arguments)]
    pub fn record_delta(
        &self,
        list: &str,
        old_version: &str,
        new_version: &str,
        summary: &serde_json::Value,
        rescreened: i64,
        alerts_opened: i64,
        annotated: i64,
        actor: &str,
    ) -> Result<i64> {
        self.with(|c| {
            c.tx(|b| {
                let id = Self::insert(
                    b,
                    "INSERT INTO list_deltas (created_at, list, old_version, new_version, summary, rescreened, alerts_opened, annotated) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    &[P::T(now()), t(list), t(old_version), t(new_version), P::T(summary.to_string()),
                      P::I(rescreened), P::I(alerts_opened), P::I(annotated)],
                )?;
                Self::audit(b, actor, "lists.rescreen", "list_delta", &id.to_string(), &serde_json::json!({
                    "list": list, "old_version": old_version, "new_version": new_version, "summary": summary,
                    "rescreened": rescreened, "alerts_opened": alerts_opened, "annotated": annotated}))?;
                Ok(id)
            })
        })
    }

    /// The latest list deltas, newest first.
    pub fn deltas(&self, limit: usize) -> Result<Vec<ListDelta>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT id, created_at, list, old_version, new_version, summary, rescreened, alerts_opened, annotated \
                 FROM list_deltas ORDER BY id DESC LIMIT $1",
                &[P::I(limit as i64)],
            )?
            .iter()
            .map(|r| ListDelta {
                id: r[0].i(),
                created_at: r[1].t(),
                list: r[2].t(),
                old_version: r[3].t(),
                new_version: r[4].t(),
                summary: serde_json::from_str(&r[5].t()).unwrap_or(serde_json::Value::Null),
                rescreened: r[6].i(),
                alerts_opened: r[7].i(),
                annotated: r[8].i(),
            })
            .collect())
        })
    }

    pub fn alert_counts(&self) -> Result<Vec<(String, i64)>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT status, COUNT(*) FROM alerts GROUP BY status ORDER BY status",
                &[],
            )?
            .into_iter()
            .map(|r| (r[0].t(), r[1].i()))
            .collect())
        })
    }
}
