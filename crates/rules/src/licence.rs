//! Does this shipment need a licence, under the rules in force on its date?
//!
//! Two views from 2025-05-13, when the AI Diffusion rule stopped being enforced though it was
//! never lawfully rescinded (GAO B-337935): `as_enforced` (the 2023 scope plus the 2025-26
//! overlays) and `as_written` (AI Diffusion's worldwide licence requirement).
//!
//! The determination covers the advanced-computing licence requirements of 3A090/4A090
//! (§742.6(a)(6)), the headquarters rule, License Exceptions NAC/ACA and LPP, the 2025 H20
//! letters (advisory) and the 2026 case-by-case envelope. It does not evaluate end-use
//! controls (§744.21/§744.23) or restricted parties: those are screening's job.

use chrono::NaiveDate;
use serde::Serialize;

use crate::classify::{Classification, Specs, classify};
use crate::groups::{CountryGroups, governing_country};
use crate::versions::RuleBook;

/// Which legal view to take where enforcement and the text part ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    AsEnforced,
    AsWritten,
}

/// A shipment to determine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shipment {
    pub quantity: u64,
    /// Destination country (ISO alpha-2).
    pub destination: String,
    /// End user's country, if not the destination.
    pub end_user_country: Option<String>,
    /// End user's headquarters country.
    pub end_user_hq: Option<String>,
    /// Ultimate parent's headquarters country.
    pub parent_hq: Option<String>,
    /// Country the item is exported or re-exported from.
    pub exporting_country: String,
    pub date: NaiveDate,
    pub mode: Mode,
    /// Declared end use, carried into the explanation.
    pub end_use: Option<String>,
}

/// A reason with the rule it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub text: String,
    pub citation: String,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Determination {
    pub licence_required: bool,
    /// `presumption of denial`, `presumption of approval`, `case-by-case`, or none.
    pub review_policy: Option<String>,
    /// License exceptions that may apply, with their conditions.
    pub exceptions: Vec<String>,
    /// Advisory requirements with no published test (e.g. the 2025 H20 letters).
    pub advisories: Vec<Reason>,
    pub classification: Classification,
    pub mode: Mode,
    /// Rule versions in force on the date and used.
    pub versions: Vec<String>,
    pub reasons: Vec<Reason>,
    /// Aggregate TPP of the shipment (quantity × ICs per unit × TPP).
    pub shipment_tpp: f64,
}

fn r(text: impl Into<String>, citation: impl Into<String>) -> Reason {
    Reason {
        text: text.into(),
        citation: citation.into(),
    }
}

const CHINA_AREA: &[&str] = &["CN", "HK", "MO"];

fn policy_rank(p: Option<&str>) -> u8 {
    match p {
        Some("presumption of denial") => 4,
        Some("as stated in the letter") => 3,
        Some("case-by-case") => 2,
        Some("presumption of approval") => 1,
        _ => 0,
    }
}

/// Determine the licence requirement for `quantity` units of `specs` in `shipment`.
///
/// When the end user is in another country than the ship-to destination, both are
/// determined: a licence is required if either needs one, and the stricter review applies
/// (an export to Singapore for an end user in China is governed by China).
pub fn determine(specs: &Specs, shipment: &Shipment) -> Determination {
    let ship_to = shipment.destination.to_ascii_uppercase();
    // One classification serves both destinations.
    let class = classify(specs, shipment.date);
    let mut det = determine_to(specs, &class, shipment, &ship_to);
    if let Some(eu) = shipment
        .end_user_country
        .as_deref()
        .map(str::to_ascii_uppercase)
        && eu != ship_to
    {
        let other = determine_to(specs, &class, shipment, &eu);
        let note = format!(
            "the end user is in {eu}, the ship-to in {ship_to}: both destinations are determined and the stricter result applies ({eu}: {})",
            if other.licence_required {
                format!(
                    "licence required, {}",
                    other.review_policy.as_deref().unwrap_or("no review policy")
                )
            } else {
                "no licence".to_string()
            }
        );
        if other.licence_required
            && (!det.licence_required
                || policy_rank(other.review_policy.as_deref())
                    > policy_rank(det.review_policy.as_deref()))
        {
            let mut o = other;
            o.reasons
                .insert(0, r(note, "§742.6(a)(6); 15 CFR 734.14 (re-export)"));
            return o;
        }
        det.reasons
            .insert(0, r(note, "§742.6(a)(6); 15 CFR 734.14 (re-export)"));
    }
    det
}

fn determine_to(
    specs: &Specs,
    class: &Classification,
    shipment: &Shipment,
    dest: &str,
) -> Determination {
    let book = RuleBook::bundled();
    let groups = CountryGroups::bundled();
    let d = shipment.date;
    let class = class.clone();
    let dest = dest.to_string();
    let in_group = |g: &str, c: &str| groups.is_in(g, c, d);
    let d5_or_macau = |c: &str| in_group("D:5", c) || c.eq_ignore_ascii_case("MO");
    let hq_countries: Vec<(&str, String)> = [
        ("end user", shipment.end_user_hq.clone()),
        ("ultimate parent", shipment.parent_hq.clone()),
    ]
    .into_iter()
    .filter_map(|(who, c)| c.map(|c| (who, c.to_ascii_uppercase())))
    .collect();
    let mut det = Determination {
        licence_required: false,
        review_policy: None,
        exceptions: Vec::new(),
        advisories: Vec::new(),
        classification: class.clone(),
        mode: shipment.mode,
        versions: book
            .versions
            .iter()
            .filter(|v| v.in_force(d))
            .map(|v| v.id.clone())
            .collect(),
        reasons: Vec::new(),
        shipment_tpp: specs.tpp * f64::from(specs.chips_per_unit) * shipment.quantity as f64,
    };
    let groups_text = |c: &str| {
        let g = groups.groups_of(c, d);
        let shown = if governing_country(c) != c {
            format!("{c} (governed by CN's entries)")
        } else {
            c.to_string()
        };
        if g.is_empty() {
            format!("{shown}: in none of A:5, A:6, D:1, D:4, D:5")
        } else {
            format!("{shown}: {}", g.join(", "))
        }
    };
    det.reasons.push(r(
        format!("{}: {}", class.item, class.eccn),
        if class.citation.is_empty() {
            "no rule in force".to_string()
        } else {
            class.citation.clone()
        },
    ));
    det.reasons.push(r(
        format!("country groups on {d}: {}", groups_text(&dest)),
        "15 CFR Part 740 Supp. No. 1",
    ));

    // The 2025 is-informed letters reach named items whatever their classification.
    let h20 = book.get("h20_letter_2025");
    let named = h20.list("named_items");
    let is_named = specs
        .chip_id
        .as_deref()
        .is_some_and(|id| named.iter().any(|n| n.eq_ignore_ascii_case(id)));
    if h20.in_force(d) && is_named {
        let hq_hit = hq_countries
            .iter()
            .any(|(_, c)| CHINA_AREA.contains(&c.as_str()) || d5_or_macau(c));
        if CHINA_AREA.contains(&dest.as_str()) || d5_or_macau(&dest) || hq_hit {
            det.licence_required = true;
            det.review_policy
                .get_or_insert_with(|| "as stated in the letter".into());
            det.advisories.push(r(
                format!(
                    "{} is named in the {} is-informed letters: a licence is required to China, Hong Kong, Macau and D:5, \
                     and for entities headquartered there (advisory: no published numeric test)",
                    specs.name, h20.effective
                ),
                h20.citation.clone(),
            ));
        }
    }

    if !class.controlled {
        if !det.licence_required {
            det.reasons.push(r(
                "not 3A090/4A090 on this date: no advanced-computing licence requirement (end-use and party controls not evaluated)",
                class.citation.clone(),
            ));
        }
        return det;
    }

    let v1 = book.get("v1_2022");
    let v2 = book.get("v2_2023");
    if d < v2.effective {
        // 2022 rule: China (with Hong Kong) and, from 2023-01-18, Macau.
        let macau = book.get("macau_2023");
        let hit = matches!(dest.as_str(), "CN" | "HK") || (dest == "MO" && macau.in_force(d));
        if hit {
            det.licence_required = true;
            det.review_policy = Some("presumption of denial".into());
            det.reasons.push(r(
                format!("destination {dest} is within the 2022 rule's scope (China, Hong Kong; Macau from 2023-01-18)"),
                format!("{}; {}", v1.citation, macau.citation),
            ));
        } else {
            det.reasons.push(r(
                format!("destination {dest} is outside the 2022 rule's scope (China, Hong Kong, Macau); the 2022 rule had no headquarters test"),
                v1.citation.clone(),
            ));
        }
        return det;
    }

    // 2023 onwards.
    let scope = |c: &str| {
        let in_d = in_group("D:1", c) || in_group("D:4", c) || in_group("D:5", c);
        let excluded = in_group("A:5", c) || in_group("A:6", c);
        (in_d && !excluded) || c.eq_ignore_ascii_case("MO")
    };
    let dest_in_scope = scope(&dest);
    let hq_hits: Vec<&(&str, String)> = hq_countries
        .iter()
        .filter(|(_, c)| d5_or_macau(c))
        .collect();
    let uae = book.get("uae_2026");
    let uae_hit = dest == "AE" && uae.in_force(d);
    let diffusion = book.get("diffusion_2025");
    let not_enforced = book.get("diffusion_not_enforced_2025");
    let as_written_diffusion = shipment.mode == Mode::AsWritten
        && diffusion.in_force(d)
        && class.paragraph.is_some_and(|p| p.is_a());

    if dest_in_scope {
        det.licence_required = true;
        det.reasons.push(r(
            format!(
                "destination {dest} is in D:1, D:4 or D:5 and not also in A:5 or A:6 (or is Macau): licence required for {}",
                class.eccn
            ),
            format!("{}; §742.6(a)(6)", v2.citation),
        ));
    } else if !as_written_diffusion {
        det.reasons.push(r(
            format!("destination {dest} is outside the licence scope ((D:1 ∪ D:4 ∪ D:5) − (A:5 ∪ A:6), plus Macau)"),
            v2.citation.clone(),
        ));
    }
    for (who, c) in &hq_hits {
        det.licence_required = true;
        det.reasons.push(r(
            format!("the {who} is headquartered in {c} (D:5 or Macau): licence required to any destination (headquarters rule)"),
            format!("{}; §742.6(a)(6)(iii)(A); BIS guidance 2026-05-31", v2.citation),
        ));
    }
    if uae_hit {
        det.licence_required = true;
        det.reasons.push(r(
            "UAE: licence still required except for the UAE government, G42/Core42 (until 2027-04-06) and US-headquartered AI firms and their UAE subsidiaries (License Exception STA) [unverified rule text]",
            uae.citation.clone(),
        ));
    }
    if as_written_diffusion {
        let tier1 = in_group("TIER1", &dest);
        let tier3 = d5_or_macau(&dest);
        if tier1 {
            det.reasons.push(r(
                format!("AI Diffusion as written: {dest} is Tier 1, no licence under License Exception AIA"),
                diffusion.citation.clone(),
            ));
        } else {
            det.licence_required = true;
            let lpp = diffusion.num("lpp_tpp_per_consignee_year");
            det.reasons.push(r(
                format!(
                    "AI Diffusion as written: 3A090.a/4A090.a need a licence to every destination outside Tier 1; {dest} is Tier {}",
                    if tier3 { "3" } else { "2" }
                ),
                diffusion.citation.clone(),
            ));
            if !tier3 {
                if det.shipment_tpp <= lpp {
                    det.exceptions.push(format!(
                        "LPP (§740.29): shipment TPP {} ≤ {} per consignee per year, if the consignee's yearly total stays within it",
                        fmt(det.shipment_tpp),
                        fmt(lpp)
                    ));
                } else {
                    det.reasons.push(r(
                        format!("shipment TPP {} exceeds the LPP allowance of {} per consignee per year", fmt(det.shipment_tpp), fmt(lpp)),
                        diffusion.citation.clone(),
                    ));
                }
                det.reasons.push(r(
                    format!(
                        "Tier 2 country cap: {} TPP for 2025-2027 (about 50,000 H100)",
                        fmt(diffusion.num("tier2_country_cap_tpp"))
                    ),
                    diffusion.citation.clone(),
                ));
            }
        }
        if not_enforced.in_force(d) {
            det.reasons.push(r(
                "the AI Diffusion rule has not been enforced since 2025-05-13 (mode as_written applies its text regardless)",
                not_enforced.citation.clone(),
            ));
        }
    } else if diffusion.in_force(d) && shipment.mode == Mode::AsEnforced {
        det.reasons.push(r(
            if not_enforced.in_force(d) {
                "AI Diffusion rule not enforced since 2025-05-13: the 2023 scope applies (use mode as_written for the rule's text)"
            } else {
                "AI Diffusion rule in force but its compliance date is 2025-05-15: the 2023 scope applies as enforced"
            },
            not_enforced.citation.clone(),
        ));
    }

    if !det.licence_required {
        return det;
    }

    // Review policy.
    let china_like = d5_or_macau(&dest) || !hq_hits.is_empty();
    let v4 = book.get("v4_2026");
    if china_like {
        let envelope = specs.tpp < v4.num("tpp_max")
            && specs
                .memory_bw_gbps
                .is_some_and(|b| b < v4.num("dram_bw_max_gbps"));
        let china_dest = CHINA_AREA.contains(&dest.as_str());
        if v4.in_force(d)
            && envelope
            && china_dest
            && shipment.exporting_country.eq_ignore_ascii_case("US")
        {
            det.review_policy = Some("case-by-case".into());
            det.reasons.push(r(
                format!(
                    "2026 envelope: TPP {} < {} and DRAM bandwidth {} < {} GB/s, exported from the US: case-by-case review, \
                     with certifications (US supply, China volume ≤ 50% of US shipments, KYC against remote access, third-party test)",
                    fmt(specs.tpp),
                    fmt(v4.num("tpp_max")),
                    specs.memory_bw_gbps.map_or("?".into(), fmt),
                    fmt(v4.num("dram_bw_max_gbps"))
                ),
                v4.citation.clone(),
            ));
        } else {
            det.review_policy = Some("presumption of denial".into());
            if v4.in_force(d) && china_dest {
                let why = if !envelope {
                    format!(
                        "outside the 2026 envelope (TPP {} vs < {}; DRAM bandwidth {} vs < {} GB/s)",
                        fmt(specs.tpp),
                        fmt(v4.num("tpp_max")),
                        specs.memory_bw_gbps.map_or("unknown".into(), fmt),
                        fmt(v4.num("dram_bw_max_gbps"))
                    )
                } else {
                    format!(
                        "not exported from the US (exporting country {})",
                        shipment.exporting_country
                    )
                };
                det.reasons.push(r(
                    format!("no case-by-case review: {why}"),
                    v4.citation.clone(),
                ));
            }
        }
    } else if det.review_policy.is_none() {
        det.review_policy = Some("presumption of approval".into());
    }

    // License Exceptions NAC / ACA.
    if class.nac_eligible && !as_written_diffusion {
        let split = book.get("nac_aca_2024");
        if split.in_force(d) {
            if d5_or_macau(&dest) {
                det.exceptions.push(format!(
                    "NAC (with 25-day notification) to {dest}: {}",
                    split.citation
                ));
            } else if dest_in_scope {
                det.exceptions.push(format!(
                    "ACA (no notification) to {dest}: {}",
                    split.citation
                ));
            }
        } else {
            det.exceptions
                .push(format!("NAC (with notification): {}", v2.citation));
        }
    }
    det
}

fn fmt(v: f64) -> String {
    chipwatch_model::units::thousands(v)
}
