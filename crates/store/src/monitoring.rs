//! Monitoring: every party screened, with its last result, and the list deltas it was
//! re-screened against.

use crate::backend::{P, V, t};
use crate::{ListDelta, PartyResult, Result, Store, StoredParty, now};

impl Store {
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
}
