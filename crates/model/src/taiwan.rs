//! Taiwan Customs export tables (`Year, Country, HS Code, Description, Export Value (USD)`):
//! destinations in Traditional Chinese, 11-digit CCC codes, and a last year that covers only
//! its first months (preliminary). Rows become canonical [`TradeRecord`]s with reporter `TW`.

use std::path::Path;

use crate::country::{CountryRegistry, unknown_country_detail};
use crate::error::InputError;
use crate::input::{Column, CsvInput, Loaded, Rule};
use crate::period::TradePeriod;
use crate::trade::{Flow, TradeRecord, normalise_hs};

const COLUMNS: &[Column] = &[
    Column {
        name: "year",
        required: true,
        description: "Gregorian year",
    },
    Column {
        name: "country",
        required: true,
        description: "destination (Traditional Chinese or English)",
    },
    Column {
        name: "hs code",
        required: true,
        description: "Taiwan CCC code (11 digits)",
    },
    Column {
        name: "export value (usd)",
        required: true,
        description: "US dollars",
    },
];

const R_YEAR: Rule = Rule {
    id: "taiwan.year",
    requires: "a year from 1990 to 2100",
};
const R_COUNTRY: Rule = Rule {
    id: "taiwan.country",
    requires: "a destination country name",
};
const R_HS: Rule = Rule {
    id: "taiwan.hs_code",
    requires: "a CCC or HS code",
};
const R_VALUE: Rule = Rule {
    id: "taiwan.value",
    requires: "a non-negative number of US dollars",
};

/// Read a Taiwan Customs export table. `last_year_months` is how many months the file's last
/// year covers (the published tables end with a partial, preliminary year: 7 for Jan–Jul 2025);
/// that year's rows get the period `YYYY-01..YYYY-MM` and are marked preliminary.
pub fn read_taiwan_customs(
    path: &Path,
    last_year_months: u16,
) -> Result<Loaded<TradeRecord>, InputError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| InputError::Io {
        file: file.clone(),
        source,
    })?;
    read_taiwan_bytes(&file, bytes, last_year_months)
}

/// [`read_taiwan_customs`] on bytes already read, named `file` in errors.
pub fn read_taiwan_bytes(
    file: &str,
    bytes: Vec<u8>,
    last_year_months: u16,
) -> Result<Loaded<TradeRecord>, InputError> {
    if !(1..=12).contains(&last_year_months) {
        return Err(InputError::Invalid {
            file: file.to_string(),
            message: format!("last_year_months {last_year_months}: 1 to 12"),
        });
    }
    let countries = CountryRegistry::bundled();
    let source = format!("Taiwan Customs Administration trade statistics ({file})");
    let mut loaded = CsvInput::from_bytes(file, bytes, COLUMNS)?.load(|row| {
        let y = row.required("year", R_YEAR)?.trim();
        let year: i32 = y
            .parse()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .ok_or_else(|| row.error("year", y, R_YEAR, "not a year"))?;
        let c = row.required("country", R_COUNTRY)?.trim();
        let partner = countries
            .resolve(c)
            .map(|c| c.alpha2.clone())
            .ok_or_else(|| {
                row.error(
                    "country",
                    c,
                    R_COUNTRY,
                    unknown_country_detail(countries, c),
                )
            })?;
        let h = row.required("hs code", R_HS)?;
        let hs_code = normalise_hs(h).ok_or_else(|| row.error("hs code", h, R_HS, "not a code"))?;
        let value_usd = row.non_negative("export value (usd)", R_VALUE)?;
        Ok(TradeRecord {
            period: TradePeriod::parse(&year.to_string())
                .map_err(|e| row.error("year", y, R_YEAR, e))?,
            reporter: "TW".into(),
            partner,
            flow: Flow::Export,
            hs_code,
            value_usd,
            quantity: None,
            unit: None,
            preliminary: false,
            source: Some(source.clone()),
        })
    })?;
    if let Some(last) = loaded.records.iter().map(|r| r.period.year()).max()
        && last_year_months < 12
    {
        let partial = TradePeriod::parse(&format!("{last}-01..{last}-{last_year_months:02}"))
            .map_err(|message| InputError::Invalid {
                file: file.to_string(),
                message,
            })?;
        for r in loaded
            .records
            .iter_mut()
            .filter(|r| r.period.year() == last)
        {
            r.period = partial;
            r.preliminary = true;
        }
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_ccc_codes_and_the_partial_last_year() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tw.csv");
        std::fs::write(
            &p,
            "\u{feff}Year,Country,HS Code,Description,Export Value (USD)\n\
             2024,新加坡,85423100002, Processors,1000.5\n\
             2025,越南,85423100002, Processors,700\n\
             2025,亞特蘭提斯,85423100002, Processors,5\n\
             2024,香港,85423100002, Processors,-3\n",
        )
        .unwrap();
        let l = read_taiwan_customs(&p, 7).unwrap();
        assert_eq!(l.records.len(), 2);
        assert_eq!(l.records[0].partner, "SG");
        assert_eq!(l.records[0].hs_code, "85423100002");
        assert!(!l.records[0].preliminary);
        assert_eq!(l.records[1].partner, "VN");
        assert!(l.records[1].preliminary);
        assert_eq!(l.records[1].period.months, 7);
        let errors: Vec<String> = l.rejected.iter().map(|r| r.error.to_string()).collect();
        assert!(
            errors[0].contains("tw.csv:4: column `country`"),
            "{errors:?}"
        );
        assert!(
            errors[1].contains("tw.csv:5: column `export value (usd)`"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_real_table_reads_completely_when_present() {
        let p = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/trade/taiwan_customs_hs8542/taiwan_exports_by_country_2013_2025.csv"
        ));
        if !p.exists() {
            eprintln!("shared data absent: skipped");
            return;
        }
        let l = read_taiwan_customs(p, 7).unwrap();
        assert!(
            l.rejected.is_empty(),
            "{:?}",
            l.rejected
                .iter()
                .take(3)
                .map(|r| r.error.to_string())
                .collect::<Vec<_>>()
        );
        assert_eq!(l.records.len(), 9683);
        let sg_2025: f64 = l
            .records
            .iter()
            .filter(|r| r.partner == "SG" && r.preliminary && r.hs_code == "85423100002")
            .map(|r| r.value_usd)
            .sum();
        assert!(sg_2025 > 0.0);
        assert!(
            l.records
                .iter()
                .filter(|r| r.preliminary)
                .all(|r| r.period.months == 7)
        );
    }
}
