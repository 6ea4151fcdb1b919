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

mod audit;
mod backend;
mod cases;
mod monitoring;
mod orders;
mod schema;
mod tokens;

pub use audit::entry_hash;
pub use orders::{HoldAlert, NewOrder, OrderHistory, OrderKeys, StoredOrder};

use backend::{Backend, P, Postgres, Sqlite};

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

impl Drop for Store {
    fn drop(&mut self) {
        let b = self
            .conn
            .get_mut()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(b) = b
            && b.own_thread()
        {
            // Closing a client that drives its own runtime: not on a thread that runs async
            // tasks.
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
    conn: Mutex<Option<Box<Backend>>>,
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
                    Self::init(Box::new(Postgres(Box::new(client))))
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
        Self::init(Box::new(Sqlite(conn)))
    }

    fn init(mut b: Box<Backend>) -> Result<Store> {
        let (id, int, real) = b.types();
        b.batch("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
        let version = b
            .one("SELECT MAX(version) FROM schema_version", &[])?
            .map(|r| r[0].i())
            .unwrap_or(0);
        for (i, m) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
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
            conn: Mutex::new(Some(b)),
        })
    }

    /// Which back end the store uses: `sqlite` or `postgresql`.
    pub fn backend(&self) -> &'static str {
        self.conn
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map_or("closed", |b| b.name())
    }

    pub(crate) fn with<T: Send>(
        &self,
        f: impl FnOnce(&mut Backend) -> Result<T> + Send,
    ) -> Result<T> {
        let mut c = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let Some(b) = c.as_deref_mut() else {
            return Err(StoreError::Db("the store is closed".into()));
        };
        if b.own_thread() {
            // The PostgreSQL client drives its own runtime and must not be called from a
            // thread that is running async tasks (a server's handlers): it gets a thread of
            // its own for the call.
            std::thread::scope(|s| {
                s.spawn(|| f(b))
                    .join()
                    .unwrap_or_else(|_| Err(StoreError::Db("the database call panicked".into())))
            })
        } else {
            f(b)
        }
    }

    pub(crate) fn insert(b: &mut Backend, sql: &str, params: &[P]) -> Result<i64> {
        b.one(sql, params)?
            .map(|r| r[0].i())
            .ok_or_else(|| StoreError::Db("an insert returned no id".into()))
    }
}
