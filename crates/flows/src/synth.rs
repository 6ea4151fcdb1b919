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

/// What a realistic panel holds: many origins of different sizes, many small destinations,
/// monthly noise and seasonality, shocks common to an origin's month and to a product's
/// month, sparse small cells, and a re-routing effect of known size from a given month.
#[derive(Debug, Clone)]
pub struct PanelSpec {
    pub seed: u64,
    /// Reporting origins (their sizes are drawn lognormal, σ 1.2).
    pub origins: Vec<String>,
    /// Destinations the controls aim at.
    pub targets: Vec<String>,
    /// Intermediaries the effect runs through.
    pub intermediaries: Vec<String>,
    /// Other destinations (none: a panel of the targets and intermediaries only).
    pub others: Vec<String>,
    /// Controlled goods (HS6).
    pub controlled: Vec<String>,
    /// Comparable goods outside the controls (HS6; none: a panel without a control basket).
    pub control: Vec<String>,
    /// First month (`YYYY-MM`) and number of months.
    pub first: String,
    pub months: i32,
    /// The month the effect starts (`YYYY-MM`).
    pub rule: String,
    /// Log effect on controlled goods to intermediaries from the rule on (`β_I`).
    pub beta: f64,
    /// Log effect on controlled goods to the targets (`β_G`, negative for a fall).
    pub beta_targets: f64,
    /// Standard deviation of the monthly log noise of a large cell (small cells get more).
    pub noise: f64,
}

impl PanelSpec {
    /// A panel like EU member states' exports to Russia, Belarus and their neighbours,
    /// 2019-01 to 2022-11, with 30 other destinations and a control basket.
    pub fn roundabout(seed: u64, beta: f64) -> Self {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        PanelSpec {
            seed,
            origins: s(&[
                "DE", "NL", "FR", "IT", "PL", "BE", "CZ", "AT", "SE", "ES", "FI", "DK", "LT", "HU",
                "SK", "IE", "EE", "LV", "SI", "PT",
            ]),
            targets: s(&["RU", "BY"]),
            intermediaries: s(&["AM", "KG", "KZ", "GE", "UZ"]),
            others: s(&[
                "US", "CN", "GB", "CH", "TR", "JP", "KR", "IN", "AE", "SA", "IL", "EG", "MA", "ZA",
                "BR", "MX", "CA", "AU", "NO", "RS", "UA", "MD", "AZ", "TN", "SG", "MY", "TH", "VN",
                "HK", "TW",
            ]),
            controlled: s(&["847150", "847180", "847330", "854231", "854232", "854239"]),
            control: s(&["847130", "852852", "851713", "850440"]),
            first: "2019-01".into(),
            months: 47,
            rule: "2022-03".into(),
            beta,
            beta_targets: if beta == 0.0 { 0.0 } else { -1.5 },
            noise: 0.3,
        }
    }
}

impl SplitMix64 {
    /// A standard normal draw (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-300);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// Monthly export records of a [`PanelSpec`] panel, in the canonical schema.
pub fn panel(spec: &PanelSpec) -> Vec<chipwatch_model::trade::TradeRecord> {
    use chipwatch_model::period::TradePeriod;
    use chipwatch_model::trade::{Flow, TradeRecord};
    let mut rng = SplitMix64::new(spec.seed.wrapping_mul(0x9E37_79B9).wrapping_add(17));
    let start = crate::did::month_index(&spec.first).unwrap_or(2019 * 12);
    let rule = crate::did::month_index(&spec.rule).unwrap_or(start + spec.months / 2);
    let size: Vec<f64> = spec
        .origins
        .iter()
        .map(|_| (1.2 * rng.normal()).exp())
        .collect();
    let dests: Vec<(&String, u8)> = spec
        .targets
        .iter()
        .map(|d| (d, 0u8))
        .chain(spec.intermediaries.iter().map(|d| (d, 1u8)))
        .chain(spec.others.iter().map(|d| (d, 2u8)))
        .collect();
    // Targets are large partners, intermediaries small, others in between and varied.
    let pull: Vec<f64> = dests
        .iter()
        .map(|(_, k)| match k {
            0 => (1.5 + 0.3 * rng.normal()).exp(),
            1 => (-2.0 + 0.8 * rng.normal()).exp(),
            _ => (-0.5 + 1.0 * rng.normal()).exp(),
        })
        .collect();
    let products: Vec<(&String, bool)> = spec
        .controlled
        .iter()
        .map(|p| (p, true))
        .chain(spec.control.iter().map(|p| (p, false)))
        .collect();
    let weight: Vec<f64> = products
        .iter()
        .map(|_| (0.7 * rng.normal()).exp())
        .collect();
    let season: Vec<f64> = (0..12)
        .map(|m| 0.15 * ((m as f64) * std::f64::consts::TAU / 12.0).cos())
        .collect();
    let origin_month: Vec<Vec<f64>> = spec
        .origins
        .iter()
        .map(|_| (0..spec.months).map(|_| 0.08 * rng.normal()).collect())
        .collect();
    let product_month: Vec<Vec<f64>> = products
        .iter()
        .map(|_| (0..spec.months).map(|_| 0.08 * rng.normal()).collect())
        .collect();
    let mut out = Vec::new();
    for (oi, o) in spec.origins.iter().enumerate() {
        for (di, (d, kind)) in dests.iter().enumerate() {
            if *d == o {
                continue;
            }
            for (pi, (p, controlled)) in products.iter().enumerate() {
                // Monthly value of the cell in USD: a large cell is ~ $20m a month.
                let scale = 2e6 * size[oi] * pull[di] * weight[pi] * (0.5 * rng.normal()).exp();
                // Small cells are noisier and skip months.
                let noise = spec.noise * (1.0 + (2e6 / scale.max(1.0)).ln().max(0.0) * 0.15);
                let skip = (0.4 - 0.05 * (scale / 1e4).max(1.0).ln()).clamp(0.0, 0.6);
                let trend = 0.003 * rng.normal();
                for t in 0..spec.months {
                    let m = start + t;
                    if rng.unit() < skip {
                        continue;
                    }
                    let after = m >= rule;
                    let effect = match (controlled, kind, after) {
                        (true, 1, true) => spec.beta,
                        (true, 0, true) => spec.beta_targets,
                        _ => 0.0,
                    };
                    let log = scale.ln()
                        + trend * f64::from(t)
                        + season[m.rem_euclid(12) as usize]
                        + origin_month[oi][t as usize]
                        + product_month[pi][t as usize]
                        + effect
                        + noise * rng.normal();
                    let y = m.div_euclid(12);
                    let mo = m.rem_euclid(12) + 1;
                    out.push(TradeRecord {
                        period: TradePeriod::parse(&format!("{y}-{mo:02}")).expect("a month"),
                        reporter: o.clone(),
                        partner: (*d).clone(),
                        flow: Flow::Export,
                        hs_code: (*p).clone(),
                        value_usd: log.exp().round(),
                        quantity: None,
                        unit: None,
                        preliminary: false,
                        source: Some(format!("chipwatch synthetic panel, seed {}", spec.seed)),
                    });
                }
            }
        }
    }
    out
}
