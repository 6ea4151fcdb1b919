//! Ledgers in Parquet: every column read as text (numbers, dates, booleans written out; lists
//! such as a route joined with `;`) and checked like CSV rows. Errors name the row number
//! where a CSV error names the line.

use std::path::Path;

use arrow_array::{Array, ArrayRef, GenericListArray, OffsetSizeTrait};
use arrow_cast::display::{ArrayFormatter, FormatOptions};
use arrow_schema::DataType;
use chipwatch_model::InputError;
use chipwatch_model::input::{CsvInput, Loaded};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::ledger::{COLUMNS, Order, read_input};

fn cell(array: &ArrayRef, row: usize) -> Result<String, String> {
    if array.is_null(row) {
        return Ok(String::new());
    }
    match array.data_type() {
        DataType::List(_) => list_cell(
            array
                .as_any()
                .downcast_ref::<GenericListArray<i32>>()
                .ok_or("list column")?,
            row,
        ),
        DataType::LargeList(_) => list_cell(
            array
                .as_any()
                .downcast_ref::<GenericListArray<i64>>()
                .ok_or("list column")?,
            row,
        ),
        _ => {
            let f = ArrayFormatter::try_new(array.as_ref(), &FormatOptions::default())
                .map_err(|e| e.to_string())?;
            Ok(f.value(row).to_string())
        }
    }
}

fn list_cell<O: OffsetSizeTrait>(a: &GenericListArray<O>, row: usize) -> Result<String, String> {
    let values = a.value(row);
    (0..values.len())
        .map(|i| cell(&values, i))
        .collect::<Result<Vec<_>, _>>()
        .map(|v| v.join(";"))
}

/// Read a ledger from Parquet.
pub fn read_ledger_parquet(path: &Path) -> Result<Loaded<Order>, InputError> {
    let file = path.display().to_string();
    let bad = |message: String| InputError::Invalid {
        file: file.clone(),
        message,
    };
    let f = std::fs::File::open(path).map_err(|source| InputError::Io {
        file: file.clone(),
        source,
    })?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(f)
        .map_err(|e| bad(format!("not a Parquet file: {e}")))?;
    let header: Vec<String> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().trim().to_ascii_lowercase())
        .collect();
    let reader = builder
        .build()
        .map_err(|e| bad(format!("cannot read: {e}")))?;
    let mut records = Vec::new();
    let mut row_no = 0u64;
    for batch in reader {
        let batch = batch.map_err(|e| bad(format!("after row {row_no}: {e}")))?;
        for r in 0..batch.num_rows() {
            row_no += 1;
            let mut rec = csv::StringRecord::new();
            for (c, col) in batch.columns().iter().enumerate() {
                let v = cell(col, r)
                    .map_err(|e| bad(format!("row {row_no}, column `{}`: {e}", header[c])))?;
                rec.push_field(&v);
            }
            let mut pos = csv::Position::new();
            pos.set_line(row_no);
            rec.set_position(Some(pos));
            records.push(rec);
        }
    }
    read_input(CsvInput::from_records(&file, header, records, COLUMNS)?)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::builder::{ListBuilder, StringBuilder};
    use arrow_array::{BooleanArray, Int64Array, RecordBatch, StringArray};
    use parquet::arrow::ArrowWriter;

    use super::*;

    #[test]
    fn a_parquet_ledger_reads_with_row_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("l.parquet");
        let mut route = ListBuilder::new(StringBuilder::new());
        for r in [vec!["US", "HK", "SG"], vec![]] {
            for c in r {
                route.values().append_value(c);
            }
            route.append(true);
        }
        let batch = RecordBatch::try_from_iter(vec![
            (
                "order_id",
                Arc::new(StringArray::from(vec!["P1", "P2"])) as ArrayRef,
            ),
            (
                "order_date",
                Arc::new(StringArray::from(vec!["2024-03-01", "2024-03-02"])) as ArrayRef,
            ),
            (
                "item",
                Arc::new(StringArray::from(vec!["HGX-H100-8GPU", "H100"])) as ArrayRef,
            ),
            (
                "quantity",
                Arc::new(Int64Array::from(vec![4, -2])) as ArrayRef,
            ),
            (
                "ship_to_country",
                Arc::new(StringArray::from(vec!["SG", "SG"])) as ArrayRef,
            ),
            (
                "installation_declined",
                Arc::new(BooleanArray::from(vec![true, false])) as ArrayRef,
            ),
            ("route", Arc::new(route.finish()) as ArrayRef),
        ])
        .unwrap();
        let mut w =
            ArrowWriter::try_new(std::fs::File::create(&p).unwrap(), batch.schema(), None).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
        let l = crate::ledger::read_ledger(&p).unwrap();
        assert_eq!(l.records.len(), 1);
        let o = &l.records[0];
        assert_eq!(o.chips(), 32);
        assert_eq!(o.route, vec!["US", "HK", "SG"]);
        assert_eq!(o.installation_declined, Some(true));
        let e = l.rejected[0].error.to_string();
        assert!(e.contains("l.parquet:2: column `quantity`"), "{e}");
    }
}
