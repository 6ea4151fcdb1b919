//! Country groups as dated data (`data/flows/country_groups.csv`): the EU (27 from 2020, and
//! members on the date), the Eurasian Economic Union, ASEAN, the GCC and the IMF's Caucasus
//! and Central Asia, each member with the date it joined (and left), each row with its source.
//!
//! A group is summed one of two ways, as its row says:
//! - `fixed`: the same members for every period, as Eurostat's `EU27_2020` aggregate is (so a
//!   series is comparable across the years);
//! - `as_of`: a member counts only from the day it joined until the day it left (the EU with
//!   the United Kingdom to 2020-01-31; Kyrgyzstan in the EAEU from 2015-08-12).
//!
//! ```
//! use chipwatch_model::groups;
//! let all = groups::bundled();
//! let eaeu = groups::find(&all, "eaeu").unwrap();
//! assert!(eaeu.is_member_on("KG", "2016-01-01"));
//! assert!(!eaeu.is_member_on("KG", "2015-01-01"));
//! let eu27 = groups::find(&all, "EU27").unwrap();
//! assert_eq!(eu27.members.len(), 27);
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use crate::InputError;
use crate::input::{Column, CsvInput, Rule};

/// How a group's members are summed over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The same members in every period.
    Fixed,
    /// Members only while they belong.
    AsOf,
}

/// One member of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Membership {
    pub alpha2: String,
    pub joined: Option<NaiveDate>,
    pub left: Option<NaiveDate>,
}

/// A country group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryGroup {
    pub id: String,
    pub name: String,
    pub aggregation: Aggregation,
    pub members: Vec<Membership>,
    pub source: String,
}

impl CountryGroup {
    /// Whether `alpha2` is a member on `date` (`YYYY-MM[-DD]`; a month means its first day).
    /// A `fixed` group counts its members on every date.
    pub fn is_member_on(&self, alpha2: &str, date: &str) -> bool {
        let Some(m) = self
            .members
            .iter()
            .find(|m| m.alpha2.eq_ignore_ascii_case(alpha2))
        else {
            return false;
        };
        if self.aggregation == Aggregation::Fixed {
            return true;
        }
        let Some(d) = parse_date(date) else {
            return true;
        };
        m.joined.is_none_or(|j| j <= d) && m.left.is_none_or(|l| d <= l)
    }

    /// The months (`year × 12 + month − 1`) in which `m` counts towards the group: from the
    /// month it joined (if it joined on the 1st; else the month after) to the month it left.
    /// `None` bounds are open.
    pub fn month_range(&self, m: &Membership) -> (Option<i32>, Option<i32>) {
        if self.aggregation == Aggregation::Fixed {
            return (None, None);
        }
        use chrono::Datelike;
        let from = m
            .joined
            .map(|d| d.year() * 12 + d.month0() as i32 + i32::from(d.day() > 1));
        let to = m.left.map(|d| d.year() * 12 + d.month0() as i32);
        (from, to)
    }

    /// Members' codes.
    pub fn codes(&self) -> Vec<String> {
        self.members.iter().map(|m| m.alpha2.clone()).collect()
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok())
}

const COLUMNS: &[Column] = &[
    Column {
        name: "group",
        required: true,
        description: "group id (EU27, EAEU ...)",
    },
    Column {
        name: "group_name",
        required: true,
        description: "the group's name",
    },
    Column {
        name: "aggregation",
        required: true,
        description: "fixed (same members every period) or as_of (members while they belong)",
    },
    Column {
        name: "member",
        required: true,
        description: "ISO 3166 alpha-2 code",
    },
    Column {
        name: "joined",
        required: false,
        description: "YYYY-MM-DD the member joined",
    },
    Column {
        name: "left",
        required: false,
        description: "YYYY-MM-DD the member left",
    },
    Column {
        name: "source",
        required: true,
        description: "where the membership comes from",
    },
];

const R_AGG: Rule = Rule {
    id: "groups.aggregation",
    requires: "fixed or as_of, one per group",
};
const R_MEMBER: Rule = Rule {
    id: "groups.member",
    requires: "a known ISO 3166 alpha-2 code",
};
const R_DATE: Rule = Rule {
    id: "groups.date",
    requires: "YYYY-MM-DD, joined before left",
};
const R_SOURCE: Rule = Rule {
    id: "groups.source",
    requires: "a source",
};

/// Read groups from CSV text.
pub fn parse(name: &str, text: &str) -> Result<Vec<CountryGroup>, InputError> {
    let countries = crate::country::CountryRegistry::bundled();
    let input = CsvInput::from_bytes(name, text.as_bytes().to_vec(), COLUMNS)?;
    let rows = input
        .load(|row| {
            let id = row.required("group", R_AGG)?.trim().to_string();
            let gname = row.required("group_name", R_AGG)?.trim().to_string();
            let agg = match row.required("aggregation", R_AGG)?.trim() {
                "fixed" => Aggregation::Fixed,
                "as_of" => Aggregation::AsOf,
                other => return Err(row.error("aggregation", other, R_AGG, "unknown aggregation")),
            };
            let member = row.required("member", R_MEMBER)?.trim();
            let Some(c) = countries.get(member) else {
                return Err(row.error("member", member, R_MEMBER, "not a known alpha-2 code"));
            };
            let date = |col: &str| -> Result<Option<NaiveDate>, crate::RowError> {
                match row.get(col).map(str::trim).filter(|s| !s.is_empty()) {
                    None => Ok(None),
                    Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .map(Some)
                        .map_err(|_| row.error(col, s, R_DATE, "not a date YYYY-MM-DD")),
                }
            };
            let joined = date("joined")?;
            let left = date("left")?;
            if let (Some(j), Some(l)) = (joined, left)
                && l < j
            {
                return Err(row.error("left", &l.to_string(), R_DATE, "left before it joined"));
            }
            let source = row.required("source", R_SOURCE)?.trim().to_string();
            Ok((
                id,
                gname,
                agg,
                Membership {
                    alpha2: c.alpha2.clone(),
                    joined,
                    left,
                },
                source,
            ))
        })?
        .strict()?;
    let mut out: Vec<CountryGroup> = Vec::new();
    for (id, gname, agg, m, source) in rows {
        match out.iter_mut().find(|g| g.id == id) {
            Some(g) => {
                if g.aggregation != agg {
                    return Err(InputError::Invalid {
                        file: name.to_string(),
                        message: format!(
                            "group {id} is summed both fixed and as_of (rule groups.aggregation)"
                        ),
                    });
                }
                if !g.members.iter().any(|x| x.alpha2 == m.alpha2) {
                    g.members.push(m);
                }
            }
            None => out.push(CountryGroup {
                id,
                name: gname,
                aggregation: agg,
                members: vec![m],
                source,
            }),
        }
    }
    Ok(out)
}

/// The groups bundled with chipwatch.
pub fn bundled() -> Vec<CountryGroup> {
    parse(
        "data/flows/country_groups.csv",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/flows/country_groups.csv"
        )),
    )
    .expect("the bundled country groups are valid")
}

/// The group with this id (case ignored).
pub fn find<'a>(groups: &'a [CountryGroup], id: &str) -> Option<&'a CountryGroup> {
    groups.iter().find(|g| g.id.eq_ignore_ascii_case(id.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_groups_have_their_members_and_dates() {
        let g = bundled();
        let eu27 = find(&g, "EU27").unwrap();
        assert_eq!(eu27.members.len(), 27);
        assert!(!eu27.codes().contains(&"GB".to_string()));
        assert!(eu27.is_member_on("HR", "2010-01"), "fixed composition");
        let eu = find(&g, "EU").unwrap();
        assert_eq!(eu.members.len(), 28);
        assert!(eu.is_member_on("GB", "2019-12-31"));
        assert!(!eu.is_member_on("GB", "2020-02-01"));
        assert!(!eu.is_member_on("HR", "2013-06-30"));
        assert!(eu.is_member_on("HR", "2013-07-01"));
        let gb = eu.members.iter().find(|m| m.alpha2 == "GB").unwrap();
        assert_eq!(eu.month_range(gb), (Some(1973 * 12), Some(2020 * 12)));
        let ea = find(&g, "EAEU").unwrap();
        let am = ea.members.iter().find(|m| m.alpha2 == "AM").unwrap();
        // Armenia joined on 2 January 2015: it counts from February.
        assert_eq!(ea.month_range(am).0, Some(2015 * 12 + 1));
        for id in ["ASEAN", "GCC", "CCA", "CAUCASUS"] {
            assert!(find(&g, id).is_some(), "{id}");
        }
        assert!(g.iter().all(|g| !g.source.is_empty()));
    }

    #[test]
    fn bad_rows_name_their_line_and_rule() {
        let head = "group,group_name,aggregation,member,joined,left,source\n";
        let e = parse("g.csv", &format!("{head}X,X,fixed,ZZ,,,s\n")).unwrap_err();
        assert!(
            e.to_string().contains("g.csv:2") && e.to_string().contains("groups.member"),
            "{e}"
        );
        let e = parse(
            "g.csv",
            &format!("{head}X,X,as_of,DE,2020-01-01,2019-01-01,s\n"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("left before"), "{e}");
        let e = parse(
            "g.csv",
            &format!("{head}X,X,fixed,DE,,,s\nX,X,as_of,FR,,,s\n"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("both fixed and as_of"), "{e}");
    }
}
