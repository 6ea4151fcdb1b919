//! Periods: the fiscal periods of company filings and the calendar periods of trade data.
//!
//! Growth is only meaningful between periods of the same length: a quarter against a full
//! fiscal year inflates growth fourfold. Both period kinds therefore carry their length in
//! months, and analytics compare like with like (or annualise and say so).

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// A company fiscal period such as `FY2025`, `Q3FY2024` or `9MFY2024`, ending on a known date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FiscalPeriod {
    pub label: String,
    pub fiscal_year: i32,
    /// Length in months: 12 for a year, 3 for a quarter, 6 for a half, N for `NM`.
    pub months: u8,
    pub end: NaiveDate,
}

impl FiscalPeriod {
    /// Parse a label (`FY2025`, `Q3FY2024`, `H1FY2025`, `9MFY2024`) that ends on `end`.
    pub fn parse(label: &str, end: NaiveDate) -> Result<Self, String> {
        let t = label
            .trim()
            .to_ascii_uppercase()
            .replace([' ', '-', '_'], "");
        let Some(pos) = t.find("FY") else {
            return Err(
                "expected a fiscal period like FY2025, Q3FY2024, H1FY2025 or 9MFY2024".into(),
            );
        };
        let (prefix, year) = (&t[..pos], &t[pos + 2..]);
        let fiscal_year: i32 = match year.len() {
            4 => year
                .parse()
                .map_err(|_| format!("`{year}` is not a year"))?,
            2 => {
                2000 + year
                    .parse::<i32>()
                    .map_err(|_| format!("`{year}` is not a year"))?
            }
            _ => return Err(format!("`{year}` is not a four-digit fiscal year")),
        };
        let months = match prefix {
            "" => 12,
            "Q1" | "Q2" | "Q3" | "Q4" => 3,
            "H1" | "H2" => 6,
            p if p.ends_with('M') => {
                let n: u8 = p[..p.len() - 1]
                    .parse()
                    .map_err(|_| format!("`{p}` is not a month count like 9M"))?;
                if !(1..=12).contains(&n) {
                    return Err(format!("`{p}`: a fiscal period is 1 to 12 months"));
                }
                n
            }
            p => {
                return Err(format!(
                    "`{p}` is not Q1-Q4, H1/H2 or a month count like 9M"
                ));
            }
        };
        Ok(FiscalPeriod {
            label: label.trim().to_string(),
            fiscal_year,
            months,
            end,
        })
    }

    /// The first day after the period's start, approximately: `end` minus its length.
    pub fn start(&self) -> NaiveDate {
        self.end
            .checked_sub_months(Months::new(u32::from(self.months)))
            .and_then(|d| d.succ_opt())
            .unwrap_or(self.end)
    }

    /// A word for the period's length, for explanations.
    pub fn length_word(&self) -> &'static str {
        match self.months {
            12 => "fiscal year",
            3 => "quarter",
            6 => "half-year",
            _ => "part-year",
        }
    }
}

impl fmt::Display for FiscalPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (to {})", self.label, self.end)
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }
    pub fn from_index(i: i32) -> Self {
        YearMonth {
            year: i.div_euclid(12),
            month: (i.rem_euclid(12) + 1) as u8,
        }
    }
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.month), 1)
            .expect("YearMonth holds a month from 1 to 12")
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A calendar period of trade statistics: a year, a quarter, a month or a range of months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TradePeriod {
    pub start: YearMonth,
    pub months: u16,
}

impl TradePeriod {
    /// Parse `2024`, `2024-03`, `2024-Q1` or `2025-01..2025-07`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        if let Some((a, b)) = t.split_once("..") {
            let a = parse_month(a)?;
            let b = parse_month(b)?;
            if b < a {
                return Err(format!("range `{t}` ends before it starts"));
            }
            return Ok(TradePeriod {
                start: a,
                months: (b.index() - a.index() + 1) as u16,
            });
        }
        if t.len() == 4 {
            let year: i32 = t.parse().map_err(|_| format!("`{t}` is not a year"))?;
            check_year(year)?;
            return Ok(TradePeriod {
                start: YearMonth { year, month: 1 },
                months: 12,
            });
        }
        if let Some((y, q)) = t.split_once("-Q").or_else(|| t.split_once("-q")) {
            let year: i32 = y.parse().map_err(|_| format!("`{y}` is not a year"))?;
            check_year(year)?;
            let q: u8 = q
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| format!("`{q}` is not a quarter 1-4"))?;
            return Ok(TradePeriod {
                start: YearMonth {
                    year,
                    month: (q - 1) * 3 + 1,
                },
                months: 3,
            });
        }
        Ok(TradePeriod {
            start: parse_month(t)?,
            months: 1,
        })
    }

    pub fn end(&self) -> YearMonth {
        YearMonth::from_index(self.start.index() + i32::from(self.months) - 1)
    }

    /// The calendar year the period starts in.
    pub fn year(&self) -> i32 {
        self.start.year
    }

    /// True for a whole calendar year.
    pub fn is_full_year(&self) -> bool {
        self.start.month == 1 && self.months == 12
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        let next = YearMonth::from_index(self.end().index() + 1).first_day();
        next.pred_opt().unwrap_or(next)
    }
}

impl fmt::Display for TradePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_full_year() {
            write!(f, "{}", self.start.year)
        } else if self.months == 1 {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}..{}", self.start, self.end())
        }
    }
}

fn check_year(year: i32) -> Result<(), String> {
    if (1900..=2200).contains(&year) {
        Ok(())
    } else {
        Err(format!("year {year} is out of range 1900-2200"))
    }
}

fn parse_month(s: &str) -> Result<YearMonth, String> {
    let s = s.trim();
    let (y, m) = s
        .split_once('-')
        .ok_or_else(|| format!("`{s}` is not YYYY, YYYY-MM, YYYY-Qn or YYYY-MM..YYYY-MM"))?;
    let year: i32 = y.parse().map_err(|_| format!("`{y}` is not a year"))?;
    check_year(year)?;
    let month: u8 = m
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| format!("`{m}` is not a month 01-12"))?;
    Ok(YearMonth { year, month })
}

/// Parse an ISO date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date YYYY-MM-DD"))
}

/// Years between two dates, as a fraction.
pub fn years_between(a: NaiveDate, b: NaiveDate) -> f64 {
    f64::from((b - a).num_days() as i32) / 365.25
}

/// The calendar year of a date.
pub fn year_of(d: NaiveDate) -> i32 {
    d.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn fiscal_labels_carry_their_length() {
        assert_eq!(
            FiscalPeriod::parse("FY2025", d("2025-01-26"))
                .unwrap()
                .months,
            12
        );
        assert_eq!(
            FiscalPeriod::parse("Q3FY2024", d("2023-10-29"))
                .unwrap()
                .months,
            3
        );
        assert_eq!(
            FiscalPeriod::parse("9MFY2024", d("2023-10-29"))
                .unwrap()
                .months,
            9
        );
        assert_eq!(
            FiscalPeriod::parse("H1 FY2025", d("2024-07-28"))
                .unwrap()
                .months,
            6
        );
        assert!(FiscalPeriod::parse("2025", d("2025-01-26")).is_err());
        assert!(FiscalPeriod::parse("Q5FY2025", d("2025-01-26")).is_err());
    }

    #[test]
    fn a_fiscal_year_starts_a_year_before_it_ends() {
        let p = FiscalPeriod::parse("FY2025", d("2025-01-26")).unwrap();
        assert_eq!(p.start(), d("2024-01-27"));
    }

    #[test]
    fn trade_periods_parse_years_months_quarters_and_ranges() {
        let y = TradePeriod::parse("2024").unwrap();
        assert!(y.is_full_year());
        assert_eq!(TradePeriod::parse("2024-03").unwrap().months, 1);
        let q = TradePeriod::parse("2024-Q2").unwrap();
        assert_eq!((q.start.month, q.months), (4, 3));
        let r = TradePeriod::parse("2025-01..2025-07").unwrap();
        assert_eq!(r.months, 7);
        assert_eq!(r.to_string(), "2025-01..2025-07");
        assert_eq!(r.last_day(), d("2025-07-31"));
        assert!(TradePeriod::parse("2025-13").is_err());
        assert!(TradePeriod::parse("2025-07..2025-01").is_err());
        assert!(TradePeriod::parse("twenty").is_err());
    }
}
