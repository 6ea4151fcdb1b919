//! Product baskets as data (`data/flows/baskets.csv`): which HS codes make up the AI-compute
//! basket, processors, the Common High Priority List ICs, and the control baskets of comparable
//! goods outside the controls, each code with its source. Trade detectors compare controlled
//! baskets with control baskets.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::InputError;
use crate::input::{Column, CsvInput, Rule};

/// Whether a basket holds controlled goods or comparable goods outside the controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Controlled,
    Control,
}

/// One HS code of a basket, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasketCode {
    pub hs6: String,
    pub description: String,
    pub source: String,
}

/// A basket of HS codes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Basket {
    pub id: String,
    pub role: Role,
    pub codes: Vec<BasketCode>,
}

impl Basket {
    /// Whether an HS code (any length of 6 digits or more, dots and spaces ignored) falls in the basket.
    pub fn contains(&self, hs: &str) -> bool {
        let digits: String = hs.chars().filter(char::is_ascii_digit).collect();
        digits.len() >= 6 && self.codes.iter().any(|c| digits.starts_with(&c.hs6))
    }
}

const COLUMNS: &[Column] = &[
    Column {
        name: "basket",
        required: true,
        description: "basket id",
    },
    Column {
        name: "role",
        required: true,
        description: "controlled or control",
    },
    Column {
        name: "hs6",
        required: true,
        description: "six-digit HS code",
    },
    Column {
        name: "description",
        required: false,
        description: "",
    },
    Column {
        name: "source",
        required: true,
        description: "where the code's place in the basket comes from",
    },
];

const R_ROLE: Rule = Rule {
    id: "baskets.role",
    requires: "controlled or control",
};
const R_HS6: Rule = Rule {
    id: "baskets.hs6",
    requires: "six digits",
};
const R_SOURCE: Rule = Rule {
    id: "baskets.source",
    requires: "a source",
};

/// Read baskets from CSV text; every code must have six digits, a role and a source, and a
/// basket has one role.
pub fn parse(name: &str, text: &str) -> Result<Vec<Basket>, InputError> {
    let input = CsvInput::from_bytes(name, text.as_bytes().to_vec(), COLUMNS)?;
    let rows = input
        .load(|row| {
            let basket = row.required("basket", R_ROLE)?.trim().to_string();
            let role_text = row.required("role", R_ROLE)?.trim();
            let role = match role_text {
                "controlled" => Role::Controlled,
                "control" => Role::Control,
                other => return Err(row.error("role", other, R_ROLE, "unknown role")),
            };
            let hs6 = row.required("hs6", R_HS6)?.trim();
            if hs6.len() != 6 || !hs6.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.error("hs6", hs6, R_HS6, "not six digits"));
            }
            let source = row.required("source", R_SOURCE)?.trim().to_string();
            Ok((
                basket,
                role,
                BasketCode {
                    hs6: hs6.to_string(),
                    description: row.get("description").unwrap_or("").trim().to_string(),
                    source,
                },
            ))
        })?
        .strict()?;
    let mut by_id: BTreeMap<String, Basket> = BTreeMap::new();
    for (id, role, code) in rows {
        let b = by_id.entry(id.clone()).or_insert_with(|| Basket {
            id: id.clone(),
            role,
            codes: Vec::new(),
        });
        if b.role != role {
            return Err(InputError::Invalid {
                file: name.to_string(),
                message: format!("basket {id} is both controlled and control (rule baskets.role)"),
            });
        }
        b.codes.push(code);
    }
    Ok(by_id.into_values().collect())
}

/// The baskets bundled with chipwatch.
pub fn bundled() -> Vec<Basket> {
    parse(
        "data/flows/baskets.csv",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/flows/baskets.csv"
        )),
    )
    .expect("the bundled baskets are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_baskets_have_sources_and_controls() {
        let b = bundled();
        let ai = b.iter().find(|b| b.id == "ai_compute").unwrap();
        assert_eq!(ai.role, Role::Controlled);
        assert!(ai.contains("8471.50.01") && ai.contains("847330") && !ai.contains("854231"));
        assert!(
            b.iter()
                .any(|b| b.role == Role::Control && b.contains("8471.30"))
        );
        assert!(
            b.iter()
                .all(|b| b.codes.iter().all(|c| !c.source.is_empty()))
        );
        assert!(
            b.iter()
                .find(|b| b.id == "processors")
                .unwrap()
                .contains("85423100002")
        );
    }

    #[test]
    fn bad_rows_are_refused_with_their_line() {
        let e = parse(
            "b.csv",
            "basket,role,hs6,description,source\nx,controlled,8542,,s\n",
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("b.csv:2") && e.to_string().contains("hs6"),
            "{e}"
        );
        let e = parse(
            "b.csv",
            "basket,role,hs6,description,source\nx,controlled,854231,,s\nx,control,847130,,s\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("both controlled and control"), "{e}");
    }
}
