//! Monthly exchange rates, bundled (`data/flows/fx_monthly.csv`): US dollars per unit of a
//! currency, the mean of the European Central Bank's daily euro reference rates in each month
//! (other currencies crossed through the euro), 2010-01 onwards. Trade readers convert values
//! given in euros (Eurostat Comext) with them and name the rate in each row's source.
//!
//! ```
//! let fx = chipwatch_model::fx::FxTable::bundled();
//! let r = fx.usd_per("EUR", 2022, 3).unwrap();
//! assert!((r - 1.10).abs() < 0.01);
//! ```

use std::collections::BTreeMap;

use crate::period::TradePeriod;

/// Where the bundled rates come from.
pub const SOURCE: &str = "ECB euro reference rates, monthly mean of daily rates";

/// USD per unit of each currency, by month.
#[derive(Debug, Clone, Default)]
pub struct FxTable {
    rates: BTreeMap<(String, i32, u8), f64>,
}

impl FxTable {
    /// The bundled table.
    pub fn bundled() -> FxTable {
        static TABLE: std::sync::OnceLock<FxTable> = std::sync::OnceLock::new();
        TABLE
            .get_or_init(|| {
                FxTable::parse(include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../data/flows/fx_monthly.csv"
                )))
                .expect("the bundled rates are valid")
            })
            .clone()
    }

    /// Read `month,currency,usd_per_unit,...` CSV text.
    pub fn parse(text: &str) -> Result<FxTable, String> {
        let mut rates = BTreeMap::new();
        for (i, line) in text.lines().enumerate().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let bad = || format!("fx_monthly.csv:{}: not month,currency,usd_per_unit", i + 1);
            if f.len() < 3 {
                return Err(bad());
            }
            let y: i32 = f[0]
                .get(0..4)
                .and_then(|s| s.parse().ok())
                .ok_or_else(bad)?;
            let m: u8 = f[0]
                .get(5..7)
                .and_then(|s| s.parse().ok())
                .ok_or_else(bad)?;
            let r: f64 = f[2]
                .parse()
                .ok()
                .filter(|r: &f64| *r > 0.0)
                .ok_or_else(bad)?;
            rates.insert((f[1].to_string(), y, m), r);
        }
        Ok(FxTable { rates })
    }

    /// USD per unit of `currency` in a month.
    pub fn usd_per(&self, currency: &str, year: i32, month: u8) -> Option<f64> {
        if currency.eq_ignore_ascii_case("USD") {
            return Some(1.0);
        }
        self.rates
            .get(&(currency.to_ascii_uppercase(), year, month))
            .copied()
    }

    /// USD per unit over a trade period: the mean of its months' rates (every month needed).
    pub fn usd_per_period(&self, currency: &str, p: &TradePeriod) -> Option<f64> {
        let (mut y, mut m) = (p.start.year, p.start.month);
        let mut sum = 0.0;
        for _ in 0..p.months.max(1) {
            sum += self.usd_per(currency, y, m)?;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
        Some(sum / f64::from(p.months.max(1)))
    }

    /// The months the table covers for a currency, as `YYYY-MM..YYYY-MM`.
    pub fn coverage(&self, currency: &str) -> String {
        let months: Vec<(i32, u8)> = self
            .rates
            .keys()
            .filter(|(c, _, _)| c == currency)
            .map(|(_, y, m)| (*y, *m))
            .collect();
        match (months.first(), months.last()) {
            (Some(a), Some(b)) => format!("{}-{:02}..{}-{:02}", a.0, a.1, b.0, b.1),
            _ => "no months".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_and_yearly_rates() {
        let fx = FxTable::bundled();
        assert!((fx.usd_per("EUR", 2022, 9).unwrap() - 0.99).abs() < 0.02);
        let y = fx
            .usd_per_period("EUR", &TradePeriod::parse("2021").unwrap())
            .unwrap();
        assert!((y - 1.18).abs() < 0.01, "{y}");
        assert!(fx.usd_per("EUR", 2009, 1).is_none());
        assert_eq!(fx.usd_per("usd", 1990, 1), Some(1.0));
        assert!(fx.coverage("EUR").starts_with("2010-01.."));
    }
}
