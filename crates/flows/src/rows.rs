//! Reading query results by column name, for turning result rows into findings.

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Date32Type, Float64Type, Int32Type, Int64Type};
use datafusion::prelude::SessionContext;

use crate::FlowsError;

/// A recorded statement and, for queries, how many rows it returned.
pub type Recorded = (String, Option<usize>);

static LOG: std::sync::Mutex<Option<Vec<Recorded>>> = std::sync::Mutex::new(None);

/// Start recording every SQL statement the engine and its detectors run (benchmarks replay
/// them on another engine); [`take_recorded`] returns them and stops recording.
pub fn record_queries() {
    *LOG.lock().unwrap_or_else(|e| e.into_inner()) = Some(Vec::new());
}

/// The statements recorded since [`record_queries`], in order.
pub fn take_recorded() -> Vec<Recorded> {
    LOG.lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .unwrap_or_default()
}

/// Record a statement that the engine ran by other means (such as writing a table to
/// Parquet), in the SQL another engine would use for it.
pub fn record(sql: &str) {
    if let Some(log) = LOG.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        log.push((sql.to_string(), None));
    }
}

/// Plan `sql` on `ctx`, recording it when recording is on.
pub async fn sql(
    ctx: &SessionContext,
    sql: &str,
) -> Result<datafusion::dataframe::DataFrame, FlowsError> {
    if let Some(log) = LOG.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        log.push((sql.to_string(), None));
    }
    if std::env::var_os("CHIPWATCH_LOG_SQL").is_some() {
        eprintln!(
            "chipwatch sql: {}",
            sql.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    Ok(ctx.sql(sql).await?)
}

/// The result of a query, row by row.
pub struct Rows {
    batches: Vec<RecordBatch>,
    /// (batch, row) for each row.
    index: Vec<(usize, usize)>,
}

impl Rows {
    /// Run `sql` and collect its result.
    pub async fn query(ctx: &SessionContext, sql: &str) -> Result<Rows, FlowsError> {
        let batches = self::sql(ctx, sql).await?.collect().await?;
        let rows = Rows::from_batches(batches);
        if let Some(log) = LOG.lock().unwrap_or_else(|e| e.into_inner()).as_mut()
            && let Some(last) = log.iter_mut().rev().find(|(s, _)| s == sql)
        {
            last.1 = Some(rows.len());
        }
        Ok(rows)
    }

    pub fn from_batches(batches: Vec<RecordBatch>) -> Rows {
        let index = batches
            .iter()
            .enumerate()
            .flat_map(|(b, batch)| (0..batch.num_rows()).map(move |r| (b, r)))
            .collect();
        Rows { batches, index }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = RowRef<'_>> {
        self.index.iter().map(|&(b, r)| RowRef {
            batch: &self.batches[b],
            row: r,
        })
    }
}

/// One result row.
#[derive(Clone, Copy)]
pub struct RowRef<'a> {
    batch: &'a RecordBatch,
    row: usize,
}

impl<'a> RowRef<'a> {
    fn column(&self, name: &str) -> &'a dyn Array {
        self.batch
            .column_by_name(name)
            .unwrap_or_else(|| {
                panic!("query result has column `{name}`: the detector's SQL names it")
            })
            .as_ref()
    }

    /// A text value; `None` for NULL.
    pub fn str(&self, name: &str) -> Option<&'a str> {
        let col = self.column(name);
        if col.is_null(self.row) {
            return None;
        }
        match col.data_type() {
            DataType::Utf8 => Some(col.as_string::<i32>().value(self.row)),
            DataType::LargeUtf8 => Some(col.as_string::<i64>().value(self.row)),
            DataType::Utf8View => Some(col.as_string_view().value(self.row)),
            other => panic!("column `{name}` is text in the detector's SQL, found {other}"),
        }
    }

    /// A text value the SQL guarantees is not NULL.
    pub fn text(&self, name: &str) -> String {
        self.str(name).unwrap_or_default().to_string()
    }

    /// A number; `None` for NULL. Integer columns are widened.
    pub fn f64(&self, name: &str) -> Option<f64> {
        let col = self.column(name);
        if col.is_null(self.row) {
            return None;
        }
        Some(match col.data_type() {
            DataType::Float64 => col.as_primitive::<Float64Type>().value(self.row),
            DataType::Int64 => col.as_primitive::<Int64Type>().value(self.row) as f64,
            DataType::Int32 => f64::from(col.as_primitive::<Int32Type>().value(self.row)),
            other => panic!("column `{name}` is numeric in the detector's SQL, found {other}"),
        })
    }

    /// A number the SQL guarantees is not NULL.
    pub fn num(&self, name: &str) -> f64 {
        self.f64(name).unwrap_or(f64::NAN)
    }

    pub fn i64(&self, name: &str) -> Option<i64> {
        self.f64(name).map(|v| v as i64)
    }

    /// A date; `None` for NULL.
    pub fn date(&self, name: &str) -> Option<chrono::NaiveDate> {
        let col = self.column(name);
        if col.is_null(self.row) {
            return None;
        }
        let days = col.as_primitive::<Date32Type>().value(self.row);
        chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|e| e.checked_add_signed(chrono::Duration::days(i64::from(days))))
    }

    /// A verification status column; a missing or unknown status reads as unverified.
    pub fn status(&self, name: &str) -> chipwatch_model::status::Status {
        use chipwatch_model::status::Status;
        self.str(name)
            .and_then(Status::parse)
            .unwrap_or(Status::Unverified)
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        let col = self.column(name);
        if col.is_null(self.row) {
            return None;
        }
        Some(col.as_boolean().value(self.row))
    }
}
