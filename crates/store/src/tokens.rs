//! API tokens: stored as hashes, each with a role.

use crate::backend::{P, t};
use crate::{Principal, Result, Role, Store, StoreError, now, sha256_hex};

impl Store {
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
}
