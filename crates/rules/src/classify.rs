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

/// The thresholds of the classification rule versions, resolved once from `versions.toml`.
#[derive(Debug, Clone)]
pub struct Thresholds {
    pub v1_effective: NaiveDate,
    pub v1_tpp_min: f64,
    pub v1_io_min: f64,
    pub v2_effective: NaiveDate,
    pub a1_tpp_min: f64,
    pub a2_tpp_min: f64,
    pub a2_pd_min: f64,
    pub b1_tpp_min: f64,
    pub b1_tpp_max: f64,
    pub b1_pd_min: f64,
    pub b1_pd_max: f64,
    pub b2_tpp_min: f64,
    pub b2_pd_min: f64,
    pub b2_pd_max: f64,
    pub note2_tpp_min: f64,
}

impl Thresholds {
    pub fn bundled() -> &'static Thresholds {
        static T: std::sync::OnceLock<Thresholds> = std::sync::OnceLock::new();
        T.get_or_init(|| {
            let book = RuleBook::bundled();
            let v1 = book.get("v1_2022");
            let v2 = book.get("v2_2023");
            Thresholds {
                v1_effective: v1.effective,
                v1_tpp_min: v1.num("tpp_min"),
                v1_io_min: v1.num("io_min_gbps"),
                v2_effective: v2.effective,
                a1_tpp_min: v2.num("a1_tpp_min"),
                a2_tpp_min: v2.num("a2_tpp_min"),
                a2_pd_min: v2.num("a2_pd_min"),
                b1_tpp_min: v2.num("b1_tpp_min"),
                b1_tpp_max: v2.num("b1_tpp_max"),
                b1_pd_min: v2.num("b1_pd_min"),
                b1_pd_max: v2.num("b1_pd_max"),
                b2_tpp_min: v2.num("b2_tpp_min"),
                b2_pd_min: v2.num("b2_pd_min"),
                b2_pd_max: v2.num("b2_pd_max"),
                note2_tpp_min: v2.num("note2_tpp_min"),
            }
        })
    }
}

/// Which classification rule applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Before 2022-10-07.
    None,
    V1,
    V2,
}

/// The bare decision, without explanations: what bulk classification needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub regime: Regime,
    pub paragraph: Option<EccnParagraph>,
    /// Outside 3A090 by Note 2 (not for datacenters, TPP below 4,800).
    pub note2: bool,
    /// A test could not be decided for a missing input (I/O rate in 2022, die area after).
    pub undecided: bool,
}

/// Decide the paragraph for raw measurements on `date`. Allocation-free: one comparison
/// chain per call, so bulk classification runs at millions of specs per second.
pub fn decide(
    t: &Thresholds,
    tpp: f64,
    pd: Option<f64>,
    io_gbps: Option<f64>,
    datacenter: bool,
    date: NaiveDate,
) -> Decision {
    let mut d = Decision {
        regime: Regime::None,
        paragraph: None,
        note2: false,
        undecided: false,
    };
    if date < t.v1_effective {
        return d;
    }
    if date < t.v2_effective {
        d.regime = Regime::V1;
        if tpp >= t.v1_tpp_min {
            match io_gbps {
                Some(io) if io >= t.v1_io_min => d.paragraph = Some(EccnParagraph::V1),
                Some(_) => {}
                None => d.undecided = true,
            }
        }
        return d;
    }
    d.regime = Regime::V2;
    if !datacenter && tpp < t.note2_tpp_min {
        d.note2 = true;
    } else if tpp >= t.a1_tpp_min {
        d.paragraph = Some(EccnParagraph::A1);
    } else if let Some(pd) = pd {
        if tpp >= t.a2_tpp_min && pd >= t.a2_pd_min {
            d.paragraph = Some(EccnParagraph::A2);
        } else if tpp >= t.b1_tpp_min && tpp < t.b1_tpp_max && pd >= t.b1_pd_min && pd < t.b1_pd_max
        {
            d.paragraph = Some(EccnParagraph::B1);
        } else if tpp >= t.b2_tpp_min && pd >= t.b2_pd_min && pd < t.b2_pd_max {
            d.paragraph = Some(EccnParagraph::B2);
        }
    } else if tpp >= t.a2_tpp_min {
        d.undecided = true;
    }
    d
}

/// Classify `specs` under the rules in force on `date`, with the reasoning.
pub fn classify(specs: &Specs, date: NaiveDate) -> Classification {
    let book = RuleBook::bundled();
    let t = Thresholds::bundled();
    let v1 = book.get("v1_2022");
    let v2 = book.get("v2_2023");
    let pd = specs.pd();
    let tpp = specs.tpp;
    let dec = decide(t, tpp, pd, specs.interconnect_gbps, specs.datacenter, date);
    let mut c = Classification {
        item: specs.name.clone(),
        as_of: date,
        rule: "none".into(),
        citation: String::new(),
        paragraph: dec.paragraph,
        eccn: "not 3A090".into(),
        controlled: dec.paragraph.is_some(),
        tpp,
        pd,
        datacenter: specs.datacenter,
        nac_eligible: false,
        reasons: vec![format!("TPP {} ({})", fmt(tpp), specs.tpp_basis)],
    };
    let cmp = |ok: bool| if ok { "≥" } else { "<" };
    match dec.regime {
        Regime::None => c.reasons.push(format!(
            "{date} is before the first advanced-computing rule ({}, effective {}): no 3A090 existed",
            v1.citation, v1.effective
        )),
        Regime::V1 => {
            c.rule = v1.id.clone();
            c.citation = v1.citation.clone();
            let io = specs.interconnect_gbps;
            c.reasons.push(format!(
                "2022 test (3A090.a, {}): TPP {} {} {} and I/O {} {} {} GB/s",
                v1.citation,
                fmt(tpp),
                cmp(tpp >= t.v1_tpp_min),
                fmt(t.v1_tpp_min),
                io.map_or("unknown".to_string(), fmt),
                cmp(io.is_some_and(|x| x >= t.v1_io_min)),
                fmt(t.v1_io_min)
            ));
            if dec.undecided {
                c.reasons.push("the I/O rate is unknown: the 2022 test cannot be decided; treated as not met".into());
            }
        }
        Regime::V2 => {
            c.rule = v2.id.clone();
            c.citation = v2.citation.clone();
            let cite = &v2.citation;
            let pdv = pd.unwrap_or(f64::NAN);
            c.reasons.push(match (dec.paragraph, dec.note2, dec.undecided) {
                (_, true, _) => format!(
                    "Note 2 to 3A090 ({cite}): not designed or marketed for datacenters and TPP {} < {}: 3A090 does not apply",
                    fmt(tpp),
                    fmt(t.note2_tpp_min)
                ),
                (Some(EccnParagraph::A1), _, _) => {
                    format!("3A090.a.1: TPP {} ≥ {} ({cite})", fmt(tpp), fmt(t.a1_tpp_min))
                }
                (Some(EccnParagraph::A2), _, _) => format!(
                    "3A090.a.2: TPP {} ≥ {} and performance density {pdv:.2} ≥ {} ({cite})",
                    fmt(tpp),
                    fmt(t.a2_tpp_min),
                    t.a2_pd_min
                ),
                (Some(EccnParagraph::B1), _, _) => format!(
                    "3A090.b.1: {} ≤ TPP {} < {} and {} ≤ PD {pdv:.2} < {} ({cite})",
                    fmt(t.b1_tpp_min),
                    fmt(tpp),
                    fmt(t.b1_tpp_max),
                    t.b1_pd_min,
                    t.b1_pd_max
                ),
                (Some(EccnParagraph::B2), _, _) => format!(
                    "3A090.b.2: TPP {} ≥ {} and {} ≤ PD {pdv:.2} < {} ({cite})",
                    fmt(tpp),
                    fmt(t.b2_tpp_min),
                    t.b2_pd_min,
                    t.b2_pd_max
                ),
                (_, _, true) => "TPP is below 4,800 and the applicable die area is unknown: a.2/b cannot be decided; give the die area".into(),
                _ if pd.is_some() => format!(
                    "below every 3A090 threshold: TPP {} < {} for a.1; PD {pdv:.2} below {} (a.2) and {} (b.2), and TPP outside b.1 ({cite})",
                    fmt(tpp),
                    fmt(t.a1_tpp_min),
                    t.a2_pd_min,
                    t.b2_pd_min
                ),
                _ => format!("TPP {} < {}: below every 3A090 threshold ({cite})", fmt(tpp), fmt(t.a2_tpp_min)),
            });
            c.nac_eligible = match c.paragraph {
                Some(EccnParagraph::A1) => !specs.datacenter,
                Some(EccnParagraph::B1 | EccnParagraph::B2) => specs.datacenter,
                _ => false,
            };
            if c.nac_eligible {
                c.reasons.push(format!(
                    "License Exception NAC may apply ({cite}): {}",
                    if specs.datacenter {
                        "3A090.b item designed or marketed for datacenters"
                    } else {
                        "3A090.a item not designed or marketed for datacenters with TPP ≥ 4,800"
                    }
                ));
            }
        }
    }
    if let Some(p) = c.paragraph {
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
