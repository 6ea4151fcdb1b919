//! Cases, alerts, dispositions, comments and evidence.

use crate::backend::{Backend, P, V, t};
use crate::{
    Alert, Case, Comment, Decision, Disposition, Evidence, Result, Store, StoreError, now,
    sha256_hex,
};

impl Store {
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

    /// The alerts of a case, riskiest first.
    pub fn alerts_in_case(&self, case_id: i64) -> Result<Vec<Alert>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT id, case_id, kind, subject, score, details, status, created_at FROM alerts WHERE case_id = $1 ORDER BY score DESC, id",
                &[P::I(case_id)],
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

    /// Counts for a dashboard: alerts by status.
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
