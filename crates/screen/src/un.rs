//! The UN Security Council consolidated list (XML, as published at scsanctions.un.org).
//!
//! Individuals' names are the FIRST..FOURTH_NAME parts joined; aliases are the ALIAS_NAME
//! entries and the name in its original script (NAME_ORIGINAL_SCRIPT), which cross-script
//! screening needs; addresses join STREET, CITY, STATE_PROVINCE and COUNTRY.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::lists::{EntryKind, ListEntry, ListError, Loaded};

#[derive(Default)]
struct Pending {
    kind: Option<EntryKind>,
    parts: [String; 4],
    dataid: String,
    reference: String,
    list_type: String,
    listed_on: String,
    comments: String,
    dobs: Vec<String>,
    nationalities: Vec<String>,
    ids: Vec<String>,
    aliases: Vec<String>,
    addresses: Vec<String>,
    address: Vec<String>,
    line: u64,
}

/// Line numbers of byte positions, counted forward from the last position asked (positions
/// come in increasing order while reading, so the whole file is scanned once).
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl Lines<'_> {
    fn at(&mut self, pos: u64) -> u64 {
        let end = (pos as usize).min(self.bytes.len());
        if end < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += self.bytes[self.pos..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.pos = end;
        self.line
    }
}

/// Read a UN consolidated list XML file.
pub fn read_un_xml(path: &Path) -> Result<Loaded, ListError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ListError::Io {
        file: file.clone(),
        source,
    })?;
    let mut lines = Lines {
        bytes: &bytes,
        pos: 0,
        line: 1,
    };
    let mut reader = Reader::from_reader(bytes.as_slice());
    reader.config_mut().trim_text(true);
    let mut out = Loaded {
        file: file.clone(),
        format: "un-consolidated-xml".into(),
        ..Loaded::default()
    };
    let mut buf = Vec::new();
    let mut path_stack: Vec<String> = Vec::new();
    let mut cur: Option<Pending> = None;
    let mut saw_root = false;
    loop {
        let pos = reader.buffer_position();
        match reader.read_event_into(&mut buf) {
            Err(e) => {
                return Err(ListError::Format {
                    file,
                    message: format!("line {}: malformed XML: {e}", lines.at(pos)),
                });
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "CONSOLIDATED_LIST" {
                    saw_root = true;
                }
                if name == "INDIVIDUAL" || name == "ENTITY" {
                    cur = Some(Pending {
                        kind: Some(if name == "INDIVIDUAL" {
                            EntryKind::Individual
                        } else {
                            EntryKind::Entity
                        }),
                        line: lines.at(pos),
                        ..Pending::default()
                    });
                }
                if name.ends_with("_ADDRESS")
                    && let Some(p) = cur.as_mut()
                {
                    p.address.clear();
                }
                path_stack.push(name);
            }
            Ok(Event::End(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                path_stack.pop();
                if name.ends_with("_ADDRESS")
                    && let Some(p) = cur.as_mut()
                    && !p.address.is_empty()
                {
                    let a = p.address.join(", ");
                    p.addresses.push(a);
                    p.address.clear();
                }
                if (name == "INDIVIDUAL" || name == "ENTITY")
                    && let Some(p) = cur.take()
                {
                    let full = p
                        .parts
                        .iter()
                        .map(|s| s.trim())
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if full.is_empty() {
                        out.warnings.push(format!(
                            "{file}:{}: {} without a name skipped",
                            p.line, name
                        ));
                        continue;
                    }
                    let id = if p.reference.is_empty() {
                        p.dataid.clone()
                    } else {
                        p.reference.clone()
                    };
                    let mut aliases = p.aliases;
                    aliases.retain(|a| a != &full);
                    aliases.dedup();
                    out.push_entry(ListEntry {
                        source: "UN".into(),
                        source_name: "UN Security Council Consolidated List".into(),
                        entry_id: if id.is_empty() {
                            format!("line {}", p.line)
                        } else {
                            id
                        },
                        kind: p.kind.unwrap_or(EntryKind::Unknown),
                        name: full,
                        aliases,
                        addresses: p.addresses,
                        countries: Vec::new(),
                        programs: if p.list_type.is_empty() {
                            Vec::new()
                        } else {
                            vec![p.list_type]
                        },
                        start_date: (!p.listed_on.is_empty()).then_some(p.listed_on),
                        remarks: (!p.comments.is_empty()).then_some(p.comments),
                        dates_of_birth: p.dobs,
                        nationalities: p.nationalities,
                        ids: p.ids,
                        origin: format!("{file}:{}", p.line),
                    });
                }
            }
            Ok(Event::Text(t)) => {
                let Some(p) = cur.as_mut() else { continue };
                let text = match t.unescape() {
                    Ok(s) => s.into_owned(),
                    Err(e) => {
                        out.warnings
                            .push(format!("{file}:{}: text not decoded: {e}", lines.at(pos)));
                        continue;
                    }
                };
                let text = text.trim().to_string();
                if text.is_empty() {
                    continue;
                }
                let tag = path_stack.last().map(String::as_str).unwrap_or("");
                let parent = path_stack
                    .len()
                    .checked_sub(2)
                    .and_then(|i| path_stack.get(i))
                    .map(String::as_str)
                    .unwrap_or("");
                match (parent, tag) {
                    (_, "FIRST_NAME") => p.parts[0] = text,
                    (_, "SECOND_NAME") => p.parts[1] = text,
                    (_, "THIRD_NAME") => p.parts[2] = text,
                    (_, "FOURTH_NAME") => p.parts[3] = text,
                    (_, "DATAID") => p.dataid = text,
                    (_, "REFERENCE_NUMBER") => p.reference = text,
                    (_, "UN_LIST_TYPE") => p.list_type = text,
                    (_, "LISTED_ON") => p.listed_on = text,
                    (_, "COMMENTS1") => p.comments = text,
                    ("INDIVIDUAL_DATE_OF_BIRTH", "DATE" | "YEAR" | "FROM_YEAR" | "TO_YEAR") => {
                        p.dobs.push(text)
                    }
                    ("NATIONALITY", "VALUE") => p.nationalities.push(text),
                    ("INDIVIDUAL_DOCUMENT", "NUMBER") => p.ids.push(text),
                    (_, "NAME_ORIGINAL_SCRIPT") => p.aliases.push(text),
                    (a, "ALIAS_NAME") if a.ends_with("_ALIAS") => p.aliases.push(text),
                    (a, "STREET" | "CITY" | "STATE_PROVINCE" | "COUNTRY")
                        if a.ends_with("_ADDRESS") =>
                    {
                        p.address.push(text)
                    }
                    _ => {}
                }
            }
            Ok(_) => {}
        }
        buf.clear();
    }
    if !saw_root {
        return Err(ListError::Format {
            file,
            message: "not a UN consolidated list: no CONSOLIDATED_LIST element".into(),
        });
    }
    Ok(out)
}
