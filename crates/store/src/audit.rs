//! The append-only audit log: every change is an entry, hash-chained to the one before it, so
//! that an edited or deleted entry is detected.

use sha2::{Digest, Sha256};

use crate::backend::{Backend, P, V, t};
use crate::{AuditEntry, AuditReport, Result, Store, now};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

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

impl Store {
    /// Append an audit entry inside a transaction.
    pub(crate) fn audit(
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

    /// A page of the audit log, newest first: `limit` entries before sequence number
    /// `before` (from the newest without it).
    pub fn audit_before(&self, before: Option<i64>, limit: usize) -> Result<Vec<AuditEntry>> {
        self.with(|c| {
            Ok(c.query(
                "SELECT seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash FROM audit WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
                &[P::I(before.unwrap_or(i64::MAX)), P::I(limit as i64)],
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
}
