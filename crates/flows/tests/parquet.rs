//! Trade statistics from Parquet in the canonical schema: read, checked, quarantined.

use std::sync::Arc;

use chipwatch_flows::{EngineConfig, FlowsEngine, SqlOutput, synth};
use chipwatch_model::dataset::{Dataset, OnInvalid};
use datafusion::arrow::array::{Float64Array, RecordBatch, StringArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::parquet::arrow::ArrowWriter;

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn write(path: &std::path::Path, cols: Vec<(&str, Vec<&str>)>, values: Vec<f64>) {
    let mut fields: Vec<Field> = cols
        .iter()
        .map(|(n, _)| Field::new(*n, DataType::Utf8, false))
        .collect();
    fields.push(Field::new("value_usd", DataType::Float64, false));
    let schema = Arc::new(Schema::new(fields));
    let mut arrays: Vec<Arc<dyn datafusion::arrow::array::Array>> = cols
        .into_iter()
        .map(|(_, v)| Arc::new(StringArray::from(v)) as _)
        .collect();
    arrays.push(Arc::new(Float64Array::from(values)));
    let batch = RecordBatch::try_new(schema.clone(), arrays).unwrap();
    let mut w = ArrowWriter::try_new(std::fs::File::create(path).unwrap(), schema, None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
}

fn empty_dataset() -> Dataset {
    Dataset::default()
}

#[test]
fn a_generated_parquet_table_loads_and_is_queryable() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.parquet");
    synth::write_trade_parquet(&p, 5_000, 7).unwrap();
    rt().block_on(async {
        let mut e = FlowsEngine::new(&EngineConfig::default()).unwrap();
        let load = e
            .load(&empty_dataset(), &[p], OnInvalid::Fail)
            .await
            .unwrap();
        assert_eq!(load.parquet_rows, 5_000);
        let out = e
            .sql(
                "SELECT COUNT(*) AS n, MIN(months) AS m FROM trade",
                SqlOutput::Json,
            )
            .await
            .unwrap();
        assert!(
            out.contains("\"n\":5000") && out.contains("\"m\":1"),
            "{out}"
        );
        // All detectors run on it.
        let sections = e.run().await.unwrap();
        assert!(sections.iter().any(|s| s.id == "trade"));
    });
}

#[test]
fn parquet_rows_that_break_rules_are_refused_or_quarantined() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.parquet");
    write(
        &p,
        vec![
            ("period", vec!["2024", "2024-13", "2024"]),
            ("reporter", vec!["TW", "TW", "TW"]),
            ("partner", vec!["SG", "SG", "ZZ"]),
            ("flow", vec!["export", "export", "export"]),
            ("hs_code", vec!["854231", "854231", "854231"]),
        ],
        vec![1.0, 2.0, 3.0],
    );
    rt().block_on(async {
        let mut e = FlowsEngine::new(&EngineConfig::default()).unwrap();
        let err = e
            .load(&empty_dataset(), std::slice::from_ref(&p), OnInvalid::Fail)
            .await
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.contains("bad.parquet")
                && err.contains("trade.period")
                && err.contains("trade.partner"),
            "{err}"
        );
        let mut e = FlowsEngine::new(&EngineConfig::default()).unwrap();
        let load = e
            .load(&empty_dataset(), &[p], OnInvalid::Quarantine)
            .await
            .unwrap();
        assert_eq!((load.parquet_rows, load.rejected.len()), (1, 2));
        let out = e
            .sql("SELECT COUNT(*) AS n FROM trade", SqlOutput::Json)
            .await
            .unwrap();
        assert!(out.contains("\"n\":1"), "{out}");
    });
}

#[test]
fn a_parquet_file_without_a_required_column_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nohs.parquet");
    write(
        &p,
        vec![
            ("period", vec!["2024"]),
            ("reporter", vec!["TW"]),
            ("partner", vec!["SG"]),
            ("flow", vec!["export"]),
        ],
        vec![1.0],
    );
    rt().block_on(async {
        let mut e = FlowsEngine::new(&EngineConfig::default()).unwrap();
        let err = e
            .load(&empty_dataset(), &[p], OnInvalid::Fail)
            .await
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("missing required column `hs_code`"), "{err}");
    });
}
