//! List loaders with per-source counts and located warnings.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::Serialize;

/// What a listed party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Individual,
    Entity,
    Vessel,
    Aircraft,
    #[default]
    Unknown,
}

impl EntryKind {
    pub(crate) fn parse(s: &str) -> EntryKind {
        match s.trim().to_ascii_lowercase().as_str() {
            "individual" => EntryKind::Individual,
            "entity" | "-0-" => EntryKind::Entity,
            "vessel" => EntryKind::Vessel,
            "aircraft" => EntryKind::Aircraft,
            _ => EntryKind::Unknown,
        }
    }
}

/// One listed party.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ListEntry {
    /// Short code of the source list: `SDN`, `EL`, `DPL`, `UVL`, `MEU`, `ISN`, `DTC`, ...
    pub source: String,
    /// The list's own name for itself.
    pub source_name: String,
    /// The entry's id within its list (CSL `_id` or `entity_number`, SDN `ent_num`), or a line reference.
    pub entry_id: String,
    pub kind: EntryKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub addresses: Vec<String>,
    /// Countries the list names for the entry (ISO codes or names), besides its addresses.
    pub countries: Vec<String>,
    pub programs: Vec<String>,
    pub start_date: Option<String>,
    pub remarks: Option<String>,
    /// Dates of birth as the list writes them ("10 Dec 1948", "1946", "1948-12-10"): a
    /// qualifier of person matches.
    pub dates_of_birth: Vec<String>,
    /// Nationalities and citizenships as the list writes them ("Iran", "IR"): a qualifier of
    /// person matches.
    pub nationalities: Vec<String>,
    /// Identity and registration documents as the list writes them ("Passport A1234567
    /// (Iran)", "Registration Number 201708444M (Singapore)"): a number the query gives that
    /// one of them carries raises the score.
    pub ids: Vec<String>,
    /// File and line the entry was read from.
    pub origin: String,
}

/// The entries of one file and what happened reading it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Loaded {
    pub file: String,
    pub format: String,
    pub entries: Vec<ListEntry>,
    pub per_source: BTreeMap<String, usize>,
    /// Rows not taken, each with its line and why.
    pub warnings: Vec<String>,
}

impl Loaded {
    /// Add an entry and count it under its source.
    pub fn push_entry(&mut self, e: ListEntry) {
        self.push(e);
    }
    fn push(&mut self, e: ListEntry) {
        *self.per_source.entry(e.source.clone()).or_default() += 1;
        self.entries.push(e);
    }
    /// Names and aliases in all entries.
    pub fn name_count(&self) -> usize {
        self.entries.iter().map(|e| 1 + e.aliases.len()).sum()
    }
}

/// Why a list could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: {message}")]
    Format { file: String, message: String },
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> ListError + '_ {
    move |source| ListError::Io {
        file: path.display().to_string(),
        source,
    }
}

/// The short code in a CSL source name: `Entity List (EL) - Bureau of ...` → `EL`;
/// `Non-SDN Menu-Based Sanctions List (NS-MBS List) - ...` → `NS-MBS`.
pub fn source_code(name: &str) -> String {
    let head = name.split(" - ").next().unwrap_or(name);
    match (head.rfind('('), head.rfind(')')) {
        (Some(a), Some(b)) if b > a => head[a + 1..b].trim_end_matches(" List").trim().to_string(),
        _ => head.trim().to_string(),
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The CSL's `alt_names`: `;`-separated, and where the Federal Register listed the names as a
/// series ("a.k.a. the following three aliases: A; B; and C") the last one keeps the "and "
/// (26 entries of the 2023 CSL: "and MOA#8 Academy", "and Haji Khalil"). The conjunction is not
/// part of the name.
fn split_aliases(s: &str) -> Vec<String> {
    let mut out = split_list(s);
    if out.len() >= 2
        && let Some(last) = out.last_mut()
        && last.len() > 4
        && last[..4].eq_ignore_ascii_case("and ")
    {
        *last = last[4..].trim_start().to_string();
    }
    out
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty() && t != "-0-").then(|| t.to_string())
}

/// The header row, lower-cased, trimmed, without a byte-order mark.
fn lowercase_header<R: Read>(
    rdr: &mut csv::Reader<R>,
    file: &str,
) -> Result<Vec<String>, ListError> {
    Ok(rdr
        .headers()
        .map_err(|e| ListError::Format {
            file: file.to_string(),
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect())
}

/// Read a Consolidated Screening List CSV (29 columns with `_id`, or the 28-column schema
/// without it). A repeated header line and rows cut short (a truncated download) are skipped
/// with a warning naming the line.
pub fn read_csl(path: &Path) -> Result<Loaded, ListError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(io_err(path))?;
    read_csl_bytes(&path.display().to_string(), &bytes)
}

/// [`read_csl`] on bytes already in memory; `file` names them in warnings.
pub fn read_csl_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, ListError> {
    let file = file.to_string();
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = lowercase_header(&mut rdr, &file)?;
    let col = |n: &str| header.iter().position(|h| h == n);
    let (Some(c_source), Some(c_name)) = (col("source"), col("name")) else {
        return Err(ListError::Format {
            file,
            message: format!(
                "not a Consolidated Screening List: no `source` and `name` columns (found: {})",
                header.join(", ")
            ),
        });
    };
    let mut out = Loaded {
        file: file.clone(),
        format: if col("_id").is_some() {
            "csl-csv-29".into()
        } else {
            "csl-csv-28".into()
        },
        ..Loaded::default()
    };
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.warnings
                    .push(format!("{file}:{line}: unreadable row skipped: {e}"));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>| c.and_then(|i| rec.get(i)).unwrap_or("").trim();
        if rec
            .iter()
            .map(|f| f.trim().to_ascii_lowercase())
            .eq(header.iter().cloned())
        {
            out.warnings
                .push(format!("{file}:{line}: repeated header line skipped"));
            continue;
        }
        if rec.len() < header.len() {
            out.warnings.push(format!(
                "{file}:{line}: row cut short ({} of {} fields, a truncated file?) skipped",
                rec.len(),
                header.len()
            ));
            continue;
        }
        let name = get(Some(c_name));
        if name.is_empty() {
            out.warnings
                .push(format!("{file}:{line}: row without a name skipped"));
            continue;
        }
        let source_name = get(Some(c_source)).to_string();
        let id = [get(col("_id")), get(col("entity_number"))]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| format!("line {line}"));
        out.push(ListEntry {
            source: source_code(&source_name),
            source_name,
            entry_id: id,
            kind: EntryKind::parse(get(col("type"))),
            name: name.to_string(),
            aliases: split_aliases(get(col("alt_names"))),
            addresses: split_list(get(col("addresses"))),
            countries: Vec::new(),
            programs: split_list(get(col("programs"))),
            start_date: opt(get(col("start_date"))),
            remarks: opt(get(col("remarks"))),
            dates_of_birth: split_list(get(col("dates_of_birth"))),
            nationalities: split_list(get(col("nationalities")))
                .into_iter()
                .chain(split_list(get(col("citizenships"))))
                .collect(),
            ids: split_list(get(col("ids"))),
            origin: format!("{file}:{line}"),
        });
    }
    Ok(out)
}

/// Read OFAC's legacy SDN set: `sdn.csv` in `dir`, with `alt.csv` (aliases) and `add.csv`
/// (addresses) when present. `-0-` means empty; the trailing end-of-file byte is ignored.
pub fn read_sdn_legacy(dir: &Path) -> Result<Loaded, ListError> {
    let read = |name: &str| -> Result<Option<(String, Vec<u8>)>, ListError> {
        let p = dir.join(name);
        if !p.exists() {
            return Ok(None);
        }
        let mut b = std::fs::read(&p).map_err(io_err(&p))?;
        b.retain(|&c| c != 0x1a);
        Ok(Some((p.display().to_string(), b)))
    };
    let Some((file, sdn)) = read("sdn.csv")? else {
        return Err(ListError::Format {
            file: dir.display().to_string(),
            message: "no sdn.csv in the folder".into(),
        });
    };
    let mut out = Loaded {
        file: file.clone(),
        format: "ofac-sdn-legacy-csv".into(),
        ..Loaded::default()
    };
    let records = |bytes: &[u8]| -> Vec<(u64, csv::StringRecord)> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        rdr.records()
            .filter_map(Result::ok)
            .map(|r| (r.position().map_or(0, |p| p.line()), r))
            .filter(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()))
            .collect()
    };
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (line, r) in records(&sdn) {
        if r.len() < 4 {
            out.warnings.push(format!(
                "{file}:{line}: row with {} of 12 fields skipped",
                r.len()
            ));
            continue;
        }
        let id = r[0].trim().to_string();
        let name = r[1].trim();
        if id.is_empty() || name.is_empty() {
            out.warnings
                .push(format!("{file}:{line}: row without an id or name skipped"));
            continue;
        }
        index.insert(id.clone(), out.entries.len());
        out.push(ListEntry {
            source: "SDN".into(),
            source_name: "Specially Designated Nationals (SDN) - Treasury Department".into(),
            entry_id: id,
            kind: EntryKind::parse(&r[2]),
            name: name.to_string(),
            aliases: Vec::new(),
            addresses: Vec::new(),
            countries: Vec::new(),
            programs: opt(&r[3])
                .map(|p| split_list(&p.replace(']', "").replace('[', ";")))
                .unwrap_or_default(),
            start_date: None,
            remarks: r.get(11).and_then(opt),
            dates_of_birth: r.get(11).map(dobs_in_remarks).unwrap_or_default(),
            nationalities: r.get(11).map(nationalities_in_remarks).unwrap_or_default(),
            ids: r.get(11).map(ids_in_remarks).unwrap_or_default(),
            origin: format!("{file}:{line}"),
        });
    }
    if let Some((afile, alt)) = read("alt.csv")? {
        for (line, r) in records(&alt) {
            match (r.get(0).map(str::trim), r.get(3).and_then(opt)) {
                (Some(id), Some(alias)) => match index.get(id) {
                    Some(&i) => out.entries[i].aliases.push(alias),
                    None => out.warnings.push(format!(
                        "{afile}:{line}: alias for unknown entry {id} skipped"
                    )),
                },
                _ => out.warnings.push(format!(
                    "{afile}:{line}: alias row without an entry id or name skipped"
                )),
            }
        }
    }
    if let Some((dfile, add)) = read("add.csv")? {
        for (line, r) in records(&add) {
            let Some(id) = r.get(0).map(str::trim) else {
                continue;
            };
            let parts: Vec<String> = (2..5).filter_map(|i| r.get(i).and_then(opt)).collect();
            match index.get(id) {
                Some(&i) if !parts.is_empty() => out.entries[i].addresses.push(parts.join(", ")),
                Some(_) => {}
                None => out.warnings.push(format!(
                    "{dfile}:{line}: address for unknown entry {id} skipped"
                )),
            }
        }
    }
    Ok(out)
}

/// Read the BIS Denied Persons List as published (tab-separated, quoted, with a header).
pub fn read_dpl(path: &Path) -> Result<Loaded, ListError> {
    let file = path.display().to_string();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .from_path(path)
        .map_err(|e| ListError::Format {
            file: file.clone(),
            message: e.to_string(),
        })?;
    let header = lowercase_header(&mut rdr, &file)?;
    let col = |n: &str| header.iter().position(|h| h == n);
    let Some(c_name) = col("name") else {
        return Err(ListError::Format {
            file,
            message: "not a Denied Persons List: no `Name` column".into(),
        });
    };
    let mut out = Loaded {
        file: file.clone(),
        format: "bis-dpl-tsv".into(),
        ..Loaded::default()
    };
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                out.warnings.push(format!(
                    "{file}:{}: unreadable row skipped: {e}",
                    e.position().map_or(0, |p| p.line())
                ));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>| c.and_then(|i| rec.get(i)).unwrap_or("").trim();
        let name = get(Some(c_name));
        if name.is_empty() {
            out.warnings
                .push(format!("{file}:{line}: row without a name skipped"));
            continue;
        }
        let address = ["street_address", "city", "state", "postal_code", "country"]
            .iter()
            .map(|c| get(col(c)))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(ListEntry {
            source: "DPL".into(),
            source_name: "Denied Persons List (DPL) - Bureau of Industry and Security".into(),
            entry_id: format!("line {line}"),
            kind: EntryKind::Unknown,
            name: name.to_string(),
            aliases: Vec::new(),
            addresses: if address.is_empty() {
                Vec::new()
            } else {
                vec![address]
            },
            countries: Vec::new(),
            programs: Vec::new(),
            start_date: opt(get(col("effective_date"))),
            remarks: opt(get(col("fr_citation"))),
            dates_of_birth: Vec::new(),
            nationalities: Vec::new(),
            ids: Vec::new(),
            origin: format!("{file}:{line}"),
        });
    }
    Ok(out)
}

/// Read any supported list, by file name and content: a folder with `sdn.csv` (OFAC legacy),
/// UN consolidated XML, a tab-separated file with a `Name` column (DPL), or a CSL CSV.
pub fn read_any(path: &Path) -> Result<Loaded, ListError> {
    if path.is_dir() {
        return read_sdn_legacy(path);
    }
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(io_err(path))?;
    let text = String::from_utf8_lossy(&head[..n]);
    let first_line = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    let trimmed = first_line.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        // One complete object with a schema on the first line: FollowTheMoney JSON lines.
        let mut whole_line = String::new();
        if let Ok(f) = std::fs::File::open(path) {
            use std::io::BufRead;
            let _ = std::io::BufReader::new(f).read_line(&mut whole_line);
        }
        let is_ftm =
            serde_json::from_str::<serde_json::Value>(whole_line.trim_start_matches('\u{feff}'))
                .ok()
                .is_some_and(|v| v.get("schema").is_some());
        return if is_ftm {
            crate::json::read_ftm(path)
        } else {
            crate::json::read_csl_json(path)
        };
    }
    if first_line.starts_with("<?xml") || first_line.starts_with("<CONSOLIDATED_LIST") {
        crate::un::read_un_xml(path)
    } else if first_line.contains('\t') {
        read_dpl(path)
    } else if path.file_name().is_some_and(|f| f == "sdn.csv") {
        read_sdn_legacy(path.parent().unwrap_or(Path::new(".")))
    } else {
        read_csl(path)
    }
}

/// The parts of SDN remarks, "alt." dropped: "nationality Iran; alt. nationality Iraq; ...".
fn remark_parts(remarks: &str) -> impl Iterator<Item = &str> {
    remarks.split(';').map(|p| {
        let p = p.trim();
        p.strip_prefix("alt. ").unwrap_or(p).trim()
    })
}

/// Nationalities and citizenships in SDN remarks: "nationality Iran; citizen Iraq".
pub fn nationalities_in_remarks(remarks: &str) -> Vec<String> {
    remark_parts(remarks)
        .filter_map(|p| {
            p.strip_prefix("nationality ")
                .or_else(|| p.strip_prefix("citizen "))
                .map(|c| c.trim().trim_end_matches('.').to_string())
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// Identity and registration documents in SDN remarks: the parts that name a document with a
/// number ("Passport A1234567 (Iran)", "National ID No. 0012345678", "Registration Number
/// 201708444M (Singapore)", "Vessel Registration Identification IMO 9218466").
pub fn ids_in_remarks(remarks: &str) -> Vec<String> {
    const DOCUMENTS: [&str; 12] = [
        "Passport",
        "National ID",
        "Registration",
        "Tax ID",
        "Identification Number",
        "Cedula",
        "NIT",
        "D.N.I.",
        "C.U.I.T.",
        "RFC",
        "IMO",
        "Vessel Registration",
    ];
    remark_parts(remarks)
        .filter(|p| DOCUMENTS.iter().any(|d| p.starts_with(d)))
        .filter(|p| p.bytes().any(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// The document numbers in an identifier as a list writes it: runs of letters and digits of
/// five characters or more with a digit, upper-cased ("Passport A-123 4567 (Iran)" gives
/// "A1234567" when written together, "A", "1234567" otherwise).
pub fn id_numbers(id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for run in id.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '/' || c == '.'))
    {
        let n: String = run
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase();
        if n.len() >= 5 && n.bytes().any(|b| b.is_ascii_digit()) {
            out.push(n);
        }
    }
    out
}

/// Dates of birth in SDN remarks: "DOB 10 Dec 1948; alt. DOB 1949; POB ...".
pub fn dobs_in_remarks(remarks: &str) -> Vec<String> {
    remarks
        .split(';')
        .map(str::trim)
        .filter_map(|p| {
            p.strip_prefix("alt. ")
                .unwrap_or(p)
                .strip_prefix("DOB ")
                .map(|d| d.trim().to_string())
        })
        .filter(|d| !d.is_empty())
        .collect()
}

/// The years a date of birth as written can mean: "10 Dec 1948" → 1948, "circa 1970" → 1970,
/// "1960 to 1962" → 1960, 1961, 1962.
pub fn dob_years(dob: &str) -> Vec<i32> {
    let years: Vec<i32> = dob
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse().ok())
        .filter(|y| (1850..=2100).contains(y))
        .collect();
    match years.as_slice() {
        [a, b] if dob.contains(" to ") && b > a && b - a <= 20 => (*a..=*b).collect(),
        _ => years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_alias_of_a_series_loses_its_conjunction() {
        assert_eq!(
            split_aliases(
                "Shanghai Academy of Spaceflight Technology (SAST); Shanghai Institute of Space; and MOA#8 Academy"
            ),
            vec![
                "Shanghai Academy of Spaceflight Technology (SAST)",
                "Shanghai Institute of Space",
                "MOA#8 Academy"
            ]
        );
        // A single alias is a name as written ("And Co" is not a series).
        assert_eq!(split_aliases("And Co"), vec!["And Co"]);
        assert_eq!(split_aliases("A; Anderson Ltd"), vec!["A", "Anderson Ltd"]);
    }

    #[test]
    fn source_codes_come_from_the_parenthesis() {
        assert_eq!(
            source_code("Entity List (EL) - Bureau of Industry and Security"),
            "EL"
        );
        assert_eq!(
            source_code("Military End User (MEU) List - Bureau of Industry and Security"),
            "MEU"
        );
        assert_eq!(
            source_code("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"),
            "NS-MBS"
        );
    }
}
