//! Classification of an IC or a system under 3A090/4A090 as of a date.
//!
//! - Before 2022-10-07 there is no 3A090.
//! - 2022-10-07 to 2023-11-16 (87 FR 62186): 3A090 if TPP ≥ 4800 **and** aggregate
//!   bidirectional I/O ≥ 600 GB/s.
//! - From 2023-11-17 (88 FR 73458): a.1 TPP ≥ 4800; a.2 TPP ≥ 1600 and PD ≥ 5.92; b.1 2400 ≤
//!   TPP < 4800 and 1.6 ≤ PD < 5.92; b.2 TPP ≥ 1600 and 3.2 ≤ PD < 5.92; and Note 2: not
//!   3A090 if not designed or marketed for datacenters and TPP < 4800.
//!
//! Thresholds come from `versions.toml`; systems classify under 4A090 from their chips.

use chrono::NaiveDate;
use serde::Serialize;

use crate::RulesError;
use crate::catalogue::{Item, Market};
use crate::perf::performance_density;
use crate::versions::RuleBook;

/// What the rules measure of an IC.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Specs {
    pub name: String,
    /// Catalogue id of the IC, when it came from the catalogue.
    pub chip_id: Option<String>,
    pub tpp: f64,
    pub die_area_mm2: Option<f64>,
    pub interconnect_gbps: Option<f64>,
    pub memory_bw_gbps: Option<f64>,
    pub datacenter: bool,
    /// How TPP was obtained, for the explanation.
    pub tpp_basis: String,
    /// ICs per unit: 1 for a chip, N for a system (4A090).
    pub chips_per_unit: u32,
    pub is_system: bool,
}

impl Specs {
    pub fn of(item: &Item) -> Specs {
        let c = item.chip();
        Specs {
            name: item.name().to_string(),
            chip_id: Some(c.id.clone()),
            tpp: c.tpp(),
            die_area_mm2: c.die_area_mm2,
            interconnect_gbps: c.interconnect_gbps,
            memory_bw_gbps: c.memory_bw_gbps,
            datacenter: c.market == Market::Datacenter,
            tpp_basis: c.precision_label(),
            chips_per_unit: item.chips_per_unit(),
            is_system: matches!(item, Item::System { .. }),
        }
    }

    /// Specs given by hand. TPP comes from `tpp`, or from `tops × bits`; if both are given they
    /// must agree (within 0.5%). Performance density is computed from the die area; a given
    /// `pd` must agree with it.
    #[allow(clippy::too_many_arguments)]
    pub fn from_raw(
        name: &str,
        tpp: Option<f64>,
        tops: Option<f64>,
        bits: Option<u32>,
        die_area_mm2: Option<f64>,
        pd: Option<f64>,
        interconnect_gbps: Option<f64>,
        memory_bw_gbps: Option<f64>,
        datacenter: bool,
    ) -> Result<Specs, RulesError> {
        let bad = |reason: String| RulesError::Contradictory { reason };
        for (label, v) in [
            ("--tpp", tpp),
            ("--tops", tops),
            ("--die-area", die_area_mm2),
            ("--pd", pd),
            ("--interconnect", interconnect_gbps),
            ("--memory-bw", memory_bw_gbps),
        ] {
            if let Some(v) = v
                && !(v.is_finite() && v > 0.0)
            {
                return Err(bad(format!("{label} must be a positive number, got {v}")));
            }
        }
        if let Some(b) = bits
            && !matches!(b, 4 | 6 | 8 | 16 | 32 | 64)
        {
            return Err(bad(format!(
                "--bits must be 4, 6, 8, 16, 32 or 64, got {b}"
            )));
        }
        let from_tops = match (tops, bits) {
            (Some(t), Some(b)) => Some(t * f64::from(b)),
            (Some(_), None) => {
                return Err(bad(
                    "--tops needs --bits (the bit length of the operation)".into()
                ));
            }
            (None, Some(_)) => return Err(bad("--bits needs --tops".into())),
            (None, None) => None,
        };
        let (tpp, basis) = match (tpp, from_tops) {
            (Some(t), Some(f)) if (t - f).abs() > 0.005 * t.max(f) => {
                return Err(bad(format!(
                    "--tpp {t} contradicts --tops × --bits = {f}: TPP is dense TOPS × bit length"
                )));
            }
            (Some(t), _) => (t, "given TPP".to_string()),
            (None, Some(f)) => (
                f,
                format!(
                    "{} TOPS × {} bits",
                    tops.unwrap_or_default(),
                    bits.unwrap_or_default()
                ),
            ),
            (None, None) => return Err(bad("give --tpp, or --tops with --bits".into())),
        };
        let die = match (die_area_mm2, pd) {
            (Some(a), Some(p)) => {
                let computed = tpp / a;
                if (computed - p).abs() > 0.005 * computed.max(p) {
                    return Err(bad(format!(
                        "--pd {p} contradicts TPP {tpp} ÷ --die-area {a} = {computed:.2}"
                    )));
                }
                Some(a)
            }
            (Some(a), None) => Some(a),
            (None, Some(p)) => Some(tpp / p),
            (None, None) => None,
        };
        Ok(Specs {
            name: name.to_string(),
            chip_id: None,
            tpp,
            die_area_mm2: die,
            interconnect_gbps,
            memory_bw_gbps,
            datacenter,
            tpp_basis: basis,
            chips_per_unit: 1,
            is_system: false,
        })
    }

    pub fn pd(&self) -> Option<f64> {
        self.die_area_mm2.map(|a| performance_density(self.tpp, a))
    }
}

/// The paragraph of 3A090 an IC falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EccnParagraph {
    /// 3A090 as first issued (2022): one paragraph.
    V1,
    A1,
    A2,
    B1,
    B2,
}

impl EccnParagraph {
    /// `3A090.a.1`, or `4A090.a` for a system.
    pub fn label(self, system: bool) -> String {
        let (head, tail) = match self {
            EccnParagraph::V1 => ("a", ""),
            EccnParagraph::A1 => ("a", ".1"),
            EccnParagraph::A2 => ("a", ".2"),
            EccnParagraph::B1 => ("b", ".1"),
            EccnParagraph::B2 => ("b", ".2"),
        };
        if system {
            format!("4A090.{head}")
        } else {
            format!("3A090.{head}{tail}")
        }
    }
    pub fn is_a(self) -> bool {
        matches!(
            self,
            EccnParagraph::V1 | EccnParagraph::A1 | EccnParagraph::A2
        )
    }
}

/// A classification with its reasoning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub item: String,
    pub as_of: NaiveDate,
    /// The rule version applied (`none` before 2022-10-07).
    pub rule: String,
    pub citation: String,
    pub paragraph: Option<EccnParagraph>,
    /// `3A090.a.1`, `4A090.a`, or `not 3A090`.
    pub eccn: String,
    pub controlled: bool,
    pub tpp: f64,
    pub pd: Option<f64>,
    pub datacenter: bool,
    /// License Exception NAC (later NAC/ACA) may apply: consumer a.1 items and datacenter .b items.
    pub nac_eligible: bool,
    pub reasons: Vec<String>,
}

fn fmt(v: f64) -> String {
    chipwatch_model::units::thousands(v)
}

/// Classify `specs` under the rules in force on `date`.
pub fn classify(specs: &Specs, date: NaiveDate) -> Classification {
    let book = RuleBook::bundled();
    let v1 = book.get("v1_2022");
    let v2 = book.get("v2_2023");
    let pd = specs.pd();
    let mut c = Classification {
        item: specs.name.clone(),
        as_of: date,
        rule: "none".into(),
        citation: String::new(),
        paragraph: None,
        eccn: "not 3A090".into(),
        controlled: false,
        tpp: specs.tpp,
        pd,
        datacenter: specs.datacenter,
        nac_eligible: false,
        reasons: Vec::new(),
    };
    c.reasons
        .push(format!("TPP {} ({})", fmt(specs.tpp), specs.tpp_basis));
    if date < v1.effective {
        c.reasons.push(format!(
            "{date} is before the first advanced-computing rule ({}, effective {}): no 3A090 existed",
            v1.citation, v1.effective
        ));
        return c;
    }
    if date < v2.effective {
        c.rule = v1.id.clone();
        c.citation = v1.citation.clone();
        let tpp_min = v1.num("tpp_min");
        let io_min = v1.num("io_min_gbps");
        let tpp_ok = specs.tpp >= tpp_min;
        let io = specs.interconnect_gbps;
        let io_ok = io.is_some_and(|x| x >= io_min);
        c.reasons.push(format!(
            "2022 test (3A090.a, {}): TPP {} {} {} and I/O {} {} {} GB/s",
            v1.citation,
            fmt(specs.tpp),
            if tpp_ok { "≥" } else { "<" },
            fmt(tpp_min),
            io.map_or("unknown".to_string(), fmt),
            if io_ok { "≥" } else { "<" },
            fmt(io_min)
        ));
        if tpp_ok && io.is_none() {
            c.reasons.push(
                "the I/O rate is unknown: the 2022 test cannot be decided; treated as not met"
                    .into(),
            );
        }
        if tpp_ok && io_ok {
            c.paragraph = Some(EccnParagraph::V1);
        }
    } else {
        c.rule = v2.id.clone();
        c.citation = v2.citation.clone();
        let t = specs.tpp;
        let note2 = v2.num("note2_tpp_min");
        if !specs.datacenter && t < note2 {
            c.reasons.push(format!(
                "Note 2 to 3A090 ({}): not designed or marketed for datacenters and TPP {} < {}: 3A090 does not apply",
                v2.citation,
                fmt(t),
                fmt(note2)
            ));
        } else if t >= v2.num("a1_tpp_min") {
            c.paragraph = Some(EccnParagraph::A1);
            c.reasons.push(format!(
                "3A090.a.1: TPP {} ≥ {} ({})",
                fmt(t),
                fmt(v2.num("a1_tpp_min")),
                v2.citation
            ));
        } else if let Some(pd) = pd {
            let in_range = |lo: f64, hi: Option<f64>| pd >= lo && hi.is_none_or(|h| pd < h);
            if t >= v2.num("a2_tpp_min") && pd >= v2.num("a2_pd_min") {
                c.paragraph = Some(EccnParagraph::A2);
                c.reasons.push(format!(
                    "3A090.a.2: TPP {} ≥ {} and performance density {:.2} ≥ {} ({})",
                    fmt(t),
                    fmt(v2.num("a2_tpp_min")),
                    pd,
                    v2.num("a2_pd_min"),
                    v2.citation
                ));
            } else if t >= v2.num("b1_tpp_min")
                && t < v2.num("b1_tpp_max")
                && in_range(v2.num("b1_pd_min"), Some(v2.num("b1_pd_max")))
            {
                c.paragraph = Some(EccnParagraph::B1);
                c.reasons.push(format!(
                    "3A090.b.1: {} ≤ TPP {} < {} and {} ≤ PD {:.2} < {} ({})",
                    fmt(v2.num("b1_tpp_min")),
                    fmt(t),
                    fmt(v2.num("b1_tpp_max")),
                    v2.num("b1_pd_min"),
                    pd,
                    v2.num("b1_pd_max"),
                    v2.citation
                ));
            } else if t >= v2.num("b2_tpp_min")
                && in_range(v2.num("b2_pd_min"), Some(v2.num("b2_pd_max")))
            {
                c.paragraph = Some(EccnParagraph::B2);
                c.reasons.push(format!(
                    "3A090.b.2: TPP {} ≥ {} and {} ≤ PD {:.2} < {} ({})",
                    fmt(t),
                    fmt(v2.num("b2_tpp_min")),
                    v2.num("b2_pd_min"),
                    pd,
                    v2.num("b2_pd_max"),
                    v2.citation
                ));
            } else {
                c.reasons.push(format!(
                    "below every 3A090 threshold: TPP {} < {} for a.1; PD {:.2} below {} (a.2) and {} (b.2), and TPP outside b.1 ({})",
                    fmt(t),
                    fmt(v2.num("a1_tpp_min")),
                    pd,
                    v2.num("a2_pd_min"),
                    v2.num("b2_pd_min"),
                    v2.citation
                ));
            }
        } else if t >= v2.num("a2_tpp_min") {
            c.reasons.push(
                "TPP is below 4,800 and the applicable die area is unknown: a.2/b cannot be decided; give the die area"
                    .into(),
            );
        } else {
            c.reasons.push(format!(
                "TPP {} < {}: below every 3A090 threshold ({})",
                fmt(t),
                fmt(v2.num("a2_tpp_min")),
                v2.citation
            ));
        }
        c.nac_eligible = match c.paragraph {
            Some(EccnParagraph::A1) => !specs.datacenter,
            Some(EccnParagraph::B1 | EccnParagraph::B2) => specs.datacenter,
            _ => false,
        };
        if c.nac_eligible {
            c.reasons.push(format!(
                "License Exception NAC may apply ({}): {}",
                v2.citation,
                if specs.datacenter {
                    "3A090.b item designed or marketed for datacenters"
                } else {
                    "3A090.a item not designed or marketed for datacenters with TPP ≥ 4,800"
                }
            ));
        }
    }
    if let Some(p) = c.paragraph {
        c.controlled = true;
        c.eccn = p.label(specs.is_system);
        if specs.is_system {
            c.reasons.push(format!(
                "a system of {} such ICs: {} (computers, assemblies and components containing {})",
                specs.chips_per_unit,
                c.eccn,
                p.label(false)
            ));
        }
    }
    c
}

/// Classify a catalogue item by name.
pub fn classify_item(name: &str, date: NaiveDate) -> Result<(Item, Classification), RulesError> {
    let item = crate::catalogue::Catalogue::bundled().get(name)?;
    let c = classify(&Specs::of(&item), date);
    Ok((item, c))
}
