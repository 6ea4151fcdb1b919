//! Synthetic trade tables in the canonical schema, for benchmarks and tests of scale.
//!
//! The generator is deterministic (a seeded SplitMix64), writes Parquet in row groups so
//! memory stays flat however many rows are asked for, and plants nothing: it is load, not
//! a labelled case.

use std::path::Path;
use std::sync::Arc;

use datafusion::arrow::array::{BooleanArray, Float64Array, RecordBatch, StringArray};
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::basic::Compression;
use datafusion::parquet::file::properties::WriterProperties;

use crate::{FlowsError, tables};

const REPORTERS: &[&str] = &[
    "TW", "US", "KR", "JP", "CN", "MY", "SG", "DE", "NL", "MX", "VN", "TH", "PH", "IN", "FR", "GB",
    "IL", "IE", "CA", "AU",
];
const PARTNERS: &[&str] = &[
    "SG", "MY", "TH", "VN", "PH", "ID", "HK", "CN", "US", "MX", "JP", "KR", "DE", "NL", "IN", "AE",
    "SA", "TR", "GB", "FR", "IT", "ES", "PL", "CZ", "HU", "IE", "IL", "CA", "BR", "AU", "NZ", "ZA",
    "EG", "KZ", "KG", "AM", "GE", "UZ", "RU", "BY", "PK", "BD", "LK", "KH", "LA", "MM", "MO", "TW",
    "CH", "SE",
];
const HS: &[&str] = &[
    "854231", "854232", "854233", "854239", "847150", "847180", "847330", "851762", "847130",
    "851713",
];

/// A small, fast, seeded generator (SplitMix64).
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Write `rows` monthly trade rows (2017-01 to 2025-12) to a Parquet file.
pub fn write_trade_parquet(path: &Path, rows: usize, seed: u64) -> Result<(), FlowsError> {
    let file = std::fs::File::create(path).map_err(|e| FlowsError::Input {
        file: path.display().to_string(),
        message: format!("cannot create: {e}"),
    })?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(1 << 20))
        .build();
    let schema = tables::trade_schema();
    let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props))
        .map_err(datafusion::error::DataFusionError::from)?;
    let mut rng = SplitMix64::new(seed);
    let chunk = 1 << 18;
    let months: Vec<String> = (2017..=2025)
        .flat_map(|y| (1..=12).map(move |m| format!("{y:04}-{m:02}")))
        .collect();
    let mut written = 0;
    while written < rows {
        let n = chunk.min(rows - written);
        let mut period = Vec::with_capacity(n);
        let mut reporter = Vec::with_capacity(n);
        let mut partner = Vec::with_capacity(n);
        let mut flow = Vec::with_capacity(n);
        let mut hs = Vec::with_capacity(n);
        let mut value = Vec::with_capacity(n);
        let mut qty = Vec::with_capacity(n);
        for _ in 0..n {
            period.push(months[rng.below(months.len())].as_str());
            let r = REPORTERS[rng.below(REPORTERS.len())];
            let mut p = PARTNERS[rng.below(PARTNERS.len())];
            if p == r {
                p = "XX";
            }
            reporter.push(r);
            partner.push(p);
            flow.push(if rng.unit() < 0.7 { "export" } else { "import" });
            hs.push(HS[rng.below(HS.len())]);
            // Log-uniform values between $1k and $100m.
            value.push(10f64.powf(3.0 + 5.0 * rng.unit()).round());
            qty.push(Some((rng.unit() * 10_000.0).round()));
        }
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(StringArray::from(period)),
                Arc::new(StringArray::from(reporter)),
                Arc::new(StringArray::from(partner)),
                Arc::new(StringArray::from(flow)),
                Arc::new(StringArray::from(hs)),
                Arc::new(Float64Array::from(value)),
                Arc::new(Float64Array::from(qty)),
                Arc::new(StringArray::from(vec![Some("u"); n])),
                Arc::new(BooleanArray::from(vec![false; n])),
            ],
        )?;
        writer
            .write(&batch)
            .map_err(datafusion::error::DataFusionError::from)?;
        written += n;
    }
    writer
        .close()
        .map_err(datafusion::error::DataFusionError::from)?;
    Ok(())
}
