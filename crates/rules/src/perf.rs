//! Total processing performance (TPP) and performance density (PD), as 3A090 defines them.
//!
//! "TPP is 2 × MacTOPS × bit length of the operation, aggregated over all processing
//! units"; vendor datasheet TOPS/TFLOPS already count two operations per MAC, so TPP is
//! dense throughput × bit length, maximised over precisions, never summed across them and
//! never with sparsity (88 FR 73458). H100 SXM: FP8 1,979 × 8 = 15,832. PD is TPP ÷
//! applicable die area (mm²).

use std::fmt;

use serde::Serialize;

/// A numeric precision and its bit length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Precision {
    FP4,
    FP6,
    FP8,
    INT4,
    INT8,
    FP16,
    BF16,
    TF32,
    FP32,
    FP64,
}

impl Precision {
    pub fn parse(s: &str) -> Option<Precision> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "FP4" => Precision::FP4,
            "FP6" => Precision::FP6,
            "FP8" => Precision::FP8,
            "INT4" => Precision::INT4,
            "INT8" => Precision::INT8,
            "FP16" => Precision::FP16,
            "BF16" => Precision::BF16,
            "TF32" => Precision::TF32,
            "FP32" => Precision::FP32,
            "FP64" => Precision::FP64,
            _ => return None,
        })
    }
    /// Bit length of the operation: the width of the multiply inputs (TF32 is counted at 32).
    pub fn bits(self) -> u32 {
        match self {
            Precision::FP4 | Precision::INT4 => 4,
            Precision::FP6 => 6,
            Precision::FP8 | Precision::INT8 => 8,
            Precision::FP16 | Precision::BF16 => 16,
            Precision::TF32 | Precision::FP32 => 32,
            Precision::FP64 => 64,
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// Dense throughput at one precision, in TOPS or TFLOPS.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Throughput {
    pub precision: Precision,
    pub tops: f64,
}

impl Throughput {
    /// Parse `FP8:1979`.
    pub fn parse(s: &str) -> Result<Throughput, String> {
        let (p, v) = s
            .split_once(':')
            .ok_or_else(|| format!("`{s}` is not PRECISION:TOPS (e.g. FP8:1979)"))?;
        let precision =
            Precision::parse(p).ok_or_else(|| format!("`{p}` is not a known precision"))?;
        let tops: f64 = v
            .trim()
            .parse()
            .ok()
            .filter(|t: &f64| t.is_finite() && *t > 0.0)
            .ok_or_else(|| format!("`{v}` is not a positive throughput"))?;
        Ok(Throughput { precision, tops })
    }

    /// TPP at this precision: dense TOPS × bit length.
    pub fn tpp(&self) -> f64 {
        self.tops * f64::from(self.precision.bits())
    }
}

/// Performance density: TPP per mm² of applicable die area.
pub fn performance_density(tpp: f64, die_area_mm2: f64) -> f64 {
    tpp / die_area_mm2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tpp_is_dense_throughput_times_bit_length() {
        assert_eq!(Throughput::parse("FP8:1979").unwrap().tpp(), 15832.0);
        assert_eq!(Throughput::parse("FP8:296").unwrap().tpp(), 2368.0);
        assert_eq!(Throughput::parse("INT8:600").unwrap().tpp(), 4800.0);
        assert_eq!(Throughput::parse("FP16:300").unwrap().tpp(), 4800.0);
        assert!(Throughput::parse("FP7:1").is_err());
        assert!(Throughput::parse("FP8:-1").is_err());
    }
}
