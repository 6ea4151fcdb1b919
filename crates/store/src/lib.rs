//! # chipwatch-store
//!
//! The case store of a compliance team: cases, alerts (from screening and ledger assessment),
//! dispositions with reviewer and reason, comments, evidence, API tokens, and an append-only
//! audit log whose entries are hash-chained, so that any edited or deleted entry is detected
//! ([`Store::verify_audit`]).
//!
//! SQLite, embedded (WAL, one transaction per change, versioned migrations). The schema uses
//! portable SQL (TEXT, INTEGER, REAL; no SQLite-only types) so a PostgreSQL back end can follow.
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

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Why the store refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
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

/// The schema, one migration per entry; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases(id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    score REAL NOT NULL,
    details TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL
);
CREATE INDEX alerts_status ON alerts(status);
CREATE TABLE dispositions (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL REFERENCES alerts(id),
    decision TEXT NOT NULL CHECK (decision IN ('cleared','escalated','licence_applied_for','reported','blocked')),
    reviewer TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX dispositions_alert ON dispositions(alert_id);
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    description TEXT NOT NULL,
    uri TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    added_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
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
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
"#];

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

/// The store. One connection behind a mutex: SQLite serialises writers anyway, and every
/// change is one short transaction.
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Open (or create) the store at `path`, in WAL mode, and run pending migrations.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        Self::init(conn)
    }

    /// A store in memory (tests, demos).
    pub fn open_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(m)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut c = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut c)
    }

    /// Append an audit entry inside a transaction.
    fn audit(
        tx: &rusqlite::Transaction<'_>,
        actor: &str,
        action: &str,
        entity: &str,
        entity_id: &str,
        payload: &serde_json::Value,
    ) -> Result<()> {
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (seq, prev) = match last {
            Some((s, h)) => (s + 1, h),
            None => (1, GENESIS.to_string()),
        };
        let ts = now();
        let payload = payload.to_string();
        let hash = entry_hash(
            &prev,
            seq,
            [&ts, actor, action, entity, entity_id, &payload],
        );
        tx.execute(
            "INSERT INTO audit (seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![seq, ts, actor, action, entity, entity_id, payload, prev, hash],
        )?;
        Ok(())
    }

    pub fn create_case(&self, title: &str, actor: &str) -> Result<i64> {
        if title.trim().is_empty() {
            return Err(StoreError::Invalid("a case needs a title".into()));
        }
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO cases (title, created_at, created_by) VALUES (?1, ?2, ?3)",
                params![title, now(), actor],
            )?;
            let id = tx.last_insert_rowid();
            Self::audit(
                &tx,
                actor,
                "case.create",
                "case",
                &id.to_string(),
                &serde_json::json!({"title": title}),
            )?;
            tx.commit()?;
            Ok(id)
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
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO alerts (case_id, kind, subject, score, details, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![case_id, kind, subject, score, details, now()],
            )?;
            let id = tx.last_insert_rowid();
            Self::audit(&tx, actor, "alert.create", "alert", &id.to_string(),
                &serde_json::json!({"kind": kind, "subject": subject, "score": score, "case_id": case_id, "details": details_json}))?;
            tx.commit()?;
            Ok(id)
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
            let tx = c.transaction()?;
            let exists: Option<i64> = tx
                .query_row("SELECT id FROM alerts WHERE id = ?1", [alert_id], |r| r.get(0))
                .optional()?;
            if exists.is_none() {
                return Err(StoreError::NotFound(format!("alert {alert_id}")));
            }
            tx.execute(
                "INSERT INTO dispositions (alert_id, decision, reviewer, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![alert_id, decision.as_str(), reviewer, reason, now()],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute("UPDATE alerts SET status = ?1 WHERE id = ?2", params![decision.as_str(), alert_id])?;
            Self::audit(&tx, reviewer, "alert.dispose", "alert", &alert_id.to_string(),
                &serde_json::json!({"disposition": id, "decision": decision.as_str(), "reason": reason}))?;
            tx.commit()?;
            Ok(id)
        })
    }

    pub fn comment(&self, case_id: i64, author: &str, body: &str) -> Result<i64> {
        self.with(|c| {
            let tx = c.transaction()?;
            Self::case_exists(&tx, case_id)?;
            tx.execute(
                "INSERT INTO comments (case_id, author, body, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![case_id, author, body, now()],
            )?;
            let id = tx.last_insert_rowid();
            Self::audit(
                &tx,
                author,
                "case.comment",
                "case",
                &case_id.to_string(),
                &serde_json::json!({"comment": id, "body": body}),
            )?;
            tx.commit()?;
            Ok(id)
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
            let tx = c.transaction()?;
            Self::case_exists(&tx, case_id)?;
            tx.execute(
                "INSERT INTO evidence (case_id, description, uri, sha256, added_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![case_id, description, uri, digest, actor, now()],
            )?;
            let id = tx.last_insert_rowid();
            Self::audit(&tx, actor, "case.evidence", "case", &case_id.to_string(),
                &serde_json::json!({"evidence": id, "description": description, "uri": uri, "sha256": digest}))?;
            tx.commit()?;
            Ok(id)
        })
    }

    fn case_exists(tx: &rusqlite::Transaction<'_>, case_id: i64) -> Result<()> {
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM cases WHERE id = ?1", [case_id], |r| {
                r.get(0)
            })
            .optional()?;
        exists
            .map(|_| ())
            .ok_or_else(|| StoreError::NotFound(format!("case {case_id}")))
    }

    pub fn cases(&self) -> Result<Vec<Case>> {
        self.with(|c| {
            let mut st = c.prepare(
                "SELECT id, title, status, created_at, created_by FROM cases ORDER BY id DESC",
            )?;
            let rows = st.query_map([], |r| {
                Ok(Case {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    status: r.get(2)?,
                    created_at: r.get(3)?,
                    created_by: r.get(4)?,
                })
            })?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }

    pub fn case(&self, id: i64) -> Result<Case> {
        self.cases()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("case {id}")))
    }

    fn alert_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Alert> {
        let details: String = r.get(5)?;
        Ok(Alert {
            id: r.get(0)?,
            case_id: r.get(1)?,
            kind: r.get(2)?,
            subject: r.get(3)?,
            score: r.get(4)?,
            details: serde_json::from_str(&details).unwrap_or(serde_json::Value::Null),
            status: r.get(6)?,
            created_at: r.get(7)?,
        })
    }

    /// Alerts, optionally only those with a status ("open", or a decision).
    pub fn alerts(&self, status: Option<&str>) -> Result<Vec<Alert>> {
        self.with(|c| {
            let sql = "SELECT id, case_id, kind, subject, score, details, status, created_at FROM alerts WHERE (?1 IS NULL OR status = ?1) ORDER BY score DESC, id";
            let mut st = c.prepare(sql)?;
            let rows = st.query_map([status], Self::alert_row)?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }

    pub fn alert(&self, id: i64) -> Result<Alert> {
        self.with(|c| {
            c.query_row(
                "SELECT id, case_id, kind, subject, score, details, status, created_at FROM alerts WHERE id = ?1",
                [id],
                Self::alert_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("alert {id}")))
        })
    }

    pub fn dispositions(&self, alert_id: Option<i64>) -> Result<Vec<Disposition>> {
        self.with(|c| {
            let mut st = c.prepare("SELECT id, alert_id, decision, reviewer, reason, created_at FROM dispositions WHERE (?1 IS NULL OR alert_id = ?1) ORDER BY id")?;
            let rows = st.query_map([alert_id], |r| {
                Ok(Disposition { id: r.get(0)?, alert_id: r.get(1)?, decision: r.get(2)?, reviewer: r.get(3)?, reason: r.get(4)?, created_at: r.get(5)? })
            })?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }

    pub fn comments(&self, case_id: i64) -> Result<Vec<Comment>> {
        self.with(|c| {
            let mut st = c.prepare("SELECT id, case_id, author, body, created_at FROM comments WHERE case_id = ?1 ORDER BY id")?;
            let rows = st.query_map([case_id], |r| {
                Ok(Comment { id: r.get(0)?, case_id: r.get(1)?, author: r.get(2)?, body: r.get(3)?, created_at: r.get(4)? })
            })?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }

    pub fn evidence(&self, case_id: i64) -> Result<Vec<Evidence>> {
        self.with(|c| {
            let mut st = c.prepare("SELECT id, case_id, description, uri, sha256, added_by, created_at FROM evidence WHERE case_id = ?1 ORDER BY id")?;
            let rows = st.query_map([case_id], |r| {
                Ok(Evidence { id: r.get(0)?, case_id: r.get(1)?, description: r.get(2)?, uri: r.get(3)?, sha256: r.get(4)?, added_by: r.get(5)?, created_at: r.get(6)? })
            })?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }

    /// Audit entries, newest first, optionally for one entity (`("alert", "7")`).
    pub fn audit_log(&self, entity: Option<(&str, &str)>, limit: usize) -> Result<Vec<AuditEntry>> {
        self.with(|c| {
            let (e, id) = entity.map_or((None, None), |(e, i)| (Some(e), Some(i)));
            let mut st = c.prepare("SELECT seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash FROM audit WHERE (?1 IS NULL OR (entity = ?1 AND entity_id = ?2)) ORDER BY seq DESC LIMIT ?3")?;
            let rows = st.query_map(params![e, id, limit as i64], Self::audit_row)?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }

    fn audit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
        Ok(AuditEntry {
            seq: r.get(0)?,
            ts: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            payload: r.get(6)?,
            prev_hash: r.get(7)?,
            hash: r.get(8)?,
        })
    }

    /// Walk the audit chain from the first entry: every entry's hash must be the hash of its
    /// fields and its predecessor's hash, and sequence numbers must run without a gap. An
    /// edited entry breaks its own hash; a deleted one breaks the sequence and the next
    /// entry's link. (A log cut at its end is caught by comparing `head` with a copy kept
    /// elsewhere.)
    pub fn verify_audit(&self) -> Result<AuditReport> {
        self.with(|c| {
            let mut st = c.prepare("SELECT seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash FROM audit ORDER BY seq")?;
            let rows = st.query_map([], Self::audit_row)?;
            let mut prev = GENESIS.to_string();
            let mut expected_seq = 1;
            let mut problems = Vec::new();
            let mut n = 0;
            for e in rows {
                let e = e?;
                n += 1;
                if e.seq != expected_seq {
                    problems.push(format!("entries {expected_seq}..{} are missing (deleted)", e.seq - 1));
                }
                if e.prev_hash != prev {
                    problems.push(format!("entry {} does not link to the entry before it", e.seq));
                }
                let h = entry_hash(&e.prev_hash, e.seq, [&e.ts, &e.actor, &e.action, &e.entity, &e.entity_id, &e.payload]);
                if h != e.hash {
                    problems.push(format!("entry {} was altered after it was written ({} by {})", e.seq, e.action, e.actor));
                }
                prev = e.hash.clone();
                expected_seq = e.seq + 1;
            }
            Ok(AuditReport { entries: n, ok: problems.is_empty(), head: prev, problems })
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
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO tokens (name, role, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![name, role.as_str(), hash, now()],
            )?;
            Self::audit(
                &tx,
                actor,
                "token.create",
                "token",
                name,
                &serde_json::json!({"role": role.as_str()}),
            )?;
            tx.commit()?;
            Ok(token)
        })
    }

    /// Who holds this token, if anyone.
    pub fn authenticate(&self, token: &str) -> Result<Option<Principal>> {
        let hash = sha256_hex(token.as_bytes());
        self.with(|c| {
            let row: Option<(String, String)> = c
                .query_row(
                    "SELECT name, role FROM tokens WHERE token_hash = ?1",
                    [hash],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            Ok(
                row.and_then(|(name, role)| {
                    Role::parse(&role).map(|role| Principal { name, role })
                }),
            )
        })
    }

    /// Counts for a dashboard: alerts by status.
    pub fn alert_counts(&self) -> Result<Vec<(String, i64)>> {
        self.with(|c| {
            let mut st =
                c.prepare("SELECT status, COUNT(*) FROM alerts GROUP BY status ORDER BY status")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }
}
