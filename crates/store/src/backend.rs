//! The back ends behind one trait. SQL is written once, with `$1, $2, ...` placeholders in
//! order of first use (SQLite reads them as numbered parameters too) and `RETURNING id` for new
//! rows; only the types of keys and numbers are spelled per back end ([`Db::types`]). A third
//! back end implements [`Db`] and nothing else changes.

use crate::{Result, StoreError};

/// A query parameter.
#[derive(Debug, Clone)]
pub(crate) enum P {
    I(i64),
    OI(Option<i64>),
    R(f64),
    T(String),
    OT(Option<String>),
}

pub(crate) fn t(s: &str) -> P {
    P::T(s.to_string())
}

/// A value read back.
#[derive(Debug, Clone)]
pub(crate) enum V {
    Null,
    I(i64),
    R(f64),
    T(String),
}

impl V {
    pub(crate) fn i(&self) -> i64 {
        match self {
            V::I(i) => *i,
            V::R(r) => *r as i64,
            _ => 0,
        }
    }
    pub(crate) fn oi(&self) -> Option<i64> {
        match self {
            V::Null => None,
            v => Some(v.i()),
        }
    }
    pub(crate) fn r(&self) -> f64 {
        match self {
            V::R(r) => *r,
            V::I(i) => *i as f64,
            _ => 0.0,
        }
    }
    pub(crate) fn t(&self) -> String {
        match self {
            V::T(s) => s.clone(),
            V::I(i) => i.to_string(),
            V::R(r) => r.to_string(),
            V::Null => String::new(),
        }
    }
}

/// What the store needs of a database.
pub(crate) trait Db: Send {
    /// `sqlite`, `postgresql`.
    fn name(&self) -> &'static str;
    /// How the schema spells an auto-numbered key, an integer and a real.
    fn types(&self) -> (&'static str, &'static str, &'static str);
    /// Whether calls must run on a thread of their own (a client that drives its own runtime
    /// must not be called from a thread that runs async tasks).
    fn own_thread(&self) -> bool {
        false
    }
    fn batch(&mut self, sql: &str) -> Result<()>;
    fn exec(&mut self, sql: &str, params: &[P]) -> Result<u64>;
    fn query(&mut self, sql: &str, params: &[P]) -> Result<Vec<Vec<V>>>;
    /// One statement, prepared once, for many rows of parameters.
    fn exec_many(&mut self, sql: &str, rows: &[Vec<P>]) -> Result<u64>;
}

/// The store's calls go through this.
pub(crate) type Backend = dyn Db + 'static;

impl dyn Db {
    pub(crate) fn one(&mut self, sql: &str, params: &[P]) -> Result<Option<Vec<V>>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Run `f` in a transaction: committed if it returns Ok, rolled back otherwise.
    pub(crate) fn tx<T>(&mut self, f: impl FnOnce(&mut Backend) -> Result<T>) -> Result<T> {
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

/// SQLite, embedded.
pub(crate) struct Sqlite(pub(crate) rusqlite::Connection);

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

impl Db for Sqlite {
    fn name(&self) -> &'static str {
        "sqlite"
    }

    fn types(&self) -> (&'static str, &'static str, &'static str) {
        ("INTEGER PRIMARY KEY", "INTEGER", "REAL")
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.0.execute_batch(sql)?)
    }

    fn exec(&mut self, sql: &str, params: &[P]) -> Result<u64> {
        Ok(self
            .0
            .execute(sql, rusqlite::params_from_iter(params.iter().map(lite)))? as u64)
    }

    fn query(&mut self, sql: &str, params: &[P]) -> Result<Vec<Vec<V>>> {
        let mut st = self.0.prepare_cached(sql)?;
        let n = st.column_count();
        let rows = st.query_map(rusqlite::params_from_iter(params.iter().map(lite)), |row| {
            (0..n)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => V::Null,
                        rusqlite::types::ValueRef::Integer(i) => V::I(i),
                        rusqlite::types::ValueRef::Real(r) => V::R(r),
                        rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                            V::T(String::from_utf8_lossy(t).into_owned())
                        }
                    })
                })
                .collect::<rusqlite::Result<Vec<V>>>()
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn exec_many(&mut self, sql: &str, rows: &[Vec<P>]) -> Result<u64> {
        let mut st = self.0.prepare_cached(sql)?;
        let mut n = 0;
        for r in rows {
            n += st.execute(rusqlite::params_from_iter(r.iter().map(lite)))? as u64;
        }
        Ok(n)
    }
}

/// PostgreSQL, for teams.
pub(crate) struct Postgres(pub(crate) Box<postgres::Client>);

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

impl Db for Postgres {
    fn name(&self) -> &'static str {
        "postgresql"
    }

    fn types(&self) -> (&'static str, &'static str, &'static str) {
        ("BIGSERIAL PRIMARY KEY", "BIGINT", "DOUBLE PRECISION")
    }

    fn own_thread(&self) -> bool {
        true
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.0.batch_execute(sql)?)
    }

    fn exec(&mut self, sql: &str, params: &[P]) -> Result<u64> {
        let owned = pg_params(params);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            owned.iter().map(|b| b.as_ref()).collect();
        Ok(self.0.execute(sql, &refs)?)
    }

    fn query(&mut self, sql: &str, params: &[P]) -> Result<Vec<Vec<V>>> {
        let owned = pg_params(params);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            owned.iter().map(|b| b.as_ref()).collect();
        let rows = self.0.query(sql, &refs)?;
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

    fn exec_many(&mut self, sql: &str, rows: &[Vec<P>]) -> Result<u64> {
        let st = self.0.prepare(sql)?;
        let mut n = 0;
        for r in rows {
            let owned = pg_params(r);
            let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                owned.iter().map(|b| b.as_ref()).collect();
            n += self.0.execute(&st, &refs)?;
        }
        Ok(n)
    }
}
