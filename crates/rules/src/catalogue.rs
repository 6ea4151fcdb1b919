//! The chip and system catalogue (`data/rules/chips.csv`, `data/rules/systems.csv`).
//!
//! A chip carries what the rules measure: dense throughput per precision (from which TPP is
//! computed, never double-counted), the applicable die area (for performance density), the
//! aggregate bidirectional I/O rate (the 2022 test), memory bandwidth (the 2026 envelope),
//! and whether it is designed or marketed for datacenters (Note 2). Systems are counts of
//! chips and classify under 4A090 from them.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;

use crate::RulesError;
use crate::perf::{Precision, Throughput};

/// Whether an item is designed or marketed for datacenters (3A090 Note 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Market {
    Datacenter,
    Consumer,
}

/// The physical form an item is sold in, which decides the tariff headings it is declared under
/// (`data/rules/hs_forms.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A bare or packaged processor die.
    Ic,
    /// An accelerator module on a printed circuit assembly (SXM, OAM).
    Module,
    /// A PCIe accelerator or graphics card.
    Board,
    /// A multi-accelerator baseboard without host processors (HGX).
    Baseboard,
    /// A server or AI system with host processors (DGX, GPU servers).
    Server,
}

impl Form {
    pub fn parse(s: &str) -> Option<Form> {
        Some(match s.trim() {
            "ic" => Form::Ic,
            "module" => Form::Module,
            "board" => Form::Board,
            "baseboard" => Form::Baseboard,
            "server" => Form::Server,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Ic => "ic",
            Form::Module => "module",
            Form::Board => "board",
            Form::Baseboard => "baseboard",
            Form::Server => "server",
        }
    }
}

/// A tariff subheading an item of a form is normally declared under, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HsHeading {
    pub form: Form,
    /// Six digits, written `NNNN.NN`.
    pub hs: String,
    pub description: String,
    pub source: String,
}

impl HsHeading {
    /// The six digits of the subheading.
    pub fn digits(&self) -> String {
        self.hs.chars().filter(char::is_ascii_digit).collect()
    }
}

/// The bundled headings per form (`data/rules/hs_forms.csv`).
pub fn hs_headings() -> &'static [HsHeading] {
    static H: OnceLock<Vec<HsHeading>> = OnceLock::new();
    H.get_or_init(|| {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/rules/hs_forms.csv"
        ));
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        rdr.records()
            .map(|r| {
                let r = r.expect("bundled hs_forms.csv is valid CSV");
                HsHeading {
                    form: Form::parse(&r[0]).expect("bundled hs_forms.csv names known forms"),
                    hs: r[1].to_string(),
                    description: r[2].to_string(),
                    source: r[3].to_string(),
                }
            })
            .collect()
    })
}

/// The headings an item of `form` is normally declared under.
pub fn headings_for(form: Form) -> impl Iterator<Item = &'static HsHeading> {
    hs_headings().iter().filter(move |h| h.form == form)
}

/// How the applicable die area is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaStatus {
    Public,
    Estimated,
    Unknown,
}

/// An accelerator as the rules see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chip {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub vendor: String,
    pub launch: NaiveDate,
    pub market: Market,
    /// The form the chip is sold in (module, board, ic).
    pub form: Form,
    pub throughput: Vec<Throughput>,
    pub die_area_mm2: Option<f64>,
    pub die_area_status: AreaStatus,
    /// Aggregate bidirectional I/O to ICs other than volatile memory, GB/s.
    pub interconnect_gbps: Option<f64>,
    pub memory_bw_gbps: Option<f64>,
    pub source: String,
}

/// A system (board, server) built from a number of one chip.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct System {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub chip: String,
    pub count: u32,
    /// Baseboard or server.
    pub form: Form,
    pub source: String,
}

/// What a catalogue name refers to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    Chip(Chip),
    System { system: System, chip: Chip },
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Chip(c) => &c.id,
            Item::System { system, .. } => &system.id,
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Item::Chip(c) => &c.name,
            Item::System { system, .. } => &system.name,
        }
    }
    /// The chip the item classifies from.
    pub fn chip(&self) -> &Chip {
        match self {
            Item::Chip(c) => c,
            Item::System { chip, .. } => chip,
        }
    }
    /// The form the item is sold in.
    pub fn form(&self) -> Form {
        match self {
            Item::Chip(c) => c.form,
            Item::System { system, .. } => system.form,
        }
    }
    /// Chips per unit of the item.
    pub fn chips_per_unit(&self) -> u32 {
        match self {
            Item::Chip(_) => 1,
            Item::System { system, .. } => system.count,
        }
    }
}

/// The bundled chips and systems.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub chips: Vec<Chip>,
    pub systems: Vec<System>,
}

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn split(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_err(file: &str, line: u64, msg: impl Into<String>) -> RulesError {
    RulesError::Data {
        file: file.to_string(),
        line,
        message: msg.into(),
    }
}

fn opt_num(file: &str, line: u64, col: &str, s: &str) -> Result<Option<f64>, RulesError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    chipwatch_model::input::parse_number(s)
        .filter(|v| *v > 0.0)
        .map(Some)
        .ok_or_else(|| {
            parse_err(
                file,
                line,
                format!("column `{col}`: `{s}` is not a positive number"),
            )
        })
}

impl Catalogue {
    /// The catalogue compiled into chipwatch.
    pub fn bundled() -> &'static Catalogue {
        static CAT: OnceLock<Catalogue> = OnceLock::new();
        CAT.get_or_init(|| {
            Catalogue::parse(
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../data/rules/chips.csv"
                )),
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../data/rules/systems.csv"
                )),
            )
            .expect("bundled chip catalogue is valid: checked by the rules crate's tests")
        })
    }

    /// Parse the catalogue files.
    pub fn parse(chips_csv: &str, systems_csv: &str) -> Result<Catalogue, RulesError> {
        const CF: &str = "data/rules/chips.csv";
        const SF: &str = "data/rules/systems.csv";
        let mut chips = Vec::new();
        let mut rdr = csv::Reader::from_reader(chips_csv.as_bytes());
        for rec in rdr.deserialize::<std::collections::HashMap<String, String>>() {
            let rec = rec
                .map_err(|e| parse_err(CF, e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = chips.len() as u64 + 2;
            let get = |c: &str| rec.get(c).map(String::as_str).unwrap_or("");
            let launch = NaiveDate::parse_from_str(get("launch"), "%Y-%m-%d").map_err(|_| {
                parse_err(
                    CF,
                    line,
                    format!("column `launch`: `{}` is not a date", get("launch")),
                )
            })?;
            let market = match get("market") {
                "datacenter" => Market::Datacenter,
                "consumer" => Market::Consumer,
                m => {
                    return Err(parse_err(
                        CF,
                        line,
                        format!("column `market`: `{m}` is not datacenter or consumer"),
                    ));
                }
            };
            let form = Form::parse(get("form")).ok_or_else(|| {
                parse_err(
                    CF,
                    line,
                    format!(
                        "column `form`: `{}` is not module, board or ic",
                        get("form")
                    ),
                )
            })?;
            let throughput = get("throughput")
                .split(';')
                .filter(|s| !s.trim().is_empty())
                .map(|t| {
                    Throughput::parse(t)
                        .map_err(|e| parse_err(CF, line, format!("column `throughput`: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if throughput.is_empty() {
                return Err(parse_err(
                    CF,
                    line,
                    "column `throughput`: at least one PRECISION:TOPS",
                ));
            }
            let die_area_status = match get("die_area_status") {
                "public" => AreaStatus::Public,
                "estimated" => AreaStatus::Estimated,
                "unknown" | "" => AreaStatus::Unknown,
                s => {
                    return Err(parse_err(
                        CF,
                        line,
                        format!("column `die_area_status`: `{s}`"),
                    ));
                }
            };
            chips.push(Chip {
                id: get("id").to_string(),
                name: get("name").to_string(),
                aliases: split(get("aliases")),
                vendor: get("vendor").to_string(),
                launch,
                market,
                form,
                throughput,
                die_area_mm2: opt_num(CF, line, "die_area_mm2", get("die_area_mm2"))?,
                die_area_status,
                interconnect_gbps: opt_num(
                    CF,
                    line,
                    "interconnect_gbps",
                    get("interconnect_gbps"),
                )?,
                memory_bw_gbps: opt_num(CF, line, "memory_bw_gbps", get("memory_bw_gbps"))?,
                source: get("source").to_string(),
            });
        }
        let mut systems = Vec::new();
        let mut rdr = csv::Reader::from_reader(systems_csv.as_bytes());
        for rec in rdr.deserialize::<std::collections::HashMap<String, String>>() {
            let rec = rec
                .map_err(|e| parse_err(SF, e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = systems.len() as u64 + 2;
            let get = |c: &str| rec.get(c).map(String::as_str).unwrap_or("");
            let chip = get("chip").to_string();
            if !chips.iter().any(|c| c.id == chip) {
                return Err(parse_err(
                    SF,
                    line,
                    format!("column `chip`: `{chip}` is not in chips.csv"),
                ));
            }
            let count: u32 = get("count")
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    parse_err(SF, line, format!("column `count`: `{}`", get("count")))
                })?;
            let form = Form::parse(get("form"))
                .filter(|f| matches!(f, Form::Baseboard | Form::Server))
                .ok_or_else(|| {
                    parse_err(
                        SF,
                        line,
                        format!(
                            "column `form`: `{}` is not baseboard or server",
                            get("form")
                        ),
                    )
                })?;
            systems.push(System {
                id: get("id").to_string(),
                name: get("name").to_string(),
                aliases: split(get("aliases")),
                chip,
                count,
                form,
                source: get("source").to_string(),
            });
        }
        Ok(Catalogue { chips, systems })
    }

    fn chip_by_id(&self, id: &str) -> Option<&Chip> {
        self.chips.iter().find(|c| c.id == id)
    }

    /// Look an item up by id, name or alias (case, spaces and punctuation ignored).
    pub fn find(&self, name: &str) -> Option<Item> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        let names = |id: &str, n: &str, aliases: &[String]| {
            key(id) == k || key(n) == k || aliases.iter().any(|a| key(a) == k)
        };
        if let Some(c) = self
            .chips
            .iter()
            .find(|c| names(&c.id, &c.name, &c.aliases))
        {
            return Some(Item::Chip(c.clone()));
        }
        self.systems
            .iter()
            .find(|s| names(&s.id, &s.name, &s.aliases))
            .and_then(|s| {
                self.chip_by_id(&s.chip).map(|c| Item::System {
                    system: s.clone(),
                    chip: c.clone(),
                })
            })
    }

    /// Look an item up, or fail with the nearest catalogue names.
    pub fn get(&self, name: &str) -> Result<Item, RulesError> {
        self.find(name).ok_or_else(|| RulesError::UnknownItem {
            name: name.to_string(),
            suggestions: self.suggest(name),
        })
    }

    /// Up to five catalogue ids closest to `name`.
    pub fn suggest(&self, name: &str) -> Vec<String> {
        let k = key(name);
        let mut scored: Vec<(f64, &str)> = self
            .chips
            .iter()
            .flat_map(|c| {
                std::iter::once((c.id.as_str(), c.id.as_str()))
                    .chain(std::iter::once((c.name.as_str(), c.id.as_str())))
                    .chain(c.aliases.iter().map(move |a| (a.as_str(), c.id.as_str())))
            })
            .chain(self.systems.iter().flat_map(|s| {
                std::iter::once((s.id.as_str(), s.id.as_str()))
                    .chain(s.aliases.iter().map(move |a| (a.as_str(), s.id.as_str())))
            }))
            .map(|(n, id)| (strsim::jaro_winkler(&k, &key(n)), id))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out: Vec<String> = Vec::new();
        for (score, id) in scored {
            if out.len() == 5 || score < 0.6 {
                break;
            }
            if !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        }
        out
    }
}

impl Chip {
    /// The precision at which TPP is highest, and its dense throughput.
    pub fn best_precision(&self) -> Option<&Throughput> {
        // The first listed precision wins ties (the datasheet's headline figure).
        self.throughput
            .iter()
            .fold(None::<&Throughput>, |best, t| match best {
                Some(b) if b.tpp() >= t.tpp() => Some(b),
                _ => Some(t),
            })
    }
    pub fn tpp(&self) -> f64 {
        self.best_precision().map_or(0.0, Throughput::tpp)
    }
    pub fn precision_label(&self) -> String {
        self.best_precision()
            .map(|t| {
                format!(
                    "{} {} dense × {} bits",
                    t.precision,
                    t.tops,
                    t.precision.bits()
                )
            })
            .unwrap_or_default()
    }
    pub fn is_datacenter(&self) -> bool {
        self.market == Market::Datacenter
    }
    /// Whether the chip is of one precision family (for filters and tests).
    pub fn has_precision(&self, p: Precision) -> bool {
        self.throughput.iter().any(|t| t.precision == p)
    }
}
