//! What changed between two copies of the lists: entries added, removed and changed (names,
//! aliases, addresses, countries, programs, dates of birth, remarks).
//!
//! Entries are paired by list and id where the list gives ids (CSL `_id` or `entity_number`,
//! SDN `ent_num`, UN reference numbers); entries without one (ids made from a line number), or
//! whose id changed between versions, are paired by list and name. What pairs with nothing was
//! added or removed. Values compare by their words in any order, case and punctuation aside.
//!
//! ```
//! use chipwatch_screen::delta::diff;
//! use chipwatch_screen::lists::read_csl_bytes;
//! let head = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n";
//! let row = |id: &str, name: &str, alt: &str| format!("{id},Entity List (EL) - Bureau of Industry and Security,,Entity,,{name},,,,,,,,,,,,,,,,,{alt},,,,,,\n");
//! let old = read_csl_bytes("old.csv", format!("{head}{}{}", row("a1", "Alpha Ltd", ""), row("b2", "Beta Ltd", "")).as_bytes()).unwrap();
//! let new = read_csl_bytes("new.csv", format!("{head}{}{}", row("a1", "Alpha Ltd", "Alpha Trading"), row("c3", "Gamma Ltd", "")).as_bytes()).unwrap();
//! let d = diff(&old.entries, &new.entries);
//! assert_eq!((d.added.len(), d.removed.len(), d.changed.len()), (1, 1, 1));
//! assert_eq!(d.changed[0].fields[0].field, "aliases");
//! assert_eq!(d.changed[0].fields[0].added, ["Alpha Trading"]);
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::lists::ListEntry;

/// One field's change: values it gained and lost.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// An entry in both copies that differs.
#[derive(Debug, Clone, Serialize)]
pub struct Changed {
    pub old: ListEntry,
    pub new: ListEntry,
    pub fields: Vec<FieldChange>,
}

/// The delta between two copies.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Delta {
    pub added: Vec<ListEntry>,
    pub removed: Vec<ListEntry>,
    pub changed: Vec<Changed>,
    /// Entries in both copies, unchanged.
    pub unchanged: usize,
}

impl Delta {
    /// Entries a party could newly match or match more strongly: added, and changed in a field
    /// screening reads (names, aliases, addresses, countries, dates of birth).
    pub fn to_rescreen(&self) -> Vec<ListEntry> {
        self.added
            .iter()
            .cloned()
            .chain(
                self.changed
                    .iter()
                    .filter(|c| {
                        c.fields.iter().any(|f| {
                            matches!(
                                f.field,
                                "name" | "aliases" | "addresses" | "countries" | "dates_of_birth"
                            )
                        })
                    })
                    .map(|c| c.new.clone()),
            )
            .collect()
    }

    /// [`Delta::per_source`] as JSON: `{"EL": {"added": 3, "removed": 0, "changed": 1}, ...}`.
    pub fn per_source_json(&self) -> serde_json::Value {
        self.per_source()
            .into_iter()
            .map(|(s, (a, r, c))| {
                (
                    s,
                    serde_json::json!({"added": a, "removed": r, "changed": c}),
                )
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    }

    /// Per list: (added, removed, changed).
    pub fn per_source(&self) -> BTreeMap<String, (usize, usize, usize)> {
        let mut m: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        for e in &self.added {
            m.entry(e.source.clone()).or_default().0 += 1;
        }
        for e in &self.removed {
            m.entry(e.source.clone()).or_default().1 += 1;
        }
        for c in &self.changed {
            m.entry(c.new.source.clone()).or_default().2 += 1;
        }
        m
    }
}

fn has_real_id(e: &ListEntry) -> bool {
    !e.entry_id.is_empty() && !e.entry_id.starts_with("line ")
}

fn name_key(e: &ListEntry) -> (String, String) {
    (e.source.clone(), crate::normalize::normalize(&e.name).key())
}

/// A value as compared: its words, case and punctuation aside, in any order. Lists rewrite
/// "ABU TEIR, Mohammed" as "Mohammed ABU TEIR" and reorder address parts between versions;
/// neither changes what a party can match.
fn canon(v: &str) -> String {
    let mut words: Vec<String> = v
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words.join(" ")
}

fn set_change(field: &'static str, old: &[String], new: &[String]) -> Option<FieldChange> {
    let norm = |v: &[String]| -> BTreeMap<String, String> {
        v.iter()
            .map(|s| (canon(s), s.clone()))
            .filter(|(k, _)| !k.is_empty())
            .collect()
    };
    let (o, n) = (norm(old), norm(new));
    let added: Vec<String> = n
        .iter()
        .filter(|(k, _)| !o.contains_key(*k))
        .map(|(_, v)| v.clone())
        .collect();
    let removed: Vec<String> = o
        .iter()
        .filter(|(k, _)| !n.contains_key(*k))
        .map(|(_, v)| v.clone())
        .collect();
    (!added.is_empty() || !removed.is_empty()).then_some(FieldChange {
        field,
        added,
        removed,
    })
}

/// The fields in which two copies of an entry differ.
pub fn changes(old: &ListEntry, new: &ListEntry) -> Vec<FieldChange> {
    let one = |v: &str| vec![v.to_string()];
    let opt = |v: &Option<String>| v.iter().cloned().collect::<Vec<_>>();
    [
        set_change("name", &one(&old.name), &one(&new.name)),
        set_change("aliases", &old.aliases, &new.aliases),
        set_change("addresses", &old.addresses, &new.addresses),
        set_change("countries", &old.countries, &new.countries),
        set_change("programs", &old.programs, &new.programs),
        set_change("dates_of_birth", &old.dates_of_birth, &new.dates_of_birth),
        set_change("start_date", &opt(&old.start_date), &opt(&new.start_date)),
        set_change("remarks", &opt(&old.remarks), &opt(&new.remarks)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Compare two copies of the lists.
pub fn diff(old: &[ListEntry], new: &[ListEntry]) -> Delta {
    let mut d = Delta::default();
    let by_id: BTreeMap<(&str, &str), usize> = old
        .iter()
        .enumerate()
        .filter(|(_, e)| has_real_id(e))
        .map(|(i, e)| ((e.source.as_str(), e.entry_id.as_str()), i))
        .collect();
    let mut paired_old: BTreeSet<usize> = BTreeSet::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut unpaired_new: Vec<usize> = Vec::new();
    for (j, e) in new.iter().enumerate() {
        match has_real_id(e)
            .then(|| by_id.get(&(e.source.as_str(), e.entry_id.as_str())))
            .flatten()
        {
            Some(&i) if paired_old.insert(i) => pairs.push((i, j)),
            _ => unpaired_new.push(j),
        }
    }
    // The rest by list and name (several entries of one name pair in order).
    let mut by_name: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, e) in old.iter().enumerate() {
        if !paired_old.contains(&i) {
            by_name.entry(name_key(e)).or_default().push(i);
        }
    }
    for v in by_name.values_mut() {
        v.reverse();
    }
    for j in unpaired_new {
        match by_name.get_mut(&name_key(&new[j])).and_then(Vec::pop) {
            Some(i) => {
                paired_old.insert(i);
                pairs.push((i, j));
            }
            None => d.added.push(new[j].clone()),
        }
    }
    for (i, e) in old.iter().enumerate() {
        if !paired_old.contains(&i) {
            d.removed.push(e.clone());
        }
    }
    for (i, j) in pairs {
        let fields = changes(&old[i], &new[j]);
        if fields.is_empty() {
            d.unchanged += 1;
        } else {
            d.changed.push(Changed {
                old: old[i].clone(),
                new: new[j].clone(),
                fields,
            });
        }
    }
    d
}

/// A quick test of which parties a small set of entries could match, so a re-screen after a
/// delta screens only those: a party is a candidate when one of its words (after screening's
/// normalisation: script, case, punctuation) is within one deletion of a word of an entry's
/// name or alias, two for words of eight letters or more (symmetric deletion: letters
/// inserted, deleted, replaced or swapped), two adjacent words also taken as one. Legal forms,
/// particles, titles and generic business words (the screener caps a match on those alone
/// below any threshold) and words under three letters do not count. Checked on the name benchmark: it keeps every
/// pair the screener matches.
pub struct Probe {
    keys: std::collections::HashSet<String>,
}

/// Each word of three letters or more, and each two adjacent words written as one ("Friedrich
/// Buchenberg" is also "friedrichbuchenberg": lists and parties run words together).
fn words_and_pairs<S: AsRef<str>>(words: &[S], mut f: impl FnMut(&str, bool)) {
    let counts = |w: &str| {
        w.chars().count() >= 3
            && !crate::matcher::is_generic(w)
            && !crate::normalize::is_legal_form_word(w)
    };
    for (i, w) in words.iter().enumerate() {
        let w = w.as_ref();
        if counts(w) {
            f(w, false);
        }
        if let Some(next) = words.get(i + 1) {
            f(&format!("{w}{}", next.as_ref()), true);
        }
    }
}

/// The word and the words made by deleting one letter from a word of five letters or more, or
/// two from one of eight or more (so no variant is shorter than four letters, where chance
/// collisions would make every party a candidate); two words run together lose one letter at
/// most.
fn deletions(word: &str, pair: bool, mut f: impl FnMut(&str)) {
    f(word);
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 5 {
        return;
    }
    let mut s = String::with_capacity(word.len());
    for i in 0..chars.len() {
        s.clear();
        s.extend(chars[..i].iter().chain(&chars[i + 1..]));
        f(&s);
        if chars.len() >= 8 && !pair {
            for j in i + 1..chars.len() {
                s.clear();
                s.extend(
                    chars[..i]
                        .iter()
                        .chain(&chars[i + 1..j])
                        .chain(&chars[j + 1..]),
                );
                f(&s);
            }
        }
    }
}

/// A name's words run together (six letters or more), with its legal forms and without.
fn run_together<'a>(words: impl Iterator<Item = &'a str>) -> impl Iterator<Item = String> {
    let (mut full, mut core) = (String::new(), String::new());
    for w in words {
        full.extend(w.chars().filter(|&c| c != '_'));
        if !crate::normalize::is_legal_form_word(w) {
            core.push_str(w);
        }
    }
    [full, core].into_iter().filter(|w| w.chars().count() >= 6)
}

impl Probe {
    pub fn new(entries: &[ListEntry]) -> Probe {
        let mut keys = std::collections::HashSet::new();
        for e in entries {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let tokens = crate::normalize::normalize(n).tokens;
                // The whole name run together, with and without its legal forms: the
                // screener matches "vanderbilt corp" to "van der bilt corp".
                for whole in run_together(tokens.iter().map(|t| t.text.as_str())) {
                    keys.insert(whole);
                }
                let words: Vec<String> = tokens
                    .into_iter()
                    .filter(|t| t.kind != crate::normalize::TokenKind::LegalForm)
                    .map(|t| t.text)
                    .collect();
                words_and_pairs(&words, |w, pair| {
                    deletions(w, pair, |d| {
                        keys.insert(d.to_string());
                    })
                });
            }
        }
        Probe { keys }
    }

    /// Whether a party whose normalised name is `key` (words separated by spaces, as
    /// [`crate::normalize::NormalizedName::key`] writes it) could match.
    pub fn may_match(&self, key: &str) -> bool {
        let words: Vec<&str> = key.split(' ').collect();
        let mut hit = run_together(words.iter().copied()).any(|w| self.keys.contains(&w));
        words_and_pairs(&words, |w, pair| {
            if !hit {
                deletions(w, pair, |d| hit = hit || self.keys.contains(d));
            }
        });
        hit
    }
}
