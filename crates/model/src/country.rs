//! Countries and the many ways inputs name them.
//!
//! Trade statistics, filings and customs tables name the same country differently:
//! ISO alpha-2 (`SG`), alpha-3 (`SGP`), numeric (`702`), English names and variants
//! (`Republic of Singapore`), and Traditional Chinese names in Taiwan's customs tables
//! (`新加坡`). The registry is loaded from `data/countries.csv` (ISO 3166-1 from Debian's
//! iso-codes, zh_TW names from its translation and Taiwan customs; see `data/README.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::InputError;
use crate::input::{Column, Rule, Source};

/// ISO 3166-1 alpha-2 code (or a user-assigned code such as `XK`, `XX`).
pub type CountryCode = String;

/// One country with every name chipwatch recognises for it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub numeric: Option<u16>,
    /// ISO short name, e.g. `Taiwan, Province of China`.
    pub iso_name: String,
    /// The name chipwatch shows, e.g. `Taiwan`.
    pub name: String,
    pub zh_tw: Vec<String>,
    pub variants: Vec<String>,
}

/// Lookup of countries by code or any known name.
#[derive(Debug, Clone)]
pub struct CountryRegistry {
    countries: Vec<Country>,
    by_key: HashMap<String, usize>,
}

const SCHEMA: &[Column] = &[
    Column {
        name: "alpha2",
        required: true,
        description: "ISO 3166-1 alpha-2",
    },
    Column {
        name: "alpha3",
        required: true,
        description: "ISO 3166-1 alpha-3",
    },
    Column {
        name: "numeric",
        required: true,
        description: "ISO 3166-1 numeric",
    },
    Column {
        name: "name",
        required: true,
        description: "ISO short name",
    },
    Column {
        name: "common_name",
        required: false,
        description: "name to show",
    },
    Column {
        name: "zh_tw",
        required: false,
        description: "Traditional Chinese names, `;`-separated",
    },
    Column {
        name: "variants",
        required: false,
        description: "other English names, `;`-separated",
    },
];

const RULE_CODE: Rule = Rule {
    id: "countries.alpha2",
    requires: "a two-letter code",
};
const RULE_NUMERIC: Rule = Rule {
    id: "countries.numeric",
    requires: "a number from 0 to 999 or empty",
};

/// Fold a name to its lookup key: lower case, letters and digits only, single spaces.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(ch.to_lowercase());
        } else {
            space = true;
        }
    }
    out.strip_prefix("the ").map(str::to_string).unwrap_or(out)
}

impl CountryRegistry {
    /// The registry compiled into chipwatch from `data/countries.csv`.
    pub fn bundled() -> &'static CountryRegistry {
        static REG: OnceLock<CountryRegistry> = OnceLock::new();
        REG.get_or_init(|| {
            CountryRegistry::load(&Source::Bundled {
                name: "data/countries.csv",
                text: include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../data/countries.csv"
                )),
            })
            .expect("bundled data/countries.csv is valid: checked by the model crate's tests")
        })
    }

    /// Load a registry from a countries CSV.
    pub fn load(source: &Source) -> Result<CountryRegistry, InputError> {
        let loaded = source.open(SCHEMA)?.load(|row| {
            let alpha2 = row.required("alpha2", RULE_CODE)?;
            if alpha2.len() != 2 || !alpha2.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(row.error("alpha2", alpha2, RULE_CODE, "not two capital letters"));
            }
            let numeric = match row.get("numeric") {
                None => None,
                Some(s) => Some(
                    s.parse::<u16>()
                        .ok()
                        .filter(|n| *n < 1000)
                        .ok_or_else(|| row.error("numeric", s, RULE_NUMERIC, "not a number"))?,
                ),
            };
            let split = |col: &str| -> Vec<String> {
                row.get(col)
                    .map(|s| {
                        s.split(';')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let iso_name = row.required("name", RULE_CODE)?.to_string();
            Ok(Country {
                alpha2: alpha2.to_string(),
                alpha3: row.required("alpha3", RULE_CODE)?.to_string(),
                numeric,
                name: row
                    .get("common_name")
                    .map(str::to_string)
                    .unwrap_or_else(|| iso_name.clone()),
                iso_name,
                zh_tw: split("zh_tw"),
                variants: split("variants"),
            })
        })?;
        let countries = loaded.strict()?;
        let mut by_key = HashMap::new();
        for (i, c) in countries.iter().enumerate() {
            let mut keys = vec![
                c.alpha2.to_ascii_lowercase(),
                c.alpha3.to_ascii_lowercase(),
                name_key(&c.iso_name),
                name_key(&c.name),
            ];
            if let Some(n) = c.numeric {
                keys.push(n.to_string());
                keys.push(format!("{n:03}"));
            }
            keys.extend(c.zh_tw.iter().map(|s| name_key(s)));
            keys.extend(c.variants.iter().map(|s| name_key(s)));
            for k in keys {
                // First entry wins: ISO codes are listed before variants could collide.
                by_key.entry(k).or_insert(i);
            }
        }
        Ok(CountryRegistry { countries, by_key })
    }

    /// Find a country by code or name (case, punctuation and a leading "the" ignored).
    pub fn resolve(&self, text: &str) -> Option<&Country> {
        let key = name_key(text);
        self.by_key.get(&key).map(|&i| &self.countries[i])
    }

    /// The country with this alpha-2 code.
    pub fn get(&self, alpha2: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.alpha2.eq_ignore_ascii_case(alpha2))
    }

    /// The name chipwatch shows for an alpha-2 code, or the code itself when unknown.
    pub fn name_of(&self, alpha2: &str) -> String {
        self.get(alpha2)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| alpha2.to_string())
    }

    /// Up to three known names closest to `text`, for "did you mean" messages.
    pub fn suggest(&self, text: &str) -> Vec<String> {
        let key = name_key(text);
        let mut scored: Vec<(f64, &str)> = self
            .countries
            .iter()
            .flat_map(|c| {
                std::iter::once(c.name.as_str())
                    .chain(c.variants.iter().map(String::as_str))
                    .chain(c.zh_tw.iter().map(String::as_str))
            })
            .map(|n| (strsim::jaro_winkler(&key, &name_key(n)), n))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out: Vec<String> = Vec::new();
        for (score, name) in scored {
            if out.len() == 3 || score < 0.7 {
                break;
            }
            if !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
        out
    }

    pub fn iter(&self) -> impl Iterator<Item = &Country> {
        self.countries.iter()
    }

    pub fn len(&self) -> usize {
        self.countries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }
}

/// The message for a name that is not a known country, with suggestions.
pub fn unknown_country_detail(registry: &CountryRegistry, text: &str) -> String {
    let s = registry.suggest(text);
    if s.is_empty() {
        "not a known country code or name".to_string()
    } else {
        format!(
            "not a known country code or name; did you mean {}?",
            s.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singapore_is_found_by_every_name_inputs_use() {
        let reg = CountryRegistry::bundled();
        for name in [
            "SG",
            "sgp",
            "702",
            "Singapore",
            "Republic of Singapore",
            "新加坡",
        ] {
            assert_eq!(
                reg.resolve(name).map(|c| c.alpha2.as_str()),
                Some("SG"),
                "{name}"
            );
        }
    }

    #[test]
    fn taiwan_customs_names_resolve() {
        let reg = CountryRegistry::bundled();
        for (zh, code) in [
            ("中國大陸", "CN"),
            ("香港", "HK"),
            ("馬來西亞", "MY"),
            ("泰國", "TH"),
            ("越南", "VN"),
            ("菲律賓", "PH"),
            ("阿拉伯聯合大公國", "AE"),
            ("南韓", "KR"),
            ("其他國家", "XX"),
        ] {
            assert_eq!(
                reg.resolve(zh).map(|c| c.alpha2.as_str()),
                Some(code),
                "{zh}"
            );
        }
    }

    #[test]
    fn taiwan_is_shown_as_taiwan() {
        let reg = CountryRegistry::bundled();
        assert_eq!(reg.resolve("TW").unwrap().name, "Taiwan");
        assert_eq!(reg.resolve("Chinese Taipei").unwrap().alpha2, "TW");
    }

    #[test]
    fn a_misspelt_country_gets_suggestions() {
        let reg = CountryRegistry::bundled();
        assert!(reg.resolve("Singapur").is_none());
        assert!(reg.suggest("Singapur").iter().any(|s| s == "Singapore"));
    }

    #[test]
    fn the_bundled_registry_covers_iso_3166() {
        assert!(CountryRegistry::bundled().len() >= 249);
    }
}
