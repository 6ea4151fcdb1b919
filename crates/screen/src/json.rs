//! JSON list formats: the trade.gov Consolidated Screening List JSON download and
//! OpenSanctions / FollowTheMoney entities as JSON lines.

use std::path::Path;

use serde_json::Value;

use crate::lists::{EntryKind, ListEntry, ListError, Loaded, source_code};

/// CSL JSON `ids`: objects `{type, number, country}` written as "Passport A1234567 (Iran)",
/// or plain strings.
fn documents(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| match x {
                Value::Object(o) => {
                    let f = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").trim();
                    let number = f("number");
                    (!number.is_empty()).then(|| {
                        let mut d = format!("{} {number}", f("type")).trim().to_string();
                        if !f("country").is_empty() {
                            d.push_str(&format!(" ({})", f("country")));
                        }
                        d
                    })
                }
                _ => strings(Some(x)).into_iter().next(),
            })
            .collect(),
        other => strings(other),
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| match x {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::String(s)) if !s.trim().is_empty() => vec![s.trim().to_string()],
        _ => Vec::new(),
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn read(path: &Path) -> Result<String, ListError> {
    std::fs::read_to_string(path).map_err(|source| ListError::Io {
        file: path.display().to_string(),
        source,
    })
}

/// Read the Consolidated Screening List JSON (`{"results":[{...}]}`). An entry without a name is
/// reported as a warning naming its position (`results[17]`) and id.
pub fn read_csl_json(path: &Path) -> Result<Loaded, ListError> {
    #[derive(serde::Deserialize)]
    struct Doc<'a> {
        #[serde(borrow)]
        results: Option<Vec<&'a serde_json::value::RawValue>>,
    }
    let file = path.display().to_string();
    let text_all = read(path)?;
    let body = text_all.trim_start_matches('\u{feff}');
    let doc: Doc = serde_json::from_str(body).map_err(|e| ListError::Format {
        file: file.clone(),
        message: format!("line {}, column {}: not JSON: {e}", e.line(), e.column()),
    })?;
    let Some(raw) = doc.results else {
        return Err(ListError::Format {
            file,
            message: "not a Consolidated Screening List JSON: no `results` array".into(),
        });
    };
    // Each entry's line, from where its text starts in the file (entries come in file order,
    // so lines are counted forward in one pass).
    let mut results = Vec::with_capacity(raw.len());
    let (mut at_offset, mut at_line) = (0usize, 1usize);
    for r in &raw {
        let offset = (r.get().as_ptr() as usize)
            .saturating_sub(body.as_ptr() as usize)
            .clamp(at_offset, body.len());
        at_line += body.as_bytes()[at_offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        at_offset = offset;
        let v: Value = serde_json::from_str(r.get()).map_err(|e| ListError::Format {
            file: file.clone(),
            message: format!("line {at_line}: {e}"),
        })?;
        results.push((at_line, v));
    }
    let mut out = Loaded {
        file: file.clone(),
        format: "csl-json".into(),
        ..Loaded::default()
    };
    for (i, (line, r)) in results.iter().enumerate() {
        let at = format!("{file}:{line}: results[{i}]");
        let Some(obj) = r.as_object() else {
            out.warnings.push(format!("{at}: not an object, skipped"));
            continue;
        };
        let id = text(obj.get("id"))
            .or_else(|| text(obj.get("entity_number")))
            .unwrap_or_else(|| format!("results[{i}]"));
        let Some(name) = text(obj.get("name")) else {
            out.warnings
                .push(format!("{at} (id {id}): entry without a name skipped"));
            continue;
        };
        let source_name = text(obj.get("source")).unwrap_or_default();
        let addresses = match obj.get("addresses") {
            Some(Value::Array(a)) => a
                .iter()
                .map(|ad| {
                    ["address", "city", "state", "postal_code", "country"]
                        .iter()
                        .filter_map(|k| text(ad.get(*k)))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .filter(|s| !s.is_empty())
                .collect(),
            _ => Vec::new(),
        };
        let mut countries = strings(obj.get("nationalities"));
        countries.extend(strings(obj.get("citizenships")));
        out.push_entry(ListEntry {
            source: source_code(&source_name),
            source_name,
            entry_id: id,
            kind: EntryKind::parse(&text(obj.get("type")).unwrap_or_default()),
            name,
            aliases: strings(obj.get("alt_names")),
            addresses,
            countries,
            programs: strings(obj.get("programs")),
            start_date: text(obj.get("start_date")),
            remarks: text(obj.get("remarks")),
            dates_of_birth: strings(obj.get("dates_of_birth")),
            nationalities: strings(obj.get("nationalities"))
                .into_iter()
                .chain(strings(obj.get("citizenships")))
                .collect(),
            ids: documents(obj.get("ids")),
            origin: at,
        });
    }
    Ok(out)
}

/// FollowTheMoney schemas that are parties, and what they are.
fn ftm_kind(schema: &str) -> Option<EntryKind> {
    Some(match schema {
        "Person" => EntryKind::Individual,
        "Company" | "Organization" | "LegalEntity" | "PublicBody" => EntryKind::Entity,
        "Vessel" => EntryKind::Vessel,
        "Airplane" => EntryKind::Aircraft,
        _ => return None,
    })
}

/// Read OpenSanctions / FollowTheMoney entities, one JSON object per line
/// (`{"id","schema","properties":{"name":[..],"alias":[..],...},"datasets":[..]}`). Names come
/// from `name`, aliases from `alias`, `weakAlias` and `previousName`; countries from `country`,
/// `nationality` and `jurisdiction`. Entities that are not parties (Sanction, Address,
/// Ownership, ...) are counted in one warning; malformed lines are warnings naming the line.
pub fn read_ftm(path: &Path) -> Result<Loaded, ListError> {
    let file = path.display().to_string();
    let body = read(path)?;
    let mut out = Loaded {
        file: file.clone(),
        format: "ftm-jsonl".into(),
        ..Loaded::default()
    };
    let mut not_parties = std::collections::BTreeMap::<String, usize>::new();
    let mut parsed_any = false;
    for (i, line) in body.lines().enumerate() {
        let n = i + 1;
        let l = line.trim().trim_start_matches('\u{feff}');
        if l.is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(l) {
            Ok(v) => v,
            Err(e) => {
                out.warnings.push(format!(
                    "{file}:{n}: not a JSON object (column {}): {e}; line skipped",
                    e.column()
                ));
                continue;
            }
        };
        parsed_any = true;
        let schema = v.get("schema").and_then(Value::as_str).unwrap_or("");
        let Some(kind) = ftm_kind(schema) else {
            *not_parties
                .entry(if schema.is_empty() {
                    "(none)".into()
                } else {
                    schema.to_string()
                })
                .or_default() += 1;
            continue;
        };
        let props = v.get("properties");
        let p = |k: &str| strings(props.and_then(|p| p.get(k)));
        let mut names = p("name");
        if names.is_empty()
            && let Some(c) = text(v.get("caption"))
        {
            names.push(c);
        }
        if names.is_empty() {
            out.warnings
                .push(format!("{file}:{n}: {schema} without a name skipped"));
            continue;
        }
        let name = names.remove(0);
        let mut aliases = names;
        for k in ["alias", "weakAlias", "previousName"] {
            aliases.extend(p(k));
        }
        let mut countries = p("country");
        countries.extend(p("nationality"));
        countries.extend(p("jurisdiction"));
        let datasets = strings(v.get("datasets"));
        let source = datasets.first().cloned().unwrap_or_else(|| "ftm".into());
        out.push_entry(ListEntry {
            source: source.clone(),
            source_name: datasets.join(", "),
            entry_id: text(v.get("id")).unwrap_or_else(|| format!("line {n}")),
            kind,
            name,
            aliases,
            addresses: p("address"),
            countries,
            programs: p("program"),
            start_date: p("createdAt").into_iter().next(),
            remarks: p("notes").into_iter().next(),
            dates_of_birth: p("birthDate"),
            nationalities: p("nationality")
                .into_iter()
                .chain(p("citizenship"))
                .collect(),
            ids: [
                "idNumber",
                "passportNumber",
                "registrationNumber",
                "imoNumber",
                "taxNumber",
            ]
            .iter()
            .flat_map(|k| p(k))
            .collect(),
            origin: format!("{file}:{n}"),
        });
    }
    if !parsed_any && !body.trim().is_empty() {
        return Err(ListError::Format {
            file,
            message: "not FollowTheMoney JSON lines: no line is a JSON object".into(),
        });
    }
    if !not_parties.is_empty() {
        let parts: Vec<String> = not_parties
            .iter()
            .map(|(s, c)| format!("{s} {c}"))
            .collect();
        out.warnings.push(format!(
            "{file}: {} entities that are not parties not screened ({})",
            not_parties.values().sum::<usize>(),
            parts.join(", ")
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csl_json_entries_with_addresses_and_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("consolidated.json");
        std::fs::write(
            &p,
            r#"{"total":3,"results":[
{"id":"a1","source":"Entity List (EL) - Bureau of Industry and Security","type":"Entity","name":"Alpha Tech Pte. Ltd.","alt_names":["Alpha Technology"],"addresses":[{"address":"1 Harbour Rd","city":"Singapore","country":"SG"}],"programs":[]},
{"id":"a2","source":"Specially Designated Nationals (SDN) - Treasury Department","type":"Individual","name":"","alt_names":[]},
{"id":"a3","source":"Military End User (MEU) List - Bureau of Industry and Security","name":"Beta Institute","nationalities":["CN"]}]}"#,
        )
        .unwrap();
        let l = read_csl_json(&p).unwrap();
        assert_eq!(l.entries.len(), 2);
        assert_eq!(l.per_source.get("EL"), Some(&1));
        assert_eq!(l.per_source.get("MEU"), Some(&1));
        assert_eq!(l.entries[0].addresses, vec!["1 Harbour Rd, Singapore, SG"]);
        assert_eq!(l.entries[0].aliases, vec!["Alpha Technology"]);
        assert_eq!(l.entries[1].countries, vec!["CN"]);
        assert_eq!(l.warnings.len(), 1);
        assert!(
            l.warnings[0].contains("results[1] (id a2)"),
            "{:?}",
            l.warnings
        );
    }

    #[test]
    fn ftm_lines_keep_parties_and_count_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("entities.ftm.json");
        std::fs::write(
            &p,
            concat!(
                r#"{"id":"NK-1","schema":"Company","properties":{"name":["Gamma Trading FZE"],"alias":["Gamma Tr."],"weakAlias":["GT"],"country":["ae"]},"datasets":["us_trade_csl"]}"#,
                "\n",
                r#"{"id":"NK-2","schema":"Sanction","properties":{"entity":["NK-1"]},"datasets":["us_trade_csl"]}"#,
                "\n{not json\n",
                r#"{"id":"NK-3","schema":"Person","properties":{"name":["Ivan Petrov"]},"datasets":["un_sc_sanctions"]}"#,
                "\n"
            ),
        )
        .unwrap();
        let l = read_ftm(&p).unwrap();
        assert_eq!(l.entries.len(), 2);
        assert_eq!(l.entries[0].aliases, vec!["Gamma Tr.", "GT"]);
        assert_eq!(l.entries[0].countries, vec!["ae"]);
        assert_eq!(l.entries[1].kind, EntryKind::Individual);
        assert_eq!(l.per_source.get("un_sc_sanctions"), Some(&1));
        assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
        assert!(l.warnings[0].contains(":3: not a JSON object"));
        assert!(l.warnings[1].contains("1 entities that are not parties"));
    }
}
