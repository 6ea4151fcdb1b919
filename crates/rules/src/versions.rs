//! Rule versions as data (`data/rules/versions.toml`): effective dates, citations and the
//! thresholds the classifier and the licence determination read. A rule change is a diff of
//! that file.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::RulesError;

/// One rule version or overlay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleVersion {
    pub id: String,
    pub title: String,
    pub effective: NaiveDate,
    /// Last day in force, if it ended.
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// Day it resumes after a suspension.
    #[serde(default)]
    pub resumes: Option<NaiveDate>,
    pub citation: String,
    pub status: String,
    pub kind: String,
    #[serde(default)]
    pub params: BTreeMap<String, toml::Value>,
}

impl RuleVersion {
    /// Whether the version is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        date >= self.effective
            && (self.until.is_none_or(|u| date <= u) || self.resumes.is_some_and(|r| date >= r))
    }

    /// A numeric parameter.
    pub fn num(&self, name: &str) -> f64 {
        match self.params.get(name) {
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            _ => panic!(
                "rule version {} has numeric parameter `{name}`: the bundled versions.toml is checked by tests",
                self.id
            ),
        }
    }

    /// A list-of-text parameter.
    pub fn list(&self, name: &str) -> Vec<String> {
        match self.params.get(name) {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// `id (citation)`, for explanations.
    pub fn cite(&self) -> String {
        self.citation.clone()
    }
}

#[derive(Deserialize)]
struct File {
    version: Vec<RuleVersion>,
}

/// All rule versions.
#[derive(Debug, Clone)]
pub struct RuleBook {
    pub versions: Vec<RuleVersion>,
}

impl RuleBook {
    pub fn bundled() -> &'static RuleBook {
        static B: OnceLock<RuleBook> = OnceLock::new();
        B.get_or_init(|| {
            RuleBook::parse(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/rules/versions.toml"
            )))
            .expect("bundled versions.toml is valid: checked by the rules crate's tests")
        })
    }

    pub fn parse(text: &str) -> Result<RuleBook, RulesError> {
        let f: File = toml::from_str(text).map_err(|e| RulesError::Data {
            file: "data/rules/versions.toml".into(),
            line: 0,
            message: e.to_string(),
        })?;
        Ok(RuleBook {
            versions: f.version,
        })
    }

    /// The version with this id.
    pub fn get(&self, id: &str) -> &RuleVersion {
        self.versions
            .iter()
            .find(|v| v.id == id)
            .unwrap_or_else(|| panic!("rule version `{id}` is in versions.toml (checked by tests)"))
    }

    /// Every date on which some version starts, ends or resumes.
    pub fn change_dates(&self) -> Vec<NaiveDate> {
        let mut v: Vec<NaiveDate> = self
            .versions
            .iter()
            .flat_map(|r| {
                [
                    Some(r.effective),
                    r.until.and_then(|u| u.succ_opt()),
                    r.resumes,
                ]
            })
            .flatten()
            .collect();
        v.sort();
        v.dedup();
        v
    }
}
